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

use super::app::{App, Focus, Mode, PickState, Scope, Screen};
use super::drawn::{Drawn, ListDrawn, window};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use theme::Theme;

/// Draws the screens, bottom to top, and reports what was drawn.
pub fn render(app: &App, frame: &mut Frame) -> Drawn {
    let area = frame.area();
    let theme = Theme::with(app.config.palette, app.no_color);
    let mut drawn = Drawn::default();
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
        return drawn;
    }
    let panes = layout::panes_with(area, app.config.widths);
    let body = Rect::new(area.x, area.y, area.width, panes.status.y - area.y);
    // The topmost full screen is drawn whole; overlays above it after.
    let full = app
        .stack
        .iter()
        .rev()
        .find(|s| matches!(s, Screen::Compare(_) | Screen::Matrix(_)));
    match full {
        Some(Screen::Compare(state)) => {
            drawn.compare = Some(compare::render(app, state, frame, body, &theme));
        }
        Some(Screen::Matrix(state)) => {
            let (rows, columns) = matrix::render(app, state, frame, body, &theme);
            drawn.matrix = Some(rows);
            drawn.matrix_columns = Some(columns);
        }
        _ => {
            drawn.sources = Some(sources::render(app, frame, panes.sources, &theme));
            match app.filter() {
                Some(f) if f.scope == Scope::Passages => {
                    drawn.results = Some(results::render(app, f, frame, panes.reader, &theme));
                }
                _ => drawn.reader = reader::render(app, frame, panes.reader, &theme),
            }
            match app.filter() {
                Some(f) if f.scope == Scope::Claims => {
                    drawn.results = Some(claims::render_claim_hits(
                        app,
                        f,
                        frame,
                        panes.claims,
                        &theme,
                    ));
                }
                _ => drawn.claims = claims::render(app, frame, panes.claims, &theme),
            }
        }
    }
    status::render(app, frame, panes.status, &theme);
    match app.stack.last() {
        Some(Screen::Help(state)) => {
            let (rows, total) = help::render(&app.config.keymap, state, frame, area, &theme);
            drawn.help = Some(rows);
            drawn.help_lines = total;
        }
        Some(Screen::Pick(state)) => drawn.pick = Some(pick(app, state, frame, area, &theme)),
        _ => {}
    }
    drawn
}

/// A bordered pane, its border showing focus.
pub fn pane<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(title)
}

pub fn is_focused(app: &App, focus: Focus) -> bool {
    app.reading.focus == focus && matches!(app.mode(), Mode::Normal | Mode::Filter)
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

fn pick(app: &App, state: &PickState, frame: &mut Frame, area: Rect, theme: &Theme) -> ListDrawn {
    use ratatui::text::{Line, Span};
    let n = state.all.len() as u16;
    let popup = centered(area, 70, n.saturating_add(3));
    frame.render_widget(Clear, popup);
    let heading = match state.narrowing.prompt() {
        Some(prompt) => format!(
            "Compare the open article with: {prompt}  ({} of {})",
            state.choices.len(),
            state.all.len()
        ),
        None => "Compare the open article with:  (/ narrows)".to_owned(),
    };
    let mut lines = vec![Line::from(Span::styled(heading, theme.title()))];
    let width = popup.width.saturating_sub(4) as usize;
    // The rows that fit under the heading, scrolled to keep the cursor in.
    let room = (popup.height as usize).saturating_sub(3).max(1);
    let top = window(0, state.cursor, state.choices.len(), room, &|_| 1);
    let first_y = popup.y + 2;
    let mut rows = Vec::new();
    for (i, (id, s)) in state
        .choices
        .iter()
        .map(|&id| (id, &app.corpus.sources[id]))
        .enumerate()
        .skip(top)
        .take(room)
    {
        let label = format!(
            "{} {} — {}",
            if id == app.reading.source { "●" } else { " " },
            s.outlet_name(),
            s.title.as_deref().unwrap_or("(untitled)")
        );
        let style = if i == state.cursor {
            theme.selected()
        } else if id == app.reading.source {
            theme.dim()
        } else {
            Default::default()
        };
        rows.push((i, first_y + (i - top) as u16, 1));
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
    ListDrawn {
        area: Rect::new(
            popup.x + 1,
            first_y,
            popup.width.saturating_sub(2),
            room as u16,
        ),
        top,
        rows,
    }
}
