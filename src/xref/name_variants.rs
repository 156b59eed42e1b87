//! One name spelt two ways by the outlets of a story ("Nebi Saleh" /
//! "Nabi Saleh", "Harambe" / "Harabe"): a claim of the two sentences most
//! alike that use the two spellings, so that the reader sees who writes
//! which even where no claim of linked statements holds both.

use std::ops::Range;

use rayon::prelude::*;

use super::Engine;
use super::anchors::Anchored;
use super::differences::wording::{names_in, respelt};
use crate::model::{AnchorKind, Corpus, PassageId, PassageKind};
use crate::text::fasthash::FastMap;

/// One name as a passage writes it.
struct NameMention {
    passage: PassageId,
    source: usize,
    story: usize,
    /// Letters without case, diacritics, spaces or hyphens.
    key: String,
    range: Range<usize>,
}

/// Shortest name (in letters) compared across a story: shorter ones
/// differ by a letter as different names do ("Tamer" / "Tamar"). Within a
/// claim's aligned sentences the context says more (see `respelt`).
const MIN_NAME_LETTERS: usize = 6;
/// Longest: a longer run of capitalised words is a headline in capitals
/// or a list, not a name, and each key is copied once per letter.
const MAX_NAME_LETTERS: usize = 40;
/// Mentions of one spelling looked at for the pair of sentences shown.
const MAX_MENTIONS: usize = 64;

fn mentions(engine: &Engine, corpus: &Corpus, story_of: &[usize]) -> Vec<NameMention> {
    engine
        .ids
        .par_iter()
        .flat_map_iter(|&id| {
            let passage = &corpus.passages[id];
            let text = passage.text.as_str();
            let found = if matches!(passage.kind, PassageKind::Body | PassageKind::Caption) {
                names_in(text)
            } else {
                Vec::new()
            };
            found
                .into_iter()
                .filter(|(key, _)| {
                    (MIN_NAME_LETTERS..=MAX_NAME_LETTERS).contains(&key.chars().count())
                })
                .map(move |(key, range)| NameMention {
                    passage: id,
                    source: passage.source,
                    story: story_of.get(passage.source).copied().unwrap_or(0),
                    key,
                    range,
                })
        })
        .collect()
}

/// The key with each letter left out in turn, and whole: two keys one
/// letter apart (changed, added or dropped) share one of these.
fn deletions(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut out: Vec<String> = (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != skip)
                .map(|(_, c)| c)
                .collect()
        })
        .collect();
    out.push(key.to_owned());
    out
}

/// For every pair of spellings of one name (see [`respelt`]) used by
/// different sources of one story, a claim of the two passages most alike
/// (by `score`) that use them, anchored on the name. Stories are searched
/// in parallel, their claims kept in story order.
pub(crate) fn name_variant_groups(
    engine: &Engine,
    corpus: &Corpus,
    story_of: &[usize],
    score: &(dyn Fn(PassageId, PassageId) -> f64 + Sync),
) -> Vec<Anchored> {
    let mut found = mentions(engine, corpus, story_of);
    found.par_sort_by(|a, b| (a.story, &a.key, a.passage).cmp(&(b.story, &b.key, b.passage)));
    let stories: Vec<&[NameMention]> = found.chunk_by(|a, b| a.story == b.story).collect();
    stories
        .into_par_iter()
        .flat_map_iter(|story| variants_in_story(story, corpus, score))
        .collect()
}

/// [`name_variant_groups`] of one story's mentions (sorted by spelling).
fn variants_in_story(
    story: &[NameMention],
    corpus: &Corpus,
    score: &dyn Fn(PassageId, PassageId) -> f64,
) -> Vec<Anchored> {
    let spellings: Vec<&[NameMention]> = story.chunk_by(|a, b| a.key == b.key).collect();
    let mut by_deletion: FastMap<String, Vec<usize>> = FastMap::default();
    for (k, spelling) in spellings.iter().enumerate() {
        for d in deletions(&spelling[0].key) {
            by_deletion.entry(d).or_default().push(k);
        }
    }
    let mut pairs: Vec<(usize, usize)> = by_deletion
        .values()
        .flat_map(|ks| {
            ks.iter()
                .flat_map(move |&a| ks.iter().filter(move |&&b| a < b).map(move |&b| (a, b)))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = Vec::new();
    for (a, b) in pairs {
        let (x, y) = (spellings[a], spellings[b]);
        let (a_written, b_written) = (written_in(corpus, &x[0]), written_in(corpus, &y[0]));
        if !respelt(&x[0].key, a_written, &y[0].key, b_written) {
            continue;
        }
        if let Some(group) = closest_pair(x, y, score, corpus) {
            out.push(group);
        }
    }
    out
}

/// The two passages of different sources, one per spelling, that the pair
/// model finds most alike (the first such pair on a tie), as a claim.
fn closest_pair(
    x: &[NameMention],
    y: &[NameMention],
    score: &dyn Fn(PassageId, PassageId) -> f64,
    corpus: &Corpus,
) -> Option<Anchored> {
    let mut best: Option<(f64, &NameMention, &NameMention)> = None;
    for m in x.iter().take(MAX_MENTIONS) {
        for n in y.iter().take(MAX_MENTIONS) {
            if m.source == n.source {
                continue;
            }
            let s = score(m.passage, n.passage);
            if best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, m, n));
            }
        }
    }
    let (_, m, n) = best?;
    // The spelling more sources use first, else the one written first.
    let sources = |list: &[NameMention]| {
        let mut s: Vec<usize> = list.iter().map(|m| m.source).collect();
        s.sort_unstable();
        s.dedup();
        s.len()
    };
    let y_first = (sources(y), std::cmp::Reverse(y[0].passage))
        > (sources(x), std::cmp::Reverse(x[0].passage));
    let (first, second) = if y_first { (n, m) } else { (m, n) };
    let mut members = vec![(m.passage, None), (n.passage, None)];
    members.sort_by_key(|(p, _)| *p);
    Some(Anchored {
        members,
        spans: vec![(m.passage, m.range.clone()), (n.passage, n.range.clone())],
        kind: AnchorKind::Name,
        text: format!(
            "{} / {}",
            written_in(corpus, first),
            written_in(corpus, second)
        ),
    })
}

fn written_in<'c>(corpus: &'c Corpus, m: &NameMention) -> &'c str {
    corpus.passages[m.passage]
        .text
        .get(m.range.clone())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use crate::model::{AnchorKind, Corpus};

    /// Two reports of one protest story, each ending with the sentence
    /// given.
    fn corpus(first: &str, second: &str) -> Corpus {
        let a = format!(
            "Teenager charged over West Bank scuffle\n\n\
             Israeli prosecutors charged a Palestinian teenager with assaulting two soldiers in the West Bank.\n\n\
             A military court will hear the case next month, her lawyer said.\n\n{first}\n"
        );
        let b = format!(
            "Palestinian teen indicted for slapping soldiers\n\n\
             A Palestinian teenager was charged by Israeli prosecutors with assaulting two soldiers in the West Bank.\n\n\
             Her lawyer said a military court would hear the case next month.\n\n{second}\n"
        );
        crate::corpus::build(&crate::load::texts_for_test(&[&a, &b]))
    }

    fn spellings(c: &Corpus) -> Vec<String> {
        c.claims
            .iter()
            .filter_map(|claim| claim.anchor.as_ref())
            .filter(|a| a.kind == AnchorKind::Name)
            .map(|a| a.text.clone())
            .collect()
    }

    #[test]
    fn one_name_spelt_two_ways_is_shown_with_who_writes_which() {
        let c = corpus(
            "Weekly protests have been held in the village of Nebi Saleh for years.",
            "Her family home is in Nabi Saleh, near Ramallah, where she grew up.",
        );
        assert_eq!(c.stories.len(), 1, "the two reports are one story");
        assert_eq!(spellings(&c), ["Nebi Saleh / Nabi Saleh"]);
        let claim = c
            .claims
            .iter()
            .find(|claim| claim.anchor.is_some())
            .unwrap();
        assert_eq!(claim.support, 2);
        assert_eq!(claim.differences.len(), 1, "{:#?}", claim.differences);
        let values: Vec<&str> = claim.differences[0]
            .values
            .iter()
            .map(|v| v.text.as_str())
            .collect();
        assert_eq!(values, ["Nebi Saleh", "Nabi Saleh"]);
    }

    #[test]
    fn different_names_and_word_endings_are_no_variants() {
        for (first, second) in [
            // Two letters apart: two people.
            (
                "The case was brought by prosecutor Jensen on Monday.",
                "The case was argued by judge Hansen on Monday.",
            ),
            // An ending added: a word of the name's family.
            (
                "Protesters marched towards the Ramallah checkpoint.",
                "Police dispersed crowds of Ramallahs youth near the checkpoint.",
            ),
            // Too short to tell a misspelling from another name.
            (
                "The soldier, named as Tamer, was not hurt.",
                "Her cousin Tamar filmed the scuffle.",
            ),
        ] {
            assert!(
                spellings(&corpus(first, second)).is_empty(),
                "{first} / {second}"
            );
        }
    }
}
