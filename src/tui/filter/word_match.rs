//! One query term against one word of the vocabulary: exact, prefix,
//! suffix, or fuzzy (a substring, the letters in order within a short
//! span, or one typo).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{Term, TermKind};

/// Shortest fuzzy term matched inside words (shorter ones: prefixes only).
const MIN_INNER_MATCH: usize = 3;

/// Whether `word` matches `term`, with a score and the matched positions.
pub(super) fn match_word(
    word: &str,
    term: &Term,
    matcher: &SkimMatcherV2,
) -> Option<(i64, Vec<usize>)> {
    let t = term.text.as_str();
    let tn = t.chars().count();
    let wn = word.chars().count();
    let span = |start: usize| (start..start + tn).collect::<Vec<usize>>();
    match term.kind {
        TermKind::Exact => (word == t).then(|| (300, span(0))),
        TermKind::Prefix => word.starts_with(t).then(|| (250, span(0))),
        TermKind::Suffix => word.ends_with(t).then(|| (250, span(wn - tn))),
        TermKind::Fuzzy => {
            if word.starts_with(t) {
                return Some((200 + (tn * 10) as i64 - (wn - tn) as i64, span(0)));
            }
            // One or two letters inside words match nearly everything: a
            // short term matches the start of a word only.
            if tn < MIN_INNER_MATCH {
                return None;
            }
            if let Some(byte) = word.find(t) {
                let start = word[..byte].chars().count();
                return Some((150 - start as i64, span(start)));
            }
            // Letters in order within a short span ("vto" in "veto"); most
            // words lack the letters in order, which is quick to see.
            if has_tight_subsequence(t, word, tn + 2)
                && let Some((score, positions)) = matcher.fuzzy_indices(word, t)
            {
                let width = positions
                    .last()
                    .zip(positions.first())
                    .map_or(usize::MAX, |(l, f)| l - f + 1);
                if width <= tn + 2 {
                    return Some((score.min(100), positions));
                }
            }
            // One typo (two for long terms) against the word's start.
            let allowed = if tn >= 8 {
                2
            } else if tn >= 4 {
                1
            } else {
                0
            };
            if allowed > 0 && wn + 1 >= tn && letters_missing(t, word, tn) <= allowed {
                let prefix: String = word.chars().take(tn).collect();
                if crate::text::spelling::within_edits(&prefix, t, allowed) {
                    return Some((50, span(0).into_iter().filter(|&p| p < wn).collect()));
                }
            }
            None
        }
    }
}

/// How many characters of `term` (counted with repeats) the first `n`
/// characters of `word` lack: a lower bound of their edit distance, cheap
/// enough to skip most words before computing it.
pub(super) fn letters_missing(term: &str, word: &str, n: usize) -> usize {
    if term.is_ascii() && word.is_ascii() {
        let mut have = [0u8; 128];
        for b in word.bytes().take(n) {
            have[usize::from(b)] = have[usize::from(b)].saturating_add(1);
        }
        return term
            .bytes()
            .filter(|&b| {
                let slot = &mut have[usize::from(b)];
                let missing = *slot == 0;
                *slot = slot.saturating_sub(1);
                missing
            })
            .count();
    }
    let mut have: Vec<char> = word.chars().take(n).collect();
    let mut missing = 0;
    for c in term.chars() {
        match have.iter().position(|&h| h == c) {
            Some(i) => {
                have.swap_remove(i);
            }
            None => missing += 1,
        }
    }
    missing
}

/// Whether the characters of `needle` occur in order within some
/// `width` consecutive characters of `haystack` (what the fuzzy matcher's
/// answer is then checked for, so words failing this need not be scored).
/// Runs for every word of the vocabulary: no allocation.
pub(super) fn has_tight_subsequence(needle: &str, haystack: &str, width: usize) -> bool {
    let mut chars = needle.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let rest = chars.as_str();
    haystack
        .char_indices()
        .filter(|&(_, c)| c == first)
        .any(|(i, c)| {
            let mut window = haystack[i + c.len_utf8()..]
                .chars()
                .take(width.saturating_sub(1));
            rest.chars().all(|n| window.any(|h| h == n))
        })
}
