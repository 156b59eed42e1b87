//! Each article as a weighted vector of its words, for grouping articles
//! into stories (see the parent module for the weighting).

use crate::model::Corpus;
use crate::text::fasthash::FastMap;

/// Pseudo-articles added to the folder's count for term rarity.
const IDF_PSEUDO: f64 = 10.0;

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
pub(super) fn article_vectors(corpus: &Corpus) -> Vec<Vec<(u32, f64)>> {
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
