//! Keys and the mouse in each pane of the main screen: the sources list,
//! the reader and the claims panel.

use super::*;

pub(super) fn sources_pane(app: &mut App, action: Action) {
    let page = app.drawn.sources.as_ref().map_or_else(
        || (layout::inner(app.panes().sources).height as usize / 2).max(1),
        ListDrawn::page,
    );
    match action {
        Action::Open => {
            if let Some(&s) = app.reading.source_rows.get(app.reading.source_cursor) {
                open_source(app, s);
                app.reading.focus = Focus::Reader;
            }
        }
        _ => {
            app.reading.source_cursor = move_index(
                app.reading.source_cursor,
                app.reading.source_rows.len(),
                action,
                page,
            )
        }
    }
}

/// Text width and rows of the reader: as last drawn, else as laid out.
fn reader_room(app: &App) -> (usize, usize) {
    let (width, height) = layout::reader_text(app.size, app.config.widths);
    let height = app
        .drawn
        .reader
        .as_ref()
        .map_or(height, |d| d.area.height as usize);
    (width, height.max(1))
}

pub(super) fn reader_pane(app: &mut App, action: Action) {
    let ids = app.article_passages();
    if ids.is_empty() {
        return;
    }
    let (width, height) = reader_room(app);
    let here = app.reading.passage;
    let target = match action {
        Action::Down => (here + 1).min(ids.end - 1),
        Action::Up => here.saturating_sub(1).max(ids.start),
        Action::ParagraphDown | Action::ParagraphUp => {
            let para = app.corpus.passages[here].paragraph;
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
            // Scroll by the rows drawn, as less does, and put the cursor
            // on the first passage that starts in the new window (the
            // last one going up).
            let doc = app.wraps.get(&app.corpus, app.reading.source, width);
            let step = if matches!(action, Action::HalfPageDown | Action::HalfPageUp) {
                (height / 2).max(1)
            } else {
                height
            };
            let down = matches!(action, Action::HalfPageDown | Action::PageDown);
            let last_top = doc.lines.len().saturating_sub(height);
            let top = if down {
                (app.reading.reader_top + step).min(last_top)
            } else {
                app.reading.reader_top.saturating_sub(step)
            };
            app.reading.reader_top = top;
            let starts_in = |p: &PassageId| {
                doc.first_line
                    .get(p)
                    .is_some_and(|&l| l >= top && l < top + height)
            };
            let found = if down {
                ids.clone().find(starts_in)
            } else {
                ids.clone().rev().find(starts_in)
            };
            found.unwrap_or(if down { ids.end - 1 } else { ids.start })
        }
        Action::Top => ids.start,
        Action::Bottom => ids.end - 1,
        Action::Open => {
            app.reading.focus = Focus::Claims;
            return;
        }
        _ => return,
    };
    app.reading.passage = target;
    keep_cursor_visible(app);
}

pub(super) fn claims_pane(app: &mut App, action: Action) {
    let rows = app.article_claims();
    let page = app.drawn.claims.as_ref().map_or(10, ListDrawn::page);
    match action {
        Action::Open => {
            if let Some(&(claim, p)) = rows.get(app.reading.claims_cursor) {
                jump(app, p);
                // `n` and `N` now walk this claim.
                app.reading.claim = claim;
                app.reading.focus = Focus::Reader;
            }
        }
        _ => {
            app.reading.claims_cursor =
                move_index(app.reading.claims_cursor, rows.len(), action, page)
        }
    }
}

/// Scrolls the reader so that the current passage is on screen (the view
/// does the same with the rows it draws; this keeps the state close).
pub fn keep_cursor_visible(app: &mut App) {
    if app.corpus.passages.is_empty() {
        return;
    }
    let (width, height) = reader_room(app);
    let doc = app.wraps.get(&app.corpus, app.reading.source, width);
    let (first, last) = doc.lines_of(app.reading.passage);
    app.reading.reader_top =
        crate::tui::drawn::span_window(app.reading.reader_top, first, last, height)
            .min(doc.lines.len().saturating_sub(1));
}

pub(super) fn click(app: &mut App, x: u16, y: u16) {
    let panes = app.panes();
    let inside = |r: Rect| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
    if inside(panes.sources) {
        app.reading.focus = Focus::Sources;
        let row = app.drawn.sources.as_ref().and_then(|d| d.item_at(y));
        if let Some(row) = row.filter(|&r| r < app.reading.source_rows.len()) {
            app.reading.source_cursor = row;
            open_source(app, app.reading.source_rows[row]);
        }
    } else if inside(panes.reader) {
        app.reading.focus = Focus::Reader;
        let Some(line) = app.drawn.reader.as_ref().and_then(|d| d.item_at(y)) else {
            return;
        };
        let (width, _) = reader_room(app);
        let doc = app.wraps.get(&app.corpus, app.reading.source, width);
        if let Some(l) = doc.lines.get(line) {
            let mut col = layout::inner(panes.reader).x + layout::GUTTER;
            let mut chosen = l.passages().next();
            for seg in &l.segments {
                let w = unicode_width::UnicodeWidthStr::width(seg.text.as_str()) as u16;
                if x >= col && x < col + w && seg.passage.is_some() {
                    chosen = seg.passage;
                }
                col += w;
            }
            if let Some(p) = chosen {
                app.reading.passage = p;
            }
        }
    } else if inside(panes.claims) {
        app.reading.focus = Focus::Claims;
    }
}

pub(super) fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    let panes = app.panes();
    let action = if down { Action::Down } else { Action::Up };
    if x >= panes.reader.x && x < panes.reader.x + panes.reader.width && y < panes.status.y {
        // The wheel moves the cursor, three passages a notch: the view
        // keeps it drawn, so what is read is what is selected.
        for _ in 0..3 {
            reader_pane(app, action);
        }
    } else if x < panes.reader.x {
        sources_pane(app, action);
    } else {
        claims_pane(app, action);
    }
}
