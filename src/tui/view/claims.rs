//! The claims panel: for the passage under the cursor, each claim it
//! belongs to with every other source's version (word diff against this
//! passage) and the differences; below, the article's claims.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{diff_side, truncate, wrap_spans};
use super::theme::Theme;
use super::{is_focused, pane};
use crate::model::PassageKind;
use crate::tui::app::{App, FilterState, Focus};
use crate::tui::drawn::{ListDrawn, window};
use crate::tui::layout;
use crate::xref::diff::word_diff;

/// Draws the panel and reports the rows of the article's claim list.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) -> Option<ListDrawn> {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let focused = is_focused(app, Focus::Claims);
    let mut lines = passage_claims(app, width, theme);
    let (heading, list) = article_list(app, width, theme, focused);
    // The article's list (heading and rows) keeps at least a third of the
    // panel when needed; the cursor's row is always drawn.
    let room = inner.height as usize;
    let list_room = (list.len() + 1)
        .min(room / 3 + 1)
        .max(room.saturating_sub(lines.len() + 1).min(list.len() + 1));
    lines.truncate(room.saturating_sub(list_room + 1));
    lines.push(Line::from(Span::styled("─".repeat(width), theme.dim())));
    lines.push(heading);
    let rows_room = list_room.saturating_sub(1);
    let top = if focused {
        window(0, app.reading.claims_cursor, list.len(), rows_room, &|_| 1)
    } else {
        0
    };
    let first_y = inner.y + lines.len() as u16;
    let shown = list.len().saturating_sub(top).min(rows_room);
    lines.extend(list.into_iter().skip(top).take(rows_room));
    frame.render_widget(
        Paragraph::new(lines).block(pane(" Claims ".into(), focused, theme)),
        area,
    );
    Some(ListDrawn {
        area: Rect::new(inner.x, first_y, inner.width, rows_room as u16),
        top,
        rows: (top..top + shown)
            .map(|i| (i, first_y + (i - top) as u16, 1))
            .collect(),
    })
}

fn passage_claims(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some(passage) = app.corpus.passages.get(app.reading.passage) else {
        return lines;
    };
    // Support is out of the sources of the article's story.
    let total = app.story_sources().len();
    // The claim `n` walks comes first.
    let mut claims = app.derived.claims_of[passage.id].to_vec();
    if let Some(active) = crate::tui::update::active_claim(app, passage.id) {
        claims.sort_by_key(|&c| c != active);
    }
    if claims.is_empty() {
        let note = if passage.kind == PassageKind::Boilerplate {
            "Boilerplate: not cross-referenced."
        } else if passage.duplicate_of.is_some() {
            "Repeats an earlier passage of this article."
        } else if app.linking {
            // Pending, not absent: nothing is "only here" until the engine
            // has compared it.
            "Cross-referencing…: the claims of this passage appear when it finishes."
        } else if app.derived.single[passage.id] {
            "◆ Only in this article: no other source states this."
        } else {
            "No other source states this passage."
        };
        lines.extend(wrap_spans(&[(note.to_owned(), theme.dim())], width, 0));
        return lines;
    }
    for &c in &claims {
        let claim = &app.corpus.claims[c];
        lines.extend(wrap_spans(
            &[(
                match (
                    claim.independent < claim.support,
                    app.corpus.copies.is_empty(),
                ) {
                    (true, false) => format!(
                        "reported by {} of {} sources ({} independent: copies of one story)",
                        claim.support, total, claim.independent
                    ),
                    _ => format!("reported by {} of {} sources", claim.support, total),
                },
                theme.title(),
            )],
            width,
            0,
        ));
        if let Some(anchor) = &claim.anchor {
            lines.extend(wrap_spans(&[(anchor.describe(), theme.dim())], width, 0));
        }
        // The claim as its most central member states it.
        lines.extend(wrap_spans(&[(claim.text.clone(), theme.key())], width, 0));
        // Where the versions disagree comes first, most important first
        // (the engine's order), each value with the outlets that state it.
        for d in &claim.differences {
            let values: Vec<String> = d
                .who_says_what(&app.corpus.passages)
                .into_iter()
                .map(|(text, sources)| {
                    let outlets: Vec<&str> = sources
                        .iter()
                        .map(|&s| app.corpus.sources[s].outlet_name())
                        .collect();
                    format!("{text} ({})", outlets.join(", "))
                })
                .collect();
            lines.extend(wrap_spans(
                &[
                    (format!("≠ {}:", d.about), theme.differing()),
                    (values.join(" / "), Style::new()),
                ],
                width,
                0,
            ));
        }
        for &member in claim.passages.iter().filter(|&&m| m != passage.id) {
            let other = &app.corpus.passages[member];
            let outlet = app.corpus.sources[other.source]
                .outlet
                .as_deref()
                .unwrap_or("?");
            let marker = if other.source == passage.source {
                "  (same article)"
            } else {
                ""
            };
            lines.push(Line::from(Span::styled(
                format!("▸ {outlet}{marker}"),
                theme.key(),
            )));
            // The other version, its words that this passage lacks highlighted.
            let runs = diff_side(&word_diff(&passage.text, &other.text), false, theme);
            lines.extend(wrap_spans(&runs, width, 2));
        }
        lines.push(Line::default());
    }
    lines
}

/// The heading of the article's list, and a row per claim (the claim as
/// stated by its most central member) then per single-source passage.
fn article_list(
    app: &App,
    width: usize,
    theme: &Theme,
    focused: bool,
) -> (Line<'static>, Vec<Line<'static>>) {
    if app.linking {
        return (
            Line::from(Span::styled(
                "In this article: cross-referencing…",
                theme.title(),
            )),
            Vec::new(),
        );
    }
    let rows = app.article_claims();
    let shared = rows.iter().filter(|r| r.0.is_some()).count();
    let heading = Line::from(Span::styled(
        format!(
            "In this article: {shared} shared, {} only here",
            rows.len() - shared
        ),
        theme.title(),
    ));
    let mut lines = Vec::new();
    for (i, (claim, p)) in rows.iter().enumerate() {
        let (label, style) = match claim {
            Some(c) => (
                format!(
                    "{}× {}",
                    app.corpus.claims[*c].support, app.corpus.claims[*c].text
                ),
                Style::new(),
            ),
            None => (
                format!("◆ {}", app.corpus.passages[*p].text),
                theme.single(),
            ),
        };
        let style = if focused && i == app.reading.claims_cursor {
            theme.selected()
        } else {
            style
        };
        lines.push(Line::from(Span::styled(truncate(&label, width), style)));
    }
    (heading, lines)
}

/// The claims filter's results, the selected one always drawn.
pub fn render_claim_hits(
    app: &App,
    filter: &FilterState,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) -> ListDrawn {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!("{} matching claims", filter.hits.len()),
        theme.title(),
    ))];
    let room = (inner.height as usize).saturating_sub(1);
    let top = window(0, filter.selected, filter.hits.len(), room, &|_| 1);
    let mut rows = Vec::new();
    for (i, hit) in filter.hits.iter().enumerate().skip(top).take(room) {
        rows.push((i, inner.y + 1 + (i - top) as u16, 1));
        let claim = &app.corpus.claims[hit.item];
        let text = format!("{}× {}", claim.support, claim.text);
        let style = if i == filter.selected {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(Span::styled(truncate(&text, width), style)));
    }
    frame.render_widget(
        Paragraph::new(lines).block(pane(" Claims: filter ".into(), true, theme)),
        area,
    );
    ListDrawn {
        area: Rect::new(inner.x, inner.y + 1, inner.width, room as u16),
        top,
        rows,
    }
}
