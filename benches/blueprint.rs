//! Criterion benchmarks of the blueprint PDF: the demo engagement (target <= 0.5 s) and a 3,000-role engagement (target <= 3 s).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use trellis::model::synthetic::{self, Sizes};
use trellis::report::{self, Design};

/// A 3,000-role engagement: the ESCO sizes with channels, as `examples/synthetic_engagement.rs`
/// writes them for the whole-process measurements in docs/benchmarks.md.
const LARGE: Sizes =
    Sizes { roles: 3_039, competencies: 13_492, requires: 128_987, channels: 500, develops: 40_000, reaches: 80_000 };

fn blueprint(c: &mut Criterion) {
    let design = Design::default_layout();
    let demo = trellis::templates::load("demo").unwrap();
    let large = synthetic::model(LARGE);
    let mut group = c.benchmark_group("blueprint");
    group.sample_size(10);
    group.bench_function("demo", |b| {
        b.iter(|| black_box(report::blueprint(&demo, &design, "2026-03-01", None).unwrap().len()))
    });
    group.bench_function("demo layout only", |b| {
        b.iter(|| black_box(report::compose(&demo, &design, "2026-03-01", None).pages.len()))
    });
    group.bench_function("3000 roles", |b| {
        b.iter(|| black_box(report::blueprint(&large, &design, "2026-03-01", None).unwrap().len()))
    });
    group.finish();
}

criterion_group!(benches, blueprint);
criterion_main!(benches);
