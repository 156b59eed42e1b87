//! Tokenising passage text for matching: folded words (NFKC, lower case, no
//! diacritics, quotes and dashes unified), stems, and numbers parsed as
//! values with their unit and scale.

use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::fasthash::FastMap;
use super::intern::intern;
use super::is_stop_word;

mod numbers;

pub(crate) use numbers::scale_word;
use numbers::{currency_symbol, currency_word, number_key, number_word};
pub use numbers::{number_word_value, parse_digits};

/// A number as stated: its value after scale words, and its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    /// "%", a currency ("EUR", "USD", "GBP", ...) or a unit word's stem.
    pub unit: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Word,
    Number(Quantity),
}

/// One token of a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Folded surface form ("kovacic", "2300"), shared with every other
    /// token of the word (interned: see `text::intern`).
    pub folded: &'static str,
    /// What matching compares: the stem of a word, `#value` for a number.
    pub key: &'static str,
    /// Byte range in the passage text (for a number, including its unit).
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Starts with a capital letter in the text.
    pub capitalised: bool,
    pub stop: bool,
    /// What the word tables say of the folded word: its English Zipf
    /// frequency (see [`super::wordfreq::zipf_or_rare`]; a number written
    /// in digits has none and reads 0) and its word vector. Looked up once
    /// per word a thread reads, with the folding and the stem, rather than
    /// by every reader of every token.
    pub english: WordTables,
}

/// See [`Token::english`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordTables {
    pub zipf: f32,
    pub vector: Option<u32>,
}

impl Token {
    pub fn is_number(&self) -> bool {
        matches!(self.kind, TokenKind::Number(_))
    }
}

/// A word's folded form, its key, whether it is a function word, and
/// what the word tables say of it.
type ReadWord = (&'static str, &'static str, bool, WordTables);

/// A word as written, read: folded, what matching compares (the word
/// itself for a function word, its stem otherwise), and whether it is a
/// function word. Folding, stemming and the function-word lookup were
/// most of tokenising, with three allocations a word, and texts repeat
/// their words: each thread remembers the words it saw, and a word seen
/// again costs a lookup (its strings are interned: copied for free).
fn read_word(written: &str) -> ReadWord {
    /// Cached words per thread before the cache starts over.
    const CACHE_LIMIT: usize = 200_000;
    thread_local! {
        static WORDS: std::cell::RefCell<FastMap<Box<str>, ReadWord>> =
            std::cell::RefCell::new(FastMap::default());
    }
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(&(folded, key, stop, english)) = cache.get(written) {
            return (folded, key, stop, english);
        }
        let folded = intern(&fold_word(written));
        let stop = is_stop_word(folded);
        let key = if stop { folded } else { intern(&stem(folded)) };
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        let english = WordTables {
            zipf: super::wordfreq::zipf_or_rare(folded),
            vector: super::vectors::lookup(folded),
        };
        let read = (folded, key, stop, english);
        cache.insert(written.into(), read);
        read
    })
}

/// The stem of a folded word.
fn stem(folded: &str) -> String {
    /// Longer "words" are not English words, and the Snowball stemmer's
    /// prelude is quadratic on some (a run of "ay": 800 KB took 21 s):
    /// they stay as they are.
    const MAX_STEMMED_BYTES: usize = 40;
    if folded.len() > MAX_STEMMED_BYTES {
        return folded.to_owned();
    }
    stemmer().stem(folded).into_owned()
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Lower case without diacritics; typographic quotes and dashes unified.
pub fn fold_word(word: &str) -> String {
    // Most words are ASCII: normalisation leaves them as they are.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(fold_punctuation)
        .collect()
}

/// Curly quotes to straight ones, dashes to '-'.
pub fn fold_punctuation(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        _ => c,
    }
}

/// A raw word or number run before interpretation.
struct Piece<'a> {
    text: &'a str,
    range: Range<usize>,
    /// The character just before it ('\0' at the start).
    before: char,
    /// The text right after it.
    after: &'a str,
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    // The character before the one at hand ('\0' at the start).
    let mut previous = '\0';
    let mut at = 0;
    while at < bytes.len() {
        let (c, width) = char_at(text, at);
        if !c.is_alphanumeric() {
            previous = c;
            at += width;
            continue;
        }
        let start = at;
        let (mut last, mut end) = (c, at + width);
        while end < bytes.len() {
            let (d, width) = char_at(text, end);
            // "2,300", "11.4": separators between digits join them.
            let joins_digits = matches!(d, '.' | ',')
                && last.is_ascii_digit()
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
            if !(d.is_alphanumeric() || joins_digits) {
                break;
            }
            (last, end) = (d, end + width);
        }
        // "15ft", "5am", "£5bn": a figure written against its unit is two
        // pieces, so the figure is read as one ("1st", "1990s" stay whole).
        let run = &text[start..end];
        let digits = run
            .bytes()
            .take_while(|&b| b.is_ascii_digit() || b == b'.' || b == b',')
            .count();
        if digits > 0 && digits < run.len() && glued_unit(&run[digits..]) {
            let split = start + digits;
            out.push(Piece {
                text: &text[start..split],
                range: start..split,
                before: previous,
                after: &text[split..],
            });
            out.push(Piece {
                text: &text[split..end],
                range: split..end,
                // (The figure's last character is an ASCII digit or separator.)
                before: char::from(bytes[split - 1]),
                after: &text[end..],
            });
        } else {
            out.push(Piece {
                text: run,
                range: start..end,
                before: previous,
                after: &text[end..],
            });
        }
        previous = last;
        at = end;
    }
    out
}

/// The character starting at byte `at` of `text` and its width: most
/// text is ASCII, read a byte at a time without decoding (decoding every
/// character was a fifth of tokenising).
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\0');
    (c, c.len_utf8())
}

/// Units and scales written straight after a figure ("15ft", "10km",
/// "5am", "£5bn"), in lower case as news writes them.
fn glued_unit(suffix: &str) -> bool {
    matches!(
        suffix,
        "ft" | "km"
            | "kg"
            | "lb"
            | "lbs"
            | "mph"
            | "kph"
            | "kmh"
            | "cm"
            | "mm"
            | "m"
            | "bn"
            | "tn"
            | "am"
            | "pm"
    )
}

/// Tokenises one passage.
pub fn tokenize(text: &str) -> Vec<Token> {
    let pieces = pieces(text);
    let mut tokens: Vec<Token> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let p = &pieces[i];
        let capitalised = p.text.starts_with(char::is_uppercase);
        // Digits fold to themselves and are seldom repeated: interned as
        // written, not kept in the thread's cache of read words.
        let digits = parse_digits(p.text);
        let (folded, word_key, stop, english) = match digits {
            Some(_) => {
                let folded = intern(p.text);
                (folded, folded, false, WordTables::default())
            }
            None => read_word(p.text),
        };
        let numeric = digits.or_else(|| number_word(folded));
        if let Some(mut value) = numeric {
            let mut end = p.range.end;
            let mut unit = currency_symbol(p.before);
            let mut consumed = 1;
            // "Fifty-one": tens and units joined by a hyphen.
            if (20.0..100.0).contains(&value)
                && p.after.starts_with(['-', '‑'])
                && let Some(next) = pieces.get(i + 1)
                && let Some(u) = number_word(read_word(next.text).0).filter(|u| *u < 10.0)
            {
                value += u;
                end = next.range.end;
                consumed = 2;
            }
            if p.after.starts_with('%') {
                unit = Some("%");
                end += 1;
            }
            // Scale and currency words that follow: "92 million euros", "2.4 bn".
            let mut k = i + consumed;
            while let Some(next) = pieces.get(k) {
                let gap = &text[end..next.range.start];
                if !gap.trim().is_empty() {
                    break;
                }
                let (word, ..) = read_word(next.text);
                if let Some(scale) = scale_word(word) {
                    value *= scale;
                } else if let Some(cur) = currency_word(word).filter(|_| unit.is_none()) {
                    unit = Some(cur);
                } else if word == "percent"
                    || word == "per" && text[next.range.end..].trim_start().starts_with("cent")
                {
                    unit = Some("%");
                } else {
                    break;
                }
                end = next.range.end;
                k += 1;
            }
            tokens.push(Token {
                key: intern(&number_key(value, unit)),
                folded,
                range: p.range.start..end,
                kind: TokenKind::Number(Quantity { value, unit }),
                capitalised,
                stop: false,
                english,
            });
            i = k;
            continue;
        }
        tokens.push(Token {
            folded,
            key: word_key,
            range: p.range.clone(),
            kind: TokenKind::Word,
            capitalised,
            stop,
            english,
        });
        i += 1;
    }
    tokens
}

#[cfg(test)]
mod tests;
