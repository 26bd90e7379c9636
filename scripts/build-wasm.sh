#!/usr/bin/env bash
# Builds the WebAssembly package into pkg/ (committed, so the page runs from a
# static copy of the repository with no toolchain).
#
# Installs what a fresh machine lacks: the wasm32 target, wasm-bindgen-cli at
# the exact version Cargo.lock pins (the CLI and the library must match), and
# binaryen's wasm-opt from npm (package-lock.json pins it). Then:
#   cargo build --profile wasm   (opt-level 3, LTO, one codegen unit: Cargo.toml;
#                                 a lower inlining threshold, below)
#   wasm-bindgen --target web    (ES module + .wasm + TypeScript declarations)
#   wasm-opt -O3                 (smaller and faster code; data sections untouched)
# writes the language packs into pkg/packs/ (`depeche packs`, native build),
# and writes pkg/INPUTS.sha256, the hash of the inputs (scripts/pkg-hash.sh)
# that CI recomputes to catch a stale pkg/.
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
if ! rustup target list --installed | grep -qx "$target"; then
  echo "build-wasm: installing the $target target" >&2
  rustup target add "$target"
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
  echo "build-wasm: Cargo.lock pins no wasm-bindgen version" >&2
  exit 1
fi
bindgen="$HOME/.cargo/bin/wasm-bindgen"
have=$("$bindgen" --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "build-wasm: installing wasm-bindgen-cli $want (found: ${have:-none})" >&2
  # --locked first; its lock file can name a crate version the registry no
  # longer serves, and then a fresh resolution is the way through.
  cargo install wasm-bindgen-cli --version "$want" --locked \
    || cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x node_modules/.bin/wasm-opt ]; then
  echo "build-wasm: installing npm packages (binaryen for wasm-opt)" >&2
  npm ci --no-audit --no-fund
fi

# A lower inlining threshold than opt-level 3's: the native speed work of
# 2026-12-06 (tables, fast paths, more inlining under LTO) grew the module's
# code by 7.7 KB gzipped, over the 1 MB budget (1,001,594 bytes), and 150 took
# it back to 995.9 KB; Spanish's sports rules, German's name edges and the
# gazetteer pack's namesakes brought it to 1,005.6 KB at 100, 999.7 KB at 50
# and 998.1 KB at 25. No difference measured in Node between them (annotating
# the bench corpus, the builds run in turn: 7-8 MB/s each, a loaded machine).
# WASM_INLINE_THRESHOLD sets another for a trial.
RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=${WASM_INLINE_THRESHOLD:-25}" \
  cargo build -p depeche --profile wasm --target "$target" --lib

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bindgen" --target web --out-dir "$out" --out-name depeche \
  "target/$target/wasm/depeche.wasm"
node_modules/.bin/wasm-opt -O3 \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/depeche_bg.wasm" -o "$out/depeche_bg.opt.wasm"
mv "$out/depeche_bg.opt.wasm" "$out/depeche_bg.wasm"

mkdir -p pkg
rm -f pkg/depeche.js pkg/depeche.d.ts pkg/depeche_bg.wasm pkg/depeche_bg.wasm.d.ts
cp "$out"/depeche.js "$out"/depeche.d.ts "$out"/depeche_bg.wasm "$out"/depeche_bg.wasm.d.ts pkg/
# The language packs (pkg/packs/<code>.pack): build.rs writes the same bytes
# for every target; the native command line writes out the ones it embeds.
rm -rf pkg/packs
cargo run --quiet --release -p depeche-cli -- packs pkg/packs
scripts/pkg-hash.sh > pkg/INPUTS.sha256

raw=$(wc -c < pkg/depeche_bg.wasm)
gz=$(gzip -9c pkg/depeche_bg.wasm | wc -c)
echo "build-wasm: pkg/depeche_bg.wasm $raw bytes, $gz gzipped; inputs $(cat pkg/INPUTS.sha256)" >&2
for p in pkg/packs/*.pack; do
  echo "build-wasm: $p $(wc -c < "$p") bytes, $(gzip -9c "$p" | wc -c) gzipped" >&2
done
