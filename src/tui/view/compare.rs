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
use crate::tui::app::{App, CompareState};
use crate::tui::drawn::{ListDrawn, window};
use crate::xref::diff::word_diff;

/// Draws the two articles and reports the rows drawn (each row's lines
/// and the blank after it).
pub fn render(
    app: &App,
    state: &CompareState,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) -> ListDrawn {
    let half = area.width / 2;
    let left_area = Rect::new(area.x, area.y, half, area.height);
    let right_area = Rect::new(area.x + half, area.y, area.width - half, area.height);
    let col_w = (half as usize).saturating_sub(4);
    let room = area.height.saturating_sub(2) as usize;
    let lines_of = |i: usize| row_lines(app, state, i, col_w, theme);
    let height = |i: usize| {
        let (l, r) = lines_of(i);
        l.len().max(r.len()) + 1
    };
    let top = window(state.top, state.cursor, state.rows.len(), room, &height);
    let (mut left, mut right): (Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new());
    let mut drawn_rows = Vec::new();
    for i in top..state.rows.len() {
        if left.len() >= room {
            break;
        }
        let (l, r) = lines_of(i);
        let rows = l.len().max(r.len());
        drawn_rows.push((i, area.y + 1 + left.len() as u16, (rows + 1) as u16));
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
            src.outlet_name(),
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
    let inner = Rect::new(area.x, area.y + 1, area.width, room as u16);
    // A row is drawn when its text is: the blank after it may fall off.
    let rows = drawn_rows
        .into_iter()
        .map(|(i, y, h)| {
            (
                i,
                y,
                h.min((inner.y + inner.height).saturating_sub(y)).max(1),
            )
        })
        .collect();
    ListDrawn {
        area: inner,
        top,
        rows,
    }
}

/// The two sides of a row: a pair shows its word diff, a lone passage
/// stands against a gap.
fn row_lines(
    app: &App,
    state: &CompareState,
    i: usize,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let text = |p: usize| app.corpus.passages[p].text.clone();
    // A passage whose claim the other side states out of order points to
    // that row: shared, not absent.
    let gap = |p: usize, other: usize| {
        let elsewhere = app.derived.claims_of[p]
            .iter()
            .flat_map(|&c| app.corpus.claims[c].passages.iter())
            .filter(|&&q| app.corpus.passages[q].source == other)
            .filter_map(|q| state.row_of.get(q))
            .min();
        let note = match elsewhere {
            Some(&row) if row < i => format!("↑ stated above, row {}", row + 1),
            Some(&row) => format!("↓ stated below, row {}", row + 1),
            None => "·".to_owned(),
        };
        vec![Line::from(Span::styled(note, theme.dim()))]
    };
    match state.rows[i] {
        Row::Pair(l, r) => {
            let diff = word_diff(&text(l), &text(r));
            let left = diff_side(&diff, true, theme);
            let right = diff_side(&diff, false, theme);
            (wrap_spans(&left, width, 0), wrap_spans(&right, width, 0))
        }
        Row::Left(l) => (
            wrap_spans(&[(text(l), Style::new())], width, 0),
            gap(l, state.right),
        ),
        Row::Right(r) => (
            gap(r, state.left),
            wrap_spans(&[(text(r), Style::new())], width, 0),
        ),
    }
}
