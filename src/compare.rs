//! The whole pipeline for two reports, in one value: outlines, topic scores, alignment and (once a
//! tokenizer is at hand) the diff of every row.

use std::thread;
use std::time::{Duration, Instant};

use crate::align::{Alignment, Classified, Row, align};
use crate::diff::{JiebaTokenizer, PairedRow, RowDiff, Stats, Tokenizer, diff_paired};
use crate::outline::Document;
use crate::sides::Side;
use crate::text::Fingerprint;
use crate::topics::{DocTopics, Taxonomy, TopicId, classify};

/// Time allowed for diffing all rows of a comparison before pairs are compared whole.
pub const DIFF_BUDGET: Duration = Duration::from_millis(400);

/// The diff of each row with its paired sentences (borrowed, or owned and dropped one by one).
fn diff_rows<P: std::borrow::Borrow<PairedRow>>(
    rows: &[Row],
    paired: impl IntoIterator<Item = P>,
    tokenizer: Option<&dyn Tokenizer>,
    deadline: Option<Instant>,
) -> Vec<RowDiff> {
    rows.iter()
        .zip(paired)
        .map(|(r, p)| diff_paired(r, p.borrow(), tokenizer, deadline))
        .collect()
}

/// The rows' sentences paired, the rows split between two threads by their size.
fn pair_rows(rows: &[Row]) -> Vec<PairedRow> {
    let size = |r: &Row| r.left.iter().chain(&r.right).map(|p| p.text.len()).sum::<usize>();
    let total: usize = rows.iter().map(size).sum();
    let mut acc = 0;
    let split = rows
        .iter()
        .position(|r| {
            acc += size(r);
            acc * 2 >= total
        })
        .map_or(rows.len(), |i| i + 1);
    let (first, second) = rows.split_at(split);
    thread::scope(|s| {
        let second = s.spawn(|| second.iter().map(PairedRow::new).collect::<Vec<_>>());
        let mut out: Vec<PairedRow> = first.iter().map(PairedRow::new).collect();
        out.extend(second.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        out
    })
}

/// One report with its topic scores.
#[derive(Debug, Clone)]
pub struct Report {
    pub doc: Document,
    pub topics: DocTopics,
}

impl Report {
    pub fn new(doc: Document, tax: &Taxonomy) -> Self {
        let topics = classify(&doc, tax);
        Self { doc, topics }
    }

    /// The document, its topic scores dropped.
    fn into_doc(self) -> Document {
        self.doc
    }

    fn classified(&self) -> Classified<'_> {
        Classified {
            doc: &self.doc,
            topics: &self.topics,
        }
    }
}

/// Totals over all rows.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub rows: usize,
    /// Bigram similarity of the two reports as wholes, 0–1.
    pub similarity: f32,
    pub topics_both: Vec<String>,
    pub topics_left_only: Vec<String>,
    pub topics_right_only: Vec<String>,
    #[serde(flatten)]
    pub stats: Stats,
}

/// Two reports compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The reports. Their topic scores served the alignment and are not kept: on large reports
    /// they weigh as much as the text.
    pub left: Document,
    pub right: Document,
    pub alignment: Alignment,
    /// The sentences of every row, paired: computed once, for the sentence-level and word diffs.
    /// [`Comparison::diff_all`] uses them up (each row's is dropped once its diff is made).
    pub paired: Vec<PairedRow>,
    /// One per row, once [`Comparison::diff_all`] has run; empty before.
    pub diffs: Vec<RowDiff>,
    similarity: f32,
}

impl Comparison {
    /// One of the two reports.
    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }

    /// Classifies and aligns; no diff yet (that needs a tokenizer).
    /// The two sides are classified, and the rows' sentences paired, on two threads.
    pub fn build(left: Document, right: Document, tax: &Taxonomy) -> Self {
        let (left, right) = thread::scope(|s| {
            let left = s.spawn(|| Report::new(left, tax));
            let right = Report::new(right, tax);
            (left.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), right)
        });
        let alignment = align(left.classified(), right.classified(), tax);
        // The topic scores go now, before the sentences are paired.
        let (left, right) = (left.into_doc(), right.into_doc());
        let (similarity, paired) = thread::scope(|s| {
            // One report's text at a time, each dropped once fingerprinted.
            let similarity = s.spawn(|| {
                let l = Fingerprint::new(&left.all_text());
                l.dice(&Fingerprint::new(&right.all_text()))
            });
            let paired = pair_rows(&alignment.rows);
            (
                similarity.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                paired,
            )
        });
        Self {
            left,
            right,
            alignment,
            paired,
            diffs: Vec::new(),
            similarity,
        }
    }

    /// Diffs every row word by word within `budget`; rows past it are compared sentence by sentence.
    /// The sentence pairs are used up as it goes, so that a large comparison does not hold them and
    /// the diffs at once: call [`Comparison::segmenter`] before, not after.
    pub fn diff_all(&mut self, tokenizer: &dyn Tokenizer, budget: Duration) {
        let paired = std::mem::take(&mut self.paired);
        self.diffs = diff_rows(
            &self.alignment.rows,
            paired,
            Some(tokenizer),
            Some(Instant::now() + budget),
        );
    }

    /// The word-level diffs of every row, without storing them (for a worker thread).
    pub fn word_diffs(&self, tokenizer: &dyn Tokenizer, budget: Duration) -> Vec<RowDiff> {
        diff_rows(
            &self.alignment.rows,
            &self.paired,
            Some(tokenizer),
            Some(Instant::now() + budget),
        )
    }

    /// A segmenter for this comparison's word diffs: it loads only the dictionary entries that
    /// the sentences to segment can use (on a near-identical pair, almost none) and segments them
    /// exactly as the whole dictionary would.
    pub fn segmenter(&self) -> JiebaTokenizer {
        JiebaTokenizer::for_texts(
            self.paired
                .iter()
                .zip(&self.alignment.rows)
                .flat_map(|(p, row)| p.texts_to_segment(row)),
        )
    }

    /// Sentence-level diffs (pairs and moves, no word marks): instant, needs no segmenter.
    pub fn diff_sentences(&mut self) {
        self.diffs = diff_rows(&self.alignment.rows, &self.paired, None, None);
    }

    /// Row counts, topic coverage and change totals.
    pub fn summary(&self, tax: &Taxonomy) -> Summary {
        let mut s = Summary {
            rows: self.alignment.rows.len(),
            similarity: self.similarity,
            ..Summary::default()
        };
        for row in &self.alignment.rows {
            let Some(t) = row.topic.filter(|&t| t != tax.fallback()) else {
                continue;
            };
            let id = tax.topic(t).id.clone();
            match (row.left.is_empty(), row.right.is_empty()) {
                (false, false) => s.topics_both.push(id),
                (false, true) => s.topics_left_only.push(id),
                (true, false) => s.topics_right_only.push(id),
                (true, true) => {}
            }
        }
        for d in &self.diffs {
            s.stats.add(&d.stats);
        }
        s
    }

    /// The row of a topic, if either report covers it.
    pub fn row_of(&self, topic: TopicId) -> Option<usize> {
        self.alignment.rows.iter().position(|r| r.topic == Some(topic))
    }
}
