//! A row as a sequence of chunks, before any wrapping: what every layout of the row shows, in
//! order, which of it the filter folds, where each change is and each search match. Side by side
//! and inline (stacked) are two drawings of the same chunks, so that they show, count and step
//! through the same changes and matches, whatever the width.

use std::collections::HashSet;
use std::ops::Range;

use super::lines::Finder;
use crate::align::Row;
use crate::diff::RowDiff;
use crate::sides::{Side, Sides};

/// Which sentences a row shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    /// Changed sentences only; unchanged ones fold into a count.
    Changes,
    /// Only what the newer (right-hand) report adds or rewrites: dropped and moved sentences fold too.
    New,
}

/// A sentence of each report side by side (a pair, or two unrelated sentences that fill the same
/// gap), or one sentence alone. Units index the row diff's units of each report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub units: Sides<Option<usize>>,
    /// The two units are one sentence, side by side (unchanged, renumbered, rewritten or moved).
    pub paired: bool,
    /// The pair's words differ (numbering aside).
    pub edited: bool,
    /// The pair moved in the report (to another section, or within its own).
    pub moved: bool,
}

impl Chunk {
    pub fn unit(&self, side: Side) -> Option<usize> {
        match side {
            Side::Left => self.units.left,
            Side::Right => self.units.right,
        }
    }

    /// Both sides show one sentence that did not change (its numbering aside): one copy says it.
    pub fn same(&self) -> bool {
        self.paired && !self.edited && !self.moved
    }
}

/// One change of a row, in the units of the sidebar's count: a sentence added or dropped, a pair
/// rewritten, a pair moved (counted where the sentence now stands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub chunk: usize,
    /// The copies it marks: (left, right) in report terms.
    pub sides: (bool, bool),
    /// For a move: the chunk of its other copy.
    pub other: Option<usize>,
}

/// A row's chunks, what the filter folds, its changes and each unit's partner.
#[derive(Debug, Clone, Default)]
pub struct Chunks {
    pub chunks: Vec<Chunk>,
    /// Per chunk: shown (else folded into a count).
    pub shown: Vec<bool>,
    /// Per chunk: the older report's unit stays only beside its own rewrite (new only).
    pub hide_left: Vec<bool>,
    pub changes: Vec<Change>,
    /// The right partner of each left unit, and whether that pair moved.
    pub partner: Vec<Option<(usize, bool)>>,
    /// The left partner of each right unit.
    pub partner_right: Vec<Option<usize>>,
}

impl Chunks {
    /// The row's chunks: the longest run of pairs in the same order in both reports side by side
    /// (moved ones too: a sentence moved from another section stands beside its old wording), and
    /// between them the sentences only one report has there (dropped, added, or the two copies of
    /// a sentence out of order in the row), zipped.
    pub fn new(diff: &RowDiff, filter: Filter) -> Chunks {
        let (nl, nr) = (diff.units.left.len(), diff.units.right.len());
        let mut partner = vec![None; nl];
        let mut partner_right = vec![None; nr];
        let mut edited_pairs = HashSet::new();
        let mut moved_pairs = HashSet::new();
        for l in &diff.links {
            partner[l.unit(Side::Left)] = Some((l.unit(Side::Right), l.moved));
            partner_right[l.unit(Side::Right)] = Some(l.unit(Side::Left));
            if l.changed {
                edited_pairs.insert((l.unit(Side::Left), l.unit(Side::Right)));
            }
            if l.moved {
                moved_pairs.insert((l.unit(Side::Left), l.unit(Side::Right)));
            }
        }
        let mut links: Vec<(usize, usize)> = diff
            .links
            .iter()
            .map(|l| (l.unit(Side::Left), l.unit(Side::Right)))
            .collect();
        links.sort_unstable();
        let keep = crate::diff::longest_increasing(&links.iter().map(|p| p.1).collect::<Vec<_>>());
        let in_order: Vec<(usize, usize)> = links
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(p, _)| p)
            .collect();
        let mut chunks = Vec::new();
        let (mut i, mut j) = (0, 0);
        let zip = |chunks: &mut Vec<Chunk>, li: Range<usize>, rj: Range<usize>| {
            let (l, r): (Vec<usize>, Vec<usize>) = (li.collect(), rj.collect());
            for k in 0..l.len().max(r.len()) {
                chunks.push(Chunk {
                    units: Sides::new(l.get(k).copied(), r.get(k).copied()),
                    paired: false,
                    edited: false,
                    moved: false,
                });
            }
        };
        for &(li, rj) in &in_order {
            zip(&mut chunks, i..li, j..rj);
            chunks.push(Chunk {
                units: Sides::new(Some(li), Some(rj)),
                paired: true,
                edited: edited_pairs.contains(&(li, rj)),
                moved: moved_pairs.contains(&(li, rj)),
            });
            i = li + 1;
            j = rj + 1;
        }
        zip(&mut chunks, i..nl, j..nr);

        let mut out = Chunks {
            shown: vec![true; chunks.len()],
            hide_left: vec![false; chunks.len()],
            chunks,
            partner,
            partner_right,
            ..Chunks::default()
        };
        out.find_changes();
        out.filter(filter, &edited_pairs);
        out
    }

    fn find_changes(&mut self) {
        let mut chunk_of_left = vec![0; self.partner.len()];
        for (k, c) in self.chunks.iter().enumerate() {
            if let Some(l) = c.units.left {
                chunk_of_left[l] = k;
            }
        }
        for (k, c) in self.chunks.iter().enumerate() {
            if c.paired {
                if c.edited || c.moved {
                    self.changes.push(Change {
                        chunk: k,
                        sides: (true, true),
                        other: None,
                    });
                }
                continue;
            }
            // A dropped sentence; the old copy of a moved one is counted at its new place. A
            // dropped and an added sentence side by side are two changes, as the counts have it:
            // a stop each, the dropped one first.
            let dropped = c.units.left.is_some_and(|l| self.partner[l].is_none());
            let right = c.units.right.map(|r| (r, self.partner_right[r]));
            let added = matches!(right, Some((_, None)));
            let alone = |sides| Change {
                chunk: k,
                sides,
                other: None,
            };
            if dropped {
                self.changes.push(alone((true, false)));
            }
            if added {
                self.changes.push(alone((false, true)));
            }
            if let Some((_, Some(l))) = right {
                self.changes.push(Change {
                    chunk: k,
                    sides: (c.units.left == Some(l), true),
                    other: (c.units.left != Some(l)).then(|| chunk_of_left[l]),
                });
            }
        }
    }

    /// What a filter shows: changes only (every chunk with a change or a moved copy), or what the
    /// newer report adds or rewrites (its old wording beside a rewrite, nothing else of the older).
    fn filter(&mut self, filter: Filter, edited: &HashSet<(usize, usize)>) {
        for (k, c) in self.chunks.iter().enumerate() {
            let changed = !c.same();
            let repeated = c
                .units
                .right
                .is_some_and(|r| self.partner_right[r].is_some_and(|l| !edited.contains(&(l, r))));
            self.shown[k] = match filter {
                Filter::All => true,
                Filter::Changes => changed,
                Filter::New => c.units.right.is_some() && !repeated,
            };
            self.hide_left[k] = filter == Filter::New && !(c.paired && c.edited);
        }
        let (shown, hide_left) = (&self.shown, &self.hide_left);
        self.changes
            .retain(|ch| shown[ch.chunk] && (ch.sides.1 || !hide_left[ch.chunk]));
    }

    /// What a folded chunk was, for the line standing for it: 0 unchanged, 1 moved, 2 dropped.
    pub fn folded_kind(&self, k: usize) -> Option<usize> {
        let c = &self.chunks[k];
        if self.shown[k] && !self.hide_left[k] {
            return None;
        }
        if self.shown[k] {
            // Only its older unit folds.
            let l = c.units.left?;
            return Some(if self.partner[l].is_some() { 1 } else { 2 });
        }
        let moved = c.units.right.is_some() || c.units.left.is_some_and(|l| self.partner[l].is_some());
        Some(if c.same() {
            0
        } else if moved {
            1
        } else {
            2
        })
    }
}

/// A search match: where it is, and an id that both copies of an unchanged sentence share (it is
/// one place in the text of both reports, shown once inline and on one line side by side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub side: Side,
    pub unit: usize,
    /// Bytes of the unit's text.
    pub range: Range<usize>,
    pub id: u64,
}

/// Every match of `query` (none without one) in the shown chunks, in chunk order, left before
/// right.
pub fn matches(row: &Row, diff: &RowDiff, chunks: &Chunks, query: Option<&str>) -> Vec<Found> {
    query.map_or_else(Vec::new, |q| matches_of(row, diff, chunks, &Finder::new(q)))
}

/// [`matches`] with the query folded already (a search counts in every row).
pub fn matches_of(row: &Row, diff: &RowDiff, chunks: &Chunks, finder: &Finder) -> Vec<Found> {
    let mut out = Vec::new();
    for (k, c) in chunks.chunks.iter().enumerate().filter(|&(k, _)| chunks.shown[k]) {
        for side in [Side::Left, Side::Right] {
            if side == Side::Left && chunks.hide_left[k] {
                continue;
            }
            let Some(u) = c.unit(side) else { continue };
            let unit = &diff.units[side][u];
            let Some(p) = row.passages[side].get(unit.passage()) else {
                continue;
            };
            let text = &p.text[unit.range()];
            // One copy of an unchanged sentence shares its ids with the other.
            let copy = u64::from(side == Side::Right && !c.same());
            for (n, range) in finder.find(text).into_iter().enumerate() {
                out.push(Found {
                    side,
                    unit: u,
                    range,
                    id: (k as u64) << 32 | copy << 31 | n as u64,
                });
            }
        }
    }
    out
}

/// The matches of each unit, looked up without scanning them all (a search in a row of thousands
/// of sentences would otherwise scan every match for every sentence laid out).
pub struct ByUnit<'a> {
    found: &'a [Found],
    at: std::collections::HashMap<(Side, usize), Range<usize>>,
}

impl<'a> ByUnit<'a> {
    /// `found` as [`matches`] makes it: each unit's matches next to each other.
    pub fn new(found: &'a [Found]) -> Self {
        let mut at: std::collections::HashMap<(Side, usize), Range<usize>> = std::collections::HashMap::new();
        for (i, f) in found.iter().enumerate() {
            at.entry((f.side, f.unit))
                .and_modify(|r| r.end = i + 1)
                .or_insert(i..i + 1);
        }
        ByUnit { found, at }
    }

    /// The matches in `side`'s unit `unit`.
    pub fn of(&self, side: Side, unit: usize) -> impl Iterator<Item = &'a Found> {
        let found = self.found;
        self.at
            .get(&(side, unit))
            .map_or(&found[..0], |r| &found[r.clone()])
            .iter()
            .filter(move |f| f.side == side && f.unit == unit)
    }
}

/// How many distinct matches `matches` holds (the copies of an unchanged sentence are one).
pub fn distinct(found: &[Found]) -> usize {
    found.iter().map(|f| f.id).collect::<HashSet<_>>().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{diff, row};

    #[test]
    fn every_change_is_one_stop_in_the_units_of_the_count() {
        let r = row(
            &["不变一。改前一句。挪动位置的这一句话。只在去年。"],
            &["挪动位置的这一句话。不变一。改后一句。今年新增一句。"],
        );
        let d = diff(&r);
        let c = Chunks::new(&d, Filter::All);
        assert_eq!(c.changes.len(), d.stats.changes, "{:?} {:?}", c.changes, d.stats);
        let moved: Vec<&Change> = c.changes.iter().filter(|ch| ch.other.is_some()).collect();
        assert_eq!(moved.len(), 1, "the move is one stop, where the sentence now stands");
    }

    #[test]
    fn an_unchanged_sentence_is_one_match_and_a_rewritten_one_two() {
        let r = row(&["法律顾问一句。法律顾问改前。"], &["法律顾问一句。法律顾问改后。"]);
        let d = diff(&r);
        let c = Chunks::new(&d, Filter::All);
        let found = matches(&r, &d, &c, Some("法律顾问"));
        assert_eq!(found.len(), 4, "four places in the two reports");
        assert_eq!(distinct(&found), 3, "the unchanged sentence is one place of both");
    }
}
