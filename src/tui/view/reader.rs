//! The reader: the open article wrapped to the pane, passages shaded by
//! support, the current one highlighted, single-source ones marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::truncate;
use super::theme::Theme;
use super::{is_focused, pane};
use crate::model::PassageKind;
use crate::tui::app::{App, Focus};
use crate::tui::layout;
use crate::tui::wrap::Segment;

/// Lines above the text: headline and metadata.
pub const HEADER_LINES: u16 = 2;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(source) = app.corpus.sources.get(app.source) else {
        frame.render_widget(
            Paragraph::new("no article").block(pane(" Reader ".into(), true, theme)),
            area,
        );
        return;
    };
    let inner = layout::inner(area);
    let (width, height) = layout::reader_text(app.size);
    let doc = app.wraps.get(&app.corpus, app.source, width);
    let ids = app.article_passages();
    let position = format!(
        "{}/{}",
        app.passage.saturating_sub(ids.start) + 1,
        ids.len()
    );
    let meta: Vec<&str> = [
        source.outlet.as_deref(),
        source.date.as_deref().map(|d| d.trim_start_matches('-')),
        source.byline.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut lines = vec![
        Line::from(Span::styled(
            truncate(
                source.title.as_deref().unwrap_or("(untitled)"),
                inner.width as usize,
            ),
            theme.title(),
        )),
        Line::from(Span::styled(
            truncate(&meta.join(" · "), inner.width as usize),
            theme.dim(),
        )),
    ];
    for (n, line) in doc
        .lines
        .iter()
        .enumerate()
        .skip(app.reader_top)
        .take(height)
    {
        let starts: Vec<usize> = line
            .passages()
            .filter(|p| doc.first_line.get(p) == Some(&n))
            .collect();
        let gutter = gutter(app, &starts);
        let mut spans = vec![Span::styled(gutter.0, gutter.1)];
        for seg in &line.segments {
            spans.extend(segment_spans(app, seg, theme));
        }
        lines.push(Line::from(spans));
    }
    let title = format!(
        " {} — passage {position} ",
        source.outlet.as_deref().unwrap_or("Reader")
    );
    frame.render_widget(
        Paragraph::new(lines).block(pane(title, is_focused(app, Focus::Reader), theme)),
        area,
    );
}

/// The gutter mark of a line: the support of a corroborated passage that
/// starts on it, or ◆ for a single-source one.
fn gutter(app: &App, starts: &[usize]) -> (String, Style) {
    let theme = Theme::new(app.no_color);
    if let Some(&p) = starts.iter().find(|&&p| app.derived.corroborated(p)) {
        let s = app.derived.support[p];
        let mark = if s >= 10 {
            "+".to_owned()
        } else {
            s.to_string()
        };
        return (format!("{mark} "), theme.gutter(s));
    }
    if !app.linking && starts.iter().any(|&p| app.derived.single[p]) {
        return ("◆ ".into(), theme.single());
    }
    ("  ".into(), Style::new())
}

fn segment_spans(app: &App, seg: &Segment, theme: &Theme) -> Vec<Span<'static>> {
    let Some(p) = seg.passage else {
        return vec![Span::raw(seg.text.clone())];
    };
    let passage = &app.corpus.passages[p];
    let mut style = match passage.kind {
        PassageKind::Boilerplate => theme.dim(),
        PassageKind::Title => theme.title(),
        PassageKind::Caption => theme.caption(),
        PassageKind::Body => Style::new(),
    };
    if passage.duplicate_of.is_some() {
        style = style.patch(theme.dim());
    }
    style = style.patch(theme.support(app.derived.support[p]));
    if p == app.passage {
        style = style.patch(theme.current());
    }
    // Underline differing words where the segment is the passage's own text.
    let differing = &app.derived.differing[p];
    let exact = passage.text.get(seg.range.clone()) == Some(seg.text.as_str());
    if differing.is_empty() || !exact {
        return vec![Span::styled(seg.text.clone(), style)];
    }
    let mut spans = Vec::new();
    let mut at = seg.range.start;
    let mut cuts: Vec<(usize, usize)> = differing
        .iter()
        .filter(|r| r.start < seg.range.end && r.end > seg.range.start)
        .map(|r| (r.start.max(seg.range.start), r.end.min(seg.range.end)))
        .collect();
    cuts.sort_unstable();
    for (s, e) in cuts {
        if s < at {
            continue;
        }
        if s > at {
            spans.push(Span::styled(passage.text[at..s].to_owned(), style));
        }
        spans.push(Span::styled(
            passage.text[s..e].to_owned(),
            style.patch(theme.differing()),
        ));
        at = e;
    }
    if at < seg.range.end {
        spans.push(Span::styled(
            passage.text[at..seg.range.end].to_owned(),
            style,
        ));
    }
    spans
}
