//! Screen lines for a row (side by side or inline) and for whole documents, as plain data: text
//! segments with a semantic look. The ui module only paints them.
//!
//! Side by side, the two panes always have the same number of lines: each chunk (a sentence pair, or
//! sentences present on one side) is wrapped per side and the shorter side padded.

use std::collections::HashSet;
use std::ops::Range;

use super::wrap::{str_width, wrap};
use crate::align::{Passage, PassageKind, Row};
use crate::compare::Side;
use crate::diff::{Mark, Op, OpKind, RowDiff, Span, UnitRef, diff_row};
use crate::normalize::fold;
use crate::outline::SectionId;

/// What a piece of text is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    Plain,
    Deleted,
    Inserted,
    Moved,
    /// Where a passage sits in its report.
    Header,
    /// Folded unchanged text, fillers and other quiet text.
    Dim,
}

/// A run of text with one look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub look: Look,
    /// A changed figure (`16次` → `119次`).
    pub figure: bool,
    /// Part of a search match.
    pub matched: bool,
}

impl Seg {
    pub fn new(text: impl Into<String>, look: Look) -> Self {
        Seg {
            text: text.into(),
            look,
            figure: false,
            matched: false,
        }
    }

    pub fn same_look(&self, other: &Seg) -> bool {
        self.look == other.look && self.figure == other.figure && self.matched == other.matched
    }
}

/// One screen line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub segs: Vec<Seg>,
}

impl Line {
    pub fn text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn width(&self) -> usize {
        self.segs.iter().map(|s| str_width(&s.text)).sum()
    }

    /// Removes the last character, with an empty segment of its look, if another one remains.
    pub fn pop_char(&mut self) -> Option<(char, Seg)> {
        let total: usize = self.segs.iter().map(|s| s.text.chars().count()).sum();
        if total < 2 {
            return None;
        }
        let last = self.segs.last_mut()?;
        let c = last.text.pop()?;
        let template = Seg {
            text: String::new(),
            ..last.clone()
        };
        if last.text.is_empty() {
            self.segs.pop();
        }
        Some((c, template))
    }

    fn is_changed(&self) -> bool {
        self.segs
            .iter()
            .any(|s| matches!(s.look, Look::Deleted | Look::Inserted | Look::Moved))
    }

    fn has_match(&self) -> bool {
        self.segs.iter().any(|s| s.matched)
    }
}

/// How to lay a row out.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    /// Word marks are ready (else the text is shown plain, already aligned by sentence).
    pub marks: bool,
    pub changes_only: bool,
    pub swapped: bool,
    /// Show numbering differences (`二、` → `三、`) as changes; else the markers are dimmed.
    pub numbering: bool,
    /// Search query; matches are flagged.
    pub query: Option<String>,
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

fn header_text(p: &Passage, arrow: &str) -> String {
    let place = match p.section {
        Some(_) => p.place(),
        None => format!("（{}）", p.place()),
    };
    let part = match p.kind {
        PassageKind::Section | PassageKind::Preamble | PassageKind::Closing | PassageKind::Frame => "",
        PassageKind::SectionOwn => " · 本节正文",
        PassageKind::Paragraph => " · 段落",
        PassageKind::Sentences => " · 句子",
    };
    format!("{arrow} {place}{part}")
}

/// Byte ranges of `query` in `text`, ignoring width and ASCII case.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let q = fold(query).text.to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let f = fold(text);
    let hay = f.text.to_lowercase();
    if hay.len() != f.text.len() {
        return Vec::new(); // lowercasing changed lengths: only ASCII folding is supported
    }
    hay.match_indices(&q)
        .map(|(i, m)| f.to_original(i..i + m.len()))
        .collect()
}

/// Segments for `text[range]` from the passage's marks (swapped: deleted and inserted exchange).
/// `left_report`: the spans are the left report's (a changed numbering marker there reads as deleted
/// when numbering is shown).
fn unit_segs(text: &str, range: &Range<usize>, spans: &[Span], opts: &Options, left_report: bool) -> Vec<Seg> {
    let mut segs = Vec::new();
    let mut pos = range.start;
    let look_of = |m: Mark| match (m, opts.swapped) {
        (Mark::Renumbered, _) if opts.numbering && left_report => look_of_change(true, opts.swapped),
        (Mark::Renumbered, _) if opts.numbering => look_of_change(false, opts.swapped),
        (Mark::Equal, _) => Look::Plain,
        (Mark::Renumbered, _) => Look::Dim,
        (Mark::Moved, _) => Look::Moved,
        (Mark::Deleted, false) | (Mark::Inserted, true) => Look::Deleted,
        (Mark::Inserted, false) | (Mark::Deleted, true) => Look::Inserted,
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
    if let Some(q) = opts.query.as_deref() {
        segs = flag_matches(segs, &find_all(&text[range.clone()], q));
    }
    segs
}

/// The look of a deletion (`deleted`) or insertion, in a possibly swapped view.
fn look_of_change(deleted: bool, swapped: bool) -> Look {
    if deleted != swapped {
        Look::Deleted
    } else {
        Look::Inserted
    }
}

/// Splits segments at match boundaries and flags the matched parts.
fn flag_matches(segs: Vec<Seg>, matches: &[Range<usize>]) -> Vec<Seg> {
    if matches.is_empty() {
        return segs;
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for seg in segs {
        let end = offset + seg.text.len();
        let mut cuts: Vec<usize> = vec![offset, end];
        for m in matches {
            for b in [m.start, m.end] {
                if b > offset && b < end && seg.text.is_char_boundary(b - offset) {
                    cuts.push(b);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let matched = matches.iter().any(|m| m.start <= w[0] && w[1] <= m.end);
            out.push(Seg {
                text: seg.text[w[0] - offset..w[1] - offset].to_string(),
                matched,
                ..seg.clone()
            });
        }
        offset = end;
    }
    out
}

/// Which side's data shows in which pane.
struct SideData<'a> {
    passages: &'a [Passage],
    units: &'a [UnitRef],
    spans: &'a [Vec<Span>],
    arrow: &'static str,
    /// The left report's data (it may show in the right pane when swapped).
    left_report: bool,
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
            self.left_report,
        );
        out.extend(wrap(&segs, width));
        out
    }
}

/// Shown for a report that has nothing on a row's topic.
const ABSENT: &str = "（无）本报告未涉及";

/// What a comparison without rows shows (two reports with nothing to compare).
pub fn nothing_to_compare() -> RowLayout {
    RowLayout {
        panes: vec![vec![Line {
            segs: vec![Seg::new("两份报告都没有可比较的内容 · nothing to compare", Look::Dim)],
        }]],
        ..RowLayout::default()
    }
}

/// Side-by-side layout of one row.
pub fn side_by_side(row: &Row, diff: Option<&RowDiff>, widths: [usize; 2], opts: &Options) -> RowLayout {
    let owned;
    let diff = match diff {
        Some(d) => d,
        None => {
            owned = diff_row(row, None, None);
            &owned
        }
    };
    let left = SideData {
        passages: &row.left,
        units: &diff.units[0],
        spans: &diff.left,
        arrow: "◀",
        left_report: true,
    };
    let right = SideData {
        passages: &row.right,
        units: &diff.units[1],
        spans: &diff.right,
        arrow: "▶",
        left_report: false,
    };
    let mut pairs: Vec<(usize, usize, bool)> = diff
        .links
        .iter()
        .map(|l| (l.left_unit, l.right_unit, l.moved))
        .collect();
    // Pairs whose words differ (numbering aside), by unit of the pane-`a` side.
    let mut edited: HashSet<(usize, usize)> = diff
        .links
        .iter()
        .filter(|l| l.changed)
        .map(|l| (l.left_unit, l.right_unit))
        .collect();
    let (a, b) = if opts.swapped {
        pairs = pairs.into_iter().map(|(l, r, m)| (r, l, m)).collect();
        pairs.sort_unstable();
        edited = edited.into_iter().map(|(l, r)| (r, l)).collect();
        (right, left)
    } else {
        (left, right)
    };
    let partner_a: Vec<Option<usize>> = {
        let mut v = vec![None; a.units.len()];
        for &(i, j, _) in &pairs {
            v[i] = Some(j);
        }
        v
    };
    let in_order: Vec<(usize, usize)> = pairs.iter().filter(|p| !p.2).map(|p| (p.0, p.1)).collect();

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
    let mut folded = 0usize;
    let mut previous_changed = false;
    // The passage whose header each pane showed last (changes only).
    let mut header_shown: [Option<usize>; 2] = [None, None];
    for (ci, &(l, r)) in chunks.iter().enumerate() {
        let changed = match (l, r) {
            (Some(l), Some(r)) => edited.contains(&(l, r)) || partner_a[l] != Some(r),
            _ => true,
        };
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
        if opts.changes_only {
            // Only changes: unchanged sentences fold, passage openings too; a change further into a
            // passage brings its passage's header along.
            if !changed {
                folded += 1;
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
        if folded > 0 {
            for pane in &mut out.panes {
                pane.push(Line {
                    segs: vec![Seg::new(format!("⋯ {folded} 句未变 ⋯"), Look::Dim)],
                });
            }
            folded = 0;
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
    if folded > 0 {
        for pane in &mut out.panes {
            pane.push(Line {
                segs: vec![Seg::new(format!("⋯ {folded} 句未变 ⋯"), Look::Dim)],
            });
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

/// The segments of one unified step. `moved`: the step is inside a moved sentence, whose unchanged
/// words read as moved.
fn op_segs(segs: &mut Vec<Seg>, op: &Op, opts: &Options, moved: bool) {
    let plain = if moved { Look::Moved } else { Look::Plain };
    let seg = |text: &str, look: Look| Seg {
        figure: op.figure,
        ..Seg::new(text, look)
    };
    match op.op {
        OpKind::Equal => segs.push(seg(&op.text, plain)),
        OpKind::Delete => segs.push(seg(&op.text, look_of_change(true, opts.swapped))),
        OpKind::Insert => segs.push(seg(&op.text, look_of_change(false, opts.swapped))),
        OpKind::Renumber if opts.numbering => {
            let from = op.from.as_deref().unwrap_or_default();
            segs.push(seg(from, look_of_change(true, opts.swapped)));
            segs.push(seg(&op.text, look_of_change(false, opts.swapped)));
        }
        OpKind::Renumber => segs.push(seg(&op.text, Look::Dim)),
        OpKind::Move => {
            let body = op.text.trim_end_matches('\n');
            if op.ops.is_empty() {
                segs.push(seg(body, Look::Moved));
            }
            for inner in &op.ops {
                let mut inner = inner.clone();
                inner.text = inner.text.trim_end_matches('\n').to_string();
                op_segs(segs, &inner, opts, true);
            }
            if let Some(from) = &op.from {
                segs.push(Seg::new(format!(" ← {from}"), Look::Dim));
            }
            if op.text.ends_with('\n') {
                segs.push(Seg::new("\n", Look::Plain));
            }
        }
    }
}

/// Inline (unified) layout of one row: where the passages sit, then the word diff as running text.
pub fn inline(row: &Row, diff: Option<&RowDiff>, width: usize, opts: &Options) -> RowLayout {
    let owned;
    let diff = match diff {
        Some(d) => d,
        None => {
            owned = diff_row(row, None, None);
            &owned
        }
    };
    let mut lines = Vec::new();
    let (first, second) = if opts.swapped {
        (&row.right, &row.left)
    } else {
        (&row.left, &row.right)
    };
    for (arrow, passages) in [("◀", first), ("▶", second)] {
        if passages.is_empty() {
            lines.extend(wrap(&[Seg::new(format!("{arrow} {ABSENT}"), Look::Dim)], width));
        }
        let mut last_header = String::new();
        for p in passages {
            // Title and addressee (or signature and date) share a header: list it once.
            let header = header_text(p, arrow);
            if header != last_header {
                lines.extend(wrap(&[Seg::new(header.clone(), Look::Header)], width));
            }
            last_header = header;
        }
    }
    lines.push(Line::default());
    let mut segs = Vec::new();
    for op in &diff.ops {
        if !opts.marks {
            // Before word marks, show only the text of the newer report, as it reads.
            if op.op != OpKind::Delete {
                segs.push(Seg::new(op.text.clone(), Look::Plain));
            }
            continue;
        }
        op_segs(&mut segs, op, opts, false);
    }
    if let Some(q) = opts.query.as_deref() {
        let text: String = segs.iter().map(|s| s.text.as_str()).collect();
        segs = flag_matches(segs, &find_all(&text, q));
    }
    let header_lines = lines.len();
    lines.extend(wrap(&segs, width));
    let mut out = RowLayout::default();
    let mut previous = false;
    for (k, line) in lines.iter().enumerate().skip(header_lines) {
        let changed = line.is_changed();
        if changed && !previous {
            out.changes.push(k);
        }
        previous = changed;
        if line.has_match() {
            out.matches.push(k);
        }
    }
    out.panes = vec![lines];
    out
}

/// A report in its own order, each line knowing where it comes from.
#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    pub lines: Vec<Line>,
    /// Section of each line (`None` for the letter frame, opening and closing text).
    pub sections: Vec<Option<SectionId>>,
    /// Lines of the opening paragraphs.
    pub preamble: Range<usize>,
}

impl DocLayout {
    /// Is line `i` part of a passage of the current row?
    pub fn is_linked(&self, i: usize, sections: &HashSet<SectionId>, preamble: bool) -> bool {
        match self.sections.get(i).copied().flatten() {
            Some(s) => sections.contains(&s),
            None => preamble && self.preamble.contains(&i),
        }
    }
}

/// Lays out a whole report, wrapped to `width`.
pub fn document(side: &Side, width: usize, query: Option<&str>) -> DocLayout {
    let doc = &side.doc;
    let mut out = DocLayout::default();
    let push = |text: &str, section: Option<SectionId>, look: Look, out: &mut DocLayout| {
        let mut segs = vec![Seg::new(text, look)];
        if let Some(q) = query {
            segs = flag_matches(segs, &find_all(text, q));
        }
        for line in wrap(&segs, width) {
            out.lines.push(line);
            out.sections.push(section);
        }
    };
    let frame = |s: &Option<String>| s.clone().unwrap_or_default();
    for t in [frame(&doc.title), frame(&doc.addressee)]
        .iter()
        .filter(|t| !t.is_empty())
    {
        push(t, None, Look::Header, &mut out);
    }
    let start = out.lines.len();
    for p in &doc.preamble {
        push(&p.text, None, Look::Plain, &mut out);
    }
    out.preamble = start..out.lines.len();
    for id in doc.walk() {
        for line in doc.section(id).own_text().lines() {
            push(line, Some(id), Look::Plain, &mut out);
        }
    }
    for p in &doc.closing {
        push(&p.text, None, Look::Plain, &mut out);
    }
    for t in [frame(&doc.signature), frame(&doc.date)]
        .iter()
        .filter(|t| !t.is_empty())
    {
        push(t, None, Look::Dim, &mut out);
    }
    out
}
