//! How an error is told on the command line: in the CLI's own words, and with the exit status.
//!
//! The core never names a flag: it refuses an import option by its field of `ImportOptions`,
//! and this file names the flag the user typed instead. The exit statuses, as README documents
//! them: 0 done; 1 not done (a file missing, damaged or refused, a name not in the engagement,
//! a template or layout that does not exist, a refusal from the core); 2 the command line is
//! wrong (clap's errors, an option that does not fit the format, a csv export without `-o`).
//! The binary has no unit tests: `cli/tests/it/` runs it and checks both (`cli.rs`, `import.rs`).

use trellis::{Error, ImportOption};

/// The exit status for an error: 2 when the command line is wrong, 1 otherwise.
pub fn exit_status(e: &Error) -> i32 {
    match e {
        Error::Usage(_) | Error::Option { .. } => 2,
        _ => 1,
    }
}

/// The error as the command line tells it: an option is named by its flag.
pub fn message(e: &Error) -> String {
    match e {
        Error::Option { option, problem } => format!("{} {problem}", flag(*option)),
        e => e.to_string(),
    }
}

/// The flag of `trellis import` that sets an import option.
fn flag(option: ImportOption) -> &'static str {
    match option {
        ImportOption::TargetLevel => "--target-level",
        ImportOption::Occupations => "--occupation",
        ImportOption::Isco => "--isco",
        ImportOption::Soc => "--soc",
        ImportOption::Search => "--search",
        ImportOption::MinImportance => "--min-importance",
    }
}
