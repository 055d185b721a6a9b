//! What the screen will read first, made on the worker where the work is: a refiling's
//! comparison comes back with the row it goes to measured and the search's matches counted
//! ([`Ahead`]); a large pair's reports are measured for the document view once the word marks
//! are in ([`MeasuredDocs`]); a very long row is measured when it is shown ([`MeasuredRow`]), a
//! line saying so standing in meanwhile. Each is installed with what it was made for, and only while that
//! still holds: the view may have moved on meanwhile.

use super::{App, Caches, DocKey, Filter, PlaceMarks, RowKey, count_matches, measure_docs, measure_row};
use crate::sides::Sides;
use crate::view::document::DocLayout;
use crate::view::layout::RowLayout;

/// What the screen reads first once a comparison made off the loop (a refiling's) is installed,
/// to be made where the comparison is: the row it will show, measured for the view as it stands,
/// and the search's counts. Each is installed with its key, so that it serves only if the view is
/// still as it was (it may have moved on meanwhile).
pub(in crate::view) struct Ahead {
    /// The row shown when the job was sent, and the label of the row to go to on arrival.
    row: usize,
    label: Option<String>,
    key: RowKey,
    search: Option<(String, Filter)>,
}

/// What [`Ahead`] made.
#[derive(Debug, Clone, Default)]
pub(in crate::view) struct Ready {
    pub(super) row: Option<(RowKey, RowLayout)>,
    pub(super) match_counts: Option<((String, Filter), Vec<usize>)>,
}

impl Ahead {
    /// Measures the row and counts the matches on `cmp`, the comparison about to be installed.
    pub(in crate::view) fn ready(&self, cmp: &crate::compare::Comparison) -> Ready {
        let last = cmp.alignment.rows.len().saturating_sub(1);
        // Where installing goes: the labelled row, else the row shown as far as there are rows.
        let row = (self.label.as_deref())
            .and_then(|l| cmp.row_labelled(l))
            .unwrap_or(self.row.min(last));
        let key = RowKey {
            row,
            ..self.key.clone()
        };
        Ready {
            row: Some((key.clone(), measure_row(&cmp.alignment.rows, &cmp.diffs, &key))),
            match_counts: self.search.clone().map(|k| {
                let counts = count_matches(&cmp.alignment.rows, &cmp.diffs, &k);
                (k, counts)
            }),
        }
    }
}

impl Caches {
    /// Caches made afresh for a new comparison, with what was made ahead for it.
    pub(in crate::view) fn with_ready(ready: Ready) -> Caches {
        Caches {
            row: ready.row,
            match_counts: ready.match_counts,
            ..Caches::default()
        }
    }
}

/// Both reports measured off the loop for the document view (see [`App::measure_docs_ahead`]),
/// with the key they were measured for and the marks they were measured from.
#[derive(Clone)]
pub struct MeasuredDocs {
    key: DocKey,
    marks: std::sync::Arc<Sides<PlaceMarks>>,
    layouts: [DocLayout; 2],
}

impl std::fmt::Debug for MeasuredDocs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MeasuredDocs")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

/// A search's matches in every row, counted off the loop (see [`App::match_counts_now`]), with
/// the search and the diffs they were counted on.
#[derive(Clone)]
pub struct Counted {
    pub(super) key: (String, Filter),
    pub(super) diffs: std::sync::Arc<Vec<crate::diff::RowDiff>>,
    pub(super) counts: Vec<usize>,
}

impl std::fmt::Debug for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Counted")
            .field("key", &self.key)
            .finish_non_exhaustive()
    }
}

impl App {
    /// Installs the counts made off the loop if they are of the search being counted, on the
    /// diffs in place.
    pub(in crate::view) fn install_counts(&mut self, counted: Counted) {
        if self.caches.counting.as_ref() == Some(&counted.key)
            && std::sync::Arc::ptr_eq(&counted.diffs, &self.cmp.diffs)
        {
            self.caches.counting = None;
            self.caches.match_counts = Some((counted.key, counted.counts));
        }
    }

    /// On a large pair in a terminal session, once the word marks are in: both reports measured
    /// for the document view off the loop, so that the first `d` finds them ready.
    pub(in crate::view) fn measure_docs_ahead(&mut self) {
        if !self.background || !self.large() || self.caches.docs_in_flight {
            return;
        }
        // The document view is side by side whatever the rows view is.
        let geometry = crate::view::Geometry::new(
            self.geometry.width,
            self.geometry.total_height,
            self.prefs.sidebar,
            false,
        );
        let key = self.doc_key(&geometry);
        self.send_docs(key);
    }

    /// Sends both reports to the worker to be measured for `key` from the marks in place.
    pub(in crate::view) fn send_docs(&mut self, key: DocKey) {
        self.caches.docs_in_flight = true;
        let marks = self.place_marks().clone();
        let docs = self.cmp.docs.clone();
        self.effects
            .push(crate::view::Effect::Background(crate::view::Work::new(move || {
                let layouts = measure_docs(docs.as_ref().map(|d| &**d), &marks, &key.0, key.1.swapped, true);
                crate::view::Input::DocsMeasured(Box::new(MeasuredDocs {
                    key: key.clone(),
                    marks: marks.clone(),
                    layouts,
                }))
            })));
    }

    /// Installs the documents measured off the loop if they were measured from the marks in place
    /// (the comparison and its diffs the same) and nothing else stands in their place: none yet, or
    /// the stand-ins shown while they were measured. The document view then checks their key as
    /// it would its own; measured from other marks, they are measured again if the view waits.
    pub(in crate::view) fn install_docs(&mut self, measured: MeasuredDocs) {
        self.caches.docs_in_flight = false;
        let free = self.caches.docs.is_none() || self.caches.docs_pending;
        let current = self.caches.place_marks.as_ref();
        if free && current.is_some_and(|m| std::sync::Arc::ptr_eq(m, &measured.marks)) {
            let waited = self.caches.docs_pending;
            self.caches.docs = Some((measured.key, measured.layouts));
            self.caches.docs_pending = false;
            if waited && self.in_document() {
                // The view opened on stand-ins: it goes to the row it was opened on.
                self.show_row_in_documents();
            }
            return;
        }
        let lines = measured.layouts[0].lines.len().max(measured.layouts[1].lines.len());
        self.let_go_of(measured.layouts, lines);
        if !free {
            return;
        }
        if let Some(key) = self.caches.docs.as_ref().filter(|_| self.caches.docs_pending) {
            let key = key.0.clone();
            self.send_docs(key);
        } else {
            self.measure_docs_ahead();
        }
    }

    /// What the screen will read once a comparison made off the loop is installed (see [`Ahead`]).
    pub(in crate::view) fn ahead(&self, label: Option<String>) -> Ahead {
        let mut key = self.row_key(self.row);
        // An installed comparison has its word marks.
        key.opts.marks = true;
        Ahead {
            row: self.row,
            label,
            key,
            search: self.query.clone().map(|q| (q, self.prefs.filter)),
        }
    }
}

/// A long row measured off the loop, for the key it was measured for.
#[derive(Debug, Clone)]
pub struct MeasuredRow {
    key: RowKey,
    /// The rows and diffs it was measured from: it serves only the comparison it was made for.
    diffs: std::sync::Arc<Vec<crate::diff::RowDiff>>,
    layout: RowLayout,
}

impl App {
    /// Sends row `key.row` (`bytes` long) to the worker to be measured for `key`, unless a row is
    /// being measured already (the stand-in's row is sent when that one is back); the stand-in to
    /// show meanwhile.
    pub(in crate::view) fn measure_row_ahead(&mut self, key: &RowKey, bytes: usize) -> RowLayout {
        if !self.caches.row_in_flight {
            self.send_row(key);
        }
        crate::view::layout::laying_out(bytes, if key.inline { 1 } else { 2 })
    }

    fn send_row(&mut self, key: &RowKey) {
        self.caches.row_in_flight = true;
        let (rows, diffs, job) = (self.cmp.alignment.clone(), self.cmp.diffs.clone(), key.clone());
        self.effects
            .push(crate::view::Effect::Background(crate::view::Work::new(move || {
                crate::view::Input::RowMeasured(Box::new(MeasuredRow {
                    key: job.clone(),
                    diffs: diffs.clone(),
                    layout: measure_row(&rows.rows, &diffs, &job),
                }))
            })));
    }

    /// Installs a row measured off the loop, if its stand-in is still what the row shows: the
    /// same key, and the same diffs (the word marks may have come meanwhile).
    pub(in crate::view) fn install_row(&mut self, measured: MeasuredRow) {
        self.caches.row_in_flight = false;
        if !self.caches.row_pending {
            // The row is shown measured by the loop meanwhile (the view went to a shorter one).
            self.let_go(measured.layout);
            return;
        }
        let same = self.caches.row.as_ref().is_some_and(|(k, _)| *k == measured.key)
            && std::sync::Arc::ptr_eq(&self.cmp.diffs, &measured.diffs);
        if same {
            self.caches.row = Some((measured.key, measured.layout));
            self.caches.row_pending = false;
        } else if let Some(key) = self.caches.row.as_ref().map(|(k, _)| k.clone()) {
            // The view moved on meanwhile: the row it shows now.
            self.let_go(measured.layout);
            self.send_row(&key);
        }
    }
}
