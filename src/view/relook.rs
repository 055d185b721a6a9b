//! A row's layout given a new search without measuring it again: where its lines break does not
//! depend on the query, so the matches are found and placed on the lines already measured, and the
//! lines are built again (with the new matches flagged) as they come on screen.

use super::chunks::{self, ByUnit, Chunks};
use super::layout::{Item, Options, RowLayout};
use super::measure;
use super::side::SideData;
use crate::align::Row;
use crate::diff::RowDiff;
use crate::sides::Side;

impl RowLayout {
    /// Takes the search of `opts` (the layout was made for the same row, widths and options but
    /// the query): its matches, placed; every line to be built again. `false` when the layout
    /// keeps no plan to do it from (nothing to compare), and it must be made again.
    pub(super) fn relook(&mut self, row: &Row, diff: &RowDiff, widths: [usize; 2], opts: &Options) -> bool {
        let Some(plan) = self.plan.as_mut() else { return false };
        let chunks = Chunks::new(diff, opts.filter);
        let found = chunks::matches(row, diff, &chunks, opts.query.as_deref());
        let by_unit = ByUnit::new(&found);
        let sides = [0, 1].map(|s| SideData::new(row, diff, Side::in_pane(s, opts.swapped), opts.swapped));
        let mut matched = Vec::new();
        // A chunk's items are shared by its slices: read once, from its first.
        for c in plan.chunks.iter().filter(|c| c.part.start == 0) {
            for (pane, range) in c.panes.iter().enumerate() {
                let mut line = c.start;
                for item in plan.items(range) {
                    if let Item::Text { side, unit, rare, .. } = item
                        && let (side, unit) = (*side as usize, *unit as usize)
                        && by_unit.of(sides[side].side, unit).next().is_some()
                    {
                        let measured;
                        let starts = match rare.as_ref().and_then(|r| r.starts.as_ref()) {
                            Some(s) => s,
                            None => {
                                let pointer = rare.as_ref().and_then(|r| r.pointer.as_deref());
                                measured = measure::unit_starts(&sides[side], unit, opts, pointer, widths[pane]);
                                &measured
                            }
                        };
                        for (at, f) in measure::matches_in(&sides[side], unit, starts, &by_unit) {
                            matched.push(((line + at, pane, f.range.start), f.id));
                        }
                    }
                    line += item.lines();
                }
            }
        }
        self.matches = measure::first_seen(matched);
        plan.found = found;
        plan.chunks.iter_mut().for_each(|c| c.built = c.lines == 0);
        true
    }
}
