//! The evidence of links: the words behind the terms a link's units share,
//! read in the first unit's passage. Links never cross stories, so each is
//! read with its story's batch of claims, from the passage as the figures
//! step read it where it did: a passage is tokenised again only when it
//! writes no number (at 1,000 generated articles that reading was ~2% of
//! all the instructions).

use rayon::prelude::*;

use super::Engine;
use super::parsed::ParsedPassages;
use crate::model::{Corpus, Evidence};
use crate::text::tokens::tokenize;

/// The evidence of the links whose unit pairs are `units` (each a link's
/// index and its first and second unit), with the passages `read` so far.
pub(super) fn of_links(
    engine: &Engine,
    corpus: &Corpus,
    units: &[(usize, u32, u32)],
    read: &ParsedPassages,
) -> Vec<(usize, Evidence)> {
    // Each passage is tokenised once for all the links it begins.
    let mut starts: Vec<(usize, usize)> = units
        .iter()
        .enumerate()
        .map(|(k, &(_, a, _))| (engine.passage_of(a as usize), k))
        .collect();
    starts.sort_unstable();
    starts
        .par_chunk_by(|x, y| x.0 == y.0)
        .flat_map_iter(|group| {
            let passage = engine.ids[group[0].0];
            let tokenised;
            let tokens = match read.get(passage) {
                Some(parsed) => &parsed.tokens,
                None => {
                    tokenised = tokenize(&corpus.passages[passage].text);
                    &tokenised
                }
            };
            group
                .iter()
                .map(|&(_, k)| {
                    let (link, a, b) = units[k];
                    (link, engine.link_evidence(tokens, a as usize, b as usize))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}
