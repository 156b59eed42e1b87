//! Link decisions. A pair is linked when the pair model is confident on its
//! own, or when, in a corpus where articles have alternatives, the two
//! passages are each other's best match in the other article (competitive
//! linking, as in sentence alignment): articles about one event state most
//! claims once each, so a mutual best match with a moderate score is
//! stronger evidence than the same score between two lone sentences. For
//! two one-sentence articles the second rule never applies.

use std::collections::HashMap;

use super::model::{CLAUSE_THRESHOLD, CONTAINMENT_THRESHOLD, LINK_THRESHOLD, RECIPROCAL_THRESHOLD};

/// Articles with fewer linkable passages than this offer no competition.
pub const MIN_ALTERNATIVES: usize = 3;

/// A verified pair of units (passages or clauses), their sources, and the
/// model's score.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub a: usize,
    pub b: usize,
    pub source_a: usize,
    pub source_b: usize,
    /// Both units are whole passages (not clauses): only whole passages
    /// link on their score alone; a clause needs the competitive rule.
    pub whole: bool,
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
    // Best score of each unit against each other source, and by whom:
    // among whole passages only, and among all units. Whole passages
    // compete among themselves, so that clauses add links without taking
    // any away; a clause must be the best of all units on both sides.
    let mut best_whole = BestMatches::new();
    let mut best_any = BestMatches::new();
    for s in pairs {
        if s.whole {
            best_whole.offer(s);
        }
        best_any.offer(s);
    }
    pairs
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            if s.whole && s.score >= LINK_THRESHOLD {
                return true;
            }
            let competitive = passages_in_source(s.source_a) >= MIN_ALTERNATIVES
                && passages_in_source(s.source_b) >= MIN_ALTERNATIVES;
            let (mutual, floor) = if s.whole {
                (best_whole.mutual(s), RECIPROCAL_THRESHOLD)
            } else {
                (best_any.mutual(s), CLAUSE_THRESHOLD)
            };
            // One passage may state the claim and more ("declared three days
            // of mourning and said flags would fly at half-mast"): between
            // mutual best matches, containment corroborates too.
            competitive
                && mutual
                && s.shared_terms >= MIN_SHARED_TERMS
                && (s.score_without_numbers >= floor
                    || (s.whole && s.cover >= CONTAINMENT_THRESHOLD))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Each unit's best partner in each other source.
struct BestMatches(HashMap<(usize, usize), (f64, usize)>);

impl BestMatches {
    fn new() -> Self {
        BestMatches(HashMap::new())
    }

    fn offer(&mut self, s: &Scored) {
        for (unit, other_source, other) in [(s.a, s.source_b, s.b), (s.b, s.source_a, s.a)] {
            let score = s.score_without_numbers;
            let e = self
                .0
                .entry((unit, other_source))
                .or_insert((f64::NEG_INFINITY, other));
            if score > e.0 || (score == e.0 && other < e.1) {
                *e = (score, other);
            }
        }
    }

    fn mutual(&self, s: &Scored) -> bool {
        self.0.get(&(s.a, s.source_b)).is_some_and(|e| e.1 == s.b)
            && self.0.get(&(s.b, s.source_a)).is_some_and(|e| e.1 == s.a)
    }
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
            whole: true,
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

    #[test]
    fn clauses_link_only_as_clear_mutual_best_matches() {
        let mut clause = scored(0, 10, 0, 1, LINK_THRESHOLD + 0.1);
        clause.whole = false;
        assert_eq!(decide(&[clause], &|_| 5), vec![0]);
        assert!(
            decide(&[clause], &|_| 1).is_empty(),
            "a clause never links on its score alone"
        );
        let mut weak = scored(0, 10, 0, 1, (RECIPROCAL_THRESHOLD + CLAUSE_THRESHOLD) / 2.0);
        weak.whole = false;
        weak.cover = 1.0;
        assert!(
            decide(&[weak], &|_| 5).is_empty(),
            "a short clause contained in a sentence is not enough"
        );
    }

    #[test]
    fn clauses_add_links_without_taking_whole_passage_links_away() {
        // Passage 0 and 10 are each other's best whole match; a clause of
        // 0 (unit 20) matches 10 better still.
        let whole = scored(0, 10, 0, 1, 0.3);
        let mut clause = scored(20, 10, 0, 1, 0.6);
        clause.whole = false;
        assert_eq!(decide(&[whole, clause], &|_| 5), vec![0, 1]);
    }
}
