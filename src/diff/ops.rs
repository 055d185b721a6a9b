//! The row as one unified sequence of steps (the JSON `diff` array, the text and Markdown output, the
//! inline view): left order, with right-only and moved sentences placed where they stand on the
//! right. A moved sentence carries its own word diff and the place it came from; a changed
//! numbering marker is a `renumber` step, apart from content.

use super::piece::Placed;
use super::{Link, Op, OpKind, RowDiff, UnitRef};
use crate::align::Row;
use crate::sides::Side;

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
/// (or equal text, when it did not change). `texts` are the two passages' texts.
fn pair_ops(ops: &mut Vec<Op>, texts: (&str, &str), pieces: &[Placed]) {
    let (lo, ro) = texts;
    for piece in pieces {
        let (lt, rt) = (&lo[piece.old()], &ro[piece.new_range()]);
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

/// What the walk through a row in left order reads: the row, its diff, and each sentence's pair.
struct Walk<'a> {
    row: &'a Row,
    diff: &'a RowDiff,
    /// The pair of each left sentence.
    link: Vec<Option<&'a Link>>,
    /// The left partner of each right sentence.
    partner: Vec<Option<usize>>,
}

impl Walk<'_> {
    fn unit(&self, side: Side, k: usize) -> &UnitRef {
        &self.diff.units[side][k]
    }

    /// The text of sentence `k` of one side.
    fn text(&self, side: Side, k: usize) -> &str {
        let u = self.unit(side, k);
        &self.row.passages[side][u.passage()].text[u.range()]
    }

    /// The steps of a pair: its pieces, or the right sentence as equal text when it has none.
    fn pair_ops(&self, ops: &mut Vec<Op>, link: &Link) {
        let (l, r) = (
            self.unit(Side::Left, link.unit(Side::Left)),
            self.unit(Side::Right, link.unit(Side::Right)),
        );
        let texts = (
            self.row.passages.left[l.passage()].text.as_str(),
            self.row.passages.right[r.passage()].text.as_str(),
        );
        let pieces = &self.diff.pieces[link.pieces.start as usize..link.pieces.end as usize];
        if pieces.is_empty() {
            pair_ops(ops, texts, &[Placed::equal(l.range(), r.range())]);
        } else {
            pair_ops(ops, texts, pieces);
        }
    }

    /// Emits right sentences before `until` that have no in-place partner: inserts and moves.
    fn flush_right(&self, ops: &mut Vec<Op>, next: &mut usize, until: usize) {
        while *next < until {
            let j = *next;
            let ends_line = self.unit(Side::Right, j).ends_line();
            match self.partner[j].and_then(|i| self.link[i]) {
                None => {
                    push_op(ops, OpKind::Insert, self.text(Side::Right, j));
                    end_line(ops, ends_line);
                }
                Some(link) if link.moved => {
                    let mut inner = Vec::new();
                    self.pair_ops(&mut inner, link);
                    let edited = inner.iter().any(|o| o.op != OpKind::Equal);
                    let from = self.unit(Side::Left, link.unit(Side::Left)).passage();
                    ops.push(Op {
                        // Where the sentence stood: the headings down to its left passage.
                        from: Some(self.row.passages.left[from].place()),
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

/// The row as one sequence in left order, from its diff (`diff` must come from `row`).
pub(super) fn unified(row: &Row, diff: &RowDiff) -> Vec<Op> {
    let (left, right) = (&diff.units.left, &diff.units.right);
    let mut link = vec![None; left.len()];
    let mut partner = vec![None; right.len()];
    for l in &diff.links {
        link[l.unit(Side::Left)] = Some(l);
        partner[l.unit(Side::Right)] = Some(l.unit(Side::Left));
    }
    let walk = Walk {
        row,
        diff,
        link,
        partner,
    };
    let mut ops = Vec::new();
    let mut next_right = 0;
    for (i, u) in left.iter().enumerate() {
        match walk.link[i] {
            None => {
                push_op(&mut ops, OpKind::Delete, walk.text(Side::Left, i));
                end_line(&mut ops, u.ends_line());
            }
            Some(l) if l.moved => {}
            Some(l) => {
                let j = l.unit(Side::Right);
                walk.flush_right(&mut ops, &mut next_right, j);
                next_right = next_right.max(j + 1);
                walk.pair_ops(&mut ops, l);
                end_line(&mut ops, u.ends_line() || right[j].ends_line());
            }
        }
    }
    walk.flush_right(&mut ops, &mut next_right, right.len());
    ops
}
