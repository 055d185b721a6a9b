//! The keys hints and messages name: for each action, the keymap's shortest normal-mode key, so
//! that no hint names a key the keymap in effect does not bind.

use std::collections::HashMap;

use super::{Action, Keymap, Mode};

#[derive(Debug, Clone, Default)]
pub struct Hints {
    keys: HashMap<Action, String>,
}

impl Hints {
    pub fn new(keymap: &Keymap) -> Hints {
        let keys = Action::ALL
            .iter()
            .filter_map(|&a| Some((a, keymap.keys_for(Mode::Normal, a).into_iter().next()?)))
            .collect();
        Hints { keys }
    }

    /// The key bound to `action`, if any.
    pub fn get(&self, action: Action) -> Option<&str> {
        self.keys.get(&action).map(String::as_str)
    }

    /// The key bound to `action`, or the action's name in brackets when nothing binds it.
    pub fn key(&self, action: Action) -> String {
        self.get(action)
            .map_or_else(|| format!("[{}]", action.name()), str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_the_keymap_in_effect() {
        let vim = Hints::new(&Keymap::builtin());
        let arrows = Hints::new(&Keymap::preset("arrows").expect("shipped"));
        assert_eq!(vim.key(Action::ScrollDown), "j");
        assert_eq!(arrows.key(Action::ScrollDown), "down");
        assert_eq!(Hints::default().key(Action::Open), "[open]");
    }
}
