//! Lines to paragraphs: blank lines separate paragraphs; single line breaks
//! are either paragraph breaks (one paragraph per line, as many scraped
//! articles are laid out) or hard wraps inside a paragraph, which are rejoined.

use std::borrow::Cow;
use std::ops::Range;

use crate::segment::ends_with_abbreviation;

/// A paragraph's cleaned text and where each of its words came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// Words joined by single spaces: the source's own bytes when they
    /// are that already (most paragraphs are one single-spaced line), so
    /// that cleaning does not copy the corpus once more.
    pub text: Cow<'a, str>,
    /// Its words, as `split_whitespace` counts them: read while the
    /// lines are joined, so that cleaning need not count them again.
    pub words: usize,
    /// One piece per run of single-spaced words: (offset in `text`,
    /// offset in the decoded source, length). Runs are copied verbatim, so
    /// offsets inside a run map 1:1.
    pieces: Vec<(usize, usize, usize)>,
}

impl<'a> Paragraph<'a> {
    fn from_lines(source: &'a str, lines: &[Range<usize>]) -> Self {
        // Where each run lands in the text joined by single spaces.
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        let mut joined = 0;
        let mut words = 0;
        for line in lines {
            for_each_run(&source[line.clone()], |run, run_words| {
                words += run_words;
                let at = if pieces.is_empty() { 0 } else { joined + 1 };
                pieces.push((at, line.start + run.start, run.len()));
                joined = at + run.len();
            });
        }
        let text = match pieces.as_slice() {
            [(_, start, len)] => Cow::Borrowed(&source[*start..start + len]),
            _ => {
                let mut text = String::with_capacity(joined);
                for &(at, start, len) in &pieces {
                    if at > 0 {
                        text.push(' ');
                    }
                    text.push_str(&source[start..start + len]);
                }
                Cow::Owned(text)
            }
        };
        Paragraph {
            text,
            words,
            pieces,
        }
    }

    /// Maps a range of `text` (not starting or ending on white space) to a
    /// range of the decoded source.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_source(range.start, false);
        let end = self.to_source(range.end, true);
        start..end.max(start)
    }

    fn to_source(&self, at: usize, is_end: bool) -> usize {
        // For an end offset, the piece is the one holding the byte before it.
        let probe = if is_end { at.saturating_sub(1) } else { at };
        let i = self.pieces.partition_point(|&(t, _, _)| t <= probe);
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            Some(&(t, d, len)) => d + (at - t).min(len),
            None => 0,
        }
    }
}

/// Calls `f` with the byte range, and the word count, of each run of words of `line` that are
/// one plain space apart (most lines are one run: text and source agree
/// byte for byte across it, so it is copied and mapped as one piece). Any
/// other white space separates runs: ASCII lines are read byte by byte,
/// others by characters (no-break and other Unicode spaces too).
fn for_each_run(line: &str, mut f: impl FnMut(Range<usize>, usize)) {
    let bytes = line.as_bytes();
    let ascii = line.is_ascii();
    if ascii {
        let start = bytes.len() - line.trim_ascii_start().len();
        if let Some(words) = crate::text::single_spaced_words(&bytes[start..]) {
            f(start..bytes.len(), words);
            return;
        }
    }
    // A run's words are one more than its spaces.
    let mut f = |run: Range<usize>| {
        let words = bytes[run.clone()].iter().filter(|&&b| b == b' ').count() + 1;
        f(run, words);
    };
    // Where white space starts at `i`, and how long that character is.
    let space_at = |i: usize| -> Option<usize> {
        let b = bytes[i];
        if b.is_ascii() {
            crate::text::is_ascii_space(b).then_some(1)
        } else if ascii {
            None
        } else {
            let c = line[i..].chars().next()?;
            c.is_whitespace().then_some(c.len_utf8())
        }
    };
    let mut i = 0;
    let mut run_start = None;
    while i < bytes.len() {
        match space_at(i) {
            None => {
                run_start.get_or_insert(i);
                i += 1;
                // The rest of a multi-byte character.
                while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                    i += 1;
                }
            }
            Some(width) => {
                let single_space =
                    bytes[i] == b' ' && i + 1 < bytes.len() && space_at(i + 1).is_none();
                if let Some(start) = run_start.filter(|_| !single_space) {
                    f(start..i);
                    run_start = None;
                }
                i += width;
            }
        }
    }
    if let Some(start) = run_start {
        f(start..bytes.len());
    }
}

/// Splits decoded text into paragraphs.
pub fn paragraphs(source: &str) -> Vec<Paragraph<'_>> {
    blocks(source)
        .iter()
        .flat_map(|block| split_block(source, block))
        .map(|lines| Paragraph::from_lines(source, &lines))
        .filter(|p| !p.text.is_empty())
        .collect()
}

/// Runs of non-blank lines, each line as its byte range without terminator
/// and without trailing white space.
fn blocks(source: &str) -> Vec<Vec<Range<usize>>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    let mut at = 0;
    for raw in source.split_inclusive('\n') {
        let content = raw.trim_end_matches(['\n', '\r']);
        // A lone '\r' (old Mac line ending) also ends a line.
        let mut offset = at;
        for part in content.split('\r') {
            let trimmed = part.trim_end();
            if trimmed.trim_start().is_empty() {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
            } else {
                current.push(offset..offset + trimmed.len());
            }
            offset += part.len() + 1;
        }
        at += raw.len();
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// Hard-wrapped text is wrapped at a terminal-like width: a block whose
/// widest line is outside this range is one paragraph per line.
const MIN_WRAP_WIDTH: usize = 50;
const MAX_WRAP_WIDTH: usize = 100;

fn split_block(source: &str, lines: &[Range<usize>]) -> Vec<Vec<Range<usize>>> {
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| source[l.clone()].trim_start())
        .collect();
    let widths: Vec<usize> = texts.iter().map(|t| t.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    // Hard-wrapped text: several lines, none wider than a terminal, every
    // line but the last filling most of the width.
    let wrapped = lines.len() >= 2
        && (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&widest)
        && widths[..widths.len() - 1]
            .iter()
            .all(|&w| w * 3 >= widest * 2);
    let mut out: Vec<Vec<Range<usize>>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let joins = i > 0 && {
            let (prev, next) = (texts[i - 1], texts[i]);
            if starts_list_item(next) {
                false
            } else if wrapped {
                true
            } else {
                continues_sentence(prev, next)
            }
        };
        match out.last_mut() {
            Some(last) if joins => last.push(line.clone()),
            _ => out.push(vec![line.clone()]),
        }
    }
    out
}

/// Whether a line break between `prev` and `next` falls inside a sentence,
/// in text that otherwise puts one paragraph on each line.
fn continues_sentence(prev: &str, next: &str) -> bool {
    let first = next.chars().next();
    let last = prev.chars().last();
    let next_lower = first.is_some_and(|c| c.is_lowercase());
    let next_digit = first.is_some_and(|c| c.is_ascii_digit());
    let prev_open = last.is_some_and(|c| matches!(c, ',' | ';' | '(' | '-' | '–' | '—' | '&'));
    next_lower || prev_open || (next_digit && ends_with_abbreviation(prev))
}

fn starts_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['-', '*', '•', '–', '·']) && line.chars().nth(1) == Some(' ') {
        return true;
    }
    let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && digits <= 3
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        paragraphs(source)
            .into_iter()
            .map(|p| p.text.into_owned())
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            texts("One.\n\n\nTwo  words.\r\n\r\nThree."),
            ["One.", "Two words.", "Three."]
        );
    }

    #[test]
    fn one_paragraph_per_line_stays_apart() {
        let s = "Headline without stop\nFirst paragraph here. Second sentence.\nAnother paragraph.";
        assert_eq!(
            texts(s),
            [
                "Headline without stop",
                "First paragraph here. Second sentence.",
                "Another paragraph."
            ]
        );
    }

    #[test]
    fn rejoins_a_break_after_an_abbreviation_before_a_number() {
        let s = "The minister told lawmakers on Oct.\n8, the agency reported. Other text.\nNext paragraph.";
        assert_eq!(
            texts(s),
            [
                "The minister told lawmakers on Oct. 8, the agency reported. Other text.",
                "Next paragraph."
            ]
        );
    }

    #[test]
    fn rejoins_lowercase_continuations_and_hard_wrapped_blocks() {
        assert_eq!(
            texts("It was a long\nday for all."),
            ["It was a long day for all."]
        );
        let wrapped = "I have lived three streets from the plant for twenty years, and\n\
                       on Monday evening, at a few minutes past six, the whole house shook. By the\n\
                       time I reached the window the sky was black.";
        assert_eq!(texts(wrapped).len(), 1);
        assert!(texts(wrapped)[0].contains("and on Monday"));
    }

    #[test]
    fn short_header_lines_are_not_taken_for_wrapped_text() {
        assert_eq!(
            texts("Kestrel Bay mourns victims\nBy Marta Lindqvist"),
            ["Kestrel Bay mourns victims", "By Marta Lindqvist"]
        );
    }

    #[test]
    fn list_items_are_paragraphs_of_their_own() {
        assert_eq!(
            texts("Findings:\n- one thing\n- another thing\n1. third"),
            ["Findings:", "- one thing", "- another thing", "1. third"]
        );
    }

    #[test]
    fn a_paragraph_counts_its_words_as_split_whitespace_does() {
        let pieces = [
            "word", "mot", " ", "  ", "\t", "\n", "\n\n", "é", "\u{a0}", ".", "And",
        ];
        let mut rng = crate::testing::Xorshift::new(0x5eed_1234_abcd_0042);
        for _ in 0..3_000 {
            let source = rng.pieces(&pieces, 30);
            for p in paragraphs(&source) {
                assert_eq!(p.words, p.text.split_whitespace().count(), "{source:?}");
            }
        }
    }

    #[test]
    fn source_ranges_map_back_to_the_words() {
        let s = "  Alpha   beta\r\ngamma.\n\nDelta";
        let ps = paragraphs(s);
        assert_eq!(ps[0].text, "Alpha beta gamma.");
        let r = ps[0].source_range(0..ps[0].text.len());
        assert_eq!(&s[r], "Alpha   beta\r\ngamma.");
        let r = ps[0].source_range(6..10);
        assert_eq!(&s[r], "beta");
        let r = ps[1].source_range(0..5);
        assert_eq!(&s[r], "Delta");
        // A paragraph that is one single-spaced run is the source's own
        // bytes; one rejoined from several runs is a copy.
        assert!(matches!(ps[1].text, Cow::Borrowed(_)));
        assert!(matches!(ps[0].text, Cow::Owned(_)));
    }

    #[test]
    fn single_spaced_lines_are_told_from_others() {
        let single_spaced = |t: &[u8]| crate::text::single_spaced_words(t).is_some();
        assert!(single_spaced(b"Five workers were killed."));
        assert!(single_spaced(b"x"));
        for other in [
            &b"Five  workers"[..],
            b"Five\tworkers",
            b"Five workers ",
            b"Five workers\r",
            b"Five\x0bworkers",
            b"",
        ] {
            assert!(!single_spaced(other), "{other:?}");
        }
        // Both paths give the same paragraph.
        assert_eq!(
            texts("Five workers\twere  killed."),
            ["Five workers were killed."]
        );
        assert_eq!(
            texts("  Five workers were killed."),
            ["Five workers were killed."]
        );
    }

    #[test]
    fn every_word_maps_back_whatever_separates_it() {
        // Plain spaces (one piece per run), runs of spaces, tabs, vertical
        // tabs, no-break and ideographic spaces, non-Latin words; the second
        // line continues the paragraph (it starts in lower case).
        let s = "Five workers were killed\tin the\x0bblast \u{a0}on Monday. Пять  рабочих\u{3000}погибли.\nzweite Zeile   hier";
        let ps = paragraphs(s);
        assert_eq!(ps.len(), 1);
        let p = &ps[0];
        let words: Vec<&str> = s
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(p.text, words.join(" "));
        let mut at = 0;
        for word in p.text.split(' ') {
            let r = p.source_range(at..at + word.len());
            assert_eq!(&s[r], word);
            at += word.len() + 1;
        }
        // A range over several words keeps the source's own separators.
        let r = p.source_range(0..p.text.find(" in").unwrap() + 3);
        assert_eq!(&s[r], "Five workers were killed\tin");
    }
}
