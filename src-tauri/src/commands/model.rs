//! Commands of the model editor: the item lists, an item's links, one edit at a time, undo and redo.

use super::retitle;
use crate::state::Studio;
use tauri::{AppHandle, Runtime, State};
use trellis::api::{ApiError, Applied, History, ItemKind, Links, Lists};
use trellis::model::Edit;

#[tauri::command]
pub async fn model_lists(studio: State<'_, Studio>) -> Result<Lists, ApiError> {
    studio.with_session(|s| Ok(s.lists()))
}

#[tauri::command]
pub async fn item_links(studio: State<'_, Studio>, kind: ItemKind, id: String) -> Result<Links, ApiError> {
    studio.with_session(|s| s.links(kind, &id))
}

/// Applies one edit, saved at once as one transaction.
#[tauri::command]
pub async fn apply_edit<R: Runtime>(
    app: AppHandle<R>,
    studio: State<'_, Studio>,
    edit: Edit,
) -> Result<Applied, ApiError> {
    let renames = matches!(edit, Edit::SetEngagement(_));
    let applied = studio.with_session(|s| s.apply_edit(edit))?;
    if renames {
        retitle(&app, &studio);
    }
    Ok(applied)
}

#[tauri::command]
pub async fn history(studio: State<'_, Studio>) -> Result<History, ApiError> {
    studio.with_session(|s| Ok(s.history()))
}

/// Undoes the last edit (nothing happens when there is none).
#[tauri::command]
pub async fn undo<R: Runtime>(app: AppHandle<R>, studio: State<'_, Studio>) -> Result<History, ApiError> {
    let history = studio.with_session(|s| s.undo().map(|_| s.history()))?;
    retitle(&app, &studio);
    Ok(history)
}

/// Redoes the last undone edit (nothing happens when there is none).
#[tauri::command]
pub async fn redo<R: Runtime>(app: AppHandle<R>, studio: State<'_, Studio>) -> Result<History, ApiError> {
    let history = studio.with_session(|s| s.redo().map(|_| s.history()))?;
    retitle(&app, &studio);
    Ok(history)
}
