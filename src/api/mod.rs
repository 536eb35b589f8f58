//! The API the CLI, the desktop shell and the workshop server call: sessions on engagement files and plain DTOs.

mod diagnose;
mod dto;
mod session;

pub use dto::{ApiError, CheckReport, Counts, Info, TemplateInfo};
pub use session::Session;

/// The starter ecosystems a new engagement can begin from.
pub fn templates() -> Vec<TemplateInfo> {
    crate::templates::all()
        .iter()
        .map(|t| TemplateInfo { name: t.name.to_owned(), summary: t.summary.clone() })
        .collect()
}
