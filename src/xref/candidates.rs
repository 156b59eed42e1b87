//! Candidate pairs without comparing all pairs: an inverted index from terms
//! to passages, queried with each passage's heaviest terms. Terms that occur
//! in a large share of passages are not used to find candidates (they are
//! still used to score them), so the cost grows about linearly with the
//! corpus.

use std::collections::HashMap;

use super::analysis::{Analysed, TermId, TermStats};

/// How many of a passage's heaviest terms look for partners.
const SIGNATURE_TERMS: usize = 8;
/// A term in more passages than this does not look for partners: in a
/// small corpus every term may; in a large one, only terms specific enough
/// to point at a handful of stories.
const POSTING_CAP: usize = 200;
/// Most candidates kept per passage, best first by shared signature weight.
const MAX_CANDIDATES_PER_PASSAGE: usize = 32;
/// A candidate must share at least this part of the passage's signature
/// weight: one common word shared is no reason to compare.
const MIN_SIGNATURE_SHARE: f64 = 0.1;

/// Candidate pairs `(a, b)` with `a < b` (indices into `analysed`), from
/// different groups (sources), among `eligible` passages.
pub fn candidate_pairs(
    analysed: &[Analysed],
    stats: &TermStats,
    group: &[usize],
    eligible: &[bool],
) -> Vec<(usize, usize)> {
    let cap = POSTING_CAP;
    let mut postings: HashMap<TermId, Vec<u32>> = HashMap::new();
    for (i, a) in analysed.iter().enumerate() {
        if !eligible[i] {
            continue;
        }
        for &t in &a.terms {
            if (stats.df[t as usize] as usize) <= cap {
                postings.entry(t).or_default().push(i as u32);
            }
        }
    }
    let mut pairs = Vec::new();
    let mut scores: HashMap<u32, f64> = HashMap::new();
    for (i, a) in analysed.iter().enumerate() {
        if !eligible[i] {
            continue;
        }
        let mut signature: Vec<(TermId, f64)> = a
            .terms
            .iter()
            .filter(|&&t| postings.contains_key(&t))
            .map(|&t| (t, stats.weight(t, 1)))
            .collect();
        signature.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        signature.truncate(SIGNATURE_TERMS);
        let signature_weight: f64 = signature.iter().map(|x| x.1).sum();
        scores.clear();
        for (t, w) in signature {
            for &j in postings.get(&t).map(Vec::as_slice).unwrap_or(&[]) {
                if j as usize != i && group[j as usize] != group[i] {
                    *scores.entry(j).or_default() += w;
                }
            }
        }
        let mut found: Vec<(u32, f64)> = scores
            .iter()
            .map(|(&j, &s)| (j, s))
            .filter(|&(_, s)| s >= MIN_SIGNATURE_SHARE * signature_weight)
            .collect();
        found.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        found.truncate(MAX_CANDIDATES_PER_PASSAGE);
        for (j, _) in found {
            let j = j as usize;
            pairs.push((i.min(j), i.max(j)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::super::analysis::analyse;
    use super::*;

    #[test]
    fn pairs_come_from_different_groups_and_share_terms() {
        let texts = [
            "Five workers were killed in the explosion.",
            "The explosion killed five workers.",
            "Shares fell on Tuesday.",
            "An explosion killed workers at the plant.",
        ];
        let (an, stats) = analyse(&texts);
        let pairs = candidate_pairs(&an, &stats, &[0, 1, 1, 0], &[true; 4]);
        assert!(pairs.contains(&(0, 1)));
        assert!(pairs.contains(&(1, 3)));
        assert!(!pairs.contains(&(0, 3)), "same group");
        assert!(
            !pairs.iter().any(|&(a, b)| a == 2 || b == 2),
            "no shared term"
        );
    }
}
