//! The help overlay: every binding of the keymap table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::pane;
use super::theme::Theme;
use crate::tui::app::HelpState;
use crate::tui::drawn::ListDrawn;
use crate::tui::keymap::Keymap;
use crate::tui::layout;

/// Draws help and reports its lines as drawn, with how many it has.
pub fn render(
    keymap: &Keymap,
    state: &HelpState,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) -> (ListDrawn, usize) {
    let popup = layout::help_popup(area);
    frame.render_widget(Clear, popup);
    let mut lines: Vec<Line> = Vec::new();
    for (title, rows) in keymap.help_sections() {
        lines.push(Line::from(Span::styled(title, theme.title())));
        for (keys, help) in rows {
            lines.push(Line::from(vec![
                // A space after the keys even when they fill the column.
                Span::styled(format!("  {keys:<22} "), theme.key()),
                Span::raw(help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        "Filter syntax: word  'exact  ^prefix  suffix$  !not   (a capital letter makes it case-sensitive)",
        theme.dim(),
    )));
    lines.push(Line::from(Span::styled(
        "Gutter: 2, 3… sources corroborate · ◆ only this article. Underlined: differs between versions.",
        theme.dim(),
    )));
    let total = lines.len();
    let inner = layout::inner(popup);
    let room = inner.height as usize;
    let top = state.top.min(total.saturating_sub(room));
    let shown: Vec<Line> = lines.into_iter().skip(top).collect();
    let rows = (top..total.min(top + room))
        .map(|i| (i, inner.y + (i - top) as u16, 1))
        .collect();
    frame.render_widget(
        Paragraph::new(shown).block(pane(" Help — ? or Esc to close ".into(), true, theme)),
        popup,
    );
    (
        ListDrawn {
            area: inner,
            top,
            rows,
        },
        total,
    )
}
