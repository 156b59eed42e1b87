//! Stage 6: the terminal reader. State in [`app`], changes in [`update`],
//! drawing in [`view`]; this module runs the event loop.

pub mod action;
pub mod align;
pub mod app;
pub mod config;
pub mod derived;
pub mod drawn;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod screens;
pub mod script;
pub mod search;
pub mod terminal;
pub mod update;
pub mod view;
mod watchdog;
pub mod wrap;

use std::io::{self, IsTerminal};
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::model::Corpus;
use action::Action;
use app::App;

/// Options of the reader.
#[derive(Debug, Clone)]
pub struct Options {
    pub mouse: bool,
    pub no_color: bool,
    pub config: config::Config,
    /// Said in the status bar when the reader opens (a config error).
    pub notice: Option<String>,
}

/// Why the reader could not run.
#[derive(Debug)]
pub enum RunError {
    NoTerminal,
    Io(io::Error),
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}

/// Translates a terminal event into an action for the mode.
pub fn translate(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            app.config.keymap.dispatch(app.mode(), key)
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(m) if app.mouse => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs the reader until the user quits.
/// Claims and links, computed by the engine in the background.
pub type Linked = (
    Vec<crate::model::Claim>,
    Vec<crate::model::Link>,
    Vec<Vec<crate::model::SourceId>>,
);

/// Runs the reader until the user quits. With `linking`, the corpus has no
/// claims yet: they arrive on that channel and fill in.
pub fn run(
    corpus: Corpus,
    options: Options,
    mut linking: Option<std::sync::mpsc::Receiver<Linked>>,
) -> Result<Ended, RunError> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(RunError::NoTerminal);
    }
    // Before the terminal changes mode: a signal from then on restores the
    // terminal and ends the process (a signal that came before the first
    // frame once killed the process in raw mode).
    watchdog::spawn(options.mouse);
    let _guard = terminal::TerminalGuard::enter(options.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(
        corpus,
        Rect::new(0, 0, size.width, size.height),
        options.no_color,
    );
    app.mouse = options.mouse;
    app.config = options.config;
    app.message = options.notice;
    app.linking = linking.is_some();
    let mut worker = (app.corpus.passages.len() > search::BACKGROUND_FROM_PASSAGES).then(|| {
        app.search = app::SearchMode::Background;
        search::spawn(app.indexes.clone())
    });
    update::keep_cursor_visible(&mut app);
    if std::env::var_os("CROSSREAD_TEST_PANIC").is_some() {
        // Lets the end-to-end tests check that a panic restores the terminal.
        panic!("test panic requested by CROSSREAD_TEST_PANIC");
    }
    // The event reader is made on first use, and only from then on is a
    // resize signal caught: made before the first frame, a resize while
    // that frame is drawn is an event like any other, not lost (the frame
    // then kept its old size until the next key).
    event::poll(Duration::ZERO)?;
    draw(&mut terminal, &mut app)?;
    if std::env::var_os("CROSSREAD_TEST_DRAW_ERROR").is_some() {
        // Lets the end-to-end tests check an error exit path.
        return Err(RunError::Io(io::Error::other(
            "test drawing error requested by CROSSREAD_TEST_DRAW_ERROR",
        )));
    }
    while !app.quit {
        let mut changed = false;
        match linking.as_ref().map(|r| r.try_recv()) {
            Some(Ok((claims, links, copies))) => {
                app.set_cross_reference(claims, links, copies);
                if worker.is_some() {
                    // The worker searches the indexes it was given: give it the new ones.
                    worker = Some(search::spawn(app.indexes.clone()));
                }
                linking = None;
                changed = true;
            }
            Some(Err(std::sync::mpsc::TryRecvError::Disconnected)) => {
                // The engine's thread ended without results (it panicked):
                // keep reading without claims rather than wait forever.
                app.linking = false;
                app.message = Some("cross-referencing failed: no claims in this session".into());
                linking = None;
                changed = true;
            }
            _ => {}
        }
        if let Some((requests, replies)) = &worker {
            if let Some(request) = app.filter_mut().and_then(|f| f.pending.take()) {
                let _ = requests.send(request);
            }
            while let Ok(reply) = replies.try_recv() {
                update::search_done(&mut app, reply);
                changed = true;
            }
        }
        // Short waits while a search may answer, longer ones otherwise.
        let searching = worker.is_some() && app.mode() == app::Mode::Filter;
        let wait = if searching || app.linking { 15 } else { 200 };
        if event::poll(Duration::from_millis(wait))? {
            changed |= apply(&mut app, &event::read()?);
            // Coalesce a burst (a paste, a held key, a resize storm) into one frame.
            while !app.quit && event::poll(Duration::from_millis(0))? {
                changed |= apply(&mut app, &event::read()?);
            }
        }
        if changed && !app.quit {
            draw(&mut terminal, &mut app)?;
        }
    }
    Ok(if app.interrupted {
        Ended::Interrupted
    } else {
        Ended::Quit
    })
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// `q`: exit status 0.
    Quit,
    /// Ctrl-C: exit status 130, as for SIGINT.
    Interrupted,
}

/// Draws a frame and takes in what it drew (the views' scroll positions).
fn draw(terminal: &mut Terminal<CrosstermBackend<io::Stdout>>, app: &mut App) -> io::Result<()> {
    let mut drawn = drawn::Drawn::default();
    terminal.draw(|f| drawn = view::render(app, f))?;
    update::drawn(app, drawn);
    Ok(())
}

fn apply(app: &mut App, event: &Event) -> bool {
    match translate(app, event) {
        Some(action) => {
            update::update(app, action);
            true
        }
        None => false,
    }
}
