//! Static word vectors for soft term matching: 30,000 frequent English words,
//! 128 dimensions, int8. Generated once by scripts/gen_word_vectors.py from
//! the sentence encoder all-MiniLM-L6-v2 (Apache-2.0): each word embedded
//! alone, reduced by PCA. They tell near-synonyms ("killed"/"died",
//! "troops"/"soldiers") from unrelated words.

use super::fasthash::FastMap;
use std::sync::OnceLock;

const DATA: &[u8] = include_bytes!("../../assets/word_vectors.bin");

struct Table {
    index: FastMap<&'static str, u32>,
    dims: usize,
    values: &'static [u8],
}

fn table() -> Option<&'static Table> {
    static TABLE: OnceLock<Option<Table>> = OnceLock::new();
    TABLE.get_or_init(|| parse(DATA)).as_ref()
}

fn parse(data: &'static [u8]) -> Option<Table> {
    let header = data.get(..12)?;
    if &header[..4] != b"CRWV" {
        return None;
    }
    let count = u32::from_le_bytes(header[4..8].try_into().ok()?) as usize;
    let dims = u32::from_le_bytes(header[8..12].try_into().ok()?) as usize;
    // The words, a line each, then the values. Built at the first lookup
    // of every run: one scan for newlines and one check of the words'
    // UTF-8, not one a word (8.3 -> 4 M instructions).
    let body = data.get(12..)?;
    let ends: Vec<usize> = memchr::memchr_iter(b'\n', body).take(count).collect();
    if ends.len() < count {
        return None;
    }
    let words_len = ends.last().map_or(0, |&end| end + 1);
    let words = std::str::from_utf8(&body[..words_len]).ok()?;
    let mut index = FastMap::with_capacity_and_hasher(count, Default::default());
    let mut start = 0;
    for (i, end) in ends.into_iter().enumerate() {
        // (Newlines are ASCII: each word is whole characters.)
        index.insert(&words[start..end], i as u32);
        start = end + 1;
    }
    let values = body.get(words_len..words_len + count * dims)?;
    Some(Table {
        index,
        dims,
        values,
    })
}

/// The vector id of a lower-case word, if the table has it.
pub fn lookup(word: &str) -> Option<u32> {
    table()?.index.get(word).copied()
}

/// Adds `weight` times a word's vector to `sum` (of [`dims`] values).
pub fn add_scaled(sum: &mut [f32], id: u32, weight: f32) {
    let Some(t) = table() else { return };
    let row = &t.values[id as usize * t.dims..(id as usize + 1) * t.dims];
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above), the only
            // requirement of a function compiled with that feature.
            return unsafe { add_scaled_avx2(sum, row, weight) };
        }
    }
    add_scaled_portable(sum, row, weight)
}

/// (No fused multiply-add: the sums are the same on every CPU.)
#[inline(always)]
fn add_scaled_portable(sum: &mut [f32], row: &[u8], weight: f32) {
    for (s, &x) in sum.iter_mut().zip(row) {
        *s += weight * f32::from(x as i8);
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_scaled_avx2(sum: &mut [f32], row: &[u8], weight: f32) {
    add_scaled_portable(sum, row, weight)
}

/// The number of words in the table (0 without one).
pub fn words() -> usize {
    table().map_or(0, |t| t.index.len())
}

/// Number of dimensions of the vectors (0 without a table).
pub fn dims() -> usize {
    table().map_or(0, |t| t.dims)
}

/// A vector scaled to unit length and stored as i8 (x127), or empty if it
/// is zero.
pub fn quantize(sum: &[f32]) -> Vec<i8> {
    let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm <= 0.0 || !norm.is_finite() {
        return Vec::new();
    }
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: as in `add_scaled`. Without SSE4.1 every `round` is
            // a call into libm; with it, an instruction sequence of the
            // same result.
            return unsafe { scale_avx2(sum, norm) };
        }
    }
    scale_portable(sum, norm)
}

#[inline(always)]
fn scale_portable(sum: &[f32], norm: f32) -> Vec<i8> {
    sum.iter()
        .map(|x| (x / norm * 127.0).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn scale_avx2(sum: &[f32], norm: f32) -> Vec<i8> {
    scale_portable(sum, norm)
}

/// Cosine of two quantized vectors (0 if either is empty).
pub fn cosine(a: &[i8], b: &[i8]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let (dot, aa, bb) = cosine_sums(a, b);
    if aa == 0 || bb == 0 {
        return 0.0;
    }
    f64::from(dot) / (f64::from(aa) * f64::from(bb)).sqrt()
}

/// The dot product and both squared norms, in integers (exact in any
/// order). Every compared pair computes them: compiled for AVX2 where the
/// CPU has it, as [`dot_i8`] is.
fn cosine_sums(a: &[i8], b: &[i8]) -> (i32, i32, i32) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above), the only
            // requirement of a function compiled with that feature.
            return unsafe { cosine_sums_avx2(a, b) };
        }
    }
    cosine_sums_portable(a, b)
}

#[inline(always)]
fn cosine_sums_portable(a: &[i8], b: &[i8]) -> (i32, i32, i32) {
    let (mut dot, mut aa, mut bb) = (0i32, 0i32, 0i32);
    for (&x, &y) in a.iter().zip(b) {
        let (x, y) = (i32::from(x), i32::from(y));
        dot += x * y;
        aa += x * x;
        bb += y * y;
    }
    (dot, aa, bb)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn cosine_sums_avx2(a: &[i8], b: &[i8]) -> (i32, i32, i32) {
    cosine_sums_portable(a, b)
}

/// Dot product of two rows of i8 values (stored as bytes). Word
/// similarities are a tenth of the engine's instructions: where the CPU has
/// AVX2 (checked at run time, once) the same loop is compiled for it, with
/// a tenth of the instructions of the SSE2 baseline.
fn dot_i8(a: &[u8], b: &[u8]) -> i32 {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked just above), the only
            // requirement of a function compiled with that feature.
            return unsafe { dot_i8_avx2(a, b) };
        }
    }
    dot_i8_portable(a, b)
}

#[inline(always)]
fn dot_i8_portable(a: &[u8], b: &[u8]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
        .sum()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn dot_i8_avx2(a: &[u8], b: &[u8]) -> i32 {
    dot_i8_portable(a, b)
}

/// Similarity from which two words are each other's neighbours (see
/// [`neighbours`]).
pub const NEIGHBOUR_MIN: f32 = 0.5;

/// Each word's neighbours, precomputed from the vectors by
/// `examples/gen_neighbours.rs` (a test checks them against the vectors).
const NEIGHBOURS: &[u8] = include_bytes!("../../assets/word_neighbours.bin");

/// Offsets (words + 1) into the neighbour ids, and the ids.
struct Neighbours {
    offsets: Vec<u32>,
    ids: Vec<u16>,
}

fn neighbour_table() -> Option<&'static Neighbours> {
    static TABLE: OnceLock<Option<Neighbours>> = OnceLock::new();
    TABLE
        .get_or_init(|| parse_neighbours(NEIGHBOURS, words()))
        .as_ref()
}

fn parse_neighbours(data: &[u8], words: usize) -> Option<Neighbours> {
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
    };
    if data.get(..4)? != b"CRNB" || u32_at(4)? as usize != words {
        return None;
    }
    let offsets: Vec<u32> = (0..=words)
        .map(|i| u32_at(8 + 4 * i))
        .collect::<Option<_>>()?;
    let start = 8 + 4 * (words + 1);
    let count = *offsets.last()? as usize;
    let ids: Vec<u16> = data
        .get(start..start + 2 * count)?
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let ordered = offsets.windows(2).all(|w| w[0] <= w[1]);
    ordered.then_some(Neighbours { offsets, ids })
}

/// The words whose similarity to `word` reaches [`NEIGHBOUR_MIN`], sorted
/// by id (empty without a table).
pub fn neighbours(word: u32) -> &'static [u16] {
    let Some(t) = neighbour_table() else {
        return &[];
    };
    let (Some(&from), Some(&to)) = (
        t.offsets.get(word as usize),
        t.offsets.get(word as usize + 1),
    ) else {
        return &[];
    };
    &t.ids[from as usize..to as usize]
}

/// Whether two words are neighbours ([`NEIGHBOUR_MIN`] or more similar).
pub fn are_neighbours(a: u32, b: u32) -> bool {
    u16::try_from(b).is_ok_and(|b| neighbours(a).binary_search(&b).is_ok())
}

/// Cosine similarity of two words' vectors, in [-1, 1].
pub fn similarity(a: u32, b: u32) -> f32 {
    let Some(t) = table() else { return 0.0 };
    let row = |i: u32| &t.values[i as usize * t.dims..(i as usize + 1) * t.dims];
    dot_i8(row(a), row(b)) as f32 / (127.0 * 127.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_reads_as_word_per_line_then_values() {
        let t = super::table().expect("the shipped table parses");
        let mut at = 12;
        for i in 0..t.index.len() {
            let len = super::DATA[at..].iter().position(|&b| b == b'\n').unwrap();
            let word = std::str::from_utf8(&super::DATA[at..at + len]).unwrap();
            assert_eq!(t.index.get(word), Some(&(i as u32)), "{word}");
            at += len + 1;
        }
        assert_eq!(t.values, &super::DATA[at..at + t.index.len() * t.dims]);
        // A table cut short in its words or values is none.
        let cut = |n: usize| super::parse(&super::DATA[..n]).is_none();
        assert!(cut(at - 1) && cut(at + 5) && cut(11));
    }

    #[test]
    fn the_avx2_paths_give_the_portable_results() {
        // Halves (where rounding modes differ) and random values.
        let mut rng = crate::testing::Xorshift::new(0x2545_f491_4f6c_dd1d);
        let mut next = || rng.below(2001) as f32 / 1000.0 - 1.0;
        for case in 0..200 {
            let mut sum: Vec<f32> = (0..64).map(|_| next()).collect();
            if case % 2 == 0 {
                // Entries that scale to exactly k + 0.5.
                sum[0] = 0.5;
                sum[1] = -1.5;
            }
            let norm = sum.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert_eq!(quantize(&sum), scale_portable(&sum, norm), "case {case}");
            let row: Vec<u8> = (0..64).map(|_| (next() * 127.0) as i8 as u8).collect();
            let (mut fast, mut plain) = (sum.clone(), sum.clone());
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: AVX2 checked just above.
                unsafe { add_scaled_avx2(&mut fast, &row, 0.37) };
            } else {
                add_scaled_portable(&mut fast, &row, 0.37);
            }
            #[cfg(not(target_arch = "x86_64"))]
            add_scaled_portable(&mut fast, &row, 0.37);
            add_scaled_portable(&mut plain, &row, 0.37);
            assert_eq!(fast, plain, "case {case}");
        }
    }

    use super::*;

    fn sim(a: &str, b: &str) -> f32 {
        similarity(lookup(a).unwrap(), lookup(b).unwrap())
    }

    #[test]
    fn the_neighbour_table_matches_the_vectors() {
        assert!(
            neighbour_table().is_some(),
            "word_neighbours.bin does not parse"
        );
        // A sample of words against every word: exactly the words at
        // NEIGHBOUR_MIN or more (regenerate the asset when this fails).
        let n = words() as u32;
        for a in (0..n).step_by(997) {
            let expected: Vec<u16> = (0..n)
                .filter(|&b| b != a && similarity(a, b) >= NEIGHBOUR_MIN)
                .map(|b| b as u16)
                .collect();
            assert_eq!(neighbours(a), expected.as_slice(), "word {a}");
        }
        let killed = lookup("killed").unwrap();
        assert!(are_neighbours(killed, lookup("died").unwrap()));
        assert!(!are_neighbours(killed, lookup("market").unwrap()));
        assert!(parse_neighbours(b"CRNB", 3).is_none());
    }

    #[test]
    fn near_synonyms_are_closer_than_unrelated_words() {
        assert!(sim("killed", "died") > 0.6);
        assert!(sim("troops", "soldiers") > 0.6);
        assert!(sim("market", "food") < 0.3);
        assert!((sim("plant", "plant") - 1.0).abs() < 0.02);
        assert!(lookup("qwzxv").is_none());
    }

    #[test]
    fn averaged_vectors_of_paraphrases_are_closer_than_of_unrelated_text() {
        let embed = |words: &[&str]| {
            let mut sum = vec![0f32; dims()];
            for w in words {
                add_scaled(&mut sum, lookup(w).unwrap(), 1.0);
            }
            quantize(&sum)
        };
        let a = embed(&["troops", "killed", "attack"]);
        let b = embed(&["soldiers", "died", "strike"]);
        let c = embed(&["market", "prices", "rose"]);
        assert!(
            cosine(&a, &b) > cosine(&a, &c) + 0.2,
            "{} {}",
            cosine(&a, &b),
            cosine(&a, &c)
        );
        assert!((cosine(&a, &a) - 1.0).abs() < 0.01);
        assert!(quantize(&[0.0; 4]).is_empty());
        assert_eq!(cosine(&[], &a), 0.0);
    }
}
