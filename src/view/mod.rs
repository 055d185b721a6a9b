//! The interactive view as plain state: one [`App`] struct, keys resolved through the keymap into
//! [`Action`]s, and `apply` to change the state. No terminal here; `ui` paints an `App` and the binary
//! feeds it keys.

pub mod document;
pub mod geometry;
pub mod inline;
pub mod layout;
pub mod lines;
mod open;
pub mod overview;
#[cfg(test)]
mod testing;
pub mod wrap;

use std::collections::HashSet;

use crate::align::PassageKind;
use crate::compare::Comparison;
use crate::diff::RowDiff;
pub use crate::keys::Action;
use crate::keys::{Key, KeyCode, Keymap, Lookup, Mode};
use crate::sides::Side;
use crate::topics::Taxonomy;
use document::DocLayout;
pub use geometry::Geometry;
use layout::{Options, RowLayout};

/// Below this many columns the view switches to inline (unless the user chose a view).
pub const AUTO_INLINE_WIDTH: u16 = 100;

#[derive(Debug, Clone, PartialEq, Eq)]
struct RowKey {
    row: usize,
    widths: Vec<u16>,
    inline: bool,
    opts: Options,
}

/// What the document layouts depend on: pane widths, swap, query.
type DocKey = (Vec<u16>, bool, Option<String>);

/// The state of the interface.
pub struct App {
    pub cmp: Comparison,
    pub tax: Taxonomy,
    pub keymap: Keymap,
    /// Word-level marks have arrived (before, rows show aligned plain text).
    pub words_ready: bool,
    pub row: usize,
    /// Top line of each pane.
    pub scroll: [usize; 2],
    /// The pane that scrolls when the panes scroll apart (0 left, 1 right).
    pub focus: usize,
    pub mode: Mode,
    pending: Vec<Key>,
    count: Option<usize>,
    awaiting_topic: bool,
    /// The first digit of a two-digit row number typed after `t`.
    topic_digit: Option<usize>,
    /// The change `}`/`{` went to last, as an index into the row's changes; anything else that moves
    /// the view clears it, and the position is then read from the scroll.
    change_cursor: Option<usize>,
    pub document: bool,
    /// `None`: inline below [`AUTO_INLINE_WIDTH`] columns, side by side above.
    pub inline: Option<bool>,
    pub sidebar: bool,
    pub sync: bool,
    pub changes_only: bool,
    /// Numbering differences shown as changes (else dimmed).
    pub numbering: bool,
    pub swapped: bool,
    /// The search being typed.
    pub input: String,
    pub query: Option<String>,
    pub message: Option<String>,
    pub help_scroll: usize,
    /// The search match `n`/`N` went to last: (row, line); the next one is counted from it.
    pub current_match: Option<(usize, usize)>,
    /// Lines with a match in each row, for `match 3/17` (with what they were counted for).
    match_counts: Option<(RowKey, Vec<usize>)>,
    /// The overview screen is shown instead of a row.
    pub overview: bool,
    /// The overview line under the cursor.
    pub overview_cursor: usize,
    /// The overview laid out, for the side order it was made with.
    overview_cache: Option<(bool, overview::OverviewLayout)>,
    pub geometry: Geometry,
    /// The first key of each normal-mode action, for hints (the keymap does not change while running).
    hint_keys: std::collections::HashMap<Action, String>,
    row_cache: Option<(RowKey, RowLayout)>,
    doc_cache: Option<(DocKey, [DocLayout; 2])>,
    pub quit: bool,
}

impl App {
    /// A view over a comparison; rows without diffs get sentence-level ones at once.
    pub fn new(mut cmp: Comparison, tax: Taxonomy, keymap: Keymap) -> Self {
        if cmp.diffs.len() != cmp.alignment.rows.len() {
            cmp.diff_sentences();
        }
        let hint_keys = Action::ALL
            .iter()
            .filter_map(|&a| Some((a, keymap.keys_for(Mode::Normal, a).into_iter().next()?)))
            .collect();
        App {
            cmp,
            tax,
            keymap,
            hint_keys,
            words_ready: false,
            row: 0,
            scroll: [0, 0],
            focus: 0,
            mode: Mode::Normal,
            pending: Vec::new(),
            count: None,
            awaiting_topic: false,
            topic_digit: None,
            change_cursor: None,
            document: false,
            inline: None,
            sidebar: true,
            sync: true,
            changes_only: false,
            numbering: false,
            swapped: false,
            input: String::new(),
            query: None,
            message: None,
            help_scroll: 0,
            current_match: None,
            match_counts: None,
            overview: false,
            overview_cursor: 1,
            overview_cache: None,
            geometry: Geometry::default(),
            row_cache: None,
            doc_cache: None,
            quit: false,
        }
    }

    /// The key to show in hints for `action`, if it has one in normal mode.
    pub fn hint_key(&self, action: Action) -> Option<&str> {
        self.hint_keys.get(&action).map(String::as_str)
    }

    /// Installs word-level diffs computed elsewhere (the segmenter's thread).
    pub fn set_word_diffs(&mut self, diffs: Vec<RowDiff>) {
        if diffs.len() == self.cmp.alignment.rows.len() {
            self.cmp.diffs = diffs;
            self.words_ready = true;
            self.row_cache = None;
            self.overview_cache = None;
        }
    }

    pub fn rows(&self) -> usize {
        self.cmp.alignment.rows.len()
    }

    /// Lays the screen out for a terminal of `width` × `height`: every part's place, decided before
    /// anything is drawn (the view may switch between inline and side by side with the width).
    pub fn resize(&mut self, width: u16, height: u16) {
        self.geometry.width = width;
        let inline = self.is_inline();
        self.geometry = Geometry::new(width, height, self.sidebar, inline);
        self.clamp_scroll();
    }

    /// Keeps both panes' scroll within what they show (after a resize or a change of view).
    fn clamp_scroll(&mut self) {
        if self.geometry.panes.is_empty() {
            return;
        }
        for i in 0..2 {
            let max = self.max_scroll(i);
            self.scroll[i] = self.scroll[i].min(max);
        }
    }

    /// Is the inline view in effect?
    pub fn is_inline(&self) -> bool {
        !self.document && self.inline.unwrap_or(self.geometry.width < AUTO_INLINE_WIDTH)
    }

    fn options(&self) -> Options {
        Options {
            marks: self.words_ready,
            changes_only: self.changes_only,
            swapped: self.swapped,
            numbering: self.numbering,
            query: self.query.clone(),
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

    /// The current row laid out for the current geometry (cached).
    pub fn row_layout(&mut self) -> &RowLayout {
        let key = self.row_key(self.row);
        if self.row_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let layout = self.layout_of(self.row, &key);
            self.row_cache = Some((key, layout));
        }
        &self.row_cache.as_ref().expect("just filled").1
    }

    fn layout_of(&self, row: usize, key: &RowKey) -> RowLayout {
        let Some(r) = self.cmp.alignment.rows.get(row) else {
            return layout::nothing_to_compare();
        };
        let d = self.cmp.diffs.get(row);
        let w = |i: usize| key.widths.get(i).copied().unwrap_or(40).max(4) as usize;
        if key.inline {
            inline::inline(r, d, w(0), &key.opts)
        } else {
            layout::side_by_side(r, d, [w(0), w(1)], &key.opts)
        }
    }

    /// Both documents laid out for the panes (cached; independent of the row).
    pub fn doc_layouts(&mut self) -> &[DocLayout; 2] {
        let widths: Vec<u16> = self.geometry.panes.iter().map(|p| p.1).collect();
        let key = (widths.clone(), self.swapped, self.query.clone());
        if self.doc_cache.as_ref().is_none_or(|(k, _)| *k != key) {
            let w = |i: usize| widths.get(i).copied().unwrap_or(40).saturating_sub(2).max(4) as usize;
            let q = self.query.as_deref();
            let layouts = [0, 1].map(|pane| document::document(self.cmp.report(self.pane_side(pane)), w(pane), q));
            self.doc_cache = Some((key, layouts));
        }
        &self.doc_cache.as_ref().expect("just filled").1
    }

    /// The report shown in pane `pane` (0 is the left or only pane).
    pub fn pane_side(&self, pane: usize) -> Side {
        Side::in_pane(pane, self.swapped)
    }

    /// Sections (and whether the opening) of each pane that the current row's passages cover.
    pub fn linked(&self) -> [(HashSet<usize>, bool); 2] {
        let Some(row) = self.cmp.alignment.rows.get(self.row) else {
            return Default::default();
        };
        [0, 1].map(|pane| {
            let side = self.pane_side(pane);
            let doc = &self.cmp.report(side).doc;
            let passages = row.passages(side);
            let mut set = HashSet::new();
            for p in passages {
                if let Some(s) = p.section {
                    set.insert(s);
                    if p.kind == PassageKind::Section {
                        set.extend(descendants(doc, s));
                    }
                }
            }
            (set, passages.iter().any(|p| p.kind == PassageKind::Preamble))
        })
    }

    /// Lines in pane `i` of what is shown now.
    fn pane_len(&mut self, i: usize) -> usize {
        if self.document {
            self.doc_layouts()[i.min(1)].lines.len()
        } else {
            let l = self.row_layout();
            l.panes.get(i).or(l.panes.first()).map_or(0, Vec::len)
        }
    }

    fn max_scroll(&mut self, i: usize) -> usize {
        self.pane_len(i).saturating_sub(self.geometry.height.max(1))
    }

    /// Scrolls by `delta` lines: both panes when synced (or inline), else the focused one.
    pub fn scroll_by(&mut self, delta: isize) {
        let panes: Vec<usize> = if self.sync && !self.document {
            vec![0, 1]
        } else {
            vec![self.focus]
        };
        for i in panes {
            let max = self.max_scroll(i);
            self.scroll[i] = self.scroll[i].saturating_add_signed(delta).min(max);
        }
        if self.document {
            self.follow_in_document();
        }
    }

    /// Scrolls the pane under column `x` (mouse wheel).
    pub fn scroll_at(&mut self, x: u16, delta: isize) {
        if let Some(i) = self.geometry.panes.iter().position(|&(px, w)| x >= px && x < px + w) {
            self.focus = i;
        }
        self.scroll_by(delta);
    }

    fn set_row(&mut self, row: usize) {
        if row < self.rows() {
            self.row = row;
            self.change_cursor = None;
            self.scroll = [0, 0];
            if self.document {
                self.show_row_in_documents();
            }
        }
    }

    fn current_line(&self) -> usize {
        if self.sync || self.is_inline() {
            self.scroll[0]
        } else {
            self.scroll[self.focus]
        }
    }

    fn goto_line(&mut self, line: usize) {
        let line = line.saturating_sub(2);
        for i in 0..2 {
            let max = self.max_scroll(i);
            self.scroll[i] = line.min(max);
        }
    }

    /// The change shown (1-based; 0 above the first) and how many the row has.
    pub fn change_position(&mut self) -> (usize, usize) {
        if self.document {
            return (0, 0);
        }
        let at = self.current_line() + 2;
        let cursor = self.change_cursor;
        let changes = &self.row_layout().changes;
        let shown = match cursor.filter(|&i| i < changes.len()) {
            Some(i) => i + 1,
            None => changes.iter().filter(|&&c| c <= at).count(),
        };
        (shown, changes.len())
    }

    /// Moves to the next (or previous) block of changes, crossing into other rows at the ends. The
    /// cursor, not the scroll, says where we are: a short row cannot scroll to its last change.
    fn jump_change(&mut self, forward: bool) {
        let at = self.current_line() + 2;
        let changes = self.row_layout().changes.clone();
        let target = match (self.change_cursor.filter(|&i| i < changes.len()), forward) {
            (Some(i), true) => Some(i + 1).filter(|&n| n < changes.len()),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => changes.iter().position(|&c| c > at),
            (None, false) => changes.iter().rposition(|&c| c < at),
        };
        if let Some(i) = target {
            self.goto_line(changes[i]);
            self.change_cursor = Some(i);
            return;
        }
        let rows: Vec<usize> = if forward {
            (self.row + 1..self.rows()).collect()
        } else {
            (0..self.row).rev().collect()
        };
        for r in rows {
            self.set_row(r);
            let changes = self.row_layout().changes.clone();
            let pick = if forward {
                (!changes.is_empty()).then_some(0)
            } else {
                changes.len().checked_sub(1)
            };
            if let Some(i) = pick {
                self.goto_line(changes[i]);
                self.change_cursor = Some(i);
                return;
            }
        }
        self.message = Some(
            if forward {
                "no more changes"
            } else {
                "no earlier changes"
            }
            .into(),
        );
    }

    fn run_search(&mut self) {
        self.current_match = None;
        let q = self.input.trim().to_string();
        self.query = (!q.is_empty()).then_some(q);
        if self.query.is_some() {
            self.jump_match(true, true);
        }
    }

    /// Rows whose passages contain the query.
    fn rows_matching(&self) -> Vec<usize> {
        let Some(q) = self.query.as_deref() else {
            return Vec::new();
        };
        self.cmp
            .alignment
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.left
                    .iter()
                    .chain(&r.right)
                    .any(|p| !lines::find_all(&p.text, q).is_empty())
            })
            .map(|(i, _)| i)
            .collect()
    }

    fn jump_match(&mut self, forward: bool, include_current: bool) {
        let Some(q) = self.query.clone() else {
            self.message = Some("no search yet: press / to search".into());
            return;
        };
        if self.document {
            self.message = Some("search jumps work in the topic views; matches are highlighted here".into());
            return;
        }
        // From the match last gone to (a short row cannot scroll to put it at the top), else from
        // the top of the view.
        let from_match = self.current_match.filter(|m| m.0 == self.row).map(|m| m.1);
        let at = from_match.unwrap_or(self.current_line() + 2);
        let matches = self.row_layout().matches.clone();
        let here = if forward {
            matches.iter().find(|&&m| {
                if include_current && from_match.is_none() {
                    m + 2 >= at
                } else {
                    m > at
                }
            })
        } else {
            matches.iter().rev().find(|&&m| m < at)
        };
        if let Some(&line) = here {
            self.goto_line(line);
            self.current_match = Some((self.row, line));
            return;
        }
        let rows = self.rows_matching();
        let n = self.rows();
        let order: Vec<usize> = (1..=n)
            .map(|k| {
                if forward {
                    (self.row + k) % n
                } else {
                    (self.row + n - k) % n
                }
            })
            .collect();
        for r in order.into_iter().filter(|r| rows.contains(r)) {
            self.set_row(r);
            let matches = self.row_layout().matches.clone();
            if let Some(&line) = if forward { matches.first() } else { matches.last() } {
                self.goto_line(line);
                self.current_match = Some((self.row, line));
                return;
            }
        }
        self.current_match = None;
        self.message = Some(format!("'{q}' not found"));
    }

    /// Which match is the current one and how many there are, over all rows: `(3, 17)`.
    pub fn match_position(&mut self) -> Option<(usize, usize)> {
        self.query.as_ref()?;
        let key = self.row_key(0);
        if self.match_counts.as_ref().is_none_or(|(k, _)| *k != key) {
            let counts = (0..self.rows())
                .map(|r| self.layout_of(r, &self.row_key(r)).matches.len())
                .collect();
            self.match_counts = Some((key, counts));
        }
        let counts = &self.match_counts.as_ref().expect("just filled").1;
        let total: usize = counts.iter().sum();
        let before: usize = counts[..self.row.min(counts.len())].iter().sum();
        let current = self.current_match.filter(|m| m.0 == self.row).map(|m| m.1);
        let matches = &self.row_layout().matches;
        let within = current
            .and_then(|line| matches.iter().position(|&m| m == line))
            .map_or(0, |i| i + 1);
        Some((before + within, total))
    }

    /// Goes to row `n` as numbered in the sidebar (from 1).
    fn go_to_row_number(&mut self, n: usize) {
        if (1..=self.rows()).contains(&n) {
            self.overview = false;
            self.set_row(n - 1);
        } else {
            self.message = Some(format!("no row {n}: rows are 1–{}", self.rows()));
        }
    }

    fn jump_topic(&mut self, c: char) {
        if let Some(d) = c.to_digit(10) {
            self.go_to_row_number(if d == 0 { 10 } else { d as usize });
            return;
        }
        let c = c.to_ascii_lowercase();
        let n = self.rows();
        let hit = (1..=n).map(|k| (self.row + k) % n).find(|&r| {
            self.cmp.alignment.rows[r]
                .topic
                .is_some_and(|t| self.tax.topic(t).id.starts_with(c))
        });
        match hit {
            Some(r) => self.set_row(r),
            None => self.message = Some(format!("no topic starts with '{c}'")),
        }
    }

    /// Document view: keep the other pane on the passage matching what the focused pane shows.
    fn follow_in_document(&mut self) {
        let focus = self.focus.min(1);
        let top = self.scroll[focus];
        let section = self.doc_layouts()[focus]
            .sections
            .iter()
            .skip(top)
            .take(3)
            .flatten()
            .next()
            .copied();
        let Some(section) = section else { return };
        let side = self.pane_side(focus);
        let doc = &self.cmp.report(side).doc;
        let ancestors: HashSet<usize> = std::iter::successors(Some(section), |&s| doc.sections[s].parent).collect();
        let found = self.cmp.alignment.rows.iter().position(|r| {
            r.passages(side)
                .iter()
                .any(|p| p.section.is_some_and(|s| ancestors.contains(&s)))
        });
        if let Some(r) = found.filter(|&r| r != self.row) {
            self.row = r;
            self.scroll_other_to_row(1 - focus);
        }
    }

    fn scroll_other_to_row(&mut self, pane: usize) {
        let Some(row) = self.cmp.alignment.rows.get(self.row) else {
            return;
        };
        let first = row.passages(self.pane_side(pane)).iter().find_map(|p| p.section);
        let layouts = self.doc_layouts();
        if let Some(line) = first.and_then(|s| layouts[pane].sections.iter().position(|&x| x == Some(s))) {
            let max = self.max_scroll(pane);
            self.scroll[pane] = line.saturating_sub(1).min(max);
        }
    }

    fn show_row_in_documents(&mut self) {
        self.scroll_other_to_row(0);
        self.scroll_other_to_row(1);
    }

    /// Resolves a key press through the keymap (with counts, sequences and the search prompt).
    pub fn handle_key(&mut self, key: Key) {
        self.message = None;
        if let Some(first) = self.topic_digit.take() {
            // A second digit makes a two-digit row number; anything else takes the first alone.
            match key.code {
                KeyCode::Char(c @ '0'..='9') => self.go_to_row_number(first * 10 + c as usize - '0' as usize),
                _ => self.go_to_row_number(first),
            }
            return;
        }
        if self.awaiting_topic {
            self.awaiting_topic = false;
            match key.code {
                // Wait for a second digit only when one could follow: `t 1` among 12 rows.
                KeyCode::Char(c @ '1'..='9') if (c as usize - '0' as usize) * 10 <= self.rows() => {
                    self.topic_digit = Some(c as usize - '0' as usize);
                }
                KeyCode::Char(c) => self.jump_topic(c),
                _ => {}
            }
            return;
        }
        if self.mode == Mode::Search
            && let KeyCode::Char(c) = key.code
            && !key.ctrl
            && !key.alt
        {
            self.input.push(c);
            return;
        }
        if self.mode == Mode::Normal
            && self.pending.is_empty()
            && let KeyCode::Char(c @ '0'..='9') = key.code
            && !key.ctrl
            && !key.alt
            && (c != '0' || self.count.is_some())
        {
            let d = c.to_digit(10).unwrap_or(0) as usize;
            self.count = Some(
                self.count
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(d)
                    .min(100_000),
            );
            return;
        }
        self.pending.push(key);
        match self.keymap.lookup(self.mode, &self.pending) {
            Lookup::Pending => {}
            Lookup::Matched(action) => {
                self.pending.clear();
                let typed = self.count.take();
                match (action, typed) {
                    // `12t`: the row by its number.
                    (Action::JumpTopic, Some(n)) => self.go_to_row_number(n),
                    _ => self.apply(action, typed.unwrap_or(1)),
                }
            }
            Lookup::NotFound => {
                self.pending.clear();
                self.count = None;
            }
        }
    }

    /// The keys typed so far of an unfinished sequence or count, for the status line.
    pub fn pending_keys(&self) -> String {
        let mut s = self.count.map(|c| c.to_string()).unwrap_or_default();
        for k in &self.pending {
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

    /// Carries out an action `count` times where that makes sense.
    pub fn apply(&mut self, action: Action, count: usize) {
        if self.overview && self.apply_in_overview(action, count) {
            return;
        }
        let page = self.geometry.height.max(2) as isize;
        let n = count as isize;
        if !matches!(
            action,
            Action::NextChange | Action::PrevChange | Action::Help | Action::Cancel
        ) {
            self.change_cursor = None;
        }
        match action {
            Action::ScrollDown if self.mode == Mode::Help => self.help_scroll += count,
            Action::ScrollUp if self.mode == Mode::Help => self.help_scroll = self.help_scroll.saturating_sub(count),
            Action::ScrollDown => self.scroll_by(n),
            Action::ScrollUp => self.scroll_by(-n),
            Action::HalfPageDown => self.scroll_by(n * page / 2),
            Action::HalfPageUp => self.scroll_by(-n * page / 2),
            Action::PageDown => self.scroll_by(n * (page - 1)),
            Action::PageUp => self.scroll_by(-n * (page - 1)),
            Action::GotoTop => self.scroll_by(isize::MIN / 2),
            Action::GotoBottom => self.scroll_by(isize::MAX / 2),
            Action::NextRow => self.set_row((self.row + count).min(self.rows().saturating_sub(1))),
            Action::PrevRow => self.set_row(self.row.saturating_sub(count)),
            Action::NextChange => (0..count).for_each(|_| self.jump_change(true)),
            Action::PrevChange => (0..count).for_each(|_| self.jump_change(false)),
            Action::Search => {
                self.mode = Mode::Search;
                self.input.clear();
            }
            Action::SearchConfirm => {
                self.mode = Mode::Normal;
                self.run_search();
            }
            Action::SearchBackspace => {
                self.input.pop();
            }
            Action::SearchNext => self.jump_match(true, false),
            Action::SearchPrev => self.jump_match(false, false),
            Action::JumpTopic => self.awaiting_topic = true,
            Action::FocusLeft => self.focus = 0,
            Action::FocusRight => self.focus = 1,
            Action::SwapSides => {
                self.swapped = !self.swapped;
                self.scroll.swap(0, 1);
            }
            Action::ToggleSidebar => self.sidebar = !self.sidebar,
            Action::ToggleInline => {
                self.document = false;
                self.inline = Some(!self.is_inline());
            }
            Action::ToggleDocument => {
                self.document = !self.document;
                self.scroll = [0, 0];
                if self.document {
                    self.show_row_in_documents();
                }
            }
            Action::ToggleChangesOnly => {
                self.changes_only = !self.changes_only;
                self.scroll = [0, 0];
            }
            Action::ToggleNumbering => {
                self.numbering = !self.numbering;
                self.message = Some(
                    if self.numbering {
                        "numbering differences marked as changes"
                    } else {
                        "numbering differences dimmed"
                    }
                    .into(),
                );
            }
            Action::ToggleSync => {
                self.sync = !self.sync;
                if self.sync {
                    self.scroll[1] = self.scroll[0];
                }
                self.message = Some(
                    if self.sync {
                        "panes scroll together"
                    } else {
                        "panes scroll apart (h/l picks one)"
                    }
                    .into(),
                );
            }
            Action::Overview => self.overview = true,
            // Enter opens places in the overview only.
            Action::Open => {}
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.input.clear();
            }
            Action::Quit => self.quit = true,
        }
        // Sidebar and view toggles move the panes; every change may leave a scroll past the end.
        self.resize(self.geometry.width, self.geometry.total_height);
    }
}

fn descendants(doc: &crate::outline::Document, id: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = doc.sections[id].children.clone();
    while let Some(s) = stack.pop() {
        out.push(s);
        stack.extend(doc.sections[s].children.iter().copied());
    }
    out
}
