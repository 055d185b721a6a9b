//! Key resolution: counts, multi-key sequences, the `t` row prompt and the search prompt, down to an
//! [`Action`](crate::keys::Action) for [`App::apply`](super::App).

use super::App;
use crate::keys::{Action, Key, KeyCode, Lookup, Mode};

impl App {
    /// Resolves a key press through the keymap (with counts, sequences and the search prompt).
    pub(super) fn handle_key(&mut self, key: Key) {
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
        match self.pending.feed(&self.keymap, self.mode, key) {
            Lookup::Pending => {}
            Lookup::Matched(action) => {
                let typed = self.count.take();
                match (action, typed) {
                    // `12t`: the row by its number.
                    (Action::JumpTopic, Some(n)) => self.go_to_row_number(n),
                    _ => self.apply(action, typed.unwrap_or(1)),
                }
            }
            Lookup::NotFound => self.count = None,
        }
    }
}
