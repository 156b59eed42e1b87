//! The claims matrix: moving between claims, sideways between sources,
//! changing the order, and jumping to a claim.

use super::*;
use crate::model::ClaimId;

/// The matrix's rows: claims of the open article's story holding every
/// word of the query (ignoring case), in the order chosen.
pub fn matrix_rows(app: &App, sort: MatrixSort, query: &str) -> Vec<ClaimId> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut rows = app.story_claims();
    if !words.is_empty() {
        rows.retain(|&c| {
            let text = app.corpus.claims[c].text.to_lowercase();
            words.iter().all(|w| text.contains(w.as_str()))
        });
    }
    match sort {
        MatrixSort::Support => {}
        MatrixSort::Article => {
            let ids = app.article_passages();
            let first_here = |c: ClaimId| {
                app.corpus.claims[c]
                    .passages
                    .iter()
                    .copied()
                    .filter(|p| ids.contains(p))
                    .min()
                    .unwrap_or(usize::MAX)
            };
            rows.sort_by_key(|&c| (first_here(c), c));
        }
        MatrixSort::Differences => {
            rows.sort_by_key(|&c| (app.corpus.claims[c].differences.is_empty(), c));
        }
    }
    rows
}

pub(super) fn matrix(app: &mut App, action: Action) {
    let page = app.drawn.matrix.as_ref().map_or(10, ListDrawn::page);
    let columns = app.story_sources().len();
    let shown = app.drawn.matrix_columns.map_or(columns, |c| c.1.max(1));
    let Some(Screen::Matrix(state)) = app.stack.last() else {
        return;
    };
    if (state.typing || !state.query.is_empty())
        && let Some(done) = type_query(app, action)
    {
        return done;
    }
    let Some(Screen::Matrix(state)) = app.stack.last() else {
        return;
    };
    let rows = matrix_rows(app, state.sort, &state.query);
    let chosen = rows.get(state.cursor).copied();
    let len = rows.len();
    match action {
        Action::StartFilter => {
            if let Some(Screen::Matrix(state)) = app.stack.last_mut() {
                state.typing = true;
            }
            return;
        }
        Action::Matrix | Action::Cancel => return pop(app),
        Action::Quit => {
            app.quit = true;
            return;
        }
        Action::ToggleHelp => return super::open_help(app),
        Action::Open => {
            if let Some(claim) = chosen {
                pop(app);
                jump_to_claim(app, claim);
            }
            return;
        }
        _ => {}
    }
    let Some(Screen::Matrix(state)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Sort => {
            state.sort = state.sort.next();
            // The claim under the cursor stays under it.
            let rows = {
                let (sort, query) = (state.sort, state.query.clone());
                matrix_rows(app, sort, &query)
            };
            let Some(Screen::Matrix(state)) = app.stack.last_mut() else {
                return;
            };
            state.cursor = chosen
                .and_then(|c| rows.iter().position(|&r| r == c))
                .unwrap_or(0);
            app.message = Some(format!("claims {}", state.sort.label()));
        }
        Action::Left => state.column = state.column.saturating_sub(1),
        Action::Right => {
            state.column = (state.column + 1).min(columns.saturating_sub(shown));
        }
        Action::WheelDown(..) => state.cursor = (state.cursor + 1).min(len.saturating_sub(1)),
        Action::WheelUp(..) => state.cursor = state.cursor.saturating_sub(1),
        _ => state.cursor = move_index(state.cursor, len, action, page),
    }
}

/// Typing the matrix's filter: `Some(())` when the action was the query's.
/// Esc stops typing and clears the query (a second Esc closes the matrix).
fn type_query(app: &mut App, action: Action) -> Option<()> {
    let Some(Screen::Matrix(state)) = app.stack.last_mut() else {
        return Some(());
    };
    match action {
        Action::Input(c) if state.typing => state.query.push(c),
        Action::Backspace if state.typing => {
            if state.query.pop().is_none() {
                state.typing = false;
            }
        }
        Action::ClearInput if state.typing => state.query.clear(),
        Action::Accept if state.typing => state.typing = false,
        Action::Cancel => {
            state.typing = false;
            state.query.clear();
        }
        _ => return None,
    }
    state.cursor = 0;
    state.top = 0;
    Some(())
}
