//! Architecture invariant: the inner layers (model, graph, diagnostics) do no I/O and know no storage, PDF or UI crate.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.map(|e| e.unwrap().path()) {
        if e.is_dir() {
            rust_files(&e, out);
        } else if e.extension().is_some_and(|x| x == "rs") {
            out.push(e);
        }
    }
}

#[test]
fn inner_layers_import_no_rusqlite_printpdf_or_tauri() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for layer in ["model", "graph", "diagnostics"] {
        let mut files = Vec::new();
        rust_files(&root.join(layer), &mut files);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for banned in ["rusqlite", "printpdf", "tauri", "std::fs", "crate::store", "crate::api", "crate::interop"] {
                assert!(!text.contains(banned), "{} mentions `{banned}`: inner layers stay pure", f.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 5, "found the layer sources ({checked} files)");
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "src-tauri/src", "xtask/src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} does not start with a `//!` line", f.display());
    }
}
