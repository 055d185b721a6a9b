//! Helpers shared by the integration tests.

use std::path::PathBuf;

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A configuration directory with nothing in it, so tests never read the developer's own settings.
pub fn empty_config_home() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-config-home")
}

/// The duibi binary with a clean, colour-free environment and no user configuration.
pub fn duibi() -> Command {
    let mut cmd = Command::cargo_bin("duibi").expect("binary builds");
    cmd.env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", empty_config_home())
        .env("XDG_DATA_HOME", empty_data_home());
    cmd
}

/// A data directory of its own, so tests never read or write the developer's reviews.
pub fn empty_data_home() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-data-home")
}

pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8 output")
}

/// The demo pair as an [`duibi::view::App`] with word marks ready (jieba loaded once per test binary).
pub fn demo_app() -> duibi::view::App {
    demo_app_with(duibi::keys::Keymap::builtin())
}

static TOKENIZER: std::sync::OnceLock<duibi::diff::JiebaTokenizer> = std::sync::OnceLock::new();

/// An app over two reports given as text, word marks ready.
pub fn app_of(left: &str, right: &str) -> duibi::view::App {
    use duibi::load::SourceText;
    use duibi::outline::outline;
    let doc =
        |name: &str, text: &str| outline(&SourceText::from_bytes(name.to_string(), text.as_bytes()).expect("decodes"));
    app_over(
        doc("left.txt", left),
        doc("right.txt", right),
        duibi::keys::Keymap::builtin(),
    )
}

fn app_over(
    left: duibi::outline::Document,
    right: duibi::outline::Document,
    keymap: duibi::keys::Keymap,
) -> duibi::view::App {
    use duibi::compare::Comparison;
    use duibi::topics::Taxonomy;
    use duibi::view::App;
    let tax = Taxonomy::builtin();
    let cmp = Comparison::build(left, right, &tax);
    let diffs = cmp.word_diffs(
        TOKENIZER.get_or_init(duibi::diff::JiebaTokenizer::new),
        std::time::Duration::from_secs(10),
    );
    let mut app = App::new(cmp, tax, keymap);
    app.update(duibi::view::Input::WordDiffs(diffs));
    app
}

/// The same with another keymap.
pub fn demo_app_with(keymap: duibi::keys::Keymap) -> duibi::view::App {
    use duibi::load::SourceText;
    use duibi::outline::outline;
    let read = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/reports")
            .join(name);
        outline(
            &SourceText::from_bytes(format!("demo/{name}"), &std::fs::read(path).expect("demo report"))
                .expect("decodes"),
        )
    };
    app_over(read("demo-2023.txt"), read("demo-2024.txt"), keymap)
}

/// A drawn buffer as text, a line per row; a wide character's second cell is not repeated.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let s = buf[(x, y)].symbol();
            out.push_str(s);
            x += unicode_width::UnicodeWidthStr::width(s).max(1) as u16;
        }
        out.push('\n');
    }
    out
}
