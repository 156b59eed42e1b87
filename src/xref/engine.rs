//! The analysed corpus the cross-referencing steps share: each linkable
//! passage and clause analysed once, the corpus statistics, and the
//! comparisons of units on demand (verification scores, link evidence,
//! `explain`).

use super::analysis::{
    Analysed, Clause, Draft, Drafted, LISTS, TermStats, analyse_with_clauses, draft,
};
use super::features::{
    FeatureBounds, PairComparison, PairFeatures, compare, score_pair_unless, shared_terms,
};
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
    /// What each passage's full analyses are built from while they hold
    /// their terms alone (see [`Engine::drafted`]); empty once every pair
    /// is scored, or when the analyses were built in full at once.
    drafts: Vec<Draft>,
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

/// The passages that take part: linkable, and no question but a headline.
fn linkable(corpus: &Corpus) -> Vec<PassageId> {
    corpus
        .passages
        .iter()
        .filter(|p| p.is_linkable() && (p.kind == PassageKind::Title || !p.is_question()))
        .map(|p| p.id)
        .collect()
}

/// Calls `f` on each of `passages` (indices) with its analysis and
/// clauses, in parallel. (A batch's passages are spread over the corpus,
/// unevenly: they are gathered first, so that each thread gets its share
/// of them, not of the corpus.)
fn each_unit_of(
    analysed: &mut [Analysed],
    clauses: &mut [Vec<Clause>],
    passages: &[usize],
    f: impl Fn(usize, &mut Analysed, &mut [Clause]) + Sync + Send,
) {
    use rayon::prelude::*;
    let mut chosen = vec![false; analysed.len()];
    for &i in passages {
        chosen[i] = true;
    }
    let units: Vec<(usize, (&mut Analysed, &mut Vec<Clause>))> = analysed
        .iter_mut()
        .zip(clauses.iter_mut())
        .enumerate()
        .filter(|(i, _)| chosen[*i])
        .collect();
    units
        .into_par_iter()
        .for_each(|(i, (whole, clauses))| f(i, whole, clauses));
}

fn texts<'c>(corpus: &'c Corpus, ids: &[PassageId]) -> Vec<&'c str> {
    ids.iter()
        .map(|&id| corpus.passages[id].text.as_str())
        .collect()
}

impl Engine {
    /// Analyses the linkable passages of a corpus, every list of every
    /// unit at once (for `explain` and for studying pairs).
    pub fn new(corpus: &Corpus) -> Self {
        let ids = linkable(corpus);
        let (analysed, clauses, stats) = analyse_with_clauses(&texts(corpus, &ids));
        Engine::assemble(ids, analysed, clauses, stats, Vec::new())
    }

    /// The linkable passages of a corpus drafted: the corpus statistics
    /// final and every unit's terms and numbers, the rest of each analysis
    /// built by [`Engine::analyse_fully`] when its pairs are scored.
    pub(crate) fn drafted(corpus: &Corpus) -> Self {
        let ids = linkable(corpus);
        let Drafted {
            analysed,
            clauses,
            drafts,
            stats,
        } = draft(&texts(corpus, &ids));
        Engine::assemble(ids, analysed, clauses, stats, drafts)
    }

    fn assemble(
        ids: Vec<PassageId>,
        analysed: Vec<Analysed>,
        clauses: Vec<Vec<Clause>>,
        stats: TermStats,
        drafts: Vec<Draft>,
    ) -> Self {
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
            drafts,
        }
    }

    /// Builds the full analyses of the units of `passages` (indices) from
    /// their drafts, where the engine was drafted (else they are full
    /// already).
    pub(crate) fn analyse_fully(&mut self, passages: &[usize]) {
        if self.drafts.is_empty() {
            return;
        }
        let (drafts, stats) = (&self.drafts, &self.stats);
        each_unit_of(
            &mut self.analysed,
            &mut self.clauses,
            passages,
            |i, whole, clauses| {
                let units =
                    std::iter::once(whole).chain(clauses.iter_mut().map(|c| &mut c.analysed));
                drafts[i].complete(stats, units);
            },
        );
    }

    /// Drops the analyses of the units of `passages` to their terms and
    /// numbers, once none of their pairs will be compared again: what the
    /// links' evidence, the claims' groups and the claims of figures and
    /// names read (at 10,000 articles the rest is ~250 MB). Comparisons
    /// made after this see terms alone.
    pub(crate) fn keep_terms_only_of(&mut self, passages: &[usize]) {
        each_unit_of(
            &mut self.analysed,
            &mut self.clauses,
            passages,
            |_, whole, clauses| {
                whole.keep_terms_only();
                for clause in clauses {
                    clause.analysed.keep_terms_only();
                }
            },
        );
    }

    /// Ends the drafts: no analysis will be built again.
    pub(crate) fn drop_drafts(&mut self) {
        self.drafts = Vec::new();
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
        ) + &self.draft_sizes()
    }

    /// What the drafts hold, while the analyses wait for their batch of
    /// stories (see [`Engine::drafted`]); nothing once they are gone.
    fn draft_sizes(&self) -> String {
        if self.drafts.is_empty() {
            return String::new();
        }
        let tokens: usize = self.drafts.iter().map(Draft::tokens).sum();
        format!(
            "; drafts of {:.1} M tokens (5 bytes each), analysed in full a batch of stories at a time",
            tokens as f64 / 1e6
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
    ///
    /// A unit pair whose features' bounds `hopeless` rejects is left out
    /// before its costly features are computed; if the whole pair is, so
    /// are the clauses (`hopeless` must then mean that `depth` would have
    /// said [`ClauseDepth::None`]).
    pub fn score_units(
        &self,
        i: usize,
        j: usize,
        hopeless: &dyn Fn(&FeatureBounds) -> bool,
        depth: &dyn Fn(&PairFeatures) -> ClauseDepth,
    ) -> Vec<(usize, usize, PairFeatures, usize)> {
        let score = |ua: usize, ub: usize| {
            score_pair_unless(self.unit(ua), self.unit(ub), &self.stats, hopeless)
                .map(|(features, shared)| (ua, ub, features, shared))
        };
        let Some(whole) = score(i, j) else {
            return Vec::new();
        };
        let depth = depth(&whole.2);
        let mut out = vec![whole];
        out.extend(
            self.clause_pairs(i, j, depth)
                .filter_map(|(ua, ub)| score(ua, ub)),
        );
        out
    }

    /// The source of each analysed passage.
    pub fn sources(&self, corpus: &Corpus) -> Vec<usize> {
        self.ids
            .iter()
            .map(|&id| corpus.passages[id].source)
            .collect()
    }

    /// The source of each unit (`sources`: each passage's, as
    /// [`Engine::sources`] gives them), for deciding its pairs.
    pub fn unit_sources(&self, sources: &[usize]) -> Vec<u32> {
        let units = self.ids.len() + self.clause_units.len();
        // (Sources number far fewer than four billion: see `Scored`.)
        (0..units)
            .map(|u| sources[self.passage_of(u)] as u32)
            .collect()
    }

    /// The story (see [`crate::stories`]) of each analysed passage
    /// (`sources`: each one's source, as [`Engine::sources`] gives them).
    pub fn stories(&self, corpus: &Corpus, sources: &[usize]) -> Vec<usize> {
        let story_of = crate::stories::story_of_source(&corpus.stories, corpus.sources.len());
        sources.iter().map(|&s| story_of[s]).collect()
    }

    /// Candidate pairs (indices into `ids`): passages of different
    /// sources (`sources`) of one story (`story`, as [`Engine::stories`]
    /// gives them).
    pub fn candidates(&self, sources: &[usize], story: &[usize]) -> Vec<(usize, usize)> {
        let eligible = vec![true; self.ids.len()];
        super::candidates::candidate_pairs(&self.analysed, &self.stats, sources, story, &eligible)
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
#[path = "engine_tests.rs"]
mod tests;
