//! A comparison without its reports' outlines: what the text and Markdown outputs read (what names
//! each report, the documents it cites, the rows and their diffs). `duibi compare` makes it before
//! the word diff, so that the outlines (on a large pair, a tenth of its peak) are let go before the
//! diffs are made; the interface and the JSON output, which read the outlines, keep the comparison.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use crate::align::Alignment;
use crate::compare::{Comparison, Summary};
use crate::diff::{PairedRow, RowDiff, Tokenizer};
use crate::outline::Document;
use crate::overview::Overview;
use crate::sides::Sides;
use crate::topics::Taxonomy;

/// What an output's header says of one report.
#[derive(Debug, Clone)]
pub struct Cover {
    pub file: String,
    /// [`Document::label`].
    pub label: String,
    /// [`Document::source_kind`].
    pub source_kind: String,
    pub year: Option<u32>,
    pub date: Option<String>,
    /// Every document it cites by name, with its 《》.
    pub cited: BTreeSet<String>,
}

impl Cover {
    pub fn of(doc: &Document) -> Cover {
        Cover {
            file: doc.file.clone(),
            label: doc.label(),
            source_kind: doc.source_kind(),
            year: doc.year,
            date: doc.date.clone(),
            cited: crate::overview::citations(doc),
        }
    }
}

/// A comparison's covers, rows and diffs.
#[derive(Debug, Clone)]
pub struct Digest {
    pub covers: Sides<Cover>,
    pub alignment: Arc<Alignment>,
    /// The rows' paired sentences, until [`Digest::diff_all`] uses them up.
    paired: Vec<PairedRow>,
    pub diffs: Arc<Vec<RowDiff>>,
    similarity: f32,
}

impl Comparison {
    /// The comparison as the text and Markdown outputs read it, its reports let go: the rows'
    /// paired sentences go with it, for [`Digest::diff_all`].
    pub fn into_digest(self) -> Digest {
        let covers = self.reports().map(Cover::of);
        let similarity = self.similarity;
        Digest {
            covers,
            alignment: self.alignment,
            paired: self.paired,
            diffs: self.diffs,
            similarity,
        }
    }

    /// The same, the comparison kept (its diffs shared, not copied; no paired sentences).
    pub fn digest(&self) -> Digest {
        Digest {
            covers: self.reports().map(Cover::of),
            alignment: Arc::clone(&self.alignment),
            paired: Vec::new(),
            diffs: Arc::clone(&self.diffs),
            similarity: self.similarity,
        }
    }
}

impl Digest {
    /// As [`Comparison::diff_all`].
    pub fn diff_all(&mut self, tokenizer: &dyn Tokenizer, budget: Duration) {
        let paired = std::mem::take(&mut self.paired);
        self.diffs = Arc::new(crate::compare::word_diffs_within(
            &self.alignment.rows,
            paired,
            tokenizer,
            budget,
        ));
    }

    /// As [`Comparison::summary`].
    pub fn summary(&self, tax: &Taxonomy) -> Summary {
        Summary::of(&self.alignment, &self.diffs, self.similarity, tax)
    }

    /// As [`Overview::new`].
    pub fn overview(&self, tax: &Taxonomy) -> Overview {
        let dates = self.covers.as_ref().map(|c| c.date.as_deref());
        let cited = self.covers.as_ref().map(|c| &c.cited);
        Overview::of(dates, cited, &self.alignment, &self.diffs, tax)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    /// A digest reads as the comparison it was made from, made before the diff or after, on
    /// every fixture pair: the same summary and overview.
    #[test]
    fn a_digest_sums_up_and_overviews_as_its_comparison_on_every_fixture_pair() {
        let tax = Taxonomy::builtin();
        let texts = crate::text::fixture_texts();
        for pair in texts.windows(2) {
            let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
            let (a, b) = (&pair[0].1, &pair[1].1);
            let mut c = Comparison::build(doc(a), doc(b), &tax);
            let mut d = Comparison::build(doc(a), doc(b), &tax).into_digest();
            let tokenizer = c.segmenter();
            c.diff_all(&tokenizer, Duration::from_secs(3600));
            d.diff_all(&tokenizer, Duration::from_secs(3600));
            let name = pair[1].0.display();
            for digest in [&d, &c.digest()] {
                assert_eq!(
                    serde_json::to_string(&digest.summary(&tax)).unwrap(),
                    serde_json::to_string(&c.summary(&tax)).unwrap(),
                    "{name}"
                );
                assert_eq!(
                    serde_json::to_string(&digest.overview(&tax)).unwrap(),
                    serde_json::to_string(&Overview::new(&c, &tax)).unwrap(),
                    "{name}"
                );
                assert_eq!(digest.diffs.len(), c.diffs.len(), "{name}");
            }
        }
    }
}
