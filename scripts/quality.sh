#!/usr/bin/env bash
# Writes QUALITY.md and the error reports (target/quality/NAME.errors.md):
# depeche on the seed dispatch and on every corpus of ../shared/dev (each on
# the kinds its README lists), beside the peers' predictions, all by one
# command, `depeche eval --all` (see `depeche --help`). Its numbers agree with
# ../shared/tools/score.py (tests/eval_agreement.rs).
#   scripts/quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -d "$shared/dev" ]; then
    echo "../shared/dev not found: the dev corpora sit beside the repository" >&2
    exit 2
fi
cargo build --release --quiet
exec target/release/depeche eval --all "$shared/dev" \
    --seed "$shared/fixtures/seed-dispatch.gold.json" \
    --out QUALITY.md --reports target/quality
