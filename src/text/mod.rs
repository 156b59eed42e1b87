//! Text utilities shared by every stage: stop words, word frequencies,
//! normalisation, tokens.

pub mod dates;
pub mod fasthash;
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
    let bytes = text.as_bytes();
    if text.is_ascii() {
        if let Some(words) = single_spaced_words(bytes) {
            return words;
        }
        // Branch-free: a word starts where a space is followed by a
        // non-space.
        let mut count = 0;
        let mut after_space = true;
        for &b in bytes {
            let space = is_ascii_space(b);
            count += usize::from(after_space & !space);
            after_space = space;
        }
        return count;
    }
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, width) = if b.is_ascii() {
            (is_ascii_space(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('x');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            count += 1;
        }
        in_word = !space;
        i += width;
    }
    count
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
/// for other text (and for none). Counted in blocks of 255 bytes
/// into byte-wide sums, which the compiler turns into vector
/// instructions: about a quarter of the instructions of the general count.
pub(crate) fn single_spaced_words(bytes: &[u8]) -> Option<usize> {
    // White space but the plain space (see [`is_ascii_space`]). Written
    // as `contains`: as `matches!` on the same range, or through
    // `is_ascii_space`, the loop below lost its vector instructions
    // (word counts 66 M -> 86 M instructions, callgrind, 1,000 articles).
    let other_space = |b: u8| (b'\t'..=b'\r').contains(&b);
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    if first == b' ' || last == b' ' || other_space(last) {
        return None;
    }
    let (mut spaces, mut irregular) = (0usize, 0u8);
    let (this, next) = (&bytes[..bytes.len() - 1], &bytes[1..]);
    for (this, next) in this.chunks(255).zip(next.chunks(255)) {
        let mut block = 0u8;
        for (&b, &n) in this.iter().zip(next) {
            block += u8::from(b == b' ');
            irregular |= u8::from(b == b' ' && n == b' ') | u8::from(other_space(b));
        }
        spaces += usize::from(block);
    }
    (irregular == 0).then_some(spaces + 1)
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
mod tests {
    /// The spans as the Unicode tables give them, character by character.
    fn reference(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        out
    }

    #[test]
    fn folding_keeps_lower_case_letters_and_digits_only() {
        let by_chars = |t: &str| -> String {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for t in [
            "Five dead, 50 HURT – The Harbour Herald!",
            "",
            "...",
            "a",
            "Zoë Kovačić, 2,300",
            "x\ty\u{7f}Z9",
        ] {
            assert_eq!(super::fold_alnum(t), by_chars(t), "{t:?}");
        }
        assert_eq!(super::fold_alnum("Five dead, 50 HURT!"), "fivedead50hurt");
    }

    #[test]
    fn alnum_spans_match_the_unicode_tables() {
        let pieces = [
            "word",
            " ",
            "Zoë",
            "Kovačić",
            "2,300",
            "—",
            "ß",
            "東京",
            "x²",
            "🙂",
            "\u{a0}",
            "€92",
            "l'été",
            "\t",
            "Ångström",
            "-",
            "٣",
            "ﬁne",
            "'",
            "a",
        ];
        // Every ordered pair and triple of pieces, joined.
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(super::alnum_spans(&text), reference(&text), "{text:?}");
                }
            }
        }
        assert!(super::alnum_spans("").is_empty());
    }

    #[test]
    fn word_count_counts_as_split_whitespace() {
        let pieces = [
            "word", " ", "\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "\t", "\n", "\u{b}", "\u{1c}",
            "Zoë", "東京", "🙂", "—", "  ", "\r\n", "a",
        ];
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let text = format!("{a}{b}{c}");
                    assert_eq!(
                        super::word_count(&text),
                        text.split_whitespace().count(),
                        "{text:?}"
                    );
                }
            }
        }
        // Single-spaced text longer than one block of 255 bytes, and the
        // same with one irregularity at each place in turn.
        let long = vec!["word"; 200].join(" ");
        assert_eq!(super::word_count(&long), 200);
        for at in [0, 254, 255, 256, 510, long.len() - 1] {
            for odd in [" ", "\t", "\u{b}"] {
                let mut text = long.clone();
                text.insert_str(at, odd);
                assert_eq!(
                    super::word_count(&text),
                    text.split_whitespace().count(),
                    "{odd:?} at {at}"
                );
            }
        }
    }
}
