//! Link decisions. A pair is linked when the pair model is confident on its
//! own, or when, in a corpus where articles have alternatives, the two
//! passages are each other's best match in the other article (competitive
//! linking, as in sentence alignment): articles about one event state most
//! claims once each, so a mutual best match with a moderate score is
//! stronger evidence than the same score between two lone sentences. For
//! two one-sentence articles the second rule never applies.

use std::collections::HashMap;

use crate::model::PassageId;

use super::model::{CONTAINMENT_THRESHOLD, LINK_THRESHOLD, RECIPROCAL_THRESHOLD};

/// Articles with fewer linkable passages than this offer no competition.
pub const MIN_ALTERNATIVES: usize = 3;

/// A verified pair: passages (a < b), their sources, and the model's score.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub a: PassageId,
    pub b: PassageId,
    pub source_a: usize,
    pub source_b: usize,
    pub score: f64,
    /// The score with disagreeing numbers left out: between mutual best
    /// matches, "five dead" and "seven dead" are one claim with a
    /// difference, not two claims.
    pub score_without_numbers: f64,
    /// Share of the lighter passage's content the other states
    /// ([`super::features::PairFeatures::cover_min`]).
    pub cover: f64,
    /// Content terms the two share (exactly, by spelling or by meaning).
    pub shared_terms: usize,
}

/// The competitive rule needs at least this many shared content terms: one
/// common word ("Nobody ...") is no evidence of a shared claim.
pub const MIN_SHARED_TERMS: usize = 2;

/// Indices into `pairs` of the linked pairs. `passages_in_source` gives the
/// number of linkable passages of a source.
pub fn decide(pairs: &[Scored], passages_in_source: &dyn Fn(usize) -> usize) -> Vec<usize> {
    // Best score of each passage against each other source, and by whom.
    let mut best: HashMap<(PassageId, usize), (f64, PassageId)> = HashMap::new();
    let mut offer = |p: PassageId, other_source: usize, score: f64, other: PassageId| {
        let e = best
            .entry((p, other_source))
            .or_insert((f64::NEG_INFINITY, other));
        if score > e.0 || (score == e.0 && other < e.1) {
            *e = (score, other);
        }
    };
    for s in pairs {
        offer(s.a, s.source_b, s.score_without_numbers, s.b);
        offer(s.b, s.source_a, s.score_without_numbers, s.a);
    }
    pairs
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            if s.score >= LINK_THRESHOLD {
                return true;
            }
            let competitive = passages_in_source(s.source_a) >= MIN_ALTERNATIVES
                && passages_in_source(s.source_b) >= MIN_ALTERNATIVES;
            let mutual = best.get(&(s.a, s.source_b)).is_some_and(|e| e.1 == s.b)
                && best.get(&(s.b, s.source_a)).is_some_and(|e| e.1 == s.a);
            // One passage may state the claim and more ("declared three days
            // of mourning and said flags would fly at half-mast"): between
            // mutual best matches, containment corroborates too.
            competitive
                && mutual
                && s.shared_terms >= MIN_SHARED_TERMS
                && (s.score_without_numbers >= RECIPROCAL_THRESHOLD
                    || s.cover >= CONTAINMENT_THRESHOLD)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(a: usize, b: usize, sa: usize, sb: usize, score: f64) -> Scored {
        Scored {
            a,
            b,
            source_a: sa,
            source_b: sb,
            score,
            score_without_numbers: score,
            cover: 0.0,
            shared_terms: 3,
        }
    }

    #[test]
    fn confident_pairs_link_alone() {
        let pairs = [scored(0, 1, 0, 1, LINK_THRESHOLD + 0.01)];
        assert_eq!(decide(&pairs, &|_| 1), vec![0]);
    }

    #[test]
    fn mutual_best_matches_link_only_where_articles_have_alternatives() {
        let mid = (LINK_THRESHOLD + RECIPROCAL_THRESHOLD) / 2.0;
        // 0 and 10 are each other's best; 1-10 is weaker.
        let pairs = [
            scored(0, 10, 0, 1, mid),
            scored(1, 10, 0, 1, RECIPROCAL_THRESHOLD),
        ];
        assert_eq!(decide(&pairs, &|_| 5), vec![0]);
        assert!(
            decide(&pairs, &|_| 1).is_empty(),
            "lone sentences need the full threshold"
        );
    }

    #[test]
    fn mutual_best_matches_that_contain_each_other_link() {
        let mut contained = scored(0, 10, 0, 1, 0.01);
        contained.cover = CONTAINMENT_THRESHOLD;
        assert_eq!(decide(&[contained], &|_| 5), vec![0]);
        assert!(decide(&[contained], &|_| 1).is_empty());
    }
}
