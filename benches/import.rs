//! Criterion benchmarks of the importers on the real frameworks in ../shared/data: the full ESCO import into a new engagement (target <= 1.5 s median) and the full O*NET import (<= 1 s).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use trellis::api::Session;
use trellis::interop::{self, ImportFormat, ImportOptions};
use trellis::model::Model;

fn data(sub: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(sub);
    if path.is_dir() {
        Some(path)
    } else {
        eprintln!("SKIPPED: {} is absent; the import benchmarks need the shared reference data", path.display());
        None
    }
}

/// A new, empty engagement file for one iteration.
fn new_engagement(dir: &Path, n: &mut usize) -> Session {
    *n += 1;
    let path = dir.join(format!("bench-{n}.trellis"));
    let mut model = Model::default();
    model.engagement.name = "Benchmark".into();
    model.engagement.created = "2026-03-01".into();
    trellis::store::Store::create(&path, &model).unwrap();
    Session::open(&path).unwrap()
}

fn imports(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let mut n = 0;
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for (name, format, sub) in [("esco", ImportFormat::Esco, "esco"), ("onet", ImportFormat::Onet, "onet")] {
        let Some(dir) = data(sub) else { continue };
        let options = ImportOptions::default();
        group.bench_function(format!("{name}: full import into a new engagement"), |b| {
            b.iter_batched(
                || new_engagement(tmp.path(), &mut n),
                |mut session| {
                    let summary = session.import(format, &dir, &options, false, &mut |_| {}).unwrap();
                    black_box(summary.total_changes())
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function(format!("{name}: read and merge, no file"), |b| {
            b.iter(|| {
                let mut model = Model::default();
                let increment = interop::read(format, &dir, &options, &model, &mut |_| {}).unwrap();
                black_box(interop::apply(&mut model, increment).total_changes())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, imports);
criterion_main!(benches);
