//! Styles, with NO_COLOR honoured: without colour, emphasis is carried by
//! bold, reverse, underline, italic, dim and crossed-out text.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(no_color: bool) -> Self {
        Theme { color: !no_color }
    }

    fn pick(&self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => Style::new(),
        }
    }
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn dim(&self) -> Style {
        self.pick(
            Style::new().fg(Color::DarkGray),
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
            2 => self.pick(Style::new().bg(Color::Rgb(22, 38, 52)), Style::new()),
            _ => self.pick(
                Style::new().bg(Color::Rgb(18, 58, 86)),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        }
    }
    pub fn gutter(&self, support: usize) -> Style {
        match support {
            0 | 1 => self.pick(Style::new().fg(Color::Magenta), Style::new()),
            2 => self.pick(Style::new().fg(Color::Blue), Style::new()),
            _ => self.pick(
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                Style::new().add_modifier(Modifier::BOLD),
            ),
        }
    }
    pub fn current(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Rgb(70, 70, 30)).fg(Color::White),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn differing(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }
    pub fn matched(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        )
    }
    pub fn added(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }
    pub fn removed(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            Style::new().add_modifier(Modifier::CROSSED_OUT),
        )
    }
    pub fn status(&self) -> Style {
        self.pick(
            Style::new().bg(Color::Rgb(40, 40, 40)).fg(Color::White),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }
    pub fn mode(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
    pub fn single(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }
}
