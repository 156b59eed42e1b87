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
    let (n, m) = (ka.len(), kb.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ka[i] == kb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops: Vec<(Change, &str, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ka[i] == kb[j] {
            ops.push((Change::Same, wb[j], wa[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // Removals before additions, as diff tools show a replacement.
            ops.push((Change::Removed, wa[i], wa[i]));
            i += 1;
        } else {
            ops.push((Change::Added, wb[j], ""));
            j += 1;
        }
    }
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
