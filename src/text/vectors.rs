//! Static word vectors for soft term matching: 30,000 frequent English words,
//! 128 dimensions, int8. Generated once by scripts/gen_word_vectors.py from
//! the sentence encoder all-MiniLM-L6-v2 (Apache-2.0): each word embedded
//! alone, reduced by PCA. They tell near-synonyms ("killed"/"died",
//! "troops"/"soldiers") from unrelated words.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &[u8] = include_bytes!("../../assets/word_vectors.bin");

struct Table {
    index: HashMap<&'static str, u32>,
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
    let mut index = HashMap::with_capacity(count);
    let mut at = 12;
    for i in 0..count {
        let len = data.get(at..)?.iter().position(|&b| b == b'\n')?;
        let word = std::str::from_utf8(&data[at..at + len]).ok()?;
        index.insert(word, i as u32);
        at += len + 1;
    }
    let values = data.get(at..at + count * dims)?;
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

/// Cosine similarity of two words' vectors, in [-1, 1].
pub fn similarity(a: u32, b: u32) -> f32 {
    let Some(t) = table() else { return 0.0 };
    let row = |i: u32| &t.values[i as usize * t.dims..(i as usize + 1) * t.dims];
    let dot: i32 = row(a)
        .iter()
        .zip(row(b))
        .map(|(&x, &y)| i32::from(x as i8) * i32::from(y as i8))
        .sum();
    dot as f32 / (127.0 * 127.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f32 {
        similarity(lookup(a).unwrap(), lookup(b).unwrap())
    }

    #[test]
    fn near_synonyms_are_closer_than_unrelated_words() {
        assert!(sim("killed", "died") > 0.6);
        assert!(sim("troops", "soldiers") > 0.6);
        assert!(sim("market", "food") < 0.3);
        assert!((sim("plant", "plant") - 1.0).abs() < 0.02);
        assert!(lookup("qwzxv").is_none());
    }
}
