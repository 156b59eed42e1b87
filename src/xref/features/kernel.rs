//! The comparison kernel: the features of one pair of analysed units, in
//! buffers kept from one comparison to the next. Verification runs it for
//! hundreds of thousands of pairs; allocating a dozen lists for each (as it
//! once did) cost more in allocation, and in the kernel zeroing the pages
//! the allocator kept handing back, than the arithmetic.

use super::PairFeatures;
use super::bounds::FeatureBounds;
use super::marks::Marks;
use super::neighbours::{WALKED_PER_WORD, WordMarks, neighbour_pairs};
use super::order::order_similarity;
use crate::text::vectors;
use crate::xref::analysis::{Analysed, TermId, TermStats};

/// Only the heaviest unmatched terms of each side are compared by meaning
/// (the cost is quadratic in them).
const MAX_SOFT_TERMS: usize = 8;
/// Pairs whose weighted cosine could not reach this even with perfect
/// synonyms for all their unmatched heavy terms are not compared by meaning.
const SOFT_MATCH_GATE: f64 = 0.2;

// Word-vector similarity from which two different words count as a partial
// match (0.5, chosen on the MSRP training pairs, see xref::model) is
// `vectors::NEIGHBOUR_MIN`: the words that reach it are precomputed.

/// Credit for a near-identical spelling ("Penelac"/"Penelec"), relative to
/// an exact match.
const NEAR_MATCH_CREDIT: f64 = 0.8;

/// Working lists of one comparison, reused by the next. After
/// [`Scratch::compare`], `shared`, `near` and `similar` hold the pair's
/// evidence.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// Shared content terms with their weight (in term order).
    pub shared: Vec<(TermId, f64)>,
    /// Near-identical spellings matched: (term of a, term of b).
    pub near: Vec<(TermId, TermId)>,
    /// Near-synonyms matched by word vectors: (term of a, term of b).
    pub similar: Vec<(TermId, TermId)>,
    a_only: Vec<TermId>,
    b_only: Vec<TermId>,
    /// Where each term is in the comparison at hand (see [`Marks`]).
    marks: Marks,
    soft_a: Vec<(f64, TermId, u32)>,
    soft_b: Vec<(f64, TermId, u32)>,
    soft: Vec<(f32, TermId, TermId)>,
    rows: Vec<f64>,
    matches: Vec<(u32, u32, f64)>,
    /// The word vectors of the second side's heaviest unmatched terms.
    vector_marks: WordMarks,
}

/// Where an item of a sorted merge was found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Both,
    First,
    Second,
}

/// Walks two sorted, distinct lists in step, telling `each` where every
/// item is.
pub(crate) fn merge_walk<T: Ord>(a: &[T], b: &[T], mut each: impl FnMut(Side, &T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                each(Side::Both, &a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                each(Side::First, &a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                each(Side::Second, &b[j]);
                j += 1;
            }
        }
    }
    a[i..].iter().for_each(|x| each(Side::First, x));
    b[j..].iter().for_each(|x| each(Side::Second, x));
}

impl Scratch {
    /// The terms `a` and `b` share exactly (`shared`, with their weights)
    /// and by spelling (`near`), and those each states alone (`a_only`,
    /// `b_only`; `marks` tells the ones a spelling matched): the evidence
    /// of a link, and the start of every comparison.
    pub(crate) fn match_terms(&mut self, a: &[TermId], b: &[TermId], stats: &TermStats) {
        let Scratch {
            shared,
            near,
            a_only,
            b_only,
            marks,
            ..
        } = self;
        shared.clear();
        near.clear();
        a_only.clear();
        b_only.clear();
        marks.start(stats.names.len());
        merge_walk(a, b, |side, &t| {
            marks.set(t, side);
            match side {
                Side::Both => shared.push((t, stats.weight(t, 2))),
                Side::First => a_only.push(t),
                Side::Second => b_only.push(t),
            }
        });
        // Spelling variants of rare words count almost as matches.
        for &ta in a_only.iter() {
            let variants = stats.respellings(ta);
            if variants.is_empty() {
                continue;
            }
            for &tb in b_only.iter() {
                if !marks.is(tb, Side::Second) || variants.binary_search(&tb).is_err() {
                    continue;
                }
                marks.set_respelt(ta);
                marks.set_respelt(tb);
                near.push((ta, tb));
                break;
            }
        }
    }

    /// The features of `a` against `b`; the evidence stays in `self`.
    pub(crate) fn compare(
        &mut self,
        a: &Analysed,
        b: &Analysed,
        stats: &TermStats,
    ) -> PairFeatures {
        self.compare_unless(a, b, stats, None).unwrap_or_default()
    }

    /// [`Scratch::compare`], unless `hopeless` says from the features'
    /// bounds (see [`FeatureBounds`]) that the pair is not worth finishing:
    /// then `None`, and the evidence is incomplete.
    pub(crate) fn compare_unless(
        &mut self,
        a: &Analysed,
        b: &Analysed,
        stats: &TermStats,
        hopeless: Option<&dyn Fn(&FeatureBounds) -> bool>,
    ) -> Option<PairFeatures> {
        self.match_terms(a.terms(), b.terms(), stats);
        let Scratch {
            shared,
            near,
            similar,
            marks,
            soft_a,
            soft_b,
            soft,
            rows,
            matches,
            vector_marks,
            ..
        } = self;
        similar.clear();
        let exact: f64 = shared.iter().map(|x| x.1).sum();
        // Each side's terms stated alone: all its terms but the shared.
        let shared_weight: f64 = shared.iter().map(|&(t, _)| stats.weight(t, 1)).sum();
        let wa = exact + (a.terms_weight() - shared_weight).max(0.0);
        let wb = exact + (b.terms_weight() - shared_weight).max(0.0);
        let mut s = exact;

        // Corpus discount of each term, counting the pair out (as two
        // passages: a term in only one of them loses at most one passage of
        // evidence). Function words say something about phrasing only where
        // the content agrees: they count in proportion to the content
        // similarity.
        let content_cosine = if wa > 0.0 && wb > 0.0 {
            (exact / (wa * wb).sqrt()).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let disc = |t: TermId| stats.pair_discount(t).unwrap_or(content_cosine);

        // Spelling variants count almost as matches; both sides keep their
        // own weight: the match is partial. (Summed in the order found.)
        let mut near_discount = 0.0;
        for &(ta, tb) in near.iter() {
            s += NEAR_MATCH_CREDIT * stats.weight(ta, 1).min(stats.weight(tb, 1));
            near_discount += NEAR_MATCH_CREDIT * disc(ta).min(disc(tb));
        }

        // Even if every heavy term found a perfect synonym, would the pair
        // come near a link? If not, skip the (costly) vector comparisons.
        // (A first bound, each side's whole unmatched weight with a vector,
        // was tested before the heaviest were picked; the two together let
        // 2 of 218,392 comparisons go at 1,000 generated articles. It cost
        // more than it saved, and this bound, never above it, lets go
        // every pair it did.)
        let below_gate =
            |best: f64| wa <= 0.0 || wb <= 0.0 || best / (wa * wb).sqrt() < SOFT_MATCH_GATE;

        // Near-synonyms ("killed"/"died") count in proportion to their
        // similarity, best pairs first, each term once.
        soft.clear();
        // Unmatched: stated by one side alone, and no spelling of the
        // other's (both lists sorted by term).
        let a_unmatched = |t: TermId| marks.is(t, Side::First);
        let b_unmatched = |t: TermId| marks.is(t, Side::Second);
        heaviest(soft_a, a.by_weight(), a_unmatched, stats);
        heaviest(soft_b, b.by_weight(), b_unmatched, stats);
        let best_case = s + soft_a
            .iter()
            .zip(soft_b.iter())
            .map(|(x, y)| x.0.min(y.0))
            .sum::<f64>();
        if !below_gate(best_case) {
            // Only neighbours reach the partial-match level: looked up
            // (each word's neighbours fetched once), not computed for every
            // pair.
            neighbour_pairs(soft_a, soft_b, WALKED_PER_WORD, vector_marks, soft);
        }
        soft.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for &(sim, ta, tb) in soft.iter() {
            if similar.iter().any(|&(x, y)| x == ta || y == tb) {
                continue;
            }
            let sim = f64::from(sim);
            s += sim * stats.weight(ta, 1).min(stats.weight(tb, 1));
            near_discount += sim * disc(ta).min(disc(tb));
            similar.push((ta, tb));
        }

        let shared_disc: f64 = shared.iter().map(|&(t, _)| disc(t)).sum();
        // Every term of either side once: both sides' totals, the shared
        // taken once.
        let union = (a.terms_discount(content_cosine) + b.terms_discount(content_cosine)
            - shared_disc)
            .max(shared_disc);
        // Capitalised content words (names, mostly): weights on both sides,
        // on the first only, on the second only (summed in that order).
        let (mut names_both, mut names_weight) = (0usize, [0.0f64; 3]);
        merge_walk(a.names(), b.names(), |side, &t| {
            names_both += usize::from(side == Side::Both);
            names_weight[side as usize] += disc(t);
        });
        let names_one_side = names_weight[1] + names_weight[2];
        let names_total = names_weight[0] + names_weight[1] + names_weight[2];
        // Every feature but the bigram and trigram overlaps (below: a pair
        // whose bounds say it cannot be kept is dropped before them).
        let mut features = PairFeatures {
            cosine: ratio(s, (wa * wb).sqrt()),
            cover_min: ratio(s, wa.min(wb)),
            cover_max: ratio(s, wa.max(wb)),
            jaccard: ratio(shared_disc + near_discount, union),
            extra_max: (wa - s).max(wb - s).max(0.0).ln_1p(),
            extra_min: (wa - s).min(wb - s).max(0.0).ln_1p(),
            number_conflict: number_conflict(a, b),
            word_f1: ratio(
                2.0 * multiset_common(a.words(), b.words(), |&t| disc(t)),
                a.words_discount(content_cosine) + b.words_discount(content_cosine),
            ),
            name_mismatch: if names_total <= 0.0 {
                0.0
            } else {
                names_one_side / names_total
            },
            embedding: vectors::cosine(a.embedding(), b.embedding()),
            number_agree: number_agree(a, b),
            names_shared: (names_both.min(3) as f64) / 3.0,
            rarest_shared: (shared.iter().map(|x| x.1).fold(0.0, f64::max) / 10.0).min(1.0),
            shorter_terms: (a.terms().len().min(b.terms().len()) as f64).ln_1p(),
            // (Nothing shared: no common subsequence, whatever the weights.)
            order: if shared.is_empty() {
                0.0
            } else {
                order_similarity(
                    a.sequence(),
                    b.sequence(),
                    a.sequence_discount(content_cosine)
                        .min(b.sequence_discount(content_cosine)),
                    |t| marks.is(t, Side::Both),
                    disc,
                    rows,
                    matches,
                )
            },
            ..PairFeatures::default()
        };
        if hopeless.is_some_and(|hopeless| hopeless(&FeatureBounds::of_pair(&features))) {
            return None;
        }

        let pair_disc = |[x, y]: [TermId; 2]| disc(x).min(disc(y));
        let mut bigram_shared = 0.0;
        merge_walk(a.bigrams(), b.bigrams(), |side, &g| {
            if side == Side::Both {
                bigram_shared += pair_disc(g);
            }
        });
        // The totals only where something is shared: nothing shared is 0
        // whatever they are (most pairs share no trigram, and summing
        // both sides' weights cost more than finding what is shared).
        if bigram_shared > 0.0 {
            let bigram_total: f64 = a
                .bigrams()
                .iter()
                .chain(b.bigrams())
                .map(|&g| pair_disc(g))
                .sum();
            features.bigram_dice = ratio(2.0 * bigram_shared, bigram_total);
        }
        let trigram_weight = |g: &[TermId; 3]| g.iter().map(|&t| disc(t)).fold(1.0, f64::min);
        let trigrams_shared = multiset_common(a.trigrams(), b.trigrams(), trigram_weight);
        if trigrams_shared > 0.0 {
            let total: f64 = a
                .trigrams()
                .iter()
                .chain(b.trigrams())
                .map(trigram_weight)
                .sum();
            features.trigram_f1 = ratio(2.0 * trigrams_shared, total);
        }
        Some(features)
    }
}

/// The heaviest terms with a word vector that are `unmatched`, at most
/// [`MAX_SOFT_TERMS`], as (weight, term, vector), heaviest first (then by
/// id): the first of a unit's terms `by_weight` ([`Analysed::by_weight`])
/// that are.
fn heaviest(
    out: &mut Vec<(f64, TermId, u32)>,
    by_weight: &[TermId],
    unmatched: impl Fn(TermId) -> bool,
    stats: &TermStats,
) {
    out.clear();
    out.extend(
        by_weight
            .iter()
            .copied()
            .filter(|&t| unmatched(t))
            .filter_map(|t| stats.vector[t as usize].map(|v| (stats.weight(t, 1), t, v)))
            .take(MAX_SOFT_TERMS),
    );
}

/// The weight two sorted multisets (word unigrams or trigrams, function
/// words included) have in common: twice it over both lists' total is
/// their weighted F1, shared phrasing.
fn multiset_common<T: Ord>(a: &[T], b: &[T], weight: impl Fn(&T) -> f64) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += weight(&a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    common
}

/// A share in [0, 1]: `num` over `den`, 0 when there is nothing to share.
fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 {
        (num / den).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

fn number_agree(a: &Analysed, b: &Analysed) -> f64 {
    let fewer = a.numbers().len().min(b.numbers().len());
    if fewer == 0 {
        return 0.0;
    }
    let shared = a
        .numbers()
        .iter()
        .filter(|n| b.numbers().contains(n))
        .count();
    (shared as f64 / fewer as f64).min(1.0)
}

fn number_conflict(a: &Analysed, b: &Analysed) -> f64 {
    if a.numbers().is_empty() || b.numbers().is_empty() {
        return 0.0;
    }
    let only = |x: &Analysed, y: &Analysed| numbers_beyond(x.numbers(), y.numbers()).count();
    (only(a, b) + only(b, a)) as f64 / (a.numbers().len() + b.numbers().len()) as f64
}

/// The numbers of `x` that `y` does not state.
fn numbers_beyond<'x>(x: &'x [f64], y: &'x [f64]) -> impl Iterator<Item = &'x f64> {
    x.iter().filter(|n| !y.contains(n))
}

/// Whether each list holds a number the other does not: two figures at
/// odds, not one side saying more ([`number_conflict`] counts them).
pub(crate) fn numbers_clash(a: &[f64], b: &[f64]) -> bool {
    numbers_beyond(a, b).next().is_some() && numbers_beyond(b, a).next().is_some()
}
