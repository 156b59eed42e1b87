//! Features of a pair of passages: how much weighted content they share,
//! in which order, and whether their numbers agree.

mod bounds;
mod kernel;
mod marks;
mod neighbours;
mod order;

use std::cell::RefCell;

use super::analysis::{Analysed, TermId, TermStats};
pub use bounds::FeatureBounds;
pub(crate) use kernel::{Scratch, Side, merge_walk, numbers_clash};

/// Number of features.
pub const FEATURES: usize = 17;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairFeatures {
    /// Shared weight over the geometric mean of both weights.
    pub cosine: f64,
    /// Shared weight over the lighter passage's weight: one passage
    /// contained in the other.
    pub cover_min: f64,
    /// Shared weight over the heavier passage's weight.
    pub cover_max: f64,
    /// Dice coefficient of consecutive content-term pairs: copied phrasing.
    pub bigram_dice: f64,
    /// Unweighted Jaccard overlap of content terms.
    pub jaccard: f64,
    /// Longest common subsequence of content terms over the shorter length.
    pub order: f64,
    /// Share of numbers stated by only one side, when both state numbers.
    pub number_conflict: f64,
    /// Weight of the content the heavier side states and the other does not,
    /// as ln(1 + w): extra information, in absolute terms.
    pub extra_max: f64,
    /// The same for the lighter side.
    pub extra_min: f64,
    /// F1 of all folded words, function words included: shared phrasing.
    pub word_f1: f64,
    /// Share of word trigrams (function words included) in common.
    pub trigram_f1: f64,
    /// Capitalised words (names) on one side only, over all capitalised words.
    pub name_mismatch: f64,
    /// Cosine of the two passages' averaged word vectors: meaning shared
    /// in other words.
    pub embedding: f64,
    /// Share of the numbers of the side stating fewer that the other
    /// states too (0 when either states none): the same figures.
    pub number_agree: f64,
    /// Capitalised words (names) both state, as min(n, 3) / 3.
    pub names_shared: f64,
    /// Information content of the rarest term both state, over 10 (at most
    /// 1): one rare shared word is stronger evidence than many common ones.
    pub rarest_shared: f64,
    /// ln(1 + content terms of the shorter side): short sentences give
    /// little evidence either way.
    pub shorter_terms: f64,
}

impl PairFeatures {
    pub fn as_array(&self) -> [f64; FEATURES] {
        [
            self.cosine,
            self.cover_min,
            self.cover_max,
            self.bigram_dice,
            self.jaccard,
            self.order,
            self.number_conflict,
            self.extra_max,
            self.extra_min,
            self.word_f1,
            self.trigram_f1,
            self.name_mismatch,
            self.embedding,
            self.number_agree,
            self.names_shared,
            self.rarest_shared,
            self.shorter_terms,
        ]
    }

    /// The features from their values in the order of
    /// [`PairFeatures::as_array`].
    #[cfg(test)]
    pub(crate) fn from_array(x: [f64; FEATURES]) -> Self {
        PairFeatures {
            cosine: x[0],
            cover_min: x[1],
            cover_max: x[2],
            bigram_dice: x[3],
            jaccard: x[4],
            order: x[5],
            number_conflict: x[6],
            extra_max: x[7],
            extra_min: x[8],
            word_f1: x[9],
            trigram_f1: x[10],
            name_mismatch: x[11],
            embedding: x[12],
            number_agree: x[13],
            names_shared: x[14],
            rarest_shared: x[15],
            shorter_terms: x[16],
        }
    }

    pub const NAMES: [&'static str; FEATURES] = [
        "cosine",
        "cover_min",
        "cover_max",
        "bigram_dice",
        "jaccard",
        "order",
        "number_conflict",
        "extra_max",
        "extra_min",
        "word_f1",
        "trigram_f1",
        "name_mismatch",
        "embedding",
        "number_agree",
        "names_shared",
        "rarest_shared",
        "shorter_terms",
    ];
}

/// The features of a pair and the terms it shares (heaviest first).
#[derive(Debug, Clone, Default)]
pub struct PairComparison {
    pub features: PairFeatures,
    pub shared: Vec<(TermId, f64)>,
    /// Near-identical spellings matched: (term of a, term of b).
    pub near: Vec<(TermId, TermId)>,
    /// Near-synonyms matched by word vectors: (term of a, term of b).
    pub similar: Vec<(TermId, TermId)>,
}

/// Compares two analysed units, with the evidence (for links and
/// `explain`).
pub fn compare(a: &Analysed, b: &Analysed, stats: &TermStats) -> PairComparison {
    with_scratch(|scratch| {
        let features = scratch.compare(a, b, stats);
        PairComparison {
            features,
            shared: heaviest_first(&scratch.shared),
            near: scratch.near.clone(),
            similar: scratch.similar.clone(),
        }
    })
}

/// The terms two units share: the evidence of a link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SharedTerms {
    /// Shared exactly, with their weights, heaviest first.
    pub exact: Vec<(TermId, f64)>,
    /// Near-identical spellings matched: (term of a, term of b).
    pub respelt: Vec<(TermId, TermId)>,
}

/// The terms two units share, without the rest of a comparison.
pub fn shared_terms(a: &[TermId], b: &[TermId], stats: &TermStats) -> SharedTerms {
    with_scratch(|scratch| {
        scratch.match_terms(a, b, stats);
        SharedTerms {
            exact: heaviest_first(&scratch.shared),
            respelt: scratch.near.clone(),
        }
    })
}

/// Shared terms with their weights, heaviest first (the order evidence is
/// listed in).
fn heaviest_first(shared: &[(TermId, f64)]) -> Vec<(TermId, f64)> {
    let mut out = shared.to_vec();
    out.sort_by(|x, y| y.1.total_cmp(&x.1));
    out
}

/// How many content terms a pair shares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SharedCount {
    /// Exactly, by spelling or by meaning.
    pub terms: usize,
    /// The words among them: exactly or by spelling. A neighbour in
    /// meaning adds weight but is no second word in common: the word
    /// vectors also put "hope" by "way" and "part" by "regardless".
    pub words: usize,
}

/// A pair's features and how many content terms it shares, without the
/// evidence: what verification needs; `None` when `hopeless` says from the
/// bounds of the features that the pair is not worth finishing (see
/// [`FeatureBounds`]).
pub fn score_pair_unless(
    a: &Analysed,
    b: &Analysed,
    stats: &TermStats,
    hopeless: &dyn Fn(&FeatureBounds) -> bool,
) -> Option<(PairFeatures, SharedCount)> {
    with_scratch(|scratch| {
        let features = scratch.compare_unless(a, b, stats, Some(hopeless))?;
        let words = scratch.shared.len() + scratch.near.len();
        let terms = words + scratch.similar.len();
        Some((features, SharedCount { terms, words }))
    })
}

/// [`score_pair_unless`] with nothing hopeless (for tests).
#[cfg(test)]
fn score_pair(a: &Analysed, b: &Analysed, stats: &TermStats) -> (PairFeatures, SharedCount) {
    score_pair_unless(a, b, stats, &|_| false).unwrap_or_default()
}

/// The bounds the kernel computes for a pair (for tests of them).
#[cfg(test)]
fn with_bounds(a: &Analysed, b: &Analysed, stats: &TermStats) -> FeatureBounds {
    let seen = RefCell::new(None);
    score_pair_unless(a, b, stats, &|bounds| {
        *seen.borrow_mut() = Some(bounds.clone());
        false
    });
    seen.into_inner()
        .expect("the kernel gives bounds when asked")
}

/// Runs `f` with this thread's working lists, reused from one comparison
/// to the next.
fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    thread_local! {
        static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    }
    SCRATCH.with(|cell| f(&mut cell.borrow_mut()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_clash_only_when_each_side_has_its_own() {
        use super::numbers_clash;
        assert!(numbers_clash(&[5.0], &[8.0]));
        assert!(numbers_clash(&[5.0, 2014.0], &[8.0, 2014.0]));
        assert!(!numbers_clash(&[640.0], &[640.0, 1.2e6, 2022.0]));
        assert!(!numbers_clash(&[], &[3.0]));
    }

    use super::super::analysis::analyse;
    use super::*;

    fn features(a: &str, b: &str) -> PairFeatures {
        let (an, stats) = analyse(&[a, b]);
        let full = compare(&an[0], &an[1], &stats);
        // The lean path computes the same features in reused lists.
        let (lean, shared) = score_pair(&an[0], &an[1], &stats);
        assert_eq!(lean, full.features);
        let words = full.shared.len() + full.near.len();
        assert_eq!(
            shared,
            SharedCount {
                terms: words + full.similar.len(),
                words
            }
        );
        // The evidence alone is the full comparison's.
        let evidence = shared_terms(an[0].terms(), an[1].terms(), &stats);
        assert_eq!(evidence.exact, full.shared);
        assert_eq!(evidence.respelt, full.near);
        let (again, _) = score_pair(&an[1], &an[0], &stats);
        assert_eq!(again.cosine, full.features.cosine);
        full.features
    }

    #[test]
    fn identical_passages_share_everything() {
        let f = features(
            "Five workers were killed in the blast.",
            "Five workers were killed in the blast.",
        );
        assert!((f.cosine - 1.0).abs() < 1e-9);
        assert!((f.order - 1.0).abs() < 1e-9);
        assert_eq!(f.number_conflict, 0.0);
    }

    #[test]
    fn unrelated_passages_share_nothing() {
        let f = features(
            "Shares fell sharply on Tuesday.",
            "The mayor declared three days of mourning.",
        );
        assert_eq!(f.cosine, 0.0);
    }

    #[test]
    fn disagreeing_numbers_are_a_conflict() {
        let f = features("Five workers were killed.", "Seven workers were killed.");
        assert_eq!(f.number_conflict, 1.0);
    }

    #[test]
    fn spelling_variants_count_nearly_as_matches() {
        let exact = features(
            "Penelec crews restored power.",
            "Penelec crews restored power.",
        );
        let near = features(
            "Penelac crews restored power.",
            "Penelec crews restored power.",
        );
        assert!(near.cosine > 0.85 && near.cosine < exact.cosine, "{near:?}");
    }

    #[test]
    fn containment_shows_in_cover_min() {
        let f = features(
            "Both Ukraine and Russia have foreign fighters in their ranks.",
            "Both Ukraine and Russia have foreign fighters in their ranks, with journalists in India and Nepal having investigated recruitment drives.",
        );
        assert!(f.cover_min > 0.95);
        assert!(f.cover_max < 0.7);
    }
}
