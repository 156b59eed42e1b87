//! Helpers shared by the whole-screen tests: the demo's reader at a size,
//! the filter on top, the screen as the event loop draws it. (Each test
//! file uses its own share of them.)
#![allow(dead_code)]

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crossread::load::load_demo;
use crossread::tui::app::App;
use crossread::tui::script::redraw;
use crossread::tui::update;

pub fn demo_app(w: u16, h: u16, no_color: bool) -> App {
    let corpus = crossread::corpus::build(&load_demo().texts);
    let mut app = App::new(corpus, Rect::new(0, 0, w, h), no_color);
    update::keep_cursor_visible(&mut app);
    redraw(&mut app);
    app
}

pub fn filter_of(app: &App) -> &crossread::tui::app::FilterState {
    app.filter().expect("the filter screen is on top")
}

/// The screen as the event loop draws it (what it drew taken in).
pub fn screen(app: &mut App) -> Terminal<TestBackend> {
    redraw(app)
}
