//! The property the reader is built on: whatever keys are pressed, at any
//! size, the selected row of the top screen is drawn. Keys go through the
//! real dispatch and a frame is drawn after each, as in the event loop;
//! the checks read the drawn buffer, not the state.

use std::sync::OnceLock;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crossread::model::Corpus;
use crossread::tui::app::{App, Focus, Screen};
use crossread::tui::layout;
use crossread::tui::script::{press, redraw};

fn demo() -> &'static Corpus {
    static DEMO: OnceLock<Corpus> = OnceLock::new();
    DEMO.get_or_init(|| crossread::corpus::build(&crossread::load::load_demo().texts))
}

/// Keys a reader presses, `q` left out (it ends the session).
const KEYS: &[&str] = &[
    "j",
    "j",
    "j",
    "k",
    "J",
    "K",
    "Ctrl-d",
    "Ctrl-u",
    "PgDn",
    "PgUp",
    " ",
    "gg",
    "G",
    "Tab",
    "Shift-Tab",
    "n",
    "N",
    "]",
    "[",
    "}",
    "{",
    "Enter",
    "c",
    "m",
    "?",
    "Esc",
    "/",
    "e",
    "va",
    "Backspace",
    "Ctrl-o",
    "h",
    "l",
    "s",
    "Ctrl-n",
    "Ctrl-p",
    "Home",
    "End",
    "Down",
    "Up",
];

/// The current passage's highlight (the colour theme's).
fn is_current(buffer: &Buffer, x: u16, y: u16) -> bool {
    buffer[(x, y)].bg == Color::Rgb(70, 70, 30)
}

fn is_selected(buffer: &Buffer, x: u16, y: u16) -> bool {
    buffer[(x, y)].modifier.contains(Modifier::REVERSED)
}

fn any_in(area: Rect, buffer: &Buffer, test: &dyn Fn(&Buffer, u16, u16) -> bool) -> bool {
    (area.y..area.y + area.height)
        .any(|y| (area.x..area.x + area.width).any(|x| test(buffer, x, y)))
}

/// Whether the top screen's selected row is on screen; `None` when the
/// screen has nothing to select.
fn selected_is_drawn(app: &App, buffer: &Buffer) -> Option<bool> {
    let area = *buffer.area();
    if layout::too_small(area) {
        return None;
    }
    let panes = layout::panes(area);
    let body = Rect::new(0, 0, area.width, panes.status.y);
    match app.stack.last() {
        None => match app.reading.focus {
            Focus::Reader => {
                // Every line of the passage is drawn, or as many as fit.
                let text = layout::reader_text_area(panes.reader);
                let (width, room) = layout::reader_text(area, app.config.widths);
                let doc = app.wraps.get(&app.corpus, app.reading.source, width);
                let first = *doc.first_line.get(&app.reading.passage)?;
                let last = *doc.last_line.get(&app.reading.passage)?;
                let rows = (text.y..text.y + text.height)
                    .filter(|&y| (text.x..text.x + text.width).any(|x| is_current(buffer, x, y)))
                    .count();
                Some(rows == (last + 1 - first).min(room))
            }
            Focus::Sources => (!app.reading.source_rows.is_empty())
                .then(|| any_in(layout::inner(panes.sources), buffer, &is_selected)),
            Focus::Claims => (!app.linking && !app.article_claims().is_empty())
                .then(|| any_in(layout::inner(panes.claims), buffer, &is_selected)),
        },
        Some(Screen::Filter(f)) => (!f.hits.is_empty()).then(|| any_in(body, buffer, &is_selected)),
        Some(Screen::Pick(p)) => {
            (!p.choices.is_empty()).then(|| any_in(body, buffer, &is_selected))
        }
        Some(Screen::Matrix(m)) => {
            let rows = crossread::tui::update::matrix_rows(app, m.sort, &m.narrowing.query);
            (!rows.is_empty()).then(|| any_in(body, buffer, &is_selected))
        }
        Some(Screen::Compare(_)) => {
            Some(any_in(body, buffer, &|b, x, y| b[(x, y)].symbol() == "▶"))
        }
        Some(Screen::Help(_)) => None,
    }
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        Just((60, 15)),
        Just((80, 24)),
        Just((120, 40)),
        Just((200, 60)),
        (60u16..230, 15u16..70),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_selected_row_is_always_drawn(
        (w, h) in size(),
        keys in proptest::collection::vec(proptest::sample::select(KEYS), 1..40),
    ) {
        let mut app = App::new(demo().clone(), Rect::new(0, 0, w, h), false);
        redraw(&mut app);
        for (i, key) in keys.iter().enumerate() {
            press(&mut app, &[key]);
            let terminal = redraw(&mut app);
            if let Some(drawn) = selected_is_drawn(&app, terminal.backend().buffer()) {
                prop_assert!(
                    drawn,
                    "at {w}x{h}, after {:?}: the selected row is not drawn\n{}",
                    &keys[..=i],
                    terminal.backend()
                );
            }
        }
    }
}
