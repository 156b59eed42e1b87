//! Near-identical spellings among a corpus's terms ("penelac" / "penelec",
//! "shettleston" / "shettlestone"). Comparisons ask whether two unmatched
//! terms are spelling variants for every pair of passages compared; the
//! same terms come up again and again, so each term's variants are listed
//! the first time it is asked about, and looked up after that. Lazily: a
//! corpus may hold tens of thousands of near-identical terms ("word1",
//! "word2"…) that no comparison ever asks about.

use std::sync::OnceLock;

use super::analysis::TermId;
use crate::text::spelling::near_spelling;

/// Shortest term (in characters) whose spelling variants count.
const MIN_CHARS: usize = 5;
/// Most characters two variants' lengths may differ by.
const MAX_LENGTH_GAP: usize = 2;

/// Each term's spelling variants, sorted by id, found when first asked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Respellings {
    /// Terms by first byte, in order of length: (characters, term).
    buckets: Vec<Vec<(u32, TermId)>>,
    chars: Vec<u32>,
    letters: Vec<u32>,
    lists: Vec<OnceLock<Box<[TermId]>>>,
}

impl Respellings {
    /// The index of `names` (terms' names; a number's starts with '#' and
    /// has no variants).
    pub(crate) fn new(names: &[String]) -> Respellings {
        let chars: Vec<u32> = names.iter().map(|n| n.chars().count() as u32).collect();
        let mut buckets: Vec<Vec<(u32, TermId)>> = vec![Vec::new(); 256];
        for (t, name) in names.iter().enumerate() {
            let first = name.bytes().next().unwrap_or(0);
            buckets[usize::from(first)].push((chars[t], t as TermId));
        }
        for b in &mut buckets {
            b.sort_unstable();
        }
        Respellings {
            buckets,
            chars,
            letters: names.iter().map(|n| letter_set(n)).collect(),
            lists: (0..names.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The spelling variants of `term` among `names` (the names the index
    /// was made from): names of at least [`MIN_CHARS`] characters with the
    /// same first byte, lengths at most two apart, that [`near_spelling`]
    /// accepts. None for a term out of range.
    pub(crate) fn of<'s>(&'s self, term: TermId, names: &[String]) -> &'s [TermId] {
        let a = term as usize;
        let Some(slot) = self.lists.get(a) else {
            return &[];
        };
        slot.get_or_init(|| {
            let name = &names[a];
            let first = name.bytes().next().unwrap_or(0);
            let chars = self.chars[a];
            if (chars as usize) < MIN_CHARS || first == b'#' {
                return Box::default();
            }
            let gap = MAX_LENGTH_GAP as u32;
            let bucket = &self.buckets[usize::from(first)];
            let from = bucket.partition_point(|&(c, _)| c + gap < chars);
            let mut out: Vec<TermId> = bucket[from..]
                .iter()
                .take_while(|&&(c, _)| c <= chars + gap)
                .map(|&(_, b)| b)
                .filter(|&b| {
                    // k edits change the set of letters by at most 2k (k is
                    // 2 at most): a cheap test that most pairs fail.
                    let b = b as usize;
                    b != a
                        && (self.letters[a] ^ self.letters[b]).count_ones() <= 4
                        && near_spelling(name, &names[b])
                })
                .collect();
            out.sort_unstable();
            out.into_boxed_slice()
        })
    }
}

/// The letters a word uses, as bits (a-z; other characters share six
/// bits, which only makes the set smaller).
fn letter_set(word: &str) -> u32 {
    word.chars().fold(0u32, |set, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            _ => 26 + c as u32 % 6,
        };
        set | 1 << bit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_listed_both_ways_and_nothing_else() {
        let names: Vec<String> = [
            "penelec",
            "penelac",
            "pennsylvania",
            "killed",
            "filled",
            "#5",
            "kille",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let index = Respellings::new(&names);
        let of = |t: usize| index.of(t as TermId, &names);
        assert_eq!(of(0), &[1]);
        assert_eq!(of(1), &[0]);
        assert!(of(2).is_empty());
        // Same first letter only: "killed" / "filled" are not variants.
        assert_eq!(of(3), &[6]);
        assert!(of(4).is_empty());
        assert!(of(5).is_empty());
        assert!(of(99).is_empty());
        // Exactly what the pairwise test says, over every pair.
        for a in 0..names.len() {
            for b in 0..names.len() {
                let eligible = a != b
                    && names[a].chars().count() >= MIN_CHARS
                    && !names[a].starts_with('#')
                    && names[a].bytes().next() == names[b].bytes().next()
                    && names[a].chars().count().abs_diff(names[b].chars().count())
                        <= MAX_LENGTH_GAP;
                let listed = of(a).contains(&(b as TermId));
                assert_eq!(
                    listed,
                    eligible && near_spelling(&names[a], &names[b]),
                    "{a} {b}"
                );
            }
        }
    }
}
