//! Per-passage facts the views need, computed once from the model: which
//! claims a passage belongs to, how many sources corroborate it, whether
//! only its own article states it, which words to underline.

use std::ops::Range;

use crate::model::{ClaimId, Corpus, PassageId, SourceId};
use crate::xref::single_source;

#[derive(Debug, Default)]
pub struct Derived {
    /// Claims of each passage.
    pub claims_of: Vec<Vec<ClaimId>>,
    /// Most sources in any claim of the passage (1 when none).
    pub support: Vec<usize>,
    /// Substantive passages no other source corroborates.
    pub single: Vec<bool>,
    /// Byte ranges of each passage's text that differ from other versions.
    pub differing: Vec<Vec<Range<usize>>>,
    /// Passages of other sources linked to each passage, best first.
    pub partners: Vec<Vec<PassageId>>,
    /// For each source: (passages others corroborate, substantive passages).
    pub coverage: Vec<(usize, usize)>,
}

impl Derived {
    pub fn new(corpus: &Corpus) -> Self {
        let n = corpus.passages.len();
        let mut d = Derived {
            claims_of: vec![Vec::new(); n],
            support: vec![1; n],
            single: vec![false; n],
            differing: vec![Vec::new(); n],
            partners: vec![Vec::new(); n],
            coverage: vec![(0, 0); corpus.sources.len()],
        };
        for claim in &corpus.claims {
            for &p in &claim.passages {
                d.claims_of[p].push(claim.id);
                d.support[p] = d.support[p].max(claim.support);
            }
            for diff in &claim.differences {
                for v in &diff.values {
                    d.differing[v.passage].extend(v.spans.iter().map(|s| s.start..s.end));
                }
            }
        }
        let mut partner_scores: Vec<Vec<(f64, PassageId)>> = vec![Vec::new(); n];
        for link in &corpus.links {
            partner_scores[link.a].push((link.score, link.b));
            partner_scores[link.b].push((link.score, link.a));
        }
        for (p, mut list) in partner_scores.into_iter().enumerate() {
            list.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
            d.partners[p] = list.into_iter().map(|(_, q)| q).collect();
        }
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
