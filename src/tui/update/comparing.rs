//! Compare mode: choosing the second article, aligned rows, moving between pairs.

use super::*;

/// The picker lists the open article's story: compare stays within it.
pub(super) fn pick(app: &mut App, action: Action) {
    let choices = app.story_sources();
    let n = choices.len();
    match action {
        Action::Open | Action::Accept => {
            let Some(&right) = choices.get(app.pick_cursor) else {
                return;
            };
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
pub(super) fn comparable(app: &App, source: SourceId) -> Vec<PassageId> {
    app.corpus
        .passages_of(source)
        .iter()
        .filter(|p| p.is_linkable())
        .map(|p| p.id)
        .collect()
}

pub fn start_compare(app: &mut App, left: SourceId, right: SourceId) {
    let (l, r) = (comparable(app, left), comparable(app, right));
    // Positions of passages that share a claim, through each claim's
    // members: linear in the pairs, never a table of every position.
    let claims_of = &app.derived.claims_of;
    let right_at: std::collections::HashMap<PassageId, usize> =
        r.iter().enumerate().map(|(j, &p)| (p, j)).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &p) in l.iter().enumerate() {
        for &c in &claims_of[p] {
            pairs.extend(
                app.corpus.claims[c]
                    .passages
                    .iter()
                    .filter_map(|q| right_at.get(q))
                    .map(|&j| (i, j)),
            );
        }
    }
    let rows = align(&l, &r, &pairs);
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

pub(super) fn compare(app: &mut App, action: Action) {
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
        Action::ToggleHelp => super::open_help(app),
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
