//! Per-passage facts the views need, computed once from the model: which
//! claims a passage belongs to, how many sources corroborate it, whether
//! only its own article states it, which words to underline.

use std::ops::Range;

use crate::model::{ClaimId, Corpus, PassageId, SourceId};
use crate::xref::single_source;

/// A list for each passage, all in one vector (at 10,000 articles,
/// 300,000 passages: a vector apiece cost more in headers than in items).
#[derive(Debug, Clone)]
pub struct PerPassage<T> {
    items: Vec<T>,
    /// Passage `p`'s items are `items[starts[p]..starts[p + 1]]`.
    starts: Vec<usize>,
}

impl<T> Default for PerPassage<T> {
    fn default() -> Self {
        PerPassage {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl<T> PerPassage<T> {
    /// The lists of `n` passages from (passage, item) pairs, each list in
    /// the order of its pairs.
    fn from_pairs(n: usize, mut pairs: Vec<(PassageId, T)>) -> Self {
        pairs.sort_by_key(|(p, _)| *p);
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        let mut k = 0;
        for p in 0..n {
            while k < pairs.len() && pairs[k].0 == p {
                k += 1;
            }
            starts.push(k);
        }
        // (Pairs of passages past `n` are not the corpus's: left out.)
        pairs.truncate(k);
        PerPassage {
            items: pairs.into_iter().map(|(_, item)| item).collect(),
            starts,
        }
    }

    /// Passage `p`'s list, if there is such a passage.
    pub fn get(&self, p: PassageId) -> Option<&[T]> {
        let (&start, &end) = (self.starts.get(p)?, self.starts.get(p + 1)?);
        self.items.get(start..end)
    }
}

impl<T> std::ops::Index<PassageId> for PerPassage<T> {
    type Output = [T];

    fn index(&self, p: PassageId) -> &[T] {
        self.get(p).unwrap_or(&[])
    }
}

#[derive(Debug, Default)]
pub struct Derived {
    /// Claims of each passage.
    pub claims_of: PerPassage<ClaimId>,
    /// Most sources in any claim of the passage (1 when none).
    pub support: Vec<usize>,
    /// Substantive passages no other source corroborates.
    pub single: Vec<bool>,
    /// Byte ranges of each passage's text that differ from other versions.
    pub differing: PerPassage<Range<usize>>,
    /// Passages of other sources linked to each passage, best first.
    pub partners: PerPassage<PassageId>,
    /// For each source: (passages others corroborate, substantive passages).
    pub coverage: Vec<(usize, usize)>,
}

impl Derived {
    pub fn new(corpus: &Corpus) -> Self {
        let n = corpus.passages.len();
        let mut support = vec![1; n];
        let mut claims_of = Vec::new();
        let mut differing = Vec::new();
        for claim in &corpus.claims {
            for &p in &claim.passages {
                claims_of.push((p, claim.id));
                if let Some(s) = support.get_mut(p) {
                    *s = claim.support.max(*s);
                }
            }
            for diff in &claim.differences {
                for v in &diff.values {
                    differing.extend(v.spans.iter().map(|s| (v.passage, s.start..s.end)));
                }
            }
        }
        // Partners by score, best first, then by passage.
        let mut partners: Vec<(PassageId, (f64, PassageId))> = corpus
            .links
            .iter()
            .flat_map(|link| {
                [
                    (link.a, (link.score, link.b)),
                    (link.b, (link.score, link.a)),
                ]
            })
            .collect();
        partners.sort_by(|x, y| {
            (x.0)
                .cmp(&y.0)
                .then(y.1.0.total_cmp(&x.1.0))
                .then(x.1.1.cmp(&y.1.1))
        });
        let partners: Vec<(PassageId, PassageId)> =
            partners.into_iter().map(|(p, (_, q))| (p, q)).collect();
        let mut d = Derived {
            claims_of: PerPassage::from_pairs(n, claims_of),
            support,
            single: vec![false; n],
            differing: PerPassage::from_pairs(n, differing),
            partners: PerPassage::from_pairs(n, partners),
            coverage: vec![(0, 0); corpus.sources.len()],
        };
        for p in single_source(corpus) {
            d.single[p] = true;
        }
        for p in &corpus.passages {
            let substantive = d.single[p.id] || !d.claims_of[p.id].is_empty();
            if substantive {
                let c = &mut d.coverage[p.source];
                c.1 += 1;
                c.0 += usize::from(!d.claims_of[p.id].is_empty());
            }
        }
        d
    }

    /// Sources other than `source` that corroborate passage `p`.
    pub fn corroborated(&self, p: PassageId) -> bool {
        !self.claims_of[p].is_empty()
    }

    /// Coverage of a source as "corroborated/substantive".
    pub fn coverage_label(&self, source: SourceId) -> String {
        let (c, t) = self.coverage.get(source).copied().unwrap_or((0, 0));
        format!("{c}/{t}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_passage_reads_its_items_in_the_order_given() {
        let lists =
            PerPassage::from_pairs(4, vec![(2, 'a'), (0, 'b'), (2, 'c'), (9, 'x'), (0, 'd')]);
        assert_eq!(lists[0], ['b', 'd']);
        assert!(lists[1].is_empty());
        assert_eq!(lists[2], ['a', 'c']);
        assert!(lists[3].is_empty());
        assert!(lists.get(4).is_none(), "no such passage");
        assert!(lists[9].is_empty(), "an item of no passage is left out");
        assert_eq!(lists.items.len(), 4);
    }

    #[test]
    fn partners_come_best_first_and_claims_in_order() {
        let mut corpus = crate::corpus::build(&crate::load::load_demo().texts);
        crate::xref::cross_reference(&mut corpus);
        let d = Derived::new(&corpus);
        let mut checked = 0;
        for p in 0..corpus.passages.len() {
            let scores: Vec<f64> = d.partners[p]
                .iter()
                .map(|&q| {
                    corpus
                        .links
                        .iter()
                        .filter(|l| (l.a, l.b) == (p, q) || (l.a, l.b) == (q, p))
                        .map(|l| l.score)
                        .fold(0.0, f64::max)
                })
                .collect();
            assert!(scores.windows(2).all(|w| w[0] >= w[1]), "passage {p}");
            assert!(d.claims_of[p].is_sorted(), "passage {p}");
            checked += usize::from(d.partners[p].len() > 1);
        }
        assert!(checked > 0, "some passage has several partners");
    }
}
