//! Compare mode: two articles side by side, rows aligned by shared claims.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane;
use super::text::{diff_side, truncate, wrap_spans};
use super::theme::Theme;
use crate::tui::align::Row;
use crate::tui::app::App;
use crate::xref::diff::word_diff;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(state) = &app.compare else { return };
    let half = area.width / 2;
    let left_area = Rect::new(area.x, area.y, half, area.height);
    let right_area = Rect::new(area.x + half, area.y, area.width - half, area.height);
    let col_w = (half as usize).saturating_sub(4);
    let height = area.height.saturating_sub(2) as usize;
    let (mut left, mut right): (Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new());
    for (i, row) in state.rows.iter().enumerate().skip(state.top) {
        if left.len() >= height {
            break;
        }
        let (l, r) = row_lines(app, *row, col_w, theme);
        let rows = l.len().max(r.len());
        let mark = if i == state.cursor { "▶ " } else { "  " };
        let mark_style = if i == state.cursor {
            theme.key()
        } else {
            Style::new()
        };
        for (k, side) in [(0, l), (1, r)] {
            let target = if k == 0 { &mut left } else { &mut right };
            for n in 0..rows {
                let mut spans = vec![Span::styled(if n == 0 { mark } else { "  " }, mark_style)];
                if let Some(line) = side.get(n) {
                    spans.extend(line.spans.iter().cloned());
                }
                target.push(Line::from(spans));
            }
            target.push(Line::default());
        }
    }
    let header = |s: usize| {
        let src = &app.corpus.sources[s];
        format!(
            " {} — {} ",
            src.outlet.as_deref().unwrap_or("?"),
            truncate(src.title.as_deref().unwrap_or(""), col_w.saturating_sub(12))
        )
    };
    frame.render_widget(
        Paragraph::new(left).block(pane(header(state.left), true, theme)),
        left_area,
    );
    frame.render_widget(
        Paragraph::new(right).block(pane(header(state.right), true, theme)),
        right_area,
    );
}

/// The two sides of a row: a pair shows its word diff, a lone passage
/// stands against a gap.
fn row_lines(
    app: &App,
    row: Row,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let text = |p: usize| app.corpus.passages[p].text.clone();
    let gap = || vec![Line::from(Span::styled("·", theme.dim()))];
    match row {
        Row::Pair(l, r) => {
            let diff = word_diff(&text(l), &text(r));
            let left = diff_side(&diff, true, theme);
            let right = diff_side(&diff, false, theme);
            (wrap_spans(&left, width, 0), wrap_spans(&right, width, 0))
        }
        Row::Left(l) => (wrap_spans(&[(text(l), Style::new())], width, 0), gap()),
        Row::Right(r) => (gap(), wrap_spans(&[(text(r), Style::new())], width, 0)),
    }
}
