//! Per-passage facts the views need, computed once from the model: which
//! claims a passage belongs to, how many sources corroborate it, whether
//! only its own article states it, which words to underline.

use std::ops::Range;

use crate::lists::Lists;
use crate::model::{ClaimId, Corpus, PassageId, SourceId};
use crate::xref::single_source;

#[derive(Debug, Default)]
pub struct Derived {
    /// Claims of each passage.
    pub claims_of: Lists<ClaimId>,
    /// Most sources in any claim of the passage (1 when none).
    pub support: Vec<usize>,
    /// Substantive passages no other source corroborates.
    pub single: Vec<bool>,
    /// Byte ranges of each passage's text that differ from other versions.
    pub differing: Lists<Range<usize>>,
    /// Passages of other sources linked to each passage, best first.
    pub partners: Lists<PassageId>,
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
            claims_of: Lists::from_pairs(n, claims_of),
            support,
            single: vec![false; n],
            differing: Lists::from_pairs(n, differing),
            partners: Lists::from_pairs(n, partners),
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
