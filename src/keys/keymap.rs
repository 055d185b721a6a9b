//! Keymaps: keymap files parsed into a trie per mode, merged over the presets, and lookups that
//! report pending sequences.

use std::collections::BTreeMap;

use toml::de::{DeTable, DeValue};

use super::key::{Key, KeyCode};
use crate::diagnostic::{ConfigError, Diagnostics};
use crate::keys::Action;

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
    /// `"none"` in a file laid over another: removes the binding below. Never left in a merged map.
    Unbound,
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

/// The keymaps shipped in `keymaps/`, by name; the first is the default.
pub const PRESETS: [(&str, &str); 3] = [
    ("default", include_str!("../../keymaps/default.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
    ("arrows", include_str!("../../keymaps/arrows.toml")),
];

/// Another name for the default preset.
const DEFAULT_ALIAS: &str = "vim";

/// The shipped keymap's name that `name` stands for (`vim` is the default one).
fn preset_name(name: &str) -> &str {
    if name == DEFAULT_ALIAS { PRESETS[0].0 } else { name }
}

/// The value that removes a binding.
const UNBIND: &str = "none";

impl Keymap {
    /// The built-in vim-like keymap.
    pub fn builtin() -> Self {
        Self::preset(PRESETS[0].0).unwrap_or_else(|| unreachable!("the default preset exists"))
    }

    /// A shipped keymap by name (`default` or `vim`, `emacs`, `arrows`).
    pub fn preset(name: &str) -> Option<Self> {
        let (file, text) = PRESETS.iter().find(|(n, _)| *n == preset_name(name))?;
        let km = Self::parse(&format!("keymaps/{file}.toml"), text);
        Some(km.unwrap_or_else(|e| unreachable!("the shipped keymaps are tested: {e}")))
    }

    /// Whether `name` is a shipped keymap, without reading it.
    pub fn is_preset(name: &str) -> bool {
        PRESETS.iter().any(|(n, _)| *n == preset_name(name))
    }

    /// Parses a keymap file; every problem is reported with its line and column.
    pub fn parse(file: &str, text: &str) -> Result<Self, ConfigError> {
        let doc = DeTable::parse(text).map_err(|e| ConfigError::syntax(file, text, &e))?;
        let mut diagnostics = Diagnostics::new(file, text);
        let keymap = Self::from_table(doc.get_ref(), &mut diagnostics);
        diagnostics.finish(keymap)
    }

    /// Reads the modes of a parsed TOML table (a keymap file, or a configuration's `[keys]`).
    pub fn from_table(table: &DeTable, diagnostics: &mut Diagnostics) -> Self {
        let mut keymap = Keymap::default();
        for (mode_name, value) in in_file_order(table) {
            let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == &**mode_name.get_ref()) else {
                let names: Vec<&str> = Mode::ALL.iter().map(|m| m.name()).collect();
                diagnostics.push(
                    mode_name.span(),
                    format!("unknown mode '{}'; modes are {}", mode_name.get_ref(), names.join(", ")),
                );
                continue;
            };
            match value.get_ref() {
                DeValue::Table(t) => {
                    let trie = parse_table(t, mode, diagnostics);
                    keymap.modes.insert(mode, trie);
                }
                _ => diagnostics.push(
                    value.span(),
                    format!("[{}] must be a table of key = \"action\"", mode.name()),
                ),
            }
        }
        keymap
    }

    /// Lays `top` over this keymap, mode by mode and key by key: a binding of `top` replaces the one
    /// below (a whole sequence table included), `"none"` removes it, and sequence tables merge.
    pub fn overlay(&mut self, top: &Keymap) {
        fn merge(base: &mut BTreeMap<Key, Node>, top: &BTreeMap<Key, Node>) {
            for (key, node) in top {
                match (node, base.get_mut(key)) {
                    (Node::Unbound, _) => {
                        base.remove(key);
                    }
                    (Node::Prefix(t), Some(Node::Prefix(b))) => merge(b, t),
                    (Node::Prefix(t), _) => {
                        let mut fresh = BTreeMap::new();
                        merge(&mut fresh, t);
                        base.insert(*key, Node::Prefix(fresh));
                    }
                    (Node::Action(a), _) => {
                        base.insert(*key, Node::Action(*a));
                    }
                }
            }
            base.retain(|_, n| !matches!(n, Node::Prefix(t) if t.is_empty()));
        }
        for (mode, table) in &top.modes {
            merge(self.modes.entry(*mode).or_default(), table);
        }
    }

    /// Looks up a key sequence in a mode.
    pub fn lookup(&self, mode: Mode, keys: &[Key]) -> Lookup {
        let Some(mut table) = self.modes.get(&mode) else {
            return Lookup::NotFound;
        };
        for (i, key) in keys.iter().enumerate() {
            match table.get(key) {
                None | Some(Node::Unbound) => return Lookup::NotFound,
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
                    Node::Unbound => {}
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

    /// Every action bound in `mode`, in [`Action::ALL`]'s order, with its keys as [`Self::keys_for`]
    /// gives them: what the help overlay, `duibi keys` and the docs list.
    pub fn by_action(&self, mode: Mode) -> Vec<(Action, Vec<String>)> {
        Action::ALL
            .iter()
            .copied()
            .map(|a| (a, self.keys_for(mode, a)))
            .filter(|(_, keys)| !keys.is_empty())
            .collect()
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

fn parse_table(table: &DeTable, mode: Mode, diagnostics: &mut Diagnostics) -> BTreeMap<Key, Node> {
    let mut out: BTreeMap<Key, Node> = BTreeMap::new();
    let mut spelled: BTreeMap<Key, String> = BTreeMap::new();
    for (key_text, value) in in_file_order(table) {
        let key: Key = match key_text.get_ref().parse() {
            Ok(k) => k,
            Err(e) => {
                diagnostics.push(key_text.span(), e);
                continue;
            }
        };
        let node = match value.get_ref() {
            DeValue::String(name) if name == UNBIND => Node::Unbound,
            DeValue::String(name) => match Action::from_name(name) {
                Some(a) => Node::Action(a),
                None => {
                    let hint = closest_action(name)
                        .map(|a| format!(" (did you mean '{a}'?)"))
                        .unwrap_or_default();
                    diagnostics.push(value.span(), format!("unknown action '{name}'{hint}"));
                    let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                    diagnostics.set_help(format!(
                        "valid actions: {}, or \"{UNBIND}\" to unbind",
                        names.join(", ")
                    ));
                    continue;
                }
            },
            DeValue::Table(t) => Node::Prefix(parse_table(t, mode, diagnostics)),
            _ => {
                diagnostics.push(value.span(), "expected an action name or a table of keys");
                continue;
            }
        };
        // Two spellings of one key (`space` and `" "`): TOML itself only catches the same spelling.
        if let Some(first) = spelled.insert(key, key_text.get_ref().to_string()) {
            diagnostics.push(
                key_text.span(),
                format!(
                    "key '{}' is bound twice in [{}]: it is the same key as '{first}'",
                    key_text.get_ref(),
                    mode.name()
                ),
            );
            continue;
        }
        out.insert(key, node);
    }
    out
}

/// The entries of a table in the order the file has them (the parsed map is sorted by key), so that
/// problems are found, and a second spelling of a key is blamed, the way a reader meets them.
pub(crate) fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t toml::Spanned<toml::de::DeString<'i>>,
    &'t toml::Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// The action name nearest to a misspelt one, when it is near enough to be what was meant.
fn closest_action(name: &str) -> Option<&'static str> {
    Action::ALL
        .iter()
        .map(|a| (edit_distance(name, a.name()), a.name()))
        .filter(|(d, n)| *d <= 2.max(n.len() / 4))
        .min()
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_binds_every_user_action() {
        let km = Keymap::builtin();
        for &a in Action::ALL {
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
    fn bad_keymaps_list_every_problem_with_its_place() {
        let text = "[normal]\nj = \"scrol_down\"\nnosuch = \"quit\"\n[visual]\nx = \"quit\"\n";
        let err = Keymap::parse("k.toml", text).unwrap_err().to_string();
        assert!(
            err.contains("k.toml:2:5: unknown action 'scrol_down' (did you mean 'scroll_down'?)"),
            "{err}"
        );
        assert!(err.contains("k.toml:3:1: invalid key 'nosuch'"), "{err}");
        assert!(err.contains("k.toml:4:2: unknown mode 'visual'"), "{err}");
        assert!(err.ends_with("or \"none\" to unbind"), "{err}");
    }

    #[test]
    fn two_spellings_of_one_key_are_a_conflict() {
        let err = Keymap::parse("k.toml", "[normal]\nspace = \"page_down\"\n\" \" = \"quit\"\n").unwrap_err();
        assert_eq!(err.diagnostics.len(), 1, "{err}");
        assert!(
            err.to_string()
                .contains("k.toml:3:1: key ' ' is bound twice in [normal]: it is the same key as 'space'"),
            "{err}"
        );
    }

    #[test]
    fn overlays_replace_unbind_and_merge_sequences() {
        let mut km = Keymap::builtin();
        let top = Keymap::parse(
            "user.toml",
            "[normal]\nj = \"next_row\"\nq = \"none\"\ng = { t = \"next_row\" }\nG = { G = \"goto_bottom\" }\n",
        )
        .unwrap();
        km.overlay(&top);
        let n = Mode::Normal;
        assert_eq!(km.lookup(n, &[Key::char('j')]), Lookup::Matched(Action::NextRow));
        assert_eq!(km.lookup(n, &[Key::char('q')]), Lookup::NotFound);
        // `g g` from below survives beside the new `g t`.
        assert_eq!(
            km.lookup(n, &[Key::char('g'), Key::char('g')]),
            Lookup::Matched(Action::GotoTop)
        );
        assert_eq!(
            km.lookup(n, &[Key::char('g'), Key::char('t')]),
            Lookup::Matched(Action::NextRow)
        );
        // A single key below becomes a sequence.
        assert_eq!(km.lookup(n, &[Key::char('G')]), Lookup::Pending);
        assert!(km.bindings(n).iter().all(|(k, _)| k != &[Key::char('q')]));
        // Untouched bindings stay.
        assert_eq!(km.lookup(n, &[Key::char('k')]), Lookup::Matched(Action::ScrollUp));
    }

    #[test]
    fn every_preset_binds_every_action() {
        for (name, _) in PRESETS {
            let km = Keymap::preset(name).unwrap();
            for &a in Action::ALL {
                let bound = Mode::ALL.iter().any(|&m| !km.keys_for(m, a).is_empty());
                assert!(bound, "{name}: {} is not bound", a.name());
            }
        }
        assert_eq!(Keymap::preset("vim"), Keymap::preset("default"));
        assert!(Keymap::preset("nano").is_none());
    }
}
