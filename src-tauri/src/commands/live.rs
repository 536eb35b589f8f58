//! Live session commands: start serving the open engagement to the room's phones, watch the answers arrive, steer the questions, stop.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, Info};
use trellis::workshop::{LiveAction, LiveSession};
use trellis::ErrorCode;

/// Starts the live server on `listen` (`ADDR:PORT`, the user's choice), on `bank` when the
/// file holds no live session to resume.
#[tauri::command]
pub async fn live_start(
    studio: State<'_, Studio>,
    listen: String,
    bank: Option<String>,
) -> Result<LiveSession, ApiError> {
    studio.start_live(&listen, bank)
}

/// The running session and its live distribution, or null when nothing is being served.
#[tauri::command]
pub fn live_status(studio: State<'_, Studio>) -> Option<LiveSession> {
    studio.live()
}

/// Opens, closes or advances questions, ends the session, or deletes a participant's answers.
#[tauri::command]
pub async fn live_control(studio: State<'_, Studio>, action: LiveAction) -> Result<LiveSession, ApiError> {
    studio.facilitator()?.command(action.into()).await?;
    studio.live().ok_or_else(|| ApiError::new(ErrorCode::NotLive, "the live session stopped"))
}

/// Stops serving; the answers saved so far are read into the open engagement.
#[tauri::command]
pub async fn live_stop(studio: State<'_, Studio>) -> Result<Info, ApiError> {
    studio.stop_live()
}
