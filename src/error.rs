//! Library errors. Every message is one sentence a user can act on and names the file it is about.

use std::path::PathBuf;

/// Why a report could not be read, or a taxonomy could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file", .path.display())]
    NotFound { path: PathBuf },
    #[error("{}: is a directory, not a report file", .path.display())]
    IsDirectory { path: PathBuf },
    #[error("{}: permission denied", .path.display())]
    PermissionDenied { path: PathBuf },
    #[error("{}: cannot be read: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: file is {size} bytes, over the {limit}-byte limit (raise it with --max-size)", .path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{}: looks like binary data, not a text report", .path.display())]
    Binary { path: PathBuf },
    #[error("{}: the text could not be decoded as UTF-8, UTF-16 or GB18030", .path.display())]
    Undecodable { path: PathBuf },
    #[error("{}: {what}", .path.display())]
    Unsupported { path: PathBuf, what: &'static str },
    #[error("{}: {message}", .path.display())]
    Document { path: PathBuf, message: String },
    #[error("{}: contains no text", .path.display())]
    Empty { path: PathBuf },
    #[error("{}: taxonomy is not valid: {message}", .path.display())]
    Taxonomy { path: PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
