//! Native file dialogs, shown from Rust so that the web view needs no dialog permission. Each
//! returns the chosen path (or nothing when cancelled); the web view then calls the command that
//! takes a path, as the end-to-end tests do directly.

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

const ENGAGEMENT: (&str, &[&str]) = ("Trellis engagement", &["trellis"]);

/// Where to save a new engagement.
#[tauri::command]
pub async fn choose_new_path<R: Runtime>(app: AppHandle<R>, name: String) -> Option<String> {
    let file = format!("{}.trellis", if name.trim().is_empty() { "engagement" } else { name.trim() });
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
    let (label, ext): (&str, &[&str]) = match kind.as_str() {
        "pdf" => ("PDF document", &["pdf"]),
        _ => ("JSON interchange", &["json"]),
    };
    let file = format!("{name}.{}", ext[0]);
    app.dialog().file().add_filter(label, ext).set_file_name(file).blocking_save_file().map(|p| p.to_string())
}

/// A PNG logo for the blueprint's cover.
#[tauri::command]
pub async fn choose_logo<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    app.dialog().file().add_filter("PNG image", &["png"]).blocking_pick_file().map(|p| p.to_string())
}
