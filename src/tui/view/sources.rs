//! The source list: outlet, date, coverage, title.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::truncate;
use super::theme::Theme;
use super::{is_focused, pane};
use crate::tui::app::{App, Focus};
use crate::tui::drawn::{ListDrawn, window};
use crate::tui::layout;

/// Lines a source row takes: outlet and coverage, then date and title.
const ROW_LINES: u16 = 2;

/// Draws the source list and reports its rows as drawn.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) -> ListDrawn {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let focused = is_focused(app, Focus::Sources);
    let mut lines: Vec<Line> = Vec::new();
    let room = inner.height as usize;
    let len = app.reading.source_rows.len();
    // With several stories and no filter, each story's articles sit under
    // a header line naming the story.
    let story_of = crate::stories::story_of_source(&app.corpus.stories, app.corpus.sources.len());
    let grouped = app.corpus.stories.len() > 1
        && app.reading.source_rows == crate::tui::app::story_order(&app.corpus);
    let header = |row: usize| -> Option<usize> {
        let story = |r: usize| story_of[app.reading.source_rows[r]];
        (grouped && (row == 0 || story(row) != story(row - 1))).then(|| story(row))
    };
    let height = |row: usize| ROW_LINES as usize + usize::from(header(row).is_some());
    let top = window(
        app.reading.sources_top,
        app.reading.source_cursor,
        len,
        room,
        &height,
    );
    let mut rows = Vec::new();
    for (row, &id) in app.reading.source_rows.iter().enumerate().skip(top) {
        if lines.len() + height(row) > room {
            break;
        }
        if let Some(story) = header(row).and_then(|n| app.corpus.stories.get(n)) {
            lines.push(story_header(story, width, theme));
        }
        rows.push((row, inner.y + lines.len() as u16, ROW_LINES));
        let s = &app.corpus.sources[id];
        let coverage = if app.linking {
            "…".to_owned()
        } else {
            app.derived.coverage_label(id)
        };
        let open = if id == app.reading.source { "▶" } else { " " };
        let outlet_w = width.saturating_sub(coverage.len() + 2);
        let head = format!("{open}{}", truncate(s.outlet_name(), outlet_w));
        let pad = width
            .saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()) + coverage.len());
        let date = s
            .date
            .as_deref()
            .map(|d| d.trim_start_matches('-'))
            .unwrap_or("");
        // Filtered, with several stories, each row says which it belongs to.
        let story = if app.corpus.stories.len() > 1 && !grouped {
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
            match &s.title {
                Some(title) => title.clone(),
                None => opening(app, id),
            }
        );
        let selected = focused && row == app.reading.source_cursor;
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
    if app.reading.source_rows.is_empty() {
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
    ListDrawn {
        area: inner,
        top,
        rows,
    }
}

/// What an article without a headline opens with, quoted so that it
/// does not pass for one: its first body sentence (empty if none).
fn opening(app: &App, source: usize) -> String {
    app.corpus
        .passages_of(source)
        .iter()
        .find(|p| p.kind == crate::model::PassageKind::Body)
        .map_or(String::new(), |p| format!("“{}”", p.text))
}

/// A story's header in the list: number, articles, date span, title.
fn story_header(story: &crate::stories::Story, width: usize, theme: &Theme) -> Line<'static> {
    let dates = match (&story.first_date, &story.last_date) {
        (Some(a), Some(b)) if a != b => format!(
            " {}–{}",
            a.trim_start_matches('-'),
            b.trim_start_matches('-')
        ),
        (Some(a), _) => format!(" {}", a.trim_start_matches('-')),
        _ => String::new(),
    };
    // Number, size and dates first: a narrow pane cuts the title.
    let text = format!(
        "S{} ({}){dates} · {}",
        story.id + 1,
        story.sources.len(),
        story.title
    );
    Line::from(Span::styled(
        truncate(&text, width),
        theme.title().patch(theme.dim()),
    ))
}
