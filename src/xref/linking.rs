//! Linking: candidate pairs scored and decided, the links between passages
//! (the best accepted unit pair of each; its evidence is read with the
//! claims, see [`super::evidence`]), the best kept score of every passage
//! pair, and the groups of units that become claims.

use rayon::prelude::*;

use super::claims::PairScores;
use super::kept::KeptPairs;
use super::{Engine, anchors, cluster, decide, joins, judge, model};
use crate::model::{Corpus, Link, PassageId};

/// What linking found: the links between passages (best unit pair of
/// each), the best kept score of every passage pair, and the groups of
/// members (each with the part of its passage that joined).
pub(super) struct Linked {
    pub links: Vec<Link>,
    /// The unit pair of each link, whose shared words are its evidence.
    pub link_units: Vec<(u32, u32)>,
    pub scores: PairScores,
    pub groups: Vec<anchors::Members>,
}

/// Candidates, scores and decisions, the links and the claims' groups. The
/// kept unit pairs and what decided them (at 10,000 articles ~170 MB) end
/// here, before the claims are built; `engine` keeps only its units' terms
/// once the pairs are scored (see [`Engine::drop_full_analyses`]).
pub(super) fn link(
    engine: &mut Engine,
    corpus: &Corpus,
    step: &dyn Fn(&str, String),
    mark: &dyn Fn(&str),
) -> Linked {
    let group = engine.sources(corpus);
    let story = engine.stories(corpus, &group);
    let pairs = engine.candidates(&group, &story);
    step("candidates", format!("{} pairs", pairs.len()));

    let pair_model = model::PairModel::get();
    let scored = judge::score_by_story(
        engine,
        &group,
        &story,
        &pairs,
        corpus.sources.len(),
        pair_model,
        super::batches::BATCH_PASSAGES,
    );
    drop(pairs);
    mark("scored");
    // Scoring was the last comparison: links and groups read the units'
    // terms only, all the engine holds now.
    let judged = judge::Judged::new(scored, pair_model, engine.unit_sources(&group));
    step("verified", format!("{} kept", judged.scored.len()));
    let (kept, accepted) = judged.into_accepted();
    let scored = &kept;
    let passage_pair = |s: &decide::Scored| {
        let (a, b) = (
            engine.ids[engine.passage_of(s.units().0)],
            engine.ids[engine.passage_of(s.units().1)],
        );
        (a.min(b), a.max(b))
    };
    let best = best_unit_pairs(scored, &accepted, &passage_pair);
    let (links, link_units) = best_links(scored, &best);
    mark("links");
    // The units of each link, for the passages that join claims as
    // passages (see `joins`): the kept pairs end before the claims.
    let passage_links: Vec<joins::PassageLink> = best
        .into_iter()
        .map(|((a, b), k)| {
            let (unit_a, unit_b) = scored[k].units();
            // The pair's first unit need not be of the lower passage.
            let (unit_a, unit_b) = if engine.ids[engine.passage_of(unit_a)] == a {
                (unit_a, unit_b)
            } else {
                (unit_b, unit_a)
            };
            joins::PassageLink {
                a,
                b,
                unit_a: unit_a as u32,
                unit_b: unit_b as u32,
            }
        })
        .collect();
    let ranked: Vec<(usize, usize, f64)> = accepted
        .iter()
        .map(|&k| {
            let (a, b) = scored[k].units();
            (a, b, scored[k].score)
        })
        .collect();
    let scores = PairScores::best_of(|| {
        scored.iter().map(|s| {
            let (a, b) = passage_pair(s);
            (a, b, s.score)
        })
    });
    drop(kept);
    mark("scores");
    let unit_source = |u: usize| group[engine.passage_of(u)];
    let unit_groups = cluster::cluster(&ranked, &unit_source, pair_model.thresholds.merge_density);
    mark("grouping");
    // Claims of passages: a passage may take part through several units.
    // Each member keeps the part that joined (all of it, or a clause), so
    // that differences compare what the members state about this claim.
    let groups = unit_groups
        .into_iter()
        .map(|units| {
            let mut members: anchors::Members = units
                .into_iter()
                .map(|u| (engine.ids[engine.passage_of(u)], engine.unit_bytes(u)))
                .collect();
            // The shortest part of a passage in the group is the one most
            // specific to this claim: a clause wins over the whole.
            members.sort_by_key(|(p, bytes)| (*p, bytes.as_ref().map_or(usize::MAX, |r| r.len())));
            members.dedup_by_key(|m| m.0);
            members
        })
        .collect::<Vec<_>>();
    let source_of = |p: PassageId| corpus.passages[p].source;
    let part_of = |unit: u32| engine.unit_bytes(unit as usize);
    let groups = joins::join_linked_passages(
        groups,
        &passage_links,
        &source_of,
        &part_of,
        pair_model.thresholds.merge_density,
    );
    mark("joins");
    Linked {
        links,
        link_units,
        scores,
        groups,
    }
}

/// The best accepted unit pair of each passage pair (by index into
/// `scored`), sorted by passage pair.
fn best_unit_pairs(
    scored: &KeptPairs,
    accepted: &[usize],
    passage_pair: &dyn Fn(&decide::Scored) -> (PassageId, PassageId),
) -> Vec<((PassageId, PassageId), usize)> {
    let mut best_link: Vec<((PassageId, PassageId), usize)> = accepted
        .iter()
        .map(|&k| (passage_pair(&scored[k]), k))
        .collect();
    // Per passage pair, the highest score first, then the earliest pair.
    // (A total order, so the parallel sort gives the one order: 18-25 ms
    // against 47 ms on one thread at 10,000 articles.)
    best_link.par_sort_unstable_by(|(x, i), (y, j)| {
        x.cmp(y)
            .then(scored[*j].score.total_cmp(&scored[*i].score))
            .then(i.cmp(j))
    });
    best_link.dedup_by_key(|(pair, _)| *pair);
    best_link
}

/// The links between passages: the best accepted unit pair of each
/// (`best_link`, see [`best_unit_pairs`]), and that pair's units, of which
/// the evidence is read once the claims' passages are read
/// ([`super::evidence`]).
fn best_links(
    scored: &KeptPairs,
    best_link: &[((PassageId, PassageId), usize)],
) -> (Vec<Link>, Vec<(u32, u32)>) {
    best_link
        .iter()
        .map(|&((a, b), k)| {
            let s = &scored[k];
            let (unit_a, unit_b) = s.units();
            let link = Link {
                a,
                b,
                score: (s.score * 1000.0).round() / 1000.0,
                evidence: Default::default(),
            };
            (link, (unit_a as u32, unit_b as u32))
        })
        .unzip()
}
