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

use linkage::average_linkage;

/// Mean cosine similarity from which two groups of articles are one story:
/// the mean of the thresholds the five folds of `python3
/// scripts/story_cv.py` chose (0.10, 0.13, 0.11, 0.11, 0.09), whose held-out
/// B-cubed F1 is 0.966. The mean, not the whole folder's best (0.12), so that
/// no single split's tie decides it. A `CROSSREAD_STORY_SIMILARITY` value
/// replaces it, for that script.
pub const MERGE_SIMILARITY: f64 = 0.11;
/// Pseudo-articles added to the folder's count for term rarity.
const IDF_PSEUDO: f64 = 10.0;
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

/// A word's 64-bit hash: the articles' vocabularies are merged by it, so
/// that no word is copied per article (a collision, about one in 10^10
/// for a folder's words, would merely pool two words' counts).
fn word_key(word: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::text::fasthash::FxHasher::default();
    h.write(word.as_bytes());
    h.write_usize(word.len());
    h.finish()
}

/// Sparse unit vectors (sorted term ids, weights) of each source.
fn article_vectors(corpus: &Corpus) -> Vec<Vec<(u32, f64)>> {
    use rayon::prelude::*;
    let stop_keys: crate::text::fasthash::FastSet<u64> = crate::text::stop_words()
        .iter()
        .map(|w| word_key(w))
        .collect();
    // Each article's term counts, in parallel, keyed by the word's hash,
    // with where it was first written; then one vocabulary.
    let local: Vec<FastMap<u64, (u32, &str)>> = corpus
        .sources
        .par_iter()
        .map(|s| {
            // Sized at a distinct word in sixteen bytes (the dev stories
            // hold one in 11.5, generated articles one in 14, medians,
            // stop words included, which the map leaves out): grown from
            // empty, the maps were rehashed about six times an article.
            let bytes: usize = corpus.passages_of(s.id).iter().map(|p| p.text.len()).sum();
            let mut tf: FastMap<u64, (u32, &str)> =
                FastMap::with_capacity_and_hasher(bytes / 16, Default::default());
            // Words as written, lower-cased, without stemming or number
            // parsing: an article's vocabulary says what it is about, and
            // this light pass costs a fraction of the engine's tokenizer.
            let mut word = String::new();
            for p in corpus.passages_of(s.id).iter().filter(|p| p.is_linkable()) {
                for span in crate::text::alnum_spans(&p.text) {
                    word.clear();
                    let written = &p.text[span];
                    if written.is_ascii() {
                        word.push_str(written);
                        word.make_ascii_lowercase();
                    } else {
                        word.extend(written.chars().flat_map(char::to_lowercase));
                    }
                    if word.len() < 2 {
                        continue;
                    }
                    // One hash a word: stop words are known by theirs.
                    let key = word_key(&word);
                    if stop_keys.contains(&key) {
                        continue;
                    }
                    tf.entry(key).or_insert((0, written)).0 += 1;
                }
            }
            tf
        })
        .collect();
    // One vocabulary; a word's English frequency looked up once.
    let mut ids: FastMap<u64, u32> = FastMap::default();
    let mut zipf: Vec<f32> = Vec::new();
    let counts: Vec<Vec<(u32, u32)>> = local
        .iter()
        .map(|tf| {
            tf.iter()
                .map(|(&key, &(count, written))| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert_with(|| {
                        zipf.push(crate::text::wordfreq::zipf_or_rare(&written.to_lowercase()));
                        next
                    });
                    (id, count)
                })
                .collect()
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for tf in &counts {
        for &(t, _) in tf {
            df[t as usize] += 1;
        }
    }
    let n = counts.len() as f64;
    // Each term's rarity is computed once, not once an article it is in,
    // and the damped counts of the small counts most terms have come from
    // a table (two logarithms a term and article were a quarter of
    // grouping). The products are taken in the order they always were.
    let rarity: Vec<(f64, f64)> = df
        .iter()
        .zip(&zipf)
        .map(|(&df, &zipf)| {
            // Rarity in the folder, smoothed by IDF_PSEUDO articles that
            // hold no term: in a folder of five articles on one event, the
            // event's words must keep their weight.
            let idf = ((n + IDF_PSEUDO) / (f64::from(df) + 1.0)).ln();
            // Words common in any English text say little of the event.
            let english = ((8.0 - f64::from(zipf)) / 5.0).clamp(0.1, 1.0);
            (idf, english)
        })
        .collect();
    let damped: Vec<f64> = (0..64u32).map(|c| 1.0 + f64::from(c).ln()).collect();
    counts
        .into_par_iter()
        .map(|tf| {
            let mut v: Vec<(u32, f64)> = tf
                .into_iter()
                .map(|(t, c)| {
                    let tf = damped
                        .get(c as usize)
                        .copied()
                        .unwrap_or_else(|| 1.0 + f64::from(c).ln());
                    let (idf, english) = rarity[t as usize];
                    (t, tf * idf * english)
                })
                .collect();
            v.sort_unstable_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|x| x.1 /= norm);
            }
            v
        })
        .collect()
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
