//! The claims matrix: moving between claims and jumping to one.

use super::*;

pub(super) fn matrix(app: &mut App, action: Action) {
    // The matrix shows the open article's story.
    let rows = app.story_claims();
    let len = rows.len();
    match action {
        Action::Matrix | Action::Cancel => app.mode = Mode::Normal,
        Action::Quit => app.quit = true,
        Action::ToggleHelp => super::open_help(app),
        Action::Open => {
            if let Some(claim) = rows.get(app.matrix_cursor).map(|&c| &app.corpus.claims[c]) {
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
