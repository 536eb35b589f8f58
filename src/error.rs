//! The one error type of the core, with a stable code per kind that the UI switches on.

use crate::model::ValidationError;
use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file", .0.display())]
    NotFound(PathBuf),
    #[error("{}: already exists; Trellis will not overwrite it", .0.display())]
    Exists(PathBuf),
    #[error("{}: not a Trellis engagement file ({reason})", .path.display())]
    NotTrellis { path: PathBuf, reason: String },
    #[error("{}: the file is damaged ({detail})", .path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{}: made by a newer Trellis (file format {found}, this Trellis reads up to {supported}); update Trellis to open it", .path.display())]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("invalid model:\n{}", .0.iter().map(|e| format!("  - {e}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<ValidationError>),
    #[error("{source_name}: {message}")]
    Parse { source_name: String, message: String },
    #[error("{0}")]
    NotInModel(String),
    #[error("{0}")]
    Usage(String),
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: database error: {source}", .path.display())]
    Sqlite { path: PathBuf, source: rusqlite::Error },
}

impl Error {
    /// A stable, machine-readable code: the UI and scripts switch on this, never on the message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound(_) => "not-found",
            Error::Exists(_) => "exists",
            Error::NotTrellis { .. } => "not-trellis",
            Error::Damaged { .. } => "damaged",
            Error::TooNew { .. } => "too-new",
            Error::Invalid(_) => "invalid",
            Error::Parse { .. } => "parse",
            Error::NotInModel(_) => "not-in-model",
            Error::Usage(_) => "usage",
            Error::Io { .. } => "io",
            Error::Sqlite { .. } => "database",
        }
    }

    /// For callers outside the core (the CLI): an I/O error about `path`.
    pub fn io_at(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Io { path: path.to_owned(), source }
    }

    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}
