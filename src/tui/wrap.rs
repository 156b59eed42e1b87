//! The reader's text wrapped to a width: paragraphs of passages, each
//! wrapped line knowing which passage each of its words belongs to. Built
//! with textwrap's first-fit algorithm over our own fragments, and cached
//! per (source, width) so frames do not rewrap.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use textwrap::core::Fragment;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::{Corpus, PassageId, SourceId};

use crate::text::visible;

/// A run of one line's text belonging to one passage (or none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub passage: Option<PassageId>,
    /// Where the text lies in the passage's text (for underlining).
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    pub segments: Vec<Segment>,
}

impl DocLine {
    pub fn passages(&self) -> impl Iterator<Item = PassageId> + '_ {
        self.segments.iter().filter_map(|s| s.passage)
    }
}

/// An article laid out at one width.
#[derive(Debug, Default)]
pub struct WrappedDoc {
    pub lines: Vec<DocLine>,
    /// First line of each passage of the source.
    pub first_line: HashMap<PassageId, usize>,
    pub last_line: HashMap<PassageId, usize>,
}

impl WrappedDoc {
    /// The first and last line of a passage (line 0 for one not drawn).
    pub fn lines_of(&self, passage: PassageId) -> (usize, usize) {
        let first = self.first_line.get(&passage).copied().unwrap_or(0);
        let last = self.last_line.get(&passage).copied().unwrap_or(first);
        (first, last)
    }
}

#[derive(Debug)]
struct Word {
    passage: PassageId,
    range: Range<usize>,
    text: String,
    width: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits a passage into words, cutting words wider than the line.
fn words(passage: PassageId, text: &str, width: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in text.split(' ') {
        let start = at;
        at += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let shown = visible(word);
        if shown.width() <= width {
            out.push(Word {
                passage,
                range: start..start + word.len(),
                width: shown.width(),
                text: shown.into_owned(),
            });
            continue;
        }
        // A URL or other long word: cut into pieces that fit.
        let mut piece = String::new();
        let mut piece_width = 0;
        for c in shown.chars() {
            let w = c.width().unwrap_or(0);
            if piece_width + w > width && !piece.is_empty() {
                out.push(Word {
                    passage,
                    range: start..start + word.len(),
                    width: piece_width,
                    text: std::mem::take(&mut piece),
                });
                piece_width = 0;
            }
            piece.push(c);
            piece_width += w;
        }
        if !piece.is_empty() {
            out.push(Word {
                passage,
                range: start..start + word.len(),
                width: piece_width,
                text: piece,
            });
        }
    }
    out
}

/// Lays out a source's passages at `width` columns.
pub fn wrap_source(corpus: &Corpus, source: SourceId, width: usize) -> WrappedDoc {
    let width = width.max(1);
    let mut doc = WrappedDoc::default();
    let passages = corpus.passages_of(source);
    let mut i = 0;
    while i < passages.len() {
        let paragraph = passages[i].paragraph;
        let mut fragments: Vec<Word> = Vec::new();
        while i < passages.len() && passages[i].paragraph == paragraph {
            fragments.extend(words(passages[i].id, &passages[i].text, width));
            i += 1;
        }
        if !doc.lines.is_empty() {
            doc.lines.push(DocLine::default());
        }
        for line in textwrap::wrap_algorithms::wrap_first_fit(&fragments, &[width as f64]) {
            let mut out = DocLine::default();
            for (k, w) in line.iter().enumerate() {
                let same_as_previous = k > 0 && line[k - 1].passage == w.passage;
                if k > 0 && !same_as_previous {
                    out.segments.push(Segment {
                        text: " ".into(),
                        passage: None,
                        range: 0..0,
                    });
                }
                match out.segments.last_mut() {
                    Some(last) if same_as_previous => {
                        last.text.push(' ');
                        last.text.push_str(&w.text);
                        last.range.end = w.range.end;
                    }
                    _ => out.segments.push(Segment {
                        text: w.text.clone(),
                        passage: Some(w.passage),
                        range: w.range.clone(),
                    }),
                }
                let n = doc.lines.len();
                doc.first_line.entry(w.passage).or_insert(n);
                doc.last_line.insert(w.passage, n);
            }
            doc.lines.push(out);
        }
    }
    doc
}

/// Wrapped documents by (source, width), built on first use.
#[derive(Debug, Default)]
pub struct WrapCache {
    docs: RefCell<HashMap<(SourceId, usize), Rc<WrappedDoc>>>,
}

impl WrapCache {
    pub fn get(&self, corpus: &Corpus, source: SourceId, width: usize) -> Rc<WrappedDoc> {
        let mut docs = self.docs.borrow_mut();
        if docs.len() > 64 {
            // Widths change with resizes; old layouts are not worth keeping.
            docs.clear();
        }
        docs.entry((source, width))
            .or_insert_with(|| Rc::new(wrap_source(corpus, source, width)))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bytes;

    fn corpus(text: &str) -> Corpus {
        crate::corpus::segment_corpus(&[load_bytes("t.txt", text.as_bytes()).unwrap()])
    }

    #[test]
    fn wraps_to_width_and_keeps_passages_apart() {
        let c = corpus(
            "Title\n\nOne two three four five. Six seven eight nine ten.\n\nNext paragraph here.",
        );
        let doc = wrap_source(&c, 0, 20);
        for line in &doc.lines {
            let text: String = line.segments.iter().map(|s| s.text.as_str()).collect();
            assert!(text.width() <= 20, "{text:?}");
        }
        // Title, blank, two lines or more, blank, last paragraph.
        assert_eq!(doc.lines[1], DocLine::default());
        assert!(doc.first_line[&2] > doc.first_line[&1]);
        assert_eq!(doc.first_line[&3], doc.lines.len() - 1);
    }

    #[test]
    fn long_words_are_cut_and_wide_characters_counted() {
        let c = corpus(
            "T\n\nSee https://example.org/a/very/long/path/that/does/not/fit and 日本語の文章です。",
        );
        let doc = wrap_source(&c, 0, 12);
        for line in &doc.lines {
            let text: String = line.segments.iter().map(|s| s.text.as_str()).collect();
            assert!(text.width() <= 12, "{text:?}");
        }
    }

    #[test]
    fn control_characters_are_made_visible() {
        let c = corpus("T\n\nEvil \u{1b}]0;pwned\u{7} text.");
        let doc = wrap_source(&c, 0, 40);
        let all: String = doc
            .lines
            .iter()
            .flat_map(|l| l.segments.iter().map(|s| s.text.clone()))
            .collect();
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    }
}
