//! Word-level diff of two passages (longest common subsequence over words,
//! compared folded), for showing how one outlet's version departs from
//! another's.

use crate::text::tokens::fold_word;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    /// Only in the first text.
    Removed,
    /// Only in the second text.
    Added,
}

/// A run of words with the same change. `text` is as written in the second
/// text (for `Removed`, the first); `left` as written in the first (empty
/// for `Added`), since equal words may differ in case and punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub change: Change,
    pub text: String,
    pub left: String,
}

/// Longest inputs diffed word by word; longer ones are shown as replaced.
const MAX_WORDS: usize = 400;

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

fn key(word: &str) -> String {
    fold_word(word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// The diff turning `a` into `b`.
pub fn word_diff(a: &str, b: &str) -> Vec<Span> {
    let (wa, wb) = (words(a), words(b));
    if wa.len() > MAX_WORDS || wb.len() > MAX_WORDS {
        return vec![
            Span {
                change: Change::Removed,
                text: a.to_owned(),
                left: a.to_owned(),
            },
            Span {
                change: Change::Added,
                text: b.to_owned(),
                left: String::new(),
            },
        ];
    }
    let (ka, kb): (Vec<String>, Vec<String>) = (
        wa.iter().map(|w| key(w)).collect(),
        wb.iter().map(|w| key(w)).collect(),
    );
    let ops: Vec<(Change, &str, &str)> = lcs_walk(&ka, &kb)
        .into_iter()
        .map(|(change, i, j)| match change {
            Change::Same => (change, wb[j], wa[i]),
            Change::Removed => (change, wa[i], wa[i]),
            Change::Added => (change, wb[j], ""),
        })
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    for (change, word, left) in ops {
        match spans.last_mut() {
            Some(last) if last.change == change => {
                last.text.push(' ');
                last.text.push_str(word);
                if !left.is_empty() {
                    last.left.push(' ');
                    last.left.push_str(left);
                }
            }
            _ => spans.push(Span {
                change,
                text: word.to_owned(),
                left: left.to_owned(),
            }),
        }
    }
    spans
}

/// The edit script turning `a` into `b` along a longest common
/// subsequence, item by item: `(Same, i, j)` where `a[i]` and `b[j]` are
/// aligned, `(Removed, i, _)` for an item only in `a`, `(Added, _, j)` for
/// one only in `b` (the unused index is where the walk stood). Between two
/// aligned items, removals come first wherever that keeps the subsequence
/// longest, as diff tools show a replacement.
pub(crate) fn lcs_walk<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(Change, usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            steps.push((Change::Same, i, j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            steps.push((Change::Removed, i, j));
            i += 1;
        } else {
            steps.push((Change::Added, i, j));
            j += 1;
        }
    }
    steps
}

/// `git diff --word-diff` style: `[-removed-]{+added+}`.
pub fn render_plain(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s.change {
            Change::Same => s.text.clone(),
            Change::Removed => format!("[-{}-]", s.text),
            Change::Added => format!("{{+{}+}}", s.text),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_changed_words_only() {
        let d = word_diff("It was very likely true.", "It was highly likely true.");
        assert_eq!(render_plain(&d), "It was [-very-] {+highly+} likely true.");
    }

    #[test]
    fn quotes_and_case_do_not_count_as_changes() {
        let d = word_diff("“Very likely,” he said.", "\"very likely,\" he said.");
        assert!(d.iter().all(|s| s.change == Change::Same), "{d:?}");
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(
            word_diff("a b", "a b"),
            vec![Span {
                change: Change::Same,
                text: "a b".into(),
                left: "a b".into()
            }]
        );
        let d = word_diff("The U.N. said,", "the UN said");
        assert_eq!(d[0].left, "The");
        assert!(word_diff("", "").is_empty());
        assert_eq!(render_plain(&word_diff("", "new")), "{+new+}");
    }
}
