//! Copies: articles that print one story (the same wire report in three
//! papers). Two articles are copies when most of the shorter one's
//! substantive passages are near-identical to passages of the other; copies
//! join in groups, and a claim's support counts each group once.

use rayon::prelude::*;

use super::features::{Side, merge_walk};
use crate::model::{Corpus, PassageId, SourceId};
use crate::sets::Sets;
use crate::text::fasthash::FastMap;

/// Word-set overlap (Jaccard) from which two passages count as one text
/// (the same sentence with a dateline or a word changed).
const SAME_TEXT: f64 = 0.8;
/// Share of the shorter article's passages that must be copied.
const COPIED_SHARE: f64 = 0.5;
/// Fewest copied passages: two shared sentences are a quote, not a copy.
const MIN_COPIED: usize = 3;

/// Groups (each sorted, of two or more sources) of articles that copy one
/// story, from the links between near-identical passages.
pub fn copy_groups(corpus: &Corpus) -> Vec<Vec<SourceId>> {
    let n = corpus.sources.len();
    let substantive = |s: SourceId| {
        corpus
            .passages_of(s)
            .iter()
            .filter(|p| p.is_linkable())
            .count()
    };
    // Copied passages of each source pair (each passage counted once).
    let mut copied: FastMap<(SourceId, SourceId), Vec<PassageId>> = FastMap::default();
    // Which links join near-identical texts: every link is read, in
    // parallel, each passage's words found once however many links it has.
    let mut linked = vec![false; corpus.passages.len()];
    for link in &corpus.links {
        linked[link.a] = true;
        linked[link.b] = true;
    }
    let words: Vec<Vec<u64>> = corpus
        .passages
        .par_iter()
        .map(|p| {
            if linked[p.id] {
                word_set(&p.text)
            } else {
                Vec::new()
            }
        })
        .collect();
    let same_text: Vec<&crate::model::Link> = corpus
        .links
        .par_iter()
        .filter(|link| jaccard(&words[link.a], &words[link.b]) >= SAME_TEXT)
        .collect();
    for link in same_text {
        let (a, b) = (&corpus.passages[link.a], &corpus.passages[link.b]);
        let key = (a.source.min(b.source), a.source.max(b.source));
        let list = copied.entry(key).or_default();
        list.push(link.a);
        list.push(link.b);
    }
    let mut sets = Sets::new(n);
    let mut keys: Vec<_> = copied.keys().copied().collect();
    keys.sort_unstable();
    for (sa, sb) in keys {
        let mut ids = copied[&(sa, sb)].clone();
        ids.sort_unstable();
        ids.dedup();
        let in_a = ids
            .iter()
            .filter(|&&p| corpus.passages[p].source == sa)
            .count();
        let in_b = ids.len() - in_a;
        let shorter = substantive(sa).min(substantive(sb)).max(1);
        let count = in_a.min(in_b);
        if count >= MIN_COPIED && count as f64 >= COPIED_SHARE * shorter as f64 {
            sets.join(sa, sb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<SourceId>> = Default::default();
    for s in 0..n {
        let r = sets.root(s);
        groups.entry(r).or_default().push(s);
    }
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// Independent reports among `sources`: each copy group counts once.
pub fn independent(sources: &[SourceId], groups: &[Vec<SourceId>]) -> usize {
    let mut seen_groups = Vec::new();
    let mut count = 0;
    for s in sources {
        match groups.iter().position(|g| g.contains(s)) {
            Some(g) if seen_groups.contains(&g) => {}
            Some(g) => {
                seen_groups.push(g);
                count += 1;
            }
            None => count += 1,
        }
    }
    count
}

/// A text's distinct lower-cased words, each by its hash, sorted. (Two
/// words sharing a 64-bit hash would count as one: for words of up to eight
/// bytes the Fx hash is a bijection, and longer ones colliding is far
/// rarer than any spelling the overlap is meant to forgive.)
fn word_set(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let lower = text.to_lowercase();
    let mut words: Vec<u64> = crate::text::alnum_spans(&lower)
        .into_iter()
        .map(|r| {
            let mut h = crate::text::fasthash::FxHasher::default();
            lower[r].hash(&mut h);
            h.finish()
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Jaccard overlap of two sorted, distinct word sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let mut both = 0usize;
    merge_walk(a, b, |side, _| both += usize::from(side == Side::Both));
    let union = a.len() + b.len() - both;
    if union == 0 {
        return 0.0;
    }
    both as f64 / union as f64
}

/// Jaccard overlap of the two texts' sets of lower-cased words.
#[cfg(test)]
fn word_jaccard(a: &str, b: &str) -> f64 {
    jaccard(&word_set(a), &word_set(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_group_counts_once() {
        let groups = vec![vec![1, 2, 3]];
        assert_eq!(independent(&[0, 1, 2, 3], &groups), 2);
        assert_eq!(independent(&[0, 4], &groups), 2);
        assert_eq!(independent(&[2, 3], &groups), 1);
    }

    #[test]
    fn near_identical_texts_overlap() {
        assert!(
            word_jaccard(
                "NEW YORK — Authorities say two subway work trains have collided in a tunnel.",
                "Authorities say two subway work trains have collided in a tunnel."
            ) >= SAME_TEXT
        );
        assert!(word_jaccard("Five died.", "Seven workers were hurt in the fire.") < SAME_TEXT);
    }
}
