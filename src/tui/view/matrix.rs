//! The claims matrix: claims (rows, by support) × sources (columns).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::pane;
use super::text::truncate;
use super::theme::Theme;
use crate::model::{Claim, SourceId};
use crate::tui::app::App;

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

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    // The open article's story: its sources are the columns, its claims
    // the rows.
    let columns = app.story_sources();
    let rows = app.story_claims();
    let n = columns.len();
    let cols = n * 4;
    let text_w = (area.width as usize).saturating_sub(cols + 8);
    let mut header = vec![Span::styled(
        format!("{:<w$}", "claim", w = text_w + 6),
        theme.title(),
    )];
    for s in columns.iter().map(|&s| &app.corpus.sources[s]) {
        header.push(Span::styled(
            format!("{:^4}", initials(s.outlet.as_deref().unwrap_or("?"))),
            theme.title(),
        ));
    }
    let mut lines = vec![Line::from(header)];
    let visible = (area.height as usize).saturating_sub(5);
    for (i, claim) in rows
        .iter()
        .map(|&c| &app.corpus.claims[c])
        .enumerate()
        .skip(app.matrix_top)
        .take(visible)
    {
        let style = if i == app.matrix_cursor {
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
        for &s in &columns {
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
    lines.push(Line::default());
    let legend: Vec<String> = columns
        .iter()
        .map(|&s| &app.corpus.sources[s])
        .map(|s| {
            format!(
                "{} {}",
                initials(s.outlet.as_deref().unwrap_or("?")),
                s.outlet.as_deref().unwrap_or("?")
            )
        })
        .collect();
    lines.push(Line::from(Span::styled(
        truncate(
            &format!(
                "● carries  ◐ its version differs  · absent   {}",
                legend.join(" · ")
            ),
            area.width.saturating_sub(2) as usize,
        ),
        theme.dim(),
    )));
    let title = format!(
        " Claims matrix: {} claims × {n} sources (Enter jumps, Esc closes) ",
        rows.len()
    );
    frame.render_widget(Paragraph::new(lines).block(pane(title, true, theme)), area);
}

fn pad(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_labels() {
        assert_eq!(initials("The Harbour Herald"), "THH");
        assert_eq!(initials("The Moscow Times/AFP"), "TMT");
        assert_eq!(initials("L’Express"), "LEX");
        assert_eq!(initials("002_6a49b505ca0019d2"), "002");
    }
}
