//! `update(&mut App, Action)`: the only place the state changes. Moving
//! around, filtering, compare mode and the matrix live in submodules.

use ratatui::layout::Rect;

use crate::model::{PassageId, SourceId};

use super::action::Action;
use super::align::{Row, align};
use super::app::{App, CompareState, Focus, Mode, Scope, SearchMode};
use super::filter::{Term, TermKind, parse};
use super::layout;
use super::search::{self, SearchReply, SearchRequest};

mod comparing;
mod filtering;
mod matrix;
mod navigation;

pub use comparing::start_compare;
use comparing::{compare, pick};
pub use filtering::{can_narrow, refresh_filter, search_done};
use filtering::{filter, start_filter};
use matrix::matrix;
pub use navigation::{corroborating, jump, open_source};
use navigation::{corroboration, history_step, seek};

pub fn update(app: &mut App, action: Action) {
    let was_g = std::mem::take(&mut app.pending_g);
    if !matches!(action, Action::Resize(..)) {
        app.message = None;
    }
    match action {
        Action::Resize(w, h) => {
            app.size = Rect::new(0, 0, w, h);
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
    match app.mode {
        Mode::Help => help(app, action),
        Mode::Filter => filter(app, action),
        Mode::PickCompare => pick(app, action),
        Mode::Compare => compare(app, action),
        Mode::Matrix => matrix(app, action),
        Mode::Normal => normal(app, action),
    }
}

/// Opens help over the current screen; closing it returns there.
pub(super) fn open_help(app: &mut App) {
    app.help_from = app.mode;
    app.help_top = 0;
    app.mode = Mode::Help;
}

fn help(app: &mut App, action: Action) {
    let (total, visible) = layout::help_lines(app.size);
    let last_top = total.saturating_sub(visible);
    let page = visible.max(1);
    match action {
        Action::ToggleHelp | Action::Cancel | Action::Quit => app.mode = app.help_from,
        Action::Down | Action::WheelDown(..) => app.help_top += 1,
        Action::Up | Action::WheelUp(..) => app.help_top = app.help_top.saturating_sub(1),
        Action::PageDown => app.help_top += page,
        Action::HalfPageDown => app.help_top += page / 2,
        Action::PageUp => app.help_top = app.help_top.saturating_sub(page),
        Action::HalfPageUp => app.help_top = app.help_top.saturating_sub(page / 2),
        Action::Top => app.help_top = 0,
        Action::Bottom => app.help_top = last_top,
        _ => {}
    }
    // Never past the last line: the next key up scrolls at once.
    app.help_top = app.help_top.min(last_top);
}

fn normal(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::ToggleHelp => open_help(app),
        Action::FocusNext => app.focus = cycle_focus(app.focus, true),
        Action::FocusPrev => app.focus = cycle_focus(app.focus, false),
        Action::NextCorroboration => corroboration(app, true),
        Action::PrevCorroboration => corroboration(app, false),
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
        Action::Compare => {
            let choices = app.story_sources();
            if choices.len() < 2 {
                app.message = Some("compare needs two articles in the story".into());
            } else {
                app.pick_cursor = choices.iter().position(|&s| s != app.source).unwrap_or(0);
                app.mode = Mode::PickCompare;
            }
        }
        Action::Matrix => {
            let rows = app.story_claims().len();
            if rows == 0 {
                app.message = Some("no claim is shared by two sources".into());
            } else {
                // The matrix is the open story's: another story may have
                // fewer rows than the last one shown.
                app.matrix_cursor = app.matrix_cursor.min(rows - 1);
                app.matrix_top = app.matrix_top.min(app.matrix_cursor);
                app.mode = Mode::Matrix;
            }
        }
        Action::Cancel => {
            if app.source_rows.len() != app.corpus.sources.len() {
                app.source_rows = crate::tui::app::story_order(&app.corpus);
                app.source_cursor = app
                    .source_rows
                    .iter()
                    .position(|&s| s == app.source)
                    .unwrap_or(0);
            }
        }
        Action::Click(x, y) => click(app, x, y),
        Action::WheelDown(x, y) | Action::WheelUp(x, y) => {
            let down = matches!(action, Action::WheelDown(..));
            wheel(app, x, y, down);
        }
        _ => match app.focus {
            Focus::Sources => sources_pane(app, action),
            Focus::Reader => reader_pane(app, action),
            Focus::Claims => claims_pane(app, action),
        },
    }
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

fn sources_pane(app: &mut App, action: Action) {
    let page = (layout::inner(layout::panes(app.size).sources).height as usize / 2).max(1);
    match action {
        Action::Open => {
            if let Some(&s) = app.source_rows.get(app.source_cursor) {
                open_source(app, s);
                app.focus = Focus::Reader;
            }
        }
        _ => app.source_cursor = move_index(app.source_cursor, app.source_rows.len(), action, page),
    }
}

fn reader_pane(app: &mut App, action: Action) {
    let ids = app.article_passages();
    if ids.is_empty() {
        return;
    }
    let (width, height) = layout::reader_text(app.size);
    let target = match action {
        Action::Down => (app.passage + 1).min(ids.end - 1),
        Action::Up => app.passage.saturating_sub(1).max(ids.start),
        Action::ParagraphDown | Action::ParagraphUp => {
            let para = app.corpus.passages[app.passage].paragraph;
            let down = action == Action::ParagraphDown;
            let found = if down {
                ids.clone()
                    .find(|&p| app.corpus.passages[p].paragraph > para)
            } else {
                // The first passage of the previous paragraph.
                let prev = ids
                    .clone()
                    .rev()
                    .find(|&p| app.corpus.passages[p].paragraph < para);
                prev.map(|q| {
                    let pp = app.corpus.passages[q].paragraph;
                    ids.clone()
                        .find(|&p| app.corpus.passages[p].paragraph == pp)
                        .unwrap_or(q)
                })
            };
            found.unwrap_or(if down { ids.end - 1 } else { ids.start })
        }
        Action::HalfPageDown | Action::HalfPageUp | Action::PageDown | Action::PageUp => {
            let doc = app.wraps.get(&app.corpus, app.source, width);
            let step = if matches!(action, Action::HalfPageDown | Action::HalfPageUp) {
                height / 2
            } else {
                height
            };
            let here = doc.first_line.get(&app.passage).copied().unwrap_or(0);
            let down = matches!(action, Action::HalfPageDown | Action::PageDown);
            let line = if down {
                here + step.max(1)
            } else {
                here.saturating_sub(step.max(1))
            };
            if down {
                app.reader_top =
                    (app.reader_top + step).min(doc.lines.len().saturating_sub(height));
                ids.clone()
                    .find(|p| doc.first_line.get(p).is_some_and(|&l| l >= line))
                    .unwrap_or(ids.end - 1)
            } else {
                app.reader_top = app.reader_top.saturating_sub(step);
                ids.clone()
                    .rev()
                    .find(|p| doc.first_line.get(p).is_some_and(|&l| l <= line))
                    .unwrap_or(ids.start)
            }
        }
        Action::Top => ids.start,
        Action::Bottom => ids.end - 1,
        Action::Open => {
            app.focus = Focus::Claims;
            return;
        }
        _ => return,
    };
    app.passage = target;
    keep_cursor_visible(app);
}

fn claims_pane(app: &mut App, action: Action) {
    let rows = app.article_claims();
    match action {
        Action::Open => {
            if let Some(&(_, p)) = rows.get(app.claims_cursor) {
                jump(app, p);
                app.focus = Focus::Reader;
            }
        }
        _ => app.claims_cursor = move_index(app.claims_cursor, rows.len(), action, 10),
    }
}

/// Scrolls the reader so that the current passage is on screen.
pub fn keep_cursor_visible(app: &mut App) {
    let (width, height) = layout::reader_text(app.size);
    if app.corpus.passages.is_empty() {
        return;
    }
    let doc = app.wraps.get(&app.corpus, app.source, width);
    let first = doc.first_line.get(&app.passage).copied().unwrap_or(0);
    let last = doc.last_line.get(&app.passage).copied().unwrap_or(first);
    if first < app.reader_top {
        app.reader_top = first;
    } else if last >= app.reader_top + height {
        app.reader_top = (last + 1).saturating_sub(height).min(first);
    }
    app.reader_top = app.reader_top.min(doc.lines.len().saturating_sub(1));
}

fn click(app: &mut App, x: u16, y: u16) {
    let panes = layout::panes(app.size);
    let inside = |r: Rect| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
    if inside(panes.sources) {
        app.focus = Focus::Sources;
        let inner = layout::inner(panes.sources);
        if y >= inner.y {
            let row = (y - inner.y) as usize / 2 + sources_top(app);
            if row < app.source_rows.len() {
                app.source_cursor = row;
                open_source(app, app.source_rows[row]);
            }
        }
    } else if inside(panes.reader) {
        app.focus = Focus::Reader;
        let inner = layout::inner(panes.reader);
        let header = super::view::reader::HEADER_LINES;
        if y < inner.y + header {
            return;
        }
        let (width, _) = layout::reader_text(app.size);
        let doc = app.wraps.get(&app.corpus, app.source, width);
        let line = app.reader_top + (y - inner.y - header) as usize;
        if let Some(l) = doc.lines.get(line) {
            let mut col = inner.x + layout::GUTTER;
            let mut chosen = l.passages().next();
            for seg in &l.segments {
                let w = unicode_width::UnicodeWidthStr::width(seg.text.as_str()) as u16;
                if x >= col && x < col + w && seg.passage.is_some() {
                    chosen = seg.passage;
                }
                col += w;
            }
            if let Some(p) = chosen {
                app.passage = p;
            }
        }
    } else if inside(panes.claims) {
        app.focus = Focus::Claims;
    }
}

/// First source row shown (the list keeps the cursor visible).
pub fn sources_top(app: &App) -> usize {
    let rows = (layout::inner(layout::panes(app.size).sources).height as usize / 2).max(1);
    app.source_cursor.saturating_sub(rows - 1)
}

fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let panes = layout::panes(app.size);
    let action = if down { Action::Down } else { Action::Up };
    if x >= panes.reader.x && x < panes.reader.x + panes.reader.width && y < panes.status.y {
        let (width, height) = layout::reader_text(app.size);
        let lines = app.wraps.get(&app.corpus, app.source, width).lines.len();
        app.reader_top = if down {
            (app.reader_top + 3).min(lines.saturating_sub(height))
        } else {
            app.reader_top.saturating_sub(3)
        };
    } else if x < panes.reader.x {
        sources_pane(app, action);
    } else {
        claims_pane(app, action);
    }
}
