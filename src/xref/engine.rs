//! The analysed corpus the cross-referencing steps share: each linkable
//! passage and clause analysed once, the corpus statistics, and the
//! comparisons of units on demand (verification scores, link evidence,
//! `explain`).

use super::analysis::{Analysed, Drafted, Drafts, LISTS, TermId, TermStats, UnitTerms, draft};
use super::features::{
    FeatureBounds, PairComparison, PairFeatures, SharedCount, compare, score_pair_unless,
    shared_terms,
};
use crate::model::{Corpus, PassageId, PassageKind};
use crate::text::fasthash::FastMap;
use crate::text::tokens::Token;

/// Most evidence terms listed per link.
const MAX_EVIDENCE: usize = 8;

/// A unit with no full analysis (see [`Engine::full_slot`]).
const NOT_ANALYSED: u32 = u32::MAX;

/// The analysed corpus, kept for explaining pair decisions.
///
/// Pairs are compared as *units*: each passage whole (unit `i` is passage
/// `ids[i]`) and each of its clauses (units `ids.len()..`, passage by
/// passage). Every unit's terms and numbers are kept all along; a unit's
/// full analysis (every list, the embedding), which comparisons need, is
/// built from its passage's draft while its pairs are scored.
pub struct Engine {
    /// Passage ids that take part, in order.
    pub ids: Vec<PassageId>,
    pub stats: TermStats,
    /// Each passage's terms and numbers (by index into `ids`).
    wholes: UnitTerms,
    /// Each clause's, clause unit `ids.len() + k` being the `k`-th.
    clauses: UnitTerms,
    /// Each clause's byte range in its passage's text.
    clause_bytes: Vec<std::ops::Range<u32>>,
    /// The passage (index) of each clause.
    clause_passage: Vec<u32>,
    /// The first clause of each passage, and one past the last passage's
    /// last: passage `i`'s clauses are `clause_starts[i]..clause_starts[i + 1]`.
    clause_starts: Vec<u32>,
    index_of: FastMap<PassageId, usize>,
    /// What the full analyses are built from (empty once no more will be).
    drafts: Drafts,
    /// The full analyses built, and where each unit's is in it.
    full: Vec<Analysed>,
    full_slot: Vec<u32>,
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

fn texts<'c>(corpus: &'c Corpus, ids: &[PassageId]) -> Vec<&'c str> {
    ids.iter()
        .map(|&id| corpus.passages[id].text.as_str())
        .collect()
}

impl Engine {
    /// Analyses the linkable passages of a corpus, every list of every
    /// unit at once (for `explain` and for studying pairs).
    pub fn new(corpus: &Corpus) -> Self {
        let mut engine = Engine::drafted(corpus);
        let all: Vec<usize> = (0..engine.ids.len()).collect();
        engine.analyse_fully(&all);
        engine.drop_drafts();
        engine
    }

    /// The linkable passages of a corpus drafted: the corpus statistics
    /// final and every unit's terms and numbers, full analyses built by
    /// [`Engine::analyse_fully`] when their pairs are scored.
    pub(crate) fn drafted(corpus: &Corpus) -> Self {
        let ids = linkable(corpus);
        let Drafted {
            wholes,
            clauses,
            clause_bytes,
            drafts,
            stats,
        } = draft(&texts(corpus, &ids));
        let index_of = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let mut clause_starts = Vec::with_capacity(ids.len() + 1);
        let mut clause_passage = Vec::with_capacity(clauses.len());
        for i in 0..ids.len() {
            // (Four billion clauses would not have been read.)
            clause_starts.push(clause_passage.len() as u32);
            clause_passage.extend(std::iter::repeat_n(i as u32, drafts.get(i).clauses()));
        }
        clause_starts.push(clause_passage.len() as u32);
        Engine {
            full_slot: vec![NOT_ANALYSED; ids.len() + clauses.len()],
            ids,
            stats,
            wholes,
            clauses,
            clause_bytes,
            clause_passage,
            clause_starts,
            index_of,
            drafts,
            full: Vec::new(),
        }
    }

    /// Ends the drafts: no full analysis will be built again.
    pub(crate) fn drop_drafts(&mut self) {
        self.drafts = Drafts::default();
    }

    /// What the analyses hold (see [`Analysed::sizes`]), for
    /// CROSSREAD_TIMINGS: "53449 units (27901 clauses): 5.4 M term ids
    /// (terms 12%, bigrams 23%, …), embeddings 6.8 MB".
    pub(crate) fn analysis_sizes(&self) -> String {
        let mut total = [0usize; LISTS + 1];
        for a in &self.full {
            for (t, n) in total.iter_mut().zip(a.sizes()) {
                *t += n;
            }
        }
        let terms = self.wholes.term_count() + self.clauses.term_count();
        let ids: usize = total[..LISTS].iter().sum::<usize>() + terms;
        let share = |n: usize| 100.0 * n as f64 / ids.max(1) as f64;
        format!(
            "{} units ({} clauses): {:.1} M term ids (terms {:.0}%, bigrams {:.0}%, \
             sequence {:.0}%, words {:.0}%, trigrams {:.0}%, names {:.0}%, by weight {:.0}%; {} \
             analysed in full), embeddings {:.1} MB",
            self.full_slot.len(),
            self.clauses.len(),
            ids as f64 / 1e6,
            share(total[0] + terms),
            share(total[1]),
            share(total[2]),
            share(total[3]),
            share(total[4]),
            share(total[5]),
            share(total[6]),
            self.full.len(),
            total[LISTS] as f64 / 1e6,
        ) + &self.draft_sizes()
    }

    /// What the drafts hold, while the analyses wait for their batch of
    /// stories (see [`Engine::drafted`]); nothing once they are gone.
    fn draft_sizes(&self) -> String {
        if self.drafts.is_empty() {
            return String::new();
        }
        format!(
            "; drafts of {:.1} M tokens (5 bytes each), analysed in full a batch of stories at a time",
            self.drafts.tokens() as f64 / 1e6
        )
    }

    /// The passage index (into `ids`) a unit belongs to.
    pub fn passage_of(&self, unit: usize) -> usize {
        match unit.checked_sub(self.ids.len()) {
            None => unit,
            Some(k) => self.clause_passage[k] as usize,
        }
    }

    /// A unit's distinct content terms, sorted.
    pub fn terms(&self, unit: usize) -> &[TermId] {
        match unit.checked_sub(self.ids.len()) {
            None => self.wholes.terms(unit),
            Some(k) => self.clauses.terms(k),
        }
    }

    /// The values of the numbers a unit states.
    pub fn numbers(&self, unit: usize) -> &[f64] {
        match unit.checked_sub(self.ids.len()) {
            None => self.wholes.numbers(unit),
            Some(k) => self.clauses.numbers(k),
        }
    }

    /// The full analysis of a unit, while it has one (see
    /// `Engine::analyse_fully`).
    pub fn unit(&self, unit: usize) -> Option<&Analysed> {
        self.full.get(*self.full_slot.get(unit)? as usize)
    }

    /// The byte range in its passage's text a unit covers (`None`: all).
    pub fn unit_bytes(&self, unit: usize) -> Option<std::ops::Range<usize>> {
        let bytes = self.clause_bytes.get(unit.checked_sub(self.ids.len())?)?;
        Some(bytes.start as usize..bytes.end as usize)
    }

    /// The units of passage index `i`: the passage, then its clauses. (The
    /// iterator holds no borrow of the engine: the units' slots can be
    /// written as it goes.)
    pub fn units_of(&self, i: usize) -> impl Iterator<Item = usize> + use<> {
        let n = self.ids.len();
        let clauses = self.clause_starts[i] as usize..self.clause_starts[i + 1] as usize;
        std::iter::once(i).chain(clauses.map(move |k| n + k))
    }

    /// Compares all the units of two passages (by index): whole with
    /// whole, each clause with the other whole, and clause with clause.
    pub fn compare_units(&self, i: usize, j: usize) -> Vec<(usize, usize, PairComparison)> {
        std::iter::once((i, j))
            .chain(self.clause_pairs(i, j, ClauseDepth::Both))
            .filter_map(|(ua, ub)| Some((ua, ub, self.compare_pair(ua, ub)?)))
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
    /// terms each shares, each handed to `each` as it is scored
    /// (verification keeps some of a million candidates' unit pairs: a
    /// list for each candidate was an allocation each); clauses as deep as
    /// `depth` says from the whole pair's features (two sentences with
    /// nothing in common have no clauses in common either). No evidence is
    /// kept: verification scores every candidate pair, and only links need
    /// evidence.
    ///
    /// A unit pair whose features' bounds `hopeless` rejects is left out
    /// before its costly features are computed; if the whole pair is, so
    /// are the clauses (`hopeless` must then mean that `depth` would have
    /// said `ClauseDepth::None`).
    pub fn score_units_each(
        &self,
        i: usize,
        j: usize,
        hopeless: &dyn Fn(&FeatureBounds) -> bool,
        depth: &dyn Fn(&PairFeatures) -> ClauseDepth,
        each: &mut dyn FnMut((usize, usize, PairFeatures, SharedCount)),
    ) {
        let score = |ua: usize, ub: usize| {
            score_pair_unless(self.unit(ua)?, self.unit(ub)?, &self.stats, hopeless)
                .map(|(features, shared)| (ua, ub, features, shared))
        };
        let Some(whole) = score(i, j) else {
            return;
        };
        let depth = depth(&whole.2);
        each(whole);
        for (ua, ub) in self.clause_pairs(i, j, depth) {
            if let Some(scored) = score(ua, ub) {
                each(scored);
            }
        }
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
        // (Sources number far fewer than four billion: see `Scored`.)
        (0..self.full_slot.len())
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
        super::candidates::candidate_pairs(&self.wholes, &self.stats, sources, story, &eligible)
    }

    /// The index (into `ids`) of a passage that takes part.
    pub fn index(&self, id: PassageId) -> Option<usize> {
        self.index_of.get(&id).copied()
    }

    /// Compares two units (as [`Engine::compare_units`] numbers them);
    /// `None` unless both are analysed in full.
    pub fn compare_pair(&self, a: usize, b: usize) -> Option<PairComparison> {
        Some(compare(self.unit(a)?, self.unit(b)?, &self.stats))
    }

    /// Compares two passages by id; `None` if either does not take part.
    pub fn compare(&self, a: PassageId, b: PassageId) -> Option<PairComparison> {
        let (&i, &j) = (self.index_of.get(&a)?, self.index_of.get(&b)?);
        self.compare_pair(i, j)
    }

    /// The surface words behind the terms units `a` and `b` share, heaviest
    /// first (`tokens` are `a`'s passage's): only the term matching of a
    /// comparison is redone, not its features.
    pub fn link_evidence(&self, tokens: &[Token], a: usize, b: usize) -> crate::model::Evidence {
        let shared = shared_terms(self.terms(a), self.terms(b), &self.stats);
        let mut out: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        for &(term, _) in &shared.exact {
            let key = &self.stats.names[term as usize];
            if let Some(t) = tokens.iter().find(|t| *t.key == **key)
                && !out.iter().any(|o| **o == *t.folded)
            {
                out.push(if t.is_number() {
                    key.trim_start_matches('#').into()
                } else {
                    t.folded.into()
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
        crate::model::Evidence::of(out.iter().map(|w| &**w))
    }
}

#[path = "engine_full.rs"]
mod full;

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
