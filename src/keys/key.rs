//! A key of our own, independent of the terminal library (the terminal layer converts to it),
//! written and read as in keymap files: `j`, `ctrl-d`, `alt-x`, `pageup`, `f5`.

use std::fmt;

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
    Delete,
    Insert,
    /// Function key F1–F12.
    F(u8),
}

/// A key with modifiers. Shift is part of the character (`G`, `?`), never a separate flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// Why a terminal never delivers this key as itself, if it does not: Ctrl or Alt with F3 is
    /// sent as a cursor-position report; Ctrl-I, Ctrl-M and Ctrl-[ are the very bytes of tab, enter
    /// and escape. A keymap that binds one would leave its action out of reach.
    pub fn never_arrives(&self) -> Option<&'static str> {
        match self.code {
            KeyCode::F(3) if self.ctrl || self.alt => {
                Some("terminals send Ctrl or Alt with F3 as a cursor-position report, never as the key")
            }
            KeyCode::Char('i') if self.ctrl => Some("Ctrl-I arrives as tab; bind tab"),
            KeyCode::Char('m') if self.ctrl => Some("Ctrl-M arrives as enter; bind enter"),
            KeyCode::Char('[') if self.ctrl => Some("Ctrl-[ arrives as esc; bind esc"),
            _ => None,
        }
    }

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
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
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
            _ if rest == "C-" || rest == "A-" => return Err(format!("invalid key '{s}': a key must follow '{rest}'")),
            _ => function_key(rest)
                .or_else(|| NAMES.iter().find(|(n, _)| *n == rest).map(|&(_, c)| c))
                .ok_or_else(|| {
                    let names: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
                    format!(
                        "invalid key '{s}': unknown key name '{rest}'; a key is one character or one of {}, f1–f12, with C- and A- for Ctrl and Alt",
                        names.join(" ")
                    )
                })?,
        };
        if let Some(why) = key.never_arrives() {
            return Err(format!("invalid key '{s}': {why}"));
        }
        Ok(key)
    }
}

/// `f1` … `f12`.
fn function_key(name: &str) -> Option<KeyCode> {
    let n: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
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
            KeyCode::F(n) => write!(f, "f{n}"),
            code => f.write_str(NAMES.iter().find(|(_, c)| *c == code).map_or("?", |(n, _)| n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_no_terminal_delivers_are_refused_with_the_reason() {
        for (text, why) in [
            ("A-f3", "cursor-position"),
            ("C-f3", "cursor-position"),
            ("C-i", "tab"),
            ("C-m", "enter"),
            ("C-[", "esc"),
        ] {
            let err = text.parse::<Key>().expect_err(text);
            assert!(err.contains(why), "{text}: {err}");
        }
        for fine in ["f3", "A-f2", "C-f4", "tab", "C-j"] {
            assert!(fine.parse::<Key>().is_ok(), "{fine}");
        }
    }

    #[test]
    fn keys_parse_and_display_round_trip() {
        for text in [
            "j", "G", "?", "C-d", "A-x", "C-A-x", "space", "pagedown", "backtab", "esc", "]", "f5", "delete",
        ] {
            let key: Key = text.parse().unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert!("nosuchkey".parse::<Key>().unwrap_err().contains("unknown key name"));
    }

    #[test]
    fn function_keys_parse() {
        assert_eq!("f1".parse::<Key>().unwrap(), Key::plain(KeyCode::F(1)));
        assert_eq!("f12".parse::<Key>().unwrap().to_string(), "f12");
        assert!("f13".parse::<Key>().is_err());
    }
}
