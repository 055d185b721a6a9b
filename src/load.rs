//! Stage 1, load: file bytes to clean Unicode text.
//!
//! Owns: reading a file with limits, detecting its encoding (BOM, UTF-8, else `chardetng`, which in this
//! genre means GB18030), and removing characters that could drive a terminal. Must not interpret the text.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use crate::error::{Error, Result};

/// Default ceiling on input size: real reports are 5–50 KB, so 16 MiB only stops accidents.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Share of replacement characters above which a decoded file is treated as binary data.
const MAX_UNDECODABLE_SHARE: f64 = 0.05;

/// A report's decoded text, ready for normalisation.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path as given by the user.
    pub path: PathBuf,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `GB18030` …).
    pub encoding: &'static str,
    /// The text: line ends are `\n`, control characters removed.
    pub text: String,
}

impl SourceText {
    /// Decodes in-memory bytes as if they had been read from `path` (used for the built-in demo).
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Self> {
        let path = path.into();
        let (text, encoding) = decode(&path, bytes)?;
        let text = sanitize(&text);
        if text.trim().is_empty() {
            return Err(Error::Empty { path });
        }
        Ok(Self { path, encoding, text })
    }

    /// The file name shown to the user.
    pub fn display_name(&self) -> String {
        self.path.display().to_string()
    }
}

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Reads and decodes one report file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<SourceText> {
    let owned = || path.to_path_buf();
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: owned() });
    }
    if meta.len() > options.max_bytes {
        return Err(Error::TooLarge {
            path: owned(),
            size: meta.len(),
            limit: options.max_bytes,
        });
    }
    let bytes = fs::read(path).map_err(|e| io_error(path, e))?;
    SourceText::from_bytes(path, &bytes)
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    let path = path.to_path_buf();
    match source.kind() {
        ErrorKind::NotFound => Error::NotFound { path },
        ErrorKind::PermissionDenied => Error::PermissionDenied { path },
        ErrorKind::IsADirectory => Error::IsDirectory { path },
        _ => Error::Io { path, source },
    }
}

/// Decodes bytes: a BOM wins; then strict UTF-8; then whatever `chardetng` detects (GBK is widened to
/// GB18030, its superset). NUL bytes outside UTF-16 mean binary data.
fn decode(path: &Path, bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        check_decoded(path, &text, had_errors)?;
        return Ok((text.into_owned(), encoding.name()));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), UTF_8.name()));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if encoding == GBK || encoding == UTF_8 {
        encoding = GB18030;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    check_decoded(path, &text, had_errors)?;
    Ok((text.into_owned(), encoding.name()))
}

fn check_decoded(path: &Path, text: &str, had_errors: bool) -> Result<()> {
    let total = text.chars().count().max(1);
    if had_errors {
        let bad = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
        if bad as f64 / total as f64 > MAX_UNDECODABLE_SHARE {
            return Err(Error::Undecodable {
                path: path.to_path_buf(),
            });
        }
    }
    let controls = text.chars().filter(|&c| is_unsafe_control(c)).count();
    if controls as f64 / total as f64 > MAX_UNDECODABLE_SHARE {
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Characters that must never reach the terminal: C0 and C1 controls other than newline and tab,
/// DEL, and bidirectional overrides that could disguise text.
fn is_unsafe_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Normalises line ends to `\n`, turns tabs into spaces and drops unsafe controls and stray BOMs.
fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{feff}' | '\u{200b}' => {}
            c if is_unsafe_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_str(bytes: &[u8]) -> Result<SourceText> {
        SourceText::from_bytes("t.txt", bytes)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_str("一、总体情况".as_bytes()).unwrap().text, "一、总体情况");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("报告".as_bytes());
        assert_eq!(decode_str(&bom).unwrap().text, "报告");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "法律顾问\r\n".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let src = decode_str(&bytes).unwrap();
        assert_eq!(src.text, "法律顾问\n");
        assert_eq!(src.encoding, "UTF-16LE");
    }

    #[test]
    fn gbk_is_detected_from_content() {
        let (bytes, _, _) = GBK.encode("一、依法全面履行政府职能。我局认真落实规范性文件管理制度，完成清理工作。");
        let src = decode_str(&bytes).unwrap();
        assert_eq!(src.encoding, "gb18030");
        assert!(src.text.starts_with("一、依法全面履行政府职能"));
    }

    #[test]
    fn control_characters_are_removed() {
        let src = decode_str("a\u{1b}[31mb\u{7}\u{9b}c\td".as_bytes()).unwrap();
        assert_eq!(src.text, "a[31mbc d");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode_str(b"abc\0def"), Err(Error::Binary { .. })));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(
            decode_str(" \n\u{3000}\n".as_bytes()),
            Err(Error::Empty { .. })
        ));
    }
}
