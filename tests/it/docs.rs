//! The generated parts of the documentation match the code: the key tables and the default
//! configuration. Run with `DUIBI_UPDATE_DOCS=1` to rewrite them after changing a keymap or action.

use std::path::PathBuf;

use duibi::config::DEFAULT_CONFIG;
use duibi::keys::Keymap;
use duibi::render::keys;

const END: &str = "<!-- end generated -->";

/// Checks (or, with `DUIBI_UPDATE_DOCS=1`, rewrites) the block after `marker` in `doc`.
fn generated_block(doc: &str, marker: &str, content: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs").join(doc);
    let text = std::fs::read_to_string(&path).expect("doc exists");
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{doc} lacks the marker {marker}"))
        + marker.len();
    let end = start
        + text[start..]
            .find(END)
            .unwrap_or_else(|| panic!("{doc}: {marker} is not closed"));
    let wanted = format!("\n{}\n", content.trim());
    if text[start..end] == wanted {
        return;
    }
    if std::env::var_os("DUIBI_UPDATE_DOCS").is_some() {
        std::fs::write(&path, format!("{}{wanted}{}", &text[..start], &text[end..])).expect("writes");
        return;
    }
    panic!("docs/{doc} is out of date after {marker}; run `DUIBI_UPDATE_DOCS=1 cargo test --test it docs`");
}

#[test]
fn usage_lists_the_default_keys() {
    generated_block(
        "usage.md",
        "<!-- generated: default keymap (tests/it/docs.rs) -->",
        &keys::markdown(&Keymap::builtin()),
    );
}

#[test]
fn keymaps_list_every_action_in_every_preset() {
    generated_block(
        "keymaps.md",
        "<!-- generated: actions and presets (tests/it/docs.rs) -->",
        &keys::markdown_presets(),
    );
}

#[test]
fn configuration_shows_the_default_file() {
    generated_block(
        "configuration.md",
        "<!-- generated: default configuration (tests/it/docs.rs) -->",
        &format!("```toml\n{DEFAULT_CONFIG}```"),
    );
}
