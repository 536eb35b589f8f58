//! Findings commands: the filtered list with scores, the consultant's verdicts and notes, manual findings, the executive summary.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, Applied, FindingQuery, FindingsView, History};
use trellis::model::{ManualFinding, Verdict};

#[tauri::command]
pub async fn findings_view(studio: State<'_, Studio>, query: FindingQuery) -> Result<FindingsView, ApiError> {
    studio.with_session(|s| Ok(s.findings_view(&query)))
}

/// Accepts or dismisses a finding with a note; no verdict reopens it.
#[tauri::command]
pub async fn dispose_finding(
    studio: State<'_, Studio>,
    key: String,
    verdict: Option<Verdict>,
    note: String,
) -> Result<History, ApiError> {
    studio.with_session(|s| s.dispose(&key, verdict, &note).map(|()| s.history()))
}

/// Adds a finding the consultant wrote (an empty id makes a new one) or replaces one.
#[tauri::command]
pub async fn put_manual_finding(studio: State<'_, Studio>, finding: ManualFinding) -> Result<Applied, ApiError> {
    studio.with_session(|s| {
        s.put_manual_finding(finding).map(|id| trellis::api::Applied { id: Some(id), history: s.history() })
    })
}

#[tauri::command]
pub async fn remove_manual_finding(studio: State<'_, Studio>, id: String) -> Result<History, ApiError> {
    studio.with_session(|s| s.remove_manual_finding(&id).map(|()| s.history()))
}

/// The consultant's executive summary (empty: the blueprint writes one).
#[tauri::command]
pub async fn set_summary(studio: State<'_, Studio>, text: String) -> Result<History, ApiError> {
    studio.with_session(|s| s.set_summary(&text).map(|()| s.history()))
}
