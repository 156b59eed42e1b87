//! Text utilities shared by every stage: stop words, word frequencies,
//! normalisation, tokens.

pub(crate) mod dateline;
pub mod dates;
pub mod fasthash;
pub(crate) mod intern;
pub mod spelling;
mod stopwords;
pub mod tokens;
pub mod vectors;
mod visible;
pub mod wordfreq;

pub use stopwords::{is_stop_word, stop_words};
pub use visible::visible;

/// Byte ranges of the runs of letters and digits in `text` (its words, for
/// matching; punctuation and spaces separate them).
pub fn alnum_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    if text.is_ascii() {
        // Most passages: two tight loops, over the gap and over the word.
        let mut i = 0;
        loop {
            while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i == bytes.len() {
                return out;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(start..i);
        }
    }
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII bytes are judged as bytes; other characters by the
        // Unicode tables (every passage's words pass here).
        let (alnum, width) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alnum {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
        i += width;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Lower-case letters and digits only, for loose comparison.
pub fn fold_alnum(text: &str) -> String {
    // Every passage is folded (to find repeats): ASCII text skips the
    // Unicode tables, by one table lookup a byte and one pass dropping the
    // rest (about half the instructions of a test and push a byte).
    if text.is_ascii() {
        let mut bytes: Vec<u8> = text.bytes().map(|b| ASCII_FOLD[usize::from(b)]).collect();
        bytes.retain(|&b| b != 0);
        // ASCII letters and digits are UTF-8 as they stand.
        return String::from_utf8(bytes).unwrap_or_default();
    }
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A hash of [`fold_alnum`]'s result, without building it (`None` when
/// it would be empty): every sentence is looked up among its article's
/// others, and equal hashes are then compared as text.
pub fn fold_alnum_hash(text: &str) -> Option<u64> {
    // FxHash's step, a byte at a time.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = 0u64;
    let mut any = false;
    let mut feed = |b: u8| {
        hash = (hash.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        any = true;
    };
    if text.is_ascii() {
        for &b in text.as_bytes() {
            let folded = ASCII_FOLD[usize::from(b)];
            if folded != 0 {
                feed(folded);
            }
        }
    } else {
        let mut buf = [0u8; 4];
        for c in text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
        {
            c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
        }
    }
    any.then_some(hash)
}

/// Each byte's lower-case form if it is an ASCII letter or digit, else 0.
const ASCII_FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The number of words of `text`, as `split_whitespace` counts them:
/// ASCII bytes are judged as bytes, other characters by the Unicode
/// tables (every paragraph and sentence is counted while cleaning).
pub fn word_count(text: &str) -> usize {
    if text.is_ascii()
        && let Some(words) = single_spaced_words(text.as_bytes())
    {
        return words;
    }
    words_up_to(text, usize::MAX)
}

/// Whether `text` holds more than `n` words, as `split_whitespace` counts
/// them, reading no further than the word after the `n`th: short lines
/// (date lines, headings) are told from sentences by their first few
/// bytes.
pub(crate) fn more_words_than(text: &str, n: usize) -> bool {
    words_up_to(text, n) > n
}

/// The words of `text` as `split_whitespace` counts them, counted no
/// further than the one after the `limit`th. ASCII is read eight bytes at
/// a time (a byte at a time this cost ~1,000 instructions a paragraph for
/// a date line's limit); other characters by the Unicode tables.
fn words_up_to(text: &str, limit: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the byte before `i` was white space (or there was none).
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() && words <= limit {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            if x & HIGH == 0 {
                let space = swar::bytes_equal(x, b' ') | swar::bytes_between(x, b'\t', b'\r');
                // A word starts at a byte that is no space after one that
                // is (byte k's flag moves up to byte k + 1).
                let before = (space << 8) | (u64::from(after_space) << 7);
                words += (!space & HIGH & before).count_ones() as usize;
                after_space = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, width) = if bytes[i].is_ascii() {
            (is_ascii_space(bytes[i]), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('x');
            (c.is_whitespace(), c.len_utf8())
        };
        words += usize::from(!space && after_space);
        after_space = space;
        i += width;
    }
    words
}

/// How many times the ASCII `byte` occurs in `bytes`, eight bytes at a
/// time.
pub(crate) fn count_byte(bytes: &[u8], byte: u8) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        count += swar::bytes_equal(x, byte).count_ones() as usize;
    }
    count + chunks.remainder().iter().filter(|&&b| b == byte).count()
}

/// Whether an ASCII byte is white space as `char::is_whitespace` sees it:
/// the space, and tab to carriage return (vertical tab and form feed
/// included, which `u8::is_ascii_whitespace` leaves out).
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    b == b' ' || matches!(b, b'\t'..=b'\r')
}

/// The words of `bytes`, known to be ASCII, whose only white space is
/// single plain spaces between words (every cleaned paragraph and
/// sentence, most lines of an article), as the spaces plus one; `None`
/// for other text (and for none). Read eight bytes at a time as one
/// word (the loop the compiler vectorised by itself lost its vector
/// instructions where it was inlined: word counts 66 M -> 108 M
/// instructions, callgrind, 1,000 articles; 56 M read so).
pub(crate) fn single_spaced_words(bytes: &[u8]) -> Option<usize> {
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if first == b' ' || last == b' ' || is_ascii_space(last) {
        return None;
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut spaces = 0usize;
    // Whether the byte before the current word was a space.
    let mut space_before = false;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let space = swar::bytes_equal(x, b' ');
        // Two spaces in a row, inside the word or across its start.
        let double = (space & (space >> 8)) | ((space & 0x80) * u64::from(space_before));
        if double | swar::bytes_between(x, b'\t', b'\r') != 0 {
            return None;
        }
        spaces += space.count_ones() as usize;
        space_before = space >> 63 != 0;
    }
    for &b in chunks.remainder() {
        let space = b == b' ';
        if (space && space_before) || (b'\t'..=b'\r').contains(&b) {
            return None;
        }
        spaces += usize::from(space);
        space_before = space;
    }
    Some(spaces + 1)
}

/// Byte tests on eight ASCII bytes at once (after "Bit Twiddling Hacks"):
/// each returns the word with the top bit of every byte that passes set,
/// and nothing else, exactly for bytes under 0x80.
mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = ONES * 0x7f;
    const HIGH: u64 = ONES * 0x80;

    /// The bytes of `x` equal to `b` (exact for every byte when `b` is
    /// ASCII: a byte of 0x80 or over differs from it in its top bit).
    pub(super) fn bytes_equal(x: u64, b: u8) -> u64 {
        let zero = x ^ (ONES * u64::from(b));
        // Adding 0x7f to the low seven bits of a byte sets its top bit
        // unless they were all zero; no byte carries into the next.
        !(((zero & LOW7) + LOW7) | zero | LOW7)
    }

    /// The bytes of `x` from `lo` to `hi`, both included (`hi` < 0x7f).
    pub(super) fn bytes_between(x: u64, lo: u8, hi: u8) -> u64 {
        let (below, above) = (u64::from(hi) + 1, u64::from(lo));
        let low = x & LOW7;
        // Per byte: 127 + below - b has its top bit while b < below,
        // b + 127 - (above - 1) while b >= above.
        (ONES * (127 + below)).wrapping_sub(low) & !x & (low + ONES * (128 - above)) & HIGH
    }
}

/// Cuts `text` to at most `width` terminal columns, ending with '…' when cut.
pub fn truncate_to_width(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests;
