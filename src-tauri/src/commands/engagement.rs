//! Commands about the engagement as a whole: what is open, opening and creating files, the recent list, the starter templates.

use super::retitle;
use crate::state::Studio;
use std::path::Path;
use tauri::{AppHandle, Runtime, State};
use trellis::api::{self, ApiError, Info, RecentEngagement, Session, TemplateInfo};

/// The open engagement at a glance: its metadata and how many of each thing it holds.
#[tauri::command]
pub async fn engagement_info(studio: State<'_, Studio>) -> Result<Info, ApiError> {
    studio.with_session(|session| Ok(session.info()))
}

/// Opens the engagement file at `path`, closing the one that was open.
#[tauri::command]
pub async fn engagement_open<R: Runtime>(
    app: AppHandle<R>,
    studio: State<'_, Studio>,
    path: String,
) -> Result<Info, ApiError> {
    studio.replace(Session::open(Path::new(&path)))?;
    retitle(&app, &studio);
    studio.with_session(|session| Ok(session.info()))
}

/// Creates a new engagement file at `path` from a starter template and opens it. `today` is the
/// creation date (`YYYY-MM-DD`): the core reads no clock.
#[tauri::command]
pub async fn engagement_create<R: Runtime>(
    app: AppHandle<R>,
    studio: State<'_, Studio>,
    path: String,
    template: String,
    client: Option<String>,
    today: String,
) -> Result<Info, ApiError> {
    let client = client.filter(|c| !c.trim().is_empty());
    studio.replace(Session::create(Path::new(&path), &template, client.as_deref(), &today))?;
    retitle(&app, &studio);
    studio.with_session(|session| Ok(session.info()))
}

/// The engagements opened lately, newest first.
#[tauri::command]
pub fn recent_engagements(studio: State<'_, Studio>) -> Vec<RecentEngagement> {
    studio.recent()
}

/// The starter ecosystems a new engagement can begin from.
#[tauri::command]
pub fn templates() -> Vec<TemplateInfo> {
    api::templates()
}
