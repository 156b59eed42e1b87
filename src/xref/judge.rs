//! Scoring and deciding candidate pairs: every unit pair of each candidate
//! passage pair is scored by the pair model of its setting, and the
//! decision rules give each a verdict. One function serves the pipeline
//! and `crossread explain`, so that an explanation is the decision itself.

use rayon::prelude::*;

use super::Engine;
use super::batches::StoryBatches;
use super::decide::{self, Decider, Scored, Verdict};
use super::engine::ClauseDepth;
use super::features::{FeatureBounds, PairFeatures, SharedCount, numbers_clash};
use super::kept::KeptPairs;
use super::model::{Logistic, PairModel};

/// Verified pairs scoring below this are forgotten (they count as 0 when
/// claims are grouped).
const KEEP_SCORE: f64 = 0.05;

/// Clauses of a pair are compared only when the whole pair scores at least
/// this: below it, the whole sentences share too little for a part of one
/// to state the other, and a clause link between them joins two claims that
/// say different things. Measured over the gate (seeds pairs precision /
/// F1, demo F1, dev macro B-cubed F1): 0.05: 0.887 / 0.867, 0.813, 0.643;
/// 0.075: 0.899 / 0.872, 0.819, 0.644; 0.1: 0.934 / 0.889, 0.826, 0.641;
/// 0.125: 0.947 / 0.894, 0.826, 0.635; 0.15: 0.942 / 0.844, 0.817, 0.631.
/// At 0.1 the seeds gain most and the dev clusters stay within 0.002; the
/// engine also compares 28% fewer unit pairs (1,000 generated articles:
/// 319,822 -> 231,505).
const CLAUSE_GATE: f64 = 0.1;

/// Candidate pairs scored by one task (the kept pairs stay in pieces of
/// this many candidates' pairs: see [`KeptPairs`]).
const PAIRS_PER_PIECE: usize = 1024;

/// The kept unit pairs, and what decides them. Comparisons are not kept:
/// at 10,000 articles two million of them held ~1 GB, and only the links'
/// evidence needs them ([`Engine::compare_pair`] redoes those); nor are
/// verdicts (another ~100 MB there): [`Judged::verdict`] gives one.
pub struct Judged<'m> {
    pub scored: KeptPairs,
    decider: Decider<'m>,
}

impl<'m> Judged<'m> {
    /// Decides the kept pairs `scored` (see [`score`]), whose units are
    /// of the sources `unit_source` ([`Engine::unit_sources`]).
    pub fn new(scored: KeptPairs, model: &'m PairModel, unit_source: Vec<u32>) -> Self {
        let decider = Decider::new(&scored, model, unit_source);
        Judged { scored, decider }
    }

    /// The verdict on `scored[k]`.
    pub fn verdict(&self, k: usize) -> Verdict {
        self.decider.verdict(&self.scored[k], &self.scored)
    }

    /// The indices of the linked pairs, in order.
    pub fn accepted(&self) -> Vec<usize> {
        (0..self.scored.len())
            .into_par_iter()
            .filter(|&k| self.verdict(k).is_ok())
            .collect()
    }

    /// The kept pairs and the indices of the linked ones: what decided them
    /// ends here (at 10,000 articles its best-match maps hold ~80 MB).
    pub fn into_accepted(self) -> (KeptPairs, Vec<usize>) {
        let accepted = self.accepted();
        (self.scored, accepted)
    }
}

/// Scores and decides the candidate passage pairs `pairs` (indices into
/// `engine.ids`); `group` is each passage's source, of `sources` in all.
pub fn judge<'m>(
    engine: &Engine,
    group: &[usize],
    pairs: &[(usize, usize)],
    sources: usize,
    model: &'m PairModel,
    mark: &dyn Fn(&str),
) -> Judged<'m> {
    let scored = score(engine, group, pairs, sources, model);
    mark("scored");
    Judged::new(scored, model, engine.unit_sources(group))
}

/// The kept unit pairs of the candidate passage pairs `pairs`, scored by
/// the pair model of their setting (the first half of [`judge`]).
pub fn score(
    engine: &Engine,
    group: &[usize],
    pairs: &[(usize, usize)],
    sources: usize,
    model: &PairModel,
) -> KeptPairs {
    KeptPairs::from_pieces(score_pieces(engine, group, pairs, sources, model))
}

/// [`score`] for an engine drafted (`Engine::drafted`): the stories'
/// pairs are scored a batch of stories at a time (a batch closed once it
/// holds `batch_passages`: see `super::batches`), the batch's analyses
/// built in full first and kept to their terms after, so that the full
/// analyses of a large corpus are never all held at once (candidates
/// never cross stories: `story` is each passage's). The kept pairs are
/// in the order [`score`] gives.
pub fn score_by_story(
    engine: &mut Engine,
    group: &[usize],
    story: &[usize],
    pairs: &[(usize, usize)],
    sources: usize,
    model: &PairModel,
    batch_passages: usize,
) -> KeptPairs {
    let n = engine.ids.len();
    let mut paired = vec![false; n];
    for &(i, j) in pairs {
        paired[i] = true;
        paired[j] = true;
    }
    let batches = StoryBatches::of(
        (0..n).filter(|&i| paired[i]).map(|i| story[i]),
        batch_passages,
    );
    let passages = batches.split((0..n).filter(|&i| paired[i]), |&i| story[i]);
    let mut pieces = Vec::new();
    for (batch, passages) in passages.iter().enumerate() {
        // Each batch's pairs only while it is scored: all of them split at
        // once would be a second copy of the candidates where memory peaks.
        // (Picked out in parallel: at 10,000 articles, 16 batches of 1.9 M
        // candidates took 33-35 ms on one thread.)
        let batch_pairs: Vec<(usize, usize)> = pairs
            .par_iter()
            .copied()
            .filter(|&(i, _)| batches.batch_of(story[i]) == batch)
            .collect();
        engine.analyse_fully(passages);
        pieces.extend(score_pieces(engine, group, &batch_pairs, sources, model));
        engine.drop_full_analyses();
    }
    engine.drop_drafts();
    let engine = &*engine;
    // A pair's place: its passages' (as candidates are sorted), then its
    // units' order among those of that passage pair, kept by the sort.
    KeptPairs::from_pieces_in_order(pieces, |s| {
        let (a, b) = s.units();
        ((engine.passage_of(a) as u64) << 32) | engine.passage_of(b) as u64
    })
}

/// The kept unit pairs of `pairs` (see [`score`]), in pieces.
fn score_pieces(
    engine: &Engine,
    group: &[usize],
    pairs: &[(usize, usize)],
    sources: usize,
    model: &PairModel,
) -> Vec<Vec<Scored>> {
    let mut linkable_in_source = vec![0usize; sources];
    for &g in group {
        linkable_in_source[g] += 1;
    }
    // Articles with alternatives are scored by the news model and compete;
    // lone sentences are judged as paraphrases (see xref::model).
    let competitive = |i: usize, j: usize| {
        linkable_in_source[group[i]] >= decide::MIN_ALTERNATIVES
            && linkable_in_source[group[j]] >= decide::MIN_ALTERNATIVES
    };
    let regression = |i: usize, j: usize| -> &Logistic {
        if competitive(i, j) {
            &model.news
        } else {
            &model.paraphrase
        }
    };
    let n = engine.ids.len();
    let unit_floor = KEEP_SCORE.min(CLAUSE_GATE).min(model.thresholds.clause);
    let score_units = |&(i, j): &(usize, usize), each: &mut dyn FnMut(_)| {
        let regression = regression(i, j);
        // A pair that cannot reach the keeping score, nor a score from which
        // its clauses are compared, is dropped early.
        let hopeless = |bounds: &FeatureBounds| regression.upper_bound(bounds) < unit_floor;
        let depth = |whole: &PairFeatures| {
            let score = regression.score(whole);
            // Clause with clause only where the whole sentences are as
            // alike as a clause link must be (below that, two parts of
            // sentences that share little match by chance) and not
            // alike enough to link whole (then their parts would only
            // repeat the link, as claims of half a sentence).
            if (model.thresholds.clause..model.thresholds.link).contains(&score) {
                ClauseDepth::Both
            } else if score >= CLAUSE_GATE {
                ClauseDepth::WithWhole
            } else {
                ClauseDepth::None
            }
        };
        engine.score_units_each(i, j, &hopeless, &depth, each);
    };
    let keep = |(ua, ub, features, shared): (usize, usize, PairFeatures, SharedCount)| {
        let (i, j) = (engine.passage_of(ua), engine.passage_of(ub));
        let regression = regression(i, j);
        let score = regression.score(&features);
        // (Unit and source indices fit 32 bits: see `Scored`.)
        (score >= KEEP_SCORE).then(|| {
            let traits = [
                (decide::WHOLE, ua < n && ub < n),
                (
                    decide::A_SHORTER,
                    engine.terms(ua).len() <= engine.terms(ub).len(),
                ),
                (decide::COMPETITIVE, competitive(i, j)),
                (
                    decide::NUMBERS_CLASH,
                    numbers_clash(engine.numbers(ua), engine.numbers(ub)),
                ),
            ];
            Scored {
                a: ua as u32,
                b: ub as u32,
                score,
                score_without_numbers: regression.score(&PairFeatures {
                    number_conflict: 0.0,
                    ..features
                }),
                // (A share, compared with a threshold: seven digits do.)
                cover: features.cover_min as f32,
                shared_terms: u16::try_from(shared.terms).unwrap_or(u16::MAX),
                shared_words: u8::try_from(shared.words).unwrap_or(u8::MAX),
                traits: traits
                    .into_iter()
                    .filter(|&(_, holds)| holds)
                    .fold(0, |all, (t, _)| all | t),
            }
        })
    };
    pairs
        .par_chunks(PAIRS_PER_PIECE)
        .map(|chunk| {
            let mut kept = Vec::new();
            for pair in chunk {
                score_units(pair, &mut |scored| kept.extend(keep(scored)));
            }
            kept
        })
        .collect()
}
