#!/usr/bin/env bash
# Prints the hash of everything pkg/ is built from: src/, data/, build.rs,
# Cargo.toml and Cargo.lock, and of the language packs (pkg/packs/*.pack, which
# scripts/build-wasm.sh writes before hashing): a stale or edited pack fails too. Each file contributes its path and its bytes, in
# a fixed (byte-wise) order, so the hash is the same on every machine and
# changes with any edit, addition, removal or rename.
#
#   scripts/pkg-hash.sh          print the hash
#   scripts/pkg-hash.sh --check  compare with pkg/INPUTS.sha256; exit 1 when stale
set -euo pipefail
cd "$(dirname "$0")/.."

hash=$(
  find src data build.rs Cargo.toml Cargo.lock $( [ -d pkg/packs ] && echo pkg/packs ) -type f -print0 \
    | LC_ALL=C sort -z \
    | while IFS= read -r -d '' f; do
        printf '%s\0%s\n' "$f" "$(sha256sum < "$f" | cut -d' ' -f1)"
      done \
    | sha256sum | cut -d' ' -f1
)

if [ "${1:-}" = "--check" ]; then
  committed=$(cat pkg/INPUTS.sha256 2>/dev/null || echo "missing")
  if [ "$committed" != "$hash" ]; then
    echo "pkg/ is stale: its inputs hash to $hash but pkg/INPUTS.sha256 says $committed." >&2
    echo "Run scripts/build-wasm.sh and commit pkg/." >&2
    exit 1
  fi
  echo "pkg/ is up to date with src/, data/, build.rs, Cargo.toml and Cargo.lock ($hash)" >&2
else
  echo "$hash"
fi
