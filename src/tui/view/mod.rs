//! `render(&App, &mut Frame)`: views only read the state.

pub mod claims;
pub mod compare;
pub mod help;
pub mod matrix;
pub mod reader;
pub mod results;
pub mod sources;
pub mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Focus, Mode, Scope};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use theme::Theme;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::new(app.no_color);
    if layout::too_small(area) {
        let msg = format!(
            "terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{})",
            area.width, area.height
        );
        let y = area.height / 2;
        frame.render_widget(
            Paragraph::new(msg)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            Rect::new(
                area.x,
                area.y + y.min(area.height.saturating_sub(1)),
                area.width,
                area.height - y.min(area.height),
            ),
        );
        return;
    }
    let panes = layout::panes(area);
    match app.mode {
        Mode::Compare => compare::render(
            app,
            frame,
            Rect::new(area.x, area.y, area.width, panes.status.y - area.y),
            &theme,
        ),
        Mode::Matrix => matrix::render(
            app,
            frame,
            Rect::new(area.x, area.y, area.width, panes.status.y - area.y),
            &theme,
        ),
        _ => {
            sources::render(app, frame, panes.sources, &theme);
            if app.mode == Mode::Filter && app.scope == Scope::Passages {
                results::render(app, frame, panes.reader, &theme);
            } else {
                reader::render(app, frame, panes.reader, &theme);
            }
            claims::render(app, frame, panes.claims, &theme);
        }
    }
    status::render(app, frame, panes.status, &theme);
    match app.mode {
        Mode::Help => help::render(app, frame, area, &theme),
        Mode::PickCompare => pick(app, frame, area, &theme),
        _ => {}
    }
}

/// A bordered pane, its border showing focus.
pub fn pane<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title)
}

pub fn is_focused(app: &App, focus: Focus) -> bool {
    app.focus == focus && matches!(app.mode, Mode::Normal | Mode::Filter)
}

/// A rectangle of at most `w`×`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn pick(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    use ratatui::text::{Line, Span};
    let choices = app.story_sources();
    let n = choices.len() as u16;
    let popup = centered(area, 70, n + 4);
    frame.render_widget(Clear, popup);
    let mut lines = vec![Line::from(Span::styled(
        "Compare the open article with:",
        theme.title(),
    ))];
    let width = popup.width.saturating_sub(4) as usize;
    // The rows that fit under the heading, scrolled to keep the cursor in.
    let rows = (popup.height as usize).saturating_sub(3).max(1);
    let top = app.pick_cursor.saturating_sub(rows - 1);
    for (i, (id, s)) in choices
        .iter()
        .map(|&id| (id, &app.corpus.sources[id]))
        .enumerate()
        .skip(top)
        .take(rows)
    {
        let label = format!(
            "{} {} — {}",
            if id == app.source { "●" } else { " " },
            s.outlet.as_deref().unwrap_or("?"),
            s.title.as_deref().unwrap_or("(untitled)")
        );
        let style = if i == app.pick_cursor {
            theme.selected()
        } else if id == app.source {
            theme.dim()
        } else {
            Default::default()
        };
        lines.push(Line::from(Span::styled(
            text::truncate(&label, width),
            style,
        )));
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane(
            " Compare: choose an article (Enter, Esc) ".into(),
            true,
            theme,
        )),
        popup,
    );
}
