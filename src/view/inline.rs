//! The inline (unified) layout of a row: where the passages sit, then the word diff as running text.

use super::layout::{ABSENT, Dimmed, Options, RowLayout, header_text, look_of_change};
use super::lines::{Line, Look, Seg, find_all, flag_matches, flag_stock};
use super::wrap::wrap;
use crate::align::Row;
use crate::diff::{Op, OpKind, RowDiff};
use crate::sides::Side;

/// `seg` with its stock wording flagged, when asked for.
fn stock(seg: Seg, opts: &Options) -> Vec<Seg> {
    match &opts.stock {
        Some(Dimmed(stock)) => {
            let ranges = stock.ranges(&seg.text);
            flag_stock(vec![seg], &ranges)
        }
        None => vec![seg],
    }
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
        OpKind::Equal => segs.extend(stock(seg(&op.text, plain), opts)),
        OpKind::Delete => segs.extend(stock(seg(&op.text, look_of_change(Side::Left, opts.swapped)), opts)),
        OpKind::Insert => segs.extend(stock(seg(&op.text, look_of_change(Side::Right, opts.swapped)), opts)),
        OpKind::Renumber if opts.numbering => {
            let from = op.from.as_deref().unwrap_or_default();
            segs.push(seg(from, look_of_change(Side::Left, opts.swapped)));
            segs.push(seg(&op.text, look_of_change(Side::Right, opts.swapped)));
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
pub fn inline(row: &Row, diff: &RowDiff, width: usize, opts: &Options) -> RowLayout {
    let mut lines = Vec::new();
    for (pane, arrow) in ["◀", "▶"].into_iter().enumerate() {
        let passages = row.passages(Side::in_pane(pane, opts.swapped));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{diff, opts, row, text_of, texts};

    #[test]
    fn headers_then_the_running_diff() {
        let r = row(&["开展普法12场。"], &["开展普法15场。"]);
        let l = inline(&r, &diff(&r), 60, &opts());
        let lines = texts(&l.panes[0]);
        assert!(lines[0].starts_with('◀') && lines[1].starts_with('▶'), "{lines:?}");
        let body = &l.panes[0][3];
        assert_eq!(text_of(body, Look::Deleted), "12场");
        assert_eq!(text_of(body, Look::Inserted), "15场");
        assert_eq!(l.changes, [3]);
    }

    #[test]
    fn swapped_reads_the_right_report_as_the_old_one() {
        let r = row(&["今年开展旧式培训。"], &["今年开展新式培训。"]);
        let l = inline(
            &r,
            &diff(&r),
            60,
            &Options {
                swapped: true,
                ..opts()
            },
        );
        let body = &l.panes[0][3];
        assert_eq!(text_of(body, Look::Deleted), "新");
        assert_eq!(text_of(body, Look::Inserted), "旧");
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
    fn an_absent_report_is_named() {
        let r = row(&["只有左边。"], &[]);
        let l = inline(&r, &diff(&r), 60, &opts());
        assert!(texts(&l.panes[0]).iter().any(|t| t == &format!("▶ {ABSENT}")));
    }
}
