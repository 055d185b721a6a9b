//! A row laid out side by side, as plain data: what each pane shows, line by line, where its
//! changes and search matches are. The ui module only paints it; [`inline`](super::inline) and
//! [`document`](super::document) lay out the other views.
//!
//! Side by side, the two panes always have the same number of lines: each chunk (a sentence pair, or
//! sentences present on one side) is wrapped per side and the shorter side padded.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

pub use super::chunks::Filter;
use super::chunks::{self, ByUnit, Chunks};
use super::lines::{Line, Look, Seg, flag_matches, flag_stock};
use super::wrap::wrap;
use crate::align::{Passage, PassageKind, Row};
use crate::diff::{Mark, RowDiff, Span, UnitRef};
use crate::sides::Side;
use crate::stock::StockPhrases;

/// Stock phrases to dim. Layouts are cached by their options, and one set serves a pair for its
/// whole life: two are the same when they are the same set.
#[derive(Debug, Clone)]
pub struct Dimmed(pub Arc<StockPhrases>);

impl PartialEq for Dimmed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Dimmed {}

/// How to lay a row out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Word marks are ready (else the text is shown plain, already aligned by sentence).
    pub marks: bool,
    pub filter: Filter,
    pub swapped: bool,
    /// Show numbering differences (`二、` → `三、`) as changes; else the markers are dimmed.
    pub numbering: bool,
    /// Search query; matches are flagged.
    pub query: Option<String>,
    /// Stock wording is toned down (see [`crate::stock`]); changes keep their marks.
    pub stock: Option<Dimmed>,
}

/// Where one change of a row is on screen: the line to go to, and the lines of each pane that show
/// it (both copies of a moved sentence).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeAt {
    pub line: usize,
    pub marks: Vec<(usize, Range<usize>)>,
}

/// A row laid out for the screen.
#[derive(Debug, Clone, Default)]
pub struct RowLayout {
    /// One pane (inline) or two of equal length (side by side).
    pub panes: Vec<Vec<Line>>,
    /// Each change shown, in order: as many as the row counts (see [`chunks::Change`]).
    pub changes: Vec<ChangeAt>,
    /// Each search match shown, in order: its first line and its id (see [`chunks::Found`]).
    pub matches: Vec<(usize, u64)>,
}

impl RowLayout {
    /// The matches of the laid out lines, in order of first appearance (left pane first).
    pub(super) fn collect_matches(&mut self) {
        let mut seen = HashSet::new();
        let lines = self.panes.iter().map(Vec::len).max().unwrap_or(0);
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

pub(super) fn header_text(p: &Passage, arrow: &str) -> String {
    let place = match p.section {
        Some(_) => p.place(),
        None => format!("（{}）", p.place()),
    };
    let part = match p.kind {
        PassageKind::Section | PassageKind::Preamble | PassageKind::Closing | PassageKind::Frame => "",
        PassageKind::SectionOwn => " · 本节正文",
        PassageKind::Heading => " · 标题",
        PassageKind::Paragraph => " · 段落",
        PassageKind::Sentences => " · 句子",
    };
    format!("{arrow} {place}{part}")
}

/// Segments for `text[range]` from the marks of `side`'s passage, with the search matches `found`
/// (ranges of `text[range]`, each with its id) flagged.
pub(super) fn unit_segs(
    text: &str,
    range: &Range<usize>,
    spans: &[Span],
    opts: &Options,
    side: Side,
    found: &[(Range<usize>, u64)],
) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut pos = range.start;
    let look_of = |m: Mark| match m {
        Mark::Renumbered if opts.numbering => look_of_change(side, opts.swapped),
        Mark::Equal => Look::Plain,
        Mark::Renumbered => Look::Dim,
        Mark::Moved => Look::Moved,
        Mark::Deleted | Mark::Inserted => look_of_change(side, opts.swapped),
    };
    if opts.marks {
        // A passage's spans are in text order and apart (a property test checks it): the unit's
        // are found by bisection, not by scanning the passage's every span for every sentence.
        let from = spans.partition_point(|s| s.range.end <= range.start);
        for s in spans[from..]
            .iter()
            .take_while(|s| s.range.start < range.end)
            .filter(|s| s.range.end > range.start)
        {
            let start = s.range.start.max(range.start);
            let end = s.range.end.min(range.end);
            if start > pos {
                segs.push(Seg::new(&text[pos..start], Look::Plain));
            }
            segs.push(Seg {
                figure: s.figure,
                ..Seg::new(&text[start..end], look_of(s.mark))
            });
            pos = end;
        }
    }
    if pos < range.end {
        segs.push(Seg::new(&text[pos..range.end], Look::Plain));
    }
    if let Some(Dimmed(stock)) = &opts.stock {
        segs = flag_stock(segs, &stock.ranges(&text[range.clone()]));
    }
    if !found.is_empty() {
        segs = flag_matches(segs, found);
    }
    segs
}

/// The look of text only `side`'s report has: struck in the left pane's report, added in the
/// right pane's (swapping the panes swaps which reads as old).
pub(super) fn look_of_change(side: Side, swapped: bool) -> Look {
    if side.pane(swapped) == 0 {
        Look::Deleted
    } else {
        Look::Inserted
    }
}

/// What a layout reads of one report's side of a row.
pub(super) struct SideData<'a> {
    pub passages: &'a [Passage],
    pub units: &'a [UnitRef],
    pub spans: &'a [Vec<Span>],
    /// The arrow naming the pane that shows it: ◀ for the left pane, ▶ for the right.
    pub arrow: &'static str,
    /// The report whose data this is.
    pub side: Side,
}

impl<'a> SideData<'a> {
    pub fn new(row: &'a Row, diff: &'a RowDiff, side: Side, swapped: bool) -> Self {
        SideData {
            passages: row.passages(side),
            units: &diff.units[side],
            spans: &diff.spans[side],
            arrow: ["◀", "▶"][side.pane(swapped)],
            side,
        }
    }

    /// The header line(s) of the passage `unit` belongs to.
    pub fn header(&self, unit: usize, width: usize) -> Vec<Line> {
        let p = &self.passages[self.units[unit].passage];
        wrap(&[Seg::new(header_text(p, self.arrow), Look::Header)], width)
    }

    /// Whether `unit` opens its passage.
    pub fn opens_passage(&self, unit: usize) -> bool {
        unit == 0 || self.units[unit - 1].passage != self.units[unit].passage
    }

    /// A unit's text as segments: its marks, its matches, and where a moved copy went or came from.
    pub fn segs(&self, unit: usize, opts: &Options, found: &ByUnit, moved_to: Option<String>) -> Vec<Seg> {
        let u = &self.units[unit];
        let p = &self.passages[u.passage];
        let mine: Vec<(Range<usize>, u64)> = found.of(self.side, unit).map(|f| (f.range.clone(), f.id)).collect();
        let mut segs = unit_segs(
            &p.text,
            &u.range,
            self.spans.get(u.passage).map_or(&[], Vec::as_slice),
            opts,
            self.side,
            &mine,
        );
        if let Some(to) = moved_to.filter(|_| opts.marks) {
            segs.push(Seg::new(to, Look::Dim));
        }
        segs
    }
}

/// For a moved sentence's copy, where its other copy stands: ` → 二、…` on the older report's copy,
/// ` ← 三、…` on the newer's.
pub(super) fn move_pointer(chunks: &Chunks, k: usize, side: Side, data: [&SideData; 2]) -> Option<String> {
    let c = &chunks.chunks[k];
    if c.paired {
        return None;
    }
    let (other_side, other_unit) = match side {
        Side::Left => (Side::Right, chunks.partner[c.left?]?.0),
        Side::Right => (Side::Left, chunks.partner_right[c.right?]?),
    };
    if c.unit(other_side) == Some(other_unit) {
        return None;
    }
    let other = data.into_iter().find(|d| d.side == other_side)?;
    let p = &other.passages[other.units[other_unit].passage];
    let place = match p.section {
        Some(_) => p.place(),
        None => format!("（{}）", p.place()),
    };
    Some(match side {
        Side::Left => format!(" → {place}"),
        Side::Right => format!(" ← {place}"),
    })
}

/// Shown for a report that has nothing on a row's topic.
pub(super) const ABSENT: &str = "（无）本报告未涉及";

/// What a comparison without rows shows (two reports with nothing to compare).
pub fn nothing_to_compare() -> RowLayout {
    RowLayout {
        panes: vec![vec![Line {
            segs: vec![Seg::new("两份报告都没有可比较的内容 · nothing to compare", Look::Dim)],
        }]],
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

/// Side-by-side layout of one row.
pub fn side_by_side(row: &Row, diff: &RowDiff, widths: [usize; 2], opts: &Options) -> RowLayout {
    let chunks = Chunks::new(diff, opts.filter);
    let found = opts
        .query
        .as_deref()
        .map_or_else(Vec::new, |q| chunks::matches(row, diff, &chunks, q));
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
        panes: vec![Vec::new(), Vec::new()],
        ..RowLayout::default()
    };
    // Sentences folded since the last one shown: unchanged, moved, dropped.
    let mut folded = [0usize; 3];
    // The passage whose header each pane showed last (a filter on).
    let mut header_shown: [Option<usize>; 2] = [None, None];
    // Per chunk, the lines each pane's unit takes.
    let mut at: Vec<[Option<Range<usize>>; 2]> = vec![[None, None]; chunks.chunks.len()];
    let filtering = opts.filter != Filter::All;
    for (k, c) in chunks.chunks.iter().enumerate() {
        if let Some(kind) = chunks.folded_kind(k) {
            folded[kind] += 1;
        }
        if !chunks.shown[k] {
            continue;
        }
        let mut lines: [Vec<Line>; 2] = [Vec::new(), Vec::new()];
        for (pane, side) in [&a, &b].into_iter().enumerate() {
            let hidden = side.side == Side::Left && chunks.hide_left[k];
            let Some(u) = c.unit(side.side).filter(|_| !hidden) else {
                continue;
            };
            let passage = side.units[u].passage;
            let header = if filtering {
                header_shown[pane] != Some(passage)
            } else {
                side.opens_passage(u) && !(hoisted[pane] && u == 0)
            };
            header_shown[pane] = Some(passage);
            if header {
                lines[pane].extend(side.header(u, widths[pane]));
            }
            let start = lines[pane].len();
            let pointer = move_pointer(&chunks, k, side.side, [&a, &b]);
            lines[pane].extend(wrap(&side.segs(u, opts, &by_unit, pointer), widths[pane]));
            at[k][pane] = Some(start..lines[pane].len());
        }
        if k == 0 {
            for (pane, side) in [&a, &b].into_iter().enumerate() {
                if hoisted[pane] {
                    lines[pane] = side.header(0, widths[pane]);
                    header_shown[pane] = Some(side.units[0].passage);
                }
            }
        }
        if folded != [0; 3] {
            for pane in &mut out.panes {
                pane.push(fold_line(folded));
            }
            folded = [0; 3];
        }
        let start = out.panes[0].len();
        for r in at[k].iter_mut().flatten() {
            *r = start + r.start..start + r.end;
        }
        let n = lines[0].len().max(lines[1].len());
        for (pane, mut l) in lines.into_iter().enumerate() {
            l.resize(n, Line::default());
            out.panes[pane].extend(l);
        }
        // A blank line after a paragraph's last sentence keeps paragraphs apart.
        let ends = |s: &SideData, u: Option<usize>| u.is_some_and(|u| s.units[u].ends_line);
        if (ends(&a, c.unit(a.side)) || ends(&b, c.unit(b.side))) && k + 1 < chunks.chunks.len() {
            out.panes[0].push(Line::default());
            out.panes[1].push(Line::default());
        }
    }
    if folded != [0; 3] {
        for pane in &mut out.panes {
            pane.push(fold_line(folded));
        }
    }
    // A report without the topic says so beside the other's first line, rather than staying blank
    // (its pane holds only padding there).
    for (i, side) in [&a, &b].into_iter().enumerate() {
        if side.passages.is_empty() {
            if out.panes[i].is_empty() {
                out.panes.iter_mut().for_each(|p| p.push(Line::default()));
            }
            out.panes[i][0] = Line {
                segs: vec![Seg::new(format!("{} {ABSENT}", side.arrow), Look::Dim)],
            };
        }
    }
    let pane_of = |side: Side| side.pane(opts.swapped);
    out.changes = chunks
        .changes
        .iter()
        .map(|ch| {
            let mut marks = Vec::new();
            for (side, marked) in [(Side::Left, ch.sides.0), (Side::Right, ch.sides.1)] {
                if let Some(r) = at[ch.chunk][pane_of(side)].clone().filter(|_| marked) {
                    marks.push((pane_of(side), r));
                }
            }
            if let Some(r) = ch.other.and_then(|o| at[o][pane_of(Side::Left)].clone()) {
                marks.push((pane_of(Side::Left), r));
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
    out.collect_matches();
    out
}

#[cfg(test)]
mod tests;
