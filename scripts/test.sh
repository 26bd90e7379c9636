#!/usr/bin/env bash
# The project's test command: formatting, lints, then every test in release
# mode (the dev-set tests annotate a few megabytes). Installs what a fresh
# machine with Rust lacks (the rustfmt and clippy components).
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

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo test --release"
cargo test --release

step "all tests passed"
