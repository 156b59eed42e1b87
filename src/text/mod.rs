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
