//! Keys and keymaps: a key type of our own (the terminal layer converts to it), keymap files parsed
//! into a trie per mode, and lookups that report pending sequences.

use std::collections::BTreeMap;
use std::fmt;

use super::action::Action;

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
}

/// A key with modifiers. Shift is part of the character (`G`, `?`), never a separate flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }
}

const NAMES: &[(&str, KeyCode)] = &[
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
];

impl std::str::FromStr for Key {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("C-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("A-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            (None, _) => return Err(format!("invalid key '{s}': missing key")),
            _ => NAMES
                .iter()
                .find(|(n, _)| *n == rest)
                .map(|&(_, c)| c)
                .ok_or_else(|| format!("invalid key '{s}': unknown key name '{rest}'"))?,
        };
        Ok(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("A-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            code => f.write_str(NAMES.iter().find(|(_, c)| *c == code).map_or("?", |(n, _)| n)),
        }
    }
}

/// Input modes, each with its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mode {
    Normal,
    Search,
    Help,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Normal, Mode::Search, Mode::Help];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Search => "search",
            Mode::Help => "help",
        }
    }
}

/// A node of a mode's key trie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Action(Action),
    Prefix(BTreeMap<Key, Node>),
}

/// The result of looking up keys typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Matched(Action),
    /// A prefix of a longer binding: wait for more keys.
    Pending,
    NotFound,
}

/// Bindings for every mode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    modes: BTreeMap<Mode, BTreeMap<Key, Node>>,
}

/// The keymap shipped as `keymaps/default.toml`.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

impl Keymap {
    /// The built-in vim-like keymap.
    pub fn builtin() -> Self {
        Self::parse(DEFAULT_KEYMAP).unwrap_or_else(|e| unreachable!("the default keymap is tested: {e}"))
    }

    /// Parses keymap TOML; every problem is reported, with the key path it concerns.
    pub fn parse(text: &str) -> Result<Self, String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut errors = Vec::new();
        let mut keymap = Keymap::default();
        for (mode_name, value) in &table {
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == mode_name) else {
                errors.push(format!("unknown mode [{mode_name}]; modes are normal, search, help"));
                continue;
            };
            match value.as_table() {
                Some(t) => {
                    let trie = parse_table(t, mode_name, &mut errors);
                    keymap.modes.insert(mode, trie);
                }
                None => errors.push(format!("[{mode_name}] must be a table of key = \"action\"")),
            }
        }
        if errors.is_empty() {
            Ok(keymap)
        } else {
            Err(errors.join("\n"))
        }
    }

    /// Looks up a key sequence in a mode.
    pub fn lookup(&self, mode: Mode, keys: &[Key]) -> Lookup {
        let Some(mut table) = self.modes.get(&mode) else {
            return Lookup::NotFound;
        };
        for (i, key) in keys.iter().enumerate() {
            match table.get(key) {
                None => return Lookup::NotFound,
                Some(Node::Action(a)) => {
                    return if i + 1 == keys.len() {
                        Lookup::Matched(*a)
                    } else {
                        Lookup::NotFound
                    };
                }
                Some(Node::Prefix(next)) => table = next,
            }
        }
        Lookup::Pending
    }

    /// Every binding of a mode as (key sequence, action), in key order.
    pub fn bindings(&self, mode: Mode) -> Vec<(Vec<Key>, Action)> {
        fn walk(table: &BTreeMap<Key, Node>, prefix: &mut Vec<Key>, out: &mut Vec<(Vec<Key>, Action)>) {
            for (k, node) in table {
                prefix.push(*k);
                match node {
                    Node::Action(a) => out.push((prefix.clone(), *a)),
                    Node::Prefix(t) => walk(t, prefix, out),
                }
                prefix.pop();
            }
        }
        let mut out = Vec::new();
        if let Some(t) = self.modes.get(&mode) {
            walk(t, &mut Vec::new(), &mut out);
        }
        out
    }

    /// The keys bound to `action` in `mode`, shortest first, as text (`g g`, `C-d`).
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<String> {
        let mut keys: Vec<Vec<Key>> = self
            .bindings(mode)
            .into_iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k)
            .collect();
        keys.sort_by_key(|k| {
            (
                k.len(),
                k.iter().any(|k| k.ctrl || k.alt),
                matches!(k[0].code, KeyCode::Char(_)).then_some(0).unwrap_or(1),
            )
        });
        keys.into_iter()
            .map(|k| k.iter().map(Key::to_string).collect::<Vec<_>>().join(" "))
            .collect()
    }
}

fn parse_table(table: &toml::Table, path: &str, errors: &mut Vec<String>) -> BTreeMap<Key, Node> {
    let mut out = BTreeMap::new();
    for (key_text, value) in table {
        let here = format!("{path}.{key_text}");
        let key: Key = match key_text.parse() {
            Ok(k) => k,
            Err(e) => {
                errors.push(format!("{here}: {e}"));
                continue;
            }
        };
        let node = match value {
            toml::Value::String(name) => match Action::from_name(name) {
                Some(a) => Node::Action(a),
                None => {
                    let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                    errors.push(format!(
                        "{here}: unknown action '{name}'; actions are: {}",
                        names.join(", ")
                    ));
                    continue;
                }
            },
            toml::Value::Table(t) => Node::Prefix(parse_table(t, &here, errors)),
            _ => {
                errors.push(format!("{here}: expected an action name or a table of keys"));
                continue;
            }
        };
        if out.insert(key, node).is_some() {
            errors.push(format!("{here}: key '{key}' is bound twice"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_display_round_trip() {
        for text in [
            "j", "G", "?", "C-d", "A-x", "C-A-x", "space", "pagedown", "backtab", "esc", "]",
        ] {
            let key: Key = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert!("nosuchkey".parse::<Key>().unwrap_err().contains("unknown key name"));
    }

    #[test]
    fn default_keymap_binds_every_user_action() {
        let km = Keymap::builtin();
        for a in Action::ALL {
            let bound = Mode::ALL.iter().any(|&m| !km.keys_for(m, a).is_empty());
            assert!(bound, "{} is not bound", a.name());
        }
    }

    #[test]
    fn sequences_are_pending_then_matched() {
        let km = Keymap::builtin();
        assert_eq!(km.lookup(Mode::Normal, &[Key::char('g')]), Lookup::Pending);
        assert_eq!(
            km.lookup(Mode::Normal, &[Key::char('g'), Key::char('g')]),
            Lookup::Matched(Action::GotoTop)
        );
        assert_eq!(
            km.lookup(Mode::Normal, &[Key::char('g'), Key::char('x')]),
            Lookup::NotFound
        );
        assert_eq!(
            km.lookup(Mode::Normal, &[Key::char(']'), Key::char('c')]),
            Lookup::Matched(Action::NextChange)
        );
        assert_eq!(
            km.lookup(Mode::Normal, &[Key::ctrl('d')]),
            Lookup::Matched(Action::HalfPageDown)
        );
        assert_eq!(km.keys_for(Mode::Normal, Action::GotoTop), ["home", "g g"]);
    }

    #[test]
    fn bad_keymaps_list_every_problem() {
        let err =
            Keymap::parse("[normal]\nj = \"scrol_down\"\nnosuch = \"quit\"\n[visual]\nx = \"quit\"\n").unwrap_err();
        assert!(
            err.contains("normal.j: unknown action 'scrol_down'; actions are: scroll_down"),
            "{err}"
        );
        assert!(err.contains("normal.nosuch: invalid key"), "{err}");
        assert!(err.contains("unknown mode [visual]"), "{err}");
    }
}
