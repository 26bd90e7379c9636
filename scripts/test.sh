#!/usr/bin/env bash
# The project's test command: formatting, lints, every Rust test in release
# mode (the dev-set tests annotate a few megabytes), the Python package's
# tests (scripts/test-python.sh), the check that the committed pkg/ was built
# from the sources as they are, the Node tests of pkg/ and www/, and the
# page's tests in headless Chromium. Installs what a fresh machine with Rust
# and Node lacks: rustfmt, clippy, the wasm32 target (to lint the WebAssembly
# API), npm packages and Debian's chromium (scripts/browser-deps.sh), the
# Python test environment (pip, into target/py-test) and Java for Spark
# (Debian's default-jre-headless, scripts/java-deps.sh).
#
# Tests that read the shared dev data (../shared) skip with a message when it
# is absent, and fail instead when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install Rust with rustup (stable toolchain), then rerun $0" >&2
    exit 1
fi
if ! cargo fmt --version >/dev/null 2>&1; then
    step "installing rustfmt"
    rustup component add rustfmt
fi
if ! cargo clippy --version >/dev/null 2>&1; then
    step "installing clippy"
    rustup component add clippy
fi
if ! command -v python3 >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
        echo "python3 not found (needed by the evaluation tools)" >&2
        exit 1
    fi
    echo "note: python3 not found; tests that need it will skip"
fi
if [ -d ../shared ]; then
    echo "shared dev data: $(cd ../shared && pwd)"
elif [ "${CI:-}" = "true" ]; then
    echo "note: ../shared is absent and CI=true: tests that need it will fail"
else
    echo "note: ../shared is absent: tests that need it will skip"
fi

# The lexicon data: what the generator does without packages holds for the committed
# files (the full regeneration, `python3 scripts/gen_lexicons.py --check`, installs
# packages from the registries and takes 1-3 minutes: run it when the data changes).
if command -v python3 >/dev/null 2>&1; then
    step "python3 scripts/gen_lexicons.py --check-offline"
    python3 scripts/gen_lexicons.py --check-offline
fi

step "cargo fmt --check"
cargo fmt --all -- --check

# The workspace: the core (the root package), crates/eval, crates/cli,
# crates/jobs and crates/python.
step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
step "cargo clippy -p depeche --target wasm32-unknown-unknown --lib -- -D warnings"
cargo clippy -p depeche --target wasm32-unknown-unknown --lib -- -D warnings

step "cargo test --workspace --release"
cargo test --workspace --release

step "a language is a folder: the test language (Esperanto) with --features test-locale"
cargo clippy -p depeche --features test-locale --all-targets -- -D warnings
cargo test -p depeche --release --features test-locale --lib --test test_locale

# The Python package (crates/python): pytest on the binding, the spaCy component
# and the Spark recipe, in a virtual environment under target/ that is kept
# between runs while crates/python/requirements-test.txt is unchanged.
if command -v python3 >/dev/null 2>&1; then
    step "scripts/test-python.sh (the Python package, its spaCy component and Spark recipe)"
    scripts/test-python.sh
else
    echo "note: python3 not found: the Python package's tests skip"
fi

step "pkg/ is built from the current sources"
scripts/pkg-hash.sh --check

step "npm packages and Chromium"
scripts/browser-deps.sh

step "node --test tests/js/ (pkg/ as committed, and the page's modules)"
node --test tests/js/

step "node --test tests/browser/ (the page in headless Chromium)"
node --test --test-concurrency=1 tests/browser/

step "all tests passed"
