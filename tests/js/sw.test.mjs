// The service worker (sw.js) without a browser: its file list is the shell as it is on disk, it
// caches that list at install, serves it cache-first and leaves everything else to the network,
// and a new version's activation deletes the old caches of its own scope and nothing else.
// The browser side (a real offline reload) is tests/browser/offline.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { manifest, render, written, ROOT } from '../../scripts/sw-manifest.mjs';

const SOURCE = readFileSync(join(ROOT, 'sw.js'), 'utf8');
const SCOPE = 'https://news.example/depeche/';

test('sw.js lists every file of the shell, with the hash of their contents (run scripts/sw-manifest.mjs)', () => {
  const now = manifest();
  const listed = written(SOURCE);
  const missing = now.files.filter((f) => !listed.files.includes(f));
  assert.deepEqual(missing, [], `not in sw.js: ${missing.join(', ')}; run \`node scripts/sw-manifest.mjs\``);
  assert.deepEqual(listed.files, now.files, 'sw.js lists files that are gone; run `node scripts/sw-manifest.mjs`');
  assert.equal(listed.version, now.version, 'a shell file changed since sw.js was written; run `node scripts/sw-manifest.mjs`');
  // The page itself, every module and stylesheet, the core.
  const www = (dir) => readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? www(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  for (const f of ['index.html', 'pkg/depeche.js', 'pkg/depeche_bg.wasm', ...www('www')]) assert.ok(listed.files.includes(f), f);
  assert.ok(!listed.files.some((f) => f.endsWith('.d.ts') || f.endsWith('.sha256') || f.startsWith('tests/')));
  assert.match(listed.version, /^[0-9a-f]{16}$/);
});

test('the version changes with any shell file, and only then; the block is rewritten in place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-sw-'));
  try {
    mkdirSync(join(dir, 'www', 'ui'), { recursive: true });
    mkdirSync(join(dir, 'pkg', 'packs'), { recursive: true });
    mkdirSync(join(dir, 'data', 'lang'), { recursive: true });
    // a core language (its pack comes with the module: in the shell) and one loaded on demand (not)
    for (const [f, text] of [['index.html', '<!doctype html>'], ['www/app.js', 'a'], ['www/ui/x.js', 'x'],
      ['pkg/depeche.js', 'glue'], ['pkg/depeche_bg.wasm', 'wasm'], ['pkg/INPUTS.sha256', 'h'],
      ['data/lang/languages.tsv', '# code\tname\trole\nfr\tFrench\nes\tSpanish\tpack\n'],
      ['pkg/packs/fr.pack', 'fr'], ['pkg/packs/es.pack', 'es']]) writeFileSync(join(dir, f), text);
    const a = manifest(dir);
    assert.deepEqual(a.files, ['index.html', 'pkg/depeche.js', 'pkg/depeche_bg.wasm', 'pkg/packs/fr.pack', 'www/app.js', 'www/ui/x.js']);
    writeFileSync(join(dir, 'pkg/packs/es.pack'), 'es, another build');
    assert.equal(manifest(dir).version, a.version);
    writeFileSync(join(dir, 'pkg/packs/fr.pack'), 'fr, another build');
    assert.notEqual(manifest(dir).version, a.version);
    writeFileSync(join(dir, 'pkg/packs/fr.pack'), 'fr');
    assert.equal(manifest(dir).version, a.version);
    writeFileSync(join(dir, 'pkg/INPUTS.sha256'), 'not part of the shell');
    assert.equal(manifest(dir).version, a.version);
    writeFileSync(join(dir, 'www/ui/x.js'), 'y');
    const b = manifest(dir);
    assert.notEqual(b.version, a.version);
    writeFileSync(join(dir, 'www/ui/z.js'), '');
    assert.notEqual(manifest(dir).version, b.version);
    assert.ok(manifest(dir).files.includes('www/ui/z.js'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = manifest();
  const other = render(SOURCE, { files: ['index.html'], version: 'feedfacefeedface' });
  assert.deepEqual(written(other), { files: ['index.html'], version: 'feedfacefeedface' });
  assert.equal(render(other, m), render(SOURCE, m));
  assert.equal(other.slice(other.indexOf('// manifest:end')), SOURCE.slice(SOURCE.indexOf('// manifest:end')));
});

/** A fake service worker global scope, with CacheStorage and fetch, running `source`. */
function worker(source, { scope = SCOPE, stored = {} } = {}) {
  const listeners = {};
  const storage = new Map(Object.entries(stored).map(([name, entries]) => [name, new Map(Object.entries(entries))]));
  const log = { fetched: [], claimed: 0, skipped: 0 };
  const cacheOf = (name) => {
    if (!storage.has(name)) storage.set(name, new Map());
    const entries = storage.get(name);
    return {
      async addAll(requests) {
        for (const r of requests) {
          log.fetched.push({ url: r.url, cache: r.cache });
          entries.set(r.url, `cached ${r.url}`);
        }
      },
      async match(url) {
        const body = entries.get(typeof url === 'string' ? url : url.url);
        return body === undefined ? undefined : new Response(body);
      },
      async put(url, response) { entries.set(typeof url === 'string' ? url : url.url, await response.text()); },
      async keys() { return [...entries.keys()].map((url) => ({ url })); },
      async delete(url) { return entries.delete(typeof url === 'string' ? url : url.url); },
    };
  };
  const self = {
    registration: { scope },
    clients: { claim: async () => { log.claimed++; }, matchAll: async () => [...api.live].map((id) => ({ id })) },
    skipWaiting: () => { log.skipped++; },
    addEventListener: (type, fn) => { (listeners[type] ??= []).push(fn); },
  };
  const context = vm.createContext({
    self, URL, Request, Response,
    caches: {
      open: async (name) => { if (api.failOpen) throw new DOMException('no storage', 'SecurityError'); return cacheOf(name); },
      keys: async () => [...storage.keys()],
      has: async (name) => storage.has(name),
      delete: async (name) => storage.delete(name),
    },
    fetch: async (req) => { log.fetched.push({ url: req.url, network: true }); return new Response(`network ${req.url}`); },
  });
  vm.runInContext(source, context, { filename: 'sw.js' });
  const fire = async (type, fields = {}) => {
    const waits = [];
    let response = null;
    const event = { ...fields, waitUntil: (p) => waits.push(p), respondWith: (p) => { response = p; } };
    for (const fn of listeners[type] ?? []) fn(event);
    if (response) await Promise.resolve(response).catch(() => {});
    await Promise.all(waits);
    return response;
  };
  const api = {
    failOpen: false,
    /** ids of the open pages and workers */
    live: new Set(),
    storage, log, fire,
    /** What the worker answers for `url` (null: it lets the browser go to the network). */
    async get(url, { mode = 'no-cors', method = 'GET', clientId = '', resultingClientId = '', destination = '' } = {}) {
      const request = { url, mode, method, destination };
      const r = await fire('fetch', { request, clientId, resultingClientId });
      return r === null ? null : (await r).text();
    },
  };
  return api;
}

const cacheName = (version, scope = SCOPE) => `depeche-shell ${scope} ${version}`;

test('install caches the whole shell under the scope, bypassing the HTTP cache', async () => {
  const m = manifest();
  const w = worker(SOURCE);
  await w.fire('install');
  assert.deepEqual([...w.storage.keys()], [cacheName(m.version)]);
  assert.deepEqual([...w.storage.get(cacheName(m.version)).keys()], m.files.map((f) => SCOPE + f));
  assert.ok(w.log.fetched.every((f) => f.cache === 'no-cache'));
});

test('the shell is served from the cache; everything else goes to the network', async () => {
  const m = manifest();
  const w = worker(SOURCE);
  await w.fire('install');
  await w.fire('activate');
  w.log.fetched.length = 0;
  assert.equal(await w.get(`${SCOPE}pkg/depeche_bg.wasm`), `cached ${SCOPE}pkg/depeche_bg.wasm`);
  assert.equal(await w.get(`${SCOPE}www/worker.js`), `cached ${SCOPE}www/worker.js`);
  // The page, asked for as the folder, by name, or with a query.
  for (const url of [SCOPE, `${SCOPE}index.html`, `${SCOPE}?doc=3`, `${SCOPE}#top`]) {
    assert.equal(await w.get(url, { mode: 'navigate' }), `cached ${SCOPE}index.html`, url);
  }
  assert.deepEqual(w.log.fetched, [], 'no network for the shell');
  // Not ours: examples, the host's files, another origin, another copy of the page, non-GET.
  assert.equal(await w.get(`${SCOPE}examples/embed/csp.html`, { mode: 'navigate' }), null);
  assert.equal(await w.get('https://news.example/cms/app.js'), null);
  assert.equal(await w.get('https://cdn.example/depeche/www/app.js'), null);
  assert.equal(await w.get('https://news.example/www/app.js'), null);
  assert.equal(await w.get(`${SCOPE}www/app.js?v=2`), null);
  assert.equal(await w.get(`${SCOPE}www/app.js`, { method: 'POST' }), null);
  // A shell file missing from the cache (storage evicted) still loads, from the network.
  w.storage.get(cacheName(m.version)).delete(`${SCOPE}www/app.js`);
  assert.equal(await w.get(`${SCOPE}www/app.js`), `network ${SCOPE}www/app.js`);
  // And when the cache storage itself fails (a private window's quota, say).
  w.failOpen = true;
  assert.equal(await w.get(`${SCOPE}www/engine.js`), `network ${SCOPE}www/engine.js`);
});

test('a new release replaces the old cache of this scope on activation, and only it', async () => {
  const m = manifest();
  const old = cacheName('0123456789abcdef');
  const elsewhere = cacheName('0123456789abcdef', 'https://news.example/'); // the page at the root, too
  const w = worker(SOURCE, {
    stored: { [old]: { [`${SCOPE}index.html`]: 'old page' }, [elsewhere]: {}, 'cms-images': {} },
  });
  // The old version keeps serving until the new one activates.
  await w.fire('install');
  assert.ok(w.storage.has(old) && w.storage.has(cacheName(m.version)));
  await w.fire('activate');
  assert.deepEqual([...w.storage.keys()].sort(), [cacheName(m.version), elsewhere, 'cms-images'].sort());
  assert.equal(w.log.claimed, 1, 'the first visit is controlled without a reload');

  // The next release: a changed file, a new version, the same replacement.
  const next = { files: m.files, version: 'fedcba9876543210' };
  const w2 = worker(render(SOURCE, next), { stored: Object.fromEntries([...w.storage].map(([k, v]) => [k, Object.fromEntries(v)])) });
  await w2.fire('install');
  await w2.fire('activate');
  assert.deepEqual([...w2.storage.keys()].sort(), [cacheName(next.version), elsewhere, 'cms-images'].sort());
});

test('a page can ask a waiting release to take over now', async () => {
  const w = worker(SOURCE);
  await w.fire('message', { data: { type: 'something-else' } });
  assert.equal(w.log.skipped, 0);
  await w.fire('message', { data: { type: 'skip-waiting' } });
  assert.equal(w.log.skipped, 1);
  await w.fire('message', { data: { type: 'SKIP_WAITING' } });
  assert.equal(w.log.skipped, 2);
});

test('a page open on the old release keeps its files until it reloads; then the old cache goes (issue 11, part 5)', async () => {
  const m = manifest();
  const w = worker(SOURCE);
  await w.fire('install');
  await w.fire('activate');
  // A page loaded by this release, and the Web Worker it starts.
  w.live.add('page-1');
  assert.equal(await w.get(SCOPE, { mode: 'navigate', resultingClientId: 'page-1' }), `cached ${SCOPE}index.html`);
  await w.get(`${SCOPE}www/worker.js`, { clientId: 'page-1', resultingClientId: 'worker-1', destination: 'worker' });
  w.live.add('worker-1');
  // The next release, in a fresh worker (nothing in memory), activated by another tab.
  const next = { files: m.files, version: 'fedcba9876543210' };
  const stored = Object.fromEntries([...w.storage].map(([k, v]) => [k, Object.fromEntries(v)]));
  for (const f of m.files) stored[cacheName(m.version)][SCOPE + f] = `old ${f}`;
  const w2 = worker(render(SOURCE, next), { stored });
  w2.live = w.live;
  await w2.fire('install');
  for (const f of m.files) w2.storage.get(cacheName(next.version)).set(SCOPE + f, `new ${f}`);
  await w2.fire('activate');
  assert.ok(w2.storage.has(cacheName(m.version)), 'the old cache is kept while a page runs it');
  // The old page, and its worker, still get the old files; a new page gets the new ones.
  assert.equal(await w2.get(`${SCOPE}www/formats/csv.js`, { clientId: 'page-1' }), 'old www/formats/csv.js');
  assert.equal(await w2.get(`${SCOPE}pkg/depeche.js`, { clientId: 'worker-1' }), 'old pkg/depeche.js');
  w2.live.add('page-2');
  assert.equal(await w2.get(SCOPE, { mode: 'navigate', resultingClientId: 'page-2' }), 'new index.html');
  assert.equal(await w2.get(`${SCOPE}www/formats/csv.js`, { clientId: 'page-2' }), 'new www/formats/csv.js');
  // The old page reloads (a new client): the old cache and the notes go.
  w2.live.delete('page-1');
  w2.live.delete('worker-1');
  w2.live.add('page-3');
  assert.equal(await w2.get(SCOPE, { mode: 'navigate', resultingClientId: 'page-3' }), 'new index.html');
  assert.equal(await w2.get(`${SCOPE}www/app.js`, { clientId: 'page-3' }), 'new www/app.js');
  assert.ok(!w2.storage.has(cacheName(m.version)), 'no page runs the old release: its cache is deleted');
  assert.deepEqual([...w2.storage.get(`depeche-clients ${SCOPE}`).keys()].map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/') + 1))).sort(), ['page-2', 'page-3']);
});
