//! What the views drew, as television's draw returns its layout: `update`
//! scrolls and maps clicks with these rows, never with a second guess of
//! the geometry.

use ratatui::layout::Rect;

/// The rows of a scrolled list as drawn: which item sits where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListDrawn {
    /// The rectangle the rows fill.
    pub area: Rect,
    /// First item shown.
    pub top: usize,
    /// Each item drawn: (item, first screen row, height in rows).
    pub rows: Vec<(usize, u16, u16)>,
}

impl ListDrawn {
    /// Whether `item` was drawn whole.
    pub fn shows(&self, item: usize) -> bool {
        self.rows.iter().any(|&(i, y, h)| {
            i == item && y >= self.area.y && y + h <= self.area.y + self.area.height
        })
    }

    /// The item drawn at screen row `y`.
    pub fn item_at(&self, y: u16) -> Option<usize> {
        self.rows
            .iter()
            .find(|&&(_, top, h)| y >= top && y < top + h)
            .map(|r| r.0)
    }

    /// Items that fit in the area as drawn (a page), at least one.
    pub fn page(&self) -> usize {
        self.rows.len().max(1)
    }
}

/// Everything the last frame drew that `update` needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// Reader lines: items are wrapped line numbers.
    pub reader: Option<ListDrawn>,
    /// Sources pane: items are rows of the list.
    pub sources: Option<ListDrawn>,
    /// The claims panel's list of the article's claims.
    pub claims: Option<ListDrawn>,
    pub compare: Option<ListDrawn>,
    pub matrix: Option<ListDrawn>,
    /// Matrix source columns shown: (first, count).
    pub matrix_columns: Option<(usize, usize)>,
    /// Help lines.
    pub help: Option<ListDrawn>,
    pub help_lines: usize,
    pub pick: Option<ListDrawn>,
    /// Filter results (passages or claims).
    pub results: Option<ListDrawn>,
}

/// The first item to show so that `cursor` is drawn whole, scrolling as
/// little as possible from `top`: items have the heights `height(i)` and
/// `room` rows are available.
pub fn window(
    top: usize,
    cursor: usize,
    len: usize,
    room: usize,
    height: &dyn Fn(usize) -> usize,
) -> usize {
    if len == 0 {
        return 0;
    }
    let cursor = cursor.min(len - 1);
    let top = top.min(cursor);
    // From the cursor up, as far as the room allows: only rows that may be
    // drawn are measured (a jump to the end of 200,000 rows measures a
    // screenful, not every row).
    let mut first = cursor;
    let mut used = height(cursor);
    while first > top && used + height(first - 1) <= room {
        first -= 1;
        used += height(first);
    }
    first
}

/// The first line to show so that lines `first..=last` (one passage) are
/// drawn, scrolling as little as possible from `top`; a passage taller than
/// the room shows its start.
pub fn span_window(top: usize, first: usize, last: usize, room: usize) -> usize {
    let room = room.max(1);
    if first < top {
        first
    } else if last >= top + room {
        (last + 1 - room).min(first)
    } else {
        top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_keeps_the_cursor_whole_and_moves_little() {
        let one = |_: usize| 1;
        assert_eq!(window(0, 5, 100, 10, &one), 0);
        assert_eq!(window(0, 10, 100, 10, &one), 1);
        assert_eq!(window(20, 10, 100, 10, &one), 10);
        let three = |_: usize| 3;
        // Rows of three lines in ten rows: three fit.
        assert_eq!(window(0, 4, 100, 10, &three), 2);
        // A row taller than the room is shown from its start.
        let tall = |i: usize| if i == 3 { 50 } else { 1 };
        assert_eq!(window(0, 3, 100, 10, &tall), 3);
        assert_eq!(window(0, 0, 0, 10, &one), 0);
    }

    #[test]
    fn the_span_window_shows_the_whole_passage_or_its_start() {
        assert_eq!(span_window(0, 3, 5, 10), 0);
        assert_eq!(span_window(0, 12, 14, 10), 5);
        assert_eq!(span_window(8, 3, 5, 10), 3);
        assert_eq!(span_window(0, 12, 40, 10), 12);
    }
}
