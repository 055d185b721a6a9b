//! Everything a user can ask of the interface: the command registry that keymaps bind and the help
//! overlay lists. Internal events (resize, segmenter ready) are not actions and cannot be bound.
//!
//! One table below makes the enum, [`Action::ALL`] (the help's order), and each action's keymap name
//! and description: adding an action is a line here, its binding in the keymaps and its handling in
//! the screen that serves it. Help, `duibi keys`, docs/keymaps.md and every hint read from it.

/// The actions: variant, keymap name, one line for the help.
macro_rules! actions {
    ($($variant:ident = $name:literal, $description:literal;)*) => {
        /// A user-bindable command.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant,)*
        }

        impl Action {
            /// Every action, in the order the help lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            fn info(self) -> (&'static str, &'static str) {
                match self {
                    $(Action::$variant => ($name, $description),)*
                }
            }
        }
    };
}

actions! {
    ScrollDown = "scroll_down", "scroll down one line";
    ScrollUp = "scroll_up", "scroll up one line";
    HalfPageDown = "half_page_down", "scroll down half a page";
    HalfPageUp = "half_page_up", "scroll up half a page";
    PageDown = "page_down", "scroll down a page";
    PageUp = "page_up", "scroll up a page";
    GotoTop = "goto_top", "go to the top of the topic";
    GotoBottom = "goto_bottom", "go to the bottom of the topic";
    NextRow = "next_row", "next topic row";
    PrevRow = "prev_row", "previous topic row";
    NextChange = "next_change", "next change (into the next row at the end)";
    PrevChange = "prev_change", "previous change";
    Search = "search", "search both reports";
    SearchNext = "search_next", "next search match";
    SearchPrev = "search_prev", "previous search match";
    SearchConfirm = "search_confirm", "run the search typed so far";
    SearchBackspace = "search_backspace", "delete the last character of the search";
    JumpTopic = "jump_topic", "jump to a topic: then its first letter or its number";
    FocusLeft = "focus_left", "focus the left pane (when scrolling is not synced)";
    FocusRight = "focus_right", "focus the right pane (when scrolling is not synced)";
    SwapSides = "swap_sides", "swap the left and right reports";
    ToggleSidebar = "toggle_sidebar", "show or hide the topic sidebar";
    ToggleInline = "toggle_inline", "switch between side-by-side and inline view";
    ToggleDocument = "toggle_document", "switch to whole documents and back";
    ToggleChangesOnly = "toggle_changes_only", "fold unchanged sentences";
    ToggleSync = "toggle_sync", "scroll the two panes together or apart";
    ToggleNumbering = "toggle_numbering", "mark numbering differences (二、→三、) as changes, or dim them";
    ToggleNewOnly = "toggle_new_only", "show only what the newer report adds or rewrites (dropped and moved text folds)";
    ToggleStock = "toggle_stock", "tone down stock phrases (wording most reports share); changes keep their marks";
    Overview = "overview", "show every row, changed figure and cited document at a glance, or go back";
    Checklist = "checklist", "the reviewer's checklist: contents, deadline, last year's problems and plans";
    Coverage = "coverage", "with several reports: every topic in every report, and what each copies, or go back";
    Figures = "figures", "with several reports: every figure, report by report, or go back";
    NextPair = "next_pair", "with several reports: the unit's next report against the one before it";
    PrevPair = "prev_pair", "with several reports: the unit's previous pair of reports";
    MarkBase = "mark_base", "with several reports: mark the report under the cursor; enter on another compares the two";
    Open = "open", "open the place under the cursor (in the overview), or the topic of a coverage cell";
    Yank = "yank", "copy the focused report's text of this row to the clipboard (OSC 52)";
    OpenInEditor = "open_in_editor", "open the focused report in $EDITOR at the line of the current change (text reports)";
    Refile = "refile", "move the passage at the current change (focused report) under another topic, or a new one of your own";
    RefileSentence = "refile_sentence", "move only the sentence at the current change under another topic";
    UndoRefile = "undo_refile", "undo the last refiling of these reports";
    Note = "note", "write a note on the current change (after next_change), else the row; in the overview, on a row or figure";
    ToggleReviewed = "toggle_reviewed", "mark the row reviewed, or take the mark off";
    ExportReview = "export_review", "write the review (changes, notes, figures, checklist) to a Markdown file here";
    Help = "help", "show this help";
    Cancel = "cancel", "close the prompt or overlay";
    Quit = "quit", "quit duibi";
}

impl Action {
    /// The name used in keymap files.
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        self.info().1
    }

    /// Looks an action up by its keymap name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for &a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
