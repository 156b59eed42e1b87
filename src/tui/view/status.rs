//! The status bar: mode, focus, position, filter prompt, key hints.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use super::theme::Theme;
use crate::tui::app::{App, Focus, Mode, Scope, Screen};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mode = match app.mode() {
        Mode::Normal => "READ",
        Mode::Filter => "FILTER",
        Mode::Help => "HELP",
        Mode::PickCompare => "PICK",
        Mode::Compare => "COMPARE",
        Mode::Matrix => "MATRIX",
    };
    let mut left = vec![
        Span::styled(format!(" {mode} "), theme.mode()),
        Span::raw(" "),
    ];
    let info = match app.stack.last() {
        Some(Screen::Filter(filter)) => {
            let scope = match filter.scope {
                Scope::Sources => "sources",
                Scope::Passages => "all passages",
                Scope::Claims => "claims",
            };
            left.push(Span::styled("/", theme.key()));
            left.push(Span::raw(crate::text::visible(&filter.query).into_owned()));
            left.push(Span::styled("█", theme.dim()));
            format!("  {} in {scope}", filter.hits.len())
        }
        Some(Screen::Compare(c)) => {
            let pairs = c
                .rows
                .iter()
                .filter(|r| matches!(r, crate::tui::align::Row::Pair(..)))
                .count();
            format!(
                "row {}/{} · {pairs} aligned pairs",
                c.cursor + 1,
                c.rows.len()
            )
        }
        Some(Screen::Matrix(m)) => format!(
            "claim {}/{}",
            m.cursor + 1,
            crate::tui::update::matrix_rows(app, m.sort, &m.narrowing.query).len()
        ),
        _ => {
            let focus = match app.reading.focus {
                Focus::Sources => "sources",
                Focus::Reader => "reader",
                Focus::Claims => "claims",
            };
            let linking = if app.linking {
                " · cross-referencing…"
            } else {
                ""
            };
            let search = app.reading.search.as_ref().map_or(String::new(), |s| {
                format!(
                    " · /{} {} matches",
                    crate::text::visible(&s.query),
                    s.hits.len()
                )
            });
            format!(
                "{focus} · article {}/{}{linking}{search}",
                app.reading.source + 1,
                app.corpus.sources.len()
            )
        }
    };
    left.push(Span::styled(info, theme.dim()));
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let room = (area.width as usize).saturating_sub(used + 2);
    let right = match &app.message {
        Some(m) => vec![Span::styled(truncate(m, room), theme.key())],
        None => {
            let mut spans = Vec::new();
            let mut width = 0;
            for (key, help) in app.config.keymap.hints(app.mode()) {
                let piece = format!("{key} {help}  ");
                if width + piece.width() > room {
                    break;
                }
                width += piece.width();
                spans.push(Span::styled(key, theme.key()));
                spans.push(Span::raw(format!(" {help}  ")));
            }
            spans
        }
    };
    let right_width: usize = right.iter().map(|s| s.content.width()).sum();
    left.push(Span::raw(
        " ".repeat((area.width as usize).saturating_sub(used + right_width)),
    ));
    left.extend(right);
    frame.render_widget(Paragraph::new(Line::from(left)).style(theme.status()), area);
}
