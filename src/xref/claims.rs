//! Claims from groups of members: each claim's sources, story, wording
//! (the most central member's, distinct from the claims before it) and
//! differences; and the passages no other source states.

use super::differences;
use super::parsed::{ParsedPassages, year_of};
use crate::model::{Claim, Corpus, PassageId};
use crate::text::fasthash::FastMap;

/// The best score of each verified passage pair, sorted by pair. Keys are
/// 32-bit (a corpus of four billion passages would not have been read): a
/// large corpus has over a million pairs, and a sorted list holds them in
/// 16 bytes each (a hash map took 36 MB at 10,000 articles, and twice
/// that while it grew, when memory peaks).
#[derive(Default)]
pub(super) struct PairScores(Vec<((u32, u32), f64)>);

impl PairScores {
    fn key(a: PassageId, b: PassageId) -> (u32, u32) {
        (a.min(b) as u32, a.max(b) as u32)
    }

    /// The best score of each pair among `scores` (pairs named either
    /// way round). Scores come pair by pair from the kept pairs, whose
    /// pairs of one passage pair are together: runs of one pair are
    /// merged as they come, and the list is sorted only when the pairs
    /// were not in order.
    pub(super) fn best_of<I>(scores: impl Fn() -> I) -> Self
    where
        I: Iterator<Item = (PassageId, PassageId, f64)>,
    {
        let runs = |list: &mut dyn FnMut((u32, u32), f64)| {
            let mut last: Option<((u32, u32), f64)> = None;
            for (a, b, score) in scores() {
                let key = Self::key(a, b);
                match &mut last {
                    Some((k, best)) if *k == key => *best = best.max(score),
                    _ => {
                        if let Some((k, best)) = last {
                            list(k, best);
                        }
                        last = Some((key, score));
                    }
                }
            }
            if let Some((k, best)) = last {
                list(k, best);
            }
        };
        // Counted first, so that the list is allocated once, at its size.
        let mut count = 0;
        runs(&mut |_, _| count += 1);
        let mut list = Vec::with_capacity(count);
        runs(&mut |k, best| list.push((k, best)));
        if !list.is_sorted_by_key(|e| e.0) {
            list.sort_by_key(|e| e.0);
            list.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 = kept.1.max(later.1);
                }
                same
            });
        }
        PairScores(list)
    }
}

/// The best verified score of two passages, 0 when none was kept.
pub(super) fn pair_score(scores: &PairScores, a: PassageId, b: PassageId) -> f64 {
    let key = PairScores::key(a, b);
    scores
        .0
        .binary_search_by_key(&key, |e| e.0)
        .map_or(0.0, |k| scores.0[k].1)
}

/// Where a difference's values are: each value's passage and byte range.
type ValuePlaces = Vec<(PassageId, usize, usize)>;

fn value_places(d: &crate::model::Difference) -> ValuePlaces {
    let mut places: ValuePlaces = d
        .values
        .iter()
        .flat_map(|v| v.spans.iter().map(move |s| (v.passage, s.start, s.end)))
        .collect();
    places.sort_unstable();
    places.dedup();
    places
}

/// Flags each disagreement once: a difference whose values (the same
/// spans of the same passages) a claim before it already flags is dropped
/// (a passage in two claims about one statement, as a whole sentence and
/// as a clause, would show the same disagreement twice). `claims` are in
/// the order they are shown, most important first.
pub(super) fn flag_once<'c>(claims: impl Iterator<Item = &'c mut Claim>) {
    use crate::text::fasthash::FastSet;
    let mut flagged: Vec<FastSet<(PassageId, usize, usize)>> = Vec::new();
    // Flags (indices into `flagged`) by one of their places.
    let mut by_place: FastMap<(PassageId, usize, usize), Vec<usize>> = FastMap::default();
    for claim in claims {
        claim.differences.retain(|d| {
            let places = value_places(d);
            let Some(first) = places.first() else {
                return true;
            };
            let shown = by_place.get(first).is_some_and(|ids| {
                ids.iter()
                    .any(|&f| places.iter().all(|p| flagged[f].contains(p)))
            });
            if !shown {
                for &p in &places {
                    by_place.entry(p).or_default().push(flagged.len());
                }
                flagged.push(places.into_iter().collect());
            }
            !shown
        });
    }
}

/// Claims, most important first, each with its members' wordings (most
/// central first): a claim whose wording an earlier claim already shows
/// (one passage stating two claims) is shown in its next wording, so that
/// no two rows of a list read the same.
pub(super) fn distinct_wordings(
    claims: Vec<(Claim, Vec<Wording>)>,
    passages: &[crate::model::Passage],
) -> Vec<Claim> {
    let text = |(p, r): &Wording| passages[*p].text.get(r.clone()).unwrap_or("");
    // (Fx-hashed and sized once: at 10,000 articles, 60,000 claims.)
    let mut shown: crate::text::fasthash::FastSet<&str> = crate::text::fasthash::FastSet::default();
    shown.reserve(claims.len());
    claims
        .into_iter()
        .map(|(mut claim, wordings)| {
            if let Some(w) = wordings
                .iter()
                .find(|w| !shown.contains(text(w)))
                .or(wordings.first())
            {
                claim.representative = w.0;
                claim.text = text(w).to_owned();
                shown.insert(text(w));
            }
            claim
        })
        .collect()
}

/// The members (their indices) by centrality: highest total score to the
/// others first, then in passage order.
fn by_centrality(members: &[PassageId], score: impl Fn(PassageId, PassageId) -> f64) -> Vec<usize> {
    let mut central: Vec<(usize, f64)> = members
        .iter()
        .enumerate()
        .map(|(i, &x)| (i, members.iter().map(|&m| score(x, m)).sum::<f64>()))
        .collect();
    // Totals equal but for rounding are a tie, which passage order breaks:
    // two copies of one sentence score the same with every other member,
    // added up in another order, and which of them represents the claim
    // must not hang on that.
    central.sort_by_key(|&(i, score)| {
        (
            std::cmp::Reverse(super::cluster::tie_key(score)),
            members[i],
        )
    });
    central.into_iter().map(|(i, _)| i).collect()
}

/// A member's wording: its passage and the byte range (in the passage's
/// text) of the part that states the claim.
pub(super) type Wording = (PassageId, std::ops::Range<usize>);

/// Whether a wording starts as a sentence does, not mid-clause.
fn reads_as_sentence(text: &str) -> bool {
    text.chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| !c.is_lowercase())
}

/// A claim of the members' parts, and the members' wordings (the part of
/// each that joined), most central first: ranges into the passages, so
/// that only the wording shown is copied.
pub(super) fn make_claim(
    id: usize,
    parts: Vec<(PassageId, Option<std::ops::Range<usize>>)>,
    scores: &PairScores,
    story_of: &[usize],
    corpus: &Corpus,
    read: &ParsedPassages,
) -> (Claim, Vec<Wording>) {
    let members: Vec<PassageId> = parts.iter().map(|m| m.0).collect();
    let central = by_centrality(&members, |x, m| pair_score(scores, x, m));
    let mut sources: Vec<usize> = members.iter().map(|&p| corpus.passages[p].source).collect();
    sources.sort_unstable();
    sources.dedup();
    let texts: Vec<differences::Member> = parts
        .iter()
        .map(|(p, bytes)| {
            let passage = &corpus.passages[*p];
            let text = passage.text.as_str();
            let (part, offset) = match bytes
                .clone()
                .and_then(|r| Some((text.get(r.clone())?, r.start)))
            {
                Some(found) => found,
                None => (text, 0),
            };
            differences::Member {
                passage: *p,
                source: passage.source,
                text: part,
                offset,
                passage_text: text,
                year: year_of(corpus, *p),
                parsed: read.get(*p),
            }
        })
        .collect();
    // Each member's wording: the part that joined (a clause of a sentence
    // that states more), else the whole passage.
    let wording = |i: usize| -> Wording {
        let m = &texts[i];
        let lead = m.text.len() - m.text.trim_start().len();
        let start = m.offset + lead;
        (m.passage, start..start + m.text.trim().len())
    };
    // Most central first, but a wording that reads as a sentence (its
    // first letter a capital, a digit or a quote) before a clause cut from
    // the middle of one ("said employees had reported a leak").
    let mut wordings: Vec<Wording> = central.iter().map(|&i| wording(i)).collect();
    let text_of = |(p, r): &Wording| corpus.passages[*p].text.get(r.clone()).unwrap_or("");
    wordings.sort_by_key(|w| !reads_as_sentence(text_of(w)));
    let claim = Claim {
        id,
        support: sources.len(),
        independent: sources.len(),
        // Candidates never cross stories: every source shares the first's.
        story: story_of[sources[0]],
        sources,
        text: text_of(&wordings[0]).to_owned(),
        representative: wordings[0].0,
        differences: differences::differences(&texts),
        passages: members,
        anchor: None,
    };
    (claim, wordings)
}

/// Fewest words for a passage to count as a claim of its own.
const MIN_CLAIM_WORDS: usize = 6;

/// Substantive body passages that no other source corroborates, in reading
/// order: what only one outlet reports. A passage linked to another
/// outlet's is not one, even where grouping left it out of every claim
/// (linked to a passage whose claim it is not dense enough to join): of the
/// 14 such passages of the dev clusters, the gold gives 10 a partner in
/// another outlet (scripts/linked_alone.py).
pub fn single_source(corpus: &Corpus) -> Vec<PassageId> {
    let mut corroborated = vec![false; corpus.passages.len()];
    for claim in &corpus.claims {
        for &p in &claim.passages {
            corroborated[p] = true;
        }
    }
    for link in &corpus.links {
        corroborated[link.a] = true;
        corroborated[link.b] = true;
    }
    corpus
        .passages
        .iter()
        .filter(|p| {
            p.kind == crate::model::PassageKind::Body
                && p.is_linkable()
                && !corroborated[p.id]
                && p.text.split_whitespace().count() >= MIN_CLAIM_WORDS
                && !p.is_question()
        })
        .map(|p| p.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_tie_in_centrality_and_the_first_passage_leads() {
        // Passages 7 and 3 are copies: the same score with every other
        // member (and 0.6 with each other), but summed in another order
        // their totals differ in the last bit. Passage 5 is less central.
        let score = |x: PassageId, y: PassageId| -> f64 {
            let copy = |p: PassageId| if p == 7 { 3 } else { p };
            if x == y {
                return 0.0;
            }
            match (copy(x), copy(y)) {
                (3, 3) => 0.6,
                (3, 5) | (5, 3) => 0.1,
                (3, 9) | (9, 3) => 0.2,
                (3, 11) | (11, 3) => 0.7,
                _ => 0.05,
            }
        };
        let members = [7, 5, 9, 3, 11];
        let sum = |x: PassageId| members.iter().map(|&m| score(x, m)).sum::<f64>();
        assert_ne!(sum(7).to_bits(), sum(3).to_bits(), "a tie only by rounding");
        let order: Vec<PassageId> = by_centrality(&members, score)
            .into_iter()
            .map(|i| members[i])
            .collect();
        assert_eq!(&order[..2], &[3, 7], "{order:?}");
    }

    #[test]
    fn a_passage_linked_to_another_outlet_is_not_single_source() {
        let mut corpus = crate::testing::harbour_blast();
        let deaths = crate::testing::passage_starting(&corpus, "Four dockworkers died");
        assert!(corpus.links.iter().any(|l| l.a == deaths || l.b == deaths));
        // Left out of every claim, it is still corroborated by its link...
        corpus.claims.clear();
        assert!(!single_source(&corpus).contains(&deaths));
        // ...and only one outlet's once it has none.
        corpus.links.clear();
        assert!(single_source(&corpus).contains(&deaths));
    }

    use crate::model::{Difference, DifferenceKind, DifferenceValue, ValueSpan, ValueType};

    #[test]
    fn a_pair_keeps_its_best_score_whichever_way_it_is_named() {
        // Runs of one pair, the same pair again after another, and pairs
        // out of order.
        let offered = [
            (7, 3, 0.4),
            (3, 7, 0.9),
            (1, 2, 0.3),
            (7, 3, 0.2),
            (2, 1, 0.5),
            (0, 9, 0.1),
        ];
        let scores = PairScores::best_of(|| offered.into_iter());
        assert_eq!(scores.0.len(), 3, "one entry a pair");
        assert_eq!(pair_score(&scores, 3, 7), 0.9);
        assert_eq!(pair_score(&scores, 7, 3), 0.9);
        assert_eq!(pair_score(&scores, 1, 2), 0.5);
        assert_eq!(pair_score(&scores, 9, 0), 0.1);
        assert_eq!(pair_score(&scores, 3, 8), 0.0, "a pair never scored");
        let in_order = PairScores::best_of(|| [(1, 2, 0.3), (2, 1, 0.5), (3, 7, 0.4)].into_iter());
        assert_eq!(in_order.0, [((1, 2), 0.5), ((3, 7), 0.4)]);
    }

    fn value(passage: PassageId, start: usize, text: &str) -> DifferenceValue {
        DifferenceValue {
            passage,
            text: text.to_owned(),
            spans: vec![ValueSpan {
                start,
                end: start + text.len(),
                value_type: ValueType::Qualifier,
                value: None,
                upper: None,
                against: None,
                unit: None,
                date: None,
            }],
        }
    }

    fn claim(passages: &[PassageId], values: Vec<DifferenceValue>) -> Claim {
        Claim {
            id: 0,
            passages: passages.to_vec(),
            sources: passages.to_vec(),
            text: String::new(),
            representative: passages[0],
            support: passages.len(),
            independent: passages.len(),
            story: 0,
            differences: vec![Difference {
                kind: DifferenceKind::Qualifier,
                about: "likelihood".to_owned(),
                values,
            }],
            anchor: None,
        }
    }

    #[test]
    fn a_disagreement_is_flagged_once_in_the_first_claim_showing_it() {
        let mut claims = [
            claim(
                &[1, 2, 3],
                vec![
                    value(1, 10, "very likely"),
                    value(2, 5, "highly likely"),
                    value(3, 0, "likely"),
                ],
            ),
            // The same spans of two of those passages, as a clause claim.
            claim(
                &[1, 3],
                vec![value(1, 10, "very likely"), value(3, 0, "likely")],
            ),
            // Another span of passage 1: another disagreement.
            claim(
                &[1, 4],
                vec![value(1, 40, "possibly"), value(4, 0, "certainly")],
            ),
            // A passage the first flag does not hold.
            claim(
                &[1, 5],
                vec![value(1, 10, "very likely"), value(5, 7, "unlikely")],
            ),
        ];
        flag_once(claims.iter_mut());
        let flags: Vec<usize> = claims.iter().map(|c| c.differences.len()).collect();
        assert_eq!(flags, [1, 0, 1, 1]);
    }
}
