#!/usr/bin/env bash
# Throughput before and after a restructuring, measured in the same run: the
# criterion benchmark `annotate` (dispatch by dispatch and as one text, French
# and English) of a base commit and of the working tree, in turns, so that a
# shared machine's drifting load falls on both sides alike.
#
#   scripts/bench-before-after.sh BASE [ROUNDS]     (ROUNDS: 3)
#
# The base is checked out in a detached worktree outside the repository (so
# that Cargo does not take it for a member of this workspace), with its own
# target/, built once; each round runs both benchmarks and the figures are
# the median of the rounds' means, in MB/s, with each side's spread.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bench-before-after.sh BASE [ROUNDS]}
rounds=${2:-3}
here=$(pwd)
wt=${TMPDIR:-/tmp}/depeche-bench-base
rev=$(git rev-parse --short "$base")
if [ -d "$wt" ]; then git worktree remove --force "$wt"; fi
git worktree add --detach --quiet "$wt" "$rev"
trap 'cd "$here" && git worktree remove --force "$wt" 2>/dev/null || true' EXIT
out=target/bench-before-after
rm -rf "$out" && mkdir -p "$out"
filter='annotate/'
for side in base head; do
    dir=$([ $side = base ] && echo "$wt" || echo .)
    (cd "$dir" && cargo bench --quiet --bench annotate --no-run)
done
for r in $(seq 1 "$rounds"); do
    for side in base head; do
        dir=$([ $side = base ] && echo "$wt" || echo .)
        (cd "$dir" && cargo bench --quiet --bench annotate -- "$filter" >/dev/null 2>&1)
        for f in "$dir"/target/criterion/annotate/*/*/new/estimates.json; do
            case=$(echo "$f" | sed 's#.*/annotate/\([^/]*\)/\([^/]*\)/new/.*#\1/\2#')
            bytes=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["throughput"]["Bytes"])' "${f%estimates.json}benchmark.json")
            ns=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mean"]["point_estimate"])' "$f")
            echo "$side $case $r $bytes $ns" >>"$out/runs.txt"
        done
    done
done
python3 - "$out/runs.txt" "$rev" "$(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')" <<'PY'
import sys, statistics
runs, base, head = sys.argv[1], sys.argv[2], sys.argv[3]
by = {}
for line in open(runs):
    side, case, r, nbytes, ns = line.split()
    by.setdefault((case, side), []).append(int(nbytes) / 1e6 / (float(ns) / 1e9))
print(f"| case | {base} (before) MB/s | {head} (after) MB/s | after / before |")
print("|---|---|---|---|")
for case in sorted({c for c, _ in by}):
    b, h = by.get((case, "base"), []), by.get((case, "head"), [])
    if not b or not h:
        continue
    mb, mh = statistics.median(b), statistics.median(h)
    print(f"| {case} | {mb:.1f} ({min(b):.1f}–{max(b):.1f}) | {mh:.1f} ({min(h):.1f}–{max(h):.1f}) | {mh / mb:.3f} |")
PY
