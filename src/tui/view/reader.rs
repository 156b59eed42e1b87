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
use crate::tui::drawn::{ListDrawn, span_window};
use crate::tui::layout;
use crate::tui::wrap::Segment;

/// Draws the open article and reports its text lines as drawn.
pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) -> Option<ListDrawn> {
    let Some(source) = app.corpus.sources.get(app.reading.source) else {
        frame.render_widget(
            Paragraph::new("no article").block(pane(" Reader ".into(), true, theme)),
            area,
        );
        return None;
    };
    let inner = layout::inner(area);
    let text_area = layout::reader_text_area(area);
    let (width, height) = (
        text_area.width.saturating_sub(layout::GUTTER).max(1) as usize,
        text_area.height as usize,
    );
    let doc = app.wraps.get(&app.corpus, app.reading.source, width);
    // The passage under the cursor is always drawn: from the state's first
    // line, scrolled as little as needed.
    let (first, last) = doc.lines_of(app.reading.passage);
    let top = span_window(
        app.reading
            .reader_top
            .min(doc.lines.len().saturating_sub(1)),
        first,
        last,
        height,
    );
    let ids = app.article_passages();
    let position = format!(
        "{}/{}",
        app.reading.passage.saturating_sub(ids.start) + 1,
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
    let mut rows = Vec::new();
    for (n, line) in doc.lines.iter().enumerate().skip(top).take(height) {
        rows.push((n, text_area.y + (n - top) as u16, 1));
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
    Some(ListDrawn {
        area: text_area,
        top,
        rows,
    })
}

/// The gutter mark of a line: the support of a corroborated passage that
/// starts on it, or ◆ for a single-source one.
fn gutter(app: &App, starts: &[usize]) -> (String, Style) {
    let theme = Theme::with(app.config.palette, app.no_color);
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
        PassageKind::Title | PassageKind::Heading => theme.title(),
        PassageKind::Caption => theme.caption(),
        PassageKind::Body => Style::new(),
    };
    if passage.duplicate_of.is_some() {
        style = style.patch(theme.dim());
    }
    style = style.patch(theme.support(app.derived.support[p]));
    if p == app.reading.passage {
        style = style.patch(theme.current());
    }
    // Underline differing words, and mark the kept search's matches, where
    // the segment is the passage's own text.
    let differing = &app.derived.differing[p];
    let matches: &[std::ops::Range<usize>] = app
        .reading
        .search
        .as_ref()
        .and_then(|s| {
            let i = s.hits.binary_search_by_key(&p, |h| h.item).ok()?;
            Some(s.hits[i].highlights.as_slice())
        })
        .unwrap_or(&[]);
    let exact = passage.text.get(seg.range.clone()) == Some(seg.text.as_str());
    if (differing.is_empty() && matches.is_empty()) || !exact {
        return vec![Span::styled(seg.text.clone(), style)];
    }
    let mut spans = Vec::new();
    let mut at = seg.range.start;
    let clip = |r: &std::ops::Range<usize>| {
        (r.start < seg.range.end && r.end > seg.range.start)
            .then(|| (r.start.max(seg.range.start), r.end.min(seg.range.end)))
    };
    let mut cuts: Vec<(usize, usize, Style)> = differing
        .iter()
        .filter_map(|r| clip(r).map(|(s, e)| (s, e, theme.differing())))
        .chain(
            matches
                .iter()
                .filter_map(|r| clip(r).map(|(s, e)| (s, e, theme.matched()))),
        )
        .collect();
    cuts.sort_unstable_by_key(|c| (c.0, c.1));
    for (s, e, mark) in cuts {
        if s < at || !passage.text.is_char_boundary(s) || !passage.text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            spans.push(Span::styled(passage.text[at..s].to_owned(), style));
        }
        spans.push(Span::styled(
            passage.text[s..e].to_owned(),
            style.patch(mark),
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
