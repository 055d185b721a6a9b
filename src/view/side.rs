//! What a layout reads of one report's side of a row, and how to lay it out: the options, each
//! sentence's segments with their marks and matches, passage headers, and the pointer a moved
//! sentence carries to its other place. Shared by the layouts and by their measuring.

use std::ops::Range;
use std::sync::Arc;

use super::chunks::{ByUnit, Chunks, Filter};
use super::lines::{Line, Look, Seg, flag_matches, flag_stock};
use crate::align::{Passage, PassageKind, Row};
use crate::diff::{Mark, PassageSpans, RowDiff, Span, UnitRef};
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

pub(super) fn header_text(p: &Passage, arrow: &str) -> String {
    let place = match p.section() {
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
    // Where it is in the file, for a text report: what an editor's `+LINE` takes.
    let line = if p.line > 0 {
        format!(" · L{}", p.line)
    } else {
        String::new()
    };
    format!("{arrow} {place}{part}{line}")
}

/// A passage's header in `width` columns: whole when it fits, else its heading path shortened from
/// the top (`◀ … › 1.压实第一责任人职责`: the nearest heading is the one that says where), and
/// cut with an ellipsis only if even that is too wide.
pub(super) fn header_fitted(p: &Passage, arrow: &str, width: usize) -> String {
    let whole = header_text(p, arrow);
    let fits = |t: &str| super::width::str_width(t) <= width;
    if fits(&whole) || p.section().is_none() {
        return crate::wording::clip(&whole, width);
    }
    let part = whole
        .strip_prefix(&format!("{arrow} {}", p.place()))
        .unwrap_or("")
        .to_string();
    let headings = p.path.headings();
    let mut last = whole.clone();
    for k in 1..headings.len() {
        last = format!("{arrow} … › {}{part}", headings[k..].join(" › "));
        if fits(&last) {
            return last;
        }
    }
    crate::wording::clip(&last, width)
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
        let from = spans.partition_point(|s| s.range().end <= range.start);
        for s in spans[from..]
            .iter()
            .take_while(|s| s.range().start < range.end)
            .filter(|s| s.range().end > range.start)
        {
            let start = s.range().start.max(range.start);
            let end = s.range().end.min(range.end);
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
    pub spans: &'a PassageSpans,
    /// The arrow naming the pane that shows it: ◀ for the left pane, ▶ for the right.
    pub arrow: &'static str,
    /// The report whose data this is.
    pub side: Side,
}

impl<'a> SideData<'a> {
    pub fn new(row: &'a Row, diff: &'a RowDiff, side: Side, swapped: bool) -> Self {
        SideData {
            passages: &row.passages[side],
            units: &diff.units[side],
            spans: &diff.spans[side],
            arrow: ["◀", "▶"][side.pane(swapped)],
            side,
        }
    }

    /// The header line(s) of the passage `unit` belongs to.
    /// One line: a header is a signpost, and one wrapped over several lines split its words and
    /// pushed the text it names down the pane.
    pub fn header(&self, unit: usize, width: usize) -> Vec<Line> {
        let p = &self.passages[self.units[unit].passage()];
        vec![Line {
            segs: vec![Seg::new(header_fitted(p, self.arrow, width), Look::Header)],
        }]
    }

    /// Whether `unit` opens its passage.
    pub fn opens_passage(&self, unit: usize) -> bool {
        unit == 0 || self.units[unit - 1].passage() != self.units[unit].passage()
    }

    /// The lines `wanted` of a unit's text wrapped (its line starts, in characters, given), built
    /// from the segments of those lines' text alone: a sentence the size of a report costs a
    /// screen's worth of segments. (Stock wording is found within those lines only.)
    pub fn segs_lines(
        &self,
        unit: usize,
        opts: &Options,
        found: &ByUnit,
        moved_to: Option<String>,
        starts: &[usize],
        wanted: Range<usize>,
    ) -> Vec<Line> {
        let u = &self.units[unit];
        let p = &self.passages[u.passage()];
        let text = &p.text[u.range()];
        // The wanted lines' characters, in the text and the pointer after it as the starts count them.
        let (first, end) = (starts[wanted.start], starts.get(wanted.end).copied());
        let byte = |k: usize| text.char_indices().nth(k).map_or(text.len(), |(i, _)| i);
        let from = byte(first);
        let to = end.map_or(text.len(), byte);
        // The pointer's characters stand after the text's: in the wanted lines when they end past it.
        let into_pointer = end.is_none_or(|e| to == text.len() && e > text.chars().count());
        let mine: Vec<(Range<usize>, u64)> = found
            .of(self.side, unit)
            .filter(|f| f.range.start < to && f.range.end > from)
            .map(|f| (f.range.start.max(from) - from..f.range.end.min(to) - from, f.id))
            .collect();
        let range = u.range().start + from..u.range().start + to;
        let mut segs = unit_segs(&p.text, &range, self.spans.of(u.passage()), opts, self.side, &mine);
        if let Some(to) = moved_to.filter(|_| opts.marks && into_pointer) {
            segs.push(Seg::new(to, Look::Dim));
        }
        let relative: Vec<usize> = starts[wanted.clone()].iter().map(|s| s - first).collect();
        super::wrap::wrap_at(&segs, &relative, end.map(|e| e - first))
    }

    /// A unit's text as segments: its marks, its matches, and where a moved copy went or came from.
    pub fn segs(&self, unit: usize, opts: &Options, found: &ByUnit, moved_to: Option<String>) -> Vec<Seg> {
        let u = &self.units[unit];
        let p = &self.passages[u.passage()];
        let mine: Vec<(Range<usize>, u64)> = found.of(self.side, unit).map(|f| (f.range.clone(), f.id)).collect();
        let mut segs = unit_segs(&p.text, &u.range(), self.spans.of(u.passage()), opts, self.side, &mine);
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
        Side::Left => (Side::Right, chunks.partner[c.units.left?]?.0),
        Side::Right => (Side::Left, chunks.partner_right[c.units.right?]?),
    };
    if c.unit(other_side) == Some(other_unit) {
        return None;
    }
    let other = data.into_iter().find(|d| d.side == other_side)?;
    let p = &other.passages[other.units[other_unit].passage()];
    let place = match p.section() {
        Some(_) => p.place(),
        None => format!("（{}）", p.place()),
    };
    Some(match side {
        Side::Left => format!(" → {place}"),
        Side::Right => format!(" ← {place}"),
    })
}
