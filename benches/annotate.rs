//! Throughput of `depeche::annotate` over ~1 MB of dispatch-like text per
//! language (see `corpus/`), two ways: dispatch by dispatch, as a newsroom
//! feed or a JSONL batch calls it, and the whole megabyte as one text, which
//! shows whether any pass is worse than linear; and the date pass alone.
//!
//! Run with `cargo bench --bench annotate`; `scripts/bench.sh` records the
//! figures in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use depeche::{annotate, Options};
use std::hint::black_box;
use std::time::Duration;

mod corpus;

/// Size of the corpus built for each language.
const CORPUS_BYTES: usize = 1 << 20;

fn annotate_corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("annotate");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let options = Options::default();
    for lang in ["fr", "en", "es", "de"] {
        let dispatches = corpus::dispatches(lang, CORPUS_BYTES);
        let whole = dispatches.join("\n\n");
        let bytes: usize = dispatches.iter().map(String::len).sum();
        eprintln!(
            "corpus {lang}: {} dispatches, {bytes} bytes ({} bytes as one text)",
            dispatches.len(),
            whole.len()
        );

        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(
            BenchmarkId::new("dispatches", lang),
            &dispatches,
            |b, ds| {
                b.iter(|| {
                    let mut spans = 0;
                    for d in ds {
                        spans += annotate(black_box(d), &options).spans.len();
                    }
                    spans
                })
            },
        );

        group.throughput(Throughput::Bytes(whole.len() as u64));
        group.bench_with_input(BenchmarkId::new("one_text", lang), &whole, |b, t| {
            b.iter(|| annotate(black_box(t), &options).spans.len())
        });
    }
    group.finish();
}

/// The date pass alone (tokens already made): it runs on every dispatch, so
/// it must stay far above the whole pipeline's 20 MB/s.
fn date_pass(c: &mut Criterion) {
    let mut group = c.benchmark_group("dates");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    let dct = depeche::Date::parse("2019-03-14");
    for code in ["fr", "en", "es", "de"] {
        let lang = depeche::Lang::parse(code).expect("a language of the registry");
        let grammar = depeche::locales::of(lang).dates;
        let whole = corpus::dispatches(code, CORPUS_BYTES).join("\n\n");
        let doc = depeche::text::Doc::new(&whole);
        group.throughput(Throughput::Bytes(whole.len() as u64));
        group.bench_function(BenchmarkId::new("find", code), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                depeche::dates::find(black_box(&doc), grammar, dct, &mut out);
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, annotate_corpus, date_pass);
criterion_main!(benches);
