//! Several reports in the interface: the coverage matrix (topics × reports), the figures table,
//! and one pair side by side, stepped through time. [`Browser::update`] is the one place its state
//! changes; the pair on screen is an [`App`] of its own, which hands the series' keys back.

mod access;

use std::sync::Arc;

use super::{App, Input};
use crate::check::{Checklist, Rules};
use crate::keys::{Action, Keymap, Mode, Sequence};
use crate::series::Series;
use crate::series::coverage::Coverage;
use crate::series::figures::Figures;
use crate::sides::Side;
use crate::stock::StockPhrases;
use crate::topics::{Taxonomy, TopicId};

/// What the series shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Coverage,
    Figures,
    /// The reviewer's checklist, a column per report.
    Checklist,
    Pair,
}

/// The state of the series interface.
pub struct Browser {
    series: Series,
    coverage: Coverage,
    /// Made the first time the figures are asked for (they need the segmenter).
    figures: Option<Figures>,
    /// Made the first time the checklist is asked for.
    checklist: Option<Checklist>,
    /// The checklist cell under the cursor: (item, report).
    checklist_cursor: (usize, usize),
    rules: Arc<Rules>,
    names: Vec<String>,
    shown: Shown,
    /// The coverage cell under the cursor: (topic row, report).
    cursor: (usize, usize),
    /// The figures table's cursor: the measure it is on (enter opens it where it was last stated).
    figures_scroll: usize,
    /// The reports of the pair (older, newer).
    pair: (usize, usize),
    /// A pair has been shown (the one ready at the start is only shown when asked for).
    pair_shown: bool,
    /// The report marked to compare another with (`m`), across units if need be.
    base: Option<usize>,
    /// The pair side by side.
    app: App,
    /// Changes whenever the pair is replaced: word marks made for an older pair are not installed.
    generation: u64,
    quit: bool,
    /// A line for the status bar of the coverage and figures screens.
    message: Option<String>,
    tax: Taxonomy,
    /// The wording most of the reports share, dimmed on request in every pair.
    stock: Arc<StockPhrases>,
    keymap: Keymap,
    view: (Option<bool>, bool),
    pending: crate::keys::Sequence,
    /// Where each pair's review is kept.
    reviews: crate::review::Place,
}

impl Browser {
    /// The series on its coverage screen; the pair ready is the latest report of a unit against
    /// the unit's report before it (else the last two reports, shown only when asked for).
    pub fn new(series: Series, tax: Taxonomy, keymap: Keymap, view: (Option<bool>, bool)) -> Browser {
        let coverage = Coverage::new(&series, &tax);
        let names = series.names();
        let n = series.reports.len();
        let pair = (0..n)
            .rev()
            .find_map(|j| Some((series.previous(j)?, j)))
            .unwrap_or((n.saturating_sub(2), n.saturating_sub(1)));
        let stock = Arc::new(series.stock_phrases(&tax));
        let mut app = pair_app(&series, pair, &tax, &stock, &keymap, view);
        attach_review(&crate::review::Place::Nowhere, &tax, &mut app);
        Browser {
            cursor: (0, n.saturating_sub(1)),
            series,
            coverage,
            figures: None,
            checklist: None,
            checklist_cursor: (0, n.saturating_sub(1)),
            rules: Arc::new(Rules::builtin()),
            names,
            shown: Shown::Coverage,
            figures_scroll: 0,
            pair,
            pair_shown: false,
            base: None,
            app,
            generation: 0,
            quit: false,
            message: None,
            tax,
            stock,
            keymap,
            view,
            pending: crate::keys::Sequence::default(),
            reviews: crate::review::Place::Nowhere,
        }
    }

    /// With each pair's review kept at `place` (else for the session only).
    pub fn with_reviews(mut self, place: crate::review::Place) -> Self {
        self.reviews = place;
        attach_review(&self.reviews, &self.tax, &mut self.app);
        self
    }

    /// Long work of the pairs shown goes to the terminal side's worker (see [`App::with_worker`]).
    pub fn with_worker(mut self) -> Self {
        self.app.background = true;
        self
    }

    /// After a refiling in the pair on screen: the pair's reports filed as it says, and the
    /// coverage, figures and checklist of the series made again from them.
    fn follow_review(&mut self) {
        let Some(kept) = self.app.review.as_ref() else { return };
        let (i, j) = self.pair;
        let mut docs: Vec<&mut crate::outline::Document> = self
            .series
            .reports
            .iter_mut()
            .enumerate()
            .filter(|(k, _)| *k == i || *k == j)
            .map(|(_, r)| &mut r.doc)
            .collect();
        // The pair's reports in the order the review names them.
        let refs = if i < j {
            kept.refs().clone()
        } else {
            let [l, r] = kept.refs().clone();
            [r, l]
        };
        let applied = crate::review::apply::apply(&kept.states(), &mut docs, &refs, &self.tax);
        self.tax = applied.taxonomy;
        self.coverage = Coverage::new(&self.series, &self.tax);
        self.figures = None;
        self.checklist = None;
    }

    /// With the checklist's rules (else the built-in ones), for the series and every pair.
    pub fn with_rules(mut self, rules: Arc<Rules>) -> Self {
        self.app.rules = rules.clone();
        self.rules = rules;
        self
    }

    pub fn update(&mut self, input: Input) {
        match input {
            // The pair on screen keeps the terminal's size, for the next pair too.
            Input::Resize { .. }
            | Input::WordDiffs(_)
            | Input::Checklist(_)
            | Input::Said(_)
            | Input::DocsMeasured(_)
            | Input::RowMeasured(_)
            | Input::MatchCounts(_) => self.app.update(input),
            // A refiling's comparison, back from the worker: the series follows it.
            Input::Recompared(_) => {
                self.app.update(input);
                if std::mem::take(&mut self.app.review_changed) {
                    self.follow_review();
                }
            }
            // The help overlay reads its keys (scroll, close) wherever it was opened.
            _ if self.shown == Shown::Pair || self.app.mode == Mode::Help => {
                self.app.update(input);
                self.quit = self.app.quit;
                if std::mem::take(&mut self.app.review_changed) {
                    self.follow_review();
                }
                if let Some(action) = self.app.series_request.take() {
                    self.apply(action);
                }
            }
            Input::Key(key) => {
                self.message = None;
                if let Some(action) = Sequence::matched(self.pending.feed(&self.keymap, Mode::Normal, key)) {
                    self.apply(action);
                }
            }
            Input::Action(action, _) => self.apply(action),
            Input::Scroll { lines, .. } => self.apply(if lines > 0 {
                Action::ScrollDown
            } else {
                Action::ScrollUp
            }),
            Input::Click { .. } => {}
        }
    }

    /// The keys that would end the session were they pressed now (see [`App::quit_keys`]).
    pub fn quit_keys(&self) -> Vec<crate::keys::Key> {
        if self.shown == Shown::Pair || self.app.mode == Mode::Help {
            self.app.quit_keys()
        } else if self.pending.is_empty() {
            crate::view::access::quit_bindings(&self.keymap)
        } else {
            Vec::new()
        }
    }

    fn apply(&mut self, action: Action) {
        let reports = self.series.reports.len();
        let rows = self.coverage.topics.len();
        let (row, col) = &mut self.cursor;
        match (self.shown, action) {
            (_, Action::Quit) => self.quit = true,
            (_, Action::Help) => self.app.update(Input::Action(Action::Help, 1)),
            (Shown::Coverage, Action::ScrollDown | Action::NextRow) => *row = (*row + 1).min(rows.saturating_sub(1)),
            (Shown::Coverage, Action::ScrollUp | Action::PrevRow) => *row = row.saturating_sub(1),
            (Shown::Coverage, Action::GotoTop) => *row = 0,
            (Shown::Coverage, Action::GotoBottom) => *row = rows.saturating_sub(1),
            (Shown::Coverage, Action::FocusRight | Action::NextPair) => *col = (*col + 1).min(reports - 1),
            (Shown::Coverage, Action::FocusLeft | Action::PrevPair) => *col = col.saturating_sub(1),
            (Shown::Coverage, Action::Open) => {
                let (at, topic) = (*col, self.coverage.topics.get(*row).map(|t| t.topic));
                match (self.base.filter(|&b| b != at), self.series.previous(at)) {
                    (Some(b), _) => {
                        self.base = None;
                        self.open_pair((b.min(at), b.max(at)), topic);
                    }
                    (None, Some(before)) => self.open_pair((before, at), topic),
                    (None, None) => self.message = Some(self.alone_message(at)),
                }
            }
            (Shown::Coverage, Action::MarkBase) => {
                self.base = (self.base != Some(*col)).then_some(*col);
                self.message = Some(match self.base {
                    Some(b) => format!(
                        "{} marked: {} on another report compares the two",
                        self.names[b],
                        self.app.hints().key(Action::Open)
                    ),
                    None => "mark cleared".into(),
                });
            }
            (Shown::Figures, Action::ScrollDown | Action::NextRow) => self.move_figure_cursor(1),
            (Shown::Figures, Action::ScrollUp | Action::PrevRow) => self.move_figure_cursor(-1),
            (Shown::Figures, Action::PageDown | Action::HalfPageDown) => self.move_figure_cursor(10),
            (Shown::Figures, Action::PageUp | Action::HalfPageUp) => self.move_figure_cursor(-10),
            (Shown::Figures, Action::GotoTop) => self.figures_scroll = 0,
            (Shown::Figures, Action::GotoBottom) => self.move_figure_cursor(isize::MAX),
            (Shown::Figures, Action::Open) => self.open_figure(),
            (Shown::Figures | Shown::Pair, Action::Coverage) | (Shown::Figures, Action::Cancel) => {
                self.shown = Shown::Coverage
            }
            // From the coverage, `C` goes back to the pair last shown (the unit's latest pair at first).
            (Shown::Coverage, Action::Coverage) => {
                if self.pair_shown || self.series.previous(self.pair.1) == Some(self.pair.0) {
                    self.pair_shown = true;
                    self.shown = Shown::Pair;
                } else {
                    self.message = Some(self.alone_message(self.pair.1));
                }
            }
            (Shown::Coverage | Shown::Pair, Action::Figures) => {
                if self.figures.is_none() {
                    self.figures = Some(Figures::new(&self.series, &self.tax));
                }
                self.shown = Shown::Figures;
            }
            (Shown::Figures, Action::Figures) => self.shown = Shown::Coverage,
            (Shown::Coverage | Shown::Figures, Action::Checklist) => {
                if self.checklist.is_none() {
                    self.checklist = Some(Checklist::new(&self.series, &self.tax, &self.rules));
                }
                self.shown = Shown::Checklist;
            }
            (Shown::Checklist, Action::Checklist | Action::Cancel | Action::Coverage) => self.shown = Shown::Coverage,
            (Shown::Checklist, Action::Figures) => {
                if self.figures.is_none() {
                    self.figures = Some(Figures::new(&self.series, &self.tax));
                }
                self.shown = Shown::Figures;
            }
            (Shown::Checklist, _) => self.apply_in_checklist(action),
            (Shown::Pair, Action::NextPair | Action::PrevPair) => {
                let (older, newer) = self.pair;
                let chained = self.series.previous(newer) == Some(older);
                let step = match action {
                    Action::NextPair => self.series.next(newer).map(|k| (newer, k)),
                    _ => self.series.previous(older).map(|k| (k, older)),
                };
                match step.filter(|_| chained) {
                    Some(pair) => self.open_pair(pair, self.shown_topic()),
                    None if !chained => {
                        let h = self.app.hints();
                        self.app.message = Some(format!(
                            "this pair was chosen by hand: {}, then {} steps through a unit's reports",
                            h.key(Action::Coverage),
                            h.key(Action::Open)
                        ))
                    }
                    None => self.app.message = Some("no report of this unit further in that direction".into()),
                }
            }
            _ => {}
        }
    }

    /// Moves over the checklist, or opens the pair of the report under the cursor at its checklist.
    fn apply_in_checklist(&mut self, action: Action) {
        let reports = self.series.reports.len();
        let items = super::checklist::ITEMS;
        let (row, col) = &mut self.checklist_cursor;
        match action {
            Action::ScrollDown | Action::NextRow => *row = (*row + 1).min(items - 1),
            Action::ScrollUp | Action::PrevRow => *row = row.saturating_sub(1),
            Action::GotoTop => *row = 0,
            Action::GotoBottom => *row = items - 1,
            Action::FocusRight | Action::NextPair => *col = (*col + 1).min(reports - 1),
            Action::FocusLeft | Action::PrevPair => *col = col.saturating_sub(1),
            Action::Open => {
                let (item, at) = (*row, *col);
                match self.series.previous(at) {
                    Some(before) => {
                        self.open_pair((before, at), None);
                        self.app.show_checklist_at(item);
                    }
                    None => self.message = Some(self.alone_message(at)),
                }
            }
            _ => {}
        }
    }

    /// Moves the figures table's cursor (`figures_scroll`, the measure it is on) by `by` rows.
    fn move_figure_cursor(&mut self, by: isize) {
        let last = self.figures.as_ref().map_or(0, |f| f.measures.len().saturating_sub(1));
        self.figures_scroll = self.figures_scroll.saturating_add_signed(by).min(last);
    }

    /// Opens the figure under the cursor where it was last stated: the report's pair with the one
    /// before it, at the measure's topic, on the line that states it.
    fn open_figure(&mut self) {
        let Some(m) = self
            .figures
            .as_ref()
            .and_then(|f| f.measures.get(self.figures_scroll))
            .cloned()
        else {
            return;
        };
        let Some(at) = (0..m.values.len()).rev().find(|&i| m.values[i].is_some()) else {
            return;
        };
        let Some(before) = self.series.previous(at) else {
            self.message = Some(self.alone_message(at));
            return;
        };
        self.open_pair((before, at), self.tax.find(&m.topic));
        if let Some(value) = &m.values[at] {
            self.app.show_text(Side::Right, value, &m.label);
        }
    }

    /// Why report `at` opens no pair, and how to compare it anyway.
    fn alone_message(&self, at: usize) -> String {
        let why = self.series.alone_because(at).unwrap_or_default();
        let h = self.app.hints();
        format!(
            "{}: {why}; {} on another report, then {} here, compares the two",
            self.names[at],
            h.key(Action::MarkBase),
            h.key(Action::Open)
        )
    }

    /// The topic of the row the pair shows.
    fn shown_topic(&self) -> Option<TopicId> {
        self.app.cmp.alignment.rows.get(self.app.row).and_then(|r| r.topic)
    }

    /// Shows reports `pair` side by side, on the row of `topic` when the pair covers it.
    fn open_pair(&mut self, pair: (usize, usize), topic: Option<TopicId>) {
        // The terminal's size, as the pair shown so far was last told it.
        let size = Input::Resize {
            width: self.app.geometry.width,
            height: self.app.geometry.total_height,
        };
        if pair != self.pair {
            let mut app = pair_app(&self.series, pair, &self.tax, &self.stock, &self.keymap, self.view);
            attach_review(&self.reviews, &self.tax, &mut app);
            // How the reader chose to read carries over to the next pair.
            let old = &self.app;
            app.prefs = old.prefs;
            app.background = old.background;
            app.rules = self.rules.clone();
            self.app = app;
            self.pair = pair;
            self.generation += 1;
        }
        if let Some(r) = topic.and_then(|t| self.app.cmp.row_of(t)) {
            self.app.set_row(r);
        }
        self.shown = Shown::Pair;
        self.pair_shown = true;
        self.cursor.1 = pair.1;
        self.app.update(size);
        if self.app.units_differ() {
            self.app.message = Some(format!(
                "different units: {} and {}, compared as asked",
                self.names[pair.0], self.names[pair.1]
            ));
        }
    }
}

/// A pair's view with the pair's review: read from its file (a file that cannot be used is said,
/// and the review kept for the session only).
fn attach_review(place: &crate::review::Place, tax: &Taxonomy, app: &mut App) {
    let refs = crate::review::keys::reports(app.cmp.reports());
    let opened = place.open(&refs);
    if let Some(e) = opened.problem {
        app.message = Some(e.to_string());
    }
    let kept = super::review::Kept::new(opened.store, opened.state, refs, tax.clone());
    app.set_review(kept.with_others(opened.others));
}

fn pair_app(
    series: &Series,
    (i, j): (usize, usize),
    tax: &Taxonomy,
    stock: &Arc<StockPhrases>,
    keymap: &Keymap,
    view: (Option<bool>, bool),
) -> App {
    let mut app = App::new(series.pair(i, j, tax), tax.clone(), keymap.clone()).with_view(view.0, view.1);
    app.in_series = true;
    app.stock = stock.clone();
    app
}

#[cfg(test)]
mod tests;
