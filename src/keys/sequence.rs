//! The keys typed so far of a multi-key binding (`g g`, `C-x s`), resolved through a keymap as
//! they come: one resolver for every screen, so that each reads keys alike.

use super::{Action, Key, Keymap, Lookup, Mode};

/// An unfinished key sequence.
#[derive(Debug, Clone, Default)]
pub struct Sequence {
    keys: Vec<Key>,
}

impl Sequence {
    /// Adds `key` and looks the sequence up in `mode`: an action (the sequence starts afresh), a
    /// prefix of a longer binding (`Pending`), or nothing bound (`NotFound`, and it starts afresh).
    pub fn feed(&mut self, keymap: &Keymap, mode: Mode, key: Key) -> Lookup {
        self.keys.push(key);
        let found = keymap.lookup(mode, &self.keys);
        if !matches!(found, Lookup::Pending) {
            self.keys.clear();
        }
        found
    }

    /// The keys typed so far.
    pub fn keys(&self) -> &[Key] {
        &self.keys
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The action `feed` matched, if it did.
    pub fn matched(found: Lookup) -> Option<Action> {
        match found {
            Lookup::Matched(a) => Some(a),
            Lookup::Pending | Lookup::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sequence_waits_for_its_last_key_then_starts_afresh() {
        let keymap = Keymap::builtin();
        let mut s = Sequence::default();
        assert_eq!(s.feed(&keymap, Mode::Normal, Key::char('g')), Lookup::Pending);
        assert_eq!(s.keys(), [Key::char('g')]);
        assert_eq!(
            s.feed(&keymap, Mode::Normal, Key::char('g')),
            Lookup::Matched(Action::GotoTop)
        );
        assert!(s.is_empty());
        assert_eq!(s.feed(&keymap, Mode::Normal, Key::char('g')), Lookup::Pending);
        assert_eq!(s.feed(&keymap, Mode::Normal, Key::char('x')), Lookup::NotFound);
        assert!(s.is_empty(), "an unbound sequence is dropped");
        assert_eq!(
            Sequence::matched(s.feed(&keymap, Mode::Normal, Key::char('J'))),
            Some(Action::NextRow)
        );
    }
}
