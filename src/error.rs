//! The one error type of the core, and `ErrorCode`: every code the studio's web view may be
//! told, declared once here and exported to TypeScript as the type the UI keys its error views
//! by.

use crate::model::ValidationError;
use serde::{Deserialize, Serialize};
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
    /// The command line is wrong. Only the CLI makes these: the core never knows what was typed.
    #[error("{0}")]
    Usage(String),
    /// The request was understood and cannot be done: an unknown template or layout, a bad join
    /// code, a selection that matches nothing, a port that is taken.
    #[error("{0}")]
    Refused(String),
    /// An import option that does not fit the rest of the request. The core names the option by
    /// its field of `ImportOptions`; the CLI names its flag instead (`--soc`).
    #[error("`{}` {problem}", .option.field())]
    Option { option: ImportOption, problem: String },
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: database error: {source}", .path.display())]
    Sqlite { path: PathBuf, source: rusqlite::Error },
}

impl Error {
    /// A stable, machine-readable code: the UI and scripts switch on this, never on the message.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Exists(_) => ErrorCode::Exists,
            Error::NotTrellis { .. } => ErrorCode::NotTrellis,
            Error::Damaged { .. } => ErrorCode::Damaged,
            Error::TooNew { .. } => ErrorCode::TooNew,
            Error::Invalid(_) => ErrorCode::Invalid,
            Error::Parse { .. } => ErrorCode::Parse,
            Error::NotInModel(_) => ErrorCode::NotInModel,
            Error::Usage(_) => ErrorCode::Usage,
            Error::Refused(_) | Error::Option { .. } => ErrorCode::Refused,
            Error::Io { .. } => ErrorCode::Io,
            Error::Sqlite { .. } => ErrorCode::Database,
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

/// Declares `ErrorCode` from one list, with `ALL`, `as_str` and the serde names, so that they
/// cannot drift.
macro_rules! error_codes {
    ($(#[$meta:meta])* pub enum ErrorCode { $($(#[$doc:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ErrorCode { $($(#[$doc])* #[serde(rename = $text)] $variant,)+ }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code as it is sent: in `{code, message}`, to the web view and the phone page.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $text),+ }
            }
        }
    };
}

error_codes! {
    /// Every code the studio's web view can be told, in one list: the core's, a live session's
    /// refusals, the shell's and the UI's own. The UI keys its error views by it
    /// (`Record<ErrorCode, ...>` in `ui/src/errors.ts`), so a code added here does not
    /// type-check there until it has its words.
    pub enum ErrorCode {
        // From `Error::code()`.
        NotFound => "not-found",
        Exists => "exists",
        NotTrellis => "not-trellis",
        Damaged => "damaged",
        TooNew => "too-new",
        Invalid => "invalid",
        Parse => "parse",
        NotInModel => "not-in-model",
        /// A wrong command line: the CLI only (exit status 2).
        Usage => "usage",
        /// A request the core understood and refused.
        Refused => "refused",
        Io => "io",
        Database => "database",
        // From a live session's `workshop::Refusal`.
        Closed => "closed",
        UnknownQuestion => "unknown-question",
        UnknownParticipant => "unknown-participant",
        Ended => "ended",
        NoMoreQuestions => "no-more-questions",
        Full => "full",
        NotSaved => "not-saved",
        // From the studio's shell.
        /// No engagement is open: the studio started without one, or opening it failed.
        NoEngagement => "no-engagement",
        /// A live-session control was used while no live session is running.
        NotLive => "not-live",
        /// Something only a stopped live session allows was asked while one is served.
        Live => "live",
        /// Made by the UI itself: the shell answered with something other than `{code, message}`.
        Internal => "internal",
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// So that tests and callers can compare a code with its wire name: `err.code() == "not-found"`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The options of an import that the core may refuse, one per field of `interop::ImportOptions`.
/// Declared here, beside the error that carries it, so that each face names the option its own
/// way: the CLI by its flag, the studio by the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOption {
    TargetLevel,
    Occupations,
    Isco,
    Soc,
    Search,
    MinImportance,
}

impl ImportOption {
    /// The field of `ImportOptions` (and of its JSON) that holds this option.
    pub fn field(self) -> &'static str {
        match self {
            ImportOption::TargetLevel => "target_level",
            ImportOption::Occupations => "occupations",
            ImportOption::Isco => "isco",
            ImportOption::Soc => "soc",
            ImportOption::Search => "search",
            ImportOption::MinImportance => "min_importance",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_sent_under_its_own_name() {
        let mut seen = std::collections::BTreeSet::new();
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, code.as_str(), "{code:?} is sent as its name");
            assert_eq!(serde_json::from_value::<ErrorCode>(json).unwrap(), *code);
            assert!(seen.insert(code.as_str()), "{code} is listed twice");
        }
    }

    #[test]
    fn refusals_and_option_misfits_share_the_refused_code_and_name_no_flag() {
        assert_eq!(Error::Refused("no template named `x`".into()).code(), ErrorCode::Refused);
        let e = Error::Option { option: ImportOption::Soc, problem: "applies to onet imports only".into() };
        assert_eq!(e.code(), "refused");
        assert_eq!(e.to_string(), "`soc` applies to onet imports only");
    }
}
