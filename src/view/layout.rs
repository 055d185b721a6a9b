//! A row laid out side by side, as plain data: what each pane shows, line by line, where its
//! changes and search matches are. The ui module only paints it; [`inline`](super::inline) and
//! [`document`](super::document) lay out the other views.
//!
//! Side by side, the two panes always have the same number of lines: each chunk (a sentence pair, or
//! sentences present on one side) is wrapped per side and the shorter side padded.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use super::lines::{Line, Look, Seg, find_all, flag_matches, flag_stock};
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

/// A row laid out for the screen.
#[derive(Debug, Clone, Default)]
pub struct RowLayout {
    /// One pane (inline) or two of equal length (side by side).
    pub panes: Vec<Vec<Line>>,
    /// First line of each block of changes.
    pub changes: Vec<usize>,
    /// Lines holding a search match.
    pub matches: Vec<usize>,
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

/// Segments for `text[range]` from the marks of `side`'s passage.
pub(super) fn unit_segs(text: &str, range: &Range<usize>, spans: &[Span], opts: &Options, side: Side) -> Vec<Seg> {
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
        for s in spans
            .iter()
            .filter(|s| s.range.end > range.start && s.range.start < range.end)
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
    if let Some(q) = opts.query.as_deref() {
        segs = flag_matches(segs, &find_all(&text[range.clone()], q));
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

/// Which side's data shows in which pane.
struct SideData<'a> {
    passages: &'a [Passage],
    units: &'a [UnitRef],
    spans: &'a [Vec<Span>],
    /// The pane's arrow: ◀ for the left pane, ▶ for the right.
    arrow: &'static str,
    /// The report whose data this is.
    side: Side,
}

impl SideData<'_> {
    /// The header line(s) of the passage `unit` belongs to.
    fn header(&self, unit: usize, width: usize) -> Vec<Line> {
        let p = &self.passages[self.units[unit].passage];
        wrap(&[Seg::new(header_text(p, self.arrow), Look::Header)], width)
    }

    /// A unit's lines, under its passage's header when it opens the passage (unless `hoisted`: the
    /// header was already shown higher up).
    fn lines(&self, unit: usize, width: usize, opts: &Options, hoisted: bool) -> Vec<Line> {
        let u = &self.units[unit];
        let p = &self.passages[u.passage];
        let mut out = Vec::new();
        if (unit == 0 || self.units[unit - 1].passage != u.passage) && !(hoisted && unit == 0) {
            out.extend(self.header(unit, width));
        }
        let segs = unit_segs(
            &p.text,
            &u.range,
            self.spans.get(u.passage).map_or(&[], Vec::as_slice),
            opts,
            self.side,
        );
        out.extend(wrap(&segs, width));
        out
    }
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
fn fold_line([same, moved, dropped]: [usize; 3]) -> Line {
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
    // Pane `a` is the left pane, whichever report it shows.
    let [a, b] = [0, 1].map(|pane| {
        let side = Side::in_pane(pane, opts.swapped);
        SideData {
            passages: row.passages(side),
            units: &diff.units[side],
            spans: &diff.spans[side],
            arrow: ["◀", "▶"][pane],
            side,
        }
    });
    let mut pairs: Vec<(usize, usize, bool)> = diff
        .links
        .iter()
        .map(|l| (l.unit(a.side), l.unit(b.side), l.moved))
        .collect();
    pairs.sort_unstable();
    // Pairs whose words differ (numbering aside), by unit of the pane-`a` side.
    let edited: HashSet<(usize, usize)> = diff
        .links
        .iter()
        .filter(|l| l.changed)
        .map(|l| (l.unit(a.side), l.unit(b.side)))
        .collect();
    let partner_a: Vec<Option<usize>> = {
        let mut v = vec![None; a.units.len()];
        for &(i, j, _) in &pairs {
            v[i] = Some(j);
        }
        v
    };
    let in_order: Vec<(usize, usize)> = pairs.iter().filter(|p| !p.2).map(|p| (p.0, p.1)).collect();
    // Only a filter needs these (the layout runs again for every row shown): the newer report's
    // sentences that say what the older one said, words unchanged (in place or moved), and the
    // older report's sentences that have a partner.
    let filtering = opts.filter != Filter::All;
    let links = || diff.links.iter().filter(|_| filtering);
    let repeated: HashSet<usize> = links().filter(|l| !l.changed).map(|l| l.unit(Side::Right)).collect();
    let linked_older: HashSet<usize> = links().map(|l| l.unit(Side::Left)).collect();

    // Chunks: in-place pairs side by side; between them, one-sided sentences zipped.
    let mut chunks: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    let zip_gap = |chunks: &mut Vec<_>, li: Range<usize>, rj: Range<usize>| {
        let (l, r): (Vec<usize>, Vec<usize>) = (li.collect(), rj.collect());
        for k in 0..l.len().max(r.len()) {
            chunks.push((l.get(k).copied(), r.get(k).copied()));
        }
    };
    for &(li, rj) in &in_order {
        zip_gap(&mut chunks, i..li, j..rj);
        chunks.push((Some(li), Some(rj)));
        i = li + 1;
        j = rj + 1;
    }
    zip_gap(&mut chunks, i..a.units.len(), j..b.units.len());

    let mut out = RowLayout {
        panes: vec![Vec::new(), Vec::new()],
        ..RowLayout::default()
    };
    let hoisted = match chunks.first() {
        Some(&(None, Some(_))) => [!a.units.is_empty(), false],
        Some(&(Some(_), None)) => [false, !b.units.is_empty()],
        _ => [false, false],
    };
    // Sentences folded since the last one shown: unchanged, moved, dropped.
    let mut folded = [0usize; 3];
    let mut previous_changed = false;
    // The passage whose header each pane showed last (changes only).
    let mut header_shown: [Option<usize>; 2] = [None, None];
    for (ci, &(mut l, mut r)) in chunks.iter().enumerate() {
        let changed = match (l, r) {
            (Some(l), Some(r)) => edited.contains(&(l, r)) || partner_a[l] != Some(r),
            _ => true,
        };
        let (newer, older) = if a.side == Side::Right { (l, r) } else { (r, l) };
        // What a folded sentence of the older report was: moved elsewhere, or dropped.
        let gone = |u: usize| if linked_older.contains(&u) { 1 } else { 2 };
        let shown = match opts.filter {
            Filter::All => true,
            Filter::Changes => changed,
            Filter::New => newer.is_some_and(|u| !repeated.contains(&u)),
        };
        // New only: the older report's sentence stays only beside its own rewrite.
        let in_place = matches!((l, r), (Some(l), Some(r)) if partner_a[l] == Some(r));
        if let Some(u) = older.filter(|_| opts.filter == Filter::New && shown && !in_place) {
            folded[gone(u)] += 1;
            *(if a.side == Side::Right { &mut r } else { &mut l }) = None;
        }
        let mut lines_a = l.map_or_else(Vec::new, |u| a.lines(u, widths[0], opts, hoisted[0]));
        let mut lines_b = r.map_or_else(Vec::new, |u| b.lines(u, widths[1], opts, hoisted[1]));
        // The first line of the row names both reports' first passages, even where one side's
        // text only starts further down (its first sentence pairs with a later one).
        if ci == 0 {
            if hoisted[0] {
                lines_a = a.header(0, widths[0]);
            }
            if hoisted[1] {
                lines_b = b.header(0, widths[1]);
            }
        }
        let starts_passage =
            |s: &SideData, u: Option<usize>| u.is_some_and(|u| u == 0 || s.units[u - 1].passage != s.units[u].passage);
        if opts.filter != Filter::All {
            // Only changes (or what is new): the rest folds, passage openings too; a sentence shown
            // further into a passage brings its passage's header along.
            if !shown {
                let kind = match (changed, newer, older) {
                    (false, _, _) => 0,
                    (true, Some(_), _) => 1,
                    (true, None, Some(u)) => gone(u),
                    (true, None, None) => 2,
                };
                folded[kind] += 1;
                continue;
            }
            let [shown_a, shown_b] = &mut header_shown;
            for (k, side, unit, lines, last) in [(0, &a, l, &mut lines_a, shown_a), (1, &b, r, &mut lines_b, shown_b)] {
                if let Some(u) = unit {
                    let passage = side.units[u].passage;
                    if *last != Some(passage) && !starts_passage(side, unit) {
                        let mut with_header = side.header(u, widths[k]);
                        with_header.append(lines);
                        *lines = with_header;
                    }
                    *last = Some(passage);
                }
            }
        }
        if folded != [0; 3] {
            for pane in &mut out.panes {
                pane.push(fold_line(folded));
            }
            folded = [0; 3];
        }
        let n = lines_a.len().max(lines_b.len());
        lines_a.resize(n, Line::default());
        lines_b.resize(n, Line::default());
        let start = out.panes[0].len();
        if changed && !previous_changed {
            out.changes.push(start);
        }
        previous_changed = changed;
        for (k, (la, lb)) in lines_a.into_iter().zip(lines_b).enumerate() {
            if la.has_match() || lb.has_match() {
                out.matches.push(start + k);
            }
            out.panes[0].push(la);
            out.panes[1].push(lb);
        }
        // A blank line after a paragraph's last sentence keeps paragraphs apart.
        let ends = |s: &SideData, u: Option<usize>| u.is_some_and(|u| s.units[u].ends_line);
        if (ends(&a, l) || ends(&b, r)) && ci + 1 < chunks.len() {
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
    out
}

#[cfg(test)]
mod tests;
