// Language packs (src/packs.rs, www/core/packs.js): the committed pkg/ starts without the
// Spanish and German data; a text in either is refused with PACK_MISSING until its pack
// (pkg/packs/<code>.pack) is loaded; a bad pack is an Error with a message; once loaded, the
// module annotates the gold dispatches exactly as the native command line does; and a French
// or English text reads the same before and after (the determinism rule of src/packs.rs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

import init, { annotate, languages, loadPack, packs } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { createPackLoader, packMissing } from '../../www/core/packs.js';

const root = new URL('../../', import.meta.url);
await initCore(glue);

const pack = (code) => new Uint8Array(readFileSync(new URL(`pkg/packs/${code}.pack`, root)));
const gold = (code) => readFileSync(new URL(`tests/gold/${code}_dispatches.jsonl`, root), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const FR = readFileSync(new URL('examples/dispatch-fr.txt', root), 'utf8');
const EN = readFileSync(new URL('examples/dispatch-en.txt', root), 'utf8');

/** The native command line's output for JSON Lines input (release build, as scripts/test.sh makes). */
function native(records, detect = false) {
  const input = records.map((r) => JSON.stringify({ id: r.id, text: r.text, lang: detect ? undefined : r.lang, dct: r.dct }))
    .join('\n') + '\n';
  const bin = new URL('target/release/depeche', root);
  const run = existsSync(bin)
    ? spawnSync(bin.pathname, ['annotate', '--jsonl', '--jobs', '1'], { input, encoding: 'utf8' })
    : spawnSync('cargo', ['run', '-q', '--release', '-p', 'depeche-cli', '--', 'annotate', '--jsonl', '--jobs', '1'],
      { input, encoding: 'utf8', cwd: root.pathname });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

// Before any pack: French and English results, to compare with after.
const before = [annotate(FR, {}), annotate(EN, {}), annotate(FR, { lang: 'en' }), annotate(EN, { dct: '2019-03-12' })];

test('the registry lists the languages loaded on demand, marked as packs; the core languages\' packs are preloaded', () => {
  const list = languages();
  for (const code of ['es', 'de']) {
    const l = list.find((x) => x.code === code);
    assert.ok(l, `${code} is listed`);
    assert.equal(l.pack, true);
    assert.equal(l.values.months.length, 12);
  }
  assert.equal(list.find((x) => x.code === 'fr').pack, false);
  const p = packs();
  assert.match(p.version, /^[0-9a-f]{16}$/);
  assert.deepEqual(p.packs.map((x) => [x.code, x.preload, x.loaded]), [['fr', true, true], ['en', true, true], ['es', false, false], ['de', false, false], ['geo', false, false]],
    'the gazetteer pack (no language\'s) last, loaded on demand too');
});

test('a text in a language whose pack is not loaded is refused, naming the pack', () => {
  const [es] = gold('es');
  assert.throws(() => annotate(es.text, { lang: 'es' }), (e) => packMissing(e) === 'es');
  // Detected, not given: the same (function words stay in the core).
  assert.throws(() => annotate(es.text, {}), (e) => packMissing(e) === 'es' && /PACK_MISSING es:/.test(e.message));
  const [de] = gold('de');
  assert.throws(() => annotate(de.text, {}), (e) => packMissing(e) === 'de');
});

test('a bad pack is an Error with a message, and the core still works', () => {
  const good = pack('es');
  const cases = [
    [new Uint8Array(0), /truncated/],
    [good.slice(0, 100), /truncated|damaged/],
    [good.slice(0, good.length - 1), /damaged/],
    [new Uint8Array(1000).fill(7), /bad magic/],
    ['not bytes', /expected the pack's bytes/],
  ];
  const version = good.slice();
  version[13] ^= 0xff; // inside the core version (after magic, format, code "es")
  cases.push([version, /PACK_VERSION/]);
  const flipped = good.slice();
  flipped[good.length >> 1] ^= 1;
  cases.push([flipped, /damaged/]);
  for (const [bytes, message] of cases) assert.throws(() => loadPack(bytes), message);
  assert.equal(annotate(FR, {}).lang, 'fr');
  assert.throws(() => annotate(gold('es')[0].text, {}), /PACK_MISSING es/);
});

test('once loaded, the module annotates the gold dispatches as the native command line does', () => {
  assert.equal(loadPack(pack('es')), 'es');
  assert.equal(loadPack(pack('es').buffer), 'es', 'again, from an ArrayBuffer: a no-op');
  assert.equal(loadPack(pack('de')), 'de');
  for (const code of ['es', 'de']) {
    const records = gold(code);
    const want = native(records);
    const wantDetected = native(records, true);
    records.forEach((r, i) => {
      const got = annotate(r.text, { lang: r.lang, dct: r.dct });
      assert.deepEqual({ id: r.id, ...got }, want[i], `${r.id}`);
      // Detected rather than given: the same detection and spans as native.
      assert.deepEqual({ id: r.id, ...annotate(r.text, { dct: r.dct }) }, wantDetected[i], `${r.id} (detected)`);
    });
  }
});

test('French and English read the same whichever packs are loaded', () => {
  const after = [annotate(FR, {}), annotate(EN, {}), annotate(FR, { lang: 'en' }), annotate(EN, { dct: '2019-03-12' })];
  assert.deepEqual(after, before);
});

test('the page\'s pack loader fetches a pack once for concurrent texts, and says what failed', async () => {
  let reads = 0;
  const loaded = [];
  const loader = createPackLoader({
    read: async (code) => { reads += 1; await new Promise((r) => setTimeout(r, 5)); return pack(code); },
    load: (bytes) => loaded.push(bytes.length),
    name: () => 'Spanish',
  });
  await Promise.all([loader.ensure('es'), loader.ensure('es'), loader.ensure('es')]);
  assert.equal(reads, 1);
  assert.equal(loaded.length, 1);
  assert.equal(loader.loaded().size, 1);
  // Offline: the error names the language; a later call tries again.
  let fail = true;
  const offline = createPackLoader({
    read: async () => { if (fail) throw new TypeError('Failed to fetch'); return pack('de'); },
    load: () => {},
    name: () => 'German',
  });
  await assert.rejects(offline.ensure('de'), (e) => e.pack === 'de' && /German language pack could not be fetched/.test(e.message) && /text is kept/.test(e.message));
  fail = false;
  await offline.ensure('de');
  // Refused twice (another core's pack, even fetched afresh): a clear message.
  const reloads = [];
  const stale = createPackLoader({
    read: async (_, reload) => { reloads.push(reload); return new Uint8Array(4); },
    load: (bytes) => loadPack(bytes),
    name: () => 'Spanish',
  });
  await assert.rejects(stale.ensure('es'), (e) => e.pack === 'es' && /does not fit this version of depeche/.test(e.message));
  assert.deepEqual(reloads, [false, true]);
});
