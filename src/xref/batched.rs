//! The claims, a batch of stories at a time. Claims and links never cross
//! stories, and making claims reads each passage that writes a number:
//! for the figures several outlets give or dispute, for the differences
//! among a claim's members and for the evidence of its links. Done a batch
//! at a time, the passages are read once for all three, and the batch's
//! readings are dropped before the next (held for every passage at once
//! they would be the largest thing in memory at 10,000 articles).

use rayon::prelude::*;

use super::anchors;
#[cfg(doc)]
use super::batches::CLAIM_BATCH_PASSAGES;
use super::batches::StoryBatches;
use super::claims::{Wording, make_claim, pair_score};
use super::linking::Linked;
use super::{Engine, evidence, figures, name_variants, subsumed};
use crate::model::{Claim, Corpus, Link};

/// The claims made, each with its members' wordings, in no set order, and
/// the links with their evidence.
pub(super) struct Made {
    pub claims: Vec<(Claim, Vec<Wording>)>,
    pub links: Vec<Link>,
    /// How many anchored claims of each kind were found (for progress).
    pub summary: String,
}

/// The claims of the statement groups `linked` found and of the figures,
/// disputed figures and names spelt two ways found beside them, and the
/// evidence of its links; a batch of stories closed once it holds
/// `batch_passages` ([`CLAIM_BATCH_PASSAGES`] but in tests).
pub(super) fn make_claims(
    engine: &Engine,
    corpus: &Corpus,
    linked: Linked,
    story_of: &[usize],
    mark: &dyn Fn(&str),
    batch_passages: usize,
) -> Made {
    let Linked {
        mut links,
        link_units,
        scores,
        groups,
    } = linked;
    let scores = &scores;
    let story_of_passage = |p: usize| {
        story_of
            .get(corpus.passages[p].source)
            .copied()
            .unwrap_or(0)
    };
    let stories: Vec<usize> = engine.ids.iter().map(|&p| story_of_passage(p)).collect();
    let batches = StoryBatches::of(stories.iter().copied(), batch_passages);
    let passages = batches.split(0..stories.len(), |&i| stories[i]);
    let names = name_variants::name_variant_groups(engine, corpus, story_of, &|a, b| {
        pair_score(scores, a, b)
    });
    mark("names");
    // Groups and links by batch, by their first passage (neither crosses
    // stories).
    let statements = batches.split(groups, |g| story_of_passage(g[0].0));
    let names = batches.split(names, |g| story_of_passage(g.members[0].0));
    let link_units = batches.split(
        link_units
            .into_iter()
            .enumerate()
            .map(|(n, (a, b))| (n, a, b)),
        |&(n, _, _)| story_of_passage(links[n].a),
    );
    let mut claims: Vec<(Claim, Vec<Wording>)> = Vec::new();
    let mut counts = [0usize; 3];
    let read_batch = |batch: usize| {
        passages
            .get(batch)
            .map(|passages| figures::read(engine, corpus, passages))
    };
    let mut next = read_batch(0);
    for (batch, groups) in statements.into_iter().zip(names).enumerate() {
        let Some(read) = next.take() else { break };
        // The next batch is read while this one's claims are made: each
        // step ends on its longest piece of work, one thread idle, and the
        // reading fills it (two batches' readings held at once).
        let ((), following) = rayon::join(
            || {
                for (n, found) in evidence::of_links(engine, corpus, &link_units[batch], &read) {
                    links[n].evidence = found;
                }
                let anchoring =
                    anchors::anchor(engine, corpus, story_of, groups, &read, &passages[batch]);
                for (total, n) in counts.iter_mut().zip(anchoring.counts) {
                    *total += n;
                }
                let groups = subsumed::without_subsumed(anchoring.groups, &anchoring.anchor_spans);
                let first_id = claims.len();
                claims.par_extend(groups.into_par_iter().enumerate().map(|(k, members)| {
                    let (mut claim, wordings) =
                        make_claim(first_id + k, members, scores, story_of, corpus, &read);
                    if let Some((anchor, spans)) = anchoring.anchor_spans.get(&claim.passages) {
                        anchors::mark_claim(&mut claim, anchor, spans, &corpus.passages);
                    }
                    (claim, wordings)
                }));
            },
            || read_batch(batch + 1),
        );
        next = following;
    }
    let [figure_count, disputed_count, name_count] = counts;
    Made {
        claims,
        links,
        summary: format!(
            "{figure_count} shared figures, {disputed_count} disputed, {name_count} names spelt two ways"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_made_story_by_story_are_those_made_at_once() {
        let (corpus, story_of) = crate::testing::generated_stories();
        // Claims (their ids are numbered as they are made, in no set
        // order) and links, written out to be compared.
        let made = |batch_passages: usize| {
            let mut engine = Engine::drafted(&corpus);
            let linked = super::super::linking::link(&mut engine, &corpus, &|_, _| {}, &|_| {});
            let made = make_claims(&engine, &corpus, linked, &story_of, &|_| {}, batch_passages);
            let mut claims: Vec<String> = made
                .claims
                .into_iter()
                .map(|(claim, wordings)| {
                    let claim = Claim { id: 0, ..claim };
                    serde_json::to_string(&(claim, wordings)).expect("claims serialise")
                })
                .collect();
            claims.sort();
            let links = serde_json::to_string(&made.links).expect("links serialise");
            (claims, links, made.summary)
        };
        let at_once = made(usize::MAX);
        assert!(at_once.0.len() > 10, "{} claims", at_once.0.len());
        assert!(at_once.0.iter().any(|c| c.contains("\"anchor\":{")));
        assert!(at_once.1.contains("\"evidence\":[\""));
        // A batch a story: every claim, anchor, difference and evidence
        // the same.
        assert_eq!(made(1), at_once);
    }
}
