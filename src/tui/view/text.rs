//! Styled text helpers: word wrapping of styled spans, truncation.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::text::visible;
use crate::xref::diff::{Change, Span as DiffSpan};

/// Wraps styled runs of text to `width` columns, word by word (words wider
/// than the line are cut).
pub fn wrap_spans(runs: &[(String, Style)], width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = vec![Span::raw(" ".repeat(indent))];
    let mut used = indent;
    for (text, style) in runs {
        let shown = visible(text);
        for word in shown.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            if used > indent && used + 1 + w > width {
                lines.push(Line::from(std::mem::take(&mut current)));
                current.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            if used > indent {
                current.push(Span::styled(" ".to_owned(), *style));
                used += 1;
            }
            if indent + w <= width {
                current.push(Span::styled(word.to_owned(), *style));
                used += w;
            } else {
                // Cut a word wider than the line.
                let mut piece = String::new();
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if used + cw > width && !piece.is_empty() {
                        current.push(Span::styled(std::mem::take(&mut piece), *style));
                        lines.push(Line::from(std::mem::take(&mut current)));
                        current.push(Span::raw(" ".repeat(indent)));
                        used = indent;
                    }
                    piece.push(c);
                    used += cw;
                }
                current.push(Span::styled(piece, *style));
            }
        }
    }
    if used > indent || lines.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

/// One side of a word diff as styled runs: the first text (`left`) with its
/// removed words struck, or the second with its added words highlighted.
pub fn diff_side(diff: &[DiffSpan], left: bool, theme: &Theme) -> Vec<(String, Style)> {
    diff.iter()
        .filter(|s| s.change != if left { Change::Added } else { Change::Removed })
        .map(|s| match (s.change, left) {
            (Change::Removed, _) => (s.left.clone(), theme.removed()),
            (Change::Added, _) => (s.text.clone(), theme.added()),
            (Change::Same, true) => (s.left.clone(), Style::new()),
            (Change::Same, false) => (s.text.clone(), Style::new()),
        })
        .collect()
}

/// Cuts text to `width` columns with a trailing '…', control characters
/// made visible.
pub fn truncate(text: &str, width: usize) -> String {
    crate::text::truncate_to_width(&visible(text), width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_indents() {
        let lines = wrap_spans(&[("one two three four".into(), Style::new())], 9, 2);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(texts, ["  one two", "  three", "  four"]);
        assert!(texts.iter().all(|t| t.width() <= 9));
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("\u{1b}[31m", 10), "\u{241b}[31m");
    }
}
