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

/// The cross-referenced corpus of articles given as text.
pub(crate) fn corpus_of(articles: &[&str]) -> crate::model::Corpus {
    crate::corpus::build(&crate::load::texts_for_test(articles))
}

/// Generated articles of several stories (forty, five outlets an event),
/// segmented and grouped into stories but not cross-referenced, and each
/// source's story.
pub(crate) fn generated_stories() -> (crate::model::Corpus, Vec<usize>) {
    let articles = crate::synth::corpus(40, 5);
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut corpus = crate::corpus::segment_corpus(&crate::load::texts_for_test(&texts));
    crate::corpus::group_stories(&mut corpus);
    assert!(corpus.stories.len() > 3, "{} stories", corpus.stories.len());
    let story_of = crate::stories::story_of_source(&corpus.stories, corpus.sources.len());
    (corpus, story_of)
}

/// Two reports of one harbour blast: the deaths sentence of each links,
/// the other sentences each outlet states alone.
pub(crate) fn harbour_blast() -> crate::model::Corpus {
    corpus_of(&[
        "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier.\n\n\
         The port will stay closed until Friday, the harbour master said.\n",
        "Port explosion\n\nFour dockworkers were killed when a fuel tank blew up at the northern pier.\n\n\
         Ferries were sent south to the old terminal for the week.\n",
    ])
}

/// The first passage whose text starts with `start`.
pub(crate) fn passage_starting(corpus: &crate::model::Corpus, start: &str) -> usize {
    corpus
        .passages
        .iter()
        .position(|p| p.text.starts_with(start))
        .unwrap_or_else(|| panic!("no passage starts with {start:?}"))
}
