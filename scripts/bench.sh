#!/usr/bin/env bash
# Runs the benchmarks in release mode and writes their figures, with the
# machine and the command, into BENCHMARKS.md.
#   scripts/bench.sh             annotate throughput and data start-up
# Criterion keeps its raw data under target/criterion/.
set -euo pipefail
cd "$(dirname "$0")/.."

log=target/bench.log
mkdir -p target
cargo bench --bench annotate --bench startup 2>&1 | tee "$log"

export BENCH_CPU
BENCH_CPU="$( (grep -m1 'model name' /proc/cpuinfo 2>/dev/null || echo ': unknown CPU') | sed 's/.*: //')"
export BENCH_CORES="$(nproc 2>/dev/null || echo '?')"
export BENCH_OS="$(uname -sr)"
export BENCH_RUSTC="$(rustc --version)"
export BENCH_DATE="$(date -u +%Y-%m-%d)"
export BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
export BENCH_LOG="$log"

python3 - <<'PY'
import json, os, re

root = "target/criterion"
log = open(os.environ["BENCH_LOG"], encoding="utf-8").read()

def estimate(path):
    """Mean time in ns with its 95% interval, and the throughput in bytes."""
    with open(os.path.join(root, path, "new", "estimates.json")) as f:
        mean = json.load(f)["mean"]
    with open(os.path.join(root, path, "new", "benchmark.json")) as f:
        tp = (json.load(f).get("throughput") or {}).get("Bytes")
    ci = mean["confidence_interval"]
    return mean["point_estimate"], ci["lower_bound"], ci["upper_bound"], tp

def mbps(nbytes, ns):
    return nbytes / 1e6 / (ns / 1e9)

# Every language the bench ran (benches/annotate.rs iterates the corpus), in the registry's order.
registry = [l.split("\t")[0] for l in open("data/lang/languages.tsv", encoding="utf-8")
            if l.strip() and not l.startswith("#")]
LANGS = [l for l in registry if os.path.isdir(os.path.join(root, "annotate", "dispatches", l))]

rows = []
for how, label in [("dispatches", "dispatch by dispatch"), ("one_text", "as one text")]:
    for lang in LANGS:
        ns, lo, hi, nbytes = estimate(f"annotate/{how}/{lang}")
        rows.append(f"| {lang} | {label} | {nbytes / 1e6:.2f} | {ns / 1e6:.2f} "
                    f"| **{mbps(nbytes, ns):.1f}** ({mbps(nbytes, hi):.1f}–{mbps(nbytes, lo):.1f}) |")

ns, lo, hi, _ = estimate("startup/lexicon_load")
startup = f"`Lexicon::load()` **{ns:.1f} ns** ({lo:.1f}–{hi:.1f} ns); "
ns, lo, hi, _ = estimate("startup/cold_process_first_annotate")
startup += (f"a whole cold process annotating one line (process start, every lazily built table, "
            f"output) **{ns / 1e6:.2f} ms** ({lo / 1e6:.2f}–{hi / 1e6:.2f} ms)")

for lang in [l for l in LANGS if os.path.isdir(os.path.join(root, "dates", "find", l))]:
    ns, lo, hi, nbytes = estimate(f"dates/find/{lang}")
    rows.append(f"| {lang} | date pass alone (`dates::find`, one text) | {nbytes / 1e6:.2f} | {ns / 1e6:.2f} "
                f"| **{mbps(nbytes, ns):.1f}** ({mbps(nbytes, hi):.1f}–{mbps(nbytes, lo):.1f}) |")

import glob, gzip
outs = sorted(glob.glob("target/release/build/depeche-*/out"), key=os.path.getmtime)
blobs = [f for f in glob.glob(outs[-1] + "/*") if f.endswith((".fst", ".bin"))] if outs else []
raw = sum(os.path.getsize(f) for f in blobs)
gz = len(gzip.compress(b"".join(open(f, "rb").read() for f in sorted(blobs)), 9))
data_size = (f"{len(blobs)} compiled blobs (`include_bytes!` from build.rs), **{raw / 1e6:.3f} MB** raw, "
             f"{gz / 1e6:.3f} MB gzipped together (budget: 1.2 MB added to the binary)")

corpus = "\n".join("    " + l for l in re.findall(r"^corpus .*$", log, re.M))
e = os.environ
text = f"""# Benchmarks

Goals (see the README): `annotate` at **20 MB/s or more** on one core, native
release build; all built-in data loaded in **20 ms or less**.

Measured on {e['BENCH_DATE']} at commit {e['BENCH_COMMIT']}, with `scripts/bench.sh`
(which runs `cargo bench --bench annotate --bench startup` and writes this file).

- Machine: {e['BENCH_CPU']}, {e['BENCH_CORES']} cores, {e['BENCH_OS']}
- Compiler: {e['BENCH_RUSTC']}, release profile

## Throughput of `annotate`

The corpus is ~1 MB per language, built at bench start from the short
dispatches of `benches/corpus/` (names, dates and numbers rotated, no
randomness). Options: defaults (language detected, no reference date given).
MB are 10^6 bytes of UTF-8 text; criterion's own output shows MiB/s.

{corpus}

| lang | how | MB | mean time (ms) | MB/s (95% interval) |
|---|---|---|---|---|
{chr(10).join(rows)}

## Start-up

One fresh `depeche::lexicon::Lexicon::load()` (the compiled gazetteers and
word lists): {startup}.

## Size of the built-in data

{data_size}.
"""
# The page's figures (scripts/bench-page.mjs) and everything after them (the editors' section
# of scripts/bench-editors.mjs) are other scripts' to write: this one keeps them as they are.
try:
    old = open("BENCHMARKS.md", encoding="utf-8").read()
    m = re.search(r"<!-- page:begin -->.*", old, re.S)
    if m:
        text += "\n" + m.group(0)
except FileNotFoundError:
    pass
open("BENCHMARKS.md", "w", encoding="utf-8").write(text)
print("\nwrote BENCHMARKS.md")
PY
