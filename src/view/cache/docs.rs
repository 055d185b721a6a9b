//! The whole-document view's layouts: both reports measured for their panes (on the worker for a
//! large pair in a terminal session, a line standing in meanwhile) and each report's changes by
//! place, which they are marked from.

use super::document::{self, DocLayout};
use super::layout::{Filter, Options};
use super::{App, DocKey, PlaceMarks, around, layout_cost};
use crate::sides::{Side, Sides};

/// A document pane's text width: the pane's, less its margin.
pub(super) fn doc_width(widths: &[u16], pane: usize) -> usize {
    widths.get(pane).copied().unwrap_or(40).saturating_sub(2).max(4) as usize
}

/// Both reports measured for panes of `widths` (in pane order, `swapped` or not), both at once
/// when `large`.
pub(super) fn measure_docs(
    docs: Sides<&crate::outline::Document>,
    marks: &Sides<PlaceMarks>,
    widths: &[u16],
    swapped: bool,
    large: bool,
) -> [DocLayout; 2] {
    Sides::from_fn_apart(large, |side| {
        document::measure(docs[side], doc_width(widths, side.pane(swapped)), &marks[side])
    })
    .into_panes(swapped)
}

impl App {
    /// What both documents' layouts depend on, for panes laid out by `geometry`: their widths, and
    /// the view's options, every sentence shown.
    pub(in crate::view) fn doc_key(&self, geometry: &crate::view::Geometry) -> DocKey {
        let widths = geometry.panes.iter().map(|p| p.1).collect();
        let opts = Options {
            filter: Filter::All,
            ..self.options()
        };
        (widths, opts)
    }

    /// Puts `docs` in the place of the documents' layouts, the ones replaced freed off the loop
    /// when long (see [`App::let_go_of`]).
    fn replace_docs(&mut self, docs: (DocKey, [DocLayout; 2])) {
        if let Some((_, old)) = self.caches.docs.replace(docs) {
            let lines = old[0].lines.len().max(old[1].lines.len());
            self.let_go_of(old, lines);
        }
    }

    /// Both documents laid out for the panes, measured whole when anything they depend on changed
    /// (independent of the row), the lines on screen and a margin built.
    pub(in crate::view) fn docs_now(&mut self) -> &[DocLayout; 2] {
        let key = self.doc_key(&self.geometry);
        let (widths, opts) = key.clone();
        let w = |i: usize| doc_width(&widths, i);
        let large = self.large();
        let marks = self.place_marks().clone();
        match self.caches.docs.as_mut() {
            Some((k, _)) if *k == key => {}
            // Only how the lines look changed (a search, numbering, stock wording): where they
            // break stands, so the measure is kept and the lines are built again as they show.
            Some((k, layouts)) if k.0 == key.0 && k.1.swapped == key.1.swapped => {
                layouts.iter_mut().for_each(DocLayout::unbuild);
                *k = key;
            }
            // A large pair in a terminal session: measured on the worker, a line saying so shown
            // meanwhile, so that no key waits on two whole reports.
            _ if self.background && large => {
                let bytes = self.cmp.docs.both().map(|d| d.all_len()).iter().sum();
                let stand_ins = [document::laying_out(bytes), document::laying_out(bytes)];
                self.replace_docs((key.clone(), stand_ins));
                self.caches.docs_pending = true;
                if !self.caches.docs_in_flight {
                    self.send_docs(key);
                }
            }
            _ => {
                let layouts = measure_docs(self.cmp.reports(), &marks, &widths, self.swapped, large);
                self.replace_docs((key, layouts));
                self.caches.docs_pending = false;
            }
        }
        let wants = self.scroll.map(|top| around(top, top, self.geometry.height));
        if let Some((_, layouts)) = self.caches.docs.as_mut() {
            for (pane, layout) in layouts.iter_mut().enumerate() {
                let want = wants[pane].clone();
                if !layout.built(&want) {
                    let side = Side::in_pane(pane, self.swapped);
                    layout.fill(self.cmp.doc(side), side, &marks[side], w(pane), &opts, Some(&want));
                }
            }
        }
        &self.caches.docs.as_ref().expect("just filled").1
    }

    /// The screen line of each match of the search in each report as the document view lays them
    /// out now, placed when first asked for after the search or the layouts changed; `None` with
    /// no search, or while the reports are measured off the loop.
    pub(in crate::view) fn doc_matches_now(&mut self) -> Option<&[Vec<usize>; 2]> {
        let query = self.query.clone()?;
        self.docs_now();
        if self.caches.docs_pending {
            return None;
        }
        let (key, layouts) = self.caches.docs.as_ref()?;
        if self.caches.doc_matches.as_ref().is_none_or(|(k, _)| k != key) {
            let found = [0, 1].map(|pane| {
                let doc = self.cmp.doc(Side::in_pane(pane, self.swapped));
                layouts[pane].match_lines(doc, doc_width(&key.0, pane), &query)
            });
            self.caches.doc_matches = Some((key.clone(), found));
        }
        self.caches.doc_matches.as_ref().map(|(_, m)| m)
    }

    /// What [`App::doc_matches_now`] placed, if it was placed on the layouts shown.
    pub(in crate::view) fn doc_match_lines(&self) -> Option<&[Vec<usize>; 2]> {
        let (key, lines) = self.caches.doc_matches.as_ref()?;
        let shown = self.caches.docs.as_ref().is_some_and(|(k, _)| k == key) && !self.caches.docs_pending;
        shown.then_some(lines)
    }

    /// Whether the pair is large enough to lay both reports out at once (each pass goes over a
    /// whole report), and in a terminal session off the loop: asked once.
    pub(in crate::view) fn large(&mut self) -> bool {
        let docs = &self.cmp.docs;
        *self.caches.large.get_or_insert_with(|| {
            let mut cost = 0;
            for doc in docs.both() {
                doc.each_text(&mut |text| cost += layout_cost(text));
            }
            crate::halves::worth_a_thread(cost)
        })
    }

    /// Each report's changes by place, made now if they are not yet.
    pub(in crate::view) fn place_marks(&mut self) -> &std::sync::Arc<Sides<PlaceMarks>> {
        let large = self.large();
        let (rows, diffs) = (&self.cmp.alignment.rows, &self.cmp.diffs);
        let docs = &self.cmp.docs;
        self.caches.place_marks.get_or_insert_with(|| {
            std::sync::Arc::new(Sides::from_fn_apart(large, |side| {
                crate::view::marks::marks_by_place(rows, diffs, side, &docs[side])
            }))
        })
    }
}
