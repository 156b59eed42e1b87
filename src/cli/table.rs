//! Plain-text tables for the terminal and for pipes.

use unicode_width::UnicodeWidthStr;

use crate::model::{Corpus, PassageKind, Source};

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

/// `crossread sources`: one line per article (of the sources in `only`,
/// if given).
pub fn sources(corpus: &Corpus, only: Option<&[usize]>) -> String {
    let shown: Vec<&Source> = corpus
        .sources
        .iter()
        .filter(|s| only.is_none_or(|o| o.contains(&s.id)))
        .collect();
    let outlet_w = outlet_width(&shown);
    let mut out = header(outlet_w);
    for s in shown {
        out.push_str(&source_line(corpus, s, outlet_w));
    }
    out
}

/// `crossread stories`: each story (id, article count, dates, title) with
/// its articles under it.
pub fn stories(corpus: &Corpus) -> String {
    let all: Vec<&Source> = corpus.sources.iter().collect();
    let outlet_w = outlet_width(&all);
    let mut out = String::new();
    for story in &corpus.stories {
        let dates = match (&story.first_date, &story.last_date) {
            (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
            (Some(a), _) => format!(", {a}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "story {}: {} ({} article{}{dates})\n",
            story.id,
            truncate(&story.title, 80),
            story.sources.len(),
            if story.sources.len() == 1 { "" } else { "s" }
        ));
        out.push_str(&header(outlet_w));
        for &s in &story.sources {
            out.push_str(&source_line(corpus, &corpus.sources[s], outlet_w));
        }
        out.push('\n');
    }
    out
}

fn outlet_width(sources: &[&Source]) -> usize {
    sources
        .iter()
        .map(|s| crate::text::visible(s.outlet.as_deref().unwrap_or("")).width())
        .max()
        .unwrap_or(0)
        .clamp(6, 28)
}

fn header(outlet_w: usize) -> String {
    format!(
        "{:>3}  {}  {:<10}  {:>8}  {}\n",
        "id",
        pad("OUTLET", outlet_w),
        "DATE",
        "PASSAGES",
        "TITLE"
    )
}

fn source_line(corpus: &Corpus, s: &Source, outlet_w: usize) -> String {
    let body = corpus
        .passages_of(s.id)
        .iter()
        .filter(|p| p.kind != PassageKind::Boilerplate)
        .count();
    format!(
        "{:>3}  {}  {:<10}  {:>8}  {}\n",
        s.id,
        pad(
            &truncate(s.outlet.as_deref().unwrap_or("-"), outlet_w),
            outlet_w
        ),
        s.date.as_deref().unwrap_or("-"),
        body,
        truncate(s.title.as_deref().unwrap_or("(untitled)"), 70)
    )
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
