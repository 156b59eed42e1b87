//! Keyword filtering with fzf's query syntax, matched word by word.
//!
//! A query is space-separated terms that must all match: `word` (fuzzy
//! within one word: a substring, a prefix, the letters in order within a
//! short span, or one typo), `'exact` (a whole word), `^prefix` (a word's
//! start), `suffix$` (the end of the item's last word, as fzf anchors the
//! end of a line), `!term` (no word may match). Punctuation in a term
//! separates words ("£92" looks for 92). Smart case: a term with a
//! capital letter is case-sensitive. Terms are matched against the
//! vocabulary (distinct words), not against every item, so the cost of a
//! keystroke grows with the vocabulary, which grows far slower than the
//! corpus.

use std::collections::HashMap;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::lists::Lists;
use unicode_normalization::UnicodeNormalization;

mod word_match;

use word_match::match_word;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub kind: TermKind,
    pub negated: bool,
    pub case_sensitive: bool,
}

/// Parses an fzf-style query.
pub fn parse(query: &str) -> Vec<Term> {
    query
        .split_whitespace()
        .flat_map(|raw| {
            let (negated, rest) = match raw.strip_prefix('!') {
                Some(r) => (true, r),
                None => (false, raw),
            };
            let (kind, text) = if let Some(t) = rest.strip_prefix('\'') {
                (TermKind::Exact, t)
            } else if let Some(t) = rest.strip_prefix('^') {
                (TermKind::Prefix, t)
            } else if let Some(t) = rest.strip_suffix('$') {
                (TermKind::Suffix, t)
            } else {
                (TermKind::Fuzzy, rest)
            };
            // Words are runs of letters and digits: "£92" looks for "92",
            // "Jong-un" for "Jong" and "un".
            let pieces: Vec<String> = crate::text::alnum_spans(text)
                .into_iter()
                .map(|r| fold_chars(&text[r], true))
                .collect();
            let count = pieces.len();
            pieces.into_iter().enumerate().map(move |(k, text)| {
                // An anchor holds for the piece at its end of the term.
                let kind = match kind {
                    TermKind::Prefix if k > 0 => TermKind::Fuzzy,
                    TermKind::Suffix if k + 1 < count => TermKind::Fuzzy,
                    kind => kind,
                };
                Term {
                    case_sensitive: text.chars().any(char::is_uppercase),
                    text: if text.chars().any(char::is_uppercase) {
                        text.clone()
                    } else {
                        text.to_lowercase()
                    },
                    kind,
                    negated,
                }
            })
        })
        .collect()
}

/// Folds each character to one character without diacritics, keeping the
/// count of characters (so match positions map back), and optionally case.
fn fold_chars(text: &str, keep_case: bool) -> String {
    text.chars()
        .map(|c| {
            let base = c.to_string().nfkd().next().unwrap_or(c);
            if keep_case {
                base
            } else {
                base.to_lowercase().next().unwrap_or(base)
            }
        })
        .collect()
}

/// Matching words of the vocabulary: word id → (score, matched character
/// positions in the word).
/// The vocabulary words one term matches: a slot per word id (dense, as
/// every word of every candidate item is looked up), and for each match its
/// score and matched character positions.
struct WordMatches {
    slot: Vec<u32>,
    found: Vec<(u32, i64, Vec<usize>)>,
}

impl WordMatches {
    const NONE: u32 = u32::MAX;

    fn get(&self, word: u32) -> Option<(i64, &[usize])> {
        match self.slot.get(word as usize) {
            Some(&k) if k != Self::NONE => {
                let (_, score, positions) = &self.found[k as usize];
                Some((*score, positions))
            }
            _ => None,
        }
    }

    fn words(&self) -> impl Iterator<Item = u32> + '_ {
        self.found.iter().map(|f| f.0)
    }
}

/// One word of a searchable item: which word, and where it starts in the
/// item's text (texts over 4 GiB are not articles). Its end is found in
/// the text when it is highlighted: 8 bytes, not 12, for each of the
/// millions of words of a large corpus.
#[derive(Debug, Clone, Copy)]
struct ItemWord {
    word: u32,
    start: u32,
}

impl ItemWord {
    /// The word's byte range in `text`, its item's: the run of letters and
    /// digits from its start (as [`crate::text::alnum_spans`] found it).
    fn range(&self, text: &str) -> Range<usize> {
        let start = self.start as usize;
        let rest = text.get(start..).unwrap_or("");
        let len = rest
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(rest.len(), |(k, _)| k);
        start..start + len
    }
}

/// A searchable list of texts. The items' words are kept one after another
/// in a flat list (at 10,000 articles, 300,000 passages: a list of its own
/// for each cost more in headers than in words). A word written in ASCII
/// is its folded self, a character a byte: its highlights need no text.
/// Only the texts of items with other words are kept (to find their
/// characters' bytes), one after another.
#[derive(Debug, Default)]
pub struct Index {
    /// Distinct words as written (diacritics folded).
    words: Vec<String>,
    /// The same, lower case.
    lower: Vec<String>,
    ids: HashMap<String, u32>,
    /// Items containing each word.
    postings: Vec<Vec<u32>>,
    /// Every item's words, in order.
    item_words: Lists<ItemWord>,
    /// The texts of the items with a word not in ASCII, one after
    /// another, and (item, where its text is) for each, by item.
    unicode_text: String,
    unicode_items: Vec<(u32, Range<usize>)>,
}

/// One item that matches, with the byte ranges of its matched characters.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
    pub highlights: Vec<Range<usize>>,
}

impl Index {
    pub fn new<S: AsRef<str>>(texts: &[S]) -> Self {
        let mut index = Index::default();
        let mut words = Vec::new();
        for (item, text) in texts.iter().enumerate() {
            let text = text.as_ref();
            let mut unicode = false;
            for range in crate::text::alnum_spans(text) {
                let (s, i) = (range.start, range.end);
                if i > u32::MAX as usize {
                    // Offsets are stored in 32 bits: words past 4 GiB are not indexed.
                    break;
                }
                unicode |= !text[s..i].is_ascii();
                let folded = fold_chars(&text[s..i], true);
                let id = match index.ids.get(&folded) {
                    Some(&id) => id,
                    None => {
                        let id = index.words.len() as u32;
                        index.ids.insert(folded.clone(), id);
                        index.lower.push(folded.to_lowercase());
                        index.words.push(folded);
                        index.postings.push(Vec::new());
                        id
                    }
                };
                if index.postings[id as usize].last() != Some(&(item as u32)) {
                    index.postings[id as usize].push(item as u32);
                }
                words.push(ItemWord {
                    word: id,
                    start: s as u32,
                });
            }
            index.item_words.push(words.drain(..));
            if unicode {
                let start = index.unicode_text.len();
                index.unicode_text.push_str(text);
                // (Items number far fewer than four billion: see `postings`.)
                let range = start..index.unicode_text.len();
                index.unicode_items.push((item as u32, range));
            }
        }
        index.item_words.shrink_to_fit();
        index.unicode_text.shrink_to_fit();
        index
    }

    /// Item `i`'s words, in order.
    fn words_of(&self, i: usize) -> &[ItemWord] {
        &self.item_words[i]
    }

    /// Item `i`'s text, if it has a word not in ASCII.
    fn unicode_text_of(&self, i: usize) -> Option<&str> {
        let k = self
            .unicode_items
            .binary_search_by_key(&i, |(item, _)| *item as usize)
            .ok()?;
        self.unicode_text.get(self.unicode_items[k].1.clone())
    }

    /// The bytes of the characters at `positions` (ascending) of word
    /// `iw` of item `item`.
    fn highlights(&self, item: usize, iw: &ItemWord, positions: &[usize]) -> Vec<Range<usize>> {
        let at = |o: usize| iw.start as usize + o;
        let Some(text) = self.unicode_text_of(item) else {
            // An ASCII word: its folded self, a character a byte.
            let len = self.words[iw.word as usize].len();
            return positions
                .iter()
                .filter(|&&p| p < len)
                .map(|&p| at(p)..at(p) + 1)
                .collect();
        };
        let mut out = Vec::new();
        let mut wanted = positions.iter().peekable();
        for (k, (o, c)) in text[iw.range(text)].char_indices().enumerate() {
            while wanted.next_if(|&&p| p < k).is_some() {}
            if wanted.next_if(|&&p| p == k).is_some() {
                out.push(at(o)..at(o) + c.len_utf8());
            }
            if wanted.peek().is_none() {
                break;
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.item_words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct words.
    pub fn vocabulary(&self) -> usize {
        self.words.len()
    }

    /// Matching words of the vocabulary for one term: word id → (score,
    /// matched char positions in the word).
    fn matching_words(&self, term: &Term, matcher: &SkimMatcherV2) -> WordMatches {
        let mut matches = WordMatches {
            slot: vec![WordMatches::NONE; self.words.len()],
            found: Vec::new(),
        };
        for (id, (word, lower)) in self.words.iter().zip(&self.lower).enumerate() {
            let candidate = if term.case_sensitive { word } else { lower };
            if let Some((score, positions)) = match_word(candidate, term, matcher) {
                matches.slot[id] = matches.found.len() as u32;
                matches.found.push((id as u32, score, positions));
            }
        }
        matches
    }

    /// The items holding any of the words, in order.
    fn items_holding(&self, words: &WordMatches) -> Vec<usize> {
        let total: usize = words.words().map(|w| self.postings[w as usize].len()).sum();
        let items = words
            .words()
            .flat_map(|w| self.postings[w as usize].iter().map(|&i| i as usize));
        if total > self.len() / 16 {
            // Many postings (a one-letter prefix): a mark per item beats
            // sorting them.
            let mut held = vec![false; self.len()];
            for i in items {
                held[i] = true;
            }
            (0..held.len()).filter(|&i| held[i]).collect()
        } else {
            let mut c: Vec<usize> = items.collect();
            c.sort_unstable();
            c.dedup();
            c
        }
    }

    /// Items matching every term, best first (ties in item order).
    /// `within` restricts the search to earlier hits (the query grew).
    pub fn search(&self, terms: &[Term], within: Option<&[usize]>) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().respect_case();
        let per_term: Vec<(bool, WordMatches)> = terms
            .iter()
            .map(|t| (t.negated, self.matching_words(t, &matcher)))
            .collect();
        // `suffix$` anchors the end of the item, as in fzf: only its last
        // word may match.
        let at_end: Vec<bool> = terms.iter().map(|t| t.kind == TermKind::Suffix).collect();
        // Candidates: items holding a matching word of the rarest positive
        // term; with only negations, every item.
        let mut candidates: Vec<usize> =
            match per_term
                .iter()
                .filter(|(neg, _)| !neg)
                .min_by_key(|(_, words)| {
                    words
                        .words()
                        .map(|w| self.postings[w as usize].len())
                        .sum::<usize>()
                }) {
                Some((_, words)) => self.items_holding(words),
                None => (0..self.len()).collect(),
            };
        if let Some(within) = within {
            candidates.retain(|c| within.binary_search(c).is_ok());
        }
        let mut hits = Vec::new();
        'items: for item in candidates {
            let mut score = 0;
            let mut highlights = Vec::new();
            for ((negated, words), &at_end) in per_term.iter().zip(&at_end) {
                let item_words = self.words_of(item);
                let eligible = if at_end {
                    &item_words[item_words.len().saturating_sub(1)..]
                } else {
                    item_words
                };
                let best = eligible
                    .iter()
                    .filter_map(|iw| words.get(iw.word).map(|m| (iw, m)))
                    .max_by_key(|(_, m)| m.0);
                match (negated, best) {
                    (true, Some(_)) => continue 'items,
                    (true, None) => {}
                    (false, None) => continue 'items,
                    (false, Some((iw, (s, positions)))) => {
                        score += s;
                        // Positions are characters of the word, ascending.
                        highlights.extend(self.highlights(item, iw, positions));
                    }
                }
            }
            highlights.sort_by_key(|r| r.start);
            highlights.dedup();
            hits.push(Hit {
                item,
                score,
                highlights,
            });
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.item.cmp(&b.item)));
        hits
    }
}

#[cfg(test)]
mod tests;
