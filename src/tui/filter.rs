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

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;

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

/// One searchable item's words.
#[derive(Debug, Clone)]
struct ItemWord {
    word: u32,
    /// Byte offset of the word in the item's text (texts over 4 GiB are
    /// not articles), and its length.
    start: u32,
    len: u32,
}

impl ItemWord {
    fn range(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

/// A searchable list of texts.
#[derive(Debug, Default)]
pub struct Index {
    /// Distinct words as written (diacritics folded).
    words: Vec<String>,
    /// The same, lower case.
    lower: Vec<String>,
    ids: HashMap<String, u32>,
    /// Items containing each word.
    postings: Vec<Vec<u32>>,
    items: Vec<Vec<ItemWord>>,
    texts: Vec<String>,
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
        for (item, text) in texts.iter().enumerate() {
            let text = text.as_ref();
            let mut words = Vec::new();
            for range in crate::text::alnum_spans(text) {
                let (s, i) = (range.start, range.end);
                if i > u32::MAX as usize {
                    // Offsets are stored in 32 bits: words past 4 GiB are not indexed.
                    break;
                }
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
                    len: (i - s) as u32,
                });
            }
            index.items.push(words);
            index.texts.push(text.to_owned());
        }
        index
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
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
        if total > self.items.len() / 16 {
            // Many postings (a one-letter prefix): a mark per item beats
            // sorting them.
            let mut held = vec![false; self.items.len()];
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
                None => (0..self.items.len()).collect(),
            };
        if let Some(within) = within {
            candidates.retain(|c| within.binary_search(c).is_ok());
        }
        let mut hits = Vec::new();
        'items: for item in candidates {
            let mut score = 0;
            let mut highlights = Vec::new();
            for ((negated, words), &at_end) in per_term.iter().zip(&at_end) {
                let item_words = &self.items[item];
                let eligible = if at_end {
                    &item_words[item_words.len().saturating_sub(1)..]
                } else {
                    &item_words[..]
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
                        let word_text = &self.texts[item][iw.range()];
                        let mut wanted = positions.iter().peekable();
                        for (k, (o, c)) in word_text.char_indices().enumerate() {
                            while wanted.next_if(|&&p| p < k).is_some() {}
                            if wanted.next_if(|&&p| p == k).is_some() {
                                let at = iw.start as usize + o;
                                highlights.push(at..at + c.len_utf8());
                            }
                            if wanted.peek().is_none() {
                                break;
                            }
                        }
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

/// Shortest fuzzy term matched inside words (shorter ones: prefixes only).
const MIN_INNER_MATCH: usize = 3;

/// Whether `word` matches `term`, with a score and the matched positions.
fn match_word(word: &str, term: &Term, matcher: &SkimMatcherV2) -> Option<(i64, Vec<usize>)> {
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
fn letters_missing(term: &str, word: &str, n: usize) -> usize {
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
fn has_tight_subsequence(needle: &str, haystack: &str, width: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(texts: &[&str], query: &str) -> Vec<usize> {
        Index::new(texts)
            .search(&parse(query), None)
            .into_iter()
            .map(|h| h.item)
            .collect()
    }

    #[test]
    fn parses_fzf_syntax() {
        let t = parse("veto 'exact ^pre suf$ !not Kim");
        assert_eq!(
            t.iter().map(|t| t.kind).collect::<Vec<_>>(),
            vec![
                TermKind::Fuzzy,
                TermKind::Exact,
                TermKind::Prefix,
                TermKind::Suffix,
                TermKind::Fuzzy,
                TermKind::Fuzzy
            ]
        );
        assert!(t[4].negated && !t[0].negated);
        assert!(t[5].case_sensitive && !t[0].case_sensitive);
        assert!(parse("  ").is_empty());
    }

    #[test]
    fn punctuation_in_a_term_separates_words_and_dollar_anchors_the_end() {
        let texts = [
            "a fund of £92 million for the families",
            "Kim flew to Pyongyang on Monday",
            "talks were held in Pyongyang",
        ];
        assert_eq!(hits(&texts, "£92"), vec![0]);
        assert_eq!(hits(&texts, "£92m"), Vec::<usize>::new());
        // fzf's `$` anchors the end of the item, not of any word.
        assert_eq!(hits(&texts, "Pyongyang$"), vec![2]);
        assert_eq!(hits(&texts, "yang$"), vec![2]);
        assert_eq!(parse("Jong-un").len(), 2);
        assert!(parse("'").is_empty());
    }

    #[test]
    fn terms_match_within_one_word_not_across_a_sentence() {
        let texts = [
            "it was very likely true to them",
            "Moscow used its veto in March",
        ];
        assert_eq!(hits(&texts, "veto"), vec![1]);
    }

    #[test]
    fn prefix_substring_fuzzy_and_typo() {
        let texts = [
            "The explosion killed five",
            "Prosecutor opened an investigation",
            "Kovačić declared mourning",
        ];
        assert_eq!(hits(&texts, "explo"), vec![0]);
        assert_eq!(
            hits(&texts, "n"),
            Vec::<usize>::new(),
            "one letter matches word starts only"
        );
        assert_eq!(hits(&texts, "k"), vec![0, 2]);
        assert_eq!(hits(&texts, "vestig"), vec![1]);
        assert_eq!(hits(&texts, "invstigation"), vec![1]);
        assert_eq!(hits(&texts, "kovacic"), vec![2]);
        assert_eq!(hits(&texts, "mourning killed"), Vec::<usize>::new());
    }

    #[test]
    fn exact_prefix_suffix_negation_and_smart_case() {
        let texts = ["Kim said it", "kimchi is food", "the skim milk"];
        assert_eq!(hits(&texts, "'kim"), vec![0]);
        assert_eq!(hits(&texts, "^kim"), vec![0, 1]);
        // `$` anchors the item's end: "skim" and "Kim" stand inside.
        assert!(hits(&texts, "kim$").is_empty());
        assert_eq!(hits(&texts, "ilk$"), vec![2]);
        assert_eq!(hits(&texts, "Kim"), vec![0]);
        assert_eq!(hits(&texts, "^kim !food"), vec![0]);
        assert_eq!(hits(&texts, "!milk").len(), 2);
    }

    #[test]
    fn best_matches_first_and_highlights_map_to_bytes() {
        let texts = ["a fund was promised", "the refund came"];
        let index = Index::new(&texts);
        let found = index.search(&parse("fund"), None);
        assert_eq!(found[0].item, 0, "a prefix beats a substring");
        assert_eq!(
            &texts[0][found[0].highlights[0].start..found[0].highlights[3].end],
            "fund"
        );
        let narrowed = index.search(&parse("fund prom"), Some(&[0, 1]));
        assert_eq!(narrowed.len(), 1);
    }

    #[test]
    fn quick_rejections_agree_with_what_they_guard() {
        assert!(has_tight_subsequence("vto", "veto", 5));
        assert!(has_tight_subsequence("abc", "xaxbxc", 5));
        assert!(!has_tight_subsequence("abc", "axxxxbc", 5));
        assert!(!has_tight_subsequence("abc", "cba", 5));
        assert!(has_tight_subsequence("", "anything", 2));
        assert!(has_tight_subsequence("éa", "xéya", 3));
        assert_eq!(letters_missing("north", "nrothern", 5), 0);
        assert_eq!(letters_missing("north", "south", 5), 2);
        assert_eq!(letters_missing("noon", "none", 4), 1);
        assert_eq!(letters_missing("café", "cafe", 4), 1);
        // A word the typo rule accepts is never rejected by the bound.
        for (term, word) in [
            ("nroth", "northern"),
            ("kestral", "kestrel"),
            ("minstre", "minister"),
        ] {
            let tn = term.chars().count();
            let prefix: String = word.chars().take(tn).collect();
            let distance = crate::text::spelling::levenshtein(&prefix, term);
            assert!(letters_missing(term, word, tn) <= distance, "{term} {word}");
        }
    }
}
