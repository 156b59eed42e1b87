//! `update(&mut App, Action)`: the only place the state changes. Moving
//! around, filtering, compare mode and the matrix live in submodules.

use ratatui::layout::Rect;

use crate::model::{PassageId, SourceId};

use super::action::Action;
use super::align::{Row, align};
use super::app::{
    App, CompareState, FilterState, Focus, HelpState, MatrixSort, MatrixState, Narrowing,
    PickState, Scope, Screen, SearchMode,
};
use super::drawn::{Drawn, ListDrawn};
use super::filter::{Term, TermKind, parse};
use super::layout;
use super::screens::holds_words;
use super::search::{self, SearchReply, SearchRequest};

mod comparing;
mod filtering;
mod matrix;
mod navigation;
mod panes;

pub use comparing::start_compare;
use comparing::{compare, open_picker, pick};
pub use filtering::{can_narrow, refresh_filter, search_done};
use filtering::{filter, start_filter};
use matrix::matrix;
pub use matrix::matrix_rows;
pub use navigation::{active_claim, corroborating, jump, jump_to_claim, open_source};
use navigation::{corroboration, history_step, seek, step_match};
pub use panes::keep_cursor_visible;
use panes::{claims_pane, click, reader_pane, sources_pane, wheel};

pub fn update(app: &mut App, action: Action) {
    let was_g = std::mem::take(&mut app.pending_g);
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    match action {
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
            // The last frame's rows are of the old size.
            app.drawn = Default::default();
            keep_cursor_visible(app);
            return;
        }
        Action::Interrupt => {
            app.quit = true;
            app.interrupted = true;
            return;
        }
        Action::G if !was_g => {
            app.pending_g = true;
            return;
        }
        _ => {}
    }
    let action = if action == Action::G {
        Action::Top
    } else {
        action
    };
    // The top screen takes the action (the mode only picks its keys).
    match app.stack.last() {
        Some(Screen::Help(_)) => help(app, action),
        Some(Screen::Filter(_)) => filter(app, action),
        Some(Screen::Pick(_)) => pick(app, action),
        Some(Screen::Compare(_)) => compare(app, action),
        Some(Screen::Matrix(_)) => matrix(app, action),
        None => normal(app, action),
    }
}

/// Takes in what the last frame drew: the first rows the views showed
/// (they scroll to keep each cursor drawn) become the screens' own.
pub fn drawn(app: &mut App, drawn: Drawn) {
    if let Some(r) = &drawn.reader {
        app.reading.reader_top = r.top;
    }
    if let Some(r) = &drawn.sources {
        app.reading.sources_top = r.top;
    }
    for screen in &mut app.stack {
        match screen {
            Screen::Help(h) => {
                if let Some(r) = &drawn.help {
                    h.top = r.top;
                }
            }
            Screen::Compare(c) => {
                if let Some(r) = &drawn.compare {
                    c.top = r.top;
                }
            }
            Screen::Matrix(m) => {
                if let Some(r) = &drawn.matrix {
                    m.top = r.top;
                }
                if let Some((first, _)) = drawn.matrix_columns {
                    m.column = first;
                }
            }
            Screen::Filter(_) | Screen::Pick(_) => {}
        }
    }
    app.drawn = drawn;
}

/// Closes the top screen: what is under it shows as it was left.
pub(super) fn pop(app: &mut App) {
    app.stack.pop();
}

/// Opens help over the current screen; closing it returns there.
pub(super) fn open_help(app: &mut App) {
    app.stack.push(Screen::Help(HelpState::default()));
}

fn help(app: &mut App, action: Action) {
    // The lines and the room the view drew; before any frame, the layout's.
    let (total, visible) = match &app.drawn.help {
        Some(d) => (app.drawn.help_lines, d.area.height as usize),
        None => layout::help_lines(app.size, &app.config.keymap),
    };
    let last_top = total.saturating_sub(visible);
    let page = visible.max(1);
    let Some(Screen::Help(state)) = app.stack.last_mut() else {
        return;
    };
    let top = &mut state.top;
    match action {
        Action::ToggleHelp | Action::Cancel => {
            pop(app);
            return;
        }
        Action::Down | Action::WheelDown(..) => *top += 1,
        Action::Up | Action::WheelUp(..) => *top = top.saturating_sub(1),
        Action::PageDown => *top += page,
        Action::HalfPageDown => *top += page / 2,
        Action::PageUp => *top = top.saturating_sub(page),
        Action::HalfPageUp => *top = top.saturating_sub(page / 2),
        Action::Top => *top = 0,
        Action::Bottom => *top = last_top,
        _ => {}
    }
    // Never past the last line: the next key up scrolls at once.
    *top = (*top).min(last_top);
}

fn normal(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::ToggleHelp => open_help(app),
        Action::FocusNext => app.reading.focus = cycle_focus(app.reading.focus, true),
        Action::FocusPrev => app.reading.focus = cycle_focus(app.reading.focus, false),
        Action::NextCorroboration => corroboration(app, true),
        Action::PrevCorroboration => corroboration(app, false),
        Action::NextMatch => step_match(app, true),
        Action::PrevMatch => step_match(app, false),
        Action::Back => history_step(app, false),
        Action::Forward => history_step(app, true),
        Action::NextCorroborated => seek(
            app,
            true,
            |a, p| a.derived.corroborated(p),
            "no further passage others corroborate",
        ),
        Action::PrevCorroborated => seek(
            app,
            false,
            |a, p| a.derived.corroborated(p),
            "no earlier passage others corroborate",
        ),
        Action::NextSingle => seek(
            app,
            true,
            |a, p| a.derived.single[p],
            "no further single-source passage",
        ),
        Action::PrevSingle => seek(
            app,
            false,
            |a, p| a.derived.single[p],
            "no earlier single-source passage",
        ),
        Action::StartFilter => start_filter(app),
        Action::Compare => open_picker(app),
        Action::Matrix => {
            if app.story_claims().is_empty() {
                app.message = Some(if app.linking {
                    "cross-referencing…: the matrix opens when claims are ready".into()
                } else {
                    "no claim is shared by two sources".into()
                });
            } else {
                app.stack.push(Screen::Matrix(MatrixState::default()));
            }
        }
        Action::Cancel => {
            if app.reading.search.take().is_some() {
                app.message = Some("search cleared".into());
            }
            if app.reading.source_rows.len() != app.corpus.sources.len() {
                all_sources(app);
            }
        }
        Action::Click(x, y) => click(app, x, y),
        Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
            let down = matches!(action, Action::WheelDown(..));
            wheel(app, x, y, down);
        }
        _ => match app.reading.focus {
            Focus::Sources => sources_pane(app, action),
            Focus::Reader => reader_pane(app, action),
            Focus::Claims => claims_pane(app, action),
        },
    }
}

/// The sources pane lists every article again, the open one selected.
pub(super) fn all_sources(app: &mut App) {
    app.reading.source_rows = crate::tui::app::story_order(&app.corpus);
    app.reading.source_cursor = app
        .reading
        .source_rows
        .iter()
        .position(|&s| s == app.reading.source)
        .unwrap_or(0);
}

fn cycle_focus(focus: Focus, forward: bool) -> Focus {
    match (focus, forward) {
        (Focus::Sources, true) | (Focus::Claims, false) => Focus::Reader,
        (Focus::Reader, true) | (Focus::Sources, false) => Focus::Claims,
        (Focus::Claims, true) | (Focus::Reader, false) => Focus::Sources,
    }
}

fn move_index(current: usize, len: usize, action: Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Down => (current + 1).min(last),
        Action::Up => current.saturating_sub(1),
        Action::HalfPageDown => (current + page / 2).min(last),
        Action::HalfPageUp => current.saturating_sub(page / 2),
        Action::PageDown => (current + page).min(last),
        Action::PageUp => current.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => current,
    }
}
