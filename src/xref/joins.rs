//! Passages that join a claim by their links as passages. Claims are
//! grouped from units (whole passages and their clauses, see
//! [`super::cluster`]), where a passage linked to most of a claim's members,
//! but through different parts of it (its first clause to one outlet's
//! sentence, the whole to another's), is in majority with none of them
//! unit by unit. As a passage it states what the claim states: it joins.
//! Groups that then hold mostly the same passages state one thing, and
//! merge, so that no claim is listed twice.

use std::ops::Range;

use rayon::prelude::*;

use super::anchors::Members;
use crate::lists::Lists;
use crate::model::PassageId;
use crate::sets::Sets;

/// The best accepted link of two passages (`a < b`) and the unit of each
/// that it links (the passage or one of its clauses: see `part_of` below).
pub(super) struct PassageLink {
    pub a: PassageId,
    pub b: PassageId,
    pub unit_a: u32,
    pub unit_b: u32,
}

/// Passages shared, beyond more than half the smaller group's, from which
/// two groups are one claim: two passages in common are often one
/// sentence stating two things with its copy, which may well join two
/// claims.
const MERGE_COMMON: usize = 3;

/// Adds to each group the passages linked to a strict majority (and at
/// least two) of its members from other sources, each with the part of it
/// that links to most of them (`part_of` a unit: `None` for all of it),
/// then merges the groups that hold mostly the same passages and whose
/// union is as densely linked as grouping asks (`merge_density` of its
/// cross-source pairs, see [`super::cluster`]). Joins are
/// found against the groups as they were given, so the order of the
/// groups does not matter; each group's members stay sorted by passage.
pub(super) fn join_linked_passages(
    mut groups: Vec<Members>,
    links: &[PassageLink],
    source_of: &(dyn Fn(PassageId) -> usize + Sync),
    part_of: &(dyn Fn(u32) -> Option<Range<usize>> + Sync),
    merge_density: f64,
) -> Vec<Members> {
    // For each passage, its linked passages (sorted) with its own unit of
    // each link.
    let mut pairs: Vec<(PassageId, (PassageId, u32))> = links
        .iter()
        .flat_map(|link| {
            [
                (link.a, (link.b, link.unit_a)),
                (link.b, (link.a, link.unit_b)),
            ]
        })
        .collect();
    pairs.par_sort_unstable_by_key(|&(p, (q, _))| (p, q));
    let linked: Linked = by_id(pairs);
    let joins: Vec<Vec<(PassageId, Option<Range<usize>>)>> = groups
        .par_iter()
        .map(|members| joins_of(members, &linked, source_of, part_of))
        .collect();
    for (members, joined) in groups.iter_mut().zip(joins) {
        if joined.is_empty() {
            continue;
        }
        members.extend(joined);
        members.sort_unstable_by_key(|m| m.0);
    }
    let is_linked =
        |p: PassageId, q: PassageId| linked[p].binary_search_by_key(&q, |x| x.0).is_ok();
    let dense = |x: &Members, y: &Members| {
        let mut union: Vec<PassageId> = x.iter().chain(y).map(|m| m.0).collect();
        union.sort_unstable();
        union.dedup();
        let (mut pairs, mut hits) = (0usize, 0usize);
        for (i, &p) in union.iter().enumerate() {
            for &q in &union[i + 1..] {
                if source_of(p) != source_of(q) {
                    pairs += 1;
                    hits += usize::from(is_linked(p, q));
                }
            }
        }
        hits as f64 >= merge_density * pairs as f64
    };
    merge_overlapping(groups, &dense)
}

/// The groups with those that share at least [`MERGE_COMMON`] passages,
/// and more than half of the smaller one's, and are `dense` together,
/// merged (and so on, to the groups they merge with). A passage in both
/// keeps the longer part: the merged claim states what either did.
fn merge_overlapping(
    mut groups: Vec<Members>,
    dense: &(dyn Fn(&Members, &Members) -> bool + Sync),
) -> Vec<Members> {
    let holding: Lists<usize> = by_id(
        groups
            .iter()
            .enumerate()
            .flat_map(|(k, g)| g.iter().map(move |&(p, _)| (p, k)))
            .collect(),
    );
    // The later groups each group merges with, found in parallel; the sets
    // they make are joined after.
    let merges: Vec<(usize, usize)> = groups
        .par_iter()
        .enumerate()
        .flat_map_iter(|(k, g)| {
            let mut others: Vec<usize> = g
                .iter()
                .flat_map(|&(p, _)| holding[p].iter().copied().filter(|&o| o > k))
                .collect();
            others.sort_unstable();
            let groups = &groups;
            others
                .chunk_by(|x, y| x == y)
                .filter(move |same| {
                    let (other, count) = (same[0], same.len());
                    let smaller = g.len().min(groups[other].len());
                    count >= MERGE_COMMON && 2 * count > smaller && dense(g, &groups[other])
                })
                .map(move |same| (k, same[0]))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut sets = Sets::new(groups.len());
    for (k, other) in merges {
        sets.join(k, other);
    }
    // Each set into its first group (its root, the lowest index).
    for k in 0..groups.len() {
        let r = sets.root(k);
        if r != k {
            let moved = std::mem::take(&mut groups[k]);
            groups[r].extend(moved);
        }
    }
    groups.retain(|g| !g.is_empty());
    for g in &mut groups {
        g.sort_by_key(|(p, part)| {
            (
                *p,
                std::cmp::Reverse(part.as_ref().map_or(usize::MAX, |r| r.len())),
            )
        });
        g.dedup_by_key(|m| m.0);
    }
    groups
}

/// Each passage's linked passages, with the unit of its own that links.
type Linked = Lists<(PassageId, u32)>;

/// Lists by passage (or group) id from (id, item) pairs, each list in the
/// order of its pairs.
fn by_id<T>(pairs: Vec<(usize, T)>) -> Lists<T> {
    let ids = pairs.iter().map(|(id, _)| id + 1).max().unwrap_or(0);
    Lists::from_pairs(ids, pairs)
}

/// The passages that join one group, sorted, each with its part.
fn joins_of(
    members: &Members,
    linked: &Linked,
    source_of: &dyn Fn(PassageId) -> usize,
    part_of: &dyn Fn(u32) -> Option<Range<usize>>,
) -> Vec<(PassageId, Option<Range<usize>>)> {
    let is_member = |p: PassageId| members.binary_search_by_key(&p, |m| m.0).is_ok();
    let mut candidates: Vec<PassageId> = members
        .iter()
        .flat_map(|m| linked[m.0].iter().map(|l| l.0))
        .filter(|&p| !is_member(p))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut joined = Vec::new();
    for p in candidates {
        let partners = &linked[p];
        let source = source_of(p);
        let others = members.iter().filter(|m| source_of(m.0) != source).count();
        // The parts of `p` that link to the members from other sources.
        let parts: Vec<Option<Range<usize>>> = partners
            .iter()
            .filter(|(q, _)| source_of(*q) != source && is_member(*q))
            .map(|&(_, unit)| part_of(unit))
            .collect();
        if parts.len() < 2 || parts.len() * 2 <= others {
            continue;
        }
        joined.push((p, most_linked_part(&parts)));
    }
    joined
}

/// The part that links to most members; among those, the shortest (a
/// clause is more specific to the claim than the whole passage), then the
/// first.
fn most_linked_part(parts: &[Option<Range<usize>>]) -> Option<Range<usize>> {
    let count = |x: &Option<Range<usize>>| parts.iter().filter(|&y| y == x).count();
    let length = |x: &Option<Range<usize>>| x.as_ref().map_or(usize::MAX, |r| r.len());
    let start = |x: &Option<Range<usize>>| x.as_ref().map_or(0, |r| r.start);
    parts
        .iter()
        .min_by_key(|&x| (std::cmp::Reverse(count(x)), length(x), start(x)))
        .and_then(Clone::clone)
}

#[cfg(test)]
#[path = "joins_tests.rs"]
mod tests_merge;

#[cfg(test)]
mod tests {
    use super::*;

    /// Unit 0 of a passage is all of it, unit 1 its first clause.
    const WHOLE: u32 = 0;
    const CLAUSE: u32 = 1;

    fn part_of(unit: u32) -> Option<Range<usize>> {
        (unit == CLAUSE).then_some(0..12)
    }

    fn link(a: PassageId, b: PassageId, unit_a: u32) -> PassageLink {
        PassageLink {
            a,
            b,
            unit_a,
            unit_b: WHOLE,
        }
    }

    fn join(groups: &mut Vec<Members>, links: &[PassageLink]) {
        *groups = join_linked_passages(std::mem::take(groups), links, &source_of, &part_of, 0.34);
    }

    // Passage p's source is p / 10: 0-9 one outlet, 10-19 the next...
    fn source_of(p: PassageId) -> usize {
        p / 10
    }

    #[test]
    fn a_passage_linked_to_most_members_through_different_parts_joins() {
        let mut groups = vec![vec![(10, None), (20, None), (30, None)]];
        // Passage 1 links to 10 by its first clause, to 20 and 30 whole.
        let links = [link(1, 10, CLAUSE), link(1, 20, WHOLE), link(1, 30, WHOLE)];
        join(&mut groups, &links);
        assert_eq!(
            groups[0],
            vec![(1, None), (10, None), (20, None), (30, None)]
        );
    }

    #[test]
    fn the_part_that_links_to_most_members_is_kept() {
        let mut groups = vec![vec![(10, None), (20, None), (30, None)]];
        let links = [link(1, 10, CLAUSE), link(1, 20, CLAUSE), link(1, 30, WHOLE)];
        join(&mut groups, &links);
        assert_eq!(groups[0][0], (1, Some(0..12)));
    }

    #[test]
    fn links_to_half_the_members_or_to_one_do_not_join() {
        let mut groups = vec![
            vec![(10, None), (20, None), (30, None), (40, None)],
            vec![(50, None), (60, None)],
        ];
        let before = groups.clone();
        // Two of four; one of two (and a member of its own source, 55,
        // which does not count).
        let links = [
            link(1, 10, WHOLE),
            link(1, 20, WHOLE),
            link(2, 50, WHOLE),
            link(55, 60, WHOLE),
        ];
        join(&mut groups, &links);
        assert_eq!(groups, before);
    }

    #[test]
    fn members_of_the_passages_own_source_are_not_counted() {
        // Passage 11 is from the source of 10: of the others (20, 30), it
        // is linked to both.
        let mut groups = vec![vec![(10, None), (20, None), (30, None)]];
        let links = [link(11, 20, WHOLE), link(11, 30, WHOLE)];
        join(&mut groups, &links);
        assert_eq!(groups[0].len(), 4);
        assert!(groups[0].windows(2).all(|w| w[0].0 < w[1].0));
    }
}
