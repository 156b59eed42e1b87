//! Candidate pairs without comparing all pairs: an inverted index from terms
//! to passages, one per story, queried with each passage's heaviest terms.
//! Terms that occur in many of a story's passages are not used to find
//! candidates (they are still used to score them), so the cost grows about
//! linearly with the corpus.

use super::analysis::{TermId, TermStats, UnitTerms};
use crate::text::fasthash::FastMap;

/// How many of a passage's heaviest terms look for partners.
const SIGNATURE_TERMS: usize = 8;
/// A term in more of a story's passages than this does not look for
/// partners: in a story of a few articles every term may; in a story of
/// thousands, only terms specific enough to point at a few claims.
const POSTING_CAP: usize = 200;
/// Most candidates kept per passage, best first by shared signature weight.
/// Verification is most of the engine's time; on 1,000 synthetic articles
/// 8 instead of 16 halves it and loses 1 % of the links (the seeds' and the
/// demo's scores do not drop), and claims stated by more outlets still
/// gather through the other members' links.
const MAX_CANDIDATES_PER_PASSAGE: usize = 8;
/// A candidate must share at least this part of the passage's signature
/// weight: one common word shared is no reason to compare.
const MIN_SIGNATURE_SHARE: f64 = 0.1;

/// Up to this many cross-source pairs, every pair is a candidate: a few
/// dozen articles are compared exhaustively (a pair the index would not
/// propose, such as two paraphrases sharing few words, is not lost), and
/// the index serves larger corpora. 100,000 pairs take ~0.3 s on 2 cores.
pub const ALL_PAIRS_LIMIT: usize = 100_000;

/// Candidate pairs `(a, b)` with `a < b` (indices into `passages`, each
/// passage's terms), from different groups (sources) of the same story,
/// among `eligible` passages.
pub fn candidate_pairs(
    passages: &UnitTerms,
    stats: &TermStats,
    group: &[usize],
    story: &[usize],
    eligible: &[bool],
) -> Vec<(usize, usize)> {
    if let Some(all) = all_pairs(group, story, eligible) {
        return all;
    }
    // Each story has its own index: a term common in the folder (a beat's
    // vocabulary, a name that recurs across events) may still be specific
    // within one story, and candidates never cross stories anyway.
    let mut by_story: FastMap<usize, Vec<u32>> = FastMap::default();
    for (i, &s) in story.iter().enumerate() {
        if eligible[i] {
            by_story.entry(s).or_default().push(i as u32);
        }
    }
    let mut stories: Vec<Vec<u32>> = by_story.into_values().collect();
    // Largest first, so that one big story does not run last alone.
    stories.sort_by_key(|m| std::cmp::Reverse(m.len()));
    use rayon::prelude::*;
    let per_story: Vec<Vec<(usize, usize)>> = stories
        .par_iter()
        .map(|members| story_pairs(members, passages, stats, group))
        .collect();
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(per_story.iter().map(Vec::len).sum());
    for list in per_story {
        pairs.extend(list);
    }
    // In parallel, as the two sorts of `linking` and `kept`: at 10,000
    // articles, 1.9 M candidates sorted in 36-39 ms, against 57-59 ms on
    // one thread.
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// Candidate pairs among the passages of one story (indices into
/// `passages`), from the story's own index.
fn story_pairs(
    members: &[u32],
    passages: &UnitTerms,
    stats: &TermStats,
    group: &[usize],
) -> Vec<(usize, usize)> {
    // Postings by term, of positions in `members`; terms over the cap
    // within the story get none.
    let mut postings: FastMap<TermId, Vec<u32>> = FastMap::default();
    for (k, &i) in members.iter().enumerate() {
        for &t in passages.terms(i as usize) {
            postings.entry(t).or_default().push(k as u32);
        }
    }
    postings.retain(|_, list| list.len() <= POSTING_CAP);
    let mut scores = vec![0.0f64; members.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs = Vec::new();
    for k in 0..members.len() {
        partners_of(
            k,
            members,
            passages,
            stats,
            group,
            &postings,
            &mut scores,
            &mut touched,
            &mut pairs,
        );
    }
    pairs
}

/// Every cross-source pair of eligible passages within a story, if there
/// are at most [`ALL_PAIRS_LIMIT`].
fn all_pairs(group: &[usize], story: &[usize], eligible: &[bool]) -> Option<Vec<(usize, usize)>> {
    let mut per_group: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let mut per_story: std::collections::HashMap<usize, usize> = Default::default();
    for (i, &g) in group.iter().enumerate() {
        if eligible[i] {
            *per_group.entry((story[i], g)).or_default() += 1;
            *per_story.entry(story[i]).or_default() += 1;
        }
    }
    let pairs_of = |k: usize| k * k.saturating_sub(1) / 2;
    let same: usize = per_group.values().map(|&k| pairs_of(k)).sum();
    let cross = per_story
        .values()
        .map(|&k| pairs_of(k))
        .sum::<usize>()
        .saturating_sub(same);
    if cross > ALL_PAIRS_LIMIT {
        return None;
    }
    let mut pairs = Vec::with_capacity(cross);
    for i in (0..group.len()).filter(|&i| eligible[i]) {
        for j in (i + 1..group.len())
            .filter(|&j| eligible[j] && group[j] != group[i] && story[j] == story[i])
        {
            pairs.push((i, j));
        }
    }
    Some(pairs)
}

/// The best candidates of the story's `k`th passage, added to `pairs` as
/// ordered pairs of indices into `passages`.
#[allow(clippy::too_many_arguments)]
fn partners_of(
    k: usize,
    members: &[u32],
    passages: &UnitTerms,
    stats: &TermStats,
    group: &[usize],
    postings: &FastMap<TermId, Vec<u32>>,
    scores: &mut [f64],
    touched: &mut Vec<u32>,
    pairs: &mut Vec<(usize, usize)>,
) {
    let i = members[k] as usize;
    let mut signature: Vec<(TermId, f64, &[u32])> = passages
        .terms(i)
        .iter()
        .filter_map(|&t| Some((t, stats.weight(t, 1), postings.get(&t)?.as_slice())))
        .collect();
    signature.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    signature.truncate(SIGNATURE_TERMS);
    let signature_weight: f64 = signature.iter().map(|x| x.1).sum();
    for &(_, w, list) in &signature {
        for &j in list {
            let ju = members[j as usize] as usize;
            if ju != i && group[ju] != group[i] {
                if scores[j as usize] == 0.0 {
                    touched.push(j);
                }
                scores[j as usize] += w;
            }
        }
    }
    let mut found: Vec<(u32, f64)> = touched
        .iter()
        .map(|&j| (j, scores[j as usize]))
        .filter(|&(_, s)| s >= MIN_SIGNATURE_SHARE * signature_weight)
        .collect();
    for &j in touched.iter() {
        scores[j as usize] = 0.0;
    }
    touched.clear();
    found.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then(members[x.0 as usize].cmp(&members[y.0 as usize]))
    });
    found.truncate(MAX_CANDIDATES_PER_PASSAGE);
    pairs.extend(found.iter().map(|&(j, _)| {
        let j = members[j as usize] as usize;
        (i.min(j), i.max(j))
    }));
}

#[cfg(test)]
mod tests {
    use super::super::analysis::{Drafted, draft};
    use super::*;

    /// Each passage's terms, and the statistics.
    fn analyse(texts: &[&str]) -> (UnitTerms, TermStats) {
        let Drafted { wholes, stats, .. } = draft(texts);
        (wholes, stats)
    }

    #[test]
    fn small_corpora_compare_every_cross_source_pair() {
        let texts = [
            "Five workers died.",
            "Shares fell.",
            "A quiet day.",
            "Rain.",
        ];
        let (an, stats) = analyse(&texts);
        let pairs = candidate_pairs(
            &an,
            &stats,
            &[0, 1, 1, 2],
            &[0; 4],
            &[true, true, true, false],
        );
        assert_eq!(pairs, vec![(0, 1), (0, 2)]);
        // Passages of another story are never candidates.
        let pairs = candidate_pairs(&an, &stats, &[0, 1, 1, 2], &[0, 0, 1, 1], &[true; 4]);
        assert_eq!(pairs, vec![(0, 1), (2, 3)]);
    }

    #[test]
    fn large_corpora_use_the_index() {
        // Two sources of 400 passages: 160,000 cross-source pairs.
        let texts: Vec<String> = (0..800)
            .map(|i| format!("Passage number {i} says w{i}."))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (an, stats) = analyse(&refs);
        let group: Vec<usize> = (0..800).map(|i| i % 2).collect();
        let pairs = candidate_pairs(&an, &stats, &group, &[0; 800], &[true; 800]);
        assert!(pairs.len() < ALL_PAIRS_LIMIT, "{}", pairs.len());
    }

    #[test]
    fn pairs_come_from_different_groups_and_share_terms() {
        // Enough passages that the index is used, not every pair.
        let filler: Vec<String> = (0..700)
            .map(|i| format!("Filler line {i} about z{i}."))
            .collect();
        let texts = [
            "Five workers were killed in the explosion.",
            "The explosion killed five workers.",
            "Shares fell on Tuesday.",
            "An explosion killed workers at the plant.",
        ];
        let all: Vec<&str> = texts
            .iter()
            .copied()
            .chain(filler.iter().map(String::as_str))
            .collect();
        let (an, stats) = analyse(&all);
        let mut group = vec![0, 1, 1, 0];
        group.extend((0..700).map(|i| i % 2));
        let pairs = candidate_pairs(
            &an,
            &stats,
            &group,
            &vec![0; all.len()],
            &vec![true; all.len()],
        );
        assert!(pairs.contains(&(0, 1)));
        assert!(pairs.contains(&(1, 3)));
        assert!(!pairs.contains(&(0, 3)), "same group");
        assert!(
            !pairs.iter().any(|&(a, b)| a == 2 || b == 2),
            "no shared term"
        );
    }
}
