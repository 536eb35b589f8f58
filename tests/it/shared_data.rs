//! Finding the real reference data in ../shared/data for the import and export tests, and reading its tables independently of the importers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `../shared/data/<sub>` beside the repository, or `None` (with a message saying the test is
/// skipped) when it is not there.
pub fn dir(sub: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared/data").join(sub);
    if path.is_dir() {
        Some(path)
    } else {
        println!("SKIPPED: {} is absent; this test needs the shared reference data", path.display());
        None
    }
}

/// The repository's root: this file is compiled into the core's tests (manifest at the root) and
/// into the CLI's (manifest in `cli/`), so it looks for the workspace's `Cargo.lock` upwards.
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().find(|p| p.join("Cargo.lock").is_file()).unwrap_or(here).to_path_buf()
}

/// Every row of a comma-separated file as header -> value maps (the csv crate directly, not the importer).
pub fn csv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::ReaderBuilder::new().from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().map(str::to_owned).zip(r.iter().map(str::to_owned)).collect()
        })
        .collect()
}

/// Every row of an O*NET tab-separated file, split by hand.
pub fn tsv_rows(path: &Path) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let headers: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| headers.iter().map(|h| h.to_string()).zip(l.split('\t').map(str::to_owned)).collect())
        .collect()
}

pub fn no_progress() -> impl FnMut(&trellis::interop::Progress) {
    |_| {}
}

/// A fresh engagement file (demo-free: no items) in `dir`.
pub fn empty_engagement(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut model = trellis::model::Model::default();
    model.engagement.name = "Import test".into();
    model.engagement.created = "2026-03-01".into();
    trellis::store::Store::create(&path, &model).unwrap();
    path
}
