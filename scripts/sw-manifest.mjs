// Writes the service worker's file list and version into sw.js (between `// manifest:begin` and
// `// manifest:end`), or with --check fails when that block is stale.
//
//   node scripts/sw-manifest.mjs           after any change under www/, pkg/ or to index.html
//   node scripts/sw-manifest.mjs --check   what tests/js/sw.test.mjs runs
//
// Why a generated list: a service worker cannot list a folder, and the cache must hold every
// file the page may load (www/worker.js is only fetched for a big paste). The version is a hash
// of the files' paths and contents, so any change to the shell is a new cache, and only a change
// makes one. Trade-off: one more step after editing www/ (the test says so when it is missed),
// the same bargain as pkg/INPUTS.sha256.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The core languages of data/lang/languages.tsv (no role, or `canonical`), in its order: their
 * packs come with the module (www/engine.js loads them before any text), so the shell holds them.
 * The packs of role `pack` are fetched when a text needs them (sw.js keeps them then).
 * scripts/page-budget.mjs asks the same.
 * @param {string} [root]
 * @returns {string[]} their codes
 */
export function coreLanguages(root = ROOT) {
  // (a copy of the site, as the release tests make, has no data/: the repository's list holds)
  const list = existsSync(join(root, 'data/lang/languages.tsv')) ? root : ROOT;
  return readFileSync(join(list, 'data/lang/languages.tsv'), 'utf8').split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((f) => f.trim()))
    .filter((f) => !['pack', 'test'].includes(f[2] ?? ''))
    .map((f) => f[0]);
}

/** pkg/ files the page loads (not the declarations nor the input hash). */
const pkgFiles = (root) => ['pkg/depeche.js', 'pkg/depeche_bg.wasm', ...coreLanguages(root).map((c) => `pkg/packs/${c}.pack`)];

/** Every file under `dir`, as sorted paths relative to the root with forward slashes. */
function walk(root, dir) {
  const out = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(root, p));
    else if (e.isFile()) out.push(p.split(sep).join('/'));
  }
  return out;
}

/**
 * The shell as it is on disk: the files (relative URLs) and a version hashing them.
 * @param {string} [root]
 * @returns {{files: string[], version: string}}
 */
export function manifest(root = ROOT) {
  const files = ['index.html', ...walk(root, 'www'), ...pkgFiles(root)].sort();
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(join(root, f)));
    hash.update('\0');
  }
  return { files, version: hash.digest('hex').slice(0, 16) };
}

const BLOCK = /(\/\/ manifest:begin[^\n]*\n)[\s\S]*?(\/\/ manifest:end)/;

/** sw.js's source with `m` written into its manifest block. */
export function render(source, m) {
  if (!BLOCK.test(source)) throw new Error('sw.js has no `// manifest:begin` ... `// manifest:end` block');
  const body = `const VERSION = ${JSON.stringify(m.version)};\nconst FILES = [\n${m.files.map((f) => `  ${JSON.stringify(f)},\n`).join('')}];\n`;
  return source.replace(BLOCK, (_, begin, end) => `${begin}${body}${end}`);
}

/** The manifest written in sw.js: {files, version}. */
export function written(source) {
  const block = BLOCK.exec(source)?.[0] ?? '';
  const version = /const VERSION = "([^"]*)"/.exec(block)?.[1] ?? /const VERSION = '([^']*)'/.exec(block)?.[1] ?? '';
  const files = [...block.matchAll(/^\s+"([^"]+)",$/gm)].map((m) => m[1]);
  return { files, version };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const path = join(ROOT, 'sw.js');
  const source = readFileSync(path, 'utf8');
  const m = manifest();
  const next = render(source, m);
  if (process.argv.includes('--check')) {
    if (next !== source) {
      const old = written(source);
      const missing = m.files.filter((f) => !old.files.includes(f));
      const gone = old.files.filter((f) => !m.files.includes(f));
      console.error(`sw.js's manifest is stale (version ${old.version || 'none'}, files hash to ${m.version})` +
        `${missing.length ? `; not listed: ${missing.join(', ')}` : ''}${gone.length ? `; listed but gone: ${gone.join(', ')}` : ''}` +
        '.\nRun `node scripts/sw-manifest.mjs` and commit sw.js.');
      process.exit(1);
    }
    console.log(`sw.js's manifest is current (${m.files.length} files, version ${m.version})`);
  } else {
    writeFileSync(path, next);
    console.log(`sw.js: ${m.files.length} files, version ${m.version} (${relative(process.cwd(), path) || path})`);
  }
}
