//! The analysed corpus the cross-referencing steps share: each linkable
//! passage and clause analysed once, the corpus statistics, and the
//! comparisons of units on demand (verification scores, link evidence,
//! `explain`).

use super::analysis::{Analysed, Clause, TermStats, analyse_with_clauses};
use super::features::{PairComparison, PairFeatures, compare, score_pair};
use crate::model::{Corpus, PassageId, PassageKind};
use crate::text::fasthash::FastMap;
use crate::text::tokens::Token;

/// Most evidence terms listed per link.
const MAX_EVIDENCE: usize = 8;

/// The analysed corpus, kept for explaining pair decisions.
///
/// Pairs are compared as *units*: each passage whole (unit `i` is passage
/// `ids[i]`) and each of its clauses (units `ids.len()..`).
pub struct Engine {
    /// Passage ids that take part, and their analyses, in the same order.
    pub ids: Vec<PassageId>,
    pub analysed: Vec<Analysed>,
    /// The clauses of each passage worth comparing on their own.
    pub clauses: Vec<Vec<Clause>>,
    pub stats: TermStats,
    index_of: FastMap<PassageId, usize>,
    /// Unit id of each passage's first clause.
    first_clause: Vec<usize>,
    /// (passage index, clause index) of each clause unit.
    clause_units: Vec<(usize, usize)>,
}

impl Engine {
    /// Analyses the linkable passages of a corpus.
    pub fn new(corpus: &Corpus) -> Self {
        let ids: Vec<PassageId> = corpus
            .passages
            .iter()
            .filter(|p| p.is_linkable() && (p.kind == PassageKind::Title || !p.is_question()))
            .map(|p| p.id)
            .collect();
        let texts: Vec<&str> = ids
            .iter()
            .map(|&id| corpus.passages[id].text.as_str())
            .collect();
        let (analysed, clauses, stats) = analyse_with_clauses(&texts);
        let index_of = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut first_clause = Vec::with_capacity(ids.len());
        let mut clause_units = Vec::new();
        for (i, list) in clauses.iter().enumerate() {
            first_clause.push(ids.len() + clause_units.len());
            clause_units.extend((0..list.len()).map(|k| (i, k)));
        }
        Engine {
            ids,
            analysed,
            clauses,
            stats,
            index_of,
            first_clause,
            clause_units,
        }
    }

    /// The passage index (into `ids`) a unit belongs to.
    pub fn passage_of(&self, unit: usize) -> usize {
        if unit < self.ids.len() {
            unit
        } else {
            self.clause_units[unit - self.ids.len()].0
        }
    }

    /// The analysis of a unit.
    pub fn unit(&self, unit: usize) -> &Analysed {
        if unit < self.ids.len() {
            &self.analysed[unit]
        } else {
            let (i, k) = self.clause_units[unit - self.ids.len()];
            &self.clauses[i][k].analysed
        }
    }

    /// The byte range in its passage's text a unit covers (`None`: all).
    pub fn unit_bytes(&self, unit: usize) -> Option<std::ops::Range<usize>> {
        (unit >= self.ids.len()).then(|| {
            let (i, k) = self.clause_units[unit - self.ids.len()];
            self.clauses[i][k].bytes.clone()
        })
    }

    /// The units of passage index `i`: the passage, then its clauses.
    pub fn units_of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.first_clause[i];
        std::iter::once(i).chain(first..first + self.clauses[i].len())
    }

    /// Compares the units of two passages (by index): whole with whole,
    /// and each clause of one with the other whole. Clause with clause is
    /// left out: it would square the cost for little gain.
    pub fn compare_units(&self, i: usize, j: usize) -> Vec<(usize, usize, PairComparison)> {
        std::iter::once((i, j))
            .chain(self.clause_pairs(i, j))
            .map(|(ua, ub)| (ua, ub, compare(self.unit(ua), self.unit(ub), &self.stats)))
            .collect()
    }

    /// The unit pairs of two passages besides the whole pair: each clause
    /// of one with the other whole.
    fn clause_pairs(&self, i: usize, j: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.units_of(i)
            .flat_map(move |ua| self.units_of(j).map(move |ub| (ua, ub)))
            // Whole with whole (apart) or clause with clause (skipped).
            .filter(move |&(ua, ub)| (ua == i) != (ub == j))
    }

    /// The features of the unit pairs of two passages, as
    /// [`Engine::compare_units`] numbers them, with the count of content
    /// terms each shares; clauses only when `gate` lets the whole pair's
    /// features through (two sentences with nothing in common have no
    /// clauses in common either). No evidence is kept: verification scores
    /// every candidate pair, and only links need evidence.
    pub fn score_units(
        &self,
        i: usize,
        j: usize,
        gate: &dyn Fn(&PairFeatures) -> bool,
    ) -> Vec<(usize, usize, PairFeatures, usize)> {
        let (whole, shared) = score_pair(&self.analysed[i], &self.analysed[j], &self.stats);
        let mut out = vec![(i, j, whole, shared)];
        if gate(&whole) {
            out.extend(self.clause_pairs(i, j).map(|(ua, ub)| {
                let (features, shared) = score_pair(self.unit(ua), self.unit(ub), &self.stats);
                (ua, ub, features, shared)
            }));
        }
        out
    }

    /// The source of each analysed passage.
    pub fn sources(&self, corpus: &Corpus) -> Vec<usize> {
        self.ids
            .iter()
            .map(|&id| corpus.passages[id].source)
            .collect()
    }

    /// Candidate pairs (indices into `ids`): passages of different
    /// sources of one story (see [`crate::stories`]).
    pub fn candidates(&self, corpus: &Corpus, sources: &[usize]) -> Vec<(usize, usize)> {
        let eligible = vec![true; self.ids.len()];
        let story_of = crate::stories::story_of_source(&corpus.stories, corpus.sources.len());
        let story: Vec<usize> = sources.iter().map(|&s| story_of[s]).collect();
        super::candidates::candidate_pairs(&self.analysed, &self.stats, sources, &story, &eligible)
    }

    /// The index (into `ids`) of a passage that takes part.
    pub fn index(&self, id: PassageId) -> Option<usize> {
        self.index_of.get(&id).copied()
    }

    /// Compares two units (as [`Engine::compare_units`] numbers them).
    pub fn compare_pair(&self, a: usize, b: usize) -> PairComparison {
        compare(self.unit(a), self.unit(b), &self.stats)
    }

    /// Compares two passages by id; `None` if either does not take part.
    pub fn compare(&self, a: PassageId, b: PassageId) -> Option<PairComparison> {
        let (&i, &j) = (self.index_of.get(&a)?, self.index_of.get(&b)?);
        Some(compare(&self.analysed[i], &self.analysed[j], &self.stats))
    }

    /// The surface words behind a comparison's shared terms, heaviest first
    /// (`tokens` are the first passage's).
    pub fn evidence(&self, tokens: &[Token], comparison: &PairComparison) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &(term, _) in &comparison.shared {
            let key = &self.stats.names[term as usize];
            if let Some(t) = tokens.iter().find(|t| &t.key == key)
                && !out.contains(&t.folded)
            {
                out.push(if t.is_number() {
                    key.trim_start_matches('#').to_owned()
                } else {
                    t.folded.clone()
                });
            }
            if out.len() == MAX_EVIDENCE {
                break;
            }
        }
        for &(ta, tb) in &comparison.near {
            out.push(format!(
                "{}~{}",
                self.stats.names[ta as usize], self.stats.names[tb as usize]
            ));
        }
        out
    }
}
