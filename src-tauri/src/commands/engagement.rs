//! Commands about the open engagement as a whole.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, Info};

/// The open engagement at a glance: its metadata and how many of each thing it holds.
#[tauri::command]
pub fn engagement_info(studio: State<'_, Studio>) -> Result<Info, ApiError> {
    studio.with_session(|session| Ok(session.info()))
}
