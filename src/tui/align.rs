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

/// Aligns `left` and `right` (passages in reading order); `partner(l, r)`
/// says whether two passages share a claim. Pairs are kept in order on both
/// sides (the longest such chain); others stand alone.
pub fn align(
    left: &[PassageId],
    right: &[PassageId],
    partner: &dyn Fn(PassageId, PassageId) -> bool,
) -> Vec<Row> {
    let (n, m) = (left.len(), right.len());
    // Longest common subsequence over the "partner" relation.
    let mut best = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i][j] = if partner(left[i], right[j]) {
                best[i + 1][j + 1] + 1
            } else {
                best[i + 1][j].max(best[i][j + 1])
            };
        }
    }
    let mut rows = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && partner(left[i], right[j]) && best[i][j] == best[i + 1][j + 1] + 1 {
            rows.push(Row::Pair(left[i], right[j]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || best[i + 1][j] >= best[i][j + 1]) {
            rows.push(Row::Left(left[i]));
            i += 1;
        } else {
            rows.push(Row::Right(right[j]));
            j += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_face_each_other_and_the_rest_stand_alone() {
        // left 0 1 2, right 10 11 12; 0~11, 2~12.
        let partner = |a: usize, b: usize| matches!((a, b), (0, 11) | (2, 12));
        let rows = align(&[0, 1, 2], &[10, 11, 12], &partner);
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
        let partner = |a: usize, b: usize| matches!((a, b), (0, 12) | (1, 10) | (2, 11));
        let rows = align(&[0, 1, 2], &[10, 11, 12], &partner);
        let pairs = rows.iter().filter(|r| matches!(r, Row::Pair(..))).count();
        assert_eq!(pairs, 2);
        assert_eq!(rows.len(), 4);
    }
}
