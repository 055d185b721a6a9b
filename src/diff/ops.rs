//! The row as one unified sequence of steps (the JSON `diff` array, the text and Markdown output, the
//! inline view): left order, with right-only and moved sentences placed where they stand on the
//! right. A moved sentence carries its own word diff and the place it came from; a changed
//! numbering marker is a `renumber` step, apart from content.

use super::pair::Pairing;
use super::words::WordDiff;
use super::{Op, OpKind, Unit};
use crate::align::Row;
use crate::sides::{Side, Sides};

fn push_op(ops: &mut Vec<Op>, op: OpKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last)
            if last.op == op && !last.figure && matches!(op, OpKind::Equal | OpKind::Delete | OpKind::Insert) =>
        {
            last.text.push_str(text)
        }
        _ => ops.push(Op::new(op, text)),
    }
}

/// The steps of one paired sentence: its word diff, with the numbering marker as a `renumber` step
/// (or equal text, when it did not change).
fn pair_ops(ops: &mut Vec<Op>, l: (&Unit, &str), r: (&Unit, &str), wd: &WordDiff) {
    let ((lu, lo), (ru, ro)) = (l, r);
    for piece in &wd.pieces {
        let lr = lu.to_original(piece.old.clone());
        let rr = ru.to_original(piece.new.clone());
        let (lt, rt) = (&lo[lr], &ro[rr]);
        match (piece.changed, piece.numbering) {
            (false, _) => push_op(ops, OpKind::Equal, rt),
            (true, true) => ops.push(Op {
                from: Some(lt.to_string()),
                ..Op::new(OpKind::Renumber, rt)
            }),
            (true, false) if piece.figure => {
                for (kind, text) in [(OpKind::Delete, lt), (OpKind::Insert, rt)] {
                    ops.push(Op {
                        figure: true,
                        ..Op::new(kind, text)
                    });
                }
            }
            (true, false) => {
                push_op(ops, OpKind::Delete, lt);
                push_op(ops, OpKind::Insert, rt);
            }
        }
    }
}

/// Ends the last op's text with a line break, as the sentence ended a line in the report.
fn end_line(ops: &mut [Op], ends_line: bool) {
    if let Some(last) = ops.last_mut().filter(|_| ends_line)
        && !last.text.ends_with('\n')
    {
        last.text.push('\n');
    }
}

/// What the walk through a row in left order reads: the row, each side's sentences, their word diffs, which moved, and each right sentence's partner.
struct Walk<'a> {
    row: &'a Row,
    units: Sides<&'a [Unit]>,
    word_diffs: &'a [Option<WordDiff>],
    moved_left: &'a [bool],
    /// The left partner of each right sentence.
    partner: Vec<Option<usize>>,
}

impl Walk<'_> {
    /// The text of sentence `k` of one side.
    fn text(&self, side: Side, k: usize) -> &str {
        let u = &self.units[side][k];
        &self.row.passages[side][u.passage()].text[u.range()]
    }

    /// Emits right sentences before `until` that have no in-place partner: inserts and moves.
    fn flush_right(&self, ops: &mut Vec<Op>, next: &mut usize, until: usize) {
        while *next < until {
            let j = *next;
            let ends_line = self.units.right[j].ends_line;
            match self.partner[j] {
                None => {
                    push_op(ops, OpKind::Insert, self.text(Side::Right, j));
                    end_line(ops, ends_line);
                }
                Some(i) if self.moved_left[i] => {
                    let mut inner = Vec::new();
                    if let Some(wd) = &self.word_diffs[i] {
                        pair_ops(
                            &mut inner,
                            (&self.units.left[i], self.text(Side::Left, i)),
                            (&self.units.right[j], self.text(Side::Right, j)),
                            wd,
                        );
                    }
                    let edited = inner.iter().any(|o| o.op != OpKind::Equal);
                    ops.push(Op {
                        // Where the sentence stood: the headings down to its left passage.
                        from: Some(self.row.passages.left[self.units.left[i].passage()].place()),
                        ops: if edited { inner } else { Vec::new() },
                        ..Op::new(OpKind::Move, self.text(Side::Right, j))
                    });
                    end_line(ops, ends_line);
                }
                Some(_) => {}
            }
            *next += 1;
        }
    }
}

/// The row as one sequence in left order.
pub(super) fn unified(
    row: &Row,
    left: &[Unit],
    right: &[Unit],
    pairing: &Pairing,
    word_diffs: &[Option<WordDiff>],
    moved_left: &[bool],
) -> Vec<Op> {
    let mut partner = vec![None; right.len()];
    for p in &pairing.pairs {
        partner[p.units.right] = Some(p.units.left);
    }
    let sides = Walk {
        row,
        units: Sides::new(left, right),
        word_diffs,
        moved_left,
        partner,
    };
    let mut ops = Vec::new();
    let mut next_right = 0;
    for (i, u) in left.iter().enumerate() {
        match &word_diffs[i] {
            None => {
                push_op(&mut ops, OpKind::Delete, sides.text(Side::Left, i));
                end_line(&mut ops, u.ends_line);
            }
            Some(_) if moved_left[i] => {}
            Some(wd) => {
                let j = pairing
                    .pairs
                    .binary_search_by_key(&i, |p| p.units.left)
                    .map_or(0, |k| pairing.pairs[k].units.right);
                sides.flush_right(&mut ops, &mut next_right, j);
                next_right = next_right.max(j + 1);
                pair_ops(
                    &mut ops,
                    (u, sides.text(Side::Left, i)),
                    (&right[j], sides.text(Side::Right, j)),
                    wd,
                );
                end_line(&mut ops, u.ends_line || right[j].ends_line);
            }
        }
    }
    sides.flush_right(&mut ops, &mut next_right, right.len());
    ops
}
