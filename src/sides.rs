//! The two reports of a comparison: which one ([`Side`]) and one of anything for each ([`Sides`]).
//! Panes show sides in an order the user can swap; [`Side::in_pane`] is the one place that maps them.

use std::ops::{Index, IndexMut};

/// Which report: the left (usually the older) or the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }

    /// The report shown in pane `pane` (0 is the left or only pane), the sides swapped or not.
    pub fn in_pane(pane: usize, swapped: bool) -> Side {
        if (pane == 0) != swapped {
            Side::Left
        } else {
            Side::Right
        }
    }

    /// The side whose place this report takes on screen: the other one when the panes are swapped.
    pub fn as_shown(self, swapped: bool) -> Side {
        Side::in_pane(self.pane(swapped), false)
    }

    /// The pane (0 or 1) that shows this report.
    pub fn pane(self, swapped: bool) -> usize {
        usize::from((self == Side::Right) != swapped)
    }
}

/// One value per report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Sides<T> {
    pub left: T,
    pub right: T,
}

impl<T> Sides<T> {
    pub fn new(left: T, right: T) -> Self {
        Sides { left, right }
    }

    /// A value for each side from `f`.
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Self {
        Sides {
            left: f(Side::Left),
            right: f(Side::Right),
        }
    }

    /// A value for each side from `f`, on two threads when `apart` (work that takes long enough to
    /// be worth a thread, such as a pass over a whole large report).
    pub fn from_fn_apart(apart: bool, f: impl Fn(Side) -> T + Sync) -> Self
    where
        T: Send,
    {
        if !apart {
            return Sides::from_fn(f);
        }
        let (left, right) = crate::halves::join(|| f(Side::Left), || f(Side::Right));
        Sides::new(left, right)
    }

    /// A reference to each value.
    pub fn as_ref(&self) -> Sides<&T> {
        Sides::new(&self.left, &self.right)
    }

    /// Each value through `f`.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Sides<U> {
        Sides::new(f(self.left), f(self.right))
    }

    /// Both values, left first.
    pub fn both(&self) -> [&T; 2] {
        [&self.left, &self.right]
    }

    /// Both values, left first, to change.
    pub fn both_mut(&mut self) -> [&mut T; 2] {
        [&mut self.left, &mut self.right]
    }

    /// Both values in pane order, taken.
    pub fn into_panes(self, swapped: bool) -> [T; 2] {
        if swapped {
            [self.right, self.left]
        } else {
            [self.left, self.right]
        }
    }
}

impl<T> Index<Side> for Sides<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

impl<T> IndexMut<Side> for Sides<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Left => &mut self.left,
            Side::Right => &mut self.right,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_and_sides_map_both_ways() {
        for swapped in [false, true] {
            for pane in 0..2 {
                assert_eq!(Side::in_pane(pane, swapped).pane(swapped), pane);
            }
        }
        assert_eq!(Side::in_pane(0, false), Side::Left);
        assert_eq!(Side::in_pane(0, true), Side::Right);
    }

    #[test]
    fn into_panes_follows_the_swap() {
        let s = Sides::new("old", "new");
        assert_eq!(s.into_panes(false), ["old", "new"]);
        assert_eq!(s.into_panes(true), ["new", "old"]);
        assert_eq!(s[Side::Right], "new");
        assert_eq!(Sides::from_fn(Side::other).left, Side::Right);
        assert_eq!(s.map(str::len), Sides::new(3, 3));
        assert_eq!(s.as_ref().both(), [&&"old", &&"new"]);
        for apart in [false, true] {
            assert_eq!(
                Sides::from_fn_apart(apart, Side::other),
                Sides::new(Side::Right, Side::Left)
            );
        }
        let mut n = Sides::new(1, 2);
        n.both_mut().into_iter().for_each(|v| *v *= 10);
        assert_eq!(n.both(), [&10, &20]);
    }
}
