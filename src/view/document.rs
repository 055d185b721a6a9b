//! A whole report laid out in its own order, each line knowing the section it comes from, with the
//! changes every row found marked where they are.

use std::collections::HashSet;
use std::ops::Range;

use super::held::HeldLines;
use super::layout::SLICE;
use super::lines::{Line, Look};
use super::marks::PlaceMarks;
use super::side::{Options, unit_segs};
use super::wrap::wrap;
use crate::outline::Document;
use crate::outline::{Place, SectionId};
use crate::sides::Side;

mod search;

/// A report in its own order, each line knowing where it comes from.
#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    pub lines: HeldLines,
    /// Lines of the opening paragraphs.
    pub preamble: Range<usize>,
    /// The line of each changed sentence of the report (added or dropped, rewritten, moved), in
    /// order: as many as the report has, whatever the width.
    pub changes: Vec<usize>,
    /// Each source line as measured, to build its lines when they come into view.
    plan: Option<Vec<Piece>>,
}

/// A line of the report's text, or a slice of one longer than [`SLICE`](super::layout::SLICE)
/// screen lines: its place, its bytes in the place's text, the first screen line it takes and how
/// many, which of the source line's screen lines these are (with where they all start, for a long
/// one), and whether they are built.
#[derive(Debug, Clone)]
struct Piece {
    place: Place,
    range: Range<usize>,
    start: usize,
    lines: usize,
    part: Range<usize>,
    starts: Option<std::sync::Arc<Vec<usize>>>,
    built: bool,
}

impl DocLayout {
    /// Is line `i` part of a passage of the current row?
    pub fn is_linked(&self, i: usize, sections: &HashSet<SectionId>, preamble: bool) -> bool {
        match self.section(i) {
            Some(s) => sections.contains(&s),
            None => preamble && self.preamble.contains(&i),
        }
    }

    /// The section line `i` comes from (`None` for the letter frame, opening and closing text).
    pub fn section(&self, i: usize) -> Option<SectionId> {
        let plan = self.plan.as_ref()?;
        let piece = plan.get(plan.partition_point(|p| p.start + p.lines <= i))?;
        (piece.start <= i).then_some(())?;
        place_look(piece.place).0
    }

    /// The first line of section `id`, if the report shows it.
    pub fn first_line_of(&self, id: SectionId) -> Option<usize> {
        let plan = self.plan.as_ref()?;
        plan.iter()
            .find(|p| p.place == Place::Section(id) && p.lines > 0)
            .map(|p| p.start)
    }
}

/// Lays out a whole report, wrapped to `width`, with its changes marked as in the rows (`marks`
/// from [`marks_by_place`](super::marks::marks_by_place); marks show once `opts.marks` says word marks are ready).
pub fn document(doc: &Document, side: Side, marks: &PlaceMarks, width: usize, opts: &Options) -> DocLayout {
    let mut out = measure(doc, width, marks);
    out.fill(doc, side, marks, width, opts, None);
    out
}

/// The frame's look for a place's plain text (title and addressee as headers, the signature and
/// date dimmed), and its section.
fn place_look(place: Place) -> (Option<SectionId>, Option<Look>) {
    match place {
        Place::Section(id) => (Some(id), None),
        Place::Title | Place::Addressee => (None, Some(Look::Header)),
        Place::Signature | Place::Date => (None, Some(Look::Dim)),
        Place::Preamble(_) | Place::Closing(_) | Place::Trailer(_) => (None, None),
    }
}

/// What a report's pane shows while the pair (`bytes` long) is measured off the loop.
pub(super) fn laying_out(bytes: usize) -> DocLayout {
    let line = Line {
        segs: vec![super::lines::Seg::new(
            format!("正在排版 · laying out the reports ({:.1} MB)…", bytes as f64 / 1e6),
            Look::Dim,
        )],
    };
    DocLayout {
        lines: HeldLines::from(vec![line]),
        ..DocLayout::default()
    }
}

/// Every line of the report measured (its screen lines counted, their sections and the changed
/// sentences of `marks` placed), none built.
pub fn measure(doc: &Document, width: usize, marks: &PlaceMarks) -> DocLayout {
    let mut out = DocLayout::default();
    let mut plan = Vec::new();
    let mut preamble: Option<Range<usize>> = None;
    for place in doc.places() {
        let text = doc.place_text(place);
        if text.trim().is_empty() {
            continue;
        }
        let changed = marks.changed(place);
        let start = out.lines.len();
        let mut at = 0;
        for line in text.split('\n') {
            let range = at..at + line.len();
            at = range.end + 1;
            let starts = super::wrap::painted_starts(line, width);
            // The changed sentences of this line (`changed` is sorted), each on the screen line it starts.
            let from = changed.partition_point(|&c| c < range.start);
            let mine = changed[from..]
                .iter()
                .take_while(|&&c| c < range.end)
                .map(|&c| c - range.start);
            let first = out.lines.len();
            out.changes.extend(
                super::measure::lines_at(line, &starts, mine)
                    .into_iter()
                    .map(|k| first + k),
            );
            let n = starts.len();
            // Only a line longer than a slice keeps its starts: only its characters are looked at.
            let steady = || !line.contains(super::width::is_unsteady);
            let shared = (n > SLICE && steady()).then(|| std::sync::Arc::new(starts));
            let slices = if shared.is_some() { n.div_ceil(SLICE) } else { 1 };
            for k in 0..slices {
                let part = if shared.is_some() {
                    k * SLICE..((k + 1) * SLICE).min(n)
                } else {
                    0..n
                };
                plan.push(Piece {
                    place,
                    range: range.clone(),
                    start: out.lines.len() + part.start,
                    lines: part.len(),
                    part,
                    starts: shared.clone(),
                    built: false,
                });
            }
            out.lines.push_blank(n);
        }
        if matches!(place, Place::Preamble(_)) {
            preamble = Some(preamble.map_or(start, |p| p.start)..out.lines.len());
        }
    }
    out.preamble = preamble.unwrap_or(0..0);
    // Kept while the document view may be opened: the room their growing left is given back.
    plan.shrink_to_fit();
    out.changes.shrink_to_fit();
    out.plan = Some(plan);
    out
}

impl DocLayout {
    /// Builds the lines that overlap `want` (all when `None`) and are not built yet; `doc`, `side`,
    /// `marks`, `width` and `opts` must be what the layout was measured for.
    pub fn fill(
        &mut self,
        doc: &Document,
        side: Side,
        marks: &PlaceMarks,
        width: usize,
        opts: &Options,
        want: Option<&Range<usize>>,
    ) {
        let Some(plan) = self.plan.as_mut() else { return };
        let from = want.map_or(0, |w| plan.partition_point(|p| p.start + p.lines <= w.start));
        // A place's text, made once for all its lines being built.
        let mut text: Option<(Place, String)> = None;
        for piece in &mut plan[from..] {
            if want.is_some_and(|w| piece.start >= w.end) {
                break;
            }
            if piece.built {
                continue;
            }
            if text.as_ref().is_none_or(|(p, _)| *p != piece.place) {
                text = Some((piece.place, doc.place_text(piece.place)));
            }
            let Some((_, text)) = &text else { continue };
            let (_, frame_look) = place_look(piece.place);
            let spans = marks.spans(piece.place);
            // A slice of a long line: only its own characters, cut where the measure cut them.
            let (range, cut) = match &piece.starts {
                Some(starts) => {
                    let line = &text[piece.range.clone()];
                    let byte = |k: usize| line.char_indices().nth(k).map_or(line.len(), |(i, _)| i);
                    let first = starts[piece.part.start];
                    let end = starts.get(piece.part.end).copied();
                    let r = piece.range.start + byte(first)..piece.range.start + end.map_or(line.len(), byte);
                    let relative: Vec<usize> = starts[piece.part.clone()].iter().map(|s| s - first).collect();
                    (r, Some(relative))
                }
                None => (piece.range.clone(), None),
            };
            // Matches looked for a little past the slice's ends, so that one across its edge is
            // marked on both sides of it.
            let found: Vec<(Range<usize>, u64)> = opts
                .query
                .as_deref()
                .map(|q| {
                    let reach = 4 * q.len();
                    let mut lo = range.start.saturating_sub(reach).max(piece.range.start);
                    while !text.is_char_boundary(lo) {
                        lo -= 1;
                    }
                    let mut hi = (range.end + reach).min(piece.range.end);
                    while !text.is_char_boundary(hi) {
                        hi += 1;
                    }
                    super::lines::find_all(&text[lo..hi], q)
                        .into_iter()
                        .map(|r| (r.start + lo).max(range.start)..(r.end + lo).min(range.end))
                        .filter(|r| r.start < r.end)
                        .map(|r| (r.start - range.start..r.end - range.start, 0))
                        .collect()
                })
                .unwrap_or_default();
            let mut segs = unit_segs(text, &range, spans, opts, side, &found);
            if let Some(look) = frame_look {
                segs.iter_mut()
                    .filter(|s| s.look == Look::Plain)
                    .for_each(|s| s.look = look);
            }
            let mut wrapped = match cut {
                Some(starts) => super::wrap::wrap_at(&segs, &starts, None),
                None => wrap(&segs, width),
            };
            debug_assert_eq!(wrapped.len(), piece.lines, "measured as built");
            wrapped.resize(piece.lines, Line::default());
            self.lines.replace(piece.start, wrapped);
            piece.built = true;
        }
    }

    /// Marks every line as to be built again, keeping the measure: for a change in how lines look
    /// (a search, word marks shown, numbering, stock wording), not in where they break.
    pub fn unbuild(&mut self) {
        for piece in self.plan.iter_mut().flatten() {
            piece.built = false;
        }
    }

    /// Whether every line of `range` is built.
    pub fn built(&self, range: &Range<usize>) -> bool {
        let Some(plan) = &self.plan else { return true };
        let from = plan.partition_point(|p| p.start + p.lines <= range.start);
        plan[from..].iter().take_while(|p| p.start < range.end).all(|p| p.built)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparison;
    use crate::diff::CharTokenizer;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::topics::Taxonomy;
    use crate::view::marks::marks_by_place;
    use crate::view::testing::{opts, text_of};

    pub(super) fn comparison(left: &str, right: &str) -> Comparison {
        let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
        let mut c = Comparison::build(doc(left), doc(right), &Taxonomy::builtin());
        c.diffs = std::sync::Arc::new(c.word_diffs(&CharTokenizer, std::time::Duration::from_secs(5)));
        c
    }

    fn layout(c: &Comparison, side: Side, opts: &Options) -> DocLayout {
        let marks = marks_by_place(&c.alignment.rows, &c.diffs, side, c.doc(side));
        document(c.doc(side), side, &marks, 60, opts)
    }

    const LEFT: &str = "某局2023年法治政府建设情况报告\n今年以来，我局认真推进。\n一、法律顾问\n全年提供法律咨询16次。\n二、存在问题\n问题仍然存在。";
    const RIGHT: &str = "某局2024年法治政府建设情况报告\n今年以来，我局认真推进。\n一、法律顾问\n全年提供法律咨询119次。\n二、存在问题\n问题仍然存在。\n新增一句话在这里。";

    #[test]
    fn every_line_knows_its_section_and_the_opening_is_marked() {
        let c = comparison(LEFT, RIGHT);
        let l = layout(&c, Side::Left, &opts());
        assert_eq!(l.lines[0].segs[0].look, Look::Header, "the title");
        assert_eq!(l.section(0), None, "the title is in no section");
        let opening = l.preamble.clone();
        assert!(l.lines[opening.start].text().contains("今年以来"));
        let counsel = l
            .lines
            .iter()
            .position(|x| x.text().contains("咨询"))
            .expect("body line");
        let section = l.section(counsel).expect("in a section");
        let heading = l.first_line_of(section).expect("shown");
        assert!(l.lines[heading].text().contains("法律顾问"), "{heading}");
        assert!((heading..=counsel).all(|i| l.section(i) == Some(section)));
        assert_eq!(l.section(l.lines.len()), None, "past the end");
        let set = HashSet::from([section]);
        assert!(l.is_linked(counsel, &set, false));
        assert!(!l.is_linked(opening.start, &set, false));
        assert!(l.is_linked(opening.start, &HashSet::new(), true));
    }

    #[test]
    fn changes_of_every_row_are_marked_in_place() {
        let c = comparison(LEFT, RIGHT);
        let left = layout(&c, Side::Left, &opts());
        let right = layout(&c, Side::Right, &opts());
        let line = |l: &DocLayout, needle: &str| {
            l.lines
                .iter()
                .find(|x| x.text().contains(needle))
                .cloned()
                .expect(needle)
        };
        assert_eq!(text_of(&line(&left, "咨询"), Look::Deleted), "16次");
        assert_eq!(text_of(&line(&right, "咨询"), Look::Inserted), "119次");
        assert!(line(&right, "咨询").segs.iter().any(|s| s.figure));
        let at = |l: &DocLayout, needle: &str| l.lines.iter().position(|x| x.text().contains(needle)).expect(needle);
        assert_eq!(
            right.changes,
            [0, at(&right, "咨询"), at(&right, "新增")],
            "title, figure, added sentence"
        );
        assert_eq!(text_of(&line(&right, "新增"), Look::Inserted), "新增一句话在这里。");
        // The letter frame's change too (2023 → 2024), while the title keeps its look elsewhere.
        assert!(right.lines[0].segs.iter().any(|s| s.look == Look::Inserted));
        assert!(right.lines[0].segs.iter().any(|s| s.look == Look::Header));
        // Unchanged text carries no mark.
        let same = line(&left, "认真推进");
        assert!(same.segs.iter().all(|s| s.look == Look::Plain));
    }

    #[test]
    fn swapped_the_right_report_reads_as_the_old_one_and_before_word_marks_nothing_is_marked() {
        let c = comparison(LEFT, RIGHT);
        let swapped = layout(
            &c,
            Side::Right,
            &Options {
                swapped: true,
                ..opts()
            },
        );
        let line = swapped.lines.iter().find(|x| x.text().contains("咨询")).expect("line");
        assert_eq!(text_of(line, Look::Deleted), "119次");
        let plain = layout(&c, Side::Right, &Options { marks: false, ..opts() });
        assert!(
            plain
                .lines
                .iter()
                .flat_map(|l| &l.segs)
                .all(|s| s.look != Look::Inserted)
        );
    }

    #[test]
    fn matches_are_flagged() {
        let c = comparison(LEFT, RIGHT);
        let l = layout(
            &c,
            Side::Left,
            &Options {
                query: Some("咨询".into()),
                ..opts()
            },
        );
        assert!(l.lines.iter().flat_map(|x| &x.segs).any(|s| s.matched.is_some()));
    }

    #[test]
    fn a_window_of_the_document_builds_as_the_whole_and_measures_the_rest_alike() {
        for c in [
            comparison(
                include_str!("../../examples/reports/demo-2023.txt"),
                include_str!("../../examples/reports/demo-2024.txt"),
            ),
            comparison(
                include_str!("../../tests/fixtures/reports/styles/left.txt"),
                include_str!("../../tests/fixtures/reports/styles/right.txt"),
            ),
        ] {
            assert_windows_alike(&c);
        }
    }

    fn assert_windows_alike(c: &Comparison) {
        for side in [Side::Left, Side::Right] {
            let marks = marks_by_place(&c.alignment.rows, &c.diffs, side, c.doc(side));
            for query in [None, Some("法律")] {
                let o = Options {
                    query: query.map(str::to_string),
                    ..opts()
                };
                for width in [9, 33, 80] {
                    let full = document(c.doc(side), side, &marks, width, &o);
                    let n = full.lines.len();
                    for window in [0..5, n / 2..n / 2 + 9, n.saturating_sub(3)..n + 3] {
                        let mut lazy = measure(c.doc(side), width, &marks);
                        let sections = |l: &DocLayout| (0..n).map(|i| l.section(i)).collect::<Vec<_>>();
                        assert_eq!(
                            (&lazy.changes, sections(&lazy), &lazy.preamble),
                            (&full.changes, sections(&full), &full.preamble)
                        );
                        lazy.fill(c.doc(side), side, &marks, width, &o, Some(&window));
                        let shown = window.start.min(n)..window.end.min(n);
                        assert!(
                            lazy.lines.range(shown.clone()).eq(full.lines.range(shown)),
                            "{side:?} {width} {window:?}"
                        );
                        assert!(lazy.built(&window));
                        lazy.fill(c.doc(side), side, &marks, width, &o, None);
                        assert_eq!(lazy.lines, full.lines, "built in steps");
                    }
                }
            }
        }
    }

    #[test]
    fn a_measure_kept_through_a_change_of_look_builds_the_new_look() {
        let c = comparison(
            include_str!("../../examples/reports/demo-2023.txt"),
            include_str!("../../examples/reports/demo-2024.txt"),
        );
        let side = Side::Right;
        let marks = marks_by_place(&c.alignment.rows, &c.diffs, side, c.doc(side));
        let searched = Options {
            query: Some("法律".into()),
            numbering: true,
            ..opts()
        };
        let mut kept = document(c.doc(side), side, &marks, 40, &opts());
        kept.unbuild();
        assert!(!kept.built(&(0..3)));
        kept.fill(c.doc(side), side, &marks, 40, &searched, None);
        assert_eq!(kept.lines, document(c.doc(side), side, &marks, 40, &searched).lines);
    }
}
