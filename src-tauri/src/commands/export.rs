//! Export commands: the blueprint PDF and the JSON interchange, written to a path the user chose, and opening the result.

use crate::state::Studio;
use std::path::Path;
use tauri::State;
use trellis::api::{self, ApiError, BlueprintRequest, Exported};
use trellis::ErrorCode;

#[tauri::command]
pub async fn export_json(studio: State<'_, Studio>, path: String) -> Result<Exported, ApiError> {
    studio.with_session(|s| s.write_json(Path::new(&path)))
}

#[tauri::command]
pub async fn export_blueprint(
    studio: State<'_, Studio>,
    path: String,
    request: BlueprintRequest,
) -> Result<Exported, ApiError> {
    studio.with_session(|s| s.write_blueprint(Path::new(&path), &request))
}

/// The blueprint layouts that ship with Trellis.
#[tauri::command]
pub fn blueprint_layouts() -> Vec<String> {
    api::blueprint_layouts().into_iter().map(str::to_owned).collect()
}

/// Opens a file the studio wrote in the system's viewer for it.
#[tauri::command]
pub async fn open_exported(path: String) -> Result<(), ApiError> {
    let file = Path::new(&path);
    if !file.is_file() {
        return Err(ApiError::from(trellis::Error::NotFound(file.to_owned())));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(file)
        .spawn()
        .map(|_| ())
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("{opener} {path}: {e}")))
}
