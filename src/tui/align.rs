//! Side-by-side alignment of two articles by their shared claims, like a
//! side-by-side diff: corroborated passages face each other in reading
//! order, passages only one side has stand against a gap.

use crate::model::PassageId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Pair(PassageId, PassageId),
    Left(PassageId),
    Right(PassageId),
}

/// No pair: the end of a chain.
const NONE: u32 = u32::MAX;

/// Aligns `left` and `right` (passages in reading order); `pairs` are the
/// positions `(i, j)` of passages that share a claim (`left[i]` with
/// `right[j]`). Pairs are kept in order on both sides (the longest such
/// chain); the others stand alone, a side's passages before the other's
/// between two pairs.
///
/// The chain is a longest increasing subsequence over the pairs (Hunt and
/// Szymanski's reduction of the longest common subsequence): time
/// O(P log P) and memory O(n + m + P) for P pairs, where a table of all
/// positions took n × m (gigabytes for two long articles).
pub fn align(left: &[PassageId], right: &[PassageId], pairs: &[(usize, usize)]) -> Vec<Row> {
    // Copied at its size (a filtered collect grows by doubling, and two
    // long articles' pairs are megabytes).
    let mut pairs = pairs.to_vec();
    pairs.retain(|&(i, j)| i < left.len() && j < right.len());
    // By left position, and within one by right position descending, so
    // that a strictly increasing run takes at most one pair per left passage.
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    pairs.dedup();
    // Indices into `pairs` as u32 (a quarter of the memory of
    // Option<usize>); more pairs than that are not two articles.
    pairs.truncate(NONE as usize);
    // tails[k]: index (in `pairs`) of the pair ending the best chain of
    // length k + 1 found so far, the one with the smallest right position.
    let mut tails: Vec<u32> = Vec::new();
    let mut previous: Vec<u32> = vec![NONE; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t as usize].1 < j);
        previous[p] = k.checked_sub(1).map_or(NONE, |k| tails[k]);
        if k == tails.len() {
            tails.push(p as u32);
        } else {
            tails[k] = p as u32;
        }
    }
    let mut chain: Vec<(usize, usize)> = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied().unwrap_or(NONE);
    while at != NONE {
        chain.push(pairs[at as usize]);
        at = previous[at as usize];
    }
    chain.reverse();
    // What found the chain ends before the rows are made: two long
    // articles' rows are the larger allocation, and the peak is not both.
    drop((pairs, previous, tails));

    // Every passage once, a pair's two in one row.
    let mut rows = Vec::with_capacity(left.len() + right.len() - chain.len());
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in chain
        .into_iter()
        .chain(std::iter::once((left.len(), right.len())))
    {
        rows.extend(left[i..pi].iter().map(|&l| Row::Left(l)));
        rows.extend(right[j..pj].iter().map(|&r| Row::Right(r)));
        if pi < left.len() && pj < right.len() {
            rows.push(Row::Pair(left[pi], right[pj]));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_face_each_other_and_the_rest_stand_alone() {
        // left 0 1 2, right 10 11 12; 0~11, 2~12.
        let rows = align(&[0, 1, 2], &[10, 11, 12], &[(0, 1), (2, 2)]);
        assert_eq!(
            rows,
            vec![
                Row::Right(10),
                Row::Pair(0, 11),
                Row::Left(1),
                Row::Pair(2, 12)
            ]
        );
    }

    #[test]
    fn crossing_pairs_keep_the_longest_order() {
        // 0~12, 1~10, 2~11: the chain 1~10, 2~11 is the longest.
        let rows = align(&[0, 1, 2], &[10, 11, 12], &[(0, 2), (1, 0), (2, 1)]);
        let pairs = rows.iter().filter(|r| matches!(r, Row::Pair(..))).count();
        assert_eq!(pairs, 2);
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn one_passage_pairs_once_and_long_articles_align_in_linear_memory() {
        // A left passage sharing claims with two right passages pairs with one.
        let rows = align(&[0, 1], &[10, 11], &[(0, 0), (0, 1), (1, 1)]);
        assert_eq!(rows, vec![Row::Pair(0, 10), Row::Pair(1, 11)]);
        // 200,000 passages a side (a table of all positions would be 160 GB).
        let n = 200_000;
        let left: Vec<usize> = (0..n).collect();
        let right: Vec<usize> = (n..2 * n).collect();
        let pairs: Vec<(usize, usize)> = (0..n).step_by(2).map(|i| (i, i + 1)).collect();
        let rows = align(&left, &right, &pairs);
        assert_eq!(
            rows.iter().filter(|r| matches!(r, Row::Pair(..))).count(),
            n / 2
        );
        assert_eq!(rows.len(), n + n / 2);
    }

    #[test]
    fn every_passage_appears_once_in_order() {
        // Pseudo-random pairs: each side's passages all appear, in order.
        let (n, m) = (40, 30);
        let left: Vec<usize> = (0..n).collect();
        let right: Vec<usize> = (100..100 + m).collect();
        let mut x = 7u64;
        let mut pairs = Vec::new();
        for _ in 0..60 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            pairs.push(((x >> 33) as usize % n, (x >> 17) as usize % m));
        }
        let rows = align(&left, &right, &pairs);
        let lefts: Vec<usize> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Pair(l, _) | Row::Left(l) => Some(*l),
                Row::Right(_) => None,
            })
            .collect();
        let rights: Vec<usize> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Pair(_, r) | Row::Right(r) => Some(*r),
                Row::Left(_) => None,
            })
            .collect();
        assert_eq!(lefts, left);
        assert_eq!(rights, right);
        for r in &rows {
            if let Row::Pair(l, r) = r {
                assert!(pairs.contains(&(*l, *r - 100)));
            }
        }
    }
}
