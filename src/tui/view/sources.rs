//! The source list: outlet, date, coverage, title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::truncate;
use super::theme::Theme;
use super::{is_focused, pane};
use crate::tui::app::{App, Focus};
use crate::tui::layout;
use crate::tui::update::sources_top;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let focused = is_focused(app, Focus::Sources);
    let mut lines: Vec<Line> = Vec::new();
    let visible = (inner.height as usize).div_ceil(2);
    for (row, &id) in app
        .source_rows
        .iter()
        .enumerate()
        .skip(sources_top(app))
        .take(visible)
    {
        let s = &app.corpus.sources[id];
        let coverage = if app.linking {
            "…".to_owned()
        } else {
            app.derived.coverage_label(id)
        };
        let open = if id == app.source { "▶" } else { " " };
        let outlet_w = width.saturating_sub(coverage.len() + 2);
        let head = format!(
            "{open}{}",
            truncate(s.outlet.as_deref().unwrap_or("?"), outlet_w)
        );
        let pad = width
            .saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()) + coverage.len());
        let date = s
            .date
            .as_deref()
            .map(|d| d.trim_start_matches('-'))
            .unwrap_or("");
        // With several stories, each row says which it belongs to.
        let story = if app.corpus.stories.len() > 1 {
            app.corpus
                .stories
                .iter()
                .find(|st| st.sources.contains(&id))
                .map_or(String::new(), |st| format!("S{} ", st.id + 1))
        } else {
            String::new()
        };
        // An article that prints the same story as others (a wire copy).
        let copy = if app.corpus.copies.iter().any(|g| g.contains(&id)) {
            "copy "
        } else {
            ""
        };
        let sub = format!(
            " {story}{copy}{}{}",
            if date.is_empty() {
                String::new()
            } else {
                format!("{date} ")
            },
            s.title.as_deref().unwrap_or("")
        );
        let selected = focused && row == app.source_cursor;
        let base = if selected {
            theme.selected()
        } else {
            Default::default()
        };
        lines.push(Line::from(vec![
            Span::styled(head, base.patch(theme.title())),
            Span::styled(" ".repeat(pad), base),
            Span::styled(coverage, base.patch(theme.dim())),
        ]));
        lines.push(Line::from(Span::styled(
            truncate(&sub, width),
            base.patch(theme.dim()),
        )));
    }
    if app.source_rows.is_empty() {
        lines.push(Line::from(Span::styled("no article matches", theme.dim())));
    }
    let title = match app.corpus.stories.len() {
        0 | 1 => format!(" Sources {} ", app.corpus.sources.len()),
        n => format!(" {} in {n} stories ", app.corpus.sources.len()),
    };
    frame.render_widget(
        Paragraph::new(lines).block(pane(title, focused, theme)),
        area,
    );
}
