//! Engine benchmarks: load, segment, align, word diff and report, on synthetic corpora of
//! 4 sources at 10 KB, 100 KB and 1 MB each (see `parallax_testkit`).
//! Run: `cargo bench --bench engine`; figures are recorded in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use parallax_core::align;
use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::report::{self, Report};
use parallax_core::segment;
use parallax_core::source::Source;

const SIZES: [(usize, &str); 3] = [(10_000, "10KB"), (100_000, "100KB"), (1_000_000, "1MB")];

fn docs(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Document::from_bytes(&format!("s{i}.txt"), t.as_bytes(), Format::Text).unwrap()
        })
        .collect()
}

fn engine(c: &mut Criterion) {
    for (bytes, label) in SIZES {
        let texts = parallax_testkit::generate(4, bytes, 1);
        let mut g = c.benchmark_group(format!("4x{label}"));
        if bytes >= 1_000_000 {
            g.sample_size(10);
        }
        g.bench_function(BenchmarkId::from_parameter("load"), |b| {
            b.iter(|| docs(black_box(&texts)))
        });
        let loaded = docs(&texts);
        g.bench_function(BenchmarkId::from_parameter("segment"), |b| {
            b.iter(|| {
                loaded
                    .iter()
                    .map(|d| segment::sentences(black_box(d)).len())
                    .sum::<usize>()
            })
        });
        let sources: Vec<Source> = loaded.into_iter().map(Source::new).collect();
        g.bench_function(BenchmarkId::from_parameter("align"), |b| {
            b.iter(|| align::align(black_box(&sources)))
        });
        let cmp = Comparison::new(sources);
        g.bench_function(BenchmarkId::from_parameter("diff"), |b| {
            b.iter(|| cmp.diffs(black_box(0)))
        });
        g.bench_function(BenchmarkId::from_parameter("report-json"), |b| {
            b.iter(|| report::json::render(&Report::build(black_box(&cmp), 0)).len())
        });
        g.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
