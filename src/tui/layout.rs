//! Where each pane goes for a terminal size. Shared by the views and by
//! `update` (which scrolls to keep the cursor visible).

use ratatui::layout::Rect;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub sources: Rect,
    pub reader: Rect,
    pub claims: Rect,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Pane widths a config file asks for (columns); `None`: by screen size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    pub sources: Option<u16>,
    pub claims: Option<u16>,
}

/// The panes at the default widths.
pub fn panes(area: Rect) -> Panes {
    panes_with(area, Widths::default())
}

/// The panes: the reader always widest, the sources pane growing with the
/// screen (a fifth of it, 16 to 48 columns), the claims panel two fifths
/// of the rest (20 to 72 columns). Widths asked for are kept where they
/// leave the reader the most room.
pub fn panes_with(area: Rect, widths: Widths) -> Panes {
    let body_height = area.height.saturating_sub(1);
    let sources_w = widths
        .sources
        .unwrap_or((area.width / 5).clamp(16, 48))
        .min(area.width / 3)
        .max(12.min(area.width));
    let rest = area.width.saturating_sub(sources_w);
    let claims_w = widths
        .claims
        .unwrap_or((rest * 2 / 5).clamp(20, 72))
        .min((rest / 2).saturating_sub(1));
    let reader_w = rest.saturating_sub(claims_w);
    Panes {
        sources: Rect::new(area.x, area.y, sources_w, body_height),
        reader: Rect::new(area.x + sources_w, area.y, reader_w, body_height),
        claims: Rect::new(area.x + sources_w + reader_w, area.y, claims_w, body_height),
        status: Rect::new(area.x, area.y + body_height, area.width, 1),
    }
}

/// Inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Columns of the reader's gutter (support bar and single-source mark).
pub const GUTTER: u16 = 2;

/// Lines of the reader above the text: headline and metadata.
pub const READER_HEADER: u16 = 2;

/// Where the reader's text lines go in its pane (gutter included): under
/// the header, inside the border.
pub fn reader_text_area(pane: Rect) -> Rect {
    let i = inner(pane);
    let header = READER_HEADER.min(i.height);
    Rect::new(i.x, i.y + header, i.width, i.height - header)
}

/// Text width and height of the reader at a terminal size.
pub fn reader_text(area: Rect, widths: Widths) -> (usize, usize) {
    let t = reader_text_area(panes_with(area, widths).reader);
    (
        t.width.saturating_sub(GUTTER).max(1) as usize,
        t.height as usize,
    )
}

/// The help overlay's lines: one a section title, one a binding, a blank
/// after each section, and two footer lines; and how many fit at `area`.
/// The view draws exactly these, so scrolling stops at the last line.
pub fn help_lines(area: Rect, keymap: &crate::tui::keymap::Keymap) -> (usize, usize) {
    let total: usize = keymap
        .help_sections()
        .iter()
        .map(|(_, rows)| rows.len() + 2)
        .sum::<usize>()
        + 2;
    (total, help_popup(area).height.saturating_sub(2) as usize)
}

/// Where the help overlay goes: 76 columns, all but a line above and below.
pub fn help_popup(area: Rect) -> Rect {
    let (w, h) = (
        76.min(area.width),
        area.height.saturating_sub(2).min(area.height),
    );
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fill_the_screen_without_overlap() {
        for (w, h) in [
            (60, 15),
            (80, 24),
            (120, 40),
            (200, 60),
            (220, 50),
            (400, 100),
        ] {
            let p = panes(Rect::new(0, 0, w, h));
            assert_eq!(
                p.sources.width + p.reader.width + p.claims.width,
                w,
                "{w}x{h}"
            );
            assert!(p.reader.width >= 20, "{w}x{h}: {p:?}");
            assert!(p.reader.width > p.claims.width, "{w}x{h}: {p:?}");
            assert!(p.reader.width > p.sources.width, "{w}x{h}: {p:?}");
            assert_eq!(p.status.y, h - 1);
        }
        // Wide screens give the sources pane room for titles.
        assert!(panes(Rect::new(0, 0, 220, 50)).sources.width >= 40);
        // Asked-for widths, within what leaves the reader widest.
        let asked = Widths {
            sources: Some(40),
            claims: Some(100),
        };
        for (w, h) in [(60, 15), (80, 24), (200, 60)] {
            let p = panes_with(Rect::new(0, 0, w, h), asked);
            assert_eq!(p.sources.width + p.reader.width + p.claims.width, w);
            assert!(p.reader.width > p.claims.width && p.reader.width > p.sources.width);
        }
        assert_eq!(
            panes_with(Rect::new(0, 0, 200, 60), asked).sources.width,
            40
        );
    }
}
