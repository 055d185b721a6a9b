//! The inline layout of a row, for narrow terminals: the side-by-side chunks stacked in one pane,
//! as a unified diff reads (delta's way). An unchanged sentence shows once; a changed one shows its
//! older wording, then its newer, each with its words marked; each passage's header stands where the
//! passage starts. Filters, changes and matches are those of side by side.

use std::ops::Range;

use super::chunks::{self, Chunks};
use super::held::HeldLines;
use super::layout::{ABSENT, ChangeAt, Filter, Item, Marked, Plan, RowLayout, fold_line, keeps_starts, text_item};
use super::lines::{Look, Seg};
use super::measure;
use super::side::{Options, SideData, move_pointer};
use super::wrap::wrap;
use crate::align::Row;
use crate::diff::RowDiff;
use crate::sides::Side;

/// Inline layout of one row, `width` columns wide, every line built.
pub fn inline(row: &Row, diff: &RowDiff, width: usize, opts: &Options) -> RowLayout {
    inline_in(row, diff, width, opts, None)
}

/// Inline layout of one row, measured whole, built where it overlaps `want` (see
/// [`side_by_side_in`](super::layout::side_by_side_in)).
pub fn inline_in(row: &Row, diff: &RowDiff, width: usize, opts: &Options, want: Option<&Range<usize>>) -> RowLayout {
    let mut out = measure_inline(row, diff, width, opts);
    out.fill(row, diff, [width, width], opts, want);
    out
}

fn measure_inline(row: &Row, diff: &RowDiff, width: usize, opts: &Options) -> RowLayout {
    let chunks = Chunks::new(diff, opts.filter);
    let found = chunks::matches(row, diff, &chunks, opts.query.as_deref());
    let by_unit = chunks::ByUnit::new(&found);
    // The report read as the older one comes first (the left pane's, swapped or not).
    let [a, b] = [0, 1].map(|pane| SideData::new(row, diff, Side::in_pane(pane, opts.swapped), opts.swapped));
    let mut lines = HeldLines::default();
    for side in [&a, &b] {
        if side.passages.is_empty() {
            lines.extend(wrap(&[Seg::new(format!("{} {ABSENT}", side.arrow), Look::Dim)], width));
        }
    }
    let mut plan = Plan::default();
    let filtering = opts.filter != Filter::All;
    let mut header_shown: [Option<usize>; 2] = [None, None];
    let mut folded = [0usize; 3];
    let mut at: Vec<[Option<Range<usize>>; 2]> = vec![[None, None]; chunks.chunks.len()];
    let mut matched = Vec::new();
    for (k, c) in chunks.chunks.iter().enumerate() {
        if let Some(kind) = chunks.folded_kind(k) {
            folded[kind] += 1;
        }
        if !chunks.shown[k] {
            continue;
        }
        if folded != [0; 3] {
            lines.push(fold_line(folded));
            folded = [0; 3];
        }
        let start = lines.len();
        let mut items = Vec::new();
        let mut height = 0;
        let shown_units: Vec<(usize, &SideData, usize)> = [&a, &b]
            .into_iter()
            .enumerate()
            .filter_map(|(pane, side)| {
                let hidden = side.side == Side::Left && chunks.hide_left[k];
                Some((pane, side, c.unit(side.side).filter(|_| !hidden)?))
            })
            .collect();
        // Which of them open a passage (and so stand under its header).
        let headed: Vec<bool> = shown_units
            .iter()
            .map(|&(pane, side, u)| {
                let passage = side.units[u].passage();
                let header = if filtering {
                    header_shown[pane] != Some(passage)
                } else {
                    side.opens_passage(u)
                };
                header_shown[pane] = Some(passage);
                header
            })
            .collect();
        // An unchanged sentence once, in the newer report's words; else each report's wording.
        let texts: Vec<usize> = (0..shown_units.len())
            .filter(|&i| !c.same() || shown_units[i].0 == 1)
            .collect();
        // A sentence and its rewrite: both headers, then the old wording and the new. Two unrelated
        // sentences: each under its own passage's header, the left report's first.
        let order: Vec<(bool, usize)> = if c.paired {
            let heads = (0..shown_units.len()).filter(|&i| headed[i]).map(|i| (true, i));
            heads.chain(texts.iter().map(|&i| (false, i))).collect()
        } else {
            texts
                .iter()
                .flat_map(|&i| [(true, i), (false, i)])
                .filter(|&(head, i)| !head || headed[i])
                .collect()
        };
        for (head, i) in order {
            let (pane, side, u) = shown_units[i];
            if head {
                let lines = measure::HEADER_LINES;
                height += lines;
                items.push(Item::header(pane, u, lines));
                continue;
            }
            let pointer = move_pointer(&chunks, k, side.side, [&a, &b]);
            let starts = measure::unit_starts(side, u, opts, pointer.as_deref(), width);
            let range = start + height..start + height + starts.len();
            for (line, f) in measure::matches_in(side, u, &starts, &by_unit) {
                matched.push(((range.start + line, 0, f.range.start), f.id));
            }
            if c.same() {
                at[k] = [Some(range.clone()), Some(range)];
            } else {
                at[k][pane] = Some(range);
            }
            height += starts.len();
            let lines = starts.len();
            let kept = keeps_starts(side, u, lines).then_some(starts);
            items.push(text_item(pane, u, pointer, lines, kept));
        }
        lines.push_blank(height);
        plan.push(start, height, vec![items]);
        let ends = shown_units.iter().any(|&(_, s, u)| s.units[u].ends_line());
        if ends && k + 1 < chunks.chunks.len() {
            lines.push_blank(1);
        }
    }
    if folded != [0; 3] {
        lines.push(fold_line(folded));
    }
    let pane_of = |side: Side| side.pane(opts.swapped);
    plan.found = found;
    plan.chunks.shrink_to_fit();
    plan.items.shrink_to_fit();
    RowLayout {
        changes: chunks
            .changes
            .iter()
            .map(|ch| {
                let mut marks = Marked::default();
                for (side, marked) in [(Side::Left, ch.sides.0), (Side::Right, ch.sides.1)] {
                    if let Some(r) = at[ch.chunk][pane_of(side)].clone().filter(|_| marked) {
                        marks.push(0, r);
                    }
                }
                let line = marks.iter().map(|(_, r)| r.start).min().unwrap_or(0);
                if let Some(r) = ch.other.and_then(|o| at[o][pane_of(Side::Left)].clone()) {
                    marks.push(0, r);
                }
                ChangeAt { line, marks }
            })
            .collect(),
        panes: vec![lines],
        matches: measure::first_seen(matched),
        plan: Some(plan),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{diff, opts, row, text_of, texts};

    #[test]
    fn a_changed_sentence_shows_its_old_then_its_new_wording_under_the_headers() {
        let r = row(&["开展普法12场。"], &["开展普法15场。"]);
        let l = inline(&r, &diff(&r), 60, &opts());
        let lines = texts(&l.panes[0]);
        assert!(lines[0].starts_with('◀') && lines[1].starts_with('▶'), "{lines:?}");
        assert_eq!(text_of(&l.panes[0][2], Look::Deleted), "12场");
        assert_eq!(text_of(&l.panes[0][3], Look::Inserted), "15场");
        assert_eq!(l.changes.len(), 1);
        assert_eq!(l.changes[0].line, 2);
    }

    #[test]
    fn unrelated_sentences_each_stand_under_their_own_header() {
        let r = row(&["甲乙丙丁戊己庚辛。"], &["完全无关的另一句话。"]);
        let l = inline(&r, &diff(&r), 60, &opts());
        let lines = texts(&l.panes[0]);
        assert!(lines[0].starts_with('◀') && lines[2].starts_with('▶'), "{lines:?}");
        assert!(
            lines[1].contains("甲乙丙丁") && lines[3].contains("完全无关"),
            "{lines:?}"
        );
    }

    #[test]
    fn an_unchanged_sentence_shows_once() {
        let r = row(&["两年都一样的一句。改前。"], &["两年都一样的一句。改后。"]);
        let l = inline(&r, &diff(&r), 60, &opts());
        let same = texts(&l.panes[0]).iter().filter(|t| t.contains("两年都一样")).count();
        assert_eq!(same, 1);
    }

    #[test]
    fn swapped_reads_the_right_report_as_the_old_one() {
        let r = row(&["今年开展旧式培训。"], &["今年开展新式培训。"]);
        let o = Options {
            swapped: true,
            ..opts()
        };
        let l = inline(&r, &diff(&r), 60, &o);
        assert_eq!(text_of(&l.panes[0][2], Look::Deleted), "新");
        assert_eq!(text_of(&l.panes[0][3], Look::Inserted), "旧");
    }

    #[test]
    fn a_moved_and_edited_sentence_keeps_its_edits_and_says_where_from() {
        let r = row(
            &["甲项工作完成了检查8次。乙项工作按期推进落实。"],
            &["乙项工作按期推进落实。甲项工作完成了检查11次。"],
        );
        let l = inline(&r, &diff(&r), 80, &opts());
        let all: Vec<&Seg> = l.panes[0].iter().flat_map(|l| &l.segs).collect();
        assert!(all.iter().any(|s| s.look == Look::Moved), "{:?}", texts(&l.panes[0]));
        assert!(all.iter().any(|s| s.look == Look::Deleted && s.text.contains('8')));
        assert!(all.iter().any(|s| s.look == Look::Inserted && s.text.contains("11")));
        assert!(all.iter().any(|s| s.look == Look::Dim && s.text.starts_with(" ← ")));
    }

    #[test]
    fn filters_fold_here_as_side_by_side() {
        let r = row(&["不变一。不变二。改前。"], &["不变一。不变二。改后。"]);
        let o = Options {
            filter: Filter::Changes,
            ..opts()
        };
        let l = inline(&r, &diff(&r), 60, &o);
        let lines = texts(&l.panes[0]);
        assert_eq!(lines[0], "⋯ 2 句未变 ⋯", "{lines:?}");
        assert!(!lines.iter().any(|t| t.contains("不变一")));
        let side = super::super::layout::side_by_side(&r, &diff(&r), [40, 40], &o);
        assert_eq!(l.changes.len(), side.changes.len());
    }

    #[test]
    fn an_absent_report_is_named() {
        let r = row(&["只有左边。"], &[]);
        let l = inline(&r, &diff(&r), 60, &opts());
        assert!(texts(&l.panes[0]).iter().any(|t| t == &format!("▶ {ABSENT}")));
    }
}
