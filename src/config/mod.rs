//! The user's configuration: which keymap, single bindings on top of it, theme, default view, sync
//! scroll and topic taxonomy. Read from `config.toml` in the configuration directory (or a file
//! given on the command line), checked whole, and applied only when every part of it is valid.

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

pub use crate::diagnostic::{ConfigError, Diagnostic, Diagnostics};

use crate::keys::Keymap;
use crate::keys::keymap::{PRESETS, in_file_order};

/// The configuration with every setting at its default and a comment on each: what
/// `duibi config --print-default` prints.
pub const DEFAULT_CONFIG: &str = include_str!("default.toml");

/// Colour scheme of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    /// No colour, only bold, underline, strike-through and reverse (also what `NO_COLOR` gives).
    Mono,
}

/// How a row is shown when the interface starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    /// Side by side, inline when the terminal is narrow.
    Auto,
    SideBySide,
    Inline,
}

const THEMES: [(&str, ThemeName); 3] = [
    ("dark", ThemeName::Dark),
    ("light", ThemeName::Light),
    ("mono", ThemeName::Mono),
];
const VIEWS: [(&str, ViewMode); 3] = [
    ("auto", ViewMode::Auto),
    ("side-by-side", ViewMode::SideBySide),
    ("inline", ViewMode::Inline),
];
impl ThemeName {
    /// The name used in the configuration file.
    pub fn name(self) -> &'static str {
        THEMES.iter().find(|(_, t)| *t == self).map_or("dark", |(n, _)| n)
    }
}

impl ViewMode {
    /// The name used in the configuration file.
    pub fn name(self) -> &'static str {
        VIEWS.iter().find(|(_, v)| *v == self).map_or("auto", |(n, _)| n)
    }
}

const SETTINGS: &str = "keymap, theme, view, sync_scroll, mouse, taxonomy, rules, reviews, [keys.<mode>]";

/// The settings in effect.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    /// The keymap chosen: a preset's name or a file's path.
    pub keymap_name: String,
    /// The chosen keymap with the configuration's `[keys]` laid over it; `None` for the default
    /// one as shipped, made only when asked for (see [`Config::keymap`]): a comparison has no
    /// use for it, and reading it took a fifth of a small comparison's start.
    keymap: Option<Keymap>,
    pub theme: ThemeName,
    pub view: ViewMode,
    pub sync_scroll: bool,
    /// Take the mouse (wheel scrolls the pane under the pointer); off, the terminal keeps it for
    /// selecting text.
    pub mouse: bool,
    pub taxonomy: Option<PathBuf>,
    /// The checklist's rules (`duibi check`, the checklist screen), when not the built-in ones.
    pub rules: Option<PathBuf>,
    /// Where the analyst's reviews are kept.
    pub reviews: Reviews,
}

/// Where the analyst's reviews (notes, reviewed rows, refilings) are kept.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Reviews {
    /// The user's data directory (`~/.local/share/duibi/reviews` on Linux).
    #[default]
    DataDir,
    /// In the folder of the newer report, to share them with the reports.
    Beside,
    /// In this directory.
    Dir(PathBuf),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            keymap_name: PRESETS[0].0.to_string(),
            keymap: None,
            theme: ThemeName::Dark,
            view: ViewMode::Auto,
            sync_scroll: true,
            mouse: true,
            taxonomy: None,
            rules: None,
            reviews: Reviews::DataDir,
        }
    }
}

impl Config {
    /// The keymap in effect.
    pub fn keymap(&self) -> Keymap {
        self.keymap.clone().unwrap_or_else(Keymap::builtin)
    }
}

/// Where `config.toml` is looked for when no file is named: `$XDG_CONFIG_HOME/duibi/` or
/// `~/.config/duibi/` on Linux, the platform's usual place elsewhere.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "duibi").map(|d| d.config_dir().join("config.toml"))
}

/// What the command line says about the configuration.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// `--config FILE`: must exist. Without it the default location is read when there is a file.
    pub file: Option<&'a Path>,
    /// `--keymap NAME|FILE`: replaces the configuration's choice of keymap.
    pub keymap: Option<&'a str>,
}

/// The settings in effect for `request`: the configuration file, the keymap it (or the command
/// line) names, and the overrides, all checked before any is applied.
pub fn load(request: &Request) -> Result<Config, ConfigError> {
    let file = match request.file {
        Some(f) => Some(f.to_path_buf()),
        None => default_path().filter(|p| p.is_file()),
    };
    let mut config = Config::default();
    let mut settings = Settings::default();
    let (mut name, mut text) = (String::new(), String::new());
    if let Some(path) = &file {
        name = path.display().to_string();
        text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError::whole_file(&name, format!("cannot read the configuration: {e}")))?;
        settings = Settings::parse(&name, &text)?;
        config.file = Some(path.clone());
    }
    // Paths in the file are relative to it; on the command line, to the working directory.
    let base = file.as_deref().and_then(Path::parent).unwrap_or(Path::new(""));
    let keymap_name = match (request.keymap, &settings.keymap) {
        (Some(k), _) => {
            config.keymap = Some(
                resolve_keymap(k, Path::new(""))?
                    .ok_or_else(|| ConfigError::whole_file("--keymap", no_such_keymap(k)))?,
            );
            k.to_string()
        }
        (None, Some((k, span))) => {
            let found = resolve_keymap(k, base)?;
            config.keymap = Some(found.ok_or_else(|| ConfigError::at(&name, &text, span.clone(), no_such_keymap(k)))?);
            k.clone()
        }
        (None, None) => config.keymap_name.clone(),
    };
    if settings.keys != Keymap::default() {
        config
            .keymap
            .get_or_insert_with(Keymap::builtin)
            .overlay(&settings.keys);
    }
    config.keymap_name = keymap_name;
    config.theme = settings.theme.unwrap_or(config.theme);
    config.view = settings.view.unwrap_or(config.view);
    config.sync_scroll = settings.sync_scroll.unwrap_or(config.sync_scroll);
    config.mouse = settings.mouse.unwrap_or(config.mouse);
    config.taxonomy = settings.taxonomy.map(|t| expand_path(&t, base));
    config.rules = settings.rules.map(|t| expand_path(&t, base));
    config.reviews = match settings.reviews.as_deref() {
        None | Some("data") => Reviews::DataDir,
        Some("beside") => Reviews::Beside,
        Some(dir) => Reviews::Dir(expand_path(dir, base)),
    };
    Ok(config)
}

/// A shipped keymap by name, else a keymap file; `None` when it is neither.
fn resolve_keymap(name: &str, base: &Path) -> Result<Option<Keymap>, ConfigError> {
    if let Some(k) = Keymap::preset(name) {
        return Ok(Some(k));
    }
    let path = expand_path(name, base);
    if !path.is_file() {
        return Ok(None);
    }
    let file = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| ConfigError::whole_file(&file, format!("cannot read the keymap: {e}")))?;
    Keymap::parse(&file, &text).map(Some)
}

fn no_such_keymap(name: &str) -> String {
    let mut names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
    names.insert(1, "vim");
    format!(
        "no such keymap '{name}': neither a shipped one ({}) nor a file",
        names.join(", ")
    )
}

/// `~/x` under the home directory, a relative path under `base`.
fn expand_path(text: &str, base: &Path) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    base.join(text)
}

/// What a configuration file sets; `None` where it is silent.
#[derive(Debug, Default)]
struct Settings {
    /// The keymap's name and where the file gives it.
    keymap: Option<(String, Range<usize>)>,
    keys: Keymap,
    theme: Option<ThemeName>,
    view: Option<ViewMode>,
    sync_scroll: Option<bool>,
    mouse: Option<bool>,
    taxonomy: Option<String>,
    rules: Option<String>,
    reviews: Option<String>,
}

impl Settings {
    fn parse(file: &str, text: &str) -> Result<Self, ConfigError> {
        let doc = DeTable::parse(text).map_err(|e| ConfigError::syntax(file, text, &e))?;
        let mut d = Diagnostics::new(file, text);
        let mut s = Settings::default();
        for (key, value) in in_file_order(doc.get_ref()) {
            let span = value.span();
            match (&**key.get_ref(), value.get_ref()) {
                ("keymap", DeValue::String(v)) => {
                    // Checked here, so that a keymap that is neither shipped nor a file is said
                    // with the file's other problems (by name: the keymap is read once, later).
                    let base = Path::new(file).parent().unwrap_or(Path::new(""));
                    if !Keymap::is_preset(v) && !expand_path(v, base).is_file() {
                        d.push(span.clone(), no_such_keymap(v));
                    }
                    s.keymap = Some((v.to_string(), span));
                }
                ("taxonomy", DeValue::String(v)) => s.taxonomy = Some(v.to_string()),
                ("rules", DeValue::String(v)) => s.rules = Some(v.to_string()),
                ("reviews", DeValue::String(v)) => s.reviews = Some(v.to_string()),
                ("theme", DeValue::String(v)) => s.theme = choice(&THEMES, v, "theme", span, &mut d),
                ("view", DeValue::String(v)) => s.view = choice(&VIEWS, v, "view", span, &mut d),
                ("sync_scroll", DeValue::Boolean(v)) => s.sync_scroll = Some(*v),
                ("mouse", DeValue::Boolean(v)) => s.mouse = Some(*v),
                ("keys", DeValue::Table(t)) => s.keys = Keymap::from_table(t, &mut d),
                ("keymap" | "taxonomy" | "rules" | "reviews" | "theme" | "view", _) => {
                    d.push(span, format!("'{}' must be a string", key.get_ref()))
                }
                (name @ ("sync_scroll" | "mouse"), _) => d.push(span, format!("'{name}' must be true or false")),
                ("keys", _) => d.push(span, "'keys' must be a table: [keys.normal] and so on"),
                (other, _) => d.push(
                    key.span(),
                    format!("unknown setting '{other}'; settings are {SETTINGS}"),
                ),
            }
        }
        d.finish(s)
    }
}

/// The named value among `choices`, or a diagnostic listing them.
fn choice<T: Copy>(
    choices: &[(&str, T)],
    value: &str,
    setting: &str,
    span: Range<usize>,
    d: &mut Diagnostics,
) -> Option<T> {
    let found = choices.iter().find(|(n, _)| *n == value).map(|&(_, v)| v);
    if found.is_none() {
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        d.push(
            span,
            format!("unknown {setting} '{value}'; choose {}", names.join(", ")),
        );
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::Action;
    use crate::keys::{Key, Lookup, Mode};

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn no_keymap_is_read_until_one_is_asked_for_unless_the_settings_change_it() {
        // Removed when the test ends.
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let plain = write(dir, "plain.toml", "theme = \"light\"\n");
        let c = load(&Request {
            file: Some(&plain),
            keymap: None,
        })
        .unwrap();
        assert!(c.keymap.is_none(), "the default keymap, not read");
        assert_eq!(c.keymap(), Keymap::builtin());
        let keyed = write(dir, "keyed.toml", "[keys.normal]\ny = \"next_row\"\n");
        let c = load(&Request {
            file: Some(&keyed),
            keymap: None,
        })
        .unwrap();
        assert!(c.keymap.is_some(), "read, to lay the keys over it");
        assert_eq!(
            c.keymap().lookup(Mode::Normal, &[Key::char('y')]),
            Lookup::Matched(Action::NextRow)
        );
        assert_ne!(c.keymap(), Keymap::builtin());
    }

    #[test]
    fn the_printed_default_is_the_default() {
        // Removed when the test ends.
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let file = write(dir, "config.toml", DEFAULT_CONFIG);
        let c = load(&Request {
            file: Some(&file),
            keymap: None,
        })
        .unwrap();
        let d = Config::default();
        assert_eq!(c.keymap(), d.keymap());
        assert_eq!(c.keymap_name, d.keymap_name);
        assert_eq!(
            (c.theme, c.view, c.sync_scroll, c.taxonomy, c.rules),
            (d.theme, d.view, d.sync_scroll, d.taxonomy, d.rules)
        );
    }

    #[test]
    fn settings_keys_and_relative_paths_apply() {
        // Removed when the test ends.
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        write(dir, "mine.toml", "[normal]\nx = \"quit\"\n");
        let file = write(
            dir,
            "config.toml",
            "keymap = \"mine.toml\"\ntheme = \"light\"\nview = \"inline\"\nsync_scroll = false\nmouse = false\ntaxonomy = \"topics.toml\"\nrules = \"rules.toml\"\n[keys.normal]\ny = \"next_row\"\n",
        );
        let c = load(&Request {
            file: Some(&file),
            keymap: None,
        })
        .unwrap();
        assert_eq!(
            c.keymap().lookup(Mode::Normal, &[Key::char('x')]),
            Lookup::Matched(Action::Quit)
        );
        assert_eq!(
            c.keymap().lookup(Mode::Normal, &[Key::char('y')]),
            Lookup::Matched(Action::NextRow)
        );
        assert_eq!(c.keymap().lookup(Mode::Normal, &[Key::char('j')]), Lookup::NotFound);
        assert_eq!(
            (c.theme, c.view, c.sync_scroll),
            (ThemeName::Light, ViewMode::Inline, false)
        );
        assert_eq!(c.taxonomy, Some(dir.join("topics.toml")));
        assert_eq!(c.rules, Some(dir.join("rules.toml")));
        // The command line's keymap wins over the file's; the file's [keys] still apply on top.
        let c = load(&Request {
            file: Some(&file),
            keymap: Some("emacs"),
        })
        .unwrap();
        assert_eq!(c.keymap_name, "emacs");
        assert_eq!(
            c.keymap().lookup(Mode::Normal, &[Key::ctrl('n')]),
            Lookup::Matched(Action::ScrollDown)
        );
        assert_eq!(
            c.keymap().lookup(Mode::Normal, &[Key::char('y')]),
            Lookup::Matched(Action::NextRow)
        );
    }

    #[test]
    fn every_problem_of_a_file_is_reported_at_its_place() {
        // Removed when the test ends.
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let file = write(
            dir,
            "config.toml",
            "theme = \"solarized\"\nsync_scroll = \"yes\"\ncolour = 1\n[keys.normal]\nj = \"scroll_dwn\"\n",
        );
        let err = load(&Request {
            file: Some(&file),
            keymap: None,
        })
        .unwrap_err();
        let lines: Vec<String> = err
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}", d.line, d.column))
            .collect();
        assert_eq!(lines, ["1:9", "2:15", "3:1", "5:5"], "{err}");
    }

    #[test]
    fn an_unknown_keymap_name_says_what_exists() {
        let err = load(&Request {
            file: None,
            keymap: Some("nano"),
        })
        .unwrap_err();
        assert!(
            err.to_string().contains(
                "--keymap: no such keymap 'nano': neither a shipped one (default, vim, emacs, arrows) nor a file"
            ),
            "{err}"
        );
    }
}
