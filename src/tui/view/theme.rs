//! Styles, with NO_COLOR honoured: without colour, emphasis is carried by
//! bold, reverse, underline, italic, dim and crossed-out text.

use ratatui::style::{Color, Modifier, Style};

/// The colours of a theme; a config file may set any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Background of the passage under the cursor, and its text.
    pub current: Color,
    pub current_text: Color,
    /// Backgrounds of passages two and three-or-more sources state.
    pub support2: Color,
    pub support3: Color,
    /// Focused borders, the mode label, gutter counts.
    pub accent: Color,
    /// Secondary text (dates, metadata, gaps).
    pub dim: Color,
    pub status: Color,
    pub status_text: Color,
    /// Values that differ between versions; search matches.
    pub differing: Color,
    pub matched: Color,
    /// Word diffs.
    pub added: Color,
    pub removed: Color,
    /// The single-source mark.
    pub single: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette::dark()
    }
}

impl Palette {
    /// For dark terminals (the default).
    pub fn dark() -> Self {
        Palette {
            current: Color::Rgb(70, 70, 30),
            current_text: Color::White,
            support2: Color::Rgb(22, 38, 52),
            support3: Color::Rgb(18, 58, 86),
            accent: Color::Cyan,
            dim: Color::DarkGray,
            status: Color::Rgb(40, 40, 40),
            status_text: Color::White,
            differing: Color::Yellow,
            matched: Color::Yellow,
            added: Color::Green,
            removed: Color::Red,
            single: Color::Magenta,
        }
    }

    /// For light terminals: pale backgrounds, dark text.
    pub fn light() -> Self {
        Palette {
            current: Color::Rgb(250, 232, 150),
            current_text: Color::Black,
            support2: Color::Rgb(226, 238, 250),
            support3: Color::Rgb(196, 220, 246),
            accent: Color::Rgb(0, 95, 135),
            dim: Color::Rgb(110, 110, 110),
            status: Color::Rgb(225, 225, 225),
            status_text: Color::Black,
            differing: Color::Rgb(175, 95, 0),
            matched: Color::Rgb(175, 0, 95),
            added: Color::Rgb(0, 120, 0),
            removed: Color::Rgb(170, 0, 0),
            single: Color::Rgb(135, 0, 135),
        }
    }

    /// Sets one colour by its name in the config file: "#rrggbb" or a
    /// terminal colour's name ("yellow", "darkgray").
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let color = parse_color(value).ok_or_else(|| {
            format!("{name} = {value:?}: write \"#rrggbb\" or a colour name such as \"yellow\"")
        })?;
        let slot = match name {
            "current" => &mut self.current,
            "current_text" => &mut self.current_text,
            "support2" => &mut self.support2,
            "support3" => &mut self.support3,
            "accent" => &mut self.accent,
            "dim" => &mut self.dim,
            "status" => &mut self.status,
            "status_text" => &mut self.status_text,
            "differing" => &mut self.differing,
            "matched" => &mut self.matched,
            "added" => &mut self.added,
            "removed" => &mut self.removed,
            "single" => &mut self.single,
            _ => {
                return Err(format!(
                    "no colour named {name:?} (current, current_text, support2, support3, accent, \
                     dim, status, status_text, differing, matched, added, removed, single)"
                ));
            }
        };
        *slot = color;
        Ok(())
    }
}

fn parse_color(value: &str) -> Option<Color> {
    if let Some(hex) = value.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    // Names as ratatui reads them ("yellow", "darkgray", "lightblue").
    value
        .parse::<Color>()
        .ok()
        .filter(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_)))
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The dark theme, or none with `no_color`.
    pub fn new(no_color: bool) -> Self {
        Theme::with(Palette::dark(), no_color)
    }

    /// A palette's theme; NO_COLOR wins over any palette.
    pub fn with(palette: Palette, no_color: bool) -> Self {
        Theme {
            color: !no_color,
            palette,
        }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(self.palette.accent),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new(),
        }
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(self.palette.dim),
            Style::new().add_modifier(Modifier::DIM),
        )
    }
    pub fn caption(&self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }
    /// Background by how many sources corroborate a passage.
    pub fn support(&self, support: usize) -> Style {
        match support {
            0 | 1 => Style::new(),
            2 => self.pick(Style::new().bg(self.palette.support2), Style::new()),
            _ => self.pick(
                Style::new().bg(self.palette.support3),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        }
    }
    pub fn gutter(&self, support: usize) -> Style {
        match support {
            0 | 1 => self.pick(Style::new().fg(self.palette.single), Style::new()),
            2 => self.pick(Style::new().fg(self.palette.accent), Style::new()),
            _ => self.pick(
                Style::new()
                    .fg(self.palette.accent)
                    .add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        }
    }
    pub fn current(&self) -> Style {
        self.pick(
            Style::new()
                .bg(self.palette.current)
                .fg(self.palette.current_text),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn differing(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.differing)
                .add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }
    pub fn matched(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.matched)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
    pub fn added(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.added)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }
    pub fn removed(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.removed)
                .add_modifier(Modifier::CROSSED_OUT),
            Style::new().add_modifier(Modifier::CROSSED_OUT),
        )
    }
    pub fn status(&self) -> Style {
        self.pick(
            Style::new()
                .bg(self.palette.status)
                .fg(self.palette.status_text),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }
    pub fn mode(&self) -> Style {
        self.pick(
            Style::new()
                .bg(self.palette.accent)
                .fg(self.palette.status)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn single(&self) -> Style {
        self.pick(
            Style::new()
                .fg(self.palette.single)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
