#!/usr/bin/env bash
# Measures the Python package and `--jobs` against the native command line on
# one corpus, and writes the section "## Python and --jobs" of BENCHMARKS.md
# (that section only; scripts/bench.sh keeps it).
#
#   scripts/bench-python.sh            measure and write BENCHMARKS.md
#   scripts/bench-python.sh --print    measure, print the section only
#   BENCH_NO_NICE=1 scripts/bench-python.sh   at normal priority (see below)
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
BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':!BENCHMARKS.md' 2>/dev/null || echo ' (with local changes)')"
# On a machine shared with other work, wall-clock times measure the other
# work as much as depeche, and --jobs finds no idle core. Where it may (as
# root), the benchmark runs for its minute or two at the highest priority, in
# a session of its own whose scheduling group is raised too (the kernel's
# autogroups share the CPU between sessions whatever a process's own nice
# value): the other work waits meanwhile. BENCH_NO_NICE=1 runs it as it is.
if [ "$(id -u)" = 0 ] && [ "${BENCH_NO_NICE:-}" != 1 ] && command -v setsid >/dev/null; then
    export BENCH_NICE=-20
    exec setsid -w sh -c 'if [ -w /proc/self/autogroup ]; then echo -20 >/proc/self/autogroup; fi
        exec nice -n -20 "$@"' sh target/py-test/bin/python scripts/bench_python.py "$@"
fi
export BENCH_NICE=0
exec target/py-test/bin/python scripts/bench_python.py "$@"
