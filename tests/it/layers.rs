//! Architecture invariants read from the sources: the layers of `src/` depend only on the layers
//! before them, the inner layers (model, graph, diagnostics) name no I/O, storage, PDF or UI
//! crate, no files of `src/` or `ui/src` form a cycle, and every Rust file says what it is for.

use crate::module_graph::{rust_code_names, rust_graph, ts_graph, Graph};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The core's layers in dependency order: a file may use files of its own layer and of the
/// layers before it. `error` (the one error type, which names rusqlite) and `templates` (the
/// starter ecosystems, read through the interchange) are single files between layers.
const LAYERS: &[&str] =
    &["model", "graph", "diagnostics", "error", "store", "interop", "templates", "report", "api", "workshop"];

/// Layers that must stay pure: no I/O and no storage, PDF, server or UI crate.
const INNER: &[&str] = &["model", "graph", "diagnostics"];

/// Paths the inner layers may not name (a prefix of a path as written, such as `std::fs::read`).
const BANNED: &[&str] = &[
    "rusqlite",
    "printpdf",
    "lopdf",
    "allsorts",
    "png",
    "tauri",
    "axum",
    "tokio",
    "reqwest",
    "qrcode",
    "if_addrs",
    "clap",
    "indicatif",
    "std::fs",
    "std::net",
    "std::process",
];

/// Names an inner layer may write although their crate is banned, by file, each with its reason.
const ALLOWED: &[(&str, &str)] = &[
    // Derived on every vocabulary behind the library's `clap` feature, which only the CLI package
    // turns on: the CLI's value types are the core's enums, and no other build compiles clap.
    ("model/vocabulary.rs", "clap::ValueEnum"),
];

/// File-level cycles tolerated, each as its sorted files (`src/...` or `ui/src/...`). Empty, and
/// it stays so: break a new cycle with a leaf module instead of listing it here.
const KNOWN_CYCLES: &[&[&str]] = &[];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.map(|e| e.unwrap().path()) {
        if e.is_dir() {
            files(&e, ext, out);
        } else if e.extension().is_some_and(|x| x == ext) {
            out.push(e);
        }
    }
}

/// Every file under `dir` ending in `.ext`, keyed by its path relative to `dir`.
fn sources(dir: &Path, ext: &str, keep: impl Fn(&str) -> bool) -> BTreeMap<String, String> {
    let mut found = Vec::new();
    files(dir, ext, &mut found);
    found
        .into_iter()
        .map(|f| (f.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"), f))
        .filter(|(name, _)| keep(name))
        .map(|(name, f)| (name, std::fs::read_to_string(f).unwrap()))
        .collect()
}

fn layer_of(file: &str) -> &str {
    let first = file.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

/// Every dependency that goes against `LAYERS` or names a banned crate in an inner layer.
fn layer_violations(graph: &Graph) -> Vec<String> {
    let rank = |f: &str| LAYERS.iter().position(|l| *l == layer_of(f));
    let mut out = Vec::new();
    for &(from, to) in &graph.edges {
        let (a, b) = (&graph.files[from], &graph.files[to]);
        if let (Some(ra), Some(rb)) = (rank(a), rank(b)) {
            if rb > ra {
                out.push(format!("{a} uses {b}: `{}` comes after `{}`", layer_of(b), layer_of(a)));
            }
        }
    }
    for (i, file) in graph.files.iter().enumerate() {
        if !INNER.contains(&layer_of(file)) {
            continue;
        }
        for path in &graph.external[i] {
            if ALLOWED.contains(&(file.as_str(), path.as_str())) {
                continue;
            }
            if let Some(banned) = BANNED.iter().find(|b| path == *b || path.starts_with(&format!("{b}::"))) {
                out.push(format!("{file} names `{path}`: `{banned}` has no place in an inner layer"));
            }
        }
    }
    out
}

/// The cycles of `graph` (files prefixed with `prefix`) that `KNOWN_CYCLES` does not list, each
/// printed with one path through it, and the listed ones that no longer exist.
fn unexpected_cycles(graph: &Graph, prefix: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut unexpected = Vec::new();
    let mut seen = Vec::new();
    for cycle in graph.cycles() {
        let named: Vec<String> = cycle.iter().map(|f| format!("{prefix}{f}")).collect();
        if KNOWN_CYCLES.iter().any(|k| k.iter().copied().eq(named.iter().map(String::as_str))) {
            println!("known cycle, still to break: {prefix}: {}", graph.describe(&cycle));
            seen.push(named);
        } else {
            unexpected.push(format!("{prefix}: {}", graph.describe(&cycle)));
        }
    }
    (unexpected, seen)
}

fn core_graph() -> Graph {
    rust_graph(&sources(&root().join("src"), "rs", |_| true))
}

fn ui_graph() -> Graph {
    // Tests and their fakes import what they test; they are not part of the UI's graph.
    ui_graph_of(&root().join("ui/src"))
}

fn ui_graph_of(dir: &Path) -> Graph {
    ts_graph(&sources(dir, "ts", |f| !f.ends_with(".test.ts") && !f.contains(".test-support.")))
}

#[test]
fn each_layer_uses_only_the_layers_before_it_and_the_inner_ones_stay_pure() {
    let graph = core_graph();
    assert!(graph.files.len() > 50, "found the sources ({} files)", graph.files.len());
    assert!(graph.edges.len() > 100, "found the dependencies ({} edges)", graph.edges.len());
    let violations = layer_violations(&graph);
    assert!(violations.is_empty(), "layer rule broken:\n{}", violations.join("\n"));
}

#[test]
fn no_files_of_the_core_or_the_ui_form_a_cycle() {
    let (mut unexpected, mut seen) = unexpected_cycles(&core_graph(), "src/");
    let ui = ui_graph();
    assert!(ui.files.len() > 15 && ui.edges.len() > 20, "found the UI sources ({} files)", ui.files.len());
    let (ui_unexpected, ui_seen) = unexpected_cycles(&ui, "ui/src/");
    unexpected.extend(ui_unexpected);
    seen.extend(ui_seen);
    assert!(unexpected.is_empty(), "file-level module cycles:\n{}", unexpected.join("\n"));
    let gone: Vec<&&[&str]> = KNOWN_CYCLES
        .iter()
        .filter(|k| !seen.iter().any(|s| s.iter().map(String::as_str).eq(k.iter().copied())))
        .collect();
    assert!(gone.is_empty(), "these cycles are broken now: remove them from KNOWN_CYCLES: {gone:?}");
}

#[test]
fn the_checker_finds_a_cycle_and_a_layer_violation_in_a_tiny_crate() {
    let src: BTreeMap<String, String> = [
        ("lib.rs", "pub mod model;\npub mod store;\npub mod interop;\n"),
        // A layer violation: the model reaches up into the store, and names rusqlite.
        (
            "model/mod.rs",
            "//! m\nmod kinds;\npub use kinds::Kind;\npub fn f(_: &rusqlite::Connection) { crate::store::save(); }\n",
        ),
        ("model/kinds.rs", "pub enum Kind { A }\n// crate::interop::csv::read() in a comment is no dependency\n"),
        (
            "store/mod.rs",
            "use crate::model::Kind;\npub fn save() {}\n#[cfg(test)]\nmod tests { use crate::interop::csv; }\n",
        ),
        // A cycle between siblings, one side through a re-export of their parent.
        ("interop/mod.rs", "mod csv;\nmod format;\npub use format::Options;\n"),
        ("interop/csv.rs", "use super::Options;\nlet s = \"super::format::x\";\n"),
        ("interop/format.rs", "pub struct Options;\npub fn read() { super::csv::read(); crate::model::Kind::A; }\n"),
    ]
    .into_iter()
    .map(|(f, t)| (f.to_owned(), t.to_owned()))
    .collect();
    let graph = rust_graph(&src);
    assert_eq!(graph.cycles(), vec![vec!["interop/csv.rs".to_owned(), "interop/format.rs".to_owned()]]);
    assert_eq!(graph.describe(&graph.cycles()[0]), "interop/csv.rs -> interop/format.rs -> interop/csv.rs");
    let violations = layer_violations(&graph);
    assert_eq!(
        violations,
        vec![
            "model/mod.rs uses store/mod.rs: `store` comes after `model`".to_owned(),
            "model/mod.rs names `rusqlite::Connection`: `rusqlite` has no place in an inner layer".to_owned(),
        ],
        "{graph:?}"
    );
    // Parent and child are one unit (a `pub use` of a child, `super::` of a parent): no cycle.
    let edge = |a: &str, b: &str| {
        let i = |n: &str| graph.files.iter().position(|f| f == n).unwrap();
        graph.edges.contains(&(i(a), i(b)))
    };
    assert!(edge("store/mod.rs", "model/kinds.rs"), "the re-export is followed to the file that defines it");
    assert!(!edge("store/mod.rs", "interop/csv.rs"), "test-only code is left out");
    assert!(!edge("model/kinds.rs", "interop/csv.rs"), "comments are left out");
    assert!(!edge("interop/mod.rs", "interop/format.rs"), "a parent and its child make no edge");

    let ui = tempfile::tempdir().unwrap();
    let write = |f: &str, t: &str| {
        let p = ui.path().join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    };
    write("app.ts", "import { draw } from \"./views/home\";\nimport type { X } from './bindings/t';\n");
    write("views/home.ts", "import type { Ctx } from \"../app\";\n// import { y } from \"../ipc\";\n");
    write("bindings/t.ts", "export type X = number;\n");
    write("ipc.ts", "const s = Array.from(\"./views/home\");\n");
    write("app.test.ts", "import { draw } from \"./views/home\";\n");
    let graph = ui_graph_of(ui.path());
    assert_eq!(graph.cycles(), vec![vec!["app.ts".to_owned(), "views/home.ts".to_owned()]]);
    assert_eq!(graph.edges.len(), 3, "{graph:?}");
}

#[test]
fn graph_indices_never_leave_the_graph_layer() {
    // What outlives a graph (the file, the UI, a finding) refers to items by model id: outside
    // `src/graph/`, no code names petgraph or its `NodeIndex`.
    let src = sources(&root().join("src"), "rs", |f| !f.starts_with("graph/"));
    assert!(src.len() > 50);
    let graph = rust_graph(&src);
    for (i, file) in graph.files.iter().enumerate() {
        assert!(!graph.external[i].iter().any(|p| p.starts_with("petgraph")), "src/{file} names petgraph");
        assert!(!rust_code_names(&src[file], "NodeIndex"), "src/{file} names NodeIndex");
    }
}

#[test]
fn the_core_reads_no_clock_outside_the_live_server() {
    // Dates and times are passed in (`--date`, the studio's today), so output is reproducible.
    // The live workshop server alone stamps answers and its sessions as they happen.
    let src = sources(&root().join("src"), "rs", |f| !f.starts_with("workshop/"));
    for (file, text) in &src {
        for clock in ["now_utc", "now_local", "SystemTime"] {
            assert!(!rust_code_names(text, clock), "src/{file} reads the clock (`{clock}`): pass the date in");
        }
    }
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let mut found = Vec::new();
    for dir in ["src", "src-tauri/src", "xtask/src", "tests", "benches", "cli/src", "cli/tests"] {
        files(&root().join(dir), "rs", &mut found);
    }
    assert!(found.len() > 100, "found the sources ({} files)", found.len());
    for f in found {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} does not start with a `//!` line", f.display());
    }
}
