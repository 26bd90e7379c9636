//! Start-up cost of the built-in data. Budget: 20 ms.
//!
//! Two measures: `Lexicon::load()`, a fresh uncached load of the compiled
//! gazetteers (fst maps over static bytes: no parsing), and a whole cold
//! process, `depeche annotate` on a one-line dispatch, which also pays for
//! every lazily built table (framing words, date words, stop words) and for
//! the process itself: an upper bound of what a first `annotate` costs.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

fn cold_process() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(["annotate", "--lang", "fr"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("the depeche binary starts");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(
            "BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris vendredi Deir Ezzor."
                .as_bytes(),
        );
    }
    let status = child.wait().expect("the depeche binary runs");
    assert!(status.success());
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("lexicon_load", |b| {
        b.iter(|| black_box(depeche::lexicon::Lexicon::load()))
    });
    group.bench_function("cold_process_first_annotate", |b| b.iter(cold_process));
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
