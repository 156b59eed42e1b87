//! Claims of a shared figure: outlets that give one specific figure about
//! one thing ("a 17-year-old gorilla", "$82 a share", "a 400-pound
//! gorilla") report one fact, however differently the rest of their
//! sentences read. The pair model misses these when the sentences state
//! other things besides (a lede that packs five facts), so each such
//! figure becomes a claim of its own, beside the claims of linked
//! statements.

use std::ops::Range;

use rayon::prelude::*;

use super::Engine;
use super::anchors::{Anchored, Members};
use super::differences::quantity::{Quantity, quantities};
use crate::model::{AnchorKind, Corpus, PassageKind, ValueType};
use crate::text::dates::find_dates;
use crate::text::fasthash::FastMap;
use crate::text::tokens::tokenize;

/// One figure as a passage gives it.
struct Mention {
    /// Index of the passage in `Engine::ids`.
    passage: usize,
    source: usize,
    story: usize,
    quantity: Quantity,
}

/// Whether a figure is specific enough that two outlets giving it report
/// one fact. A count must say what it counts ("12 killed", not "12"); a
/// measure has its unit; years and calendar values are left to dates (a
/// year names an era, not a fact). Former values ("up from $70") are one
/// outlet's history and superseded figures are set apart by the
/// differences.
fn specific(q: &Quantity) -> bool {
    if q.former {
        return false;
    }
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

/// The figures of the engine's body and caption passages, each with its
/// source and story. (Headlines are left out: measured with them, the MSRP
/// pairs, two one-line files each, lost 0.011 of accuracy, 71 figure claims
/// joining sentences MSRP calls different against 28 it calls the same,
/// for +0.002 on one dev cluster.) Only passages that write a number another source of
/// their story writes too (by [`rough_numbers`]) are tokenised for them.
fn mentions(engine: &Engine, corpus: &Corpus, story_of: &[usize]) -> Vec<Mention> {
    let story = |i: usize| {
        let source = corpus.passages[engine.ids[i]].source;
        story_of.get(source).copied().unwrap_or(0)
    };
    let rough: Vec<Vec<u64>> = (0..engine.ids.len())
        .into_par_iter()
        .map(|i| {
            let passage = &corpus.passages[engine.ids[i]];
            if matches!(passage.kind, PassageKind::Body | PassageKind::Caption) {
                rough_numbers(&passage.text)
            } else {
                Vec::new()
            }
        })
        .collect();
    // (story, number) -> (a source writing it, whether another does too).
    let mut writers: FastMap<(usize, u64), (usize, bool)> = FastMap::default();
    for (i, numbers) in rough.iter().enumerate() {
        let source = corpus.passages[engine.ids[i]].source;
        for &n in numbers {
            let entry = writers.entry((story(i), n)).or_insert((source, false));
            entry.1 |= entry.0 != source;
        }
    }
    (0..engine.ids.len())
        .into_par_iter()
        .filter(|&i| {
            rough[i]
                .iter()
                .any(|&n| writers.get(&(story(i), n)).is_some_and(|w| w.1))
        })
        .flat_map_iter(|i| {
            let passage = &corpus.passages[engine.ids[i]];
            let text = passage.text.as_str();
            let tokens = tokenize(text);
            let dates: Vec<Range<usize>> = find_dates(text).into_iter().map(|d| d.range).collect();
            let year = corpus.sources[passage.source]
                .date
                .as_deref()
                .and_then(|d| d.get(..4)?.parse().ok());
            quantities(text, &tokens, &dates, year)
                .into_iter()
                .filter(specific)
                .map(move |quantity| Mention {
                    passage: i,
                    source: passage.source,
                    story: story(i),
                    quantity,
                })
        })
        .collect()
}

/// A number's `f64` bits, mixed: whole numbers differ only in their high
/// bits, which the corpus's fast hash leaves out of a table's buckets (a
/// list of 50,000 numbers spent 0.45 s in the table).
fn mixed(v: f64) -> u64 {
    let x = v.to_bits();
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The numbers a text writes, roughly and as [`mixed`] bits: each run of
/// digits with its separators ("2,300", "1.2"), each number word, and a
/// tens word joined to a unit ("fifty-one": 50, 1 and 51). A cheap first
/// look: two passages that state one figure write one of these alike
/// (scale words and units aside: "$1.2 million" and "1.2 million euros"
/// both write 1.2).
fn rough_numbers(text: &str) -> Vec<u64> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        if let Some(v) = crate::text::tokens::parse_digits(&text[start..i]) {
            out.push(mixed(v));
        }
    }
    let mut previous: Option<(f64, usize)> = None;
    for r in crate::text::alnum_spans(text) {
        let word = &text[r.clone()];
        let value = (word.len() >= 3 && word.len() <= 9 && word.is_ascii())
            .then(|| crate::text::tokens::number_word_value(&word.to_ascii_lowercase()))
            .flatten();
        if let Some(v) = value {
            out.push(mixed(v));
            if let Some((tens, end)) = previous
                && text[end..r.start] == *"-"
                && tens >= 20.0
                && v < 10.0
            {
                out.push(mixed(tens + v));
            }
        }
        previous = value.map(|v| (v, r.end));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The figure's identity: story, type, unit, whether a rate, and the
/// value (with a range's top) as bits, so that only the same figure meets.
type FigureKey = (usize, u8, Option<String>, bool, u64, u64);

fn key(m: &Mention) -> FigureKey {
    let q = &m.quantity;
    (
        m.story,
        q.kind as u8,
        q.unit.clone(),
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
fn by_thing<'m>(mentions: &[&'m Mention]) -> Vec<Vec<&'m Mention>> {
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
pub(crate) fn figure_groups(engine: &Engine, corpus: &Corpus, story_of: &[usize]) -> Vec<Anchored> {
    let mut found = mentions(engine, corpus, story_of);
    found.sort_by_cached_key(key);
    let mut classes: Vec<Vec<&Mention>> = Vec::new();
    for same in found.chunk_by(|a, b| key(a) == key(b)) {
        if !from_two_sources(same.iter()) {
            continue;
        }
        let refs: Vec<&Mention> = same.iter().collect();
        if std::env::var_os("DBG_FIG").is_some() && same[0].quantity.value == 121e9 {
            for m in same {
                eprintln!(
                    "M {} {} head={:?} ctx={:?}",
                    m.passage,
                    m.source,
                    m.quantity.head.as_ref().map(|h| &h.word.folded),
                    m.quantity
                        .context
                        .iter()
                        .map(|w| &w.folded)
                        .collect::<Vec<_>>()
                );
            }
        }
        classes.extend(by_thing(&refs));
    }
    let mut groups = Vec::new();
    for class in classes {
        if !from_two_sources(class.iter().copied()) {
            continue;
        }
        let mut members: Members = class
            .iter()
            .map(|m| (engine.ids[m.passage], None))
            .collect();
        members.sort_by_key(|(p, _)| *p);
        members.dedup_by_key(|(p, _)| *p);
        let spans: Vec<(usize, Range<usize>)> = class
            .iter()
            .map(|m| (engine.ids[m.passage], m.quantity.range.clone()))
            .collect();
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

fn from_two_sources<'m>(mut mentions: impl Iterator<Item = &'m Mention>) -> bool {
    let Some(first) = mentions.next() else {
        return false;
    };
    mentions.any(|m| m.source != first.source)
}

#[cfg(test)]
mod tests {
    use crate::model::{Claim, Corpus};

    /// Two reports of one zoo story (so that they form one story), each
    /// with the extra paragraphs given.
    fn corpus(first: &str, second: &str) -> Corpus {
        let a = format!(
            "Gorilla shot at Cincinnati Zoo\n\n\
             Zoo officials in Cincinnati shot a western lowland gorilla after a boy climbed into its enclosure.\n\n\
             The boy was taken to a children's hospital and released the same evening.\n\n{first}\n"
        );
        let b = format!(
            "Cincinnati Zoo kills gorilla to save boy\n\n\
             A western lowland gorilla was shot by officials at the Cincinnati Zoo after a boy climbed into its enclosure.\n\n\
             The boy was released from a children's hospital later that evening.\n\n{second}\n"
        );
        crate::corpus::build(&crate::load::texts_for_test(&[&a, &b]))
    }

    fn holding<'c>(corpus: &'c Corpus, a: &str, b: &str) -> Vec<&'c Claim> {
        let has = |c: &Claim, start: &str| {
            c.passages
                .iter()
                .any(|&p| corpus.passages[p].text.starts_with(start))
        };
        corpus
            .claims
            .iter()
            .filter(|c| has(c, a) && has(c, b))
            .collect()
    }

    #[test]
    fn one_figure_joins_sentences_that_say_more() {
        let c = corpus(
            "Keepers said the 17-year-old gorilla had lived at the zoo since 2014 and was popular with school visitors.",
            "Animal rights groups protested outside the gates on Sunday over the death of the 17-year-old gorilla.",
        );
        assert_eq!(c.stories.len(), 1, "the two reports are one story");
        let claims = holding(&c, "Keepers said", "Animal rights");
        assert_eq!(claims.len(), 1, "{:#?}", c.claims);
        let anchor = claims[0].anchor.as_ref().expect("a figure claim");
        assert_eq!(anchor.text, "17-year-old");
    }

    /// Whether a claim of a shared figure joins the last paragraphs.
    fn figure_joins(first: &str, second: &str) -> bool {
        let c = corpus(first, second);
        let (a, b) = (&first[..12], &second[..12]);
        holding(&c, a, b).iter().any(|claim| claim.anchor.is_some())
    }

    #[test]
    fn an_abbreviation_s_full_stop_does_not_end_a_figure_s_phrase() {
        // What the amount is about is read on both sides of it; "Inc." is
        // no end of the phrase, so "Zooquip" is read in both.
        let paid = "Animal rights groups protesting outside the gates on Sunday chanted that Zooquip got $2.5 million, money that should have gone to more keepers.";
        for firm in ["Zooquip", "Zooquip Inc."] {
            let first = format!(
                "The city paid {firm} about $2.5 million, the mayor said, to build the new moat and a viewing deck."
            );
            assert!(figure_joins(&first, paid), "{first}");
        }
    }

    #[test]
    fn figures_about_different_things_stay_apart() {
        // Each case beside the same sentences where the figure is shared,
        // so that the rule, not the wording, keeps them apart.
        let onduty = "Only {} were on duty near the enclosure that afternoon, the zoo said.";
        let hiring = "The zoo will hire {} next spring to run its emergency drills.";
        let with = |s: &str, v: &str| s.replace("{}", v);
        assert!(figure_joins(
            &with(onduty, "40 keepers"),
            &with(hiring, "40 keepers")
        ));
        // What is counted differs: 40 keepers, 40 vets.
        assert!(!figure_joins(
            &with(onduty, "40 keepers"),
            &with(hiring, "40 vets")
        ));
        // One and two are grammar more than figures.
        assert!(!figure_joins(
            &with(onduty, "two keepers"),
            &with(hiring, "two keepers")
        ));
        assert!(figure_joins(
            &with(onduty, "three keepers"),
            &with(hiring, "three keepers")
        ));
        // Two people of one age are two people; one person is one.
        let told = "\"I could not watch,\" said {}, who has visited the zoo every week since 1981.";
        let retired = "\"It was terrible,\" said {}, a retired teacher from Dayton.";
        assert!(!figure_joins(
            &with(told, "Agnes Szabo, 67"),
            &with(retired, "Marit Solberg, 67")
        ));
        assert!(figure_joins(
            &with(told, "Agnes Szabo, 67"),
            &with(retired, "Agnes Szabo, 67")
        ));
    }

    #[test]
    fn a_figure_of_one_source_is_no_claim() {
        let c = corpus(
            "The 17-year-old gorilla weighed more than 400 pounds.\n\nVisitors loved the 17-year-old gorilla for years.",
            "The keepers had raised the ape from birth in Texas.",
        );
        assert!(c.claims.iter().all(|claim| claim.anchor.is_none()));
    }

    #[test]
    fn a_figure_claim_differs_only_in_its_figures() {
        use crate::model::{Difference, DifferenceKind, DifferenceValue, ValueSpan, ValueType};
        let span = |start, end, value| ValueSpan {
            start,
            end,
            value_type: ValueType::Count,
            value: Some(value),
            upper: None,
            unit: None,
            date: None,
        };
        let diff = |a: ValueSpan, b: ValueSpan| Difference {
            kind: DifferenceKind::Number,
            about: "gorillas".to_owned(),
            values: vec![
                DifferenceValue {
                    passage: 1,
                    text: String::new(),
                    spans: vec![a],
                },
                DifferenceValue {
                    passage: 2,
                    text: String::new(),
                    spans: vec![b],
                },
            ],
        };
        // The figure is at 4..15 in passage 1 and 10..21 in passage 2.
        let figures = vec![(1, 4..15), (2, 10..21)];
        let mut differences = vec![
            diff(span(4, 6, 17.0), span(10, 12, 18.0)),
            diff(span(30, 32, 11.0), span(40, 41, 3.0)),
        ];
        super::super::anchors::about_spans(&mut differences, &figures);
        assert_eq!(differences.len(), 1);
        assert_eq!(differences[0].values[0].spans[0].start, 4);
    }
}
