//! Native file dialogs, shown from Rust so that the web view needs no dialog permission. Each
//! returns the chosen path (or nothing when cancelled); the web view then calls the command that
//! takes a path. The end-to-end test answers each dialog in the real window.

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

const ENGAGEMENT: (&str, &[&str]) = ("Trellis engagement", &["trellis"]);

/// Where to save a new engagement.
#[tauri::command]
pub async fn choose_new_path<R: Runtime>(app: AppHandle<R>, name: String) -> Option<String> {
    let file = new_engagement_file(&name);
    let chosen = app.dialog().file().add_filter(ENGAGEMENT.0, ENGAGEMENT.1).set_file_name(file).blocking_save_file();
    chosen.map(|p| p.to_string())
}

/// Which engagement to open.
#[tauri::command]
pub async fn choose_engagement<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let chosen = app.dialog().file().add_filter(ENGAGEMENT.0, ENGAGEMENT.1).blocking_pick_file();
    chosen.map(|p| p.to_string())
}

/// Where to write an export: `kind` is the file extension (`pdf` or `json`).
#[tauri::command]
pub async fn choose_export_path<R: Runtime>(app: AppHandle<R>, kind: String, name: String) -> Option<String> {
    let (label, ext) = export_filter(&kind);
    let file = format!("{}.{}", file_stem(&name, "export"), ext[0]);
    app.dialog().file().add_filter(label, ext).set_file_name(file).blocking_save_file().map(|p| p.to_string())
}

/// A PNG logo for the blueprint's cover.
#[tauri::command]
pub async fn choose_logo<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    app.dialog().file().add_filter("PNG image", &["png"]).blocking_pick_file().map(|p| p.to_string())
}

/// The name the save dialog proposes for a new engagement: the typed name (or "engagement"), with
/// characters no file system takes replaced, and the `.trellis` extension.
fn new_engagement_file(name: &str) -> String {
    format!("{}.trellis", file_stem(name, "engagement"))
}

/// `name` as a file name without extension: trimmed, path separators and characters Windows
/// refuses replaced by `-`; `fallback` when nothing is left.
fn file_stem(name: &str, fallback: &str) -> String {
    let cleaned: String =
        name.trim().chars().map(|c| if "/\\:*?\"<>|".contains(c) || c.is_control() { '-' } else { c }).collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_owned();
    if cleaned.is_empty() {
        fallback.to_owned()
    } else {
        cleaned
    }
}

/// The save dialog's filter for an export: `pdf`, or else the JSON interchange.
fn export_filter(kind: &str) -> (&'static str, &'static [&'static str]) {
    match kind {
        "pdf" => ("PDF document", &["pdf"]),
        _ => ("JSON interchange", &["json"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_save_dialog_proposes_a_usable_file_name() {
        assert_eq!(new_engagement_file("  Acme review "), "Acme review.trellis");
        assert_eq!(new_engagement_file(""), "engagement.trellis");
        assert_eq!(new_engagement_file("../Q3: <draft>?"), "-Q3- -draft--.trellis");
        assert_eq!(new_engagement_file(" .. "), "engagement.trellis");
    }

    #[test]
    fn exports_are_filtered_by_kind() {
        assert_eq!(export_filter("pdf"), ("PDF document", &["pdf"][..]));
        assert_eq!(export_filter("json").1, &["json"]);
        assert_eq!(file_stem("Blueprint / board", "export"), "Blueprint - board");
    }
}
