//! Driving the reader with key names, as tests and the screenshot tool do:
//! each key goes through the real dispatch and update functions, and a
//! frame is drawn after it, as in the event loop.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::{translate, update, view};

/// The key event for a name as written in help ("j", "Enter", "Ctrl-d").
fn key(name: &str) -> Option<KeyEvent> {
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Down" => KeyCode::Down,
        "Up" => KeyCode::Up,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        _ => {
            let rest = name.strip_prefix("Ctrl-")?;
            return Some(KeyEvent::new(
                KeyCode::Char(rest.chars().next()?),
                KeyModifiers::CONTROL,
            ));
        }
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Presses keys: a named key ("Enter", "Ctrl-o") or, otherwise, each
/// character of the string in turn ("jjj", "valve").
pub fn press(app: &mut App, keys: &[&str]) {
    for &k in keys {
        let events: Vec<KeyEvent> = match key(k) {
            Some(event) => vec![event],
            None => k
                .chars()
                .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
                .collect(),
        };
        for event in events {
            if let Some(action) = translate(app, &Event::Key(event)) {
                update::update(app, action);
                redraw(app);
            }
        }
    }
}

/// Draws a frame at the app's size and takes in what the views drew, as
/// the event loop does after every event; returns the screen.
pub fn redraw(app: &mut App) -> Terminal<TestBackend> {
    let backend = TestBackend::new(app.size.width, app.size.height);
    let mut terminal = Terminal::new(backend).expect("a test backend never fails");
    let mut drawn = Default::default();
    terminal
        .draw(|f| drawn = view::render(app, f))
        .expect("a test backend never fails");
    update::drawn(app, drawn);
    terminal
}
