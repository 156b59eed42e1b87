//! Claims of a shared figure: outlets that give one specific figure about
//! one thing ("a 17-year-old gorilla", "$82 a share", "a 400-pound
//! gorilla") report one fact, however differently the rest of their
//! sentences read. The pair model misses these when the sentences state
//! other things besides (a lede that packs five facts), so each such
//! figure becomes a claim of its own, beside the claims of linked
//! statements.

use std::ops::Range;

mod disputed;
mod lexicon;
pub(crate) use disputed::disputed_groups;

use rayon::prelude::*;

use super::Engine;
use super::anchors::{Anchored, Members};
use super::differences::quantity::Quantity;
use super::parsed::{Parsed, ParsedPassages, year_of};
use crate::model::{AnchorKind, Corpus, PassageKind, ValueType};

/// One figure as a passage gives it.
pub(crate) struct Mention<'q> {
    /// Index of the passage in `Engine::ids`.
    passage: usize,
    source: usize,
    story: usize,
    quantity: &'q Quantity,
}

/// Whether a figure is specific enough that two outlets giving it report
/// one fact. A count must say what it counts ("12 killed", not "12"); a
/// measure has its unit; years and calendar values are left to dates (a
/// year names an era, not a fact). A former value is a figure too: "up
/// from its initial offer of $70 a share" and "before reports of
/// Broadcom's $70-a-share offer in November" report one fact, the first
/// offer, told after it and at the time. (Disputes set former values
/// only against former ones: see `Quantity::comparable`.)
fn specific(q: &Quantity) -> bool {
    match q.kind {
        // "the two countries", "one of the": one and two are grammar more
        // often than figures.
        ValueType::Count => q.head.is_some() && q.value >= 3.0,
        ValueType::Amount
        | ValueType::Percent
        | ValueType::Age
        | ValueType::Distance
        | ValueType::Weight
        | ValueType::Speed
        | ValueType::Duration => true,
        _ => false,
    }
}

/// The body and caption passages among `passages` (indices in
/// `Engine::ids`) that write a number (the analysis read one), read for
/// their figures, in the engine's order. (Headlines are left out:
/// measured with them, the MSRP pairs, two one-line files each, lost
/// 0.011 of accuracy, 71 figure claims joining sentences MSRP calls
/// different against 28 it calls the same, for +0.002 on one dev
/// cluster.)
pub(crate) fn read(engine: &Engine, corpus: &Corpus, passages: &[usize]) -> ParsedPassages {
    let read = passages
        .par_iter()
        .filter(|&&i| {
            let passage = &corpus.passages[engine.ids[i]];
            // A passage without numbers is not tokenised again.
            matches!(passage.kind, PassageKind::Body | PassageKind::Caption)
                && !engine.numbers(i).is_empty()
        })
        .map(|&i| {
            let p = engine.ids[i];
            (
                i,
                p,
                Parsed::of(&corpus.passages[p].text, year_of(corpus, p)),
            )
        })
        .collect();
    ParsedPassages::new(read)
}

/// The specific figures of the passages `read`, each with its source and
/// story.
pub(crate) fn mentions<'q>(
    corpus: &Corpus,
    story_of: &[usize],
    read: &'q ParsedPassages,
) -> Vec<Mention<'q>> {
    read.read
        .iter()
        .flat_map(|(i, p, parsed)| {
            let source = corpus.passages[*p].source;
            let story = story_of.get(source).copied().unwrap_or(0);
            parsed
                .quantities
                .iter()
                .filter(|q| specific(q))
                .map(move |quantity| Mention {
                    passage: *i,
                    source,
                    story,
                    quantity,
                })
        })
        .collect()
}

/// The figure's identity: story, type, unit, whether a rate, and the
/// value (with a range's top) as bits, so that only the same figure meets.
type FigureKey = (usize, u8, Option<&'static str>, bool, u64, u64);

fn key(m: &Mention) -> FigureKey {
    let q = &m.quantity;
    (
        m.story,
        q.kind as u8,
        q.unit,
        q.head.as_ref().is_some_and(|h| h.rate),
        q.value.to_bits(),
        q.upper.unwrap_or(q.value).to_bits(),
    )
}

/// Splits the mentions of one figure by what they count: mentions whose
/// heads name one thing go together ("17-year-old gorilla" /
/// "17-year-old male", not "17-year-old female Berit" when "female" and
/// "gorilla" are apart); a mention that names nothing joins only when
/// there is one thing named, since otherwise it could belong to either.
fn by_thing<'m, 'q>(mentions: &[&'m Mention<'q>]) -> Vec<Vec<&'m Mention<'q>>> {
    let mut classes: Vec<Vec<&Mention>> = Vec::new();
    let mut unnamed = Vec::new();
    for &m in mentions {
        let Some(head) = &m.quantity.head else {
            unnamed.push(m);
            continue;
        };
        let class = classes.iter_mut().find(|c| {
            c[0].quantity
                .head
                .as_ref()
                .is_some_and(|h| h.word.same_thing(&head.word))
        });
        match class {
            Some(c) => c.push(m),
            None => classes.push(vec![m]),
        }
    }
    match classes.len() {
        // Nothing named: mentions go together by the words of their
        // phrases ("Ahed Tamimi, 16" / "Tamimi, 16"; not "Ágnes Szabó, 67"
        // / "Marit Solberg, 67").
        0 => {
            let mut by_context: Vec<Vec<&Mention>> = Vec::new();
            for m in unnamed {
                let near = |c: &&mut Vec<&Mention>| {
                    c[0].quantity
                        .context
                        .iter()
                        .any(|w| m.quantity.context.iter().any(|v| w.same_thing(v)))
                };
                match by_context.iter_mut().find(near) {
                    Some(c) => c.push(m),
                    None => by_context.push(vec![m]),
                }
            }
            by_context
        }
        1 => {
            classes[0].extend(unnamed);
            classes
        }
        _ => classes,
    }
}

/// The claims of shared figures: for every specific figure that passages
/// of two or more sources of one story give about one thing, its members
/// (each passage once, whole: a clause cut around the figure reads badly,
/// and the claim's differences are kept to the figures anyway).
pub(crate) fn figure_groups(engine: &Engine, corpus: &Corpus, found: &[Mention]) -> Vec<Anchored> {
    let mut found: Vec<&Mention> = found.iter().collect();
    found.sort_by_cached_key(|m| key(m));
    let mut classes: Vec<Vec<&Mention>> = Vec::new();
    for same in found.chunk_by(|a, b| key(a) == key(b)) {
        if !from_two_sources(same.iter().copied()) {
            continue;
        }
        classes.extend(by_thing(same));
    }
    let mut groups = Vec::new();
    for class in classes {
        if !from_two_sources(class.iter().copied()) {
            continue;
        }
        let (members, spans) = members_and_spans(engine, &class);
        // The figure as its first member writes it.
        let (p, r) = &spans[0];
        let text = corpus.passages[*p]
            .text
            .get(r.clone())
            .unwrap_or("")
            .to_owned();
        groups.push(Anchored {
            members,
            spans,
            kind: AnchorKind::Figure,
            text,
        });
    }
    groups
}

/// The members of a claim of figures (each passage once, whole) and the
/// span of each mention's figure in its passage.
fn members_and_spans(
    engine: &Engine,
    mentions: &[&Mention],
) -> (Members, Vec<(usize, Range<usize>)>) {
    let mut members: Members = mentions
        .iter()
        .map(|m| (engine.ids[m.passage], None))
        .collect();
    members.sort_by_key(|(p, _)| *p);
    members.dedup_by_key(|(p, _)| *p);
    let spans = mentions
        .iter()
        .map(|m| (engine.ids[m.passage], m.quantity.range.clone()))
        .collect();
    (members, spans)
}

fn from_two_sources<'m, 'q: 'm>(mut mentions: impl Iterator<Item = &'m Mention<'q>>) -> bool {
    let Some(first) = mentions.next() else {
        return false;
    };
    mentions.any(|m| m.source != first.source)
}

#[cfg(test)]
mod tests;
