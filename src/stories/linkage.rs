//! Average-linkage grouping of articles from their sparse similarities.

use std::collections::BinaryHeap;

use crate::sets::Sets;
use crate::text::fasthash::FastMap;

/// A candidate merge in the queue: mean similarity, then the pair (lower
/// ids first on ties, for a deterministic result).
#[derive(PartialEq)]
struct Merge(f64, usize, usize);
impl Eq for Merge {}
impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Merge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0
            .total_cmp(&other.0)
            .then((other.1, other.2).cmp(&(self.1, self.2)))
    }
}

/// Similarities of item pairs `(a, b)`, `a < b`.
type Pairs = FastMap<(usize, usize), f64>;

/// Average-linkage groups of `n` items from sparse similarities (missing
/// pairs count 0), merging while the best mean similarity ≥ `threshold`;
/// each group sorted, the groups by their first item.
///
/// Two groups' mean similarity reaches the threshold only if one of their
/// pairs does (a mean is at most its largest term): no group spans two
/// parts of the graph of pairs at the threshold, and merges in one part
/// never change the means in another. Each part is grouped on its own,
/// with only its own pairs, the parts in parallel: the same groups as one
/// queue over the whole folder (up to the rounding of sums that straddle
/// the threshold), which at 10,000 articles took a fifth of grouping
/// stories, on one core.
pub(super) fn average_linkage(
    n: usize,
    edges: &FastMap<(usize, usize), f64>,
    threshold: f64,
) -> Vec<Vec<usize>> {
    use rayon::prelude::*;
    let mut sets = Sets::new(n);
    for (&(a, b), &s) in edges {
        if s >= threshold {
            sets.join(a, b);
        }
    }
    let part: Vec<usize> = (0..n).map(|i| sets.root(i)).collect();
    // Each part's items (ascending, so that local ids keep the order the
    // queue breaks ties by) and its own pairs in local ids.
    let mut items: FastMap<usize, Vec<usize>> = FastMap::default();
    for (i, &r) in part.iter().enumerate() {
        items.entry(r).or_default().push(i);
    }
    let mut local = vec![0usize; n];
    for list in items.values() {
        for (k, &i) in list.iter().enumerate() {
            local[i] = k;
        }
    }
    let mut pairs: FastMap<usize, Pairs> = FastMap::default();
    for (&(a, b), &s) in edges {
        if s > 0.0 && part[a] == part[b] {
            let (x, y) = (local[a], local[b]);
            pairs
                .entry(part[a])
                .or_default()
                .insert((x.min(y), x.max(y)), s);
        }
    }
    let mut parts: Vec<(Vec<usize>, Pairs)> = items
        .into_iter()
        .map(|(r, list)| (list, pairs.remove(&r).unwrap_or_default()))
        .collect();
    // Largest first, so that one large part does not run last alone.
    parts.sort_by_key(|(list, _)| (std::cmp::Reverse(list.len()), list[0]));
    let mut groups: Vec<Vec<usize>> = parts
        .par_iter()
        .flat_map_iter(|(list, pairs)| {
            let grouped = if list.len() == 1 {
                vec![vec![0]]
            } else {
                linkage_of_part(list.len(), pairs, threshold)
            };
            grouped
                .into_iter()
                .map(|g| g.into_iter().map(|k| list[k]).collect::<Vec<usize>>())
        })
        .collect();
    groups.sort_unstable();
    groups
}

/// [`average_linkage`] of one part, with one queue.
fn linkage_of_part(
    n: usize,
    edges: &FastMap<(usize, usize), f64>,
    threshold: f64,
) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Sum of similarities between each pair of live groups.
    let mut sums: Vec<FastMap<usize, f64>> = vec![FastMap::default(); n];
    for (&(a, b), &s) in edges {
        if s > 0.0 {
            sums[a].insert(b, s);
            sums[b].insert(a, s);
        }
    }
    let mean = |sums: &[FastMap<usize, f64>], members: &[Vec<usize>], a: usize, b: usize| {
        sums[a].get(&b).copied().unwrap_or(0.0) / (members[a].len() * members[b].len()) as f64
    };
    let mut queue = BinaryHeap::new();
    for (a, row) in sums.iter().enumerate() {
        for &b in row.keys().filter(|&&b| a < b) {
            queue.push(Merge(mean(&sums, &members, a, b), a, b));
        }
    }
    while let Some(Merge(score, a, b)) = queue.pop() {
        if score < threshold {
            break;
        }
        // Stale entries: a group gone, or its mean changed since.
        if !alive[a] || !alive[b] || (mean(&sums, &members, a, b) - score).abs() > 1e-12 {
            continue;
        }
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let row_b = std::mem::take(&mut sums[b]);
        sums[a].remove(&b);
        for (c, s) in row_b {
            if c == a {
                continue;
            }
            *sums[a].entry(c).or_default() += s;
            sums[c].remove(&b);
            *sums[c].entry(a).or_default() += s;
        }
        let partners: Vec<usize> = sums[a].keys().copied().collect();
        for c in partners {
            queue.push(Merge(mean(&sums, &members, a, c), a.min(c), a.max(c)));
        }
    }
    (0..n)
        .filter(|&i| alive[i])
        .map(|i| {
            let mut m = std::mem::take(&mut members[i]);
            m.sort_unstable();
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(list: &[((usize, usize), f64)]) -> FastMap<(usize, usize), f64> {
        list.iter().copied().collect()
    }

    #[test]
    fn groups_merge_while_their_mean_similarity_reaches_the_threshold() {
        // 0 and 1 merge first; 2 then joins only if its mean similarity to
        // both (a missing pair counts 0) reaches the threshold.
        let apart = edges(&[((0, 1), 0.5), ((0, 2), 0.2)]);
        assert_eq!(average_linkage(3, &apart, 0.11), [vec![0, 1], vec![2]]);
        let close = edges(&[((0, 1), 0.5), ((0, 2), 0.2), ((1, 2), 0.1)]);
        assert_eq!(average_linkage(3, &close, 0.11), [vec![0, 1, 2]]);
        assert_eq!(average_linkage(2, &edges(&[]), 0.11), [vec![0], vec![1]]);
    }

    #[test]
    fn grouping_part_by_part_gives_the_groups_of_one_queue() {
        // A sparse graph of 300 items, weights spread around the
        // threshold (many weak pairs between parts, runs of strong ones
        // within), from a fixed pseudo-random sequence.
        let mut rng = crate::testing::Xorshift::new(12345);
        let mut next = |n: usize| rng.below(n as u64) as usize;
        let n = 300;
        let mut list = Vec::new();
        for _ in 0..1200 {
            let (a, b) = (next(n), next(n));
            if a != b {
                list.push(((a.min(b), a.max(b)), next(1000) as f64 / 2000.0));
            }
        }
        let all = edges(&list);
        for threshold in [0.05, 0.11, 0.3] {
            let mut whole = linkage_of_part(n, &all, threshold);
            whole.sort();
            let by_part = average_linkage(n, &all, threshold);
            assert_eq!(by_part, whole, "threshold {threshold}");
            assert!(
                by_part.iter().any(|g| g.len() > 2),
                "threshold {threshold}: no group formed"
            );
        }
    }
}
