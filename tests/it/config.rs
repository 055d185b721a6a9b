//! Configuration and keymaps through the binary: what is in effect, and the message for each kind of
//! bad file (snapshotted, so a change of wording is a reviewed change).

use std::path::Path;

use crate::util::{duibi, empty_config_home, fixture, stdout_of};

#[test]
fn every_kind_of_bad_configuration_is_refused_with_its_places() {
    let dir = fixture("config/invalid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut report = String::new();
    for name in names {
        let out = duibi()
            .current_dir(&dir)
            .args(["--config", &name, "keys"])
            .assert()
            .failure()
            .get_output()
            .clone();
        assert!(out.stdout.is_empty(), "{name}: nothing is printed but the error");
        report.push_str(&format!("== {name}\n{}\n", String::from_utf8_lossy(&out.stderr)));
    }
    insta::assert_snapshot!("bad_configurations", report);
}

#[test]
fn a_bad_configuration_stops_every_command_before_it_starts() {
    let dir = fixture("config/invalid");
    for args in [
        &["--demo"][..],
        &["compare", "--demo"],
        &["outline", "../../reports/styles/left.txt"],
    ] {
        duibi()
            .current_dir(&dir)
            .args(["--config", "unknown-action.toml"])
            .args(args)
            .assert()
            .failure()
            .stderr(predicates::str::contains(
                "unknown-action.toml:2:5: unknown action 'scrol_down'",
            ));
    }
}

#[test]
fn keys_prints_the_bindings_in_effect() {
    let default = stdout_of(duibi().arg("keys"));
    assert!(default.contains("  goto_top             home, g g"), "{default}");
    let emacs = stdout_of(duibi().args(["keys", "--keymap", "emacs"]));
    assert!(emacs.contains("C-x C-c"), "{emacs}");
    let personal = stdout_of(
        duibi()
            .args(["--config"])
            .arg(fixture("config/valid/personal.toml"))
            .arg("keys"),
    );
    assert!(personal.contains("next_row             tab, C-j, A-}"), "{personal}");
    // `q = "none"` removed the emacs `q` for quit; `C-x C-c` remains.
    let quit = personal
        .lines()
        .find(|l| l.trim_start().starts_with("quit"))
        .expect("quit listed");
    assert!(quit.contains("C-x C-c") && !quit.contains(" q "), "{quit}");
}

#[test]
fn the_configuration_directory_is_read() {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("config-home");
    std::fs::create_dir_all(home.join("duibi")).expect("config dir");
    std::fs::write(
        home.join("duibi/config.toml"),
        "keymap = \"arrows\"\ntheme = \"mono\"\n",
    )
    .expect("writes");
    let out = stdout_of(duibi().env("XDG_CONFIG_HOME", &home).arg("config"));
    assert!(out.contains("keymap       arrows"), "{out}");
    assert!(out.contains("theme        mono"), "{out}");
    let keys = stdout_of(duibi().env("XDG_CONFIG_HOME", &home).arg("keys"));
    assert!(keys.contains("f10"), "{keys}");
    // The command line wins over the file.
    let keys = stdout_of(duibi().env("XDG_CONFIG_HOME", &home).args(["--keymap", "vim", "keys"]));
    assert!(!keys.contains("f10"), "{keys}");
    let path = stdout_of(duibi().env("XDG_CONFIG_HOME", &home).args(["config", "--path"]));
    assert_eq!(path.trim(), home.join("duibi/config.toml").display().to_string());
}

#[test]
fn without_a_file_the_defaults_apply() {
    let out = stdout_of(duibi().arg("config"));
    assert!(out.starts_with("file         none ("), "{out}");
    assert!(out.contains(&empty_config_home().display().to_string()), "{out}");
    assert!(
        out.contains(
            "keymap       default\ntheme        dark\nview         auto\nsync_scroll  true\nmouse        true\ntaxonomy     built-in"
        ),
        "{out}"
    );
}

#[test]
fn the_printed_default_configuration_loads_and_changes_nothing() {
    let text = stdout_of(duibi().args(["config", "--print-default"]));
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("printed-default.toml");
    std::fs::write(&file, &text).expect("writes");
    let with_file = stdout_of(duibi().arg("--config").arg(&file).arg("keys"));
    assert_eq!(with_file, stdout_of(duibi().arg("keys")));
    // Every setting is there, explained.
    for setting in [
        "keymap =",
        "theme =",
        "view =",
        "sync_scroll =",
        "# taxonomy =",
        "[keys]",
    ] {
        assert!(text.contains(setting), "{setting} missing from:\n{text}");
    }
}

#[test]
fn a_missing_configuration_file_is_named() {
    duibi()
        .args(["--config", "no-such-config.toml", "keys"])
        .assert()
        .failure()
        .stderr(predicates::str::starts_with(
            "duibi: no-such-config.toml: cannot read the configuration",
        ));
}
