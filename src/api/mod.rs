//! The API the CLI, the desktop shell and the workshop server call: sessions on engagement files and plain DTOs.

mod blueprint;
mod diagnose;
mod dto;
mod findings_view;
mod map;
mod session;
mod studio;
mod workshop;

pub use crate::interop::{ExportFormat, ImportFormat, ImportOptions, ImportSummary, KindCount, Progress};
pub use blueprint::{blueprint_layouts, BlueprintOptions};
pub use dto::{ApiError, CheckReport, Counts, Info, TemplateInfo};
pub use findings_view::{AreaScore, CodeCount, FindingQuery, FindingRow, FindingsView, SubjectRef, FINDING_ROWS};
pub use map::{map, MapEdge, MapEdgeKind, MapGraph, MapNode, MapNodeKind, MapQuery, MAP_EDGE_LIMIT, MAP_NODE_LIMIT};
pub use session::Session;
pub use studio::{
    Applied, BlueprintRequest, CellChannel, CellQuery, CoverageCell, CoverageView, Exported, GroupCells, History,
    ItemKind, KindRow, Links, Lists, Named, RecentEngagement, Withdrawn, COVERAGE_ITEMS,
};

/// The starter ecosystems a new engagement can begin from.
pub fn templates() -> Vec<TemplateInfo> {
    crate::templates::all()
        .iter()
        .map(|t| TemplateInfo { name: t.name.to_owned(), summary: t.summary.clone() })
        .collect()
}
