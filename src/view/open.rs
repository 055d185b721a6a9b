//! The overview screen's state changes: the cursor, and opening the place a line names.

use super::App;
use super::overview::Target;
use crate::keys::Action;
use crate::keys::Mode;
use crate::sides::Side;

impl App {
    /// Moves the cursor `delta` openable lines (clamped).
    fn move_overview_cursor(&mut self, delta: isize) {
        let openable = self.overview_now().openable();
        if openable.is_empty() {
            return;
        }
        let at = openable.iter().position(|&l| l >= self.overview_cursor).unwrap_or(0);
        let to = at.saturating_add_signed(delta).min(openable.len() - 1);
        self.overview_cursor = openable[to];
    }

    /// Carries out `action` on the overview screen; `false` when it is not an overview action (the
    /// overview then closes and the action applies to the rows).
    pub(super) fn apply_in_overview(&mut self, action: Action, count: usize) -> bool {
        let page = self.geometry.height.max(2) as isize - 1;
        let n = count as isize;
        match action {
            _ if matches!(self.mode, Mode::Help | Mode::Search) => return false,
            Action::Note if self.overlay == Some(super::OverviewKind::Changes) => self.start_note_in_overview(),
            Action::ToggleReviewed if self.overlay == Some(super::OverviewKind::Changes) => self.toggle_reviewed(),
            Action::ScrollDown | Action::NextRow => self.move_overview_cursor(n),
            Action::ScrollUp | Action::PrevRow => self.move_overview_cursor(-n),
            Action::PageDown | Action::HalfPageDown => self.move_overview_cursor(n * page),
            Action::PageUp | Action::HalfPageUp => self.move_overview_cursor(-n * page),
            Action::GotoTop => self.move_overview_cursor(isize::MIN / 2),
            Action::GotoBottom => self.move_overview_cursor(isize::MAX / 2),
            Action::Open => self.open_overview_line(),
            Action::Cancel => self.overlay = None,
            Action::Overview | Action::Checklist => self.show_overview(action),
            Action::SwapSides => {
                self.swapped = !self.swapped;
                self.scroll.swap(0, 1);
            }
            Action::Quit | Action::Help | Action::ToggleSidebar => return false,
            _ => {
                self.overlay = None;
                return false;
            }
        }
        true
    }

    /// The first overview line on screen: the cursor stays in view, one line above the bottom.
    pub fn overview_top(&self) -> usize {
        self.overview_cursor
            .saturating_sub(self.geometry.content.height.saturating_sub(2) as usize)
    }

    /// A click on the `offset`-th overview line on screen: opens it, if it names a place.
    pub(super) fn click_overview(&mut self, offset: usize) {
        let line = self.overview_top() + offset;
        let opens = self
            .overview_now()
            .targets
            .get(line)
            .is_some_and(|t| *t != Target::None);
        if opens {
            self.overview_cursor = line;
            self.open_overview_line();
        }
    }

    /// Opens what the line under the cursor names: a row, a figure in its row, or the first place
    /// a cited document is named.
    fn open_overview_line(&mut self) {
        let cursor = self.overview_cursor;
        let target = self
            .overview_layout()
            .targets
            .get(cursor)
            .cloned()
            .unwrap_or(Target::None);
        match target {
            Target::None => return,
            // A row opens on its first change, under the change cursor: `change 1/n`.
            Target::Row(r) => {
                self.set_row(r);
                if let Some(line) = self.measured_now().changes.first().map(|c| c.line) {
                    self.goto_line(line);
                    self.change_cursor = Some(0);
                }
            }
            Target::Figure { row, after, .. } => {
                self.set_row(row);
                let line = self.layout_all().panes.iter().find_map(|pane| {
                    pane.iter()
                        .position(|l| l.segs.iter().any(|s| s.figure && s.text.contains(after.as_str())))
                });
                if let Some(line) = line {
                    self.goto_line(line);
                    // The change that holds the figure is the current one.
                    let changes = &self.measured_now().changes;
                    let holding = changes
                        .iter()
                        .position(|c| c.marks.iter().any(|(_, r)| r.contains(&line)));
                    self.change_cursor = holding;
                }
            }
            Target::Cited(name) => {
                self.query = Some(name);
                self.set_row(0);
                self.jump_match(true, true);
            }
            Target::Sentence { side, sentence } => self.open_sentence(side, sentence),
        }
        self.overlay = None;
    }

    /// Shows the overview `action` asks for (`Overview`: the changes, `Checklist`: the checklist),
    /// or closes the one shown when it is asked for again.
    pub(super) fn show_overview(&mut self, action: Action) {
        let kind = if action == Action::Checklist {
            super::OverviewKind::Checklist
        } else {
            super::OverviewKind::Changes
        };
        if self.overlay == Some(kind) {
            self.overlay = None;
            return;
        }
        self.overview_cursor = 1;
        self.overlay = Some(kind);
    }

    /// Opens the row holding sentence `sentence` of the report on `side`, at the sentence.
    fn open_sentence(&mut self, side: Side, sentence: usize) {
        let k = sentence as u32;
        let Some(row) = (0..self.rows()).find(|&r| {
            self.cmp.alignment.rows[r].passages[side]
                .iter()
                .any(|p| p.sentences.contains(&k))
        }) else {
            return;
        };
        self.set_row(row);
        let doc = self.cmp.doc(side);
        let sentences = doc.sentences();
        let Some(s) = sentences.get(sentence) else { return };
        // The first characters of the sentence, as the pane shows them.
        let start: String = doc.sentence_text(s).trim().chars().take(6).collect();
        let pane = if Side::in_pane(0, self.swapped) == side { 0 } else { 1 };
        let layout = self.layout_all();
        let panes = &layout.panes;
        let line = panes
            .get(pane.min(panes.len().saturating_sub(1)))
            .and_then(|lines| lines.iter().position(|l| l.text().contains(start.as_str())));
        if let Some(line) = line {
            self.goto_line(line);
        }
    }

    /// Shows the checklist with the cursor on its `item`-th line of contents (0: the first
    /// content), as the series' checklist opens a report's.
    pub fn show_checklist_at(&mut self, item: usize) {
        self.overlay = None;
        self.show_overview(Action::Checklist);
        let lines = self.overview_now().lines.len();
        self.overview_cursor = (item + 1).min(lines.saturating_sub(1)).max(1);
    }

    /// Shows the first line of `side`'s report in the current row that holds `text`, preferring
    /// one whose line (or the line before) also holds the start of `near`: where a figure is stated.
    pub fn show_text(&mut self, side: Side, text: &str, near: &str) {
        let pane = if Side::in_pane(0, self.swapped) == side { 0 } else { 1 };
        let head: String = near.chars().take(2).collect();
        let layout = self.layout_all();
        let Some(lines) = layout.panes.get(pane.min(layout.panes.len().saturating_sub(1))) else {
            return;
        };
        let holds = |k: usize| lines[k].text().contains(text);
        let near_it = |k: usize| (k.saturating_sub(1)..=k).any(|j| lines[j].text().contains(head.as_str()));
        let found = (0..lines.len())
            .find(|&k| holds(k) && near_it(k))
            .or_else(|| (0..lines.len()).find(|&k| holds(k)));
        if let Some(line) = found {
            self.goto_line(line.saturating_sub(1));
        }
    }
}
