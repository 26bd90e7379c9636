// The import map that loads ProseMirror, Tiptap and Lexical straight from node_modules/ (no bundler).
// Why: the editor tests and scripts/bench-editors.mjs run these editors as plain ES modules, as a
// CMS that ships them unbundled would; a browser resolves only relative URLs, so every bare
// specifier reached from the entry points (a package and its subpaths, e.g. "@tiptap/pm/state",
// "@lexical/extension/signals", and the dependencies of dependencies: "orderedmap",
// "w3c-keyname"...) needs one line in the map. This module walks the module graph from the
// entries, resolving each bare specifier with the package's `exports` (browser, production,
// import, module, default conditions; then `module`, then `main`), and fails loudly on anything
// a browser could not run (a CommonJS file, an unguarded `process.env`, a missing file).
// Trade-off: the import scan is a regular expression over the built files (static `import`/
// `export ... from` and `import("...")` with a literal); these dist files are machine-written
// and the walk checks each file it maps exists, so a miss shows up as a test failure, not silently.

import { readFileSync, existsSync } from 'node:fs';
import { join, dirname, relative, posix } from 'node:path';
import { ROOT } from '../server.mjs';

const CONDITIONS = ['browser', 'production', 'import', 'module', 'default'];
const NM = join(ROOT, 'node_modules');

/** Split "@scope/name/sub/path" into ["@scope/name", "./sub/path"]. */
function splitSpecifier(spec) {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  const rest = parts.slice(n).join('/');
  return [parts.slice(0, n).join('/'), rest ? `./${rest}` : '.'];
}

/** Pick a target out of a conditional exports value. */
function conditional(value) {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) { for (const v of value) { const t = conditional(v); if (t) return t; } return null; }
  for (const c of CONDITIONS) if (c in value) { const t = conditional(value[c]); if (t) return t; }
  return null;
}

/**
 * Resolve a bare specifier to a file path under node_modules/ (from the package's exports).
 * @param {string} spec @param {string} fromDir the importing file's folder (nested node_modules)
 */
export function resolveBare(spec, fromDir = ROOT) {
  const [name, sub] = splitSpecifier(spec);
  let dir = null;
  for (let d = fromDir; ; d = dirname(d)) {
    const c = join(d, 'node_modules', name);
    if (existsSync(join(c, 'package.json'))) { dir = c; break; }
    if (d === dirname(d) || !d.startsWith(ROOT)) break;
  }
  if (!dir) throw new Error(`import map: package ${name} is not installed (needed for “${spec}”)`);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let target = null;
  if (pkg.exports) {
    const ex = typeof pkg.exports === 'string' || Array.isArray(pkg.exports) || !Object.keys(pkg.exports).some((k) => k.startsWith('.'))
      ? { '.': pkg.exports } : pkg.exports;
    if (sub in ex) target = conditional(ex[sub]);
    else {
      for (const [k, v] of Object.entries(ex)) {
        const star = k.indexOf('*');
        if (star < 0) continue;
        const pre = k.slice(0, star), post = k.slice(star + 1);
        if (sub.startsWith(pre) && sub.endsWith(post) && sub.length >= pre.length + post.length) {
          const t = conditional(v);
          if (t) target = t.replace('*', sub.slice(pre.length, sub.length - post.length));
        }
      }
    }
  } else if (sub === '.') target = pkg.module ?? pkg.main ?? 'index.js';
  else target = sub;
  if (!target) throw new Error(`import map: ${name} exports nothing for “${sub}” a browser can load`);
  const file = join(dir, target);
  if (!existsSync(file)) throw new Error(`import map: ${spec} -> ${file}: no such file`);
  return file;
}

const IMPORT_RE = /(?:\bimport|\bexport)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"'\n]+)["']|\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g;

/** The specifiers a module file imports. */
function importsOf(file) {
  const src = readFileSync(file, 'utf8');
  const out = new Set();
  for (const m of src.matchAll(IMPORT_RE)) out.add(m[1] ?? m[2]);
  return { src, specs: [...out] };
}

/**
 * Walk the module graph from bare entry specifiers; returns the import map's `imports` (URLs
 * under `/node_modules/`) and the list of files the browser will load.
 * @param {string[]} entries
 * @returns {{imports: Record<string,string>, files: string[]}}
 */
export function importMap(entries) {
  /** @type {Record<string,string>} */
  const imports = {};
  const seen = new Set();
  const todo = [];
  const addBare = (spec, fromDir) => {
    const file = resolveBare(spec, fromDir);
    const url = '/' + relative(ROOT, file).split(/[\\/]/).join('/');
    if (imports[spec] && imports[spec] !== url) throw new Error(`import map: “${spec}” resolves to two files (${imports[spec]}, ${url}): two versions installed`);
    imports[spec] = url;
    todo.push(file);
  };
  for (const e of entries) addBare(e, ROOT);
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const { src, specs } = importsOf(file);
    if (/\brequire\s*\(|\bmodule\.exports\b/.test(src) && !/\bexport\b/.test(src)) throw new Error(`import map: ${file} is CommonJS`);
    if (src.split('\n').some((l) => /\bprocess\.env\b/.test(l) && !/typeof process\b/.test(l))) throw new Error(`import map: ${file} reads process.env (no such thing in a browser)`);
    for (const s of specs) {
      if (s.startsWith('.') || s.startsWith('/')) {
        const f = s.startsWith('/') ? join(ROOT, s) : join(dirname(file), s);
        if (!existsSync(f)) throw new Error(`import map: ${file} imports ${s}: no such file`);
        todo.push(f);
      } else if (/^[a-z]+:/.test(s)) throw new Error(`import map: ${file} imports a URL (${s})`);
      else addBare(s, dirname(file));
    }
  }
  return { imports, files: [...seen].map((f) => relative(ROOT, f).split(/[\\/]/).join(posix.sep)) };
}

/** The <script type="importmap"> element for these entries (put it before any module script). */
export function importMapTag(entries) {
  return `<script type="importmap">${JSON.stringify({ imports: importMap(entries).imports })}</script>`;
}
