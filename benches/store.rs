//! Criterion benchmarks of the engagement file at ESCO scale: save, load, graph build (target: load + graph <= 150 ms).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use trellis::graph::EcosystemGraph;
use trellis::model::synthetic::{self, Sizes};
use trellis::store::Store;

fn esco_scale(c: &mut Criterion) {
    let model = synthetic::model(Sizes::ESCO);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esco.trellis");
    Store::create(&path, &model).unwrap();

    let mut group = c.benchmark_group("esco-scale");
    group.sample_size(10);
    group.bench_function("save (create file)", |b| {
        let mut n = 0;
        b.iter(|| {
            n += 1;
            let p = dir.path().join(format!("save-{n}.trellis"));
            black_box(Store::create(&p, &model).unwrap());
            std::fs::remove_file(&p).unwrap();
        })
    });
    group.bench_function("open + load", |b| b.iter(|| black_box(Store::open_and_load(&path).unwrap().1)));
    group.bench_function("graph build", |b| b.iter(|| black_box(EcosystemGraph::build(&model).edge_count())));
    group.bench_function("open + load + graph build", |b| {
        b.iter(|| {
            let (_, m) = Store::open_and_load(&path).unwrap();
            black_box(EcosystemGraph::build(&m).edge_count())
        })
    });
    group.finish();
}

criterion_group!(benches, esco_scale);
criterion_main!(benches);
