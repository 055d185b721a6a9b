//! Stage 6, diff: the two sides of a row to marked text, in two levels. Sentences are paired first
//! (similar ones pair up even when reordered; one that changed place is a move), then each pair is
//! diffed word by word over tokens with `similar`'s Myers under a deadline.
//!
//! Owns: sentence pairing, the word diff and its clean-up, per-row statistics. Works on folded text
//! and maps every mark back to the original characters. Must not know how marks are drawn.

mod jieba;
mod pair;
pub mod tokenize;
mod words;

use std::ops::Range;
use std::time::Instant;

use crate::align::{Passage, Row};
use crate::normalize::{Folded, fold};
use crate::text::{Fingerprint, is_blank, split_sentences};

pub use jieba::{CharSet, JiebaTokenizer};
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
}

/// A marked range of one passage's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub mark: Mark,
    /// A number that changed (`16次` → `119次`), worth a stronger highlight.
    pub figure: bool,
}

/// One step of the row's unified diff, as in the JSON `diff` array.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Op {
    pub op: OpKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Delete,
    Insert,
    Move,
}

/// A figure that changed between paired sentences: `法律咨询` `16次` → `119次`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FigureChange {
    /// The words just before the figure, for context.
    pub context: String,
    pub before: String,
    pub after: String,
}

/// A sentence of one side: its passage and its byte range in that passage's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRef {
    pub passage: usize,
    pub range: Range<usize>,
    /// The last sentence of its line (paragraph) in the passage.
    pub ends_line: bool,
}

/// Two sentences paired across the sides: indices into [`RowDiff::units`] and their places.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub left_unit: usize,
    pub right_unit: usize,
    pub left: (usize, Range<usize>),
    pub right: (usize, Range<usize>),
    pub similarity: f32,
    pub moved: bool,
}

/// Characters (blanks excluded) per kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub unchanged: usize,
}

impl Stats {
    pub fn add(&mut self, other: &Stats) {
        self.inserted += other.inserted;
        self.deleted += other.deleted;
        self.moved += other.moved;
        self.unchanged += other.unchanged;
    }

    /// Share of characters that changed, 0–1.
    pub fn change_ratio(&self) -> f32 {
        let changed = self.inserted + self.deleted;
        let total = changed + 2 * (self.unchanged + self.moved);
        if total == 0 { 0.0 } else { changed as f32 / total as f32 }
    }
}

/// The diff of one row.
#[derive(Debug, Clone, Default)]
pub struct RowDiff {
    /// Marks per left passage, in text order, covering every sentence.
    pub left: Vec<Vec<Span>>,
    pub right: Vec<Vec<Span>>,
    /// Sentences of each side in order: `[left, right]`.
    pub units: [Vec<UnitRef>; 2],
    /// Sentence pairs, sorted by left unit.
    pub links: Vec<Link>,
    pub ops: Vec<Op>,
    pub figures: Vec<FigureChange>,
    pub stats: Stats,
    /// Some sentence pairs were compared whole, not word by word (no tokenizer, or the deadline
    /// passed).
    pub coarse: bool,
}

/// A sentence of one side, ready for pairing.
#[derive(Debug, Clone)]
struct Unit {
    passage: usize,
    range: Range<usize>,
    folded: Folded,
    /// The last sentence of its line: the unified ops end it with a line break.
    ends_line: bool,
}

fn units(passages: &[Passage]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (pi, p) in passages.iter().enumerate() {
        let mut line_start = 0;
        for line in p.text.split('\n') {
            for r in split_sentences(line) {
                let range = line_start + r.start..line_start + r.end;
                let s = &p.text[range.clone()];
                if s.chars().all(is_blank) {
                    continue;
                }
                out.push(Unit {
                    passage: pi,
                    range,
                    folded: fold(s),
                    ends_line: false,
                });
            }
            if let Some(last) = out.last_mut().filter(|u| u.passage == pi) {
                last.ends_line = true;
            }
            line_start += line.len() + 1;
        }
    }
    out
}

fn count_chars(s: &str) -> usize {
    s.chars().filter(|&c| !is_blank(c)).count()
}

/// A row's sentences and how they pair across the sides: the part of the diff that needs no
/// segmenter, computed once per row and reused by every word diff of it.
#[derive(Debug, Clone, Default)]
pub struct PairedRow {
    left: Vec<Unit>,
    right: Vec<Unit>,
    pairing: pair::Pairing,
}

impl PairedRow {
    /// Splits the row's passages into sentences and pairs them.
    pub fn new(row: &Row) -> Self {
        let left = units(&row.left);
        let right = units(&row.right);
        // Fingerprints serve the pairing only, of the sentences without a twin; they are not kept.
        let pairing = pair::pair_units(&left, &right, |side, k| {
            let (units, passages) = match side {
                pair::Side::Left => (&left, &row.left),
                pair::Side::Right => (&right, &row.right),
            };
            let u = &units[k];
            Fingerprint::new(&passages[u.passage].text[u.range.clone()])
        });
        PairedRow { left, right, pairing }
    }

    /// The (folded) sentences a word diff segments: both sides of every pair that differs.
    pub fn texts_to_segment(&self) -> impl Iterator<Item = &str> {
        self.pairing.pairs.iter().flat_map(|p| {
            let (l, r) = (&self.left[p.left].folded.text, &self.right[p.right].folded.text);
            let differ = l != r;
            [l.as_str(), r.as_str()].into_iter().filter(move |_| differ)
        })
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
    let PairedRow { left, right, pairing } = paired;
    let unit_refs = |us: &[Unit]| {
        us.iter()
            .map(|u| UnitRef {
                passage: u.passage,
                range: u.range.clone(),
                ends_line: u.ends_line,
            })
            .collect()
    };
    let mut out = RowDiff {
        left: vec![Vec::new(); row.left.len()],
        right: vec![Vec::new(); row.right.len()],
        units: [unit_refs(left), unit_refs(right)],
        ..RowDiff::default()
    };
    let mut word_diffs: Vec<Option<words::WordDiff>> = vec![None; left.len()];
    for p in &pairing.pairs {
        let (l, r) = (&left[p.left], &right[p.right]);
        let whole = tokenizer.is_none() || deadline.is_some_and(|d| Instant::now() > d);
        out.coarse |= whole && l.folded.text != r.folded.text;
        let wd = words::diff(
            &l.folded.text,
            &r.folded.text,
            tokenizer.unwrap_or(&CharTokenizer),
            deadline,
            whole,
        );
        out.links.push(Link {
            left_unit: p.left,
            right_unit: p.right,
            left: (l.passage, l.range.clone()),
            right: (r.passage, r.range.clone()),
            similarity: p.similarity,
            moved: p.moved,
        });
        word_diffs[p.left] = Some(wd);
    }
    let right_partner: Vec<Option<usize>> = {
        let mut v = vec![None; right.len()];
        for p in &pairing.pairs {
            v[p.right] = Some(p.left);
        }
        v
    };
    let moved_left: Vec<bool> = {
        let mut v = vec![false; left.len()];
        for p in pairing.pairs.iter().filter(|p| p.moved) {
            v[p.left] = true;
        }
        v
    };

    // Marks per side.
    for (i, u) in left.iter().enumerate() {
        match &word_diffs[i] {
            None => push_span(&mut out.left[u.passage], u.range.clone(), Mark::Deleted, false),
            Some(wd) => {
                for piece in &wd.pieces {
                    let mark = match (piece.changed, moved_left[i]) {
                        (true, _) => Mark::Deleted,
                        (false, true) => Mark::Moved,
                        (false, false) => Mark::Equal,
                    };
                    let r = u.folded.to_original(piece.old.clone());
                    let r = u.range.start + r.start..u.range.start + r.end;
                    push_span(&mut out.left[u.passage], r, mark, piece.figure);
                }
            }
        }
    }
    for (j, u) in right.iter().enumerate() {
        match right_partner[j] {
            None => push_span(&mut out.right[u.passage], u.range.clone(), Mark::Inserted, false),
            Some(i) => {
                let wd = word_diffs[i].as_ref().expect("paired units have a word diff");
                for piece in &wd.pieces {
                    let mark = match (piece.changed, moved_left[i]) {
                        (true, _) => Mark::Inserted,
                        (false, true) => Mark::Moved,
                        (false, false) => Mark::Equal,
                    };
                    let r = u.folded.to_original(piece.new.clone());
                    let r = u.range.start + r.start..u.range.start + r.end;
                    push_span(&mut out.right[u.passage], r, mark, piece.figure);
                }
            }
        }
    }

    // Statistics from the marks, so they always agree with what is shown.
    for (pi, list) in out.left.iter().enumerate() {
        for s in list {
            let n = count_chars(&row.left[pi].text[s.range.clone()]);
            match s.mark {
                Mark::Deleted => out.stats.deleted += n,
                Mark::Moved => out.stats.moved += n,
                Mark::Equal => out.stats.unchanged += n,
                Mark::Inserted => {}
            }
        }
    }
    for (pi, list) in out.right.iter().enumerate() {
        out.stats.inserted += list
            .iter()
            .filter(|s| s.mark == Mark::Inserted)
            .map(|s| count_chars(&row.right[pi].text[s.range.clone()]))
            .sum::<usize>();
    }

    out.ops = unified_ops(row, left, right, pairing, &word_diffs, &moved_left);
    out.figures = word_diffs
        .iter()
        .flatten()
        .flat_map(|wd| wd.figures.iter().cloned())
        .collect();
    out
}

/// Appends a span, merging it into the previous one when they touch and are marked alike.
fn push_span(list: &mut Vec<Span>, range: Range<usize>, mark: Mark, figure: bool) {
    if range.is_empty() {
        return;
    }
    if let Some(last) = list.last_mut()
        && last.range.end == range.start
        && last.mark == mark
        && last.figure == figure
    {
        last.range.end = range.end;
        return;
    }
    list.push(Span { range, mark, figure });
}

fn push_op(ops: &mut Vec<Op>, op: OpKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => ops.push(Op {
            op,
            text: text.to_string(),
        }),
    }
}

/// The row as one sequence in left order, right-only and moved sentences placed where they stand on
/// the right.
fn unified_ops(
    row: &Row,
    left: &[Unit],
    right: &[Unit],
    pairing: &pair::Pairing,
    word_diffs: &[Option<words::WordDiff>],
    moved_left: &[bool],
) -> Vec<Op> {
    let mut ops = Vec::new();
    let right_text = |j: usize| {
        (
            &row.right[right[j].passage].text[right[j].range.clone()],
            right[j].ends_line,
        )
    };
    let mut partner_of_right = vec![None; right.len()];
    for p in &pairing.pairs {
        partner_of_right[p.right] = Some(p.left);
    }
    let mut next_right = 0;
    for (i, u) in left.iter().enumerate() {
        match &word_diffs[i] {
            None => {
                push_op(&mut ops, OpKind::Delete, &row.left[u.passage].text[u.range.clone()]);
                end_line(&mut ops, u.ends_line);
            }
            Some(_) if moved_left[i] => {}
            Some(wd) => {
                let j = pairing.pairs.iter().find(|p| p.left == i).map_or(0, |p| p.right);
                flush_right(&mut ops, &mut next_right, j, &partner_of_right, moved_left, &right_text);
                next_right = next_right.max(j + 1);
                let (lt, rt) = (&u.folded, &right[j].folded);
                let lo = &row.left[u.passage].text;
                let ro = &row.right[right[j].passage].text;
                for piece in &wd.pieces {
                    let l = lt.to_original(piece.old.clone());
                    let r = rt.to_original(piece.new.clone());
                    let lo = &lo[u.range.start + l.start..u.range.start + l.end];
                    let ro = &ro[right[j].range.start + r.start..right[j].range.start + r.end];
                    if piece.changed {
                        push_op(&mut ops, OpKind::Delete, lo);
                        push_op(&mut ops, OpKind::Insert, ro);
                    } else {
                        push_op(&mut ops, OpKind::Equal, ro);
                    }
                }
                end_line(&mut ops, u.ends_line || right[j].ends_line);
            }
        }
    }
    flush_right(
        &mut ops,
        &mut next_right,
        right.len(),
        &partner_of_right,
        moved_left,
        &right_text,
    );
    ops
}

/// Ends the last op's text with a line break, as the sentence ended a line in the report.
fn end_line(ops: &mut [Op], ends_line: bool) {
    if let Some(last) = ops.last_mut().filter(|_| ends_line)
        && !last.text.ends_with('\n')
    {
        last.text.push('\n');
    }
}

/// Emits right sentences before `until` that have no in-place partner: inserts and moves.
fn flush_right<'a>(
    ops: &mut Vec<Op>,
    next: &mut usize,
    until: usize,
    partner: &[Option<usize>],
    moved_left: &[bool],
    text: &impl Fn(usize) -> (&'a str, bool),
) {
    while *next < until {
        let (t, ends_line) = text(*next);
        match partner[*next] {
            None => push_op(ops, OpKind::Insert, t),
            Some(i) if moved_left[i] => push_op(ops, OpKind::Move, t),
            Some(_) => {}
        }
        if partner[*next].is_none_or(|i| moved_left[i]) {
            end_line(ops, ends_line);
        }
        *next += 1;
    }
}

#[cfg(test)]
mod tests;
