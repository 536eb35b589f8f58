//! The Workshop view's commands besides the live session's (`live.rs`): the question banks, recording
//! a scored session's answers, the summary of what was said, and deleting one participant's answers
//! at their request.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, History, Withdrawn};
use trellis::diagnostics::ResponseSummary;
use trellis::model::{Bank, Response};
use trellis::ErrorCode;

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

/// Deletes every answer `respondent` gave (an anonymous id from a phone, or a name used in the
/// room). While a live session is served its own controls do it, so the server's count stays true.
#[tauri::command]
pub async fn withdraw_answers(studio: State<'_, Studio>, respondent: String) -> Result<Withdrawn, ApiError> {
    if studio.serving() {
        return Err(ApiError::new(
            ErrorCode::Live,
            "a live session is being served: delete the participant's answers from its controls",
        ));
    }
    studio.with_session(|s| Ok(Withdrawn { answers: s.withdraw(respondent.trim(), None)?, history: s.history() }))
}
