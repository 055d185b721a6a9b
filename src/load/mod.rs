//! Stage 1, load: file bytes to clean Unicode text.
//!
//! Owns: reading a file with limits; telling its format from its content (plain text, an HTML page,
//! a Word .docx, a PDF; the name is only a hint); detecting a text's encoding (BOM, an HTML page's
//! declared charset, UTF-8, else `chardetng`, which in this genre means GB18030); taking the text out
//! of pages and documents (`html`, `docx`, `pdf`); and removing characters that could drive a
//! terminal. Must not interpret the text.

mod attributes;
mod budget;
mod doc;
mod docx;
mod html;
mod lists;
mod odt;
mod pdf;
mod pdf_cjk;
mod pdf_guard;
mod pdf_lines;
mod pdf_pages;
pub mod pieces;
mod xml;

pub use pdf::in_parser as in_pdf_parser;

use std::borrow::Cow;
use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use encoding_rs::{Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Result};

/// Default ceiling on input size: real reports are 5–50 KB, so 16 MiB only stops accidents.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The highest ceiling: text offsets are held in 32 bits, and a decoded file may be half as large
/// again as its bytes.
pub const MAX_BYTES_LIMIT: u64 = 1 << 30;

/// Share of replacement characters above which a decoded file is treated as binary data.
const MAX_UNDECODABLE_SHARE: f64 = 0.05;

/// What kind of file a report came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Html,
    Docx,
    /// OpenDocument text (LibreOffice, WPS).
    Odt,
    /// Word 97–2003 (and WPS) `.doc`.
    Doc,
    Pdf,
}

/// A report's decoded text, ready for normalisation.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path as given by the user.
    pub path: PathBuf,
    pub format: Format,
    /// Name of the encoding the text was decoded from (`UTF-8`, `UTF-16LE`, `GB18030` …); `UTF-8` for
    /// .docx (XML) and PDF (extracted as Unicode).
    pub encoding: &'static str,
    /// The text: line ends are `\n`, control characters removed.
    pub text: String,
    /// Invalid byte sequences of a mostly valid UTF-8 file, each shown as U+FFFD (the caller warns).
    pub replaced: usize,
}

impl SourceText {
    /// Reads in-memory bytes as if they had been read from `path`: the format is told from the
    /// content, the text taken out of it and decoded.
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: &[u8]) -> Result<Self> {
        Self::from_cow(path.into(), Cow::Borrowed(bytes))
    }

    /// As [`SourceText::from_bytes`]; bytes owned and already plain UTF-8 (most text reports)
    /// become the text without a copy.
    fn from_cow(path: PathBuf, bytes: Cow<'_, [u8]>) -> Result<Self> {
        // One line, nothing of the file raw: a parser's message may quote the bytes it stopped at.
        let document_error = |message: String| Error::Document {
            path: path.clone(),
            message: crate::text::one_line(&message),
        };
        let mut replaced = 0;
        let (format, text, encoding) = match sniff(&bytes) {
            Sniffed::Pdf => (Format::Pdf, pdf::extract(&bytes).map_err(document_error)?, UTF_8.name()),
            Sniffed::Zip if odt::is_odt(&bytes) => {
                (Format::Odt, odt::extract(&bytes).map_err(document_error)?, UTF_8.name())
            }
            Sniffed::Zip => (
                Format::Docx,
                docx::extract(&bytes).map_err(document_error)?,
                UTF_8.name(),
            ),
            Sniffed::Doc => (
                Format::Doc,
                doc::extract(&bytes).map_err(document_error)?,
                UTF_16LE.name(),
            ),
            Sniffed::Unsupported(what) => return Err(Error::Unsupported { path, what }),
            Sniffed::Other => {
                let (text, encoding, bytes) = match plain_utf8(bytes) {
                    Ok(text) => (text, UTF_8.name(), None),
                    Err(bytes) => {
                        let (text, encoding, bad) = decode(&path, &bytes)?;
                        replaced = bad;
                        (text, encoding, Some(bytes))
                    }
                };
                if looks_like_html(&text, &path) {
                    // A page that is plain UTF-8 reads as UTF-8 whatever its `<meta>` says.
                    let (text, encoding, bad) = match &bytes {
                        Some(bytes) => redecode_html(&path, bytes, text, encoding, replaced)?,
                        None => (text, encoding, replaced),
                    };
                    replaced = bad;
                    (Format::Html, html::extract(&text).map_err(document_error)?, encoding)
                } else {
                    (Format::Text, text, encoding)
                }
            }
        };
        let text = sanitize(&text);
        if text.trim().is_empty() {
            return Err(Error::Empty { path });
        }
        Ok(Self {
            path,
            format,
            encoding,
            text,
            replaced,
        })
    }

    /// The file name shown to the user, control characters escaped.
    pub fn display_name(&self) -> String {
        crate::text::shown_path(&self.path)
    }
}

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Larger files are refused; at most [`MAX_BYTES_LIMIT`], whatever is asked.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// How long a pipe or FIFO may stay silent before its read is given up.
const STALL_LIMIT: Duration = Duration::from_secs(10);

/// Reads and decodes one report file. At most `max_bytes` are read, whatever the file system says
/// of the file's size: a device such as `/dev/zero` is refused once past the limit, and a pipe or
/// FIFO is read without blocking, so one that nothing writes to ends in an error, not a hang.
pub fn load(path: &Path, options: &LoadOptions) -> Result<SourceText> {
    let owned = || path.to_path_buf();
    let limit = options.max_bytes.min(MAX_BYTES_LIMIT);
    let meta = fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory { path: owned() });
    }
    if meta.is_file() && meta.len() > limit {
        return Err(Error::TooLarge {
            path: owned(),
            size: meta.len(),
            limit,
        });
    }
    let bytes = read_limited(path, limit, meta.len())?;
    let src = SourceText::from_cow(path.to_path_buf(), Cow::Owned(bytes))?;
    // A piece takes a byte at least: a text no longer than the limit is not counted.
    let most = pieces::limit(limit);
    let count = if src.text.len() > most {
        pieces::count(&src.text)
    } else {
        0
    };
    if count > most {
        return Err(Error::TooManyPieces {
            path: owned(),
            count,
            most,
        });
    }
    Ok(src)
}

/// Up to `limit` bytes of `path`; more is an error. Reads never block for long (see [`load`]).
/// Room for the `expected` bytes (the file's size) is made at once: a list grown by doubling
/// copies itself and may hold twice the file.
fn read_limited(path: &Path, limit: u64, expected: u64) -> Result<Vec<u8>> {
    let mut open = fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut open, libc::O_NONBLOCK);
    let file = open.open(path).map_err(|e| io_error(path, e))?;
    let mut reader = file.take(limit.saturating_add(1));
    // One byte more than the file: the read that finds its end needs room to try.
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit).saturating_add(1)).unwrap_or(0));
    let mut chunk = vec![0u8; 64 * 1024];
    let mut silent_since = Instant::now();
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                silent_since = Instant::now();
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if e.kind() == ErrorKind::WouldBlock => {
                if silent_since.elapsed() > STALL_LIMIT {
                    return Err(Error::Stalled {
                        path: path.to_path_buf(),
                        seconds: STALL_LIMIT.as_secs(),
                    });
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(io_error(path, e)),
        }
    }
    if bytes.len() as u64 > limit {
        return Err(Error::StreamTooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    let path = path.to_path_buf();
    match source.kind() {
        ErrorKind::NotFound => Error::NotFound { path },
        ErrorKind::PermissionDenied => Error::PermissionDenied { path },
        ErrorKind::IsADirectory => Error::IsDirectory { path },
        _ => Error::Io { path, cause: source },
    }
}

/// What the first bytes say a file is.
enum Sniffed {
    Pdf,
    /// A ZIP archive: a .docx if it holds a Word document.
    Zip,
    /// A known format duibi cannot read, with what to do about it.
    /// An Office 97–2003 compound file: a `.doc` (or WPS) if it holds a Word document.
    Doc,
    Unsupported(&'static str),
    /// Text, HTML, or something that decoding will refuse.
    Other,
}

fn sniff(bytes: &[u8]) -> Sniffed {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let head = &bytes[..bytes.len().min(1024)];
    // The PDF header may follow some junk, but must come within the first kilobyte.
    if head.windows(5).any(|w| w == b"%PDF-") && !head.starts_with(b"<") {
        Sniffed::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") {
        Sniffed::Zip
    } else if bytes.starts_with(OLE2) {
        Sniffed::Doc
    } else if bytes.starts_with(b"{\\rtf") {
        Sniffed::Unsupported("is an RTF file: save it as .docx or plain text")
    } else {
        Sniffed::Other
    }
}

/// A page rather than a report: markup at the start, or an `.htm(l)` name and tags inside.
fn looks_like_html(text: &str, path: &Path) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let tags = [
        "<html", "<body", "<head", "<meta", "<div", "<p>", "<p ", "<br", "<table",
    ];
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && tags.iter().any(|t| head.contains(t)))
        || (named && tags.iter().any(|t| head.contains(t)))
}

/// The charset a page declares in a `<meta>` tag, looked for in its first bytes as the HTML
/// standard's pre-scan does.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    for (at, _) in head.match_indices("<meta") {
        let tag = &head[at..head[at..].find('>').map_or(head.len(), |e| at + e)];
        let Some(i) = tag.find("charset") else { continue };
        let Some(value) = tag[i + "charset".len()..].trim_start().strip_prefix('=') else {
            continue;
        };
        let label: String = value
            .trim_start()
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
            .collect();
        // A page that could declare anything in ASCII is not UTF-16, whatever it says (HTML standard).
        return Encoding::for_label(label.as_bytes()).map(|e| match e {
            e if e == GBK => GB18030,
            e if e == UTF_16LE || e == UTF_16BE => UTF_8,
            e => e,
        });
    }
    None
}

/// Decodes a page again with its declared charset when that differs from what was detected (a BOM
/// still wins, as in browsers). A declaration that the bytes contradict is not believed: bytes that
/// are all valid UTF-8 (which text in a legacy encoding almost never is) stay UTF-8 whatever the page
/// says, and a page declared UTF-8 whose bytes are not is read as detected.
fn redecode_html(
    path: &Path,
    bytes: &[u8],
    text: String,
    detected: &'static str,
    replaced: usize,
) -> Result<(String, &'static str, usize)> {
    match declared_charset(bytes) {
        Some(declared) if Encoding::for_bom(bytes).is_none() && declared.name() != detected => {
            let valid_utf8 = std::str::from_utf8(bytes).is_ok();
            if valid_utf8 || declared == UTF_8 {
                return Ok((text, detected, replaced));
            }
            let (text, had_errors) = declared.decode_without_bom_handling(bytes);
            check_decoded(path, &text, had_errors)?;
            let replaced = if had_errors {
                text.matches(char::REPLACEMENT_CHARACTER).count()
            } else {
                0
            };
            Ok((text.into_owned(), declared.name(), replaced))
        }
        _ => Ok((text, detected, replaced)),
    }
}

/// The bytes as text, without a copy when they are owned, if they are plain UTF-8 (no byte order
/// mark, no NUL): what [`decode`] makes of them. Otherwise the bytes back.
fn plain_utf8(bytes: Cow<'_, [u8]>) -> std::result::Result<String, Cow<'_, [u8]>> {
    if Encoding::for_bom(&bytes).is_some() || bytes.contains(&0) {
        return Err(bytes);
    }
    match bytes {
        Cow::Owned(v) => String::from_utf8(v).map_err(|e| Cow::Owned(e.into_bytes())),
        Cow::Borrowed(b) => std::str::from_utf8(b).map(str::to_owned).map_err(|_| Cow::Borrowed(b)),
    }
}

/// UTF-16 without a byte order mark, when the bytes read as text that way (an editor that saves
/// "Unicode" may leave the mark out): little- or big-endian, whichever reads with no broken
/// surrogate and mostly Chinese, ASCII and the punctuation of both.
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let plausible = |c: char| crate::text::is_cjk(c) || c.is_ascii_graphic() || c.is_whitespace();
    [UTF_16LE, UTF_16BE].into_iter().find_map(|encoding| {
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        let total = text.chars().count();
        let good = text.chars().filter(|&c| plausible(c)).count();
        (!had_errors && good * 100 >= total * 95).then(|| (text.into_owned(), encoding))
    })
}

/// Share of a file's multi-byte characters that must decode as UTF-8 for the file to be read as
/// UTF-8 despite invalid bytes: text in a legacy encoding almost never forms valid UTF-8 sequences,
/// while a UTF-8 file with a damaged byte or a character cut in half at the end is all valid but
/// for those.
const MOSTLY_UTF8: usize = 20;

/// The text of `bytes` in the encoding they are in, its name, and how many invalid sequences were
/// replaced. A BOM wins; NUL bytes mean UTF-16 without a BOM when they read as text that way, else
/// binary data; then mostly valid UTF-8 (strict UTF-8 is read before, by [`plain_utf8`]), and
/// what `chardetng` detects (GBK widened to GB18030, its superset).
fn decode(path: &Path, bytes: &[u8]) -> Result<(String, &'static str, usize)> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        check_decoded(path, &text, had_errors)?;
        // An unpaired surrogate of UTF-16, a bad byte of UTF-8: replaced, and said.
        let replaced = if had_errors {
            text.matches(char::REPLACEMENT_CHARACTER).count()
        } else {
            0
        };
        return Ok((text.into_owned(), encoding.name(), replaced));
    }
    if bytes.contains(&0) {
        if let Some((text, encoding)) = utf16_without_bom(bytes) {
            return Ok((text, encoding.name(), 0));
        }
        return Err(Error::Binary {
            path: path.to_path_buf(),
        });
    }
    // Strict UTF-8 does not come here (were it to, the reading below gives the same text).
    let (mut invalid, mut multibyte) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if multibyte >= MOSTLY_UTF8 * invalid {
        return Ok((String::from_utf8_lossy(bytes).into_owned(), UTF_8.name(), invalid));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    if encoding == GBK || encoding == UTF_8 {
        encoding = GB18030;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    check_decoded(path, &text, had_errors)?;
    Ok((text.into_owned(), encoding.name(), 0))
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
    !matches!(c, '\n' | '\t' | '\r') && crate::text::is_control_or_override(c)
}

/// Whether a byte may start a character [`sanitize`] changes: a control (but `\n`), or the lead
/// byte of C1 controls and U+0085 (C2), U+061C (D8), the line and paragraph separators, direction
/// overrides and zero-width characters (E2), and the byte order mark (EF).
const fn may_change(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef)
}

/// Normalises line ends to `\n`, turns tabs into spaces and drops unsafe controls and stray BOMs.
/// Runs of characters it keeps as they are are copied whole (see [`may_change`]).
fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        let run = bytes[at..]
            .iter()
            .position(|&b| may_change(b))
            .unwrap_or(bytes.len() - at);
        out.push_str(&text[at..at + run]);
        at += run;
        let Some(c) = text[at..].chars().next() else { break };
        at += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(at) != Some(&b'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            // Unicode's line and paragraph separators break lines as a newline does; left in, a
            // terminal may move the cursor on them and shift what is drawn after.
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            c if crate::text::is_invisible_format(c) => {}
            c if is_unsafe_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
