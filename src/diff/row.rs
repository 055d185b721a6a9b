//! What a row's diff holds: each side's marks and sentences, the pairs across the sides, the
//! pieces of the pairs that changed, the figures that moved and the counts. The unified steps
//! ([`Op`]) are read from these and the row when they are written out.

use std::ops::Range;

use super::piece::Placed;
use super::spans::PassageSpans;
use crate::align::Row;
use crate::shared::fit_u32;
use crate::sides::{Side, Sides};

/// What happened to a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Equal,
    Deleted,
    Inserted,
    /// Unchanged text of a sentence that changed place.
    Moved,
    /// A numbering marker that differs across the sides (`二、` → `三、`, `(一)` → `1.`): structure,
    /// not content, so neither counted nor a stop for next-change.
    Renumbered,
}

/// One step of the row's unified diff, as in the JSON `diff` array.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Op {
    pub op: OpKind,
    /// The text in the right report (the left one for a deletion).
    pub text: String,
    /// `renumber`: the left report's marker; `move`: where the sentence stood in the left report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// `move`: the moved sentence's own word diff (equal, delete, insert and renumber steps).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ops: Vec<Op>,
    /// A delete or insert that is a changed figure (`16次` → `119次`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub figure: bool,
}

impl Op {
    pub fn new(op: OpKind, text: impl Into<String>) -> Self {
        Op {
            op,
            text: text.into(),
            from: None,
            ops: Vec::new(),
            figure: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
    /// A sentence in another place on the right; its `ops` hold any edits.
    Move,
    /// A numbering marker that changed (`text` the new one, `from` the old).
    Renumber,
}

/// A figure that changed between paired sentences: `提供法律咨询` `16次` → `119次`, `+103次`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FigureChange {
    /// What the figure counts: the whole words of its clause before it (`提供法律咨询`, `保留`).
    pub context: String,
    pub before: String,
    pub after: String,
    /// The difference in the figure's unit (`+103次`), when both sides are one number in one unit.
    pub change: Option<String>,
}

/// A sentence of one side: its passage and its byte range in that passage's text, in 12 bytes.
/// 32-bit: a row holds one a sentence (inputs stop at 1 GiB, see `load::MAX_BYTES_LIMIT`, so a
/// passage's index leaves the top bit free: it says whether the sentence ends its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    passage_and_end: u32,
    start: u32,
    end: u32,
}

/// The bit of [`UnitRef::passage_and_end`] that says the sentence ends its line.
const ENDS_LINE: u32 = 1 << 31;

impl UnitRef {
    pub fn new(passage: usize, range: Range<usize>, ends_line: bool) -> UnitRef {
        UnitRef {
            passage_and_end: fit_u32(passage).min(ENDS_LINE - 1) | if ends_line { ENDS_LINE } else { 0 },
            start: fit_u32(range.start),
            end: fit_u32(range.end),
        }
    }

    /// Its passage, as an index into the row side's passages.
    pub fn passage(&self) -> usize {
        (self.passage_and_end & !ENDS_LINE) as usize
    }

    /// The last sentence of its line (paragraph) in the passage.
    pub fn ends_line(&self) -> bool {
        self.passage_and_end & ENDS_LINE != 0
    }

    /// Its bytes in its passage's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Two sentences paired across the sides, as indices into [`RowDiff::units`] (which say where
/// each sentence is). 32-bit, as a row keeps one a pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub(super) units: Sides<u32>,
    pub similarity: f32,
    pub moved: bool,
    /// The words differ, numbering aside.
    pub changed: bool,
    /// Its word diff's pieces in [`RowDiff::pieces`]; none when the pair is the right sentence's
    /// text unchanged from end to end (nearly every pair of a report and its next year's).
    pub(super) pieces: Range<u32>,
}

impl Link {
    /// The paired sentence of one side, as an index into that side's units.
    pub fn unit(&self, side: Side) -> usize {
        self.units[side] as usize
    }
}

/// Characters (blanks excluded) per kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub unchanged: usize,
    /// Sentences that changed: added, dropped, edited or moved (numbering aside).
    pub changes: usize,
    /// Sentences whose only difference is their numbering.
    pub renumbered: usize,
}

impl Stats {
    pub fn add(&mut self, other: &Stats) {
        self.inserted += other.inserted;
        self.deleted += other.deleted;
        self.moved += other.moved;
        self.unchanged += other.unchanged;
        self.changes += other.changes;
        self.renumbered += other.renumbered;
    }
}

/// The diff of one row.
#[derive(Debug, Clone, Default)]
pub struct RowDiff {
    /// Marks per passage of each side, in text order, covering every sentence.
    pub spans: Sides<PassageSpans>,
    /// Sentences of each side in order.
    pub units: Sides<Vec<UnitRef>>,
    /// Sentence pairs, sorted by left unit.
    pub links: Vec<Link>,
    /// The pieces of the pairs whose word diff is more than equal text (see [`Link`]).
    pub(super) pieces: Vec<Placed>,
    pub figures: Vec<FigureChange>,
    pub stats: Stats,
    /// Some sentence pairs were compared whole, not word by word (no tokenizer, or the deadline
    /// passed).
    pub coarse: bool,
}

impl RowDiff {
    /// Gives back what growing the lists took: a comparison keeps every row's diff.
    pub(super) fn shrink_to_fit(&mut self) {
        self.units.left.shrink_to_fit();
        self.units.right.shrink_to_fit();
        self.links.shrink_to_fit();
        self.pieces.shrink_to_fit();
    }

    /// The row's unified steps (the JSON `diff` array, the text and Markdown output), read from
    /// the row this diff was made of.
    pub fn ops(&self, row: &Row) -> Vec<Op> {
        super::ops::unified(row, self)
    }
}
