//! Compare mode: choosing the second article, aligned rows, moving between pairs.

use super::*;

/// Opens the picker over the reader: it lists the open article's story
/// (compare stays within it), the cursor on the first other article.
pub(super) fn open_picker(app: &mut App) {
    let choices = app.story_sources();
    if choices.len() < 2 {
        app.message = Some("compare needs two articles in the story".into());
        return;
    }
    let cursor = choices
        .iter()
        .position(|&s| s != app.reading.source)
        .unwrap_or(0);
    app.stack.push(Screen::Pick(PickState {
        all: choices.clone(),
        choices,
        cursor,
        narrowing: Narrowing::default(),
    }));
}

/// The articles whose outlet or title holds every word of the query
/// (ignoring case), in the picker's order.
fn narrow(app: &App, all: &[SourceId], query: &str) -> Vec<SourceId> {
    let holds = holds_words(query);
    all.iter()
        .copied()
        .filter(|&id| {
            let s = &app.corpus.sources[id];
            holds(&format!(
                "{} {}",
                s.outlet.as_deref().unwrap_or(""),
                s.title.as_deref().unwrap_or("")
            ))
        })
        .collect()
}

pub(super) fn pick(app: &mut App, action: Action) {
    let page = app.drawn.pick.as_ref().map_or(10, ListDrawn::page);
    let Some(Screen::Pick(state)) = app.stack.last_mut() else {
        return;
    };
    // Typing narrows the list; Enter still chooses, Esc stops typing.
    let edited = match action {
        Action::StartFilter => {
            state.narrowing.typing = true;
            return;
        }
        Action::Cancel if state.narrowing.typing => {
            state.narrowing.clear();
            true
        }
        _ => state.narrowing.edit(action),
    };
    if edited {
        let (all, query) = (state.all.clone(), state.narrowing.query.clone());
        let choices = narrow(app, &all, &query);
        if let Some(Screen::Pick(state)) = app.stack.last_mut() {
            state.cursor = choices
                .iter()
                .position(|&s| s != app.reading.source)
                .unwrap_or(0);
            state.choices = choices;
        }
        return;
    }
    match action {
        Action::Open | Action::Accept => {
            let Some(&right) = state.choices.get(state.cursor) else {
                app.message = Some("no article matches".into());
                return;
            };
            if right == app.reading.source {
                app.message = Some("pick another article than the open one".into());
                return;
            }

            pop(app);
            start_compare(app, app.reading.source, right);
        }
        Action::Cancel => pop(app),
        _ => state.cursor = move_index(state.cursor, state.choices.len(), action, page),
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
    let mut row_of = std::collections::HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        match *row {
            Row::Pair(l, r) => {
                row_of.insert(l, i);
                row_of.insert(r, i);
            }
            Row::Left(p) | Row::Right(p) => {
                row_of.insert(p, i);
            }
        }
    }
    app.stack.push(Screen::Compare(CompareState {
        left,
        right,
        rows,
        row_of,
        cursor,
        top: 0,
    }));
}

pub(super) fn compare(app: &mut App, action: Action) {
    let page = app.drawn.compare.as_ref().map_or(1, ListDrawn::page);
    let Some(Screen::Compare(state)) = app.stack.last_mut() else {
        return;
    };
    let len = state.rows.len();
    match action {
        Action::Compare | Action::Cancel => pop(app),
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
            pop(app);
            if let Some(p) = p {
                jump(app, p);
            }
        }
        Action::WheelDown(..) => state.cursor = (state.cursor + 1).min(len.saturating_sub(1)),
        Action::WheelUp(..) => state.cursor = state.cursor.saturating_sub(1),
        // A page is the rows the view drew: the next page starts where
        // this one ended, and the view keeps the cursor's row drawn.
        Action::PageDown | Action::PageUp | Action::HalfPageDown | Action::HalfPageUp => {
            let step = if matches!(action, Action::PageDown | Action::PageUp) {
                page
            } else {
                (page / 2).max(1)
            };
            let down = matches!(action, Action::PageDown | Action::HalfPageDown);
            let last = len.saturating_sub(1);
            if down {
                state.top = (state.top + step).min(last);
                state.cursor = (state.cursor + step).min(last);
            } else {
                state.top = state.top.saturating_sub(step);
                state.cursor = state.cursor.saturating_sub(step);
            }
        }
        _ => state.cursor = move_index(state.cursor, len, action, page),
    }
}
