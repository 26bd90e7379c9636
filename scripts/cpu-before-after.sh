#!/usr/bin/env bash
# Throughput before and after a restructuring by CPU time, for a shared
# machine: the release command line of a base commit and of the working tree
# annotate the same JSON Lines (the French and the English corpora of
# ../shared/dev, repeated to a few MB), in turns, ROUNDS times; each run's
# user+system CPU time (not wall-clock time, which other processes inflate)
# gives MB/s, on one core (`--jobs 1` where the command line has it). Outputs
# of both are compared: they must be the same bytes.
#
#   scripts/cpu-before-after.sh BASE [ROUNDS] [REPEAT]     (ROUNDS 6, REPEAT 10)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/cpu-before-after.sh BASE [ROUNDS] [REPEAT]}
rounds=${2:-6}
repeat=${3:-10}
shared=../shared/dev
[ -d "$shared" ] || { echo "../shared/dev not found" >&2; exit 2; }
here=$(pwd)
rev=$(git rev-parse --short "$base")
wt=${TMPDIR:-/tmp}/depeche-cpu-base
if [ -d "$wt" ]; then git worktree remove --force "$wt"; fi
git worktree add --detach --quiet "$wt" "$rev"
trap 'cd "$here" && git worktree remove --force "$wt" 2>/dev/null || true' EXIT
(cd "$wt" && cargo build --release --quiet --bin depeche)
cargo build --release --quiet --bin depeche
out=target/cpu-before-after
rm -rf "$out" && mkdir -p "$out"
for lang in fr en; do
    files=$(for f in "$shared"/*.jsonl; do
        if head -n 1 "$f" | grep -q "\"lang\": *\"$lang\""; then echo "$f"; fi
    done)
    for _ in $(seq 1 "$repeat"); do
        # The records' own lang is kept: detection is part of the work.
        cat $files
    done >"$out/input.$lang.jsonl"
done
python3 - "$wt/target/release/depeche" target/release/depeche "$out" "$rounds" "$rev" \
    "$(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')" <<'PY'
import os, resource, statistics, subprocess, sys
base_bin, head_bin, out, rounds, base, head = sys.argv[1:7]
rounds = int(rounds)
def one_core(binary):
    """`--jobs 1` where the command line has it: threads cost CPU time of their own."""
    usage = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    return ["--jobs", "1"] if "--jobs" in usage else []
def cpu(binary, inp, dest):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(inp, "rb") as i, open(dest, "wb") as o:
        subprocess.run([binary, "annotate", "--jsonl", *one_core(binary)], stdin=i, stdout=o, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"| corpus | {base} (before) MB/s of CPU | {head} (after) MB/s of CPU | after / before |")
print("|---|---|---|---|")
for lang in ["fr", "en"]:
    inp = os.path.join(out, f"input.{lang}.jsonl")
    size = os.path.getsize(inp) / 1e6
    t = {"base": [], "head": []}
    for _ in range(rounds):
        t["base"].append(cpu(base_bin, inp, os.path.join(out, f"base.{lang}.jsonl")))
        t["head"].append(cpu(head_bin, inp, os.path.join(out, f"head.{lang}.jsonl")))
    same = open(os.path.join(out, f"base.{lang}.jsonl"), "rb").read() == open(os.path.join(out, f"head.{lang}.jsonl"), "rb").read()
    b = [size / x for x in t["base"]]
    h = [size / x for x in t["head"]]
    mb, mh = statistics.median(b), statistics.median(h)
    print(f"| {lang}, {size:.1f} MB{'' if same else ' (OUTPUTS DIFFER)'} | {mb:.1f} ({min(b):.1f}–{max(b):.1f}) "
          f"| {mh:.1f} ({min(h):.1f}–{max(h):.1f}) | {mh / mb:.3f} |")
PY
