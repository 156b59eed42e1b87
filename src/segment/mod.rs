//! Stage 3: splitting a paragraph into sentences.
//!
//! A rule-based splitter: a sentence ends at `.`, `!`, `?` or an ellipsis
//! (plus any closing quotes and brackets), when white space and a plausible
//! sentence opening follow. Abbreviations, initials, decimals, times and
//! lower-case continuations do not end sentences.

mod abbreviations;

use std::ops::Range;

pub use abbreviations::{Abbreviation, classify};

use crate::text::is_stop_word;

const TERMINATORS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '›'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '‹', '¿', '¡'];

/// Byte ranges of the sentences of `text`, trimmed, in order, covering every
/// non-space character.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // Every paragraph is split: the text between terminators is skipped
    // byte by byte ('.', '!', '?', and the first byte of '…'), not decoded
    // character by character.
    while let Some(found) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        let i = from + found;
        let c = text[i..].chars().next().unwrap_or(' ');
        if !TERMINATORS.contains(&c) {
            // Another character of the same first byte ('—', '’', …).
            from = i + c.len_utf8();
            continue;
        }
        // The whole run of terminators and closers ends the candidate.
        let mut end = i + c.len_utf8();
        let mut only_full_stop = c == '.';
        for d in text[end..].chars() {
            if TERMINATORS.contains(&d) || CLOSERS.contains(&d) {
                only_full_stop &= d != '!' && d != '?' && d != '…';
                end += d.len_utf8();
            } else {
                break;
            }
        }
        from = end;
        let rest = &text[end..];
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let single_stop = only_full_stop && text[i..end].matches('.').count() == 1;
        let before = &text[start..i];
        if is_boundary(before, rest.trim_start(), single_stop) {
            push_trimmed(&mut sentences, text, start..end);
            start = end;
        }
    }
    push_trimmed(&mut sentences, text, start..text.len());
    sentences
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether a sentence ends between `before` (the text since the last
/// boundary, up to the terminator) and `next` (the text after it).
fn is_boundary(before: &str, next: &str, single_stop: bool) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    if after_dateline(next) {
        return false;
    }
    // An embedded post's link after its text ("Happy 17th birthday to
    // Harambe! https://t.co/… — Cincinnati Zoo (@CincinnatiZoo) May 27"):
    // the post's sentence is one passage, the link and its credit, which
    // cleaning marks as furniture, another.
    if crate::clean::EMBED_LINKS
        .iter()
        .any(|l| next.starts_with(l))
    {
        return true;
    }
    // Skip opening quotes and brackets to find the first letter.
    let opening = next.trim_start_matches(OPENERS);
    let first_letter = opening.chars().next().unwrap_or(first);
    if first_letter.is_lowercase() {
        return false;
    }
    if !single_stop {
        return true;
    }
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // "1." or "a)" opening a list item is not a sentence.
    if before.trim() == word && word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
        return false;
    }
    match classify(word) {
        None => true,
        Some(Abbreviation::Binding) => false,
        Some(Abbreviation::Month) => !first_letter.is_ascii_digit() && opens_sentence(opening),
        Some(Abbreviation::Ambiguous) => opens_sentence(opening),
    }
}

/// Whether `next` goes on after a dateline ending in an abbreviation
/// ("TEMPE, Ariz. — Say goodbye", "ERIE, Pa. (AP) - Snow"): a dash, or an
/// agency's name in brackets and a dash, opens no sentence.
fn after_dateline(next: &str) -> bool {
    const MAX_AGENCY_BYTES: usize = 24;
    let rest = match next.strip_prefix('(') {
        Some(inner) => match inner.find(')') {
            Some(close) if close <= MAX_AGENCY_BYTES => inner[close + 1..].trim_start(),
            _ => return false,
        },
        None => next,
    };
    rest.starts_with(['—', '–', '-'])
}

/// A capitalised function word ("The", "He", "But") typically opens a
/// sentence; a capitalised content word after an abbreviation is more often
/// a name ("U.N. Security Council").
fn opens_sentence(next: &str) -> bool {
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
        .collect();
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && is_stop_word(&word.to_lowercase())
}

/// Whether `line` ends with an abbreviation's full stop (so a line break
/// after it, before a number, is not a paragraph break).
pub fn ends_with_abbreviation(line: &str) -> bool {
    let Some(stem) = line.strip_suffix('.') else {
        return false;
    };
    let word = stem.rsplit(char::is_whitespace).next().unwrap_or("");
    classify(word).is_some()
}

#[cfg(test)]
mod tests;
