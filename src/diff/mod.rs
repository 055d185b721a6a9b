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
mod row;
mod spans;
pub mod tokenize;
mod twins;
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
use piece::Placed;
pub use row::{FigureChange, Link, Mark, Op, OpKind, RowDiff, Stats, UnitRef};
pub use spans::{PassageSpans, Span};
pub use tokenize::{CharTokenizer, Tokenizer};

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

    /// Bytes of the folded sentence as bytes of its passage's text.
    fn place(&self, range: Range<usize>) -> Range<usize> {
        let r = match &self.folded {
            Some(f) => f.to_original(range),
            None => range,
        };
        self.range().start + r.start..self.range().start + r.end
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
    /// report's sentences, of which `ends_line` says which end a line) prepared once per report,
    /// and paired as `pairs` say (each pair stands in one row; see
    /// [`matching::match_sentences`]). The prepared sentences are used up.
    pub fn for_rows(
        rows: &[Row],
        ends_line: Sides<&[bool]>,
        mut prepared: Sides<Prepared>,
        pairs: &[SentencePair],
    ) -> Vec<PairedRow> {
        const NOWHERE: (u32, u32) = (u32::MAX, u32::MAX);
        let mut at: Sides<Vec<(u32, u32)>> = Sides::new(
            vec![NOWHERE; ends_line.left.len()],
            vec![NOWHERE; ends_line.right.len()],
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
                            if g >= prepared[side].len() {
                                continue;
                            }
                            at[side][g] = (ri as u32, us.len() as u32);
                            us.push(Unit {
                                passage: pi as u32,
                                start,
                                end,
                                marker: prepared[side].marker(g),
                                ends_line: k == last || ends_line[side].get(g).is_some_and(|&e| e),
                                folded: prepared[side].take_folded(g),
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
                    units: Sides::new(l.1, r.1),
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
    diff_keeping(row, paired, tokenizer, deadline, Keep::Needed)
}

/// Which pairs' pieces a row's diff keeps: those [`Link`] cannot stand for without them, or
/// (to test that the two read alike) all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Needed,
    #[cfg(test)]
    All,
}

fn diff_keeping(
    row: &Row,
    paired: &PairedRow,
    tokenizer: Option<&dyn Tokenizer>,
    deadline: Option<Instant>,
    keep: Keep,
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
        let (l, r) = (&left[p.left()], &right[p.right()]);
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
        let start = out.pieces.len();
        out.pieces.extend(
            wd.pieces
                .iter()
                .map(|piece| Placed::new(piece, l.place(piece.old.clone()), r.place(piece.new.clone()))),
        );
        if keep == Keep::Needed && piece::plain_equal(&out.pieces[start..], r.range()) {
            out.pieces.truncate(start);
        }
        out.links.push(Link {
            units: p.units,
            similarity: p.similarity,
            moved: p.moved,
            changed,
            pieces: fit_u32(start)..fit_u32(out.pieces.len()),
        });
        word_diffs[p.left()] = Some(wd);
    }
    let right_partner: Vec<Option<usize>> = {
        let mut v = vec![None; right.len()];
        for p in &pairing.pairs {
            v[p.right()] = Some(p.left());
        }
        v
    };
    let moved_left: Vec<bool> = {
        let mut v = vec![false; left.len()];
        for p in pairing.pairs.iter().filter(|p| p.moved) {
            v[p.left()] = true;
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
                    out.spans
                        .left
                        .push(u.passage(), u.place(piece.old.clone()), mark, piece.figure);
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
                    out.spans
                        .right
                        .push(u.passage(), u.place(piece.new.clone()), mark, piece.figure);
                }
            }
        }
    }

    out.spans.left.finish(row.passages.left.len());
    out.spans.right.finish(row.passages.right.len());

    // Statistics from the marks, so they always agree with what is shown.
    for (pi, list) in out.spans.left.iter().enumerate() {
        for s in list {
            let n = count_chars(&row.passages.left[pi].text[s.range()]);
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
            .map(|s| count_chars(&row.passages.right[pi].text[s.range()]))
            .sum::<usize>();
    }

    out.stats.changes += left.len() + right.len() - 2 * pairing.pairs.len();
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
