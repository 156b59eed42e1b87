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
use crate::tui::app::{App, Focus, Mode, Scope};
use crate::tui::layout;
use crate::xref::diff::word_diff;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let inner = layout::inner(area);
    let width = inner.width as usize;
    let focused = is_focused(app, Focus::Claims);
    if app.mode == Mode::Filter && app.scope == Scope::Claims {
        return render_claim_hits(app, frame, area, theme);
    }
    let mut lines = passage_claims(app, width, theme);
    let list = article_list(app, width, theme, focused);
    // The article's list keeps at least a third of the panel when needed.
    let room = inner.height as usize;
    let list_room = list
        .len()
        .min(room / 3 + 1)
        .max(room.saturating_sub(lines.len() + 1).min(list.len()));
    lines.truncate(room.saturating_sub(list_room + 1));
    lines.push(Line::from(Span::styled("─".repeat(width), theme.dim())));
    let selected_line = app.claims_cursor + 1;
    let skip = if focused && selected_line >= list_room {
        selected_line + 1 - list_room
    } else {
        0
    };
    lines.extend(list.into_iter().skip(skip).take(list_room));
    frame.render_widget(
        Paragraph::new(lines).block(pane(" Claims ".into(), focused, theme)),
        area,
    );
}

fn passage_claims(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let Some(passage) = app.corpus.passages.get(app.passage) else {
        return lines;
    };
    // Support is out of the sources of the article's story.
    let total = app.story_sources().len();
    let claims = &app.derived.claims_of[passage.id];
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
    for &c in claims {
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
                        .map(|&s| app.corpus.sources[s].outlet.as_deref().unwrap_or("?"))
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

fn article_list(app: &App, width: usize, theme: &Theme, focused: bool) -> Vec<Line<'static>> {
    if app.linking {
        return vec![Line::from(Span::styled(
            "In this article: cross-referencing…",
            theme.title(),
        ))];
    }
    let rows = app.article_claims();
    let shared = rows.iter().filter(|r| r.0.is_some()).count();
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "In this article: {shared} shared, {} only here",
            rows.len() - shared
        ),
        theme.title(),
    ))];
    for (i, (claim, p)) in rows.iter().enumerate() {
        let (label, style) = match claim {
            Some(c) => (
                format!(
                    "{}× {}",
                    app.corpus.claims[*c].support, app.corpus.passages[*p].text
                ),
                Style::new(),
            ),
            None => (
                format!("◆ {}", app.corpus.passages[*p].text),
                theme.single(),
            ),
        };
        let style = if focused && i == app.claims_cursor {
            theme.selected()
        } else {
            style
        };
        lines.push(Line::from(Span::styled(truncate(&label, width), style)));
    }
    lines
}

fn render_claim_hits(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = layout::inner(area).width as usize;
    let mut lines = vec![Line::from(Span::styled(
        format!("{} matching claims", app.filter.hits.len()),
        theme.title(),
    ))];
    for (i, hit) in app.filter.hits.iter().enumerate() {
        let claim = &app.corpus.claims[hit.item];
        let text = format!("{}× {}", claim.support, claim.text);
        let style = if i == app.filter.selected {
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
}
