//! The one keymap table: it drives dispatch, the help overlay and the
//! status-bar hints.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Mode;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Reading (any pane focused, no overlay).
    Normal,
    Filter,
    Pick,
    Compare,
    Matrix,
    Help,
}

impl Context {
    pub fn of(mode: Mode) -> Context {
        match mode {
            Mode::Normal => Context::Normal,
            Mode::Filter => Context::Filter,
            Mode::PickCompare => Context::Pick,
            Mode::Compare => Context::Compare,
            Mode::Matrix => Context::Matrix,
            Mode::Help => Context::Help,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Normal => "Reading",
            Context::Filter => "Filter prompt",
            Context::Pick => "Choosing an article to compare",
            Context::Compare => "Compare",
            Context::Matrix => "Claims matrix",
            Context::Help => "Help",
        }
    }
}

/// A key with modifiers, as written in help ("Ctrl-d").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

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

impl Key {
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }

    fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        // Shifted letters arrive as upper-case chars, with or without SHIFT.
        self.code == event.code && ctrl == self.ctrl && alt == self.alt
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub contexts: &'static [Context],
    /// Short label shown in the status bar, for the keys that matter most.
    pub hint: Option<&'static str>,
}

use Context::*;
const READING: &[Context] = &[Normal];
const MOVING: &[Context] = &[Normal, Compare, Matrix, Pick, Help];

pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[k('q')],
        action: Action::Quit,
        help: "quit",
        contexts: &[Normal, Compare, Matrix, Help],
        hint: Some("quit"),
    },
    Binding {
        keys: &[ctrl('c')],
        action: Action::Interrupt,
        help: "quit from anywhere (exit status 130)",
        contexts: &[Normal, Filter, Pick, Compare, Matrix, Help],
        hint: None,
    },
    Binding {
        keys: &[k('?')],
        action: Action::ToggleHelp,
        help: "help: every key",
        contexts: &[Normal, Compare, Matrix, Help],
        hint: Some("help"),
    },
    Binding {
        keys: &[k('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "next passage / row",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[k('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "previous passage / row",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[k('J')],
        action: Action::ParagraphDown,
        help: "next paragraph",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k('K')],
        action: Action::ParagraphUp,
        help: "previous paragraph",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "half a page down",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "half a page up",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown), k(' ')],
        action: Action::PageDown,
        help: "a page down",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "a page up",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[k('g')],
        action: Action::G,
        help: "gg: to the top",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Home)],
        action: Action::Top,
        help: "to the top",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[k('G'), code(KeyCode::End)],
        action: Action::Bottom,
        help: "to the bottom",
        contexts: MOVING,
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "focus the next pane",
        contexts: READING,
        hint: Some("focus"),
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "focus the previous pane",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        help: "open the article / jump to the passage",
        contexts: &[Normal, Pick, Matrix, Compare],
        hint: Some("open"),
    },
    Binding {
        keys: &[k('n')],
        action: Action::NextCorroboration,
        help: "next version of this claim (source by source; aligned pair in compare)",
        contexts: &[Normal, Compare],
        hint: Some("next version"),
    },
    Binding {
        keys: &[k('N')],
        action: Action::PrevCorroboration,
        help: "previous version of this claim",
        contexts: &[Normal, Compare],
        hint: None,
    },
    Binding {
        keys: &[ctrl('n')],
        action: Action::NextMatch,
        help: "next match of the last search (/ then Enter)",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[ctrl('p')],
        action: Action::PrevMatch,
        help: "previous match of the last search",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[ctrl('o'), code(KeyCode::Backspace), alt(KeyCode::Left)],
        action: Action::Back,
        help: "back in the jump history",
        contexts: READING,
        hint: None,
    },
    Binding {
        // Most terminals send Ctrl-i as Tab: Alt-→ is the dependable key.
        keys: &[ctrl('i'), alt(KeyCode::Right)],
        action: Action::Forward,
        help: "forward in the jump history",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k(']')],
        action: Action::NextCorroborated,
        help: "next passage others corroborate",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k('[')],
        action: Action::PrevCorroborated,
        help: "previous passage others corroborate",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k('}')],
        action: Action::NextSingle,
        help: "next single-source passage",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k('{')],
        action: Action::PrevSingle,
        help: "previous single-source passage",
        contexts: READING,
        hint: None,
    },
    Binding {
        keys: &[k('/')],
        action: Action::StartFilter,
        help: "filter the focused pane by keyword",
        contexts: READING,
        hint: Some("filter"),
    },
    Binding {
        keys: &[k('c')],
        action: Action::Compare,
        help: "compare two articles side by side",
        contexts: &[Normal, Compare],
        hint: Some("compare"),
    },
    Binding {
        keys: &[k('m')],
        action: Action::Matrix,
        help: "claims × sources matrix",
        contexts: &[Normal, Matrix],
        hint: Some("matrix"),
    },
    Binding {
        keys: &[k('s')],
        action: Action::Sort,
        help: "order rows: by support, in article order, differences first",
        contexts: &[Matrix],
        hint: Some("sort"),
    },
    Binding {
        keys: &[k('h'), code(KeyCode::Left)],
        action: Action::Left,
        help: "scroll the source columns left",
        contexts: &[Matrix],
        hint: None,
    },
    Binding {
        keys: &[k('l'), code(KeyCode::Right)],
        action: Action::Right,
        help: "scroll the source columns right",
        contexts: &[Matrix],
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Cancel,
        help: "close / clear the filter and the kept search",
        contexts: &[Normal, Filter, Pick, Compare, Matrix, Help],
        hint: Some("close"),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Accept,
        help: "jump to the selected result",
        contexts: &[Filter],
        hint: Some("jump"),
    },
    Binding {
        keys: &[code(KeyCode::Down), ctrl('n')],
        action: Action::Down,
        help: "next result",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Up), ctrl('p')],
        action: Action::Up,
        help: "previous result",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        action: Action::PageDown,
        help: "a page of results down",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "a page of results up",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        action: Action::Backspace,
        help: "delete a character",
        contexts: &[Filter],
        hint: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::ClearInput,
        help: "clear the query",
        contexts: &[Filter],
        hint: None,
    },
];

/// The action bound to a key event in a mode. In the filter prompt, other
/// printable characters are input.
pub fn dispatch(mode: Mode, event: &KeyEvent) -> Option<Action> {
    let context = Context::of(mode);
    let bound = KEYMAP
        .iter()
        .find(|b| b.contexts.contains(&context) && b.keys.iter().any(|key| key.matches(event)))
        .map(|b| b.action);
    if bound.is_some() {
        return bound;
    }
    match (context, event.code) {
        (Context::Filter, KeyCode::Char(c)) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// Key labels and help text for the status bar of a mode.
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    let context = Context::of(mode);
    KEYMAP
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .filter_map(|b| b.hint.map(|h| (b.keys[0].label(), h)))
        .collect()
}

/// Every binding, grouped by context, for the help overlay.
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    [Normal, Filter, Compare, Matrix, Pick]
        .into_iter()
        .map(|ctx| {
            let rows = KEYMAP
                .iter()
                .filter(|b| b.contexts.contains(&ctx))
                .map(|b| {
                    (
                        b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                        b.help,
                    )
                })
                .collect();
            (ctx.title(), rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn dispatch_follows_the_table_and_the_mode() {
        assert_eq!(dispatch(Mode::Normal, &key('j')), Some(Action::Down));
        assert_eq!(
            dispatch(
                Mode::Normal,
                &KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT)
            ),
            Some(Action::ParagraphDown)
        );
        assert_eq!(
            dispatch(
                Mode::Normal,
                &KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
            ),
            Some(Action::HalfPageDown)
        );
        assert_eq!(dispatch(Mode::Filter, &key('j')), Some(Action::Input('j')));
        assert_eq!(dispatch(Mode::Filter, &key('q')), Some(Action::Input('q')));
        assert_eq!(dispatch(Mode::Normal, &key('x')), None);
    }

    #[test]
    fn every_action_in_reading_has_one_binding_per_key() {
        for ctx in [Normal, Filter, Compare, Matrix, Pick, Help] {
            let mut seen: Vec<String> = Vec::new();
            for b in KEYMAP.iter().filter(|b| b.contexts.contains(&ctx)) {
                for key in b.keys {
                    let label = key.label();
                    assert!(!seen.contains(&label), "{label} bound twice in {ctx:?}");
                    seen.push(label);
                }
            }
        }
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let sections = help_sections();
        assert!(
            sections[0]
                .1
                .iter()
                .any(|(keys, help)| keys.contains("Ctrl-o") && help.contains("back"))
        );
        assert!(hints(Mode::Normal).iter().any(|(k, _)| k == "/"));
    }
}
