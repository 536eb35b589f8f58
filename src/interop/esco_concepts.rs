//! ESCO concepts as read from a table of occupations, skills or groups, and their ids (the URI without the ESCO base).

use super::progress::ProgressSink;
use super::source::{Dialect, Source, Table};
use crate::Result;
use rustc_hash::FxHashMap;

/// Where ESCO concept URIs start; ids are the rest (`occupation/<uuid>`, `skill/<uuid>`).
const URI_BASE: &str = "http://data.europa.eu/esco/";

/// The id of a concept: its URI without the ESCO base.
pub fn id_of(uri: &str) -> String {
    uri.strip_prefix(URI_BASE).filter(|rest| !rest.is_empty()).unwrap_or(uri).to_owned()
}

/// A concept as read: URI, label, description.
pub(super) struct Concept {
    pub uri: String,
    pub label: String,
    pub description: String,
}

/// Reads a table of concepts (occupations, skills or groups); `keep` sees each row first.
pub(super) fn concepts(
    source: Source<'_>,
    progress: &mut ProgressSink<'_>,
    mut keep: impl FnMut(&Table<'_>) -> Result<bool>,
) -> Result<(Vec<Concept>, FxHashMap<String, usize>)> {
    progress.start(format!("reading {}", source.name), source.bytes.len() as u64);
    let mut t = Table::new(source, Dialect::Spreadsheet)?;
    let (uri, label, description) = (t.column("conceptUri")?, t.column("preferredLabel")?, t.optional("description"));
    let mut list = Vec::new();
    let mut at: FxHashMap<String, usize> = FxHashMap::default();
    let mut lines: Vec<u64> = Vec::new();
    while t.next_row()? {
        let u = t.required(uri)?;
        if let Some(i) = at.get(u) {
            return Err(t.error(uri, format!("`{u}` is already on line {}", lines[*i])));
        }
        let l = t.required(label)?;
        let chosen = keep(&t)?;
        at.insert(u.to_owned(), list.len());
        lines.push(t.line());
        list.push(Concept {
            uri: u.to_owned(),
            label: l.to_owned(),
            description: if chosen { t.get(description).to_owned() } else { String::new() },
        });
        progress.advance(t.position());
    }
    progress.finish();
    Ok((list, at))
}
