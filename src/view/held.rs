//! A pane's screen lines, of which only those with something on them are held: a row or a report
//! is measured whole (so that line numbers, changes and matches are the whole one's) but built
//! only where it is shown, and a blank line needs no room. A row of half a million lines held a
//! `Line` for each, built or not: 24 bytes a line a pane, and as much again while its list grew.

use std::collections::BTreeMap;
use std::ops::Range;

use super::lines::Line;

/// What every line not held reads as: blank.
static BLANK: Line = Line { segs: Vec::new() };

/// Screen lines `0..len`, the ones not blank held by their number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeldLines {
    len: usize,
    held: BTreeMap<usize, Line>,
}

impl HeldLines {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Line `i`, blank when nothing is on it; `None` past the end.
    pub fn get(&self, i: usize) -> Option<&Line> {
        (i < self.len).then(|| self.held.get(&i).unwrap_or(&BLANK))
    }

    /// Every line in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Line> + ExactSizeIterator + '_ {
        self.range(0..self.len)
    }

    /// The lines of `range` (within the lines there are), in order: what a screen reads, without
    /// going over the lines above it.
    pub fn range(&self, range: Range<usize>) -> impl DoubleEndedIterator<Item = &Line> + ExactSizeIterator + '_ {
        let range = range.start.min(self.len)..range.end.min(self.len);
        range.map(|i| self.held.get(&i).unwrap_or(&BLANK))
    }

    /// Adds a line at the end.
    pub fn push(&mut self, line: Line) {
        self.set_held(self.len, line);
        self.len += 1;
    }

    /// Adds `n` blank lines at the end: lines still to be built, or blank ones.
    pub fn push_blank(&mut self, n: usize) {
        self.len += n;
    }

    /// Puts `lines` in the place of the lines from `start` on, as many as there are.
    pub fn replace(&mut self, start: usize, lines: Vec<Line>) {
        debug_assert!(start + lines.len() <= self.len, "within the lines there are");
        for (k, line) in lines.into_iter().enumerate() {
            self.set_held(start + k, line);
        }
    }

    /// Puts `line` in the place of line `i`, if there is one.
    pub fn set(&mut self, i: usize, line: Line) {
        if i < self.len {
            self.set_held(i, line);
        }
    }

    fn set_held(&mut self, i: usize, line: Line) {
        if line.segs.is_empty() {
            self.held.remove(&i);
        } else {
            self.held.insert(i, line);
        }
    }
}

impl std::ops::Index<usize> for HeldLines {
    type Output = Line;

    fn index(&self, i: usize) -> &Line {
        self.get(i).unwrap_or_else(|| panic!("line {i} of {} lines", self.len))
    }
}

impl<'a> IntoIterator for &'a HeldLines {
    type Item = &'a Line;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = &'a Line> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl Extend<Line> for HeldLines {
    fn extend<I: IntoIterator<Item = Line>>(&mut self, lines: I) {
        lines.into_iter().for_each(|l| self.push(l));
    }
}

impl FromIterator<Line> for HeldLines {
    fn from_iter<I: IntoIterator<Item = Line>>(lines: I) -> Self {
        let mut out = HeldLines::default();
        out.extend(lines);
        out
    }
}

impl From<Vec<Line>> for HeldLines {
    fn from(lines: Vec<Line>) -> Self {
        lines.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::lines::{Look, Seg};

    fn line(text: &str) -> Line {
        Line {
            segs: vec![Seg::new(text, Look::Plain)],
        }
    }

    #[test]
    fn blank_lines_are_counted_not_held() {
        let mut lines = HeldLines::default();
        lines.push(line("甲"));
        lines.push_blank(1_000_000);
        lines.push(Line::default());
        lines.push(line("乙"));
        assert_eq!(lines.len(), 1_000_003);
        assert_eq!(lines.held.len(), 2, "only the lines with something on them");
        assert_eq!(lines[0], line("甲"));
        assert_eq!(lines[500], Line::default());
        assert_eq!(lines[1_000_002], line("乙"));
        assert_eq!(lines.get(1_000_003), None);
    }

    #[test]
    fn lines_replaced_read_as_a_list_would() {
        let mut lines = HeldLines::default();
        lines.push_blank(6);
        let mut plain = vec![Line::default(); 6];
        lines.replace(2, vec![line("二"), Line::default(), line("四")]);
        plain.splice(2..5, vec![line("二"), Line::default(), line("四")]);
        assert_eq!(lines.iter().cloned().collect::<Vec<_>>(), plain);
        // Built again, blank where there was text: the text goes.
        lines.replace(2, vec![Line::default()]);
        lines.set(0, line("零"));
        lines.set(9, line("past the end, not added"));
        plain[2] = Line::default();
        plain[0] = line("零");
        assert_eq!(lines.iter().cloned().collect::<Vec<_>>(), plain);
        assert_eq!(lines.range(3..100).count(), 3, "a range is cut at the end");
        assert_eq!(lines, HeldLines::from(plain), "equal as their lines are");
    }
}
