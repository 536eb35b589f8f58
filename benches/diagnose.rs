//! Criterion benchmark of open + diagnose at ESCO scale with channels (target: <= 300 ms median), and of writing its JSON.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use trellis::api::Session;
use trellis::model::synthetic::{self, Sizes};
use trellis::store::Store;

/// The ESCO sizes in ../shared/data/esco with 500 channels, 40,000 develops and 80,000 reaches.
pub const SIZES: Sizes =
    Sizes { roles: 3_039, competencies: 13_492, requires: 128_987, channels: 500, develops: 40_000, reaches: 80_000 };

fn diagnose(c: &mut Criterion) {
    let model = synthetic::model(SIZES);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esco-channels.trellis");
    Store::create(&path, &model).unwrap();
    let mut group = c.benchmark_group("diagnose-esco-scale");
    group.sample_size(10);
    group.bench_function("diagnose (in memory)", |b| {
        b.iter(|| black_box(trellis::diagnostics::diagnose(&model).findings.len()))
    });
    group.bench_function("open + diagnose", |b| {
        b.iter(|| {
            let s = Session::open(&path).unwrap();
            black_box(s.diagnose().findings.len())
        })
    });
    // What `trellis diagnose --format json` does, minus the file: about 150 MB of JSON.
    group.bench_function("open + diagnose + JSON (to a sink)", |b| {
        b.iter(|| {
            let s = Session::open(&path).unwrap();
            trellis::diagnostics::write_json(&s.diagnose(), std::io::sink()).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, diagnose);
criterion_main!(benches);
