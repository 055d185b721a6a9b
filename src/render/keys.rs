//! Key bindings as text: `duibi keys` and the generated tables in docs/usage.md and docs/keymaps.md.
//! They list [`Keymap::by_action`], as the help overlay does.

use crate::keys::Action;
use crate::keys::keymap::PRESETS;
use crate::keys::{Keymap, Mode};

/// Every binding of every mode, aligned for a terminal.
pub fn text(keymap: &Keymap) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        let rows = keymap.by_action(mode);
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("[{}]\n", mode.name()));
        let keys: Vec<String> = rows.iter().map(|(_, k)| k.join(", ")).collect();
        let width = keys.iter().map(|k| k.chars().count()).max().unwrap_or(0);
        for ((action, _), keys) in rows.iter().zip(&keys) {
            out.push_str(&format!(
                "  {:<20} {keys:<width$}  {}\n",
                action.name(),
                action.description()
            ));
        }
    }
    out
}

/// Markdown tables, one per mode, of the bindings of `keymap`.
pub fn markdown(keymap: &Keymap) -> String {
    let mut out = String::new();
    for mode in Mode::ALL {
        let rows = keymap.by_action(mode);
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n**{} mode**\n\n| keys | action | what it does |\n|---|---|---|\n",
            mode.name()
        ));
        for (action, keys) in rows {
            let keys: Vec<String> = keys.iter().map(|k| code(k)).collect();
            out.push_str(&format!(
                "| {} | `{}` | {} |\n",
                keys.join(" "),
                action.name(),
                action.description()
            ));
        }
    }
    out
}

/// One Markdown table of every action with its keys in each shipped keymap.
pub fn markdown_presets() -> String {
    let presets: Vec<(&str, Keymap)> = PRESETS
        .iter()
        .filter_map(|(name, _)| Some((*name, Keymap::preset(name)?)))
        .collect();
    let mut out = String::from("| action | what it does |");
    for (name, _) in &presets {
        out.push_str(&format!(" {name} |"));
    }
    out.push_str(&format!("\n|---|---|{}\n", "---|".repeat(presets.len())));
    for &action in Action::ALL {
        out.push_str(&format!("| `{}` | {} |", action.name(), action.description()));
        for (_, keymap) in &presets {
            let per_mode: Vec<String> = Mode::ALL
                .iter()
                .filter_map(|&m| {
                    let keys: Vec<String> = keymap.keys_for(m, action).iter().map(|k| code(k)).collect();
                    match (keys.is_empty(), m) {
                        (true, _) => None,
                        (false, Mode::Normal) => Some(keys.join(" ")),
                        (false, _) => Some(format!("{}: {}", m.name(), keys.join(" "))),
                    }
                })
                .collect();
            out.push_str(&format!(" {} |", per_mode.join("; ")));
        }
        out.push('\n');
    }
    out
}

/// A key as inline code; backticks and pipes would break the table, so they get double fences.
fn code(key: &str) -> String {
    let key = key.replace('|', "\\|");
    if key.contains('`') {
        format!("`` {key} ``")
    } else {
        format!("`{key}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lists_every_mode_and_sequence() {
        let t = text(&Keymap::builtin());
        assert!(t.starts_with("[normal]\n  scroll_down"), "{t}");
        assert!(t.contains("goto_top             home, g g"), "{t}");
        assert!(t.contains("\n[search]\n"), "{t}");
        assert!(t.contains("\n[help]\n"), "{t}");
    }

    #[test]
    fn markdown_tables_escape_pipes() {
        let mut km = Keymap::builtin();
        km.overlay(&Keymap::parse("k.toml", "[normal]\n\"|\" = \"quit\"\n").unwrap());
        assert!(markdown(&km).contains("`\\|`"));
        assert!(markdown_presets().lines().count() > crate::keys::Action::ALL.len());
    }
}
