//! What the painter and the terminal side read of [`App`]. Its fields are private: every change
//! goes through [`App::update`], so these give read access only (and take the effects).

use std::sync::Arc;

use super::{App, Effect, Geometry, Prefs, review};
use crate::check::Rules;
use crate::compare::Comparison;
use crate::keys::{Keymap, Mode};
use crate::topics::Taxonomy;

impl App {
    pub fn cmp(&self) -> &Comparison {
        &self.cmp
    }

    /// The taxonomy in effect: the built-in or configured one, with the analyst's own topics.
    pub fn tax(&self) -> &Taxonomy {
        &self.tax
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn rules(&self) -> &Arc<Rules> {
        &self.rules
    }

    /// Word-level marks have arrived (before, rows show aligned plain text).
    pub fn words_ready(&self) -> bool {
        self.words_ready
    }

    /// The row on screen.
    pub fn row(&self) -> usize {
        self.row
    }

    /// Top line of each pane.
    pub fn scroll(&self) -> [usize; 2] {
        self.scroll
    }

    /// The pane that scrolls when the panes scroll apart (0 left, 1 right).
    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn prefs(&self) -> Prefs {
        self.prefs
    }

    pub fn swapped(&self) -> bool {
        self.swapped
    }

    /// The analyst's review of this pair, when one is kept.
    pub fn review(&self) -> Option<&review::Kept> {
        self.review.as_ref()
    }

    /// The text being typed at the prompt.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The search in effect.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// The status line's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    /// The overview line under the cursor.
    pub fn overview_cursor(&self) -> usize {
        self.overview_cursor
    }

    /// The search match `n`/`N` went to last: (row, its id).
    pub fn current_match(&self) -> Option<(usize, u64)> {
        self.current_match
    }

    pub fn geometry(&self) -> &Geometry {
        &self.geometry
    }

    /// The user asked to leave.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// The keys that would end the session were they pressed now: the normal mode's single-key
    /// `quit` bindings, when no prompt, key sequence or row number is under way (a `q` typed into
    /// a search is a letter).
    pub fn quit_keys(&self) -> Vec<crate::keys::Key> {
        if self.mode != Mode::Normal || !self.pending.is_empty() || self.awaiting_topic || self.topic_digit.is_some() {
            return Vec::new();
        }
        quit_bindings(&self.keymap)
    }

    /// Long work (comparing again after a refiling) goes to the terminal side's worker as an
    /// [`Effect::Background`] instead of being done within the key.
    pub fn with_worker(mut self) -> Self {
        self.background = true;
        self
    }

    /// With a line for the first screen's status bar.
    pub fn with_message(mut self, message: Option<String>) -> Self {
        self.message = message;
        self
    }

    /// What the last inputs asked of the terminal, taken by the loop.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }
}

impl App {
    /// The keys that will quit once `key` is handled, when that is known before handling it: the
    /// key moves, scrolls or toggles (or is a count, or unbound) and so leaves the mode as it is.
    /// `None` for a key that may open a prompt, an overlay or a key sequence.
    pub fn quit_keys_after(&self, key: &crate::keys::Key) -> Option<Vec<crate::keys::Key>> {
        use crate::keys::{Action, Lookup};
        let quit = self.quit_keys();
        if quit.is_empty() {
            return None;
        }
        if matches!(key.code, crate::keys::KeyCode::Char('0'..='9')) && !key.ctrl && !key.alt {
            return Some(quit);
        }
        match self.keymap.lookup(Mode::Normal, std::slice::from_ref(key)) {
            Lookup::NotFound => Some(quit),
            Lookup::Pending => None,
            Lookup::Matched(action) => (!matches!(
                action,
                Action::Search
                    | Action::JumpTopic
                    | Action::Note
                    | Action::Refile
                    | Action::RefileSentence
                    | Action::Help
                    | Action::Cancel
                    | Action::SearchConfirm
                    | Action::SearchBackspace
            ))
            .then_some(quit),
        }
    }
}

/// The single keys bound to `quit` in normal mode.
pub(crate) fn quit_bindings(keymap: &Keymap) -> Vec<crate::keys::Key> {
    keymap
        .bindings(Mode::Normal)
        .into_iter()
        .filter_map(|(keys, action)| match keys[..] {
            [key] if action == crate::keys::Action::Quit => Some(key),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::keys::Key;
    use crate::view::Input;
    use crate::view::testing::{NEW, OLD, app};

    #[test]
    fn quit_keys_are_the_normal_modes_and_none_while_a_prompt_or_sequence_takes_keys() {
        let mut a = app(OLD, NEW, 120, 30);
        assert!(a.quit_keys().contains(&Key::char('q')), "{:?}", a.quit_keys());
        // In a search, `q` is a letter.
        a.update(Input::Key(Key::char('/')));
        assert!(a.quit_keys().is_empty());
        a.update(Input::Key(Key::char('q')));
        assert!(!a.quit());
        // A sequence under way (`g` of `gg`) or a row number being typed.
        let mut a = app(OLD, NEW, 120, 30);
        a.update(Input::Key(Key::char('g')));
        assert!(a.quit_keys().is_empty());
        let mut a = app(OLD, NEW, 120, 30);
        a.update(Input::Key(Key::char('t')));
        assert!(a.quit_keys().is_empty());
    }

    #[test]
    fn what_quits_after_a_key_is_known_before_it_only_for_keys_that_keep_the_mode() {
        let a = app(OLD, NEW, 120, 30);
        let q = Some(a.quit_keys());
        for key in ['j', 'd', '}', 'J', '3', 'x'] {
            assert_eq!(a.quit_keys_after(&Key::char(key)), q, "{key}");
        }
        for key in ['/', 't', 'g', '?'] {
            assert_eq!(a.quit_keys_after(&Key::char(key)), None, "{key}");
        }
    }
}
