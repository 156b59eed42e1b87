//! Claims of a disputed figure: outlets that give one thing different
//! values ("Qualcomm's $47 billion purchase of NXP" / "the $38 billion
//! transaction"). Such sentences report one fact and disagree on it, but
//! the pair model seldom links them: besides the figure they often share
//! little. Each such dispute becomes a claim of its own, whose difference
//! is the figure.

use rayon::prelude::*;

use super::Mention;
use super::lexicon::Lexicon;
use crate::model::{AnchorKind, Corpus, ValueType};
use crate::text::fasthash::{FastMap, FastSet};
use crate::xref::Engine;
use crate::xref::analysis::TermId;
use crate::xref::anchors::Anchored;
use crate::xref::differences::quantity::{EVIDENCE, Quantity, Word, unit_of_word};

/// Whether two figures are about one thing: comparable (one type, unit
/// and framing) with phrases sharing [`EVIDENCE`] words, a measure's unit
/// counting as one. (How far apart the values are says nothing: counts
/// of one thing differ tenfold between reports made hours apart.)
/// `shared` counts the words their [`evidence`] shares, asked last: it is
/// the dearest test.
fn one_thing(a: &Quantity, b: &Quantity, shared: impl FnOnce() -> usize) -> bool {
    let heads_apart = match (&a.head, &b.head) {
        (Some(x), Some(y)) => !x.same_word(y),
        _ => false,
    };
    !heads_apart && a.comparable(b) && shared() + measured(a) >= EVIDENCE
}

/// A measure's unit names what is measured (a distance, a weight, a
/// speed) as a word of the phrase would; a count, an amount of money, a
/// share or a span of time could be of anything.
fn measured(q: &Quantity) -> usize {
    usize::from(matches!(
        q.kind,
        ValueType::Distance | ValueType::Weight | ValueType::Speed
    ))
}

/// The words of a figure's phrase that may say which thing it is about,
/// each once.
fn evidence(q: &Quantity) -> Vec<&Word> {
    // The unit is no evidence of one thing: both have it ("25 years ago"
    // / "16 years later").
    let unit = |w: &&Word| {
        q.unit.is_some_and(|u| {
            w.folded.trim_end_matches('s') == u || unit_of_word(w.folded) == Some(u)
        }) || (q.kind == ValueType::Age && w.folded == "old")
    };
    // Nor is what a count counts: "30 times" / "three times", "five
    // seasons" / "six seasons" say which thing only by other words. (What
    // people counted did is: "2,000 people signed a petition".)
    let counted = |w: &&Word| {
        matches!(q.kind, ValueType::Count | ValueType::Age)
            && q.head
                .as_ref()
                .is_some_and(|h| !h.past_people && h.word.same_word(w))
    };
    let mut w: Vec<&Word> = q
        .context
        .iter()
        .chain(q.head.as_ref().map(|h| &h.word))
        .filter(|w| !unit(w) && !counted(w) && !everyday(w))
        .collect();
    w.sort_by(|x, y| x.folded.cmp(y.folded));
    w.dedup_by(|x, y| x.same_thing(y));
    w
}

/// English words this frequent or more (wordfreq's Zipf scale: about the
/// 500 most frequent words, rank 500 being 5.28) say nothing of which
/// thing a figure is about: "its $5.5 billion bid it made last year for
/// Brocade" and "made its $38 billion bid in October 2016 for NXP" share
/// "made" as they share "the".
const EVERYDAY_ZIPF: f32 = 5.3;

fn everyday(w: &Word) -> bool {
    w.zipf >= EVERYDAY_ZIPF
}

/// The claims of disputed figures: pairs of mentions, of different sources
/// of one story, that are about one thing ([`one_thing`]) and disagree; a
/// source that also gives the other's value anywhere is no dispute (the
/// two values are then two things, "its first offer, $105 billion" beside
/// "$121 billion"). Mentions joined by disputes make one claim.
/// `passages`: the indices in `Engine::ids` of every passage of the
/// mentions' stories.
pub(crate) fn disputed_groups(
    engine: &Engine,
    corpus: &Corpus,
    story_of: &[usize],
    found: &[Mention],
    passages: &[usize],
) -> Vec<Anchored> {
    let mut order: Vec<&Mention> = found.iter().collect();
    order.sort_by(|a, b| {
        (a.story, a.quantity.kind as u8, &a.quantity.unit, a.source).cmp(&(
            b.story,
            b.quantity.kind as u8,
            &b.quantity.unit,
            b.source,
        ))
    });
    // Each mention's words, read once for the topics and the disputes (a
    // batch of stories at a time: see `batched`; read twice, at 10,000
    // articles, they took ~0.09 s of each batch's time in all).
    let words: Vec<Vec<&Word>> = order.par_iter().map(|m| evidence(m.quantity)).collect();
    let topic = story_topics(engine, corpus, story_of, &order, &words, passages);
    let mut chunks: Vec<std::ops::Range<usize>> = Vec::new();
    for same_kind in order.chunk_by(|a, b| {
        (a.story, a.quantity.kind, &a.quantity.unit) == (b.story, b.quantity.kind, &b.quantity.unit)
    }) {
        let start = chunks.last().map_or(0, |r| r.end);
        chunks.push(start..start + same_kind.len());
    }
    chunks
        .into_par_iter()
        .flat_map_iter(|chunk| {
            let same_kind = &order[chunk.clone()];
            let words = &words[chunk];
            let story = same_kind[0].story;
            let common = |w: &Word| {
                engine
                    .stats
                    .id(w.key())
                    .is_some_and(|t| topic.contains(&(story, t)))
            };
            disputes(same_kind, words, &common)
                .into_iter()
                .map(move |group| {
                    let mentions: Vec<&Mention> = group.iter().map(|&k| same_kind[k]).collect();
                    anchored(engine, corpus, &mentions)
                })
        })
        .collect()
}

/// The words of figures' phrases that are their story's topic: in at
/// least a quarter of its passages, and more than the two that give a
/// disputed figure ("Qualcomm" in a story of Broadcom's
/// bid for it, "tax" in one of a tax charge). They say which story, not
/// which of its figures: "Qualcomm shares fell 1.5 percent" and
/// "Qualcomm reported a 96 percent drop in income" share no thing.
/// Only the words of the mentions' [`evidence`], `words`, are counted, in
/// `passages` (indices in `Engine::ids`, every passage of the mentions'
/// stories and maybe more).
fn story_topics(
    engine: &Engine,
    corpus: &Corpus,
    story_of: &[usize],
    mentions: &[&Mention],
    words: &[Vec<&Word>],
    passages: &[usize],
) -> FastSet<(usize, TermId)> {
    let wanted: FastSet<TermId> = words
        .iter()
        .flatten()
        .filter_map(|w| engine.stats.id(w.key()))
        .collect();
    let stories = mentions.iter().map(|m| m.story + 1).max().unwrap_or(0);
    // Only the stories of the mentions are counted (they may be a batch
    // of a large corpus's).
    let mut counted = vec![false; stories];
    for m in mentions {
        counted[m.story] = true;
    }
    let mut in_story = vec![0u32; stories];
    let mut df: FastMap<(usize, TermId), u32> = FastMap::default();
    for &i in passages {
        let story = story_of
            .get(corpus.passages[engine.ids[i]].source)
            .copied()
            .unwrap_or(0);
        if !counted.get(story).copied().unwrap_or(false) {
            continue;
        }
        in_story[story] += 1;
        for t in engine.terms(i) {
            if wanted.contains(t) {
                *df.entry((story, *t)).or_default() += 1;
            }
        }
    }
    df.into_iter()
        .filter(|&((story, _), n)| n > 2 && 4 * n >= in_story[story])
        .map(|(key, _)| key)
        .collect()
}

/// The disputes among mentions of one story, type and unit, in source
/// order (`all_words` their [`evidence`]): each a group of indices into
/// `same_kind`.
fn disputes<'q>(
    same_kind: &[&'q Mention],
    all_words: &[Vec<&'q Word>],
    topic: &dyn Fn(&Word) -> bool,
) -> Vec<Vec<usize>> {
    let (lexicon, all_words) = Lexicon::new(all_words);
    let words: Vec<Vec<u32>> = all_words
        .iter()
        .map(|phrase| {
            phrase
                .iter()
                .copied()
                .filter(|&w| !topic(lexicon.word(w)))
                .collect()
        })
        .collect();
    // What a sum of money is for, its head, says which thing even when
    // the topic filter took it out ("an initial $103 billion offer" /
    // "its initial offer of $70 a share, or $105 billion" in a story of
    // offers), where the topic's other words only say which story. (A
    // count's head is what it counts, which says which thing only with
    // other words: "22 other defendants" / "23 of the defendants,
    // including Morsi".)
    let topical_head: Vec<Option<u32>> = (0..same_kind.len())
        .map(|k| {
            let quantity = &same_kind[k].quantity;
            if quantity.kind != ValueType::Amount {
                return None;
            }
            let head = &quantity.head.as_ref()?.word;
            all_words[k]
                .iter()
                .copied()
                .find(|&w| lexicon.word(w).same_word(head) && !words[k].contains(&w))
        })
        .collect();
    let head_in = |x: usize, y: usize| {
        topical_head[x].is_some_and(|h| lexicon.shared(&[h], &all_words[y]) > 0)
    };
    // `topic_out`: the phrases `w` are without the topic's words, so a
    // topical head is counted apart (in whole phrases it is a word of both).
    let alike_by = |w: &[Vec<u32>], topic_out: bool, x: usize, y: usize| {
        one_thing(same_kind[x].quantity, same_kind[y].quantity, || {
            lexicon.shared(&w[x], &w[y])
                + usize::from(topic_out && (head_in(x, y) || head_in(y, x)))
        })
    };
    let alike = |x: usize, y: usize| alike_by(&words, true, x, y);
    // Within one source the topic's words tell its figures apart no
    // better than in the story, but a source repeating them for two
    // values is reason enough to doubt which thing either is.
    let alike_in_source = |x: usize, y: usize| alike_by(&all_words, false, x, y);
    // Each mention's source's run of mentions (they are in source order).
    let mut run: Vec<std::ops::Range<usize>> = Vec::with_capacity(same_kind.len());
    for by_source in same_kind.chunk_by(|a, b| a.source == b.source) {
        let start = run.len();
        run.extend(std::iter::repeat_n(
            start..start + by_source.len(),
            by_source.len(),
        ));
    }
    // Whether the source of mention `x` states the value of mention `y`:
    // a hedged value that fits both ("over 400 pounds" beside its own
    // "450-pound gorilla", against "400-pound") says nothing of which.
    let states = |x: usize, y: usize| {
        run[x].clone().any(|o| {
            let own = &same_kind[o].quantity;
            own.restates(same_kind[y].quantity) && (o == x || !own.agrees(same_kind[x].quantity))
        })
    };
    // A source giving, in two passages, two values to what its own words
    // cannot tell apart names no one thing to dispute. (Inside one
    // sentence the syntax tells them apart: "from an estimated $1.9
    // billion in earnings to a loss of around $3 billion".)
    let ambiguous: Vec<bool> = (0..same_kind.len())
        .map(|x| {
            run[x].clone().any(|o| {
                same_kind[o].passage != same_kind[x].passage
                    && !same_kind[o].quantity.agrees(same_kind[x].quantity)
                    && alike_in_source(x, o)
            })
        })
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for x in 0..same_kind.len() {
        if ambiguous[x] {
            continue;
        }
        for y in run[x].end..same_kind.len() {
            if ambiguous[y] || !alike(x, y) || states(x, y) || states(y, x) {
                continue;
            }
            pairs.push((lexicon.shared(&words[x], &words[y]), x, y));
        }
    }
    // Closest pairs first; a mention joins a dispute only when it is
    // about the same thing as every mention already in it, so that no
    // chain of pairs joins two things ("shares fell 4.3 percent" /
    // "shares fell 6.6%" / "a 96 percent drop in income").
    pairs.sort_by_key(|&(shared, x, y)| (std::cmp::Reverse(shared), x, y));
    let mut group_of: Vec<Option<usize>> = vec![None; same_kind.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (_, x, y) in pairs {
        let fits = |g: &[usize], k: usize| g.iter().all(|&o| alike(o, k));
        match (group_of[x], group_of[y]) {
            (None, None) => {
                group_of[x] = Some(groups.len());
                group_of[y] = Some(groups.len());
                groups.push(vec![x, y]);
            }
            (Some(g), None) if fits(&groups[g], y) => {
                group_of[y] = Some(g);
                groups[g].push(y);
            }
            (None, Some(g)) if fits(&groups[g], x) => {
                group_of[x] = Some(g);
                groups[g].push(x);
            }
            _ => {}
        }
    }
    groups
}

/// The claim of one dispute: its mentions' passages, anchored on the
/// values given.
fn anchored(engine: &Engine, corpus: &Corpus, mentions: &[&Mention]) -> Anchored {
    let (members, spans) = super::members_and_spans(engine, mentions);
    // Each value as the first mention giving it writes it.
    let mut values: Vec<(f64, &str)> = Vec::new();
    for m in mentions {
        if !values.iter().any(|(v, _)| *v == m.quantity.value) {
            let written = corpus.passages[engine.ids[m.passage]]
                .text
                .get(m.quantity.range.clone())
                .unwrap_or("");
            values.push((m.quantity.value, written));
        }
    }
    let text = values
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" / ");
    Anchored {
        members,
        spans,
        kind: AnchorKind::Disputed,
        text,
    }
}

#[cfg(test)]
#[path = "disputed_tests.rs"]
mod tests;
