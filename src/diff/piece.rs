//! A piece of a word diff: what the word diff makes and the figure marking reads.

use std::ops::Range;

/// A run of the diff: equal text, or old text replaced by new text (either may be empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Piece {
    pub changed: bool,
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// A changed figure, short on both sides.
    pub figure: bool,
    /// The numbering marker that opens a line (`二、` `(一)` `1.` `一是`): structure, not content.
    pub numbering: bool,
}

/// A piece of a paired sentence kept with the row's diff: its bytes in the left and the right
/// passage's text (32-bit: inputs stop at 1 GiB, see `load::MAX_BYTES_LIMIT`). The row's steps
/// ([`super::RowDiff::ops`]) are read from these when they are written out, so a comparison holds
/// no copy of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placed {
    old: [u32; 2],
    new: [u32; 2],
    pub changed: bool,
    pub figure: bool,
    pub numbering: bool,
}

impl Placed {
    pub fn new(piece: &Piece, old: Range<usize>, new: Range<usize>) -> Placed {
        use crate::shared::fit_u32;
        Placed {
            old: [fit_u32(old.start), fit_u32(old.end)],
            new: [fit_u32(new.start), fit_u32(new.end)],
            changed: piece.changed,
            figure: piece.figure,
            numbering: piece.numbering,
        }
    }

    /// Equal text filling `old` and `new`.
    pub fn equal(old: Range<usize>, new: Range<usize>) -> Placed {
        // The default piece: unchanged, neither a figure nor numbering.
        Placed::new(&Piece::default(), old, new)
    }

    /// Its bytes in the left passage's text.
    pub fn old(&self) -> Range<usize> {
        self.old[0] as usize..self.old[1] as usize
    }

    /// Its bytes in the right passage's text.
    pub fn new_range(&self) -> Range<usize> {
        self.new[0] as usize..self.new[1] as usize
    }
}

/// Whether a pair's placed pieces are equal text whose right side fills `right` from end to end,
/// as a [`super::Link`]'s no pieces stand for: its steps are then one equal run of the right sentence.
pub(crate) fn plain_equal(pieces: &[Placed], right: Range<usize>) -> bool {
    let mut at = right.start;
    for p in pieces {
        let r = p.new_range();
        if p.changed || (!r.is_empty() && r.start != at) {
            return false;
        }
        at = at.max(r.end);
    }
    at == right.end
}
