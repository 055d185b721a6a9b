//! A row laid out side by side, as plain data: what each pane shows, line by line, where its
//! changes and search matches are. The ui module only paints it; [`inline`](super::inline) and
//! [`document`](super::document) lay out the other views.
//!
//! Side by side, the two panes always have the same number of lines: each chunk (a sentence pair, or
//! sentences present on one side) is wrapped per side and the shorter side padded.

use std::ops::Range;

pub use super::chunks::Filter;
use super::chunks::{self, ByUnit, Chunks};
use super::held::HeldLines;
use super::lines::{Line, Look, Seg};
use super::measure;
pub use super::side::{Dimmed, Options};
use super::side::{SideData, move_pointer};
use super::wrap::wrap;
use crate::align::Row;
use crate::diff::RowDiff;
use crate::shared::fit_u32;
use crate::sides::Side;

/// Where one change of a row is on screen: the line to go to, and the lines of each pane that show
/// it (both copies of a moved sentence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeAt {
    pub line: usize,
    pub marks: Marked,
}

/// The stretches of lines that show a change, each in its pane: the change's side or sides in its
/// chunk, and for a move the other copy's; three at most. Held in place rather than in a list of
/// their own: a row has a change a sentence, and the list took more than the change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    n: u8,
    at: [(u8, [u32; 2]); 3],
}

impl Marked {
    /// Adds lines `lines` of pane `pane`.
    pub fn push(&mut self, pane: usize, lines: Range<usize>) {
        let k = usize::from(self.n);
        debug_assert!(k < self.at.len(), "a change is shown in three places at most");
        if let Some(slot) = self.at.get_mut(k) {
            *slot = (pane.min(1) as u8, [fit_u32(lines.start), fit_u32(lines.end)]);
            self.n += 1;
        }
    }

    /// Each stretch: its pane and its lines.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        self.at[..usize::from(self.n)]
            .iter()
            .map(|&(pane, [from, to])| (usize::from(pane), from as usize..to as usize))
    }
}

/// A row laid out for the screen.
#[derive(Debug, Clone, Default)]
pub struct RowLayout {
    /// One pane (inline) or two of equal length (side by side).
    pub panes: Vec<HeldLines>,
    /// Each change shown, in order: as many as the row counts (see [`chunks::Change`]).
    pub changes: Vec<ChangeAt>,
    /// Each search match shown, in order: its first line and its id (see [`chunks::Found`]).
    pub matches: Vec<(usize, u64)>,
    /// What building the lines not built yet needs (side by side; `None` when all are built).
    pub(super) plan: Option<Plan>,
}

/// The measured chunks of a side-by-side layout, to build any of their lines later.
#[derive(Debug, Clone, Default)]
pub(super) struct Plan {
    pub chunks: Vec<Planned>,
    /// What each pane shows in each chunk, chunk after chunk, pane after pane: held here, not
    /// per chunk, as a row of a whole report has a chunk a sentence.
    pub items: Vec<Item>,
    /// The search's matches in the row.
    pub found: Vec<chunks::Found>,
}

/// A stretch of a shown chunk's lines (a chunk longer than [`SLICE`] lines is planned in slices, so
/// that a sentence of a whole report is built a screen at a time): its first line, how many lines
/// it takes, what each pane shows in the whole chunk (items of [`Plan::items`]; the second empty
/// inline), which of the chunk's lines these are, and whether they are built.
#[derive(Debug, Clone)]
pub(super) struct Planned {
    pub start: usize,
    pub lines: usize,
    pub panes: [Range<u32>; 2],
    pub part: Range<usize>,
    pub built: bool,
}

/// Chunks longer than this many lines are planned, and built, a slice at a time (small in tests, so
/// that the equality tests cut the demo's paragraphs into slices too).
pub(super) const SLICE: usize = if cfg!(test) { 3 } else { 256 };

/// A piece of a chunk in a pane, of one report's side (0: the left pane's report, 1: the right's),
/// with the lines it takes: the row's first passage header hoisted beside the other pane's first
/// line, a passage header, or a unit's text (with the pointer to a moved copy's other place, and
/// for a text longer than a slice, where its lines start, to build any of them alone).
#[derive(Debug, Clone)]
pub(super) enum Item {
    Hoisted {
        side: u32,
        lines: u32,
    },
    Header {
        side: u32,
        unit: u32,
        lines: u32,
    },
    Text {
        side: u32,
        unit: u32,
        lines: u32,
        /// What few units have, boxed so that an item of the many without stays small.
        rare: Option<Box<Rare>>,
    },
}

/// What a unit's text item holds for few units: the pointer to a moved copy's other place, and
/// the line starts of a text longer than a slice (see [`keeps_starts`]).
#[derive(Debug, Clone, Default)]
pub(super) struct Rare {
    pub pointer: Option<String>,
    pub starts: Option<Vec<usize>>,
}

impl Item {
    pub(super) fn lines(&self) -> usize {
        match self {
            Item::Hoisted { lines, .. } | Item::Header { lines, .. } | Item::Text { lines, .. } => *lines as usize,
        }
    }

    /// The header of `unit`'s passage in pane `side`'s report, `lines` long.
    pub(super) fn header(side: usize, unit: usize, lines: usize) -> Item {
        Item::Header {
            side: fit_u32(side),
            unit: fit_u32(unit),
            lines: fit_u32(lines),
        }
    }

    /// The row's first passage header of pane `side`'s report, beside the other's first line.
    pub(super) fn hoisted(side: usize, lines: usize) -> Item {
        Item::Hoisted {
            side: fit_u32(side),
            lines: fit_u32(lines),
        }
    }
}

/// The text item of `unit`, of `lines` lines, with its line starts when it keeps them (see
/// [`keeps_starts`]).
pub(super) fn text_item(
    which: usize,
    unit: usize,
    pointer: Option<String>,
    lines: usize,
    kept: Option<Vec<usize>>,
) -> Item {
    let rare = (pointer.is_some() || kept.is_some()).then(|| Box::new(Rare { pointer, starts: kept }));
    Item::Text {
        side: fit_u32(which),
        unit: fit_u32(unit),
        lines: fit_u32(lines),
        rare,
    }
}

/// Whether a unit's text item keeps its line starts: when longer than a slice, and painted as it
/// is (only then are its characters looked at).
pub(super) fn keeps_starts(side: &SideData, unit: usize, lines: usize) -> bool {
    let u = &side.units[unit];
    lines > SLICE && !side.passages[u.passage()].text[u.range()].contains(super::width::is_unsteady)
}

/// The items `range` of a plan's `items`: one pane's of a planned chunk.
fn pane_items<'a>(items: &'a [Item], range: &Range<u32>) -> &'a [Item] {
    &items[range.start as usize..range.end as usize]
}

impl Plan {
    /// Plans one shown chunk of `lines` lines from `start`, what each pane shows in `panes` (one
    /// or two): one entry, or one a slice.
    pub(super) fn push(&mut self, start: usize, lines: usize, panes: Vec<Vec<Item>>) {
        let mut ranges = [0..0, 0..0];
        for (range, items) in ranges.iter_mut().zip(panes) {
            let from = self.items.len() as u32;
            self.items.extend(items);
            *range = from..self.items.len() as u32;
        }
        self.chunks.extend((0..lines.div_ceil(SLICE).max(1)).map(|k| {
            let part = k * SLICE..((k + 1) * SLICE).min(lines);
            Planned {
                start: start + part.start,
                lines: part.len(),
                panes: ranges.clone(),
                part,
                built: lines == 0,
            }
        }));
    }

    /// The items of one pane of a planned chunk.
    pub(super) fn items(&self, range: &Range<u32>) -> &[Item] {
        pane_items(&self.items, range)
    }
}

/// The lines `part` of a pane's items in a chunk, built; as many as `part` holds (padded).
fn build_part(
    items: &[Item],
    part: &Range<usize>,
    sides: &[SideData; 2],
    width: usize,
    opts: &Options,
    found: &ByUnit,
) -> Vec<Line> {
    let mut out = Vec::with_capacity(part.len());
    let mut at = 0;
    for item in items {
        let n = item.lines();
        let (from, to) = (part.start.max(at), part.end.min(at + n));
        if from < to {
            let wanted = from - at..to - at;
            match item {
                Item::Hoisted { side, .. } => out.extend(sides[*side as usize].header(0, width).drain(wanted)),
                Item::Header { side, unit, .. } => {
                    out.extend(sides[*side as usize].header(*unit as usize, width).drain(wanted));
                }
                Item::Text { side, unit, rare, .. } => {
                    let (side, unit) = (&sides[*side as usize], *unit as usize);
                    let pointer = rare.as_ref().and_then(|r| r.pointer.clone());
                    if let Some(starts) = rare.as_ref().and_then(|r| r.starts.as_ref()) {
                        out.extend(side.segs_lines(unit, opts, found, pointer, starts, wanted));
                    } else {
                        let segs = side.segs(unit, opts, found, pointer);
                        out.extend(wrap(&segs, width).drain(wanted));
                    }
                }
            }
        }
        at += n;
    }
    debug_assert!(out.len() <= part.len(), "measured as built");
    out.resize(part.len(), Line::default());
    out
}

impl RowLayout {
    /// The matches of the laid out lines, in order of first appearance (left pane first): how they
    /// were found before layouts were measured, the reference the measured ones are checked against.
    #[cfg(test)]
    pub(super) fn collect_matches(&mut self) {
        let mut seen = std::collections::HashSet::new();
        let lines = self.panes.iter().map(HeldLines::len).max().unwrap_or(0);
        for k in 0..lines {
            for pane in &self.panes {
                for s in pane.get(k).into_iter().flat_map(|l| &l.segs) {
                    if let Some(id) = s.matched.filter(|id| seen.insert(*id)) {
                        self.matches.push((k, id));
                    }
                }
            }
        }
    }
}

/// Shown for a report that has nothing on a row's topic.
pub(super) const ABSENT: &str = "（无）本报告未涉及";

/// What a comparison without rows shows (two reports with nothing to compare).
pub fn nothing_to_compare() -> RowLayout {
    RowLayout {
        panes: vec![HeldLines::from(vec![Line {
            segs: vec![Seg::new("两份报告都没有可比较的内容 · nothing to compare", Look::Dim)],
        }])],
        ..RowLayout::default()
    }
}

/// What a row shows while it is measured off the loop: a line in each of its `panes`.
pub(super) fn laying_out(bytes: usize, panes: usize) -> RowLayout {
    let line = Line {
        segs: vec![Seg::new(
            format!("正在排版 · laying out this row ({:.1} MB)…", bytes as f64 / 1e6),
            Look::Dim,
        )],
    };
    RowLayout {
        panes: vec![HeldLines::from(vec![line]); panes],
        ..RowLayout::default()
    }
}

/// The line standing for folded sentences, saying what they were: `⋯ 3 句未变 · 1 句删去 ⋯`.
pub(super) fn fold_line([same, moved, dropped]: [usize; 3]) -> Line {
    let parts: Vec<String> = [(same, "未变"), (moved, "移动"), (dropped, "删去")]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| format!("{n} 句{what}"))
        .collect();
    Line {
        segs: vec![Seg::new(format!("⋯ {} ⋯", parts.join(" · ")), Look::Dim)],
    }
}

/// Side-by-side layout of one row, every line built.
pub fn side_by_side(row: &Row, diff: &RowDiff, widths: [usize; 2], opts: &Options) -> RowLayout {
    side_by_side_in(row, diff, widths, opts, None)
}

/// Side-by-side layout of one row: every chunk measured, so that line numbers, changes and matches
/// are the whole row's, but styled lines built only for the chunks that overlap `want` (a screen and
/// a margin); the others hold as many empty lines until [`RowLayout::fill`] builds them.
pub fn side_by_side_in(
    row: &Row,
    diff: &RowDiff,
    widths: [usize; 2],
    opts: &Options,
    want: Option<&Range<usize>>,
) -> RowLayout {
    let mut out = measure_side_by_side(row, diff, widths, opts);
    out.fill(row, diff, widths, opts, want);
    out
}

/// Every chunk measured and planned, every line a placeholder (fold lines aside).
fn measure_side_by_side(row: &Row, diff: &RowDiff, widths: [usize; 2], opts: &Options) -> RowLayout {
    let chunks = Chunks::new(diff, opts.filter);
    let found = chunks::matches(row, diff, &chunks, opts.query.as_deref());
    let by_unit = ByUnit::new(&found);
    // Pane `a` is the left pane, whichever report it shows.
    let [a, b] = [0, 1].map(|pane| SideData::new(row, diff, Side::in_pane(pane, opts.swapped), opts.swapped));
    let first = chunks.chunks.first();
    // The first line of the row names both reports' first passages, even where one side's text
    // only starts further down.
    let hoisted = match first.map(|c| (c.unit(a.side), c.unit(b.side))) {
        Some((None, Some(_))) => [!a.units.is_empty(), false],
        Some((Some(_), None)) => [false, !b.units.is_empty()],
        _ => [false, false],
    };
    let mut out = RowLayout {
        panes: vec![HeldLines::default(), HeldLines::default()],
        ..RowLayout::default()
    };
    let mut plan = Plan::default();
    // Sentences folded since the last one shown: unchanged, moved, dropped.
    let mut folded = [0usize; 3];
    // The passage whose header each pane showed last (a filter on).
    let mut header_shown: [Option<usize>; 2] = [None, None];
    // Per chunk, the lines each pane's unit takes.
    let mut at: Vec<[Option<Range<usize>>; 2]> = vec![[None, None]; chunks.chunks.len()];
    // Each match's (line, pane, character).
    let mut matched = Vec::new();
    let filtering = opts.filter != Filter::All;
    // Each shown unit's pointer and line breaks, made first (the two halves of a long row at
    // once): the pass over the text is most of a row's layout.
    let sides = [&a, &b];
    let shown: Vec<(usize, usize, usize)> = chunks
        .chunks
        .iter()
        .enumerate()
        .filter(|&(k, _)| chunks.shown[k])
        .flat_map(|(k, c)| {
            let hidden = chunks.hide_left[k];
            sides.into_iter().enumerate().filter_map(move |(pane, side)| {
                let u = c.unit(side.side).filter(|_| !(hidden && side.side == Side::Left))?;
                Some((k, pane, u))
            })
        })
        .collect();
    let text_len = |&(_, pane, u): &(usize, usize, usize)| sides[pane].units[u].range().len();
    // A unit's line starts are kept only where they are needed again (a match to place, a text
    // long enough to be built a slice at a time); the rest are counted and let go on the way.
    let mut measured = crate::halves::map(&shown, text_len, |&(k, pane, u)| {
        let side = sides[pane];
        let pointer = move_pointer(&chunks, k, side.side, sides);
        let starts = measure::unit_starts(side, u, opts, pointer.as_deref(), widths[pane]);
        let lines = starts.len();
        let keep = keeps_starts(side, u, lines);
        let wanted = keep || by_unit.of(side.side, u).next().is_some();
        // Boxed: one of these is held for every shown unit of the row until all are measured.
        let rare = (pointer.is_some() || wanted).then(|| {
            Box::new(Rare {
                pointer,
                starts: wanted.then_some(starts),
            })
        });
        (fit_u32(lines), rare, keep)
    })
    .into_iter();
    plan.chunks.reserve(chunks.chunks.len());
    for (k, c) in chunks.chunks.iter().enumerate() {
        if let Some(kind) = chunks.folded_kind(k) {
            folded[kind] += 1;
        }
        if !chunks.shown[k] {
            continue;
        }
        if folded != [0; 3] {
            for pane in &mut out.panes {
                pane.push(fold_line(folded));
            }
            folded = [0; 3];
        }
        let start = out.panes[0].len();
        let mut panes: Vec<Vec<Item>> = vec![Vec::new(), Vec::new()];
        let mut heights = [0usize; 2];
        for (pane, side) in [&a, &b].into_iter().enumerate() {
            let hidden = side.side == Side::Left && chunks.hide_left[k];
            let Some(u) = c.unit(side.side).filter(|_| !hidden) else {
                continue;
            };
            let passage = side.units[u].passage();
            let header = if filtering {
                header_shown[pane] != Some(passage)
            } else {
                side.opens_passage(u) && !(hoisted[pane] && u == 0)
            };
            header_shown[pane] = Some(passage);
            let (lines, rare, keep) = measured.next().expect("measured above, in the same order");
            let (lines, Rare { pointer, starts }) = (lines as usize, rare.map(|r| *r).unwrap_or_default());
            let head = if header { measure::HEADER_LINES } else { 0 };
            at[k][pane] = Some(start + head..start + head + lines);
            if let Some(starts) = &starts {
                for (line, f) in measure::matches_in(side, u, starts, &by_unit) {
                    matched.push(((start + head + line, pane, f.range.start), f.id));
                }
            }
            heights[pane] = head + lines;
            if header {
                panes[pane].push(Item::header(pane, u, head));
            }
            panes[pane].push(text_item(pane, u, pointer, lines, starts.filter(|_| keep)));
        }
        if k == 0 {
            for (pane, side) in [&a, &b].into_iter().enumerate() {
                if hoisted[pane] {
                    heights[pane] = measure::HEADER_LINES;
                    header_shown[pane] = Some(side.units[0].passage());
                    panes[pane] = vec![Item::hoisted(pane, heights[pane])];
                }
            }
        }
        let n = heights[0].max(heights[1]);
        for pane in &mut out.panes {
            pane.push_blank(n);
        }
        plan.push(start, n, panes);
        // A blank line after a paragraph's last sentence keeps paragraphs apart.
        let ends = |s: &SideData, u: Option<usize>| u.is_some_and(|u| s.units[u].ends_line());
        if (ends(&a, c.unit(a.side)) || ends(&b, c.unit(b.side))) && k + 1 < chunks.chunks.len() {
            out.panes.iter_mut().for_each(|p| p.push_blank(1));
        }
    }
    if folded != [0; 3] {
        for pane in &mut out.panes {
            pane.push(fold_line(folded));
        }
    }
    if out.panes[0].is_empty() && (a.passages.is_empty() || b.passages.is_empty()) {
        out.panes.iter_mut().for_each(|p| p.push_blank(1));
    }
    let pane_of = |side: Side| side.pane(opts.swapped);
    out.changes = chunks
        .changes
        .iter()
        .map(|ch| {
            let mut marks = Marked::default();
            for (side, marked) in [(Side::Left, ch.sides.0), (Side::Right, ch.sides.1)] {
                if let Some(r) = at[ch.chunk][pane_of(side)].clone().filter(|_| marked) {
                    marks.push(pane_of(side), r);
                }
            }
            if let Some(r) = ch.other.and_then(|o| at[o][pane_of(Side::Left)].clone()) {
                marks.push(pane_of(Side::Left), r);
            }
            let line = marks
                .iter()
                .filter(|(_, r)| at[ch.chunk].contains(&Some(r.clone())))
                .map(|(_, r)| r.start)
                .min()
                .unwrap_or(0);
            ChangeAt { line, marks }
        })
        .collect();
    out.matches = measure::first_seen(matched);
    plan.found = found;
    // Kept as long as the row is shown: the room their growing left is given back.
    plan.chunks.shrink_to_fit();
    plan.items.shrink_to_fit();
    out.plan = Some(plan);
    out
}

impl RowLayout {
    /// Builds the lines of every chunk that overlaps `want` (all when `None`) and is not built yet,
    /// from the plan the layout was measured with: `row`, `diff`, `widths` and `opts` must be what it
    /// was made for.
    pub(super) fn fill(
        &mut self,
        row: &Row,
        diff: &RowDiff,
        widths: [usize; 2],
        opts: &Options,
        want: Option<&Range<usize>>,
    ) {
        let Some(plan) = self.plan.as_mut() else { return };
        let sides = [0, 1].map(|pane| SideData::new(row, diff, Side::in_pane(pane, opts.swapped), opts.swapped));
        let by_unit = ByUnit::new(&plan.found);
        let from = want.map_or(0, |w| plan.chunks.partition_point(|c| c.start + c.lines <= w.start));
        let Plan { chunks, items, .. } = plan;
        for c in &mut chunks[from..] {
            if want.is_some_and(|w| c.start >= w.end) {
                break;
            }
            if c.built {
                continue;
            }
            for (pane, range) in c.panes.iter().enumerate().take(self.panes.len()) {
                let lines = build_part(pane_items(items, range), &c.part, &sides, widths[pane], opts, &by_unit);
                self.panes[pane].replace(c.start, lines);
            }
            c.built = true;
        }
        // A report without the topic says so beside the other's first line, rather than staying
        // blank (its pane holds only padding there). Inline says it above the row, built at once.
        let side_by_side = self.panes.len() == 2;
        for (i, side) in sides.iter().enumerate().filter(|_| side_by_side) {
            if side.passages.is_empty() {
                let line = Line {
                    segs: vec![Seg::new(format!("{} {ABSENT}", side.arrow), Look::Dim)],
                };
                self.panes[i].set(0, line);
            }
        }
    }

    /// Whether every line of `range` is built.
    pub(super) fn built(&self, range: &Range<usize>) -> bool {
        let Some(plan) = &self.plan else { return true };
        let from = plan.chunks.partition_point(|c| c.start + c.lines <= range.start);
        plan.chunks[from..]
            .iter()
            .take_while(|c| c.start < range.end)
            .all(|c| c.built)
    }
}

#[cfg(test)]
mod tests;
