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
    /// The name a config file uses for it (`[keys] next_version = ["n"]`).
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub contexts: &'static [Context],
    /// Short label shown in the status bar, for the keys that matter most.
    pub hint: Option<&'static str>,
}

use Context::*;

mod table;
pub use table::KEYMAP;

/// The bindings in use: the table's, with the keys a config file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each binding of [`KEYMAP`], in its order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: KEYMAP.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    /// The defaults with other keys for some bindings, by name. A name not
    /// in the table, `interrupt` (Ctrl-c always quits) or one key bound to
    /// two actions of one screen is an error, said in words.
    pub fn with(overrides: &[(String, Vec<Key>)]) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let Some(i) = KEYMAP.iter().position(|b| b.name == name) else {
                return Err(format!(
                    "no action named {name:?} (the names are listed by `crossread keys`)"
                ));
            };
            if KEYMAP[i].action == Action::Interrupt {
                return Err("Ctrl-c always quits: `interrupt` cannot be rebound".into());
            }
            if keys.is_empty() {
                return Err(format!("{name}: give at least one key"));
            }
            map.keys[i] = keys.clone();
        }
        for ctx in [Normal, Filter, Compare, Matrix, Pick, Help] {
            let mut seen: Vec<(String, &str)> = Vec::new();
            for (b, keys) in KEYMAP.iter().zip(&map.keys) {
                if !b.contexts.contains(&ctx) {
                    continue;
                }
                for key in keys {
                    let label = key.label();
                    if let Some((_, other)) = seen.iter().find(|(l, _)| *l == label) {
                        return Err(format!(
                            "{label} is bound to both {other} and {} ({})",
                            b.name,
                            ctx.title()
                        ));
                    }
                    seen.push((label, b.name));
                }
            }
        }
        Ok(map)
    }

    fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> + '_ {
        KEYMAP.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The action bound to a key event in a mode. In the filter prompt,
    /// other printable characters are input.
    pub fn dispatch(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let context = Context::of(mode);
        let bound = self
            .bindings()
            .find(|(b, keys)| {
                b.contexts.contains(&context) && keys.iter().any(|k| k.matches(event))
            })
            .map(|(b, _)| b.action);
        if bound.is_some() {
            return bound;
        }
        match (context, event.code) {
            (Context::Filter, KeyCode::Char(c))
                if !event.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                Some(Action::Input(c))
            }
            _ => None,
        }
    }

    /// Key labels and help text for the status bar of a mode.
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        let context = Context::of(mode);
        self.bindings()
            .filter(|(b, _)| b.contexts.contains(&context))
            .filter_map(|(b, keys)| Some((keys.first()?.label(), b.hint?)))
            .collect()
    }

    /// Every binding, grouped by context, for the help overlay.
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        [Normal, Filter, Compare, Matrix, Pick]
            .into_iter()
            .map(|ctx| {
                let rows = self
                    .bindings()
                    .filter(|(b, _)| b.contexts.contains(&ctx))
                    .map(|(b, keys)| {
                        (
                            keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                            b.help,
                        )
                    })
                    .collect();
                (ctx.title(), rows)
            })
            .collect()
    }

    /// Each binding's name, keys and description, for `crossread keys`.
    pub fn table(&self) -> Vec<(&'static str, String, &'static str)> {
        self.bindings()
            .map(|(b, keys)| {
                (
                    b.name,
                    keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
                    b.help,
                )
            })
            .collect()
    }
}

impl Key {
    /// A key from its label as help writes it ("j", "Ctrl-d", "Alt-←",
    /// "Enter", "Space", "PgDn"), or the ASCII names of the arrows
    /// ("Alt-Left").
    pub fn parse(label: &str) -> Result<Key, String> {
        let (ctrl, alt, rest) = if let Some(r) = label.strip_prefix("Ctrl-") {
            (true, false, r)
        } else if let Some(r) = label.strip_prefix("Alt-") {
            (false, true, r)
        } else {
            (false, false, label)
        };
        let code = match rest {
            "Space" => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "Shift-Tab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "↑" | "Up" => KeyCode::Up,
            "↓" | "Down" => KeyCode::Down,
            "←" | "Left" => KeyCode::Left,
            "→" | "Right" => KeyCode::Right,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                    _ => {
                        return Err(format!(
                            "{label:?} is not a key (write \"j\", \"Ctrl-d\", \"Alt-Left\", \"Enter\", \"Space\", \"PgDn\")"
                        ));
                    }
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn dispatch(mode: Mode, event: &KeyEvent) -> Option<Action> {
        Keymap::default().dispatch(mode, event)
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
    fn a_config_rebinds_keys_and_help_and_hints_follow() {
        let keys = |l: &[&str]| l.iter().map(|k| Key::parse(k).unwrap()).collect::<Vec<_>>();
        let map = Keymap::with(&[
            ("down".into(), keys(&["j", "Ctrl-e"])),
            ("filter".into(), keys(&["f"])),
        ])
        .unwrap();
        let ctrl_e = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::CONTROL);
        assert_eq!(map.dispatch(Mode::Normal, &ctrl_e), Some(Action::Down));
        assert_eq!(
            map.dispatch(Mode::Normal, &key('f')),
            Some(Action::StartFilter)
        );
        assert_eq!(
            map.dispatch(Mode::Normal, &key('/')),
            None,
            "/ was replaced"
        );
        assert!(
            map.hints(Mode::Normal)
                .iter()
                .any(|(k, h)| k == "f" && *h == "filter")
        );
        assert!(
            map.help_sections()[0]
                .1
                .iter()
                .any(|(k, _)| k == "j Ctrl-e")
        );
        // Errors say what is wrong.
        let err = Keymap::with(&[("dwon".into(), keys(&["x"]))]).unwrap_err();
        assert!(err.contains("dwon"), "{err}");
        let err = Keymap::with(&[("quit".into(), keys(&["j"]))]).unwrap_err();
        assert!(err.contains("j is bound to both"), "{err}");
        assert!(Keymap::with(&[("interrupt".into(), keys(&["x"]))]).is_err());
        assert!(Key::parse("Ctrl-").is_err() && Key::parse("jj").is_err());
        assert_eq!(
            Key::parse("Alt-Left").unwrap(),
            Key::parse("Alt-←").unwrap()
        );
        // Every default label parses back to its key.
        for b in KEYMAP {
            for k in b.keys {
                assert_eq!(Key::parse(&k.label()).as_ref(), Ok(k), "{}", k.label());
            }
        }
    }

    #[test]
    fn help_and_hints_come_from_the_table() {
        let sections = Keymap::default().help_sections();
        assert!(
            sections[0]
                .1
                .iter()
                .any(|(keys, help)| keys.contains("Ctrl-o") && help.contains("back"))
        );
        assert!(
            Keymap::default()
                .hints(Mode::Normal)
                .iter()
                .any(|(k, _)| k == "/")
        );
    }
}
