//! The claims matrix: claims (rows, by support) × sources (columns).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane;
use super::text::{truncate, wrap_spans};
use super::theme::Theme;
use crate::model::{Claim, SourceId};
use crate::tui::app::{App, MatrixState};
use crate::tui::drawn::{ListDrawn, window};
use crate::tui::update::matrix_rows;

/// A short label for a source column: initials of its outlet.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let letters: String = words
        .iter()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let label: String = if letters.chars().count() >= 2 {
        letters
    } else {
        name.chars().filter(|c| c.is_alphanumeric()).collect()
    };
    label.chars().take(3).collect::<String>().to_uppercase()
}

/// Whether a source's version of a claim differs from the others.
fn differs(app: &App, claim: &Claim, source: SourceId) -> bool {
    claim.differences.iter().any(|d| {
        let mine: Vec<&str> = d
            .values
            .iter()
            .filter(|v| app.corpus.passages[v.passage].source == source)
            .map(|v| v.text.as_str())
            .collect();
        let rep: Vec<&str> = d
            .values
            .iter()
            .filter(|v| v.passage == claim.representative)
            .map(|v| v.text.as_str())
            .collect();
        !mine.is_empty() && mine.iter().any(|m| !rep.contains(m))
    })
}

/// Column labels, one per source, made unique: initials, and where two
/// outlets share them, a number in place of the last letter.
pub fn column_labels(names: &[&str]) -> Vec<String> {
    let base: Vec<String> = names.iter().map(|n| initials(n)).collect();
    let mut labels = base.clone();
    for (i, b) in base.iter().enumerate() {
        let same: Vec<usize> = (0..base.len()).filter(|&j| &base[j] == b).collect();
        if same.len() < 2 {
            continue;
        }
        let k = same.iter().position(|&j| j == i).unwrap_or(0) + 1;
        let number = k.to_string();
        let keep = 3usize.saturating_sub(number.len()).max(1);
        labels[i] = format!("{}{number}", b.chars().take(keep).collect::<String>());
    }
    labels
}

/// Fewest characters of claim text before columns scroll sideways.
const MIN_TEXT: usize = 24;
/// Characters a source column takes.
const COLUMN: usize = 4;

/// Draws the matrix; reports the rows drawn and the columns shown (first,
/// count).
pub fn render(
    app: &App,
    state: &MatrixState,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) -> (ListDrawn, (usize, usize)) {
    // The open article's story: its sources are the columns, its claims
    // the rows.
    let columns = app.story_sources();
    let rows = matrix_rows(app, state.sort, &state.narrowing.query);
    let n = columns.len();
    let inner_w = area.width.saturating_sub(2) as usize;
    let names: Vec<&str> = columns
        .iter()
        .map(|&s| app.corpus.sources[s].outlet_name())
        .collect();
    let labels = column_labels(&names);
    // As many columns as leave the text its minimum; the rest scroll.
    let fit = (inner_w.saturating_sub(MIN_TEXT + 6) / COLUMN).clamp(1, n.max(1));
    let first = state.column.min(n.saturating_sub(fit));
    let shown: Vec<usize> = (first..(first + fit).min(n)).collect();
    // Rows: support (4), text, two spaces, the columns, one column for ›.
    let text_w = inner_w.saturating_sub(shown.len() * COLUMN + 7);
    let more_left = if first > 0 { "‹" } else { " " };
    let more_right = if first + shown.len() < n { "›" } else { " " };
    let mut header = vec![Span::styled(
        format!("{:<w$}{more_left}", "claim", w = text_w + 5),
        theme.title(),
    )];
    for &c in &shown {
        header.push(Span::styled(format!("{:^4}", labels[c]), theme.title()));
    }
    header.push(Span::styled(more_right, theme.title()));
    // The legend, wrapped: every column's label with its outlet.
    let legend_text = format!(
        "● carries  ◐ its version differs  · absent   {}",
        labels
            .iter()
            .zip(&names)
            .map(|(l, n)| format!("{l} {n}"))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    let legend = wrap_spans(&[(legend_text, theme.dim())], inner_w.max(1), 0);
    let inner_h = area.height.saturating_sub(2) as usize;
    let legend_room = legend.len().min(inner_h.saturating_sub(3) / 2);
    let room = inner_h.saturating_sub(2 + legend_room).max(1);
    let top = window(state.top, state.cursor, rows.len(), room, &|_| 1);
    let mut lines = vec![Line::from(header)];
    let mut drawn = Vec::new();
    for (i, claim) in rows
        .iter()
        .map(|&c| &app.corpus.claims[c])
        .enumerate()
        .skip(top)
        .take(room)
    {
        drawn.push((i, area.y + 2 + (i - top) as u16, 1));
        let style = if i == state.cursor {
            theme.selected()
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            format!(
                "{:>2}× {}  ",
                claim.support,
                pad(&truncate(&claim.text, text_w), text_w)
            ),
            style,
        )];
        for &c in &shown {
            let s = columns[c];
            let carries = claim.sources.contains(&s);
            let mark = match (carries, carries && differs(app, claim, s)) {
                (true, true) => Span::styled(" ◐  ", style.patch(theme.differing())),
                (true, false) => Span::styled(" ●  ", style.patch(theme.key())),
                _ => Span::styled(" ·  ", style.patch(theme.dim())),
            };
            spans.push(mark);
        }
        lines.push(Line::from(spans));
    }
    while lines.len() < room + 1 {
        lines.push(Line::default());
    }
    lines.push(Line::default());
    lines.extend(legend.into_iter().take(legend_room));
    let filter = state
        .narrowing
        .prompt()
        .map_or(String::new(), |p| format!(", {p}"));
    let title = format!(
        " Claims matrix: {} claims × {n} sources, {}{filter} ",
        rows.len(),
        state.sort.label()
    );
    frame.render_widget(Paragraph::new(lines).block(pane(title, true, theme)), area);
    (
        ListDrawn {
            area: Rect::new(
                area.x + 1,
                area.y + 2,
                area.width.saturating_sub(2),
                room as u16,
            ),
            top,
            rows: drawn,
        },
        (first, shown.len()),
    )
}

fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_outlets() {
        assert_eq!(initials("The Harbour Herald"), "THH");
        assert_eq!(initials("The Moscow Times/AFP"), "TMT");
        assert_eq!(initials("L’Express"), "LEX");
        assert_eq!(initials("002_6a49b505ca0019d2"), "002");
    }

    #[test]
    fn column_labels_are_unique() {
        let labels = column_labels(&["The Associated Press", "Tampa Post", "BBC", "The Age Press"]);
        assert_eq!(labels, vec!["TA1", "TP", "BBC", "TA2"]);
        let many: Vec<String> = (0..12).map(|_| "Same Name".to_owned()).collect();
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        let labels = column_labels(&names);
        let mut unique = labels.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 12, "{labels:?}");
    }
}
