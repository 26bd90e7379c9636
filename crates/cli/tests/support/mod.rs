//! The test harness of the test files that read `../shared` (the dev corpora
//! and the reference scorer beside the repository, not part of it).
//!
//! Why: a user's clone has no `../shared`, and a test that returns early there
//! is counted as passed, which says something false. libtest's `#[ignore]` is
//! fixed at compile time; this harness (libtest-mimic, which prints and
//! accepts what libtest does) decides at run time: a case whose needs are
//! missing is reported as ignored, with the reason on stderr, and fails
//! instead when `CI=true`. Cases with no needs run as usual.

// Each test file that includes this module uses some of the needs, not all.
#![allow(dead_code)]

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;
use std::process::Command;

/// What a case needs beyond the repository.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// `../shared` with `dev/` and `fixtures/`.
    Shared,
    /// `../shared` (with `tools/score.py`) and `python3`.
    SharedAndPython,
}

/// One test: its name, what it needs, and its body (which panics on failure).
pub struct Case {
    pub name: &'static str,
    pub needs: Needs,
    pub run: fn(),
}

/// Why `needs` cannot be met here, or None.
fn missing(needs: Needs) -> Option<&'static str> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let have_shared = shared.join("dev").is_dir() && shared.join("fixtures").is_dir();
    match needs {
        Needs::Nothing => None,
        Needs::Shared if !have_shared => Some("../shared (the dev corpora beside the repository)"),
        Needs::Shared => None,
        Needs::SharedAndPython if !have_shared || !shared.join("tools/score.py").is_file() => {
            Some("../shared (the dev corpora and tools/score.py beside the repository)")
        }
        Needs::SharedAndPython => match Command::new("python3").arg("--version").output() {
            Ok(out) if out.status.success() => None,
            _ => Some("python3"),
        },
    }
}

/// Run the cases as `cargo test` would, then exit with the runner's status.
pub fn run(cases: &[Case]) -> ! {
    let args = Arguments::from_args();
    let ci = std::env::var("CI").as_deref() == Ok("true");
    let mut said = Vec::new();
    let trials = cases
        .iter()
        .map(|c| {
            let body = c.run;
            match missing(c.needs) {
                None => Trial::test(c.name, move || {
                    body();
                    Ok(())
                }),
                Some(what) if ci => Trial::test(c.name, move || {
                    Err(Failed::from(format!("{what} is missing and CI=true")))
                }),
                Some(what) => {
                    if !said.contains(&what) {
                        said.push(what);
                    }
                    Trial::test(c.name, || Ok(())).with_ignored_flag(true)
                }
            }
        })
        .collect();
    for what in said {
        eprintln!("ignored: the tests marked ignored below need {what}");
    }
    libtest_mimic::run(&args, trials).exit()
}
