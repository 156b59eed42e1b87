//! Plain-text tables for the terminal and for pipes.

use unicode_width::UnicodeWidthStr;

use crate::model::{Corpus, PassageKind};

/// Cuts `text` to at most `width` columns, ending with '…' when cut, with
/// control characters shown as visible glyphs (article text must not act
/// on the terminal).
pub fn truncate(text: &str, width: usize) -> String {
    crate::text::truncate_to_width(&crate::text::visible(text), width)
}

/// Pads `text` with spaces to `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// `crossread sources`: one line per article.
pub fn sources(corpus: &Corpus) -> String {
    let outlet_w = corpus
        .sources
        .iter()
        .map(|s| crate::text::visible(s.outlet.as_deref().unwrap_or("")).width())
        .max()
        .unwrap_or(0)
        .clamp(6, 28);
    let mut out = format!(
        "{:>3}  {}  {:<10}  {:>8}  {}\n",
        "id",
        pad("OUTLET", outlet_w),
        "DATE",
        "PASSAGES",
        "TITLE"
    );
    for s in &corpus.sources {
        let body = corpus
            .passages_of(s.id)
            .iter()
            .filter(|p| p.kind != PassageKind::Boilerplate)
            .count();
        out.push_str(&format!(
            "{:>3}  {}  {:<10}  {:>8}  {}\n",
            s.id,
            pad(
                &truncate(s.outlet.as_deref().unwrap_or("-"), outlet_w),
                outlet_w
            ),
            s.date.as_deref().unwrap_or("-"),
            body,
            truncate(s.title.as_deref().unwrap_or("(untitled)"), 70)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("abcdefghij", 5), "abcd…");
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(pad("日本", 6), "日本  ");
    }
}
