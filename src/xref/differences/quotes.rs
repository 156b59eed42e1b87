//! A quotation worded differently by two outlets: the same words in quotation
//! marks, aligned word by word, with a word or a few replaced by others
//! ("acknowledges making an awkward pass" / "acknowledges making a pass").
//! A quotation cut short, or with words left out, is an excerpt, not a
//! misquote; content words replaced by others are most often another
//! translation: only a word that says something set against function
//! words counts (a qualification dropped or added). Numbers are left to the number
//! rules, and inflections (the words' stems are compared) to nobody.

use std::ops::Range;

use crate::text::tokens::Token;
use crate::xref::diff::{Change, lcs_walk};

use super::{Facts, Member, difference, join, span};
use crate::model::{Difference, DifferenceKind, ValueType};

/// A word inside quotation marks: what is compared (its stem), where it is,
/// and whether it says anything (not a function word) or is a number.
#[derive(Debug, Clone)]
pub(super) struct QuotedWord {
    key: &'static str,
    range: Range<usize>,
    content: bool,
    number: bool,
}

/// The words of one quotation.
pub(super) type Quotation = Vec<QuotedWord>;

/// Fewer aligned words than this and two quotations are not known to be one.
const MIN_ALIGNED: usize = 4;
/// Share of the shorter quotation's words the alignment must hold.
const MIN_ALIGNED_SHARE: f64 = 0.6;
/// A replacement longer than this (on either side) is another sentence, not
/// another wording.
const MAX_REPLACED: usize = 5;
/// Longest quotation aligned (words): alignment is quadratic.
const MAX_WORDS: usize = 200;

/// The byte ranges of a text's quotations: from an opening mark (“, «, or a
/// straight " opening) to its closing mark, or to the end of the text when
/// a quotation runs on into the next paragraph, as they do in print.
fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201C}' | '\u{AB}', None) => open = Some(i + c.len_utf8()),
            ('"', None) => open = Some(i + 1),
            ('\u{201D}' | '\u{BB}' | '"', Some(start)) => {
                out.push(start..i);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out
}

/// The quotations of a member's text, as words.
pub(super) fn quotations(text: &str, tokens: &[Token]) -> Vec<Quotation> {
    quoted_ranges(text)
        .into_iter()
        .map(|r| {
            tokens
                .iter()
                .filter(|t| t.range.start >= r.start && t.range.end <= r.end)
                .map(|t| QuotedWord {
                    key: t.key,
                    range: t.range.clone(),
                    content: !t.stop,
                    number: t.is_number(),
                })
                .collect::<Quotation>()
        })
        .filter(|q| q.len() >= MIN_ALIGNED && q.len() <= MAX_WORDS)
        .collect()
}

/// The aligned words of two quotations (longest common subsequence of
/// their stems), as index pairs in order.
fn align(a: &[QuotedWord], b: &[QuotedWord]) -> Vec<(usize, usize)> {
    fn keys(q: &[QuotedWord]) -> Vec<&str> {
        q.iter().map(|w| w.key).collect()
    }
    lcs_walk(&keys(a), &keys(b))
        .into_iter()
        .filter(|(change, _, _)| *change == Change::Same)
        .map(|(_, i, j)| (i, j))
        .collect()
}

/// Where two quotations of one statement word it differently: the byte
/// ranges (with the aligned word either side, so that each reads as a
/// phrase) of every replacement between two aligned words.
fn replacements(a: &[QuotedWord], b: &[QuotedWord]) -> Vec<(Range<usize>, Range<usize>)> {
    let aligned = align(a, b);
    let shorter = a.len().min(b.len());
    if aligned.len() < MIN_ALIGNED || (aligned.len() as f64) < MIN_ALIGNED_SHARE * shorter as f64 {
        return Vec::new();
    }
    aligned
        .windows(2)
        .filter_map(|w| {
            let ((pa, pb), (na, nb)) = (w[0], w[1]);
            let (gap_a, gap_b) = (&a[pa + 1..na], &b[pb + 1..nb]);
            let replaced = !gap_a.is_empty() && !gap_b.is_empty();
            let small = gap_a.len() <= MAX_REPLACED && gap_b.len() <= MAX_REPLACED;
            let says = |gap: &[QuotedWord]| gap.iter().any(|w| w.content);
            let numbers = gap_a.iter().chain(gap_b).any(|w| w.number);
            // A word that says something against function words only: a
            // qualification dropped or added ("an awkward pass" / "a
            // pass"). Content words replaced by content words are most
            // often two translations or two spellings of one remark
            // ("a determining factor" / "a driving factor", "wartime" /
            // "war-time"), which no reader would call a misquote.
            let qualified = says(gap_a) != says(gap_b);
            (replaced && small && qualified && !numbers).then(|| {
                (
                    a[pa].range.start..a[na].range.end,
                    b[pb].range.start..b[nb].range.end,
                )
            })
        })
        .collect()
}

/// Quotations that members of different sources word differently: each
/// replacement one difference, with every member quoting that passage.
pub(super) fn quote_differences(
    members: &[Member],
    all: &[Facts],
    cross: &dyn Fn(usize, usize) -> bool,
) -> Vec<Difference> {
    // Groups of (member, byte range) that show one replacement.
    let mut groups: Vec<Vec<(usize, Range<usize>)>> = Vec::new();
    for i in 0..all.len() {
        for j in i + 1..all.len() {
            if !cross(i, j) {
                continue;
            }
            for qa in &all[i].quotations {
                for qb in &all[j].quotations {
                    for (ra, rb) in replacements(qa, qb) {
                        join(&mut groups, (i, ra), (j, rb));
                    }
                }
            }
        }
    }
    groups
        .into_iter()
        .map(|group| {
            let found = group
                .iter()
                .map(|(m, r)| (*m, span(&members[*m], r, ValueType::Qualifier)))
                .collect();
            difference(
                DifferenceKind::Qualifier,
                "quotation".to_owned(),
                members,
                found,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_run_to_their_closing_mark_or_the_end() {
        let text = "He said “we will stay” and \"we go\" then \"more";
        let got: Vec<&str> = quoted_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, vec!["we will stay", "we go", "more"]);
    }
}
