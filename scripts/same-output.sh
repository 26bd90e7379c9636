#!/usr/bin/env bash
# Holds a refactoring to byte-identical output: `record` annotates every corpus of
# ../shared/dev (its geo/ and lang/ folders too) and examples/ into target/baseline/;
# `check` annotates them again into target/same-output/ and compares byte for byte.
# The outputs stay under target/ (the corpora are not to be copied into the repository).
#   scripts/same-output.sh record|check
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
case "$mode" in
    record) out=target/baseline ;;
    check) out=target/same-output ;;
    *) echo "usage: $0 record|check" >&2; exit 2 ;;
esac
cargo build --release --quiet --bin depeche
bin=target/release/depeche
mkdir -p "$out"
inputs=(examples/dispatches.jsonl)
for f in ../shared/dev/*.jsonl ../shared/dev/geo/*.jsonl ../shared/dev/lang/*.jsonl; do
    [ -f "$f" ] && inputs+=("$f")
done
for f in "${inputs[@]}"; do
    name=$(echo "$f" | sed 's#^\.\./shared/dev/##; s#/#_#g; s#\.jsonl$##')
    # Records of languages the core does not know (lang/) are annotated as detected.
    python3 -c 'import json, sys
for line in sys.stdin:
    r = json.loads(line); r.pop("lang", None); print(json.dumps(r, ensure_ascii=False))' <"$f" >"$out.input"
    "$bin" annotate --jsonl <"$out.input" >"$out/$name.jsonl"
    "$bin" annotate --jsonl --dct 2019-03-12 <"$out.input" >"$out/$name.dct.jsonl"
done
for f in examples/*.txt; do
    name=$(basename "$f" .txt)
    "$bin" annotate "$f" >"$out/$name.json"
    "$bin" annotate --lang en "$f" >"$out/$name.en.json"
    "$bin" annotate --lang fr "$f" >"$out/$name.fr.json"
done
rm -f "$out.input"
if [ "$mode" = check ]; then
    diff -rq target/baseline "$out" && echo "byte-identical: $(ls "$out" | wc -l) outputs"
fi
