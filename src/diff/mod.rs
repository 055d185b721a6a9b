//! Stage 6, diff: the two sides of a row to marked text, in two levels. Sentences are paired first
//! (similar ones pair up even when reordered; one that changed place is a move), then each pair is
//! diffed word by word over tokens with `similar`'s Myers under a deadline.
//!
//! Owns: sentence pairing, the word diff and its clean-up, per-row statistics. Works on folded text
//! and maps every mark back to the original characters. Must not know how marks are drawn.

pub(crate) mod figures;
mod jieba;
pub mod matching;
mod ops;
mod pair;
mod piece;
mod spans;
pub mod tokenize;
mod words;

use std::ops::Range;
use std::time::Instant;

use crate::align::{Passage, Row};
use crate::normalize::{Folded, fold};
use crate::numbering::parse_marker;
use crate::shared::fit_u32;
use crate::sides::{Side, Sides};
use crate::text::is_blank;

pub use jieba::{JiebaTokenizer, jieba_terms};
pub use matching::{Prepared, SentencePair};
pub use pair::longest_increasing;
pub use spans::{PassageSpans, Span};
pub use tokenize::{CharTokenizer, Tokenizer};

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

/// A sentence of one side: its passage and its byte range in that passage's text. 32-bit: a row
/// holds one a sentence (inputs stop at 1 GiB, see `load::MAX_BYTES_LIMIT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    passage: u32,
    start: u32,
    end: u32,
    /// The last sentence of its line (paragraph) in the passage.
    pub ends_line: bool,
}

impl UnitRef {
    pub fn new(passage: usize, range: Range<usize>, ends_line: bool) -> UnitRef {
        UnitRef {
            passage: fit_u32(passage),
            start: fit_u32(range.start),
            end: fit_u32(range.end),
            ends_line,
        }
    }

    /// Its passage, as an index into the row side's passages.
    pub fn passage(&self) -> usize {
        self.passage as usize
    }

    /// Its bytes in its passage's text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Two sentences paired across the sides, as indices into [`RowDiff::units`] (which say where
/// each sentence is).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The sentence of each side, as an index into that side's [`RowDiff::units`].
    pub units: Sides<usize>,
    pub similarity: f32,
    pub moved: bool,
    /// The words differ, numbering aside.
    pub changed: bool,
}

impl Link {
    /// The paired sentence of one side, as an index into that side's units.
    pub fn unit(&self, side: Side) -> usize {
        self.units[side]
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
    pub ops: Vec<Op>,
    pub figures: Vec<FigureChange>,
    pub stats: Stats,
    /// Some sentence pairs were compared whole, not word by word (no tokenizer, or the deadline
    /// passed).
    pub coarse: bool,
}

impl RowDiff {
    /// Gives back what growing the lists took: a comparison keeps every row's diff.
    fn shrink_to_fit(&mut self) {
        self.units.left.shrink_to_fit();
        self.units.right.shrink_to_fit();
        self.links.shrink_to_fit();
        self.ops.shrink_to_fit();
        self.ops.iter_mut().for_each(|op| op.text.shrink_to_fit());
    }
}

/// A sentence of one side, ready for pairing.
#[derive(Debug, Clone)]
struct Unit {
    /// Index of its passage, and its bytes in the passage's text: 32-bit, as a row holds one unit
    /// per sentence (inputs stop at 1 GiB, see `load::MAX_BYTES_LIMIT`).
    passage: u32,
    start: u32,
    end: u32,
    /// Bytes of the folded text taken by a numbering marker opening the line (`二、` `(一)`
    /// `一是`), or 0.
    marker: u16,
    /// The last sentence of its line: the unified ops end it with a line break.
    ends_line: bool,
    /// The sentence folded, where folding changed it (full-width letters, blanks); most Chinese
    /// sentences fold to themselves and are read from their passage instead of copied.
    folded: Option<Box<Folded>>,
}

impl Unit {
    fn passage(&self) -> usize {
        self.passage as usize
    }

    /// Its bytes in its passage's text.
    fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn marker(&self) -> usize {
        usize::from(self.marker)
    }

    /// The folded sentence; `passages` are its side's passages in the row.
    fn text<'a>(&'a self, passages: &'a [Passage]) -> &'a str {
        match &self.folded {
            Some(f) => &f.text,
            None => &passages[self.passage()].text[self.range()],
        }
    }

    /// Bytes of the folded sentence as bytes of the sentence.
    fn to_original(&self, range: Range<usize>) -> Range<usize> {
        match &self.folded {
            Some(f) => f.to_original(range),
            None => range,
        }
    }
}

/// A row's sentences of one side, split as its passages hold them (rows made by hand, for tests).
fn units(passages: &[Passage]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (pi, p) in passages.iter().enumerate() {
        let last = p.units.len().saturating_sub(1);
        for (k, &(start, end)) in p.units.iter().enumerate() {
            let s = &p.text[start as usize..end as usize];
            let folded = Some(fold(s)).filter(|f| f.text != s).map(Box::new);
            let opens = start == 0 || p.text[..start as usize].ends_with('\n');
            let marker = if opens {
                parse_marker(folded.as_ref().map_or(s, |f| &f.text)).map_or(0, |m| m.len)
            } else {
                0
            };
            let ends_line = k == last || p.text[end as usize..].starts_with('\n');
            out.push(Unit {
                passage: pi as u32,
                start,
                end,
                marker: u16::try_from(marker).unwrap_or(0),
                ends_line,
                folded,
            });
        }
    }
    out.shrink_to_fit();
    out
}

/// The folded sentences of `units`, read from their `passages`.
fn texts<'a>(units: &'a [Unit], passages: &'a [Passage]) -> Vec<&'a str> {
    units.iter().map(|u| u.text(passages)).collect()
}

fn count_chars(s: &str) -> usize {
    s.chars().filter(|&c| !is_blank(c)).count()
}

/// A row's sentences and how they pair across the sides: the part of the diff that needs no
/// segmenter, computed once per row and reused by every word diff of it.
#[derive(Debug, Clone, Default)]
pub struct PairedRow {
    units: Sides<Vec<Unit>>,
    pairing: pair::Pairing,
}

impl PairedRow {
    /// The rows of a comparison with their sentences: each passage's sentences (indices into its
    /// report's `sentences`) prepared once per report, and paired as `pairs` say (each pair stands in
    /// one row; see [`matching::match_sentences`]). The prepared sentences are used up.
    pub fn for_rows(
        rows: &[Row],
        sentences: Sides<&[crate::outline::Sentence]>,
        mut prepared: Sides<Vec<Prepared>>,
        pairs: &[SentencePair],
    ) -> Vec<PairedRow> {
        const NOWHERE: (u32, u32) = (u32::MAX, u32::MAX);
        let mut at: Sides<Vec<(u32, u32)>> = Sides::new(
            vec![NOWHERE; sentences.left.len()],
            vec![NOWHERE; sentences.right.len()],
        );
        let mut out: Vec<PairedRow> = rows
            .iter()
            .enumerate()
            .map(|(ri, row)| {
                let side_units = |side: Side| {
                    let mut us = Vec::new();
                    for (pi, p) in row.passages[side].iter().enumerate() {
                        let last = p.units.len().saturating_sub(1);
                        for (k, &(start, end)) in p.units.iter().enumerate() {
                            let g = p.sentences.start as usize + k;
                            let Some(prep) = prepared[side].get_mut(g) else {
                                continue;
                            };
                            at[side][g] = (ri as u32, us.len() as u32);
                            us.push(Unit {
                                passage: pi as u32,
                                start,
                                end,
                                marker: prep.marker,
                                ends_line: k == last || sentences[side].get(g).is_some_and(|s| s.ends_line),
                                folded: prep.folded.take(),
                            });
                        }
                    }
                    us.shrink_to_fit();
                    us
                };
                PairedRow {
                    units: Sides::from_fn(side_units),
                    pairing: pair::Pairing::default(),
                }
            })
            .collect();
        for p in pairs {
            let (l, r) = (at.left[p.sentences.left as usize], at.right[p.sentences.right as usize]);
            // Both sentences of a pair stand in one row (the alignment files them together).
            if l.0 == r.0 && l != NOWHERE {
                out[l.0 as usize].pairing.pairs.push(pair::Pair {
                    units: Sides::new(l.1 as usize, r.1 as usize),
                    similarity: p.similarity,
                    moved: p.moved,
                });
            }
        }
        for row in &mut out {
            row.pairing.pairs.sort_by_key(|p| p.units.left);
        }
        out
    }

    /// Splits the row's passages into sentences and pairs them (a row on its own: in place means
    /// in order within the row).
    pub fn new(row: &Row) -> Self {
        let us = row.passages.as_ref().map(|ps| units(ps));
        // Fingerprints serve the pairing only, of the sentences without a twin; they are not kept.
        let ts = Sides::from_fn(|side| texts(&us[side], &row.passages[side]));
        let pairing = pair::pair_units(&ts.left, &ts.right, |side, k| {
            let u = &us[side][k];
            &row.passages[side][u.passage()].text[u.range()]
        });
        PairedRow { units: us, pairing }
    }
}

/// Diffs one row. Without a tokenizer, paired sentences are compared whole (sentence level only,
/// instant); `deadline` bounds the whole row, and past it pairs are compared whole too.
pub fn diff_row(row: &Row, tokenizer: Option<&dyn Tokenizer>, deadline: Option<Instant>) -> RowDiff {
    diff_paired(row, &PairedRow::new(row), tokenizer, deadline)
}

/// Diffs one row whose sentences are already paired (`paired` must come from this row).
pub fn diff_paired(
    row: &Row,
    paired: &PairedRow,
    tokenizer: Option<&dyn Tokenizer>,
    deadline: Option<Instant>,
) -> RowDiff {
    let PairedRow { units, pairing } = paired;
    let (left, right) = (&units.left, &units.right);
    let unit_refs = |us: &[Unit]| {
        us.iter()
            .map(|u| UnitRef::new(u.passage(), u.range(), u.ends_line))
            .collect()
    };
    let mut out = RowDiff {
        units: units.as_ref().map(|us| unit_refs(us)),
        ..RowDiff::default()
    };
    let mut word_diffs: Vec<Option<words::WordDiff>> = vec![None; left.len()];
    for p in &pairing.pairs {
        let (l, r) = (&left[p.units.left], &right[p.units.right]);
        let whole = tokenizer.is_none() || deadline.is_some_and(|d| Instant::now() > d);
        let (lt, rt) = (l.text(&row.passages.left), r.text(&row.passages.right));
        out.coarse |= whole && lt != rt;
        let wd = words::diff_numbered(
            lt,
            rt,
            (l.marker(), r.marker()),
            tokenizer.unwrap_or(&CharTokenizer),
            deadline,
            whole,
        );
        let changed = wd.pieces.iter().any(|p| p.changed && !p.numbering);
        if changed || p.moved {
            out.stats.changes += 1;
        } else if wd.pieces.iter().any(|p| p.changed) {
            out.stats.renumbered += 1;
        }
        out.links.push(Link {
            units: p.units,
            similarity: p.similarity,
            moved: p.moved,
            changed,
        });
        word_diffs[p.units.left] = Some(wd);
    }
    let right_partner: Vec<Option<usize>> = {
        let mut v = vec![None; right.len()];
        for p in &pairing.pairs {
            v[p.units.right] = Some(p.units.left);
        }
        v
    };
    let moved_left: Vec<bool> = {
        let mut v = vec![false; left.len()];
        for p in pairing.pairs.iter().filter(|p| p.moved) {
            v[p.units.left] = true;
        }
        v
    };

    // Marks per side.
    for (i, u) in left.iter().enumerate() {
        match &word_diffs[i] {
            None => out.spans.left.push(u.passage(), u.range(), Mark::Deleted, false),
            Some(wd) => {
                for piece in &wd.pieces {
                    let mark = match (piece.changed, moved_left[i]) {
                        (true, _) if piece.numbering => Mark::Renumbered,
                        (true, _) => Mark::Deleted,
                        (false, true) => Mark::Moved,
                        (false, false) => Mark::Equal,
                    };
                    let r = u.to_original(piece.old.clone());
                    let r = u.range().start + r.start..u.range().start + r.end;
                    out.spans.left.push(u.passage(), r, mark, piece.figure);
                }
            }
        }
    }
    for (j, u) in right.iter().enumerate() {
        match right_partner[j] {
            None => out.spans.right.push(u.passage(), u.range(), Mark::Inserted, false),
            Some(i) => {
                let wd = word_diffs[i].as_ref().expect("paired units have a word diff");
                for piece in &wd.pieces {
                    let mark = match (piece.changed, moved_left[i]) {
                        (true, _) if piece.numbering => Mark::Renumbered,
                        (true, _) => Mark::Inserted,
                        (false, true) => Mark::Moved,
                        (false, false) => Mark::Equal,
                    };
                    let r = u.to_original(piece.new.clone());
                    let r = u.range().start + r.start..u.range().start + r.end;
                    out.spans.right.push(u.passage(), r, mark, piece.figure);
                }
            }
        }
    }

    out.spans.left.finish(row.passages.left.len());
    out.spans.right.finish(row.passages.right.len());

    // Statistics from the marks, so they always agree with what is shown.
    for (pi, list) in out.spans.left.iter().enumerate() {
        for s in list {
            let n = count_chars(&row.passages.left[pi].text[s.range.clone()]);
            match s.mark {
                Mark::Deleted => out.stats.deleted += n,
                Mark::Moved => out.stats.moved += n,
                Mark::Equal | Mark::Renumbered => out.stats.unchanged += n,
                Mark::Inserted => {}
            }
        }
    }
    for (pi, list) in out.spans.right.iter().enumerate() {
        out.stats.inserted += list
            .iter()
            .filter(|s| s.mark == Mark::Inserted)
            .map(|s| count_chars(&row.passages.right[pi].text[s.range.clone()]))
            .sum::<usize>();
    }

    out.stats.changes += left.len() + right.len() - 2 * pairing.pairs.len();
    out.ops = ops::unified(row, left, right, pairing, &word_diffs, &moved_left);
    out.figures = word_diffs
        .iter()
        .flatten()
        .flat_map(|wd| wd.figures.iter().cloned())
        .collect();
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests;
