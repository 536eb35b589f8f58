//! The API the CLI, the desktop shell and the live server call: sessions on engagement files and plain DTOs.

mod blueprint;
mod coverage;
mod diagnose;
mod dto;
mod export;
mod findings_view;
mod history;
mod items;
mod live;
mod map;
mod session;

pub use crate::interop::{ExportFormat, ImportFormat, ImportOptions, ImportSummary, KindCount, Progress};
pub use blueprint::{blueprint_layouts, BlueprintOptions};
pub use coverage::{CellChannel, CellQuery, CoverageCell, CoverageView, GroupCells, KindRow, Named, COVERAGE_ITEMS};
pub use dto::{ApiError, CheckReport, Counts, FieldError, Info, RecentEngagement, TemplateInfo};
pub use export::{BlueprintRequest, Exported};
pub use findings_view::{
    AreaScore, CodeCount, FindingQuery, FindingRow, FindingsView, SubjectRef, ThemeRow, FINDING_ROWS, THEME_ROWS,
};
pub use history::{History, Withdrawn};
pub use items::{Applied, ItemKind, Links, Lists};
pub use map::{map, MapEdge, MapEdgeKind, MapGraph, MapNode, MapNodeKind, MapQuery, MAP_EDGE_LIMIT, MAP_NODE_LIMIT};
pub use session::Session;

/// The starter ecosystems a new engagement can begin from.
pub fn templates() -> Vec<TemplateInfo> {
    crate::templates::all()
        .iter()
        .map(|t| TemplateInfo { name: t.name.to_owned(), summary: t.summary.clone() })
        .collect()
}
