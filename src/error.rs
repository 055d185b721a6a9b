//! Library errors. Every message is one sentence a user can act on and names the file it is about.

use std::path::PathBuf;

/// Why a report could not be read, or a taxonomy could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file", crate::text::shown_path(.path))]
    NotFound { path: PathBuf },
    #[error("{}: is a directory, not a report file", crate::text::shown_path(.path))]
    IsDirectory { path: PathBuf },
    #[error("{}: permission denied", crate::text::shown_path(.path))]
    PermissionDenied { path: PathBuf },
    /// The OS error is said in the message (not also kept as a source, which would print it twice).
    #[error("{}: cannot be read: {cause}", crate::text::shown_path(.path))]
    Io { path: PathBuf, cause: std::io::Error },
    #[error("{}: file is {size} bytes, over the {limit}-byte limit (raise it with --max-size)", crate::text::shown_path(.path))]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{}: more than the {limit}-byte limit arrived (raise it with --max-size)", crate::text::shown_path(.path))]
    StreamTooLarge { path: PathBuf, limit: u64 },
    #[error("{}: {count} lines and sentence stops, more than the {most} a report of the size limit may hold: one per 32 bytes (raise it with --max-size)", crate::text::shown_path(.path))]
    TooManyPieces { path: PathBuf, count: usize, most: usize },
    #[error("{}: no data arrived within {seconds} seconds (a pipe or FIFO that nothing writes to?)", crate::text::shown_path(.path))]
    Stalled { path: PathBuf, seconds: u64 },
    #[error("{}: looks like binary data, not a text report", crate::text::shown_path(.path))]
    Binary { path: PathBuf },
    #[error("{}: the text could not be decoded as UTF-8, UTF-16 or GB18030", crate::text::shown_path(.path))]
    Undecodable { path: PathBuf },
    #[error("{}: {what}", crate::text::shown_path(.path))]
    Unsupported { path: PathBuf, what: &'static str },
    #[error("{}: {message}", crate::text::shown_path(.path))]
    Document { path: PathBuf, message: String },
    #[error("{}: contains no text", crate::text::shown_path(.path))]
    Empty { path: PathBuf },
    #[error("{}: taxonomy is not valid: {message}", crate::text::shown_path(.path))]
    Taxonomy { path: PathBuf, message: String },
    #[error("{}: checklist rules are not valid: {message}", crate::text::shown_path(.path))]
    Rules { path: PathBuf, message: String },
    #[error("{}: no report files in this folder", crate::text::shown_path(.path))]
    EmptyFolder { path: PathBuf },
    #[error("{count} reports given; at most {limit} are compared at once")]
    TooManyReports { count: usize, limit: usize },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
