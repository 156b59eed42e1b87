//! The claims matrix: moving between claims, sideways between sources,
//! changing the order, and jumping to a claim.

use super::*;
use crate::model::ClaimId;

/// The matrix's rows: claims of the open article's story holding every
/// word of the query (ignoring case), in the order chosen.
pub fn matrix_rows(app: &App, sort: MatrixSort, query: &str) -> Vec<ClaimId> {
    let holds = holds_words(query);
    let mut rows = app.story_claims();
    rows.retain(|&c| holds(&app.corpus.claims[c].text));
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
    if state.narrowing.is_active()
        && let Some(done) = type_query(app, action)
    {
        return done;
    }
    let Some(Screen::Matrix(state)) = app.stack.last() else {
        return;
    };
    let rows = matrix_rows(app, state.sort, &state.narrowing.query);
    let chosen = rows.get(state.cursor).copied();
    let len = rows.len();
    match action {
        Action::StartFilter => {
            if let Some(Screen::Matrix(state)) = app.stack.last_mut() {
                state.narrowing.typing = true;
            }
            return;
        }
        Action::Matrix | Action::Cancel => return pop(app),
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
                let (sort, query) = (state.sort, state.narrowing.query.clone());
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
    let narrowing = &mut state.narrowing;
    match action {
        _ if narrowing.edit(action) => {}
        Action::Accept if narrowing.typing => narrowing.typing = false,
        Action::Cancel => narrowing.clear(),
        _ => return None,
    }
    state.cursor = 0;
    state.top = 0;
    Some(())
}
