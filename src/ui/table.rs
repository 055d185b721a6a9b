//! Cells and rows of the series screens' tables (coverage, figures, checklist): text cut as the rest
//! of the interface cuts it and padded to its column, a row painted where the area has room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::view::width::str_width;

/// `s` cut as the rest of the interface cuts (whole clusters, an ellipsis) and padded to exactly
/// `cols` columns, on the left when `right`.
pub(super) fn fit(s: &str, cols: usize, right: bool) -> String {
    let cut = super::fit(s, cols);
    if right {
        " ".repeat(cols.saturating_sub(str_width(&cut))) + &cut
    } else {
        super::pad_to(&cut, cols)
    }
}

/// Paints `l` on row `y` of `area`, when that row is in it.
pub(super) fn line(buf: &mut Buffer, area: Rect, y: u16, l: Line) {
    if y < area.y + area.height {
        Paragraph::new(l).render(Rect { y, height: 1, ..area }, buf);
    }
}
