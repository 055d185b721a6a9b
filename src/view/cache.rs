//! Layouts cached for drawing. [`App::update`] ends with [`App::refresh`], which lays out what the
//! screen will show (only what changed since); drawing then reads the caches through `&App`.

use super::document::{self, DocLayout};
use super::held::HeldLines;
use super::layout::{self, Dimmed, Filter, Options, RowLayout};
use super::overview::{self, OverviewLayout};
use super::{App, chunks, inline};
use crate::align::Row;
use crate::diff::RowDiff;
use crate::overview::Overview;
use crate::sides::Sides;

use super::marks::PlaceMarks;

/// Layouts that cost more than this ([`layout_cost`]) are made off the loop in a terminal session:
/// about 20 ms of measuring on the loop at most.
const LONG_LAYOUT: usize = 1 << 20;

/// What each line of a text adds to the cost of laying it out, in bytes of prose: measuring takes
/// about 0.02 µs a byte of prose, and 0.3–0.6 µs a line however short (a row of 250,000 lines of
/// one letter took 150 ms, where 500 KB of prose takes 8).
const LINE_COST: usize = 32;

/// The cost of laying `text` out, in bytes of prose (see [`LINE_COST`]).
fn layout_cost(text: &str) -> usize {
    text.len() + LINE_COST * (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
}

/// The cost of laying a row out: its passages' texts, both sides.
fn row_cost(row: &Row) -> usize {
    row.passages
        .both()
        .into_iter()
        .flatten()
        .map(|p| layout_cost(&p.text))
        .sum()
}

/// What a row's layout depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RowKey {
    row: usize,
    widths: Vec<u16>,
    inline: bool,
    opts: Options,
}

impl RowKey {
    /// What the row's line breaks depend on: all of it but the search.
    fn but_query(&self) -> (usize, &[u16], bool, Options) {
        let opts = Options {
            query: None,
            ..self.opts.clone()
        };
        (self.row, &self.widths, self.inline, opts)
    }
}

/// What the document layouts depend on: pane widths, and how to lay out (swap, query, marks).
type DocKey = (Vec<u16>, Options);

/// Everything laid out ahead of drawing, each with what it was made for.
#[derive(Default)]
pub(super) struct Caches {
    row: Option<(RowKey, RowLayout)>,
    /// `row` holds a stand-in while the row is measured off the loop (see
    /// [`App::measure_row_ahead`]).
    row_pending: bool,
    /// A row is being measured off the loop: one at a time, as each may take as much memory as
    /// the reports.
    row_in_flight: bool,
    docs: Option<(DocKey, [DocLayout; 2])>,
    /// The screen line of each of the search's matches in each report, for the document layouts
    /// of the key.
    doc_matches: Option<(DocKey, [Vec<usize>; 2])>,
    /// `docs` holds stand-ins while the reports are measured off the loop (see
    /// [`App::send_docs`]).
    docs_pending: bool,
    /// The reports are being measured off the loop: one measure at a time.
    docs_in_flight: bool,
    /// Each report's changes by place, from all rows (for the document view); shared with the
    /// documents' measure made ahead (see [`App::measure_docs_ahead`]).
    place_marks: Option<std::sync::Arc<Sides<PlaceMarks>>>,
    /// The overview, for the side order it was made with.
    overview: Option<(bool, OverviewLayout)>,
    /// The checklist screen (the same whichever side is shown first).
    checklist: Option<OverviewLayout>,
    /// Matches in each row, for `match 3/17`: counted on the text, for the query and filter (never
    /// the width).
    match_counts: Option<((String, Filter), Vec<usize>)>,
    /// The search whose counts are being made off the loop (see [`App::match_counts_now`]).
    counting: Option<(String, Filter)>,
    /// Whether the pair is large enough to lay both reports out at once: asked once, since reading
    /// a report's length walks every paragraph.
    large: Option<bool>,
}

impl Caches {
    /// Forgets what shows the analyst's notes (the overview lists them).
    pub(super) fn notes_changed(&mut self) {
        self.overview = None;
    }

    /// Forgets what depends on the diffs (word marks arrived).
    pub(super) fn diffs_changed(&mut self) {
        self.row = None;
        self.docs = None;
        self.doc_matches = None;
        self.docs_pending = false;
        self.place_marks = None;
        self.overview = None;
        self.match_counts = None;
        self.counting = None;
    }
}

/// Lines from `lo` to the end of the screen that starts at `hi` (`height` lines), with two
/// screens' margin either way: what a layout builds of what it has measured.
fn around(lo: usize, hi: usize, height: usize) -> std::ops::Range<usize> {
    let h = height.max(1);
    lo.saturating_sub(2 * h)..hi + 3 * h
}

/// A row of `rows` and its diff from `diffs`: rows have diffs from the start (App::new); a
/// sentence-level one stands in otherwise. Rows and diffs rather than the comparison, as the
/// worker measuring a long row holds only those.
fn row_and_diff<'a>(
    rows: &'a [Row],
    diffs: &'a [RowDiff],
    row: usize,
) -> Option<(&'a Row, std::borrow::Cow<'a, RowDiff>)> {
    let r = rows.get(row)?;
    let d = match diffs.get(row) {
        Some(d) => std::borrow::Cow::Borrowed(d),
        None => std::borrow::Cow::Owned(crate::diff::diff_row(r, None, None)),
    };
    Some((r, d))
}

/// Row `key.row` measured for `key`, no line built (see [`App::layout_now`]).
fn measure_row(rows: &[Row], diffs: &[RowDiff], key: &RowKey) -> RowLayout {
    let Some((r, d)) = row_and_diff(rows, diffs, key.row) else {
        return layout::nothing_to_compare();
    };
    let (d, none) = (&*d, Some(&(0..0)));
    let widths = App::widths(key);
    if key.inline {
        inline::inline_in(r, d, widths[0], &key.opts, none)
    } else {
        layout::side_by_side_in(r, d, widths, &key.opts, none)
    }
}

/// The matches of a search (query, filter) in each row, counted on the text.
fn count_matches(rows: &[Row], diffs: &[RowDiff], key: &(String, Filter)) -> Vec<usize> {
    let finder = super::lines::Finder::new(&key.0);
    let rows: Vec<_> = rows.iter().zip(diffs).collect();
    let size = |(r, _): &(&Row, &RowDiff)| r.text_len();
    crate::halves::map(&rows, size, |&(row, d)| count_in_row(row, d, &finder, key.1))
}

/// The matches of `finder` in one row, as the row shows them through `filter`.
fn count_in_row(row: &Row, diff: &RowDiff, finder: &super::lines::Finder, filter: Filter) -> usize {
    // A row none of whose passages holds a match counts none, without its chunks.
    let mut texts = row.passages.both().into_iter().flatten().map(|p| p.text.as_str());
    if !texts.any(|t| finder.is_in(t)) {
        return 0;
    }
    let chunks = chunks::Chunks::new(diff, filter);
    chunks::distinct(&chunks::matches_of(row, diff, &chunks, finder))
}

static EMPTY_ROW: std::sync::LazyLock<RowLayout> = std::sync::LazyLock::new(RowLayout::default);
static EMPTY_DOCS: std::sync::LazyLock<[DocLayout; 2]> = std::sync::LazyLock::new(Default::default);
static EMPTY_OVERVIEW: std::sync::LazyLock<OverviewLayout> = std::sync::LazyLock::new(OverviewLayout::default);

impl App {
    /// Lays out what the screen shows now, where its inputs changed: the current row, both
    /// documents in the document view, the overview when open, and the match counts of a search.
    pub(super) fn refresh(&mut self) {
        self.layout_now();
        if self.in_document() {
            self.docs_now();
            if self.query.is_some() {
                self.doc_matches_now();
            }
        }
        if self.overlay.is_some() {
            self.overview_now();
        }
        if self.query.is_some() {
            self.match_counts_now();
        }
    }

    fn options(&self) -> Options {
        Options {
            marks: self.words_ready,
            filter: self.prefs.filter,
            swapped: self.swapped,
            numbering: self.prefs.numbering,
            query: self.query.clone(),
            stock: self.prefs.dim_stock.then(|| Dimmed(self.stock.clone())),
        }
    }

    /// What the layout of `row` depends on.
    fn row_key(&self, row: usize) -> RowKey {
        RowKey {
            row,
            widths: self.geometry.panes.iter().map(|p| p.1).collect(),
            inline: self.is_inline(),
            opts: self.options(),
        }
    }

    /// The lines the row's panes show now and a margin of two screens either way: what a row's
    /// layout builds (the rest of the row is measured, not built).
    fn window(&self) -> std::ops::Range<usize> {
        let (lo, hi) = (self.scroll[0].min(self.scroll[1]), self.scroll[0].max(self.scroll[1]));
        around(lo, hi, self.geometry.height)
    }

    fn widths(key: &RowKey) -> [usize; 2] {
        let w = |i: usize| key.widths.get(i).copied().unwrap_or(40).max(4) as usize;
        [w(0), w(1)]
    }

    /// The current row measured for the current state (its length, changes and matches known),
    /// made now if anything it depends on changed; no line built that was not: what lengths and
    /// positions are read from, whatever the scroll is in the middle of a key.
    pub(super) fn measured_now(&mut self) -> &RowLayout {
        let key = self.row_key(self.row);
        // Another search over the same row: its line breaks stand, only the matches are new.
        if let Some((k, layout)) = self.caches.row.as_mut().filter(|_| !self.caches.row_pending)
            && *k != key
            && k.but_query() == key.but_query()
            && let Some((r, d)) = row_and_diff(&self.cmp.alignment.rows, &self.cmp.diffs, key.row)
            && layout.relook(r, &d, Self::widths(&key), &key.opts)
        {
            *k = key.clone();
        }
        if self.caches.row.as_ref().is_none_or(|(k, _)| *k != key) {
            // The layout no longer shown goes first, so that a long row is not held twice while
            // it is measured again (for a new width, say).
            if let Some((_, old)) = self.caches.row.take() {
                self.let_go(old);
            }
            // A very long row, in a terminal session: measured on the worker, a line saying so
            // shown meanwhile, so that no key waits on it.
            let bytes = (self.background)
                .then(|| self.cmp.alignment.rows.get(key.row))
                .flatten()
                .filter(|r| row_cost(r) > LONG_LAYOUT)
                .map(Row::text_len);
            self.caches.row_pending = bytes.is_some();
            let layout = if let Some(bytes) = bytes {
                self.measure_row_ahead(&key, bytes)
            } else {
                measure_row(&self.cmp.alignment.rows, &self.cmp.diffs, &key)
            };
            self.caches.row = Some((key, layout));
        }
        &self.caches.row.as_ref().expect("just filled").1
    }

    /// Drops a row's layout no longer shown: a long one (a line and more per screen line) off the
    /// loop, in a terminal session.
    fn let_go(&self, layout: RowLayout) {
        let lines = layout.panes.first().map_or(0, HeldLines::len);
        self.let_go_of(layout, lines);
    }

    /// Drops `value`, a layout of `lines` lines no longer shown: off the loop when long, in a
    /// terminal session (freeing a million lines takes a while).
    fn let_go_of<T: Send + 'static>(&self, value: T, lines: usize) {
        if self.background && lines > 1 << 14 {
            std::thread::spawn(move || drop(value));
        }
    }

    /// The current row laid out for the current state: measured (see [`Self::measured_now`]), the
    /// lines on screen and a margin built if they are not yet.
    pub(super) fn layout_now(&mut self) -> &RowLayout {
        let want = self.window();
        self.measured_now();
        if let Some((key, layout)) = self.caches.row.as_mut()
            && !layout.built(&want)
            && let Some((r, d)) = row_and_diff(&self.cmp.alignment.rows, &self.cmp.diffs, key.row)
        {
            layout.fill(r, &d, Self::widths(key), &key.opts, Some(&want));
        }
        &self.caches.row.as_ref().expect("just filled").1
    }

    /// The current row with every line built: for finding a text anywhere in it.
    pub(super) fn layout_all(&mut self) -> &RowLayout {
        self.measured_now();
        if let Some((key, layout)) = self.caches.row.as_mut()
            && let Some((r, d)) = row_and_diff(&self.cmp.alignment.rows, &self.cmp.diffs, key.row)
        {
            layout.fill(r, &d, Self::widths(key), &key.opts, None);
        }
        &self.caches.row.as_ref().expect("just filled").1
    }

    /// The overview laid out for the current side order, made now if needed; or the checklist.
    pub(super) fn overview_now(&mut self) -> &OverviewLayout {
        if self.overlay == Some(super::OverviewKind::Checklist) {
            if self.caches.checklist.is_none() {
                let layout = super::checklist::check(&self.cmp, &self.tax, &self.rules)
                    .map_or_else(OverviewLayout::default, |r| super::checklist::layout(&r, &self.hints));
                self.caches.checklist = Some(layout);
            }
            return self.caches.checklist.as_ref().expect("just filled");
        }
        if self
            .caches
            .overview
            .as_ref()
            .is_none_or(|(swapped, _)| *swapped != self.swapped)
        {
            let ov = Overview::new(&self.cmp, &self.tax);
            let mut layout = overview::layout(&ov, self.swapped, &self.hints);
            self.notes_section(&mut layout);
            self.caches.overview = Some((self.swapped, layout));
        }
        &self.caches.overview.as_ref().expect("just filled").1
    }

    /// Installs the checklist made off the loop, so that `R` shows it at once.
    pub(super) fn set_checklist(&mut self, check: Option<&crate::check::ReportCheck>) {
        let hints = &self.hints;
        self.caches.checklist =
            Some(check.map_or_else(OverviewLayout::default, |r| super::checklist::layout(r, hints)));
    }

    pub(super) fn match_counts_now(&mut self) {
        let Some(query) = self.query.clone() else { return };
        let key = (query, self.prefs.filter);
        if self.caches.match_counts.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        // On a large pair in a terminal session every row is counted off the loop; until the
        // counts come back the view says it is counting, and jumps find the rows themselves.
        if self.background && self.large() {
            // Another search's counts say nothing of this one's.
            self.caches.match_counts = None;
            if self.caches.counting.as_ref() != Some(&key) {
                self.caches.counting = Some(key.clone());
                let (alignment, diffs) = (self.cmp.alignment.clone(), self.cmp.diffs.clone());
                self.effects.push(super::Effect::Background(super::Work::new(move || {
                    let counts = count_matches(&alignment.rows, &diffs, &key);
                    super::Input::MatchCounts(Box::new(ahead::Counted {
                        key: key.clone(),
                        diffs: diffs.clone(),
                        counts,
                    }))
                })));
            }
            return;
        }
        let counts = count_matches(&self.cmp.alignment.rows, &self.cmp.diffs, &key);
        self.caches.match_counts = Some((key, counts));
    }

    /// The current row as laid out for drawing.
    pub fn row_layout(&self) -> &RowLayout {
        self.caches.row.as_ref().map_or(&EMPTY_ROW, |(_, l)| l)
    }

    /// Both documents as laid out for drawing, in pane order.
    pub fn doc_layouts(&self) -> &[DocLayout; 2] {
        self.caches.docs.as_ref().map_or(&EMPTY_DOCS, |(_, l)| l)
    }

    /// The overview (or the checklist) as laid out for drawing.
    pub fn overview_layout(&self) -> &OverviewLayout {
        if self.overlay == Some(super::OverviewKind::Checklist) {
            return self.caches.checklist.as_ref().unwrap_or(&EMPTY_OVERVIEW);
        }
        self.caches.overview.as_ref().map_or(&EMPTY_OVERVIEW, |(_, l)| l)
    }

    /// Matches in each row of the current search (empty before one).
    pub(super) fn match_counts(&self) -> &[usize] {
        self.caches.match_counts.as_ref().map_or(&[], |(_, c)| c)
    }

    /// Whether the current search's matches are being counted off the loop.
    pub fn counting_matches(&self) -> bool {
        self.query.is_some() && self.caches.counting.is_some()
    }

    /// Whether row `r` shows a match of the current search, found by `finder`: from the counts
    /// when made, else counted now for that row alone.
    pub(super) fn row_has_match(&self, r: usize, finder: &super::lines::Finder) -> bool {
        if let Some((_, counts)) = &self.caches.match_counts {
            return counts.get(r).is_some_and(|&n| n > 0);
        }
        let (Some(row), Some(diff)) = (self.cmp.alignment.rows.get(r), self.cmp.diffs.get(r)) else {
            return false;
        };
        count_in_row(row, diff, finder, self.prefs.filter) > 0
    }
}

mod ahead;
mod docs;
pub(super) use ahead::{Ahead, Counted, MeasuredDocs, MeasuredRow, Ready};
use docs::measure_docs;

#[cfg(test)]
mod tests;
