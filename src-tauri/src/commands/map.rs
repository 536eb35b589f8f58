//! The ecosystem map's command: nodes and edges for a query, summarised when there are too many.

use crate::state::Studio;
use tauri::State;
use trellis::api::{ApiError, MapGraph, MapQuery};

#[tauri::command]
pub async fn map_graph(studio: State<'_, Studio>, query: MapQuery) -> Result<MapGraph, ApiError> {
    studio.with_session(|s| Ok(s.map(&query)))
}
