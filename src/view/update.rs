//! The one place the interface's state changes: every [`Input`] goes through [`App::update`], which
//! carries it out and then brings the cached layouts up to date for drawing.

use super::layout::Filter;
use super::{App, Geometry};
use crate::diff::RowDiff;
use crate::keys::{Action, Key, Mode};

/// Everything that can happen to the interface.
#[derive(Debug, Clone)]
pub enum Input {
    /// A key press, resolved through the keymap.
    Key(Key),
    /// An action carried out `count` times, as if its key had been pressed.
    Action(Action, usize),
    /// The mouse wheel over column `column`: `lines` down, or up when negative.
    Scroll { column: u16, lines: isize },
    /// A click on a cell.
    Click { column: u16, row: u16 },
    /// The terminal's size, at start and whenever it changes.
    Resize { width: u16, height: u16 },
    /// Word-level diffs computed elsewhere (the segmenter's thread), one per row.
    WordDiffs(Vec<RowDiff>),
    /// The right-hand report's checklist, made elsewhere (the same thread, after the diffs).
    Checklist(Option<Box<crate::check::ReportCheck>>),
    /// The comparison made again after a refiling (off the loop), word marks made.
    Recompared(Box<super::Recomparison>),
    /// Both reports measured for the document view off the loop.
    DocsMeasured(Box<super::cache::MeasuredDocs>),
    /// A long row measured off the loop (see `App::measure_row_ahead`).
    RowMeasured(Box<super::cache::MeasuredRow>),
    /// A search's matches in every row, counted off the loop.
    MatchCounts(Box<super::cache::Counted>),
    /// Work done off the loop that has only something to say (the export written).
    Said(String),
}

impl App {
    /// Carries out one input, then lays out what the screen will show. The only way the state
    /// changes once the interface runs.
    pub fn update(&mut self, input: Input) {
        self.update_then(input, |_| {});
    }

    /// [`App::update`], calling `decided` once the input is carried out, before the screen is laid
    /// out for it (the part that may take long): what quits from then on is known.
    pub fn update_then(&mut self, input: Input, decided: impl FnOnce(&App)) {
        match input {
            Input::Key(key) => self.handle_key(key),
            Input::Action(action, count) => self.apply(action, count),
            Input::Scroll { column, lines } => self.scroll_at(column, lines),
            Input::Click { column, row } => self.click(column, row),
            // Laid out below, as after every input.
            Input::Resize { width, height } => (self.geometry.width, self.geometry.total_height) = (width, height),
            Input::WordDiffs(diffs) => self.set_word_diffs(diffs),
            Input::Checklist(check) => self.set_checklist(check.as_deref()),
            Input::Recompared(made) => self.install_comparison(*made),
            Input::DocsMeasured(measured) => self.install_docs(*measured),
            Input::RowMeasured(measured) => self.install_row(*measured),
            Input::MatchCounts(counted) => self.install_counts(*counted),
            Input::Said(said) => self.message = Some(said),
        }
        decided(self);
        // Toggles move the panes, and any change may leave a scroll past the end.
        self.resize(self.geometry.width, self.geometry.total_height);
        self.refresh();
    }

    /// A click: on a sidebar row, that row; on an overview line, what it opens.
    fn click(&mut self, column: u16, row: u16) {
        self.message = None;
        if let Some(bar) = self.geometry.sidebar.filter(|a| a.contains(column, row)) {
            let n = self.sidebar_first() + usize::from(row - bar.y);
            if n < self.rows() {
                self.overlay = None;
                self.set_row(n);
            }
        } else if self.overlay.is_some() && self.geometry.content.contains(column, row) {
            self.click_overview(usize::from(row - self.geometry.content.y));
        }
    }

    /// Shows only `filter`'s sentences, or all again when it is on already.
    fn set_filter(&mut self, filter: Filter) {
        self.prefs.filter = if self.prefs.filter == filter {
            Filter::All
        } else {
            filter
        };
        self.scroll = [0, 0];
        let what = match self.prefs.filter {
            Filter::All => "every sentence shown",
            Filter::Changes => "changed sentences only",
            Filter::New => "only what the right-hand report adds or rewrites",
        };
        // Rows side by side and inline fold alike; the document view shows every sentence.
        self.message = Some(if self.prefs.filter != Filter::All && self.in_document() {
            format!(
                "{what}: not in the document view ({} returns to rows)",
                self.hints.key(Action::ToggleDocument)
            )
        } else {
            what.to_string()
        });
    }

    /// Asks for the focused report's text of the current row on the clipboard, and says so.
    fn yank(&mut self) {
        let side = self.pane_side(self.focus.min(1));
        let text: Vec<&str> = self
            .cmp
            .alignment
            .rows
            .get(self.row)
            .map(|r| r.passages[side].iter().map(|p| p.text.trim()).collect())
            .unwrap_or_default();
        let text = text.join("\n");
        let which = if side == crate::sides::Side::Left {
            "left"
        } else {
            "right"
        };
        if text.is_empty() {
            self.message = Some(format!("the {which} report has nothing on this topic to copy"));
            return;
        }
        self.message = Some(format!(
            "copied {} characters of the {which} report (OSC 52: the terminal must allow it)",
            text.chars().count()
        ));
        self.effects.push(super::Effect::Copy(text));
    }

    /// What the stock toggle says it did, and from what the phrases come.
    fn stock_message(&self) -> String {
        if !self.prefs.dim_stock {
            return "stock phrases shown plainly".into();
        }
        let s = &self.stock;
        if s.learned_from == 0 {
            return "dimmed: the built-in stock phrases (a series of 3+ issuing units learns the genre's own)".into();
        }
        let examples: Vec<&str> = s.phrases.iter().take(3).map(|p| p.text.as_str()).collect();
        format!(
            "dimmed: {} phrases of {}+ of {} issuing units, and the built-in list ({}…)",
            s.phrases.len(),
            s.threshold,
            s.learned_from,
            examples.join("、")
        )
    }

    /// Installs word-level diffs computed elsewhere.
    fn set_word_diffs(&mut self, diffs: Vec<RowDiff>) {
        if diffs.len() == self.cmp.alignment.rows.len() {
            self.cmp.diffs = std::sync::Arc::new(diffs);
            self.words_ready = true;
            self.caches.diffs_changed();
            self.measure_docs_ahead();
            let coarse = self.cmp.coarse_rows();
            if coarse > 0 {
                self.message = Some(format!(
                    "{coarse} {} compared sentence by sentence: the word diff ran out of time",
                    if coarse == 1 { "row" } else { "rows" }
                ));
            }
        }
    }

    /// Lays the screen out for a terminal of `width` × `height`: every part's place, decided before
    /// anything is drawn (the view may switch between inline and side by side with the width).
    fn resize(&mut self, width: u16, height: u16) {
        self.geometry.width = width;
        let inline = self.is_inline();
        self.geometry = Geometry::new(width, height, self.prefs.sidebar, inline);
        self.clamp_scroll();
    }

    /// Keeps both panes' scroll within what they show (after a resize or a change of view).
    pub(super) fn clamp_scroll(&mut self) {
        if self.geometry.panes.is_empty() {
            return;
        }
        for i in 0..2 {
            let max = self.max_scroll(i);
            self.scroll[i] = self.scroll[i].min(max);
        }
    }

    /// Lines in pane `i` of what is shown now.
    pub(super) fn pane_len(&mut self, i: usize) -> usize {
        if self.in_document() {
            self.docs_now()[i.min(1)].lines.len()
        } else {
            let l = self.measured_now();
            l.panes
                .get(i)
                .or(l.panes.first())
                .map_or(0, super::held::HeldLines::len)
        }
    }

    pub(super) fn max_scroll(&mut self, i: usize) -> usize {
        self.pane_len(i).saturating_sub(self.geometry.height.max(1))
    }

    /// Scrolls by `delta` lines: both panes when synced (or inline), else the focused one.
    pub(super) fn scroll_by(&mut self, delta: isize) {
        let panes: Vec<usize> = if self.prefs.sync && !self.in_document() {
            vec![0, 1]
        } else {
            vec![self.focus]
        };
        for i in panes {
            let max = self.max_scroll(i);
            self.scroll[i] = self.scroll[i].saturating_add_signed(delta).min(max);
        }
        if self.in_document() {
            self.follow_in_document();
        }
    }

    /// Scrolls the pane under column `x` (mouse wheel).
    fn scroll_at(&mut self, x: u16, delta: isize) {
        if let Some(i) = self.geometry.panes.iter().position(|&(px, w)| x >= px && x < px + w) {
            self.focus = i;
        }
        self.scroll_by(delta);
    }

    pub(super) fn set_row(&mut self, row: usize) {
        if row < self.rows() {
            self.row = row;
            self.change_cursor = None;
            self.scroll = [0, 0];
            if self.in_document() {
                self.show_row_in_documents();
            }
        }
    }

    pub(super) fn current_line(&self) -> usize {
        if self.prefs.sync || self.is_inline() {
            self.scroll[0]
        } else {
            self.scroll[self.focus]
        }
    }

    pub(super) fn goto_line(&mut self, line: usize) {
        let line = line.saturating_sub(2);
        for i in 0..2 {
            let max = self.max_scroll(i);
            self.scroll[i] = line.min(max);
        }
    }

    /// Carries out an action `count` times where that makes sense.
    pub(super) fn apply(&mut self, action: Action, count: usize) {
        if self.overlay.is_some() && self.apply_in_overview(action, count) {
            return;
        }
        let page = self.geometry.height.max(2) as isize;
        let n = count as isize;
        // What acts on the current change keeps it current.
        if !matches!(
            action,
            Action::NextChange
                | Action::PrevChange
                | Action::Help
                | Action::Cancel
                | Action::Refile
                | Action::RefileSentence
                | Action::Note
                | Action::SearchConfirm
                | Action::SearchBackspace
                | Action::ToggleReviewed
                | Action::Yank
                | Action::OpenInEditor
                | Action::FocusLeft
                | Action::FocusRight
        ) {
            self.change_cursor = None;
        }
        match action {
            Action::ScrollDown if self.mode == Mode::Help => {
                let shown = usize::from(self.geometry.help().height.saturating_sub(2));
                let max = self.help_lines().saturating_sub(shown);
                self.help_scroll = (self.help_scroll + count).min(max);
            }
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
                self.prompt = super::review::Prompt::Search;
                self.input.clear();
            }
            Action::SearchConfirm => {
                self.mode = Mode::Normal;
                self.confirm_prompt();
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
            Action::Coverage | Action::Figures | Action::NextPair | Action::PrevPair | Action::MarkBase => {
                if self.in_series {
                    self.series_request = Some(action);
                } else {
                    self.message = Some("with three reports or more: duibi FILE FILE FILE…, or a folder".into());
                }
            }
            Action::ToggleSidebar => self.prefs.sidebar = !self.prefs.sidebar,
            Action::ToggleInline => {
                self.screen = super::Screen::Rows;
                self.prefs.inline = Some(!self.is_inline());
            }
            Action::ToggleDocument => {
                self.screen = if self.in_document() {
                    super::Screen::Rows
                } else {
                    super::Screen::Document
                };
                self.scroll = [0, 0];
                if self.in_document() {
                    // The document view is side by side whatever the rows view was (inline on a
                    // narrow terminal): its panes first, then the lines the row is on in them.
                    self.resize(self.geometry.width, self.geometry.total_height);
                    self.show_row_in_documents();
                }
            }
            Action::ToggleChangesOnly => self.set_filter(Filter::Changes),
            Action::ToggleNewOnly => self.set_filter(Filter::New),
            Action::ToggleStock => {
                self.prefs.dim_stock = !self.prefs.dim_stock;
                self.message = Some(self.stock_message());
            }
            Action::ToggleNumbering => {
                self.prefs.numbering = !self.prefs.numbering;
                self.message = Some(
                    if self.prefs.numbering {
                        "numbering differences marked as changes"
                    } else {
                        "numbering differences dimmed"
                    }
                    .into(),
                );
            }
            Action::ToggleSync => {
                self.prefs.sync = !self.prefs.sync;
                if self.prefs.sync {
                    self.scroll[1] = self.scroll[0];
                }
                self.message = Some(if self.prefs.sync {
                    "panes scroll together".into()
                } else {
                    format!(
                        "panes scroll apart ({}/{} picks one)",
                        self.hints.key(Action::FocusLeft),
                        self.hints.key(Action::FocusRight)
                    )
                });
            }
            Action::Overview | Action::Checklist => self.show_overview(action),
            Action::Refile | Action::RefileSentence | Action::Note | Action::OpenInEditor if self.in_document() => {
                self.message = Some(format!(
                    "{} works on a topic row's current change: {} goes back to the rows",
                    action.name(),
                    self.hints.key(Action::ToggleDocument)
                ));
            }
            Action::Yank => self.yank(),
            Action::OpenInEditor => self.open_in_editor(),
            // Enter opens places in the overview only.
            Action::Open => {}
            Action::Help => {
                self.mode = Mode::Help;
                self.help_scroll = 0;
            }
            Action::Cancel => {
                self.mode = Mode::Normal;
                self.prompt = super::review::Prompt::Search;
                self.input.clear();
            }
            Action::Refile
            | Action::RefileSentence
            | Action::UndoRefile
            | Action::Note
            | Action::ToggleReviewed
            | Action::ExportReview
                if self.review.is_none() =>
            {
                self.message = Some("notes, reviewed marks and refiling are kept for a pair: duibi OLD NEW".into());
            }
            Action::Refile => self.start_refile(true),
            Action::RefileSentence => self.start_refile(false),
            Action::UndoRefile => self.undo_refile(),
            Action::Note => self.start_note(),
            Action::ToggleReviewed => self.toggle_reviewed(),
            Action::ExportReview => self.export_review(),
            Action::Quit => self.quit = true,
        }
        if matches!(
            action,
            Action::NextRow | Action::PrevRow | Action::NextChange | Action::PrevChange
        ) {
            self.say_notes();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::testing::{NEW, OLD, app};

    #[test]
    fn a_narrow_terminal_switches_to_inline_and_keeps_the_scroll_in_range() {
        let mut app = app(OLD, NEW, 120, 14);
        assert!(!app.is_inline());
        app.update(Input::Action(Action::GotoBottom, 1));
        app.update(Input::Resize { width: 80, height: 40 });
        assert!(app.is_inline());
        let lines = app.row_layout().panes[0].len();
        assert!(app.scroll[0] + app.geometry.height <= lines.max(app.geometry.height));
    }

    #[test]
    fn going_to_the_bottom_builds_the_lines_there_and_not_the_ones_passed_over() {
        // One row of many screens: its lines between the top and the bottom are never shown.
        let body = |n: usize| -> String {
            (0..300)
                .map(|k| format!("第{k}项工作落实法律顾问制度，提供法律咨询{}次。\n", k * n))
                .collect()
        };
        let (old, new) = (
            format!("一、法律顾问\n{}", body(1)),
            format!("一、法律顾问\n{}", body(2)),
        );
        let mut app = app(&old, &new, 120, 14);
        let h = app.geometry.height;
        assert!(app.row_layout().built(&(0..h)));
        app.update(Input::Action(Action::GotoBottom, 1));
        let layout = app.row_layout();
        let lines = layout.panes[0].len();
        assert!(lines > 20 * h, "a row of many screens: {lines} lines");
        assert_eq!(app.scroll, [lines - h, lines - h]);
        assert!(layout.built(&(lines - h..lines)), "the bottom is built");
        assert!(
            !layout.built(&(lines / 2..lines / 2 + 1)),
            "the middle of the row, never on screen, is not"
        );
    }

    #[test]
    fn toggles_lay_the_screen_out_again() {
        let mut app = app(OLD, NEW, 120, 20);
        let with_sidebar = app.geometry.panes.clone();
        app.update(Input::Action(Action::ToggleSidebar, 1));
        assert!(app.geometry.sidebar.is_none());
        assert_ne!(app.geometry.panes, with_sidebar, "the panes take the sidebar's columns");
        app.update(Input::Action(Action::ToggleInline, 1));
        assert_eq!(app.geometry.panes.len(), 1);
        assert_eq!(
            app.row_layout().panes.len(),
            1,
            "the layout drawn next is already the inline one"
        );
    }

    #[test]
    fn word_diffs_of_another_comparison_are_refused() {
        let mut app = app(OLD, NEW, 120, 20);
        let rows = app.rows();
        app.update(Input::WordDiffs(vec![RowDiff::default(); rows + 1]));
        assert_eq!(app.cmp.diffs.len(), rows);
    }

    #[test]
    fn messages_name_the_keys_of_the_keymap_in_effect() {
        for (keymap, left, right) in [
            ("default", "h", "l"),
            ("arrows", "left", "right"),
            ("emacs", "C-b", "C-f"),
        ] {
            let mut app = app(OLD, NEW, 120, 20);
            app.keymap = crate::keys::Keymap::preset(keymap).expect("shipped");
            app.hints = crate::keys::Hints::new(&app.keymap);
            app.update(Input::Action(Action::ToggleSync, 1));
            let message = app.message.clone().unwrap_or_default();
            let keys = format!(
                "{}/{}",
                app.hints.key(Action::FocusLeft),
                app.hints.key(Action::FocusRight)
            );
            assert!(message.contains(&keys), "{keymap}: {message}");
            if keymap != "emacs" {
                assert_eq!(keys, format!("{left}/{right}"));
            }
        }
    }

    #[test]
    fn the_newer_report_on_the_left_is_said_at_once() {
        let reversed = app(NEW, OLD, 120, 20);
        let message = reversed.message.clone().unwrap_or_default();
        assert!(message.contains("(2024) is newer than the right (2023)"), "{message}");
        assert!(message.contains("s swaps"), "{message}");
        assert_eq!(app(OLD, NEW, 120, 20).message, None);
    }

    #[test]
    fn filters_are_said_to_apply_inline_as_they_do() {
        let mut app = app(OLD, NEW, 80, 24);
        assert!(app.is_inline());
        let before = app.row_layout().panes[0].len();
        app.update(Input::Action(Action::ToggleChangesOnly, 1));
        let message = app.message.clone().unwrap_or_default();
        assert_eq!(message, "changed sentences only");
        assert!(app.row_layout().panes[0].len() <= before);
        app.update(Input::Action(Action::ToggleDocument, 1));
        app.update(Input::Action(Action::ToggleNewOnly, 1));
        let message = app.message.clone().unwrap_or_default();
        assert!(message.contains("not in the document view (d returns"), "{message}");
    }

    /// Each pane's first line in the document view opened on row `label` at `width` columns.
    fn document_opened_on(label: &str, width: u16) -> Vec<String> {
        let body = "全年开展法治宣传活动多次，覆盖全体干部职工和服务对象。\n".repeat(30);
        let old = format!(
            "某局2023年法治政府建设情况报告\n一、学法普法\n{body}二、法律顾问\n全年提供法律咨询16次。\n三、存在问题\n{body}"
        );
        let new = old.replace("16次", "119次").replace("2023年", "2024年");
        let mut app = app(&old, &new, width, 30);
        let row = app.cmp.row_labelled(label).expect("the row");
        app.update(Input::Action(Action::NextRow, row));
        app.update(Input::Action(Action::ToggleDocument, 1));
        let scroll = app.scroll;
        let docs = app.doc_layouts();
        (0..2)
            .map(|pane| {
                docs[pane]
                    .lines
                    .get(scroll[pane] + 1)
                    .map(crate::view::lines::Line::text)
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn the_document_view_opens_on_the_row_however_narrow_the_terminal() {
        // At 80 columns the rows are shown inline, in one pane; the document view has two.
        let narrow = document_opened_on("法律顾问", 80);
        assert!(narrow.iter().all(|l| l.contains("法律顾问")), "{narrow:?}");
        let wide = document_opened_on("法律顾问", 140);
        assert!(wide.iter().all(|l| l.contains("法律顾问")), "{wide:?}");
    }

    #[test]
    fn yank_asks_for_the_focused_reports_text_of_the_row_on_the_clipboard() {
        let mut app = app(OLD, NEW, 120, 20);
        app.update(Input::Action(Action::NextRow, 1));
        app.update(Input::Action(Action::Yank, 1));
        let [super::super::Effect::Copy(text)] = &app.effects[..] else {
            panic!("one copy asked for: {:?}", app.effects);
        };
        assert!(
            text.contains("全年提供法律咨询") && text.contains("16次"),
            "the left report's: {text}"
        );
        assert!(app.message.as_deref().is_some_and(|m| m.contains("copied")));
        app.effects.clear();
        app.update(Input::Action(Action::FocusRight, 1));
        app.update(Input::Action(Action::Yank, 1));
        assert!(matches!(&app.effects[..], [super::super::Effect::Copy(t)] if t.contains("119次")));
    }
}
