//! Everything a user can ask of the interface: the command registry that keymaps bind and the help
//! overlay lists. Internal events (resize, segmenter ready) are not actions and cannot be bound.

/// A user-bindable command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    GotoTop,
    GotoBottom,
    NextRow,
    PrevRow,
    NextChange,
    PrevChange,
    Search,
    SearchNext,
    SearchPrev,
    SearchConfirm,
    SearchBackspace,
    JumpTopic,
    FocusLeft,
    FocusRight,
    SwapSides,
    ToggleSidebar,
    ToggleInline,
    ToggleDocument,
    ToggleChangesOnly,
    ToggleSync,
    ToggleNumbering,
    ToggleNewOnly,
    ToggleStock,
    Overview,
    Checklist,
    Coverage,
    Figures,
    NextPair,
    PrevPair,
    MarkBase,
    Open,
    Help,
    Cancel,
    Quit,
}

impl Action {
    /// Every action, in the order the help lists them.
    pub const ALL: [Action; 40] = [
        Action::ScrollDown,
        Action::ScrollUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::GotoTop,
        Action::GotoBottom,
        Action::NextRow,
        Action::PrevRow,
        Action::NextChange,
        Action::PrevChange,
        Action::Search,
        Action::SearchNext,
        Action::SearchPrev,
        Action::SearchConfirm,
        Action::SearchBackspace,
        Action::JumpTopic,
        Action::FocusLeft,
        Action::FocusRight,
        Action::SwapSides,
        Action::ToggleSidebar,
        Action::ToggleInline,
        Action::ToggleDocument,
        Action::ToggleChangesOnly,
        Action::ToggleSync,
        Action::ToggleNumbering,
        Action::ToggleNewOnly,
        Action::ToggleStock,
        Action::Overview,
        Action::Checklist,
        Action::Coverage,
        Action::Figures,
        Action::NextPair,
        Action::PrevPair,
        Action::MarkBase,
        Action::Open,
        Action::Help,
        Action::Cancel,
        Action::Quit,
    ];

    /// The name used in keymap files.
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        self.info().1
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Action::ScrollDown => ("scroll_down", "scroll down one line"),
            Action::ScrollUp => ("scroll_up", "scroll up one line"),
            Action::HalfPageDown => ("half_page_down", "scroll down half a page"),
            Action::HalfPageUp => ("half_page_up", "scroll up half a page"),
            Action::PageDown => ("page_down", "scroll down a page"),
            Action::PageUp => ("page_up", "scroll up a page"),
            Action::GotoTop => ("goto_top", "go to the top of the topic"),
            Action::GotoBottom => ("goto_bottom", "go to the bottom of the topic"),
            Action::NextRow => ("next_row", "next topic row"),
            Action::PrevRow => ("prev_row", "previous topic row"),
            Action::NextChange => ("next_change", "next change (into the next row at the end)"),
            Action::PrevChange => ("prev_change", "previous change"),
            Action::Search => ("search", "search both reports"),
            Action::SearchNext => ("search_next", "next search match"),
            Action::SearchPrev => ("search_prev", "previous search match"),
            Action::SearchConfirm => ("search_confirm", "run the search typed so far"),
            Action::SearchBackspace => ("search_backspace", "delete the last character of the search"),
            Action::JumpTopic => ("jump_topic", "jump to a topic: then its first letter or its number"),
            Action::FocusLeft => ("focus_left", "focus the left pane (when scrolling is not synced)"),
            Action::FocusRight => ("focus_right", "focus the right pane (when scrolling is not synced)"),
            Action::SwapSides => ("swap_sides", "swap the left and right reports"),
            Action::ToggleSidebar => ("toggle_sidebar", "show or hide the topic sidebar"),
            Action::ToggleInline => ("toggle_inline", "switch between side-by-side and inline view"),
            Action::ToggleDocument => ("toggle_document", "switch to whole documents and back"),
            Action::ToggleChangesOnly => ("toggle_changes_only", "fold unchanged sentences"),
            Action::ToggleSync => ("toggle_sync", "scroll the two panes together or apart"),
            Action::ToggleNumbering => (
                "toggle_numbering",
                "mark numbering differences (二、→三、) as changes, or dim them",
            ),
            Action::ToggleNewOnly => (
                "toggle_new_only",
                "show only what the newer report adds or rewrites (dropped and moved text folds)",
            ),
            Action::ToggleStock => (
                "toggle_stock",
                "tone down stock phrases (wording most reports share); changes keep their marks",
            ),
            Action::Overview => (
                "overview",
                "show every row, changed figure and cited document at a glance, or go back",
            ),
            Action::Checklist => (
                "checklist",
                "the reviewer's checklist: contents, deadline, last year's problems and plans",
            ),
            Action::Coverage => (
                "coverage",
                "with several reports: every topic in every report, and what each copies, or go back",
            ),
            Action::Figures => (
                "figures",
                "with several reports: every figure, report by report, or go back",
            ),
            Action::NextPair => (
                "next_pair",
                "with several reports: the unit's next report against the one before it",
            ),
            Action::PrevPair => ("prev_pair", "with several reports: the unit's previous pair of reports"),
            Action::MarkBase => (
                "mark_base",
                "with several reports: mark the report under the cursor; enter on another compares the two",
            ),
            Action::Open => (
                "open",
                "open the place under the cursor (in the overview), or the topic of a coverage cell",
            ),
            Action::Help => ("help", "show this help"),
            Action::Cancel => ("cancel", "close the prompt or overlay"),
            Action::Quit => ("quit", "quit duibi"),
        }
    }

    /// Looks an action up by its keymap name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
    }
}
