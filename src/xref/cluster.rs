//! Grouping links into claims by average-linkage agglomeration: two groups
//! merge only when enough of *all* their cross-source pairs are linked, so
//! one broad sentence cannot chain unrelated passages together. A passage
//! that states several things may then join further claims whose members it
//! is linked to in majority.

use std::collections::BTreeSet;

use crate::text::fasthash::{FastMap, FastSet};

use crate::model::PassageId;
use crate::sets::Sets;

/// Groups of passages (each sorted, the groups sorted), from links `(a, b,
/// score)` with `a < b`, processed best first. Two groups merge when at
/// least `merge_density` of their cross-source pairs are linked.
///
/// Passages no chain of links joins never meet in a group, nor does one
/// join the other's group: each connected part of the links is grouped on
/// its own, the parts in parallel (one pass over a large corpus's links
/// took as long as deciding them).
pub fn cluster(
    links: &[(PassageId, PassageId, f64)],
    source_of: &(dyn Fn(PassageId) -> usize + Sync),
    merge_density: f64,
) -> Vec<Vec<PassageId>> {
    use rayon::prelude::*;
    let mut parts = connected_parts(links);
    // Largest first, so that one large part does not run last alone.
    parts.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut claims: Vec<Vec<PassageId>> = parts
        .par_iter()
        .flat_map_iter(|part| cluster_part(part, source_of, merge_density))
        .collect();
    claims.sort();
    claims
}

/// A score (or a sum of scores) as an order key: values equal but for
/// rounding, at 10⁻⁹, are one key, so that a tie is broken by what the
/// caller orders next (passage order), not by the order in which the
/// value's terms were added up.
pub(super) fn tie_key(score: f64) -> i64 {
    (score * 1e9).round() as i64
}

/// The links of each connected part of the link graph, in their order.
fn connected_parts(links: &[(PassageId, PassageId, f64)]) -> Vec<Vec<(PassageId, PassageId, f64)>> {
    let size = links
        .iter()
        .map(|&(a, b, _)| a.max(b) + 1)
        .max()
        .unwrap_or(0);
    let mut sets = Sets::new(size);
    for &(a, b, _) in links {
        sets.join(a, b);
    }
    let mut part_of: FastMap<usize, usize> = FastMap::default();
    let mut parts: Vec<Vec<(PassageId, PassageId, f64)>> = Vec::new();
    for &link in links {
        let r = sets.root(link.0);
        let k = *part_of.entry(r).or_insert_with(|| {
            parts.push(Vec::new());
            parts.len() - 1
        });
        parts[k].push(link);
    }
    parts
}

/// [`cluster`] of the links of one connected part.
fn cluster_part(
    links: &[(PassageId, PassageId, f64)],
    source_of: &dyn Fn(PassageId) -> usize,
    merge_density: f64,
) -> Vec<Vec<PassageId>> {
    let linked_set: FastSet<(PassageId, PassageId)> = links
        .iter()
        .map(|&(a, b, _)| (a.min(b), a.max(b)))
        .collect();
    let linked = |x: PassageId, y: PassageId| linked_set.contains(&(x.min(y), x.max(y)));
    let mut order: Vec<&(PassageId, PassageId, f64)> = links.iter().collect();
    // Best first; scores equal but for rounding (a sentence and its copy
    // with a third) are a tie, taken in passage order, so that the groups
    // do not hang on the order in which a score's terms were added up.
    order.sort_by_key(|&&(a, b, score)| (std::cmp::Reverse(tie_key(score)), a, b));

    let mut group_of: FastMap<PassageId, usize> = FastMap::default();
    let mut groups: Vec<Vec<PassageId>> = Vec::new();
    for &&(a, b, _) in &order {
        let mut group = |p: PassageId| {
            *group_of.entry(p).or_insert_with(|| {
                groups.push(vec![p]);
                groups.len() - 1
            })
        };
        let (ga, gb) = (group(a), group(b));
        if ga == gb {
            continue;
        }
        let (mut hits, mut count) = (0usize, 0usize);
        let (mut touched_a, mut touched_b) = (FastSet::default(), FastSet::default());
        for &x in &groups[ga] {
            for &y in &groups[gb] {
                if source_of(x) != source_of(y) {
                    count += 1;
                    if linked(x, y) {
                        hits += 1;
                        touched_a.insert(x);
                        touched_b.insert(y);
                    }
                }
            }
        }
        // Links that all run through one member of a larger group are a
        // bridge, not agreement: that member may join both claims instead.
        let bridged = (groups[ga].len() > 2 && touched_a.len() < 2)
            || (groups[gb].len() > 2 && touched_b.len() < 2);
        if count == 0 || bridged || (hits as f64) < merge_density * count as f64 {
            continue;
        }
        let moved = std::mem::take(&mut groups[gb]);
        for &m in &moved {
            group_of.insert(m, ga);
        }
        groups[ga].extend(moved);
    }
    let mut claims: Vec<Vec<PassageId>> = groups
        .into_iter()
        .filter(|g| {
            g.iter()
                .map(|&p| source_of(p))
                .collect::<BTreeSet<_>>()
                .len()
                >= 2
        })
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect();
    add_overlapping_members(&mut claims, &order, &linked, source_of);
    claims
}

/// A passage joins another claim when it is linked to a strict majority of
/// that claim's members from other sources.
fn add_overlapping_members(
    claims: &mut [Vec<PassageId>],
    links: &[&(PassageId, PassageId, f64)],
    linked: &dyn Fn(PassageId, PassageId) -> bool,
    source_of: &dyn Fn(PassageId) -> usize,
) {
    let mut claims_of: FastMap<PassageId, Vec<usize>> = FastMap::default();
    for (ci, claim) in claims.iter().enumerate() {
        for &p in claim {
            claims_of.entry(p).or_default().push(ci);
        }
    }
    let mut joins: Vec<(usize, PassageId)> = Vec::new();
    for &&(a, b, _) in links {
        for (inside, outside) in [(a, b), (b, a)] {
            for &ci in claims_of.get(&inside).map(Vec::as_slice).unwrap_or(&[]) {
                let claim = &claims[ci];
                if claim.contains(&outside) {
                    continue;
                }
                let others: Vec<PassageId> = claim
                    .iter()
                    .copied()
                    .filter(|&m| source_of(m) != source_of(outside))
                    .collect();
                let hits = others.iter().filter(|&&m| linked(outside, m)).count();
                if hits * 2 > others.len() {
                    joins.push((ci, outside));
                }
            }
        }
    }
    for (ci, p) in joins {
        if !claims[ci].contains(&p) {
            claims[ci].push(p);
            claims[ci].sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(links: &[(usize, usize, f64)], sources: &[usize]) -> Vec<Vec<usize>> {
        let source_of = |p: usize| sources[p];
        cluster(links, &source_of, 0.34)
    }

    #[test]
    fn mutually_linked_passages_form_one_claim() {
        let claims = run(&[(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85)], &[0, 1, 2]);
        assert_eq!(claims, vec![vec![0, 1, 2]]);
    }

    #[test]
    fn one_broad_passage_does_not_chain_two_claims() {
        // Claims {0,1} and {3,4}; 2 is linked to 0 and to 3 only.
        let links = [(0, 1, 0.95), (3, 4, 0.95), (0, 2, 0.55), (2, 3, 0.55)];
        let claims = run(&links, &[0, 1, 2, 3, 4]);
        assert!(
            !claims.iter().any(|c| c.contains(&0) && c.contains(&3)),
            "{claims:?}"
        );
    }

    #[test]
    fn a_passage_stating_two_things_joins_both_claims() {
        // 4 is linked to both members of {0,1} and of {2,3}.
        let links = [
            (0, 1, 0.9),
            (2, 3, 0.9),
            (0, 4, 0.7),
            (1, 4, 0.7),
            (2, 4, 0.6),
            (3, 4, 0.6),
        ];
        let claims = run(&links, &[0, 1, 0, 1, 2]);
        assert_eq!(
            claims.iter().filter(|c| c.contains(&4)).count(),
            2,
            "{claims:?}"
        );
    }

    #[test]
    fn grouping_each_connected_part_alone_groups_as_all_at_once() {
        // Random link graphs of several parts (scores with ties, passages
        // of few sources): grouped part by part, in parallel, the groups
        // are those of one pass over every link.
        let mut rng = crate::testing::Xorshift::new(0x5851_f42d_4c95_7f2d);
        for case in 0..300 {
            let passages = 4 + rng.below(40) as usize;
            let sources: Vec<usize> = (0..passages).map(|_| rng.below(4) as usize).collect();
            let mut links = Vec::new();
            for _ in 0..rng.below(3 * passages as u64) {
                let (x, y) = (
                    rng.below(passages as u64) as usize,
                    rng.below(passages as u64) as usize,
                );
                if x != y {
                    links.push((x.min(y), x.max(y), rng.below(8) as f64 / 8.0));
                }
            }
            links.sort_by_key(|l| (l.0, l.1));
            links.dedup_by_key(|l| (l.0, l.1));
            let source_of = |p: usize| sources[p];
            let mut at_once = cluster_part(&links, &source_of, 0.34);
            at_once.sort();
            assert_eq!(cluster(&links, &source_of, 0.34), at_once, "case {case}");
        }
    }

    #[test]
    fn scores_equal_but_for_rounding_are_taken_in_passage_order() {
        // 2 joins {0, 1} or {3} depending on which of its links comes
        // first; the two scores differ only in the last bits, as a
        // sentence's and its copy's scores with a third passage do.
        let noisy = [(0, 1, 0.9), (1, 2, 0.6), (2, 3, 0.6 + 1e-15)];
        let exact = [(0, 1, 0.9), (1, 2, 0.6), (2, 3, 0.6)];
        let sources = [0, 1, 2, 3];
        assert_eq!(run(&noisy, &sources), run(&exact, &sources));
        assert_eq!(run(&exact, &sources), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn passages_of_one_source_need_another_source() {
        assert!(run(&[(0, 1, 0.9)], &[0, 0]).is_empty());
    }
}
