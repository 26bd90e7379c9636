#!/usr/bin/env bash
# Measures the Python package and `--jobs` against the native command line on
# one corpus, and writes the section "## Python and --jobs" of BENCHMARKS.md
# (that section only; scripts/bench.sh keeps it).
#
#   scripts/bench-python.sh            measure and write BENCHMARKS.md
#   scripts/bench-python.sh --print    measure, print the section only
#
# The corpus: the texts of the shared dev corpora (../shared/dev/*.jsonl, read
# in place, never copied into the repository), or, without ../shared, the
# repository's examples repeated. Method in scripts/bench_python.py.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/python-env.sh
echo "==> cargo build --release -p depeche-cli"
cargo build --release -q -p depeche-cli
MATURIN=target/py-test/bin/maturin scripts/build-python.sh --venv target/py-test
scripts/java-deps.sh
export BENCH_COMMIT
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
exec target/py-test/bin/python scripts/bench_python.py "$@"
