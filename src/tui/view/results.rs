//! Filter results over the passages of every article, best first, matched
//! characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::pane;
use super::text::truncate;
use super::theme::Theme;
use crate::text::visible;
use crate::tui::app::{App, FilterState};
use crate::tui::drawn::{ListDrawn, window};
use crate::tui::layout;

/// Draws the results (two lines each) and reports them as drawn.
pub fn render(
    app: &App,
    filter: &FilterState,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) -> ListDrawn {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let room = (inner.height as usize).saturating_sub(1);
    let hits = &filter.hits;
    let mut lines = vec![Line::from(Span::styled(
        match hits.len() {
            0 if filter.query.trim().is_empty() => "type to search every article".to_owned(),
            0 => "no match".to_owned(),
            1 => "1 match".to_owned(),
            n => format!("{n} matches"),
        },
        theme.title(),
    ))];
    let top = window(0, filter.selected, hits.len(), room, &|_| 2);
    let mut rows = Vec::new();
    for (i, hit) in hits.iter().enumerate().skip(top).take(room / 2) {
        rows.push((i, inner.y + 1 + 2 * (i - top) as u16, 2));
        let p = &app.corpus.passages[hit.item];
        let outlet = app.corpus.sources[p.source]
            .outlet
            .as_deref()
            .unwrap_or("?");
        let selected = i == filter.selected;
        let base = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(
            truncate(
                &format!("{} {outlet}", if selected { "▶" } else { " " }),
                width,
            ),
            base.patch(theme.dim()),
        )));
        lines.push(highlighted(&p.text, &hit.highlights, width, base, theme));
    }
    let title = format!(
        " Search all articles: {} (Enter keeps it: Ctrl-n next match) ",
        visible(&filter.query)
    );
    frame.render_widget(Paragraph::new(lines).block(pane(title, true, theme)), area);
    ListDrawn {
        area: Rect::new(inner.x, inner.y + 1, inner.width, room as u16),
        top,
        rows,
    }
}

/// One line of `text` around its first match, matches highlighted.
fn highlighted(
    text: &str,
    marks: &[std::ops::Range<usize>],
    width: usize,
    base: Style,
    theme: &Theme,
) -> Line<'static> {
    let budget = width.saturating_sub(2);
    // Start a few words before the first match when it would not show.
    let first = marks.first().map_or(0, |r| r.start);
    let mut start = 0;
    if text[..first].width() > budget / 2 {
        start = text[..first].rfind(' ').map_or(first, |i| i + 1);
        let back = text[..start].trim_end().rfind(' ').map_or(0, |i| i + 1);
        start = back.min(start);
    }
    let mut spans = vec![Span::styled(
        if start > 0 { "  …" } else { "  " }.to_owned(),
        base,
    )];
    let mut used = if start > 0 { 3 } else { 2 };
    for (i, c) in text[start..].char_indices() {
        let at = start + i;
        let shown = visible(&text[at..at + c.len_utf8()]).into_owned();
        let w = shown.width();
        if used + w > width {
            break;
        }
        used += w;
        let style = if marks.iter().any(|r| r.contains(&at)) {
            base.patch(theme.matched())
        } else {
            base
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&shown),
            _ => spans.push(Span::styled(shown, style)),
        }
    }
    Line::from(spans)
}
