//! The analysed corpus the cross-referencing steps share: each linkable
//! passage and clause analysed once, the corpus statistics, and the
//! comparisons of units on demand (verification scores, link evidence,
//! `explain`).

use super::analysis::{Analysed, Clause, LISTS, TermStats, analyse_with_clauses};
use super::features::{PairComparison, PairFeatures, compare, score_pair, shared_terms};
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

/// How far the clauses of two passages are compared besides the whole
/// pair: not at all, each clause with the other whole, or clauses with
/// each other too (two sentences stating two things each can share one:
/// "raised its bid to $121 billion, the largest-ever technology deal" /
/// "valued it at $121 billion, but … the biggest technology deal on record").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseDepth {
    None,
    WithWhole,
    Both,
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

    /// Drops every analysis but its terms and numbers, once no pair will
    /// be compared again: what the links' evidence, the claims' groups and
    /// the claims of figures and names read. (At 10,000 articles the rest
    /// is ~250 MB.) Comparisons made after this see terms alone.
    pub(crate) fn keep_terms_only(&mut self) {
        use rayon::prelude::*;
        self.analysed
            .par_iter_mut()
            .for_each(Analysed::keep_terms_only);
        self.clauses.par_iter_mut().for_each(|list| {
            for c in list {
                c.analysed.keep_terms_only();
            }
        });
    }

    /// What the analyses hold (see [`Analysed::sizes`]), for
    /// CROSSREAD_TIMINGS: "53449 units (27901 clauses): 5.4 M term ids
    /// (terms 12%, bigrams 23%, …), embeddings 6.8 MB".
    pub(crate) fn analysis_sizes(&self) -> String {
        let clauses = self.clauses.iter().flatten().map(|c| &c.analysed);
        let units = self.analysed.iter().chain(clauses);
        let mut total = [0usize; LISTS + 1];
        let mut count = 0;
        for a in units {
            count += 1;
            for (t, n) in total.iter_mut().zip(a.sizes()) {
                *t += n;
            }
        }
        let ids: usize = total[..LISTS].iter().sum();
        let share = |n: usize| 100.0 * n as f64 / ids.max(1) as f64;
        format!(
            "{count} units ({} clauses): {:.1} M term ids (terms {:.0}%, bigrams {:.0}%, \
             sequence {:.0}%, words {:.0}%, trigrams {:.0}%, names {:.0}%), embeddings {:.1} MB",
            count - self.analysed.len(),
            ids as f64 / 1e6,
            share(total[0]),
            share(total[1]),
            share(total[2]),
            share(total[3]),
            share(total[4]),
            share(total[5]),
            total[LISTS] as f64 / 1e6,
        )
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

    /// Compares all the units of two passages (by index): whole with
    /// whole, each clause with the other whole, and clause with clause.
    pub fn compare_units(&self, i: usize, j: usize) -> Vec<(usize, usize, PairComparison)> {
        std::iter::once((i, j))
            .chain(self.clause_pairs(i, j, ClauseDepth::Both))
            .map(|(ua, ub)| (ua, ub, compare(self.unit(ua), self.unit(ub), &self.stats)))
            .collect()
    }

    /// The unit pairs of two passages besides the whole pair, as deep as
    /// `depth` goes.
    fn clause_pairs(
        &self,
        i: usize,
        j: usize,
        depth: ClauseDepth,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.units_of(i)
            .flat_map(move |ua| self.units_of(j).map(move |ub| (ua, ub)))
            .filter(move |&(ua, ub)| match (ua == i, ub == j) {
                (true, true) => false,
                (true, false) | (false, true) => depth != ClauseDepth::None,
                (false, false) => depth == ClauseDepth::Both,
            })
    }

    /// The features of the unit pairs of two passages, as
    /// [`Engine::compare_units`] numbers them, with the count of content
    /// terms each shares; clauses as deep as `depth` says from the whole
    /// pair's features (two sentences with nothing in common have no
    /// clauses in common either). No evidence is kept: verification scores
    /// every candidate pair, and only links need evidence.
    pub fn score_units(
        &self,
        i: usize,
        j: usize,
        depth: &dyn Fn(&PairFeatures) -> ClauseDepth,
    ) -> Vec<(usize, usize, PairFeatures, usize)> {
        let (whole, shared) = score_pair(&self.analysed[i], &self.analysed[j], &self.stats);
        let mut out = vec![(i, j, whole, shared)];
        out.extend(self.clause_pairs(i, j, depth(&whole)).map(|(ua, ub)| {
            let (features, shared) = score_pair(self.unit(ua), self.unit(ub), &self.stats);
            (ua, ub, features, shared)
        }));
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

    /// The surface words behind the terms units `a` and `b` share, heaviest
    /// first (`tokens` are `a`'s passage's): only the term matching of a
    /// comparison is redone, not its features.
    pub fn link_evidence(
        &self,
        tokens: &[Token],
        a: usize,
        b: usize,
    ) -> Box<[std::sync::Arc<str>]> {
        let shared = shared_terms(self.unit(a), self.unit(b), &self.stats);
        let mut out: Vec<std::sync::Arc<str>> = Vec::new();
        for &(term, _) in &shared.exact {
            let key = &self.stats.names[term as usize];
            if let Some(t) = tokens.iter().find(|t| *t.key == **key)
                && !out.iter().any(|o| **o == *t.folded)
            {
                out.push(if t.is_number() {
                    key.trim_start_matches('#').into()
                } else {
                    t.folded.clone()
                });
            }
            if out.len() == MAX_EVIDENCE {
                break;
            }
        }
        for &(ta, tb) in &shared.respelt {
            out.push(
                format!(
                    "{}~{}",
                    self.stats.names[ta as usize], self.stats.names[tb as usize]
                )
                .into(),
            );
        }
        out.into_boxed_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two articles of one sentence of two clauses each: the engine's
    /// passage indices of the two sentences.
    fn engine() -> (Engine, Corpus, usize, usize) {
        let corpus = crate::corpus::build(&crate::load::texts_for_test(&[
            "Harbour blast\n\nFour dockworkers died when a fuel tank exploded at the northern pier, \
             and the ferries to the islands stay suspended until the inspectors finish.\n",
            "Port explosion\n\nInvestigators arrived at the burned warehouse with sniffer dogs, \
             while the ferries to the islands stay suspended until the inspectors finish.\n",
        ]));
        let engine = Engine::new(&corpus);
        let sentence = |start: &str| {
            let id = corpus
                .passages
                .iter()
                .position(|p| p.text.starts_with(start))
                .expect("the sentence is a passage");
            engine.index(id).expect("the sentence is analysed")
        };
        let (a, b) = (sentence("Four dockworkers"), sentence("Investigators"));
        (engine, corpus, a, b)
    }

    #[test]
    fn links_read_the_same_evidence_from_terms_alone() {
        let (mut engine, corpus, a, b) = engine();
        let units: Vec<(usize, usize)> = engine
            .score_units(a, b, &|_| ClauseDepth::Both)
            .into_iter()
            .map(|(x, y, _, _)| (x, y))
            .collect();
        let tokens = crate::text::tokens::tokenize(&corpus.passages[engine.ids[a]].text);
        let evidence = |engine: &Engine| -> Vec<_> {
            units
                .iter()
                .map(|&(x, y)| engine.link_evidence(&tokens, x, y))
                .collect()
        };
        let before = evidence(&engine);
        assert!(before.iter().any(|e| !e.is_empty()), "{before:?}");
        let terms_before = engine.unit(a).terms().to_vec();
        engine.keep_terms_only();
        assert_eq!(evidence(&engine), before);
        assert_eq!(engine.unit(a).terms(), &terms_before[..]);
        assert!(engine.unit(a).words().is_empty() && engine.unit(a).embedding().is_empty());
    }

    #[test]
    fn clauses_are_compared_as_deep_as_asked() {
        let (engine, _, a, b) = engine();
        let clauses = |i: usize| engine.units_of(i).count() - 1;
        assert!(clauses(a) >= 2 && clauses(b) >= 2);
        let n = engine.ids.len();
        let pairs = |depth: ClauseDepth| {
            let units = engine.score_units(a, b, &|_| depth);
            assert_eq!(
                (units[0].0, units[0].1),
                (a, b),
                "the whole pair comes first"
            );
            let with_whole = units[1..].iter().filter(|u| (u.0 < n) != (u.1 < n)).count();
            let clause_clause = units[1..].iter().filter(|u| u.0 >= n && u.1 >= n).count();
            (units.len(), with_whole, clause_clause)
        };
        assert_eq!(pairs(ClauseDepth::None), (1, 0, 0));
        let with_whole = clauses(a) + clauses(b);
        assert_eq!(
            pairs(ClauseDepth::WithWhole),
            (1 + with_whole, with_whole, 0)
        );
        let both = clauses(a) * clauses(b);
        assert_eq!(
            pairs(ClauseDepth::Both),
            (1 + with_whole + both, with_whole, both)
        );
        // `compare_units` (the pair dumps the fitting reads) compares them all.
        assert_eq!(engine.compare_units(a, b).len(), 1 + with_whole + both);
    }

    #[test]
    fn the_clauses_that_say_one_thing_score_highest() {
        let (engine, corpus, a, b) = engine();
        let n = engine.ids.len();
        let model = crate::xref::model::PairModel::get();
        let best = engine
            .score_units(a, b, &|_| ClauseDepth::Both)
            .into_iter()
            .max_by(|x, y| model.news.score(&x.2).total_cmp(&model.news.score(&y.2)))
            .expect("units were compared");
        // The ferries clause of each, not a clause against a whole sentence.
        assert!(best.0 >= n && best.1 >= n, "{best:?}");
        let text = |u: usize| {
            let passage = &corpus.passages[engine.ids[engine.passage_of(u)]].text;
            let bytes = engine.unit_bytes(u).expect("a clause has its bytes");
            passage[bytes].to_owned()
        };
        for u in [best.0, best.1] {
            assert!(
                text(u).contains("the ferries to the islands stay suspended"),
                "{}",
                text(u)
            );
            assert!(
                !text(u).contains("dockworkers") && !text(u).contains("sniffer"),
                "{}",
                text(u)
            );
        }
    }
}
