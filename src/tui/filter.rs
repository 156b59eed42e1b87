//! Keyword filtering with fzf's query syntax, matched word by word.
//!
//! A query is space-separated terms that must all match: `word` (fuzzy
//! within one word: a substring, a prefix, the letters in order within a
//! short span, or one typo), `'exact` (a whole word), `^prefix`,
//! `suffix$`, `!term` (no word may match). Smart case: a term with a
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
        .filter_map(|raw| {
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
            let text = fold_chars(text, true);
            (!text.is_empty()).then(|| Term {
                case_sensitive: text.chars().any(char::is_uppercase),
                text: if text.chars().any(char::is_uppercase) {
                    text.clone()
                } else {
                    text.to_lowercase()
                },
                kind,
                negated,
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
type WordMatches = HashMap<u32, (i64, Vec<usize>)>;

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
    fn matching_words(
        &self,
        term: &Term,
        matcher: &SkimMatcherV2,
    ) -> HashMap<u32, (i64, Vec<usize>)> {
        let mut out = HashMap::new();
        for (id, (word, lower)) in self.words.iter().zip(&self.lower).enumerate() {
            let candidate = if term.case_sensitive { word } else { lower };
            if let Some(found) = match_word(candidate, term, matcher) {
                out.insert(id as u32, found);
            }
        }
        out
    }

    /// Items matching every term, best first (ties in item order).
    /// `within` restricts the search to earlier hits (the query grew).
    pub fn search(&self, terms: &[Term], within: Option<&[usize]>) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().respect_case();
        let per_term: Vec<(bool, WordMatches)> = terms
            .iter()
            .map(|t| (t.negated, self.matching_words(t, &matcher)))
            .collect();
        // Candidates: items holding a matching word of the rarest positive
        // term; with only negations, every item.
        let mut candidates: Vec<usize> =
            match per_term
                .iter()
                .filter(|(neg, _)| !neg)
                .min_by_key(|(_, words)| {
                    words
                        .keys()
                        .map(|&w| self.postings[w as usize].len())
                        .sum::<usize>()
                }) {
                Some((_, words)) => {
                    let mut c: Vec<usize> = words
                        .keys()
                        .flat_map(|&w| self.postings[w as usize].iter().map(|&i| i as usize))
                        .collect();
                    c.sort_unstable();
                    c.dedup();
                    c
                }
                None => (0..self.items.len()).collect(),
            };
        if let Some(within) = within {
            candidates.retain(|c| within.binary_search(c).is_ok());
        }
        let mut hits = Vec::new();
        'items: for item in candidates {
            let mut score = 0;
            let mut highlights = Vec::new();
            for (negated, words) in &per_term {
                let best = self.items[item]
                    .iter()
                    .filter_map(|iw| words.get(&iw.word).map(|m| (iw, m)))
                    .max_by_key(|(_, m)| m.0);
                match (negated, best) {
                    (true, Some(_)) => continue 'items,
                    (true, None) => {}
                    (false, None) => continue 'items,
                    (false, Some((iw, (s, positions)))) => {
                        score += s;
                        let word_text = &self.texts[item][iw.range()];
                        let offsets: Vec<(usize, char)> = word_text.char_indices().collect();
                        for &p in positions {
                            if let Some(&(o, c)) = offsets.get(p) {
                                let at = iw.start as usize + o;
                                highlights.push(at..at + c.len_utf8());
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
            // Letters in order within a short span ("vto" in "veto").
            if let Some((score, positions)) = matcher.fuzzy_indices(word, t) {
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
            if allowed > 0 && wn + 1 >= tn {
                let prefix: String = word.chars().take(tn).collect();
                if crate::xref::features::levenshtein(&prefix, t) <= allowed {
                    return Some((50, span(0).into_iter().filter(|&p| p < wn).collect()));
                }
            }
            None
        }
    }
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
        assert_eq!(hits(&texts, "kim$"), vec![0, 2]);
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
}
