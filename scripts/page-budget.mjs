// The page's size budget, shared by scripts/bench-page.mjs (which writes the figures into
// BENCHMARKS.md, "The page in Chromium") and tests/js/page-budget.test.mjs (which fails when the
// committed module is over it): the WebAssembly core, gzipped, at most 1 MB. Language packs
// (pkg/packs/<code>.pack) are not in it: the core languages' come with the module (`preload`),
// the others are fetched only for a text in their language. The gazetteer pack (points for small
// towns, www/core/gazetteer.js) is fetched in the background after the first place: it has a
// budget of its own.

import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreLanguages } from './sw-manifest.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** pkg/depeche_bg.wasm, gzipped (level 9), at most this many bytes. */
export const WASM_BUDGET = 1_000_000;

/** pkg/packs/geo.pack, gzipped, at most this many bytes: a background fetch, kept offline. */
export const GAZETTEER_BUDGET = 1_500_000;

/** Raw and gzipped (level 9) size of a file of the repository. @param {string} file */
export function size(file) {
  const b = readFileSync(join(ROOT, file));
  return { raw: b.length, gz: gzipSync(b, { level: 9 }).length };
}

/** Each language pack: {code, raw, gz, preload}, by code. */
export function packSizes() {
  let names = [];
  try {
    names = readdirSync(join(ROOT, 'pkg', 'packs')).filter((f) => f.endsWith('.pack')).sort();
  } catch {
    return [];
  }
  const core = new Set(coreLanguages());
  return names.map((f) => ({ code: f.slice(0, -'.pack'.length), ...size(`pkg/packs/${f}`), preload: core.has(f.slice(0, -'.pack'.length)) }));
}
