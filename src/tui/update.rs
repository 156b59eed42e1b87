//! `update(&mut App, Action)`: the only place the state changes.

use ratatui::layout::Rect;

use crate::model::{PassageId, SourceId};

use super::action::Action;
use super::align::{Row, align};
use super::app::{App, CompareState, Focus, Mode, Scope, SearchMode};
use super::filter::{Term, TermKind, parse};
use super::layout;
use super::search::{self, SearchReply, SearchRequest};

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

fn help(app: &mut App, action: Action) {
    match action {
        Action::ToggleHelp | Action::Cancel | Action::Quit => app.mode = Mode::Normal,
        Action::Down | Action::WheelDown(..) => app.help_top += 1,
        Action::Up | Action::WheelUp(..) => app.help_top = app.help_top.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => app.help_top += 10,
        Action::PageUp | Action::HalfPageUp => app.help_top = app.help_top.saturating_sub(10),
        Action::Top => app.help_top = 0,
        _ => {}
    }
}

fn normal(app: &mut App, action: Action) {
    match action {
        Action::Quit => app.quit = true,
        Action::ToggleHelp => {
            app.help_top = 0;
            app.mode = Mode::Help;
        }
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
            if app.corpus.sources.len() < 2 {
                app.message = Some("compare needs two articles".into());
            } else {
                app.pick_cursor = if app.source == 0 { 1 } else { 0 };
                app.mode = Mode::PickCompare;
            }
        }
        Action::Matrix => {
            if app.corpus.claims.is_empty() {
                app.message = Some("no claim is shared by two sources".into());
            } else {
                app.mode = Mode::Matrix;
            }
        }
        Action::Cancel => {
            if app.source_rows.len() != app.corpus.sources.len() {
                app.source_rows = (0..app.corpus.sources.len()).collect();
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

/// Opens an article at its first passage (recorded in the jump history).
pub fn open_source(app: &mut App, source: SourceId) {
    if let Some(s) = app.corpus.sources.get(source) {
        if s.passage_ids.is_empty() {
            app.message = Some("this article has no passage".into());
            return;
        }
        let first = s.passage_ids.start;
        jump(app, first);
        app.reader_top = 0;
    }
}

/// Moves the cursor to a passage, in any article, without history.
fn go_to(app: &mut App, passage: PassageId) {
    let Some(p) = app.corpus.passages.get(passage) else {
        return;
    };
    if p.source != app.source {
        app.reader_top = 0;
        app.claims_cursor = 0;
    }
    app.source = p.source;
    app.passage = passage;
    if let Some(row) = app.source_rows.iter().position(|&s| s == app.source) {
        app.source_cursor = row;
    }
    keep_cursor_visible(app);
}

/// Moves the cursor to a passage and records the move in the jump history.
pub fn jump(app: &mut App, passage: PassageId) {
    if app.history.is_empty() {
        app.history.push(app.passage);
        app.history_pos = 0;
    }
    app.history.truncate(app.history_pos + 1);
    if app.history.last() != Some(&app.passage) {
        app.history.push(app.passage);
    }
    if app.history.last() != Some(&passage) {
        app.history.push(passage);
    }
    app.history_pos = app.history.len() - 1;
    go_to(app, passage);
}

fn history_step(app: &mut App, forward: bool) {
    let target = if forward {
        app.history_pos + 1
    } else {
        app.history_pos.wrapping_sub(1)
    };
    match app.history.get(target) {
        Some(&p) => {
            app.history_pos = target;
            go_to(app, p);
        }
        None => {
            app.message = Some(
                if forward {
                    "at the newest jump"
                } else {
                    "at the oldest jump"
                }
                .into(),
            )
        }
    }
}

/// Passages of other sources that state what `p` states (claim members and
/// link partners), ordered by source, then reading order.
pub fn corroborating(app: &App, p: PassageId) -> Vec<PassageId> {
    let own = app.corpus.passages[p].source;
    let mut out: Vec<PassageId> = app.derived.claims_of[p]
        .iter()
        .flat_map(|&c| app.corpus.claims[c].passages.iter().copied())
        .chain(app.derived.partners[p].iter().copied())
        .filter(|&q| app.corpus.passages[q].source != own)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn corroboration(app: &mut App, forward: bool) {
    let list = corroborating(app, app.passage);
    if list.is_empty() {
        app.message = Some("no other source corroborates this passage".into());
        return;
    }
    let n = app.corpus.sources.len();
    let here = app.source;
    // Cyclic order of sources after the current one.
    let rank = |q: PassageId| (app.corpus.passages[q].source + n - here) % n;
    let target = if forward {
        list.iter().copied().min_by_key(|&q| (rank(q), q))
    } else {
        list.iter()
            .copied()
            .max_by_key(|&q| (rank(q), std::cmp::Reverse(q)))
    };
    if let Some(q) = target {
        jump(app, q);
    }
}

fn seek(app: &mut App, forward: bool, wanted: fn(&App, PassageId) -> bool, none: &str) {
    let ids = app.article_passages();
    let found = if forward {
        (app.passage + 1..ids.end).find(|&p| wanted(app, p))
    } else {
        (ids.start..app.passage).rev().find(|&p| wanted(app, p))
    };
    match found {
        Some(p) => {
            app.passage = p;
            keep_cursor_visible(app);
        }
        None => app.message = Some(none.to_owned()),
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

// ----- filter -----

fn start_filter(app: &mut App) {
    app.scope = match app.focus {
        Focus::Sources => Scope::Sources,
        Focus::Reader => Scope::Passages,
        Focus::Claims => Scope::Claims,
    };
    app.filter = Default::default();
    app.mode = Mode::Filter;
    refresh_filter(app);
}

/// Whether results of `old` may be narrowed to get those of `new`: the
/// query only grew, no negation is involved, and the last term's typo
/// allowance did not change.
pub fn can_narrow(old: &[Term], new: &[Term]) -> bool {
    if old.is_empty() || new.len() < old.len() || new.iter().chain(old).any(|t| t.negated) {
        return false;
    }
    let allowance = |t: &Term| match t.text.chars().count() {
        n if n >= 8 => 2,
        n if n >= 4 => 1,
        _ => 0,
    };
    old.iter().zip(new).enumerate().all(|(i, (o, n))| {
        let last = i == old.len() - 1;
        o.kind == n.kind
            && o.case_sensitive == n.case_sensitive
            && if last && o.kind == TermKind::Fuzzy {
                n.text.starts_with(&o.text) && allowance(o) == allowance(n)
            } else if last {
                n.text.starts_with(&o.text) && o.kind != TermKind::Suffix
            } else {
                o.text == n.text
            }
    })
}

pub fn refresh_filter(app: &mut App) {
    let terms = parse(&app.filter.query);
    let old = parse(&app.filter.last_query);
    app.filter.generation += 1;
    let request = SearchRequest {
        generation: app.filter.generation,
        scope: app.scope,
        query: app.filter.query.clone(),
        within: can_narrow(&old, &terms).then(|| app.filter.last_items.clone()),
    };
    match app.search {
        SearchMode::Background if !terms.is_empty() => app.filter.pending = Some(request),
        _ => {
            let hits = search::search(&app.indexes, &request);
            search_done(
                app,
                SearchReply {
                    generation: request.generation,
                    query: request.query,
                    hits,
                },
            );
        }
    }
}

/// Takes in the results of a query (dropped if a newer one was typed since).
pub fn search_done(app: &mut App, reply: SearchReply) {
    if reply.generation != app.filter.generation || app.mode != Mode::Filter {
        return;
    }
    let mut hits = reply.hits;
    if app.scope == Scope::Passages {
        hits.retain(|h| app.corpus.passages[h.item].duplicate_of.is_none());
    }
    let mut items: Vec<usize> = hits.iter().map(|h| h.item).collect();
    items.sort_unstable();
    app.filter.last_items = items;
    app.filter.last_query = reply.query;
    app.filter.hits = hits;
    app.filter.selected = 0;
    app.filter.top = 0;
    if app.scope == Scope::Sources {
        app.source_rows = if app.filter.query.trim().is_empty() {
            (0..app.corpus.sources.len()).collect()
        } else {
            app.filter.hits.iter().map(|h| h.item).collect()
        };
        app.source_cursor = 0;
    }
}

fn filter(app: &mut App, action: Action) {
    match action {
        Action::Input(c) => {
            app.filter.query.push(c);
            refresh_filter(app);
        }
        Action::Backspace => {
            if app.filter.query.pop().is_none() {
                close_filter(app);
                return;
            }
            refresh_filter(app);
        }
        Action::ClearInput => {
            app.filter.query.clear();
            refresh_filter(app);
        }
        Action::Down | Action::Up => {
            let len = app.filter.hits.len();
            app.filter.selected = move_index(app.filter.selected, len, action, 10);
            if app.scope == Scope::Sources {
                app.source_cursor = app.filter.selected;
            }
        }
        Action::Accept => {
            let chosen = app.filter.hits.get(app.filter.selected).map(|h| h.item);
            let scope = app.scope;
            app.mode = Mode::Normal;
            match (scope, chosen) {
                (Scope::Passages, Some(p)) => {
                    jump(app, p);
                    app.focus = Focus::Reader;
                }
                (Scope::Sources, Some(s)) => {
                    open_source(app, s);
                    app.focus = Focus::Reader;
                }
                (Scope::Claims, Some(c)) => {
                    let claim = &app.corpus.claims[c];
                    let here = claim
                        .passages
                        .iter()
                        .copied()
                        .find(|&p| app.corpus.passages[p].source == app.source);
                    jump(app, here.unwrap_or(claim.representative));
                }
                (_, None) => app.message = Some("no match".into()),
            }
            if scope != Scope::Sources {
                app.filter = Default::default();
            }
        }
        Action::Cancel => close_filter(app),
        Action::Quit => app.quit = true,
        _ => {}
    }
}

fn close_filter(app: &mut App) {
    app.filter = Default::default();
    app.source_rows = (0..app.corpus.sources.len()).collect();
    app.source_cursor = app.source;
    app.mode = Mode::Normal;
}

// ----- compare -----

fn pick(app: &mut App, action: Action) {
    let n = app.corpus.sources.len();
    match action {
        Action::Open | Action::Accept => {
            let right = app.pick_cursor;
            if right == app.source {
                app.message = Some("pick another article than the open one".into());
                return;
            }
            start_compare(app, app.source, right);
        }
        Action::Cancel | Action::Quit => app.mode = Mode::Normal,
        _ => app.pick_cursor = move_index(app.pick_cursor, n, action, 10),
    }
}

/// The passages of a source shown in compare mode: the article's text,
/// without boilerplate and repeats.
fn comparable(app: &App, source: SourceId) -> Vec<PassageId> {
    app.corpus
        .passages_of(source)
        .iter()
        .filter(|p| p.is_linkable())
        .map(|p| p.id)
        .collect()
}

pub fn start_compare(app: &mut App, left: SourceId, right: SourceId) {
    let (l, r) = (comparable(app, left), comparable(app, right));
    let claims_of = &app.derived.claims_of;
    let partner =
        |a: PassageId, b: PassageId| claims_of[a].iter().any(|c| claims_of[b].contains(c));
    let rows = align(&l, &r, &partner);
    let cursor = rows
        .iter()
        .position(|row| matches!(row, Row::Pair(..)))
        .unwrap_or(0);
    app.compare = Some(CompareState {
        left,
        right,
        rows,
        cursor,
        top: 0,
    });
    app.mode = Mode::Compare;
}

fn compare(app: &mut App, action: Action) {
    let Some(state) = app.compare.as_mut() else {
        app.mode = Mode::Normal;
        return;
    };
    let len = state.rows.len();
    match action {
        Action::Compare | Action::Cancel => {
            app.compare = None;
            app.mode = Mode::Normal;
        }
        Action::Quit => app.quit = true,
        Action::ToggleHelp => app.mode = Mode::Help,
        Action::NextCorroboration | Action::PrevCorroboration => {
            let forward = action == Action::NextCorroboration;
            let is_pair = |r: &Row| matches!(r, Row::Pair(..));
            let found = if forward {
                (state.cursor + 1..len).find(|&i| is_pair(&state.rows[i]))
            } else {
                (0..state.cursor).rev().find(|&i| is_pair(&state.rows[i]))
            };
            match found {
                Some(i) => state.cursor = i,
                None => app.message = Some("no further aligned pair".into()),
            }
        }
        Action::Open => {
            let p = match state.rows.get(state.cursor) {
                Some(Row::Pair(l, _)) | Some(Row::Left(l)) => Some(*l),
                Some(Row::Right(r)) => Some(*r),
                None => None,
            };
            app.compare = None;
            app.mode = Mode::Normal;
            if let Some(p) = p {
                jump(app, p);
            }
        }
        Action::WheelDown(..) => state.cursor = (state.cursor + 1).min(len.saturating_sub(1)),
        Action::WheelUp(..) => state.cursor = state.cursor.saturating_sub(1),
        _ => state.cursor = move_index(state.cursor, len, action, 10),
    }
    if let Some(state) = app.compare.as_mut() {
        // Rows have varying heights; keep the cursor within a window of rows.
        let rows_visible =
            (layout::inner(layout::panes(app.size).reader).height as usize / 3).max(1);
        if state.cursor < state.top {
            state.top = state.cursor;
        } else if state.cursor >= state.top + rows_visible {
            state.top = state.cursor + 1 - rows_visible;
        }
    }
}

// ----- matrix -----

fn matrix(app: &mut App, action: Action) {
    let len = app.corpus.claims.len();
    match action {
        Action::Matrix | Action::Cancel => app.mode = Mode::Normal,
        Action::Quit => app.quit = true,
        Action::ToggleHelp => app.mode = Mode::Help,
        Action::Open => {
            if let Some(claim) = app.corpus.claims.get(app.matrix_cursor) {
                let here = claim
                    .passages
                    .iter()
                    .copied()
                    .find(|&p| app.corpus.passages[p].source == app.source);
                let target = here.unwrap_or(claim.representative);
                app.mode = Mode::Normal;
                jump(app, target);
            }
        }
        Action::WheelDown(..) => {
            app.matrix_cursor = (app.matrix_cursor + 1).min(len.saturating_sub(1))
        }
        Action::WheelUp(..) => app.matrix_cursor = app.matrix_cursor.saturating_sub(1),
        _ => app.matrix_cursor = move_index(app.matrix_cursor, len, action, 10),
    }
    let visible = (app.size.height as usize).saturating_sub(6).max(1);
    if app.matrix_cursor < app.matrix_top {
        app.matrix_top = app.matrix_cursor;
    } else if app.matrix_cursor >= app.matrix_top + visible {
        app.matrix_top = app.matrix_cursor + 1 - visible;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_only_when_the_query_only_grew() {
        let p = |q: &str| parse(q);
        assert!(
            !can_narrow(&p("fir"), &p("fire")),
            "typo allowance changes at 4 letters"
        );
        assert!(can_narrow(&p("fire"), &p("firem")));
        assert!(can_narrow(&p("fire"), &p("fire kil")));
        assert!(!can_narrow(&p("fire"), &p("fir")));
        assert!(!can_narrow(&p("fire !x"), &p("fire !xy")));
        assert!(!can_narrow(&p("fire"), &p("Fire")));
        assert!(!can_narrow(&p(""), &p("f")));
    }
}
