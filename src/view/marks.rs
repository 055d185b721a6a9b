//! One report's changes by place, gathered from every row's diff for the document view: where a
//! passage's spans fall in the report, through the passage's origins, and where each changed
//! sentence starts.

use std::cmp::Reverse;

use crate::align::Row;
use crate::diff::{Mark, RowDiff, Span};
use crate::outline::{Document, Place};
use crate::shared::fit_u32;
use crate::sides::Side;

/// A report's marks, place after place in order: the spans of each place's changes (sorted,
/// without overlaps) and where each of its changed sentences starts (sorted, once each). Held in
/// two lists with an entry a place rather than two lists a place: a report of short paragraphs
/// has a place a line, and a list of its own for each took a hundred bytes and more.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlaceMarks {
    places: Vec<Entry>,
    spans: Vec<Span>,
    changed: Vec<usize>,
}

/// A place with marks, and where its spans and changed sentences end in the lists (they start
/// where the previous place's end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    place: Place,
    spans_end: u32,
    changed_end: u32,
}

impl PlaceMarks {
    /// The spans of `place`'s changes, sorted and apart.
    pub fn spans(&self, place: Place) -> &[Span] {
        self.find(place).map_or(&[], |(k, prev)| {
            &self.spans[prev.map_or(0, |p| p.spans_end as usize)..self.places[k].spans_end as usize]
        })
    }

    /// Where `place`'s changed sentences start, in its text, sorted.
    pub fn changed(&self, place: Place) -> &[usize] {
        self.find(place).map_or(&[], |(k, prev)| {
            &self.changed[prev.map_or(0, |p| p.changed_end as usize)..self.places[k].changed_end as usize]
        })
    }

    fn find(&self, place: Place) -> Option<(usize, Option<&Entry>)> {
        let k = self.places.binary_search_by_key(&place, |e| e.place).ok()?;
        Some((k, k.checked_sub(1).map(|p| &self.places[p])))
    }

    /// Marks from spans and changed sentences by place, in any order.
    fn from_unsorted(mut spans: Vec<(Place, Span)>, mut changed: Vec<(Place, usize)>) -> PlaceMarks {
        // Stable: of two spans over the same bytes, the one found first is kept.
        spans.sort_by_key(|(p, s)| (*p, s.range().start, Reverse(s.range().end)));
        let mut end = 0;
        let mut last = None;
        spans.retain_mut(|(p, s)| {
            if last != Some(*p) {
                (last, end) = (Some(*p), 0);
            }
            let r = s.range();
            *s = s.with_range(r.start.max(end)..r.end);
            end = end.max(r.end);
            !s.range().is_empty()
        });
        changed.sort_unstable();
        changed.dedup();
        let mut out = PlaceMarks {
            spans: Vec::with_capacity(spans.len()),
            changed: Vec::with_capacity(changed.len()),
            places: Vec::new(),
        };
        let (mut spans, mut changed) = (spans.into_iter().peekable(), changed.into_iter().peekable());
        loop {
            let place = match (spans.peek(), changed.peek()) {
                (Some((a, _)), Some((b, _))) => *a.min(b),
                (Some((a, _)), None) => *a,
                (None, Some((b, _))) => *b,
                (None, None) => break,
            };
            while let Some((_, s)) = spans.next_if(|(p, _)| *p == place) {
                out.spans.push(s);
            }
            while let Some((_, c)) = changed.next_if(|(p, _)| *p == place) {
                out.changed.push(c);
            }
            out.places.push(Entry {
                place,
                spans_end: fit_u32(out.spans.len()),
                changed_end: fit_u32(out.changed.len()),
            });
        }
        out.places.shrink_to_fit();
        out
    }
}

/// One report's changes by place, gathered from every row's diff: where a passage's spans fall in
/// the report, through the passage's origins.
pub fn marks_by_place(rows: &[Row], diffs: &[RowDiff], side: Side, doc: &Document) -> PlaceMarks {
    let mut spans = Vec::new();
    let mut changed_at = Vec::new();
    for (row, diff) in rows.iter().zip(diffs) {
        let passages = &row.passages[side];
        let units = &diff.units[side];
        // Which units changed (added, dropped, edited or moved): a unit no link names is one.
        let mut changed = vec![true; units.len()];
        for l in &diff.links {
            if let Some(c) = changed.get_mut(l.unit(side)) {
                *c = l.changed || l.moved;
            }
        }
        let spans_of = |pi: usize| diff.spans[side].of(pi);
        // Origins only for the passages with something to mark: working out a section's takes
        // allocations, and most passages of a long report are unchanged.
        let mut marked = vec![false; passages.len()];
        for (pi, m) in marked.iter_mut().enumerate() {
            *m = spans_of(pi).iter().any(|s| s.mark != Mark::Equal);
        }
        for (u, _) in units.iter().zip(&changed).filter(|(_, c)| **c) {
            if let Some(m) = marked.get_mut(u.passage()) {
                *m = true;
            }
        }
        let origins: Vec<_> = passages
            .iter()
            .zip(&marked)
            .map(|(p, &m)| if m { p.origins(doc) } else { Default::default() })
            .collect();
        for (pi, origins) in origins.iter().enumerate() {
            for s in spans_of(pi).iter().filter(|s| s.mark != Mark::Equal) {
                for o in origins.iter() {
                    if let Some(range) = o.map(&s.range()) {
                        spans.push((o.place, s.with_range(range)));
                    }
                }
            }
        }
        // Each unit once (not the units of every passage for every passage: a row may hold
        // thousands of both).
        for (u, _) in units.iter().zip(&changed).filter(|(_, c)| **c) {
            let Some(origins) = origins.get(u.passage()) else {
                continue;
            };
            let start = u.range().start..u.range().start + 1;
            if let Some((o, at)) = origins.iter().find_map(|o| Some((o, o.map(&start)?))) {
                changed_at.push((o.place, at.start));
            }
        }
    }
    PlaceMarks::from_unsorted(spans, changed_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Mark;

    fn span(range: std::ops::Range<usize>, mark: Mark) -> Span {
        Span::new(range, mark, false)
    }

    #[test]
    fn each_place_reads_its_own_marks_sorted_and_apart() {
        let (a, b, c) = (Place::Preamble(0), Place::Section(3), Place::Section(7));
        let marks = PlaceMarks::from_unsorted(
            vec![
                (b, span(5..9, Mark::Inserted)),
                (a, span(0..4, Mark::Deleted)),
                (b, span(0..6, Mark::Deleted)),
                // The same bytes twice: the first found is kept.
                (a, span(0..4, Mark::Inserted)),
                (a, span(2..3, Mark::Inserted)),
            ],
            vec![(c, 4), (b, 7), (b, 0), (b, 7)],
        );
        assert_eq!(marks.spans(a), [span(0..4, Mark::Deleted)]);
        assert_eq!(marks.spans(b), [span(0..6, Mark::Deleted), span(6..9, Mark::Inserted)]);
        assert_eq!(marks.spans(c), []);
        assert_eq!(marks.changed(a), [] as [usize; 0]);
        assert_eq!(marks.changed(b), [0, 7]);
        assert_eq!(marks.changed(c), [4]);
        assert_eq!(marks.spans(Place::Title), []);
        assert_eq!(marks.places.len(), 3, "an entry a place with marks");
    }
}
