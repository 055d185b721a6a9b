//! The whole pipeline for two reports, in one value: outlines, topic scores, alignment and (once a
//! tokenizer is at hand) the diff of every row.

use std::time::{Duration, Instant};

use crate::align::{Alignment, Classified, Filed, Row, align};
use crate::diff::matching::{self, match_sentences};
use crate::diff::{JiebaTokenizer, PairedRow, RowDiff, Stats, Tokenizer, diff_paired};
use crate::halves::join;
use crate::outline::{Document, Sentence};
use crate::sides::{Side, Sides};
use crate::text::Fingerprint;
use crate::topics::{DocTopics, Taxonomy, TopicId, classify, classify_folded};

/// Time allowed for diffing all rows of a comparison before pairs are compared whole.
pub const DIFF_BUDGET: Duration = Duration::from_millis(400);

/// The word diff of each row with its paired sentences within `budget` from now: rows past it
/// are compared sentence by sentence.
pub(crate) fn word_diffs_within<P: std::borrow::Borrow<PairedRow> + Send>(
    rows: &[Row],
    paired: impl IntoIterator<Item = P>,
    tokenizer: &dyn Tokenizer,
    budget: Duration,
) -> Vec<RowDiff> {
    diff_rows(rows, paired, Some(tokenizer), Some(Instant::now() + budget))
}

/// The diff of each row with its paired sentences (borrowed, or owned and dropped one by one).
/// On a large pair, the rows are done in two halves at once (see [`crate::halves`]).
fn diff_rows<P: std::borrow::Borrow<PairedRow> + Send>(
    rows: &[Row],
    paired: impl IntoIterator<Item = P>,
    tokenizer: Option<&dyn Tokenizer>,
    deadline: Option<Instant>,
) -> Vec<RowDiff> {
    let size = |(r, _): &(&Row, P)| r.text_len();
    let rows: Vec<(&Row, P)> = rows.iter().zip(paired).collect();
    crate::halves::map_owned(rows, size, |(r, p)| diff_paired(r, p.borrow(), tokenizer, deadline))
}

/// One report with its topic scores.
#[derive(Debug, Clone)]
pub struct Report {
    pub doc: Document,
    pub topics: DocTopics,
}

impl Report {
    pub fn new(doc: Document, tax: &Taxonomy) -> Self {
        let topics = classify(&doc, &doc.sentences(), tax);
        Self { doc, topics }
    }

    pub fn classified(&self) -> Classified<'_> {
        Classified {
            doc: &self.doc,
            topics: &self.topics,
        }
    }
}

/// One report of a pair on its way through the pipeline: its sentences, filed and prepared.
struct Stage {
    doc: Document,
    sentences: Vec<Sentence>,
    filing: Vec<Option<TopicId>>,
    prepared: matching::Prepared,
}

impl Stage {
    fn new(doc: Document, tax: &Taxonomy) -> Stage {
        let sentences = doc.sentences();
        let prepared = matching::prepare(&doc, &sentences);
        let topics = classify_folded(&doc, &sentences, tax, |k| prepared.folded_text(k, &doc, &sentences[k]));
        let filing = crate::align::filing::file(&doc, &sentences, &topics, tax);
        Stage {
            doc,
            sentences,
            filing,
            prepared,
        }
    }

    /// The report as alignment reads it, which refiles sentences: the filing is handed over, not
    /// copied, as nothing reads it after (a copy was 16 bytes a sentence at the alignment's peak).
    fn filed(&mut self) -> Filed<'_> {
        Filed {
            doc: &self.doc,
            sentences: &self.sentences,
            filing: std::mem::take(&mut self.filing),
        }
    }

    /// What the rows' sentences are made of: the report, where each sentence ends a line, and
    /// the prepared sentences.
    fn for_rows(self) -> (Document, Vec<bool>, matching::Prepared) {
        let ends = self.sentences.iter().map(|s| s.ends_line).collect();
        (self.doc, ends, self.prepared)
    }

    fn report(&self) -> matching::Report<'_> {
        matching::Report {
            doc: &self.doc,
            sentences: &self.sentences,
            prepared: &self.prepared,
            filing: &self.filing,
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
    /// Rows with changes the word diff's time budget left compared sentence by sentence (their
    /// changed sentences marked whole, not word by word).
    pub coarse_rows: usize,
}

impl Summary {
    /// The summary of `alignment`'s rows with their `diffs`, the reports `similarity` alike.
    pub(crate) fn of(alignment: &Alignment, diffs: &[RowDiff], similarity: f32, tax: &Taxonomy) -> Summary {
        let mut s = Summary {
            rows: alignment.rows.len(),
            similarity,
            ..Summary::default()
        };
        for row in &alignment.rows {
            let Some(t) = row.topic.filter(|&t| t != tax.fallback()) else {
                continue;
            };
            let id = tax.topic(t).id.clone();
            match (row.passages.left.is_empty(), row.passages.right.is_empty()) {
                (false, false) => s.topics_both.push(id),
                (false, true) => s.topics_left_only.push(id),
                (true, false) => s.topics_right_only.push(id),
                (true, true) => {}
            }
        }
        for d in diffs {
            s.stats.add(&d.stats);
        }
        s.coarse_rows = coarse_rows(diffs);
        s
    }

    /// What a budget cut short, in words, for every output to say; `None` when nothing was.
    pub fn budget_note(&self) -> Option<String> {
        (self.coarse_rows > 0).then(|| {
            format!(
                "{} {} compared sentence by sentence, not word by word: the word diff ran out of its time budget",
                self.coarse_rows,
                if self.coarse_rows == 1 { "row" } else { "rows" }
            )
        })
    }
}

fn coarse_rows(diffs: &[RowDiff]) -> usize {
    diffs.iter().filter(|d| d.coarse && d.stats.changes > 0).count()
}

/// Two reports compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The reports. Their topic scores served the alignment and are not kept: on large reports
    /// they weigh as much as the text. Shared, so that comparing again after a refiling takes
    /// them to the worker without copying them on the loop.
    pub docs: Sides<std::sync::Arc<Document>>,
    /// Shared, like the diffs: what the interface counts and measures off its loop reads them.
    pub alignment: std::sync::Arc<Alignment>,
    /// The sentences of every row, paired: computed once, for the sentence-level and word diffs.
    /// [`Comparison::diff_all`] uses them up (each row's is dropped once its diff is made).
    pub paired: Vec<PairedRow>,
    /// One per row, once [`Comparison::diff_all`] has run; empty before.
    pub diffs: std::sync::Arc<Vec<RowDiff>>,
    pub(crate) similarity: f32,
}

/// When a report is from, as far as it says: the year it reports on and its signing date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub year: Option<u32>,
    pub date: Option<(u32, u32, u32)>,
}

impl Dated {
    pub fn of(doc: &Document) -> Dated {
        Dated {
            year: doc.year,
            date: doc.date.as_deref().and_then(crate::text::parse_date),
        }
    }

    /// What to call it in a message: the year reported on, else the signing date.
    pub fn label(&self) -> String {
        match (self.year, self.date) {
            (Some(y), _) => y.to_string(),
            (None, Some((y, m, d))) => format!("{y}-{m:02}-{d:02}"),
            (None, None) => "undated".into(),
        }
    }
}

impl Comparison {
    /// The two reports' dates when the left one is the newer (by the year reported on, else by
    /// the signing date): its additions would read as deletions. `None` when in order or unknown.
    pub fn newer_on_the_left(&self) -> Option<Sides<Dated>> {
        let (l, r) = (Dated::of(&self.docs.left), Dated::of(&self.docs.right));
        let newer = match (l.year, r.year) {
            (Some(a), Some(b)) if a != b => a > b,
            _ => matches!((l.date, r.date), (Some(a), Some(b)) if a > b),
        };
        newer.then(|| Sides::new(l, r))
    }

    /// One of the two reports.
    pub fn doc(&self, side: Side) -> &Document {
        &self.docs[side]
    }

    /// Both reports.
    pub fn reports(&self) -> Sides<&Document> {
        self.docs.as_ref().map(|d| &**d)
    }

    /// Files, matches and aligns; no word diff yet (that needs a tokenizer). The two reports are
    /// read on two threads.
    pub fn build(left: Document, right: Document, tax: &Taxonomy) -> Self {
        let (mut left, mut right) = join(|| Stage::new(left, tax), || Stage::new(right, tax));
        let (pairs, similarity) = join(
            || match_sentences(&left.report(), &right.report()),
            // One report's text at a time, each dropped once fingerprinted.
            || {
                let print = |d: &Document| Fingerprint::of_pieces(d.all_len(), |f| d.each_text(f));
                print(&left.doc).dice(&print(&right.doc))
            },
        );
        let alignment = align(left.filed(), right.filed(), &pairs, tax);
        // The rows' sentences need of the reports' only where lines end: the sentences, as
        // large as the rows' units, are let go before those are made.
        let ((l_doc, l_ends, l_prepared), (r_doc, r_ends, r_prepared)) = (left.for_rows(), right.for_rows());
        let paired = PairedRow::for_rows(
            &alignment.rows,
            Sides::new(&l_ends[..], &r_ends[..]),
            Sides::new(l_prepared, r_prepared),
            &pairs,
        );
        drop(pairs);
        Self {
            docs: Sides::new(l_doc, r_doc).map(std::sync::Arc::new),
            alignment: std::sync::Arc::new(alignment),
            paired,
            diffs: std::sync::Arc::default(),
            similarity,
        }
    }

    /// Diffs every row word by word within `budget`; rows past it are compared sentence by sentence.
    /// The sentence pairs are used up as it goes, so that a large comparison does not hold them and
    /// the diffs at once: call [`Comparison::segmenter`] before, not after.
    pub fn diff_all(&mut self, tokenizer: &dyn Tokenizer, budget: Duration) {
        let paired = std::mem::take(&mut self.paired);
        self.diffs = std::sync::Arc::new(word_diffs_within(&self.alignment.rows, paired, tokenizer, budget));
    }

    /// The word-level diffs of every row, without storing them (for a worker thread).
    pub fn word_diffs(&self, tokenizer: &dyn Tokenizer, budget: Duration) -> Vec<RowDiff> {
        word_diffs_within(&self.alignment.rows, &self.paired, tokenizer, budget)
    }

    /// The segmenter for this comparison's word diffs (its dictionary is part of the binary).
    pub fn segmenter(&self) -> JiebaTokenizer {
        JiebaTokenizer::new()
    }

    /// Sentence-level diffs (pairs and moves, no word marks): instant, needs no segmenter.
    pub fn diff_sentences(&mut self) {
        self.diffs = std::sync::Arc::new(diff_rows(&self.alignment.rows, &self.paired, None, None));
    }

    /// Row counts, topic coverage and change totals.
    pub fn summary(&self, tax: &Taxonomy) -> Summary {
        Summary::of(&self.alignment, &self.diffs, self.similarity, tax)
    }

    /// Rows with changes compared sentence by sentence because the word diff's budget ran out
    /// (before word diffs are made, none are counted).
    pub fn coarse_rows(&self) -> usize {
        coarse_rows(&self.diffs)
    }

    /// The topic each sentence of one report is shown under (indices as [`Document::sentences`]):
    /// its row's topic; `None` for a row paired by content alone.
    pub fn filing(&self, side: Side) -> Vec<Option<TopicId>> {
        let n = self.doc(side).sentences().len();
        let mut out = vec![None; n];
        for row in &self.alignment.rows {
            for p in &row.passages[side] {
                for k in p.sentences.clone() {
                    if let Some(slot) = out.get_mut(k as usize) {
                        *slot = row.topic;
                    }
                }
            }
        }
        out
    }

    /// The row of a topic, if either report covers it.
    pub fn row_of(&self, topic: TopicId) -> Option<usize> {
        self.alignment.row_of(topic)
    }

    /// The row the sidebar calls `label`, if there is one.
    pub fn row_labelled(&self, label: &str) -> Option<usize> {
        self.alignment.rows.iter().position(|r| r.label == label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    #[test]
    fn a_stage_scores_its_sentences_from_their_folded_texts_as_classifying_does_on_every_fixture() {
        let tax = Taxonomy::builtin();
        for (path, text) in crate::text::fixture_texts() {
            let doc = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"));
            let sentences = doc.sentences();
            let plain = classify(&doc, &sentences, &tax);
            let stage = Stage::new(doc.clone(), &tax);
            let filing = crate::align::filing::file(&doc, &sentences, &plain, &tax);
            assert_eq!(stage.filing, filing, "{}", path.display());
            let prepared = matching::prepare(&doc, &sentences);
            for (k, s) in sentences.iter().enumerate() {
                let text = doc.sentence_text(s);
                assert_eq!(
                    prepared.folded_text(k, &doc, s),
                    crate::normalize::fold(text).text,
                    "{}: {text}",
                    path.display()
                );
            }
            let folded = classify_folded(&doc, &sentences, &tax, |k| prepared.folded_text(k, &doc, &sentences[k]));
            assert_eq!(folded.sentences, plain.sentences, "{}", path.display());
        }
    }
}
