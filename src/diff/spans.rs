//! [`Span`]s, and [`PassageSpans`]: the marks of every passage of one side of a row in one list.
//! A report without headings makes a passage per paragraph, often of one sentence and one span; a
//! list per passage cost four times what its one span weighs, and the list itself.

use std::ops::Range;

use super::Mark;
use crate::shared::fit_u32;

/// A marked range of one passage's text, in 12 bytes: 32-bit offsets (inputs stop at 1 GiB, see
/// `load::MAX_BYTES_LIMIT`), as a row keeps one for every run of each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    start: u32,
    end: u32,
    pub mark: Mark,
    /// A number that changed (`16次` → `119次`), worth a stronger highlight.
    pub figure: bool,
}

impl Span {
    pub fn new(range: Range<usize>, mark: Mark, figure: bool) -> Span {
        Span {
            start: fit_u32(range.start),
            end: fit_u32(range.end),
            mark,
            figure,
        }
    }

    /// Its bytes in the passage's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The same marks over other bytes.
    pub fn with_range(&self, range: Range<usize>) -> Span {
        Span::new(range, self.mark, self.figure)
    }
}

/// The spans of each passage of one side, passage after passage, in text order. Indexing by a
/// passage past the last panics, as a slice's does; [`PassageSpans::of`] gives none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageSpans {
    spans: Vec<Span>,
    /// Where each passage's spans end in `spans`; they start where the previous passage's end.
    ends: Vec<u32>,
}

impl PassageSpans {
    /// Passage `passage`'s spans; none for a passage past the last.
    pub fn of(&self, passage: usize) -> &[Span] {
        let Some(&end) = self.ends.get(passage) else {
            return &[];
        };
        let start = passage.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.spans[start as usize..end as usize]
    }

    /// How many passages it holds spans for.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each passage's spans, in passage order.
    pub fn iter(&self) -> impl Iterator<Item = &[Span]> {
        (0..self.len()).map(|p| self.of(p))
    }

    /// Every span of every passage, in passage order.
    pub fn all(&self) -> &[Span] {
        &self.spans
    }

    /// Appends a span to passage `passage`, merging it into the passage's last one when they touch
    /// and are marked alike. Passages are filled in order: a span for a passage before the last
    /// one filled is a bug of the caller, and is dropped rather than misfiled.
    pub(super) fn push(&mut self, passage: usize, range: Range<usize>, mark: Mark, figure: bool) {
        if range.is_empty() || passage + 1 < self.ends.len() {
            debug_assert!(range.is_empty(), "spans pushed out of passage order");
            return;
        }
        self.close_to(passage);
        let start = passage.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        let end = self.ends[passage] as usize;
        if end > start
            && let Some(last) = self.spans.last_mut()
            && last.range().end == range.start
            && last.mark == mark
            && last.figure == figure
        {
            last.end = fit_u32(range.end);
            return;
        }
        self.spans.push(Span::new(range, mark, figure));
        self.ends[passage] += 1;
    }

    /// Makes room for passages up to and including `passage` (those skipped hold no spans).
    fn close_to(&mut self, passage: usize) {
        let end = self.ends.last().copied().unwrap_or(0);
        if self.ends.len() <= passage {
            self.ends.resize(passage + 1, end);
        }
    }

    /// Ends the list at `passages` passages (those never pushed to hold no spans), and gives back
    /// what growing it took.
    pub(super) fn finish(&mut self, passages: usize) {
        if passages > 0 {
            self.close_to(passages - 1);
        }
        self.spans.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

impl std::ops::Index<usize> for PassageSpans {
    type Output = [Span];

    fn index(&self, passage: usize) -> &[Span] {
        assert!(passage < self.len(), "passage {passage} of {}", self.len());
        self.of(passage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(range: Range<usize>, mark: Mark) -> Span {
        Span::new(range, mark, false)
    }

    #[test]
    fn each_passage_reads_its_own_spans_and_touching_ones_merge_within_a_passage_only() {
        let mut s = PassageSpans::default();
        s.push(0, 0..2, Mark::Equal, false);
        s.push(0, 2..4, Mark::Equal, false);
        s.push(0, 4..5, Mark::Deleted, false);
        // Passage 1 holds nothing; passage 2's first span touches passage 0's last by its range,
        // but is another passage's text.
        s.push(2, 5..6, Mark::Deleted, false);
        s.push(2, 6..6, Mark::Deleted, false);
        s.finish(4);
        assert_eq!(s.len(), 4);
        assert_eq!(s.of(0), [span(0..4, Mark::Equal), span(4..5, Mark::Deleted)]);
        assert_eq!(s.of(1), []);
        assert_eq!(s.of(2), [span(5..6, Mark::Deleted)]);
        assert_eq!(s.of(3), []);
        assert_eq!(s.of(9), []);
        assert_eq!(s.all().len(), 3);
        assert_eq!(s.iter().map(<[Span]>::len).collect::<Vec<_>>(), [2, 0, 1, 0]);
    }

    #[test]
    fn a_list_holds_its_spans_and_an_end_per_passage_and_no_room_to_grow() {
        let mut s = PassageSpans::default();
        for p in 0..1000 {
            s.push(p, 0..1, Mark::Equal, false);
        }
        s.finish(1000);
        assert_eq!((s.spans.capacity(), s.ends.capacity()), (1000, 1000));
    }
}
