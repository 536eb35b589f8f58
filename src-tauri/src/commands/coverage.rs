//! Coverage commands: the two heatmaps, and which channels cover a cell at which stages.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, CellChannel, CellQuery, CoverageView};

#[tauri::command]
pub async fn coverage_view(studio: State<'_, Studio>) -> Result<CoverageView, ApiError> {
    studio.with_session(|s| Ok(s.coverage_view()))
}

#[tauri::command]
pub async fn coverage_cell(studio: State<'_, Studio>, query: CellQuery) -> Result<Vec<CellChannel>, ApiError> {
    studio.with_session(|s| s.coverage_cell(&query))
}
