//! Pipeline benchmarks. Targets (docs/performance.md): outline + classify + align + diff of two
//! ~20 KB reports under 5 ms with the segmenter loaded; 1 MB reports near-linear (about 50× the
//! 20 KB time, not 2500×).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use duibi::compare::Comparison;
use duibi::diff::JiebaTokenizer;
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::topics::Taxonomy;

const DEMO_LEFT: &str = include_str!("../examples/reports/demo-2023.txt");
const DEMO_RIGHT: &str = include_str!("../examples/reports/demo-2024.txt");

#[path = "synth.rs"]
mod synth;
use synth::{edited, report as synthetic, sentences};

fn compare(tax: &Taxonomy, tok: &JiebaTokenizer, left: &str, right: &str) -> Comparison {
    let doc = |t: &str| outline(&SourceText::from_bytes("bench.txt", t.as_bytes()).expect("decodes"));
    let mut c = Comparison::build(doc(left), doc(right), tax);
    c.diff_all(tok, Duration::from_secs(60));
    c
}

/// As `duibi compare` does it: the segmenter loaded for the sentences that changed.
fn compare_cold(tax: &Taxonomy, left: &str, right: &str) -> Comparison {
    let doc = |t: &str| outline(&SourceText::from_bytes("bench.txt", t.as_bytes()).expect("decodes"));
    let mut c = Comparison::build(doc(left), doc(right), tax);
    c.diff_all(&c.segmenter(), Duration::from_secs(60));
    c
}

fn benches(c: &mut Criterion) {
    let tax = Taxonomy::builtin();
    let tok = JiebaTokenizer::new();
    let (lp, rp) = (sentences(DEMO_LEFT), sentences(DEMO_RIGHT));

    let mut g = c.benchmark_group("pipeline");
    g.bench_function("demo pair (2 KB)", |b| {
        b.iter(|| compare(&tax, &tok, black_box(DEMO_LEFT), black_box(DEMO_RIGHT)))
    });
    let (l20, r20) = (synthetic(&lp, 20_000, 0), synthetic(&rp, 20_000, 3));
    g.bench_function("20 KB pair", |b| {
        b.iter(|| compare(&tax, &tok, black_box(&l20), black_box(&r20)))
    });
    let e20 = edited(&l20, 20);
    g.bench_function("20 KB year-over-year pair, segmenter included", |b| {
        b.iter(|| compare_cold(&tax, black_box(&l20), black_box(&e20)))
    });
    g.bench_function("20 KB pair, segmenter included", |b| {
        b.iter(|| compare_cold(&tax, black_box(&l20), black_box(&r20)))
    });
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    let (l1m, r1m) = (synthetic(&lp, 1_000_000, 0), synthetic(&rp, 1_000_000, 3));
    g.bench_function("1 MB pair", |b| {
        b.iter(|| compare(&tax, &tok, black_box(&l1m), black_box(&r1m)))
    });
    g.finish();

    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if let (Ok(l), Ok(r)) = (
        std::fs::read_to_string(corpus.join("zhengzhou-kjj-2017.txt")),
        std::fs::read_to_string(corpus.join("shenyang-kjj-2022.txt")),
    ) {
        c.bench_function("pipeline/corpus zhengzhou vs shenyang", |b| {
            b.iter(|| compare(&tax, &tok, black_box(&l), black_box(&r)))
        });
    }

    let mut g = c.benchmark_group("segmenter");
    g.sample_size(10);
    g.bench_function("JiebaTokenizer::new", |b| b.iter(JiebaTokenizer::new));
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
