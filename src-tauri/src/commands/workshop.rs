//! Workshop commands for the facilitator: the question banks, recording answers, and the summary of what was said.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, History};
use trellis::diagnostics::ResponseSummary;
use trellis::model::{Bank, Response};

#[tauri::command]
pub async fn banks(studio: State<'_, Studio>) -> Result<Vec<Bank>, ApiError> {
    studio.with_session(|s| Ok(s.banks()))
}

/// Records one participant's (or group's) score and note for one question.
#[tauri::command]
pub async fn answer(studio: State<'_, Studio>, response: Response) -> Result<History, ApiError> {
    studio.with_session(|s| s.answer(response).map(|()| s.history()))
}

#[tauri::command]
pub async fn response_summary(studio: State<'_, Studio>) -> Result<ResponseSummary, ApiError> {
    studio.with_session(|s| Ok(ResponseSummary::of(s.model())))
}
