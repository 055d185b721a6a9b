//! Where everything goes on screen, from the terminal size and the view's choices: computed in one
//! place, by [`App::resize`](super::App::resize), before anything is drawn.

/// A rectangle of cells (the view's own, so that it needs no terminal library).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    /// Is the cell at `column`, `row` inside?
    pub fn contains(&self, column: u16, row: u16) -> bool {
        (self.x..self.x.saturating_add(self.width)).contains(&column)
            && (self.y..self.y.saturating_add(self.height)).contains(&row)
    }
}

/// Smallest terminal the interface draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;
/// Columns of the topic sidebar, border included (less on narrow terminals).
const SIDEBAR_WIDTH: u16 = 24;

/// The screen's parts for one terminal size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry {
    /// Width of the whole terminal.
    pub width: u16,
    pub total_height: u16,
    /// Too small to draw anything but a message.
    pub too_small: bool,
    pub header: Area,
    /// The sidebar, border included.
    pub sidebar: Option<Area>,
    /// Where the panes (or the overview) go.
    pub content: Area,
    /// Columns (x, width) of each pane: two side by side, one inline.
    pub panes: Vec<(u16, u16)>,
    /// The column of the separator between two panes.
    pub separator: Option<u16>,
    pub status: Area,
    /// Lines of text a pane shows.
    pub height: usize,
}

impl Geometry {
    /// The help overlay, border included: as wide as the longest description needs, within the
    /// screen.
    pub fn help(&self) -> Area {
        let longest = crate::keys::Action::ALL
            .iter()
            .map(|a| super::width::str_width(a.description()))
            .max()
            .unwrap_or(40);
        let width = (longest as u16 + 34)
            .max(76)
            .min(self.width.saturating_sub(2))
            .max(self.width.min(20));
        Area {
            x: (self.width - width) / 2,
            y: 2,
            width,
            height: self.total_height.saturating_sub(4).max(6),
        }
    }

    /// The parts of a `width` × `height` screen; `inline` leaves one pane.
    pub fn new(width: u16, height: u16, sidebar: bool, inline: bool) -> Self {
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let body_height = height.saturating_sub(2);
        let header = Area {
            x: 0,
            y: 0,
            width,
            height: 1,
        };
        let status = Area {
            x: 0,
            y: height.saturating_sub(1),
            width,
            height: 1,
        };
        let sidebar_width = if sidebar {
            SIDEBAR_WIDTH.min(width / 5).max(12).min(width)
        } else {
            0
        };
        let sidebar = sidebar.then_some(Area {
            x: 0,
            y: 1,
            width: sidebar_width,
            height: body_height,
        });
        let content = Area {
            x: sidebar_width,
            y: 1,
            width: width - sidebar_width,
            height: body_height,
        };
        let (panes, separator) = if inline {
            (vec![(content.x, content.width)], None)
        } else {
            // Two equal panes around a one-column separator; the left takes the odd column.
            let room = content.width.saturating_sub(1);
            let left = room.div_ceil(2);
            let right = room - left;
            (
                vec![(content.x, left), (content.x + left + 1, right)],
                Some(content.x + left),
            )
        };
        Geometry {
            width,
            total_height: height,
            too_small,
            header,
            sidebar,
            content,
            panes,
            separator,
            status,
            height: body_height as usize,
        }
    }

    /// The area of pane `i`.
    pub fn pane(&self, i: usize) -> Area {
        let (x, width) = self.panes.get(i).copied().unwrap_or_default();
        Area {
            x,
            y: self.content.y,
            width,
            height: self.content.height,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_and_sidebar_tile_the_screen() {
        let g = Geometry::new(161, 45, true, false);
        let side = g.sidebar.expect("sidebar");
        assert_eq!(side.width, 24);
        assert_eq!(g.content.x, 24);
        let (l, r) = (g.pane(0), g.pane(1));
        assert_eq!(l.x + l.width, g.separator.expect("separator"));
        assert_eq!(r.x, l.x + l.width + 1);
        assert_eq!(r.x + r.width, 161);
        assert_eq!(g.height, 43);
        let inline = Geometry::new(80, 24, false, true);
        assert_eq!(inline.panes, vec![(0, 80)]);
        assert!(inline.separator.is_none());
        assert!(Geometry::new(40, 10, true, false).too_small);
    }
}
