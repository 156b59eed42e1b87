//! Claims another claim already states. A sentence stating two things is
//! compared whole and clause by clause, so one pair of sentences can make
//! a claim of the whole and a claim of each half: "It also said it would
//! offer a 'ticking fee' giving Qualcomm shareholders extra cash if the deal
//! is not consummated within a year" with its outlets, and again "It also
//! said it would offer a 'ticking fee'" with some of them. Where every
//! member of a claim of statements is, in another claim of statements, the
//! same passage with the same part or more of it, the smaller claim says
//! nothing the larger one does not: it is left out, so no statement is
//! listed twice. Anchored claims (a shared figure, a disputed figure, a
//! name) are never left out and never stand for another: sharing a figure
//! is not stating the same thing.

use std::ops::Range;

use super::anchors::{AnchorSpans, Members};
use crate::model::PassageId;
use crate::text::fasthash::FastMap;

/// `groups` without the claims of statements that another one states.
pub(super) fn without_subsumed(groups: Vec<Members>, anchored: &AnchorSpans) -> Vec<Members> {
    let is_anchored = |g: &Members| {
        let passages: Vec<PassageId> = g.iter().map(|m| m.0).collect();
        anchored.contains_key(&passages)
    };
    let statement: Vec<bool> = groups.iter().map(|g| !is_anchored(g)).collect();
    // The statement groups holding each passage.
    let mut holding: FastMap<PassageId, Vec<usize>> = FastMap::default();
    for (k, g) in groups.iter().enumerate() {
        if statement[k] {
            for &(p, _) in g {
                holding.entry(p).or_default().push(k);
            }
        }
    }
    let mut dropped = vec![false; groups.len()];
    for (k, g) in groups.iter().enumerate() {
        let Some((first, _)) = g.first().filter(|_| statement[k]) else {
            continue;
        };
        let larger = holding[first].iter().any(|&other| {
            other != k
                && !dropped[other]
                && states_all_of(&groups[other], g)
                // Of two claims of the very same parts, the first stays.
                && (other < k || !states_all_of(g, &groups[other]))
        });
        dropped[k] = larger;
    }
    groups
        .into_iter()
        .zip(dropped)
        .filter_map(|(g, dropped)| (!dropped).then_some(g))
        .collect()
}

/// Whether every member of `smaller` is a member of `larger` with the same
/// part of its passage, or more of it (the whole passage: no range).
fn states_all_of(larger: &Members, smaller: &Members) -> bool {
    smaller.iter().all(|(p, part)| {
        larger
            .iter()
            .any(|(q, whole)| q == p && covers(whole.as_ref(), part.as_ref()))
    })
}

fn covers(outer: Option<&Range<usize>>, inner: Option<&Range<usize>>) -> bool {
    match (outer, inner) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(o), Some(i)) => o.start <= i.start && i.end <= o.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Anchor, AnchorKind};

    fn whole(p: PassageId) -> (PassageId, Option<Range<usize>>) {
        (p, None)
    }

    fn part(p: PassageId, r: Range<usize>) -> (PassageId, Option<Range<usize>>) {
        (p, Some(r))
    }

    #[test]
    fn a_claim_of_parts_of_the_sentences_of_another_claim_is_left_out() {
        let groups = vec![
            vec![whole(1), whole(5), whole(9)],
            vec![part(1, 0..20), part(5, 10..30)],
            // The first claim holds 9 whole.
            vec![part(5, 40..60), part(9, 0..15)],
        ];
        let kept = without_subsumed(groups.clone(), &AnchorSpans::default());
        assert_eq!(kept, vec![groups[0].clone()]);
    }

    #[test]
    fn a_claim_with_a_passage_or_a_part_the_other_lacks_stays() {
        let groups = vec![
            vec![part(1, 0..20), whole(5)],
            // 7 is in no other claim.
            vec![part(1, 0..20), whole(5), whole(7)],
            // The part of 1 reaches past the first claim's.
            vec![part(1, 0..30), whole(5)],
            // 1 whole, where the others hold a part of it.
            vec![whole(1), part(5, 0..10)],
        ];
        let kept = without_subsumed(groups.clone(), &AnchorSpans::default());
        // Only the first goes: the second states all of it.
        assert_eq!(kept, groups[1..].to_vec());
    }

    #[test]
    fn of_two_claims_of_the_same_parts_the_first_stays() {
        let groups = vec![
            vec![part(1, 0..20), part(5, 3..9)],
            vec![part(1, 0..20), part(5, 3..9)],
        ];
        let kept = without_subsumed(groups.clone(), &AnchorSpans::default());
        assert_eq!(kept, vec![groups[0].clone()]);
    }

    /// Anchor spans marking the group of `passages` as a shared figure.
    fn figure_of(passages: &[PassageId]) -> AnchorSpans {
        let mut anchored = AnchorSpans::default();
        let anchor = Anchor {
            kind: AnchorKind::Figure,
            text: "15 years".to_owned(),
        };
        let spans = passages.iter().map(|&p| (p, 0..8)).collect();
        anchored.insert(passages.to_vec(), (anchor, spans));
        anchored
    }

    #[test]
    fn anchored_claims_neither_go_nor_stand_for_others() {
        let figure = vec![whole(1), whole(5), whole(9)];
        let linked = vec![whole(1), whole(5)];
        let groups = vec![figure, linked];
        assert_eq!(
            without_subsumed(groups.clone(), &figure_of(&[1, 5, 9])),
            groups
        );
        // And an anchored claim inside a statement claim stays too.
        assert_eq!(
            without_subsumed(groups.clone(), &figure_of(&[1, 5])),
            groups
        );
    }
}
