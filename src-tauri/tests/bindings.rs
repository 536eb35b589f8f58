//! The TypeScript types of the studio's IPC, generated from the Rust types with ts-rs, and the
//! constants of every vocabulary among them (its values in order and their labels). These tests
//! fail when the committed `ui/src/bindings/trellis.ts` or `vocabularies.ts` differs from what the
//! Rust gives; `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` rewrites both.

use std::collections::BTreeSet;
use std::marker::PhantomData;
use std::path::Path;
use trellis::api::*;
use trellis::diagnostics::{AreaResult, GroupResult, QuestionResult, ResponseSummary};
use trellis::model::*;
use trellis::workshop::{LiveAction, LiveGroup, LiveQuestion, LiveSession, LiveView, Tally};
use ts_rs::{Config, TS};

/// One TypeScript declaration: the type's name, its text, the names of the types it refers to,
/// and, for a vocabulary, its constants.
struct Declaration {
    name: String,
    text: String,
    deps: Vec<String>,
    constants: Option<String>,
}

fn declare<T: TS + 'static + ?Sized>(cfg: &Config, constants: Option<String>) -> Declaration {
    let docs = T::docs().map(|d| d.to_string()).unwrap_or_default();
    let deps = T::dependencies(cfg).into_iter().map(|d| d.ts_name).collect();
    Declaration { name: T::ident(cfg), text: format!("{docs}export {}", T::decl(cfg)), deps, constants }
}

/// A vocabulary's constants: its values in order (`CHANNEL_KINDS`), their labels
/// (`CHANNEL_KIND_LABELS`) and, when some value has one, their help lines (`..._HELP`). Refuses a
/// value without a label or whose wire name does not parse back to it.
fn constants<V: Vocabulary + TS>(cfg: &Config) -> String {
    let name = V::ident(cfg);
    for v in V::ALL {
        assert!(!v.label().trim().is_empty(), "{name}::{v:?} has no label");
        assert_eq!(V::from_wire(v.wire()), Some(*v), "{name}::{v:?} does not parse back from `{}`", v.wire());
    }
    let stem = screaming(&name);
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let record = |of: &dyn Fn(V) -> Option<&'static str>| -> String {
        V::ALL.iter().filter_map(|v| Some(format!("  {}: {},\n", quoted(v.wire()), quoted(of(*v)?)))).collect()
    };
    let values: Vec<String> = V::ALL.iter().map(|v| quoted(v.wire())).collect();
    let mut out = V::docs().map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&format!("export const {}: readonly {name}[] = [{}];\n\n", plural(&stem), values.join(", ")));
    out.push_str(&format!(
        "export const {stem}_LABELS: Readonly<Record<{name}, string>> = {{\n{}}};\n",
        record(&|v| Some(v.label()))
    ));
    if V::ALL.iter().any(|v| v.help().is_some()) {
        out.push_str(&format!(
            "\nexport const {stem}_HELP: Readonly<Partial<Record<{name}, string>>> = {{\n{}}};\n",
            record(&|v| v.help())
        ));
    }
    out
}

/// "ChannelKind" -> "CHANNEL_KIND".
fn screaming(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// The English plural of a constant's stem: STAGES, CRITICALITIES, COST_BASES.
fn plural(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix("IS") {
        format!("{s}ES")
    } else if let Some(s) = stem.strip_suffix('Y').filter(|s| !s.ends_with(['A', 'E', 'O', 'U'])) {
        format!("{s}IES")
    } else if ["S", "X", "CH", "SH"].iter().any(|e| stem.ends_with(e)) {
        format!("{stem}ES")
    } else {
        format!("{stem}S")
    }
}

/// Tells, for each type in the one list below, whether it is a vocabulary: method resolution
/// picks `VocabularyConstants` on `Probe<V>` when `V: Vocabulary`, and otherwise falls back to
/// `NotAVocabulary` on `&Probe<T>`, one reference further. So a vocabulary gets its constants by
/// being declared, with no second list to forget.
struct Probe<T: ?Sized>(PhantomData<T>);

trait VocabularyConstants {
    fn constants(&self, cfg: &Config) -> Option<String>;
}

impl<V: Vocabulary + TS> VocabularyConstants for Probe<V> {
    fn constants(&self, cfg: &Config) -> Option<String> {
        Some(constants::<V>(cfg))
    }
}

trait NotAVocabulary {
    fn constants(&self, _: &Config) -> Option<String> {
        None
    }
}

impl<T: ?Sized> NotAVocabulary for &Probe<T> {}

macro_rules! declare_all {
    ($cfg:expr; $($t:ty),+ $(,)?) => {
        vec![$(declare::<$t>($cfg, (&Probe::<$t>(PhantomData)).constants($cfg))),+]
    };
}

/// The two files: `trellis.ts` (the types) and `vocabularies.ts` (the vocabularies' constants).
fn generate() -> (String, String) {
    // serde_json writes every integer as a JSON number: i64 is a number on the TypeScript side.
    let cfg = Config::new().with_large_int("number");
    let decls = declare_all!(&cfg;
        // The model and its vocabularies.
        Engagement, Scale, Mix, Role, Competency, Channel, Requires, Develops, Reaches, Follows, Prerequisite,
        Response, Bank, Question, Disposition, ManualFinding, Settings, Subjects, Edit,
        ChannelKind, Stage, Criticality, Bucket, Severity, Area, Verdict, CostBasis,
        // The api's DTOs.
        ApiError, TemplateInfo, Counts, Info, RecentEngagement, History, ItemKind, Lists, Links, Applied,
        CellQuery, CellChannel, Named, CoverageCell, KindRow, GroupCells, CoverageView,
        MapQuery, MapNodeKind, MapNode, MapEdgeKind, MapEdge, MapGraph,
        FindingQuery, SubjectRef, FindingRow, AreaScore, CodeCount, FindingsView,
        BlueprintRequest, Exported,
        ResponseSummary, AreaResult, GroupResult, QuestionResult, Withdrawn,
        // The live workshop, as the studio steers it.
        LiveSession, LiveAction, LiveView, LiveQuestion, Tally, LiveGroup,
    );
    let declared: BTreeSet<&str> = decls.iter().map(|d| d.name.as_str()).collect();
    for d in &decls {
        for dep in &d.deps {
            assert!(
                declared.contains(dep.as_str()),
                "{} refers to {dep}, which is not declared: add it to the list",
                d.name
            );
        }
    }
    let mut types = String::from(
        "// Generated from the Rust types by src-tauri/tests/bindings.rs (ts-rs). Do not edit:\n\
         // change the Rust types, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n",
    );
    for d in &decls {
        types.push_str(&d.text);
        types.push_str("\n\n");
    }
    types.truncate(types.trim_end().len());
    types.push('\n');

    let vocabularies: Vec<&Declaration> = decls.iter().filter(|d| d.constants.is_some()).collect();
    let mut names: Vec<&str> = vocabularies.iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    let mut constants = format!(
        "// Generated from the `vocabulary!` declarations by src-tauri/tests/bindings.rs. Do not edit:\n\
         // change the declaration, then run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings`.\n\n\
         import type {{ {} }} from \"./trellis\";\n",
        names.join(", ")
    );
    for d in vocabularies {
        constants.push('\n');
        constants.push_str(d.constants.as_deref().unwrap_or_default());
    }
    (types, constants)
}

/// Compares a generated file with the committed one, or rewrites it under `UPDATE_BINDINGS`.
fn check_committed(name: &str, generated: &str, source: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings").join(name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date with {source}: run `UPDATE_BINDINGS=1 cargo test -p trellis-studio --test bindings` \
         and commit the result",
        file.display()
    );
}

#[test]
fn the_committed_bindings_match_the_rust_types() {
    check_committed("trellis.ts", &generate().0, "the Rust types");
}

#[test]
fn the_committed_vocabularies_match_the_rust_declarations() {
    check_committed("vocabularies.ts", &generate().1, "the `vocabulary!` declarations");
}

#[test]
fn every_vocabulary_the_studio_receives_has_its_constants_and_no_other_type_does() {
    let (_, constants) = generate();
    for name in ["ChannelKind", "Stage", "Criticality", "Bucket", "Severity", "Area", "Verdict", "CostBasis"] {
        assert!(constants.contains(&format!(": readonly {name}[] = [")), "{name} has no constants");
    }
    assert!(!constants.contains("MapNodeKind"), "a plain enum is not a vocabulary");
    assert!(constants.contains("export const COST_BASES: readonly CostBasis[]"), "{constants}");
    assert!(constants.contains("  \"knowledge\": \"Knowledge at the point of need\",\n"), "{constants}");
}

#[test]
fn constant_names_are_plurals_in_english() {
    let names: Vec<String> = ["ChannelKind", "CostBasis", "Criticality", "Severity", "Stage", "ErrorCode", "Day"]
        .iter()
        .map(|n| plural(&screaming(n)))
        .collect();
    assert_eq!(names, ["CHANNEL_KINDS", "COST_BASES", "CRITICALITIES", "SEVERITIES", "STAGES", "ERROR_CODES", "DAYS"]);
}
