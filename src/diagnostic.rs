//! Problems found in a configuration or keymap file, each with the file, line and column it concerns.
//! Every problem of a file is collected before anything is applied: a file with one problem is not
//! half-applied, and its author sees all of them at once.

use std::fmt;
use std::ops::Range;

/// One problem at one place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based; 0 for a problem with the file as a whole.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
        }
    }
}

/// Everything wrong with the configuration, one problem per line; `help`, when present, follows
/// once (the list of valid action names, say) rather than being repeated on every line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    pub diagnostics: Vec<Diagnostic>,
    pub help: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{help}")?;
        }
        Ok(())
    }
}

impl ConfigError {
    /// A problem with no position in a file (a file that cannot be read, a bad `--keymap`).
    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        ConfigError {
            diagnostics: vec![Diagnostic {
                file: file.to_string(),
                line: 0,
                column: 0,
                message: message.into(),
            }],
            help: None,
        }
    }

    /// One problem at a place in a file.
    pub fn at(file: &str, text: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        let mut sink = Diagnostics::new(file, text);
        sink.push(span, message);
        ConfigError {
            diagnostics: sink.found,
            help: None,
        }
    }

    /// A TOML syntax error, positioned.
    pub fn syntax(file: &str, text: &str, error: &toml::de::Error) -> Self {
        let message = format!("TOML syntax: {}", error.message().trim_end());
        Self::at(file, text, error.span().unwrap_or(0..0), message)
    }
}

/// Collects the problems of one file, turning byte spans into lines and columns.
#[derive(Debug)]
pub struct Diagnostics<'a> {
    file: &'a str,
    text: &'a str,
    found: Vec<Diagnostic>,
    help: Option<String>,
}

impl<'a> Diagnostics<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Diagnostics {
            file,
            text,
            found: Vec::new(),
            help: None,
        }
    }

    pub fn push(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_column(self.text, span.start);
        self.found.push(Diagnostic {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        });
    }

    /// Text shown once after the problems, whatever their number.
    pub fn set_help(&mut self, help: String) {
        self.help = Some(help);
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// `value` when nothing was found, else every problem, in file order.
    pub fn finish<T>(mut self, value: T) -> Result<T, ConfigError> {
        if self.found.is_empty() {
            return Ok(value);
        }
        self.found.sort_by_key(|d| (d.line, d.column));
        Err(ConfigError {
            diagnostics: self.found,
            help: self.help,
        })
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "a = 1\n键 = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        // After the three bytes of 键 and a space: column 3.
        assert_eq!(line_column(text, 10), (2, 3));
        assert_eq!(line_column(text, 999), (3, 1));
    }

    #[test]
    fn problems_come_out_in_file_order_with_help_once() {
        let text = "one\ntwo\n";
        let mut d = Diagnostics::new("k.toml", text);
        d.push(4..5, "second");
        d.push(0..1, "first");
        d.set_help("help text".into());
        let err = d.finish(()).unwrap_err();
        assert_eq!(err.to_string(), "k.toml:1:1: first\nk.toml:2:1: second\nhelp text");
    }
}
