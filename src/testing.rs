//! Helpers shared by unit tests.

/// A deterministic xorshift generator (Marsaglia's 13/7/17 triple): the
/// property tests' random inputs, the same on every run and machine.
pub(crate) struct Xorshift(u64);

impl Xorshift {
    /// A generator from a nonzero seed.
    pub(crate) fn new(seed: u64) -> Self {
        Xorshift(seed.max(1))
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next value below `n` (not zero).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// One to `most` words drawn from `words`, joined by spaces: a random
    /// text for a property test.
    pub(crate) fn words(&mut self, words: &[&str], most: u64) -> String {
        let n = 1 + self.below(most);
        let drawn: Vec<&str> = (0..n)
            .map(|_| words[self.below(words.len() as u64) as usize])
            .collect();
        drawn.join(" ")
    }

    /// Fewer than `most` pieces drawn from `pieces` (maybe none), run
    /// together: the pieces carry their own spaces.
    pub(crate) fn pieces(&mut self, pieces: &[&str], most: u64) -> String {
        let n = self.below(most);
        (0..n)
            .map(|_| pieces[self.below(pieces.len() as u64) as usize])
            .collect()
    }
}
