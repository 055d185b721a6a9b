//! A piece of a word diff: what the word diff makes and the figure marking reads.

use std::ops::Range;

/// A run of the diff: equal text, or old text replaced by new text (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub changed: bool,
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// A changed figure, short on both sides.
    pub figure: bool,
    /// The numbering marker that opens a line (`二、` `(一)` `1.` `一是`): structure, not content.
    pub numbering: bool,
}
