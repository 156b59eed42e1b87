//! The default key bindings: one table drives dispatch, help and hints.

use crossterm::event::KeyCode;

use super::Context::{self, *};
use super::{Binding, Key};
use crate::tui::action::Action;

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
        alt: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
        alt: false,
    }
}
/// Alt with a key (browser-like history: Alt-← and Alt-→).
const fn alt(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        alt: false,
    }
}

const READING: &[Context] = &[Normal];
const MOVING: &[Context] = &[Normal, Compare, Matrix, Pick, Help];

/// The default bindings; a config file may give any of them other keys.
pub const KEYMAP: &[Binding] = &[
    Binding {
        name: "quit",
        keys: &[k('q')],
        action: Action::Quit,
        help: "quit",
        contexts: &[Normal, Compare, Matrix, Help],
        hint: Some("quit"),
    },
    Binding {
        name: "interrupt",
        keys: &[ctrl('c')],
        action: Action::Interrupt,
        help: "quit from anywhere (exit status 130)",
        contexts: &[Normal, Filter, Pick, Compare, Matrix, Help],
        hint: None,
    },
    Binding {
        name: "help",
        keys: &[k('?')],
        action: Action::ToggleHelp,
        help: "help: every key",
        contexts: &[Normal, Compare, Matrix, Help],
        hint: Some("help"),
    },
    Binding {
        name: "down",
        keys: &[k('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "next passage / row",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "up",
        keys: &[k('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "previous passage / row",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "paragraph_down",
        keys: &[k('J')],
        action: Action::ParagraphDown,
        help: "next paragraph",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "paragraph_up",
        keys: &[k('K')],
        action: Action::ParagraphUp,
        help: "previous paragraph",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "half_page_down",
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "half a page down",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "half_page_up",
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "half a page up",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "page_down",
        keys: &[code(KeyCode::PageDown), k(' ')],
        action: Action::PageDown,
        help: "a page down",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "page_up",
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "a page up",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "top_prefix",
        keys: &[k('g')],
        action: Action::G,
        help: "gg: to the top",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "top",
        keys: &[code(KeyCode::Home)],
        action: Action::Top,
        help: "to the top",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "bottom",
        keys: &[k('G'), code(KeyCode::End)],
        action: Action::Bottom,
        help: "to the bottom",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        name: "focus_next",
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "focus the next pane",
        contexts: READING,
        hint: Some("focus"),
    },
    Binding {
        name: "focus_prev",
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "focus the previous pane",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "open",
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        help: "open the article / jump to the passage",
        contexts: &[Normal, Pick, Matrix, Compare],
        hint: Some("open"),
    },
    Binding {
        name: "next_version",
        keys: &[k('n')],
        action: Action::NextCorroboration,
        help: "next version of this claim (source by source; aligned pair in compare)",
        contexts: &[Normal, Compare],
        hint: Some("next version"),
    },
    Binding {
        name: "prev_version",
        keys: &[k('N')],
        action: Action::PrevCorroboration,
        help: "previous version of this claim",
        contexts: &[Normal, Compare],
        hint: None,
    },
    Binding {
        name: "next_match",
        keys: &[ctrl('n')],
        action: Action::NextMatch,
        help: "next match of the last search (/ then Enter)",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "prev_match",
        keys: &[ctrl('p')],
        action: Action::PrevMatch,
        help: "previous match of the last search",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "back",
        keys: &[ctrl('o'), code(KeyCode::Backspace), alt(KeyCode::Left)],
        action: Action::Back,
        help: "back in the jump history",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "forward",
        // Most terminals send Ctrl-i as Tab: Alt-→ is the dependable key.
        keys: &[ctrl('i'), alt(KeyCode::Right)],
        action: Action::Forward,
        help: "forward in the jump history",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "next_corroborated",
        keys: &[k(']')],
        action: Action::NextCorroborated,
        help: "next passage others corroborate",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "prev_corroborated",
        keys: &[k('[')],
        action: Action::PrevCorroborated,
        help: "previous passage others corroborate",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "next_single",
        keys: &[k('}')],
        action: Action::NextSingle,
        help: "next single-source passage",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "prev_single",
        keys: &[k('{')],
        action: Action::PrevSingle,
        help: "previous single-source passage",
        contexts: READING,
        hint: None,
    },
    Binding {
        name: "filter",
        keys: &[k('/')],
        action: Action::StartFilter,
        help: "filter the focused pane by keyword",
        contexts: READING,
        hint: Some("filter"),
    },
    Binding {
        name: "compare",
        keys: &[k('c')],
        action: Action::Compare,
        help: "compare two articles side by side",
        contexts: &[Normal, Compare],
        hint: Some("compare"),
    },
    Binding {
        name: "matrix",
        keys: &[k('m')],
        action: Action::Matrix,
        help: "claims × sources matrix",
        contexts: &[Normal, Matrix],
        hint: Some("matrix"),
    },
    Binding {
        name: "sort",
        keys: &[k('s')],
        action: Action::Sort,
        help: "order rows: by support, in article order, differences first",
        contexts: &[Matrix],
        hint: Some("sort"),
    },
    Binding {
        name: "scroll_left",
        keys: &[k('h'), code(KeyCode::Left)],
        action: Action::Left,
        help: "scroll the source columns left",
        contexts: &[Matrix],
        hint: None,
    },
    Binding {
        name: "scroll_right",
        keys: &[k('l'), code(KeyCode::Right)],
        action: Action::Right,
        help: "scroll the source columns right",
        contexts: &[Matrix],
        hint: None,
    },
    Binding {
        name: "close",
        keys: &[code(KeyCode::Esc)],
        action: Action::Cancel,
        help: "close / clear the filter and the kept search",
        contexts: &[Normal, Filter, Pick, Compare, Matrix, Help],
        hint: Some("close"),
    },
    Binding {
        name: "accept",
        keys: &[code(KeyCode::Enter)],
        action: Action::Accept,
        help: "jump to the selected result",
        contexts: &[Filter],
        hint: Some("jump"),
    },
    Binding {
        name: "result_down",
        keys: &[code(KeyCode::Down), ctrl('n')],
        action: Action::Down,
        help: "next result",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        name: "result_up",
        keys: &[code(KeyCode::Up), ctrl('p')],
        action: Action::Up,
        help: "previous result",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        name: "result_page_down",
        keys: &[code(KeyCode::PageDown)],
        action: Action::PageDown,
        help: "a page of results down",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        name: "result_page_up",
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "a page of results up",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        name: "delete_char",
        keys: &[code(KeyCode::Backspace)],
        action: Action::Backspace,
        help: "delete a character",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        name: "clear_query",
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        help: "clear the query",
        contexts: &[Filter],
        hint: None,
    },
];
