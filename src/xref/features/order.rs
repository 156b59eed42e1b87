//! Word order: the weighted longest common subsequence of two units'
//! content terms.

use crate::xref::analysis::TermId;

/// Longest term sequence for which word order is compared (LCS is quadratic).
const MAX_ORDER_TERMS: usize = 200;
/// Matches beyond which the longest common subsequence is computed by the
/// full table rather than from the matches (quadratic in them).
const MAX_SPARSE_MATCHES: usize = 64;

/// Weighted longest common subsequence of content terms over the lighter
/// side's total weight (`lighter`: each unit's total is summed when it is
/// analysed, see [`crate::xref::analysis::Analysed::sequence_discount`];
/// `is_shared`: whether both state a term); `rows` and `matches` are
/// working space.
///
/// Most compared pairs share a few terms: the subsequence is found from
/// the matching positions alone (each match's best chain is its weight
/// plus the best chain of a match before it on both sides), which gives
/// the value the full table gives, from the same sums, without filling the
/// table's cells.
pub(super) fn order_similarity(
    a: &[TermId],
    b: &[TermId],
    lighter: f64,
    is_shared: impl Fn(TermId) -> bool,
    disc: impl Fn(TermId) -> f64,
    rows: &mut Vec<f64>,
    matches: &mut Vec<(u32, u32, f64)>,
) -> f64 {
    if a.is_empty() || b.is_empty() || a.len().max(b.len()) > MAX_ORDER_TERMS {
        return 0.0;
    }
    matches.clear();
    let mut too_many = false;
    'all: for (i, &x) in a.iter().enumerate() {
        // Most terms of one side are not on the other: looked up among
        // the few shared before the other's sequence is scanned.
        if !is_shared(x) {
            continue;
        }
        for (j, &y) in b.iter().enumerate() {
            if x == y {
                if matches.len() == MAX_SPARSE_MATCHES {
                    too_many = true;
                    break 'all;
                }
                matches.push((i as u32, j as u32, 0.0));
            }
        }
    }
    let longest = if too_many {
        lcs_table(a, b, &disc, rows)
    } else {
        // In (i, j) order: every match a chain can come from is before.
        let mut best = 0.0f64;
        for m in 0..matches.len() {
            let (i, j, _) = matches[m];
            let before = matches[..m]
                .iter()
                .filter(|p| p.0 < i && p.1 < j)
                .map(|p| p.2)
                .fold(0.0f64, f64::max);
            let chain = before + disc(a[i as usize]);
            matches[m].2 = chain;
            best = best.max(chain);
        }
        best
    };
    if lighter > 0.0 {
        (longest / lighter).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The weighted longest common subsequence by the full table (two rows).
fn lcs_table(a: &[TermId], b: &[TermId], disc: impl Fn(TermId) -> f64, rows: &mut Vec<f64>) -> f64 {
    let width = b.len() + 1;
    rows.clear();
    rows.resize(2 * width, 0.0);
    let (mut prev, mut cur) = rows.split_at_mut(width);
    for &x in a {
        let wx = disc(x);
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + wx
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_of_matches_gives_what_the_table_gives() {
        // Random sequences over small alphabets (many repeats), weights
        // by term: the sparse computation must equal the table exactly.
        let mut rng = crate::testing::Xorshift::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| rng.below(n) as u32;
        let weight = |t: TermId| 0.1 + f64::from(t % 7) * 0.37;
        let (mut rows, mut matches) = (Vec::new(), Vec::new());
        for case in 0..2000 {
            let alphabet = 2 + u64::from(next(30));
            let a: Vec<TermId> = (0..1 + next(25)).map(|_| next(alphabet)).collect();
            let b: Vec<TermId> = (0..1 + next(25)).map(|_| next(alphabet)).collect();
            let mut shared: Vec<(TermId, f64)> = a
                .iter()
                .filter(|t| b.contains(t))
                .map(|&t| (t, weight(t)))
                .collect();
            shared.sort_by_key(|s| s.0);
            shared.dedup();
            let is_shared = |t: TermId| shared.binary_search_by_key(&t, |s| s.0).is_ok();
            let lighter = a
                .iter()
                .map(|&t| weight(t))
                .sum::<f64>()
                .min(b.iter().map(|&t| weight(t)).sum());
            let sparse =
                order_similarity(&a, &b, lighter, is_shared, weight, &mut rows, &mut matches);
            let table = lcs_table(&a, &b, weight, &mut rows);
            assert_eq!(
                sparse.to_bits(),
                (table / lighter).clamp(0.0, 1.0).to_bits(),
                "case {case}: {a:?} {b:?}"
            );
        }
    }
}
