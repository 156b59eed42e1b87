//! Average-linkage grouping of articles from their sparse similarities.

use std::collections::BinaryHeap;

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

/// Average-linkage groups of `n` items from sparse similarities (missing
/// pairs count 0), merging while the best mean similarity ≥ `threshold`.
pub(super) fn average_linkage(
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
}
