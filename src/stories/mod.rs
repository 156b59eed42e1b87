//! Stage 3b: stories. A folder may hold articles about many events; they
//! are grouped into stories before cross-referencing, so that passages are
//! compared only within a story.
//!
//! Each article is a weighted vector of its words (lower-cased, stop words
//! out; sublinear term frequency × the word's rarity in the folder × its
//! rarity in English, from wordfreq), and articles are grouped by average
//! linkage on cosine similarity: two groups merge while the mean similarity
//! of all their article pairs reaches [`MERGE_SIMILARITY`]. Up to 600
//! articles every pair is compared; beyond, each article's best partners
//! through an inverted index of its heaviest words, so the cost grows
//! linearly.

use serde::Serialize;

use crate::model::{Corpus, SourceId};
use crate::text::fasthash::FastMap;

mod linkage;
mod vectors;

use linkage::average_linkage;
use vectors::article_vectors;

/// Mean cosine similarity from which two groups of articles are one story:
/// the mean of the thresholds the five folds of `python3
/// scripts/story_cv.py` chose (0.10, 0.13, 0.11, 0.11, 0.09), whose held-out
/// B-cubed F1 is 0.966. The mean, not the whole folder's best (0.12), so that
/// no single split's tie decides it. A `CROSSREAD_STORY_SIMILARITY` value
/// replaces it, for that script.
pub const MERGE_SIMILARITY: f64 = 0.11;
/// Up to this many articles, every pair is compared.
const ALL_PAIRS_ARTICLES: usize = 600;
/// Beyond, each article's best partners compared.
const NEIGHBOURS: usize = 30;
/// Terms in more articles than this propose no article pairs.
const MAX_POSTING: usize = 100;
/// Heaviest terms of each article that look for partners.
const SIGNATURE_TERMS: usize = 20;

/// A group of articles about one event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Story {
    pub id: usize,
    /// Its articles, in corpus order.
    pub sources: Vec<SourceId>,
    /// The title of its most central article (the one most like the
    /// others), or "untitled".
    pub title: String,
    /// Earliest and latest article date (`YYYY-MM-DD` or `--MM-DD`), when
    /// any article has one.
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// The stories of a corpus (every source in exactly one), largest first.
pub fn group(corpus: &Corpus) -> Vec<Story> {
    let threshold = std::env::var("CROSSREAD_STORY_SIMILARITY")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(MERGE_SIMILARITY);
    let vectors = article_vectors(corpus);
    let edges = similarities(&vectors);
    let clusters = average_linkage(vectors.len(), &edges, threshold);
    let mut stories: Vec<Story> = clusters
        .into_iter()
        .map(|members| describe(corpus, members, &edges))
        .collect();
    stories.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.sources.cmp(&b.sources))
    });
    for (id, s) in stories.iter_mut().enumerate() {
        s.id = id;
    }
    stories
}

/// The story of each source.
pub fn story_of_source(stories: &[Story], sources: usize) -> Vec<usize> {
    let mut out = vec![0; sources];
    for s in stories {
        for &src in &s.sources {
            out[src] = s.id;
        }
    }
    out
}

/// Cosine similarities (a < b, sim) of the article pairs worth grouping.
/// Up to [`ALL_PAIRS_ARTICLES`] articles, every pair; beyond, each article's
/// [`NEIGHBOURS`] best partners by the weight its heaviest terms share with
/// them (terms in more than [`MAX_POSTING`] articles propose none: in a
/// large folder they belong to many stories), so the cost grows linearly.
fn similarities(vectors: &[Vec<(u32, f64)>]) -> FastMap<(usize, usize), f64> {
    let n = vectors.len();
    let mut edges = FastMap::default();
    if n <= ALL_PAIRS_ARTICLES {
        for a in 0..n {
            for b in a + 1..n {
                let s = dot(&vectors[a], &vectors[b]);
                if s > 0.0 {
                    edges.insert((a, b), s);
                }
            }
        }
        return edges;
    }
    // Term ids are dense: the postings are a table, not a map.
    let terms = vectors
        .iter()
        .flat_map(|v| v.iter().map(|x| x.0 as usize + 1))
        .max()
        .unwrap_or(0);
    // Only terms in at most MAX_POSTING articles propose partners: the
    // others get no list at all (most of the entries, and never read).
    let mut df = vec![0u32; terms];
    for v in vectors {
        for &(t, _) in v {
            df[t as usize] += 1;
        }
    }
    let mut postings: Vec<Vec<(u32, f32)>> = df
        .iter()
        .map(|&d| {
            if d as usize <= MAX_POSTING {
                Vec::with_capacity(d as usize)
            } else {
                Vec::new()
            }
        })
        .collect();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            if df[t as usize] as usize <= MAX_POSTING {
                postings[t as usize].push((i as u32, w as f32));
            }
        }
    }
    use rayon::prelude::*;
    let partners: Vec<Vec<usize>> = (0..n)
        .into_par_iter()
        .map(|i| {
            // The heaviest terms, in order (weight, then id: a total
            // order, so that the selection is the full sort's first ones);
            // sorting every term of every article was a tenth of
            // grouping's instructions.
            let mut heavy: Vec<&(u32, f64)> = vectors[i].iter().collect();
            let heavier =
                |x: &&(u32, f64), y: &&(u32, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
            if heavy.len() > SIGNATURE_TERMS {
                heavy.select_nth_unstable_by(SIGNATURE_TERMS, heavier);
                heavy.truncate(SIGNATURE_TERMS);
            }
            heavy.sort_unstable_by(heavier);
            thread_local! {
                static ACC: std::cell::RefCell<(Vec<f64>, Vec<usize>)> =
                    const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
            }
            ACC.with(|acc| {
                let (scores, touched) = &mut *acc.borrow_mut();
                if scores.len() < n {
                    scores.resize(n, 0.0);
                }
                for &&(t, w) in heavy.iter().take(SIGNATURE_TERMS) {
                    if df[t as usize] as usize > MAX_POSTING {
                        continue;
                    }
                    for &(j, wj) in postings[t as usize].iter().filter(|x| x.0 as usize != i) {
                        let j = j as usize;
                        if scores[j] == 0.0 {
                            touched.push(j);
                        }
                        scores[j] += w * f64::from(wj);
                    }
                }
                let mut best: Vec<(usize, f64)> = touched.iter().map(|&j| (j, scores[j])).collect();
                for &j in touched.iter() {
                    scores[j] = 0.0;
                }
                touched.clear();
                let order =
                    |x: &(usize, f64), y: &(usize, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
                if best.len() > NEIGHBOURS {
                    best.select_nth_unstable_by(NEIGHBOURS, order);
                    best.truncate(NEIGHBOURS);
                }
                best.into_iter().map(|x| x.0).collect()
            })
        })
        .collect();
    let mut pairs: Vec<(usize, usize)> = partners
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |&j| (i.min(j), i.max(j))))
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    // Each article's pairs together (sorted by the first): its weights are
    // spread into a dense row once, and each partner's terms read from it.
    let mut runs: Vec<&[(usize, usize)]> = pairs.chunk_by(|x, y| x.0 == y.0).collect();
    runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
    let scored: Vec<Vec<((usize, usize), f64)>> = runs
        .into_par_iter()
        .map(|run| {
            thread_local! {
                static ROW: std::cell::RefCell<Vec<f64>> = const { std::cell::RefCell::new(Vec::new()) };
            }
            ROW.with(|row| {
                let row = &mut *row.borrow_mut();
                if row.len() < terms {
                    row.resize(terms, 0.0);
                }
                let a = run[0].0;
                for &(t, w) in &vectors[a] {
                    row[t as usize] = w;
                }
                let out = run
                    .iter()
                    .map(|&(a, b)| {
                        let s: f64 = vectors[b].iter().map(|&(t, w)| w * row[t as usize]).sum();
                        ((a, b), s)
                    })
                    .collect();
                for &(t, _) in &vectors[a] {
                    row[t as usize] = 0.0;
                }
                out
            })
        })
        .collect();
    edges.extend(scored.into_iter().flatten());
    edges
}

fn dot(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    s
}

fn describe(
    corpus: &Corpus,
    sources: Vec<SourceId>,
    edges: &FastMap<(usize, usize), f64>,
) -> Story {
    let sim = |a: usize, b: usize| edges.get(&(a.min(b), a.max(b))).copied().unwrap_or(0.0);
    let central = sources
        .iter()
        .copied()
        .filter(|&s| corpus.sources[s].title.is_some())
        .max_by(|&x, &y| {
            let sx: f64 = sources.iter().map(|&o| sim(x, o)).sum();
            let sy: f64 = sources.iter().map(|&o| sim(y, o)).sum();
            sx.total_cmp(&sy).then(y.cmp(&x))
        });
    let title = central
        .and_then(|s| corpus.sources[s].title.clone())
        .unwrap_or_else(|| "untitled".to_owned());
    // ISO dates sort as text; "--MM-DD" (no year) sorts before any year.
    let mut dates: Vec<&str> = sources
        .iter()
        .filter_map(|&s| corpus.sources[s].date.as_deref())
        .collect();
    dates.sort_unstable();
    Story {
        id: 0,
        title,
        first_date: dates.first().map(|d| (*d).to_owned()),
        last_date: dates.last().map(|d| (*d).to_owned()),
        sources,
    }
}

#[cfg(test)]
mod tests;
