//! The interactive view as plain state: one [`App`] struct, keys resolved through the keymap into
//! [`Action`]s, and `apply` to change the state. No terminal here; `ui` paints an `App` and the binary
//! feeds it keys.

mod access;
mod cache;
pub mod checklist;
pub mod chunks;
pub mod document;
mod docview;
mod edit;
pub mod geometry;
pub mod held;
pub mod inline;
pub mod layout;
pub mod lines;
pub mod marks;
mod measure;
mod navigate;
mod notes;
mod open;
pub mod overview;
mod relook;
mod resolve;
pub mod review;
pub mod series;
mod side;
#[cfg(test)]
pub(crate) mod testing;
mod update;
pub mod width;
pub mod wrap;

use crate::compare::Comparison;
pub use crate::keys::Action;
use crate::keys::{Keymap, Mode};
use crate::sides::Side;
use crate::topics::Taxonomy;
pub use geometry::Geometry;
pub use update::Input;

/// Below this many columns the view switches to inline (unless the user chose a view).
pub const AUTO_INLINE_WIDTH: u16 = 100;

/// What the interface asks of the terminal, carried out by the binary after the input that asked:
/// the view never writes to the terminal itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this file in the user's editor at this line (from 1).
    Edit { path: std::path::PathBuf, line: usize },
    /// Run this off the loop (it takes too long for a key) and hand what it gives back to the view.
    Background(Work),
}

/// Work too long for a key: run on a thread of the terminal side, its result an [`Input`] for the
/// view; run at once where there is no terminal (tests).
#[derive(Clone)]
pub struct Work(std::sync::Arc<dyn Fn() -> Input + Send + Sync>);

impl Work {
    pub fn new(work: impl Fn() -> Input + Send + Sync + 'static) -> Work {
        Work(std::sync::Arc::new(work))
    }

    pub fn run(&self) -> Input {
        (self.0)()
    }
}

impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Work {}

impl std::fmt::Debug for Work {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Work")
    }
}

/// What comparing again needs: the two reports, the reviews whose refilings apply (the pair's
/// last), the reports as the review knows them, and the taxonomy before the analyst's topics.
pub struct RecompareJob {
    pub docs: crate::sides::Sides<std::sync::Arc<crate::outline::Document>>,
    pub states: Vec<crate::review::State>,
    pub refs: [crate::review::ReportRef; 2],
    pub base: Taxonomy,
    /// What the screen will read on arrival, made with the comparison.
    ahead: cache::Ahead,
}

/// A comparison made again, ready to install: its taxonomy (the analyst's topics in it), and
/// each row's review key and content digest (a pass over the whole text, made where it was made).
#[derive(Debug, Clone)]
pub struct Recomparison {
    pub cmp: Comparison,
    pub tax: Taxonomy,
    pub rows: Vec<(String, String)>,
    ready: cache::Ready,
}

impl RecompareJob {
    /// The comparison, the review applied and word marks made.
    pub fn run(&self) -> Recomparison {
        // Copied here, off the loop: applying the review changes them.
        let crate::sides::Sides {
            left: mut l,
            right: mut r,
        } = self.docs.clone().map(std::sync::Arc::unwrap_or_clone);
        let states: Vec<&crate::review::State> = self.states.iter().collect();
        let applied = crate::review::apply::apply(&states, &mut [&mut l, &mut r], &self.refs, &self.base);
        let mut cmp = Comparison::build(l, r, &applied.taxonomy);
        cmp.diff_all(&cmp.segmenter(), crate::compare::DIFF_BUDGET);
        let rows = review::Kept::row_keys(&cmp, &applied.taxonomy);
        let ready = self.ahead.ready(&cmp);
        Recomparison {
            cmp,
            tax: applied.taxonomy,
            rows,
            ready,
        }
    }
}

/// What the panes show: topic rows (side by side or inline), or the two reports whole. An overview
/// ([`OverviewKind`]) may cover either; closing it comes back to what it covered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Rows,
    Document,
}

/// How the reader chose to read: the view's toggles, kept as one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    /// `None`: inline below [`AUTO_INLINE_WIDTH`] columns, side by side above.
    pub inline: Option<bool>,
    pub sidebar: bool,
    pub sync: bool,
    /// Which sentences rows show: all, changes only, or what the newer report adds.
    pub filter: layout::Filter,
    /// Stock wording is toned down (see [`crate::stock`]); changes keep their marks.
    pub dim_stock: bool,
    /// Numbering differences shown as changes (else dimmed).
    pub numbering: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            inline: None,
            sidebar: true,
            sync: true,
            filter: layout::Filter::All,
            dim_stock: false,
            numbering: false,
        }
    }
}

/// The state of the interface.
pub struct App {
    cmp: Comparison,
    tax: Taxonomy,
    keymap: Keymap,
    /// Word-level marks have arrived (before, rows show aligned plain text).
    words_ready: bool,
    row: usize,
    /// Top line of each pane.
    scroll: [usize; 2],
    /// The pane that scrolls when the panes scroll apart (0 left, 1 right).
    focus: usize,
    mode: Mode,
    pending: crate::keys::Sequence,
    count: Option<usize>,
    awaiting_topic: bool,
    /// The first digit of a two-digit row number typed after `t`.
    topic_digit: Option<usize>,
    /// The change `}`/`{` went to last, as an index into the row's changes; anything else that moves
    /// the view clears it, and the position is then read from the scroll.
    change_cursor: Option<usize>,
    /// What the panes show under any overview: topic rows, or the two reports whole.
    screen: Screen,
    /// How the reader chose to read: one value, carried from pair to pair in a series.
    prefs: Prefs,
    /// The stock phrases: the built-in list, or what a series learned.
    stock: std::sync::Arc<crate::stock::StockPhrases>,

    swapped: bool,
    /// The search being typed.
    input: String,
    query: Option<String>,
    message: Option<String>,
    help_scroll: usize,
    /// The search match `n`/`N` went to last: (row, its id); the next one is counted from it.
    current_match: Option<(usize, u64)>,
    /// The document view's match `n`/`N` went to last: (pane, its index in the pane's report).
    doc_match: Option<(usize, usize)>,
    /// The overview shown over the panes, if one is: the changes, or the checklist.
    overlay: Option<OverviewKind>,
    /// The checklist's rules.
    rules: std::sync::Arc<crate::check::Rules>,
    /// The overview line under the cursor.
    overview_cursor: usize,
    geometry: Geometry,
    /// The first key of each normal-mode action, for hints (the keymap does not change while running).
    hints: crate::keys::Hints,
    caches: cache::Caches,
    quit: bool,
    /// Shown as one pair of a series: the series' actions go to it (see [`series::Browser`]).
    in_series: bool,
    /// A series' action asked for while this pair is shown, for the series to carry out.
    series_request: Option<Action>,
    /// What the last inputs asked of the terminal, until the loop takes it.
    effects: Vec<Effect>,
    /// The analyst's review of this pair: refilings, notes, reviewed rows.
    review: Option<review::Kept>,
    /// What the text typed at the prompt is for.
    prompt: review::Prompt,
    /// A refiling was made or undone since the series last looked: its coverage follows.
    review_changed: bool,
    /// Long work (comparing again after a refiling) goes to the terminal side's worker as an
    /// [`Effect`] instead of being done within the key.
    background: bool,
    /// A comparison is being made again: where to go and what to say when it comes back.
    recomparing: Option<review::Arrival>,
}

/// The screens shown over the rows, each a list of lines that open places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewKind {
    /// Every row with its changes, the changed figures, the documents cited.
    Changes,
    /// The reviewer's checklist of the right-hand report.
    Checklist,
}

impl App {
    /// A view over a comparison; rows without diffs get sentence-level ones at once.
    pub fn new(mut cmp: Comparison, tax: Taxonomy, keymap: Keymap) -> Self {
        if cmp.diffs.len() != cmp.alignment.rows.len() {
            cmp.diff_sentences();
        }
        let hints = crate::keys::Hints::new(&keymap);
        let stock = std::sync::Arc::new(crate::stock::StockPhrases::builtin(&tax));
        // Said at once: with the newer report on the left, every addition reads as a deletion.
        let message = cmp.newer_on_the_left().map(|d| {
            format!(
                "the left report ({}) is newer than the right ({}): {} swaps them",
                d.left.label(),
                d.right.label(),
                hints.key(Action::SwapSides)
            )
        });
        App {
            cmp,
            tax,
            keymap,
            hints,
            words_ready: false,
            row: 0,
            scroll: [0, 0],
            focus: 0,
            mode: Mode::Normal,
            pending: crate::keys::Sequence::default(),
            count: None,
            awaiting_topic: false,
            topic_digit: None,
            change_cursor: None,
            screen: Screen::Rows,
            prefs: Prefs::default(),
            stock,
            swapped: false,
            input: String::new(),
            query: None,
            message,
            help_scroll: 0,
            current_match: None,
            doc_match: None,
            overlay: None,
            rules: std::sync::Arc::new(crate::check::Rules::builtin()),
            overview_cursor: 1,
            geometry: Geometry::default(),
            caches: cache::Caches::default(),
            quit: false,
            in_series: false,
            series_request: None,
            effects: Vec::new(),
            review: None,
            prompt: review::Prompt::Search,
            review_changed: false,
            background: false,
            recomparing: None,
        }
    }

    /// What the panes show under any overview.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The panes show the two reports whole.
    pub fn in_document(&self) -> bool {
        self.screen == Screen::Document
    }

    /// The overview shown over the panes, if one is.
    pub fn overview(&self) -> Option<OverviewKind> {
        self.overlay
    }

    /// With the view the user chose (`None`: by the width) and whether the panes scroll together.
    pub fn with_view(mut self, inline: Option<bool>, sync: bool) -> Self {
        self.prefs.inline = inline;
        self.prefs.sync = sync;
        self
    }

    /// With the checklist's rules (else the built-in ones).
    pub fn with_rules(mut self, rules: std::sync::Arc<crate::check::Rules>) -> Self {
        self.rules = rules;
        self
    }

    /// The key to show in hints for `action`, if it has one in normal mode.
    pub fn hint_key(&self, action: Action) -> Option<&str> {
        self.hints.get(action)
    }

    /// The keys hints name, for the keymap in effect.
    pub fn hints(&self) -> &crate::keys::Hints {
        &self.hints
    }

    pub fn rows(&self) -> usize {
        self.cmp.alignment.rows.len()
    }

    /// Is the inline view in effect?
    pub fn is_inline(&self) -> bool {
        !self.in_document() && self.prefs.inline.unwrap_or(self.geometry.width < AUTO_INLINE_WIDTH)
    }

    /// Lines of the help overlay: each mode's name and bindings, and two lines on counts and the
    /// mouse.
    pub fn help_lines(&self) -> usize {
        Mode::ALL
            .iter()
            .map(|&m| 1 + self.keymap.by_action(m).len())
            .sum::<usize>()
            + 2
    }

    /// The first row the sidebar lists: the current row stays in view, at the bottom at most.
    pub fn sidebar_first(&self) -> usize {
        let height = self.geometry.sidebar.map_or(0, |a| a.height as usize);
        self.row.saturating_sub(height.saturating_sub(1))
    }

    /// The report shown in pane `pane` (0 is the left or only pane).
    pub fn pane_side(&self, pane: usize) -> Side {
        Side::in_pane(pane, self.swapped)
    }

    /// The change shown (1-based; 0 above the first) and how many the row has.
    pub fn change_position(&self) -> (usize, usize) {
        if self.in_document() {
            // In the focused report, counted from the top of its pane.
            let pane = self.focus.min(1);
            let changes = &self.doc_layouts()[pane].changes;
            let at = self.scroll[pane] + 2;
            return (changes.iter().filter(|&&c| c <= at).count(), changes.len());
        }
        let at = self.current_line() + 2;
        let changes = &self.row_layout().changes;
        let shown = match self.current_change() {
            Some(i) => i + 1,
            None => navigate::reached(changes.iter().map(|c| c.line), at),
        };
        (shown, changes.len())
    }

    /// The change `}`/`{` went to, while the view is still on it: its index in the row's changes.
    pub fn current_change(&self) -> Option<usize> {
        self.change_cursor
            .filter(|&i| i < self.row_layout().changes.len() && !self.in_document())
    }

    /// Which match is the current one and how many there are, over all rows: `(3, 17)`; in the
    /// document view, in the focused report. `None` while the counts are being made off the loop
    /// ([`App::counting_matches`]), or the reports measured.
    pub fn match_position(&self) -> Option<(usize, usize)> {
        self.query.as_ref()?;
        if self.in_document() {
            let pane = self.focus.min(1);
            let lines = &self.doc_match_lines()?[pane];
            let at = self.doc_match.filter(|&(p, i)| p == pane && i < lines.len());
            return Some((at.map_or(0, |(_, i)| i + 1), lines.len()));
        }
        if self.counting_matches() {
            return None;
        }
        let counts = self.match_counts();
        let total: usize = counts.iter().sum();
        let before: usize = counts[..self.row.min(counts.len())].iter().sum();
        let current = self.current_match.filter(|m| m.0 == self.row).map(|m| m.1);
        let within = current
            .and_then(|id| self.row_layout().matches.iter().position(|m| m.1 == id))
            .map_or(0, |i| i + 1);
        Some((before + within, total))
    }

    /// The two reports name different issuing units (both named): a comparison across units.
    pub fn units_differ(&self) -> bool {
        matches!((&self.cmp.docs.left.unit, &self.cmp.docs.right.unit), (Some(a), Some(b)) if a != b)
    }

    /// The keys typed so far of an unfinished sequence or count, for the status line.
    pub fn pending_keys(&self) -> String {
        let mut s = self.count.map(|c| c.to_string()).unwrap_or_default();
        for k in self.pending.keys() {
            s.push_str(&k.to_string());
        }
        if self.awaiting_topic {
            s.push_str("t…");
        }
        if let Some(d) = self.topic_digit {
            s.push_str(&format!("t{d}…"));
        }
        s
    }
}
