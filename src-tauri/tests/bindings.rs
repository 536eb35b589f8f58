//! The TypeScript types of the studio's IPC, generated from the Rust types with ts-rs. This test
//! fails when the committed `ui/src/bindings/trellis.ts` differs from what the Rust types give;
//! `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` rewrites it.

use std::collections::BTreeSet;
use std::path::Path;
use trellis::api::*;
use trellis::diagnostics::{AreaResult, GroupResult, QuestionResult, ResponseSummary};
use trellis::model::*;
use trellis::workshop::{LiveAction, LiveGroup, LiveQuestion, LiveSession, LiveView, Tally};
use ts_rs::{Config, TS};

/// One declaration, and the names of the types it refers to.
fn declare<T: TS + 'static + ?Sized>(cfg: &Config, out: &mut Vec<(String, String, Vec<String>)>) {
    let docs = T::docs().map(|d| d.to_string()).unwrap_or_default();
    let deps = T::dependencies(cfg).into_iter().map(|d| d.ts_name).collect();
    out.push((T::ident(cfg), format!("{docs}export {}", T::decl(cfg)), deps));
}

macro_rules! declare_all {
    ($cfg:expr; $($t:ty),+ $(,)?) => {{
        let mut out = Vec::new();
        $(declare::<$t>($cfg, &mut out);)+
        out
    }};
}

fn generate() -> String {
    // serde_json writes every integer as a JSON number: i64 is a number on the TypeScript side.
    let cfg = Config::new().with_large_int("number");
    let decls = declare_all!(&cfg;
        // The model and its vocabularies.
        Engagement, Scale, Mix, Role, Competency, Channel, Requires, Develops, Reaches, Follows, Prerequisite,
        Response, Bank, Question, Disposition, ManualFinding, Settings, Subjects, Edit,
        ChannelKind, Stage, Criticality, Bucket, Severity, Pillar, Verdict, CostBasis,
        // The api's DTOs.
        ApiError, TemplateInfo, Counts, Info, RecentEngagement, History, ItemKind, Lists, Links, Applied,
        CellQuery, CellChannel, Named, CoverageCell, KindRow, GroupCells, CoverageView,
        MapQuery, MapNodeKind, MapNode, MapEdgeKind, MapEdge, MapGraph,
        FindingQuery, SubjectRef, FindingRow, ThemeRow, AreaScore, CodeCount, FindingsView,
        BlueprintRequest, Exported,
        ResponseSummary, AreaResult, GroupResult, QuestionResult, Withdrawn,
        // The live workshop, as the studio steers it.
        LiveSession, LiveAction, LiveView, LiveQuestion, Tally, LiveGroup,
    );
    let declared: BTreeSet<&str> = decls.iter().map(|(name, _, _)| name.as_str()).collect();
    for (name, _, deps) in &decls {
        for dep in deps {
            assert!(
                declared.contains(dep.as_str()),
                "{name} refers to {dep}, which is not declared: add it to the list"
            );
        }
    }
    let mut text = String::from(
        "// Generated from the Rust types by src-tauri/tests/bindings.rs (ts-rs). Do not edit:\n\
         // change the Rust types, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n",
    );
    for (_, decl, _) in decls {
        text.push_str(&decl);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/trellis.ts");
    let generated = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with the Rust types: run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` \
         and commit the result",
        file.display()
    );
}
