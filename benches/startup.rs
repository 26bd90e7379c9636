//! Start-up cost of the built-in data: one fresh, uncached
//! `depeche::lexicon::Lexicon::load()`, which is what the first `annotate` of
//! a process (or of a page, in WebAssembly) pays. Budget: 20 ms.
//!
//! Until the lexicon module with `Lexicon::load()` is merged, this bench
//! times a fallback that does nothing, and says so on stderr. How: the name
//! `Lexicon` below resolves to `depeche::lexicon::Lexicon` when the glob
//! import provides it (glob imports shadow the extern prelude), and otherwise
//! to this bench crate itself (`extern crate self as Lexicon`), whose root
//! has a `load` function. Once the lexicon is merged, delete the fallback
//! (the `extern crate` line and `fn load`).

extern crate self as Lexicon;

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

/// Stands in for `depeche::lexicon::Lexicon::load()` until it exists.
#[allow(dead_code)]
fn load() -> NotMerged {
    NotMerged
}

/// What the fallback `load` returns.
#[allow(dead_code)]
struct NotMerged;

mod timed {
    #[allow(unused_imports)]
    use depeche::lexicon::*;
    use std::hint::black_box;

    /// One fresh load of the compiled lexicon; returns the name of the type
    /// loaded, so that the caller can tell the real thing from the fallback.
    pub fn load_once() -> &'static str {
        let lexicon = Lexicon::load();
        let name = std::any::type_name_of_val(&lexicon);
        black_box(lexicon);
        name
    }
}

fn startup(c: &mut Criterion) {
    let loaded = timed::load_once();
    if !loaded.starts_with("depeche::") {
        eprintln!(
            "startup: depeche::lexicon::Lexicon::load() is not in this build yet; timing a no-op"
        );
    }
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("lexicon_load", |b| b.iter(timed::load_once));
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
