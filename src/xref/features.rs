//! Features of a pair of passages: how much weighted content they share,
//! in which order, and whether their numbers agree.

use super::analysis::{Analysed, TermId, TermStats};
use crate::text::vectors;

/// Only the heaviest unmatched terms of each side are compared by meaning
/// (the cost is quadratic in them).
const MAX_SOFT_TERMS: usize = 8;
/// Pairs whose weighted cosine could not reach this even with perfect
/// synonyms for all their unmatched heavy terms are not compared by meaning.
const SOFT_MATCH_GATE: f64 = 0.2;

/// Word-vector similarity from which two different words count as a
/// partial match (chosen on the MSRP training pairs, see xref::model).
const SOFT_MATCH_MIN: f32 = 0.5;

/// Longest term sequence for which word order is compared (LCS is quadratic).
const MAX_ORDER_TERMS: usize = 200;
/// Credit for a near-identical spelling ("Penelac"/"Penelec"), relative to
/// an exact match.
const NEAR_MATCH_CREDIT: f64 = 0.8;

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

pub fn compare(a: &Analysed, b: &Analysed, stats: &TermStats) -> PairComparison {
    let (shared, a_only, b_only) = merge(&a.terms, &b.terms);
    let mut shared_w: Vec<(TermId, f64)> =
        shared.iter().map(|&t| (t, stats.weight(t, 2))).collect();
    let exact: f64 = shared_w.iter().map(|x| x.1).sum();
    let wa = exact + a_only.iter().map(|&t| stats.weight(t, 1)).sum::<f64>();
    let wb = exact + b_only.iter().map(|&t| stats.weight(t, 1)).sum::<f64>();
    let mut s = exact;

    // Corpus discount of each term, counting the pair out (as two passages:
    // a term in only one of them loses at most one passage of evidence).
    let content_disc = |t: TermId| stats.discount(t, 2);
    // Function words say something about phrasing only where the content
    // agrees: they count in proportion to the content similarity.
    let content_cosine = if wa > 0.0 && wb > 0.0 {
        (exact / (wa * wb).sqrt()).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let disc = |t: TermId| {
        if stats.is_function_word(t) {
            content_cosine
        } else {
            content_disc(t)
        }
    };

    // Spelling variants of rare words count almost as matches.
    let mut near = Vec::new();
    let mut similar = Vec::new();
    let mut near_discount = 0.0;
    let mut used_b = vec![false; b_only.len()];
    for &ta in &a_only {
        let len_a = stats.chars(ta);
        let first_a = stats.first_byte(ta);
        if len_a < 5 || first_a == b'#' {
            continue;
        }
        for (j, &tb) in b_only.iter().enumerate() {
            // Cheap checks first (from the per-term table, without reading
            // the names): same first byte, close lengths.
            if used_b[j] || stats.first_byte(tb) != first_a || stats.chars(tb).abs_diff(len_a) > 2 {
                continue;
            }
            if !near_spelling(&stats.names[ta as usize], &stats.names[tb as usize]) {
                continue;
            }
            used_b[j] = true;
            // Both sides keep their own weight: the match is partial.
            s += NEAR_MATCH_CREDIT * stats.weight(ta, 1).min(stats.weight(tb, 1));
            near_discount += NEAR_MATCH_CREDIT * disc(ta).min(disc(tb));
            near.push((ta, tb));
            break;
        }
    }

    // Near-synonyms ("killed"/"died") count in proportion to their
    // similarity, best pairs first, each term once.
    let matched_a: Vec<TermId> = near.iter().map(|n| n.0).collect();
    let heaviest = |terms: Vec<TermId>| {
        let mut with_vectors: Vec<(f64, TermId, u32)> = Vec::with_capacity(terms.len());
        with_vectors.extend(
            terms
                .into_iter()
                .filter_map(|t| stats.vector[t as usize].map(|v| (stats.weight(t, 1), t, v))),
        );
        with_vectors.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        with_vectors.truncate(MAX_SOFT_TERMS);
        with_vectors
    };
    let soft_a = heaviest(
        a_only
            .iter()
            .copied()
            .filter(|t| !matched_a.contains(t))
            .collect(),
    );
    let soft_b = heaviest(
        b_only
            .iter()
            .enumerate()
            .filter(|(j, _)| !used_b[*j])
            .map(|(_, &t)| t)
            .collect(),
    );
    let mut soft: Vec<(f32, TermId, TermId)> = Vec::with_capacity(soft_a.len() * soft_b.len());
    // Even if every heavy term found a perfect synonym, would the pair come
    // near a link? If not, skip the (costly) vector comparisons.
    let best_case = s + soft_a
        .iter()
        .zip(&soft_b)
        .map(|(x, y)| x.0.min(y.0))
        .sum::<f64>();
    let hopeless = wa <= 0.0 || wb <= 0.0 || best_case / (wa * wb).sqrt() < SOFT_MATCH_GATE;
    for &(_, ta, va) in soft_a.iter().filter(|_| !hopeless) {
        for &(_, tb, vb) in &soft_b {
            let sim = vectors::similarity(va, vb);
            if sim >= SOFT_MATCH_MIN {
                soft.push((sim, ta, tb));
            }
        }
    }
    soft.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut taken_a, mut taken_b) = (Vec::new(), Vec::new());
    for (sim, ta, tb) in soft {
        if taken_a.contains(&ta) || taken_b.contains(&tb) {
            continue;
        }
        taken_a.push(ta);
        taken_b.push(tb);
        let sim = f64::from(sim);
        s += sim * stats.weight(ta, 1).min(stats.weight(tb, 1));
        near_discount += sim * disc(ta).min(disc(tb));
        similar.push((ta, tb));
    }
    shared_w.sort_by(|x, y| y.1.total_cmp(&x.1));

    let ratio = |num: f64, den: f64| {
        if den > 0.0 {
            (num / den).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let sum_disc = |ts: &[TermId]| ts.iter().map(|&t| disc(t)).sum::<f64>();
    let union = sum_disc(&shared) + sum_disc(&a_only) + sum_disc(&b_only);
    let pair_disc = |&(x, y): &(TermId, TermId)| disc(x).min(disc(y));
    let (bigram_shared, _, _) = merge(&a.bigrams, &b.bigrams);
    let bigram_total: f64 = a.bigrams.iter().chain(&b.bigrams).map(pair_disc).sum();
    let features = PairFeatures {
        cosine: ratio(s, (wa * wb).sqrt()),
        cover_min: ratio(s, wa.min(wb)),
        cover_max: ratio(s, wa.max(wb)),
        bigram_dice: ratio(
            2.0 * bigram_shared.iter().map(pair_disc).sum::<f64>(),
            bigram_total,
        ),
        jaccard: ratio(sum_disc(&shared) + near_discount, union),
        order: order_similarity(&a.sequence, &b.sequence, &disc),
        number_conflict: number_conflict(a, b),
        extra_max: (wa - s).max(wb - s).max(0.0).ln_1p(),
        extra_min: (wa - s).min(wb - s).max(0.0).ln_1p(),
        word_f1: multiset_f1(&a.words, &b.words, &|t: &TermId| disc(*t)),
        trigram_f1: multiset_f1(&a.trigrams, &b.trigrams, &|g: &[TermId; 3]| {
            g.iter().map(|&t| disc(t)).fold(1.0, f64::min)
        }),
        name_mismatch: name_mismatch(a, b, &disc),
        embedding: vectors::cosine(&a.embedding, &b.embedding),
        number_agree: number_agree(a, b),
        names_shared: (merge(&a.names, &b.names).0.len().min(3) as f64) / 3.0,
        rarest_shared: (shared_w.iter().map(|x| x.1).fold(0.0, f64::max) / 10.0).min(1.0),
        shorter_terms: (a.terms.len().min(b.terms.len()) as f64).ln_1p(),
    };
    PairComparison {
        features,
        shared: shared_w,
        near,
        similar,
    }
}

/// Sorted-merge of two sorted, distinct lists: (both, only first, only second).
pub fn merge<T: Ord + Copy>(a: &[T], b: &[T]) -> (Vec<T>, Vec<T>, Vec<T>) {
    // Sized up front: merges run several times for every compared pair.
    let (mut both, mut only_a, mut only_b) = (
        Vec::with_capacity(a.len().min(b.len())),
        Vec::with_capacity(a.len()),
        Vec::with_capacity(b.len()),
    );
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                both.push(a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                only_a.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b.push(b[j]);
                j += 1;
            }
        }
    }
    only_a.extend_from_slice(&a[i..]);
    only_b.extend_from_slice(&b[j..]);
    (both, only_a, only_b)
}

/// Levenshtein distance ≤ 1 for words of 5–7 letters, ≤ 2 from 8 letters,
/// same first letter.
pub fn near_spelling(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let allowed = if la.min(lb) >= 8 { 2 } else { 1 };
    if la.min(lb) < 5 || la.abs_diff(lb) > allowed || a.chars().next() != b.chars().next() {
        return false;
    }
    within_edits(a, b, allowed)
}

/// Whether the Levenshtein distance of `a` and `b` is at most `k`. Runs for
/// many pairs of terms of every pair of passages compared: short ASCII words
/// (most) go without allocation and stop as soon as a row exceeds `k`.
pub fn within_edits(a: &str, b: &str, k: usize) -> bool {
    const MAX: usize = 48;
    if !(a.is_ascii() && b.is_ascii() && b.len() < MAX) {
        return levenshtein(a, b) <= k;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let mut prev = [0usize; MAX];
    let mut cur = [0usize; MAX];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let v = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        // Distances along a row never fall in later rows.
        if row_min > k {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Weighted longest common subsequence of content terms over the lighter
/// side's total weight.
fn order_similarity(a: &[TermId], b: &[TermId], disc: &dyn Fn(TermId) -> f64) -> f64 {
    if a.is_empty() || b.is_empty() || a.len().max(b.len()) > MAX_ORDER_TERMS {
        return 0.0;
    }
    let mut prev = vec![0.0f64; b.len() + 1];
    let mut cur = vec![0.0f64; b.len() + 1];
    for &x in a {
        let wx = disc(x);
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + wx
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let lighter = a
        .iter()
        .map(|&t| disc(t))
        .sum::<f64>()
        .min(b.iter().map(|&t| disc(t)).sum());
    if lighter > 0.0 {
        (prev[b.len()] / lighter).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// Weighted F1 of two sorted multisets (word unigrams or trigrams,
/// function words included): shared phrasing.
fn multiset_f1<T: Ord>(a: &[T], b: &[T], weight: &dyn Fn(&T) -> f64) -> f64 {
    let total: f64 = a.iter().chain(b).map(weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
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
    (2.0 * common / total).clamp(0.0, 1.0)
}

/// Weighted share of capitalised content words (names, mostly) found on one
/// side only; the first word of a passage is left out, as it is capitalised
/// anyway.
fn name_mismatch(a: &Analysed, b: &Analysed, disc: &dyn Fn(TermId) -> f64) -> f64 {
    let (both, only_a, only_b) = merge(&a.names, &b.names);
    let w = |ts: &[TermId]| ts.iter().map(|&t| disc(t)).sum::<f64>();
    let total = w(&both) + w(&only_a) + w(&only_b);
    if total <= 0.0 {
        0.0
    } else {
        (w(&only_a) + w(&only_b)) / total
    }
}

fn number_agree(a: &Analysed, b: &Analysed) -> f64 {
    let fewer = a.numbers.len().min(b.numbers.len());
    if fewer == 0 {
        return 0.0;
    }
    let shared = a.numbers.iter().filter(|n| b.numbers.contains(n)).count();
    (shared as f64 / fewer as f64).min(1.0)
}

fn number_conflict(a: &Analysed, b: &Analysed) -> f64 {
    if a.numbers.is_empty() || b.numbers.is_empty() {
        return 0.0;
    }
    let only =
        |x: &Analysed, y: &Analysed| x.numbers.iter().filter(|n| !y.numbers.contains(n)).count();
    (only(a, b) + only(b, a)) as f64 / (a.numbers.len() + b.numbers.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::super::analysis::analyse;
    use super::*;

    fn features(a: &str, b: &str) -> PairFeatures {
        let (an, stats) = analyse(&[a, b]);
        compare(&an[0], &an[1], &stats).features
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

    #[test]
    fn levenshtein_distances() {
        assert_eq!(levenshtein("penelac", "penelec"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        for (a, b) in [
            ("penelac", "penelec"),
            ("kitten", "sitting"),
            ("abc", "abc"),
            ("", "ab"),
            ("flaw", "lawn"),
            ("kovacic", "kovačić"),
        ] {
            let d = levenshtein(a, b);
            for k in 0..4 {
                assert_eq!(within_edits(a, b, k), d <= k, "{a} {b} {k}");
            }
        }
        assert!(near_spelling("penelac", "penelec"));
        assert!(!near_spelling("killed", "filled"));
    }
}
