// The committed pkg/ as a user gets it: the WebAssembly module loads in Node,
// annotates in FORMAT.md's shape with code point offsets, throws Errors with
// messages for bad input, and the page's engine (www/engine.js) gives the same
// result whole or in pieces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import init, { annotate, Annotator, checkLexicon, senses, version } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { loadEngine } from '../../www/engine.js';
import { splitChunks } from '../../www/core/chunks.js';
import { cpLength } from '../../www/core/offsets.js';

const root = new URL('../../', import.meta.url);
const wasm = readFileSync(new URL('pkg/depeche_bg.wasm', root));
await initCore(glue);

const DISPATCH = readFileSync(new URL('examples/dispatch-fr.txt', root), 'utf8');

/** Code point slice, as FORMAT.md counts. */
const cpSlice = (text, start, end) => Array.from(text).slice(start, end).join('');

test('the package reports the crate version', () => {
  const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
  assert.equal(version(), /^version = "([^"]+)"/m.exec(cargo)[1]);
});

test('a French dispatch: dateline, reference date, spans with values', () => {
  const r = annotate(DISPATCH, {});
  assert.equal(r.lang, 'fr');
  assert.equal(r.dct, '2019-03-12');
  assert.deepEqual(r.dateline, { start: 0, end: 30, place: 'BEYROUTH', date: '2019-03-12', agency: 'AFP' });
  const find = (text) => r.spans.find((s) => s.text === text);
  assert.deepEqual(find('Idleb').value.country, 'SY');
  assert.equal(find('Idleb').kind, 'place');
  assert.deepEqual(find('OSDH').value, { canonical: 'Syrian Observatory for Human Rights', type: 'organisation' });
  assert.equal(find('vendredi 15 mars').value, '2019-03-15');
  assert.equal(find('armée syrienne').kind, 'actor');
  for (const s of r.spans) assert.equal(cpSlice(DISPATCH, s.start, s.end), s.text);
  for (let i = 1; i < r.spans.length; i++) assert.ok(r.spans[i - 1].end <= r.spans[i].start);
});

test('offsets are code points: emoji and CRLF before a span', () => {
  const text = '🚨🇫🇷 Alerte\r\nLes forces irakiennes sont entrées à Mossoul jeudi.';
  const r = annotate(text, { lang: 'fr', dct: '2017-07-06' });
  const mossoul = r.spans.find((s) => s.text === 'Mossoul');
  assert.ok(mossoul, JSON.stringify(r.spans));
  assert.equal(mossoul.start, Array.from(text).indexOf('M'));
  assert.equal(cpSlice(text, mossoul.start, mossoul.end), 'Mossoul');
  // The CRLF counts as two code points: the API counts the text as given.
  assert.equal(Array.from(text)[mossoul.start - 1], ' ');
  assert.equal(r.spans.find((s) => s.kind === 'date').value, '2017-07-06');
});

test('options: language, reference date, and errors with messages', () => {
  const text = 'Le ministre est arrivé mardi à Paris.';
  assert.equal(annotate(text, { dct: '2020-01-02' }).spans.find((s) => s.kind === 'date').value, '2019-12-31');
  // Without a reference date, a weekday keeps its unknown parts (TIMEX3).
  assert.equal(annotate(text, {}).spans.find((s) => s.kind === 'date').value, 'XXXX-WXX-2');
  assert.equal(annotate(text, { lang: 'en' }).lang, 'en');
  assert.equal(annotate(text, { lang: 'auto' }).lang, 'fr');
  assert.equal(annotate(text, null).lang, 'fr');
  assert.throws(() => annotate(text, { lang: 'klingon' }), { message: /bad lang 'klingon'/ });
  assert.throws(() => annotate(text, { dct: '02/01/2020' }), { message: /bad dct '02\/01\/2020'.*YYYY-MM-DD/ });
  assert.throws(() => annotate(text, 'fr'), { message: /options must be an object/ });
  assert.throws(() => annotate(text, { lexicon: { add: [] } }), { message: /version/ });
  // The module keeps working after errors.
  assert.equal(annotate('', {}).spans.length, 0);
});

test('an editor lexicon adds and rejects names; bad lexicons are explained', () => {
  const text = 'Le collectif Vigie Sahel a alerté Paris.';
  const lexicon = {
    version: 1,
    add: [{ text: 'Vigie Sahel', kind: 'actor', value: { canonical: 'Vigie Sahel', type: 'organisation' } }],
    reject: [{ text: 'Paris', kind: 'place' }],
  };
  const r = annotate(text, { lexicon });
  assert.deepEqual(
    r.spans.map((s) => [s.text, s.kind, s.source]),
    [['Vigie Sahel', 'actor', 'user']],
  );
  const a = new Annotator(lexicon);
  assert.deepEqual(a.annotate(text, {}).spans, r.spans);
  assert.deepEqual(a.annotate(text, { lang: 'fr' }).spans, r.spans);
  a.free();
  assert.throws(() => checkLexicon({ version: 1, add: [{ text: 'X', kind: 'thing' }] }), { message: /thing/ });
  assert.throws(() => new Annotator({ version: 2 }), { message: /version/ });
  checkLexicon(lexicon);
});

test('text that is only emoji, NUL or isolated marks annotates without error', () => {
  for (const t of ['😀'.repeat(1000), '\u0000\u0000', '\u0301\u0301 a', '<script>alert(1)</script> à Paris']) {
    const r = annotate(t, {});
    for (const s of r.spans) assert.equal(cpSlice(t, s.start, s.end), s.text);
  }
});

test('engine: whole and in pieces give the same spans on a big text', async () => {
  const engine = await loadEngine({ wasm, readPack });
  // About 600 KB of dispatches, with emoji to exercise the offsets.
  const parts = [];
  for (let i = 0; parts.join('').length < 600_000; i++) parts.push(`🛰️ ${i}\n\n${DISPATCH}`);
  const big = parts.join('\n\n');
  assert.ok(splitChunks(big).length > 3);
  const whole = engine.annotate(big, {});
  const fractions = [];
  const pieces = await engine.annotateLarge(big, {}, { onProgress: (f) => fractions.push(f) });
  assert.equal(pieces.lang, whole.lang);
  assert.equal(pieces.dct, whole.dct);
  assert.deepEqual(pieces.dateline, whole.dateline);
  assert.equal(pieces.spans.length, whole.spans.length);
  assert.deepEqual(pieces.spans, whole.spans);
  assert.ok(fractions.length > 3 && fractions.at(-1) === 1, String(fractions));
  assert.equal(cpLength(big), Array.from(big).length);
});

test('engine: errors are Errors with messages, and the engine keeps working', async () => {
  const engine = await loadEngine({ wasm, readPack });
  assert.throws(() => engine.annotate(42), TypeError);
  assert.throws(() => engine.annotate('x', { lexicon: { version: 1, add: 'no' } }), { message: /add/ });
  assert.throws(() => engine.annotate('x'.repeat(21 * 1024 * 1024)), { message: /at most 20 M/ });
  const r = engine.annotate('Le ministre est arrivé lundi à Paris.', { dct: '2024-05-08' });
  assert.deepEqual(r.spans.map((s) => [s.text, s.value?.country ?? s.value]), [['lundi', '2024-05-06'], ['Paris', 'FR']]);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(engine.annotateLarge('x '.repeat(10), {}, { signal: ac.signal }), { name: 'AbortError' });
});

test('splitChunks cuts at paragraph breaks and never inside a surrogate pair', () => {
  const text = ('a'.repeat(99) + '😀').repeat(50);
  const pieces = splitChunks(text, 64);
  assert.equal(pieces.map((p) => p.text).join(''), text);
  for (const p of pieces) {
    const c = p.text.charCodeAt(p.text.length - 1);
    assert.ok(!(c >= 0xd800 && c <= 0xdbff));
  }
  const paras = splitChunks('un deux.\n\ntrois quatre.\n\ncinq six.', 20);
  assert.deepEqual(paras.map((p) => p.text), ['un deux.\n\n', 'trois quatre.\n\n', 'cinq six.']);
  assert.deepEqual(paras.map((p) => p.cpStart), [0, 10, 25]);
});

test('senses: every gazetteer reading of a name, most prominent first', async () => {
  const tripoli = senses('Tripoli', 'fr');
  assert.ok(tripoli.length >= 2);
  assert.deepEqual(tripoli.slice(0, 2).map((r) => [r.kind, r.value.country, r.place_kind, r.country_name]),
    [['place', 'LY', 'city', 'Libye'], ['place', 'LB', 'city', 'Liban']]);
  assert.ok(tripoli[0].population > tripoli[1].population);
  assert.match(tripoli[1].value.ref, /^geonames:\d+$/);
  assert.equal(senses('Tripoli', 'en')[1].country_name, 'Lebanon');
  // Case, accents and hyphens do not matter; actors come with canonical name and type.
  assert.deepEqual(senses('DAECH').map((r) => [r.kind, r.value]), [['actor', { canonical: 'Islamic State', type: 'armed_group' }]]);
  assert.deepEqual(senses('Nowhereville-sur-Rien'), []);
  assert.deepEqual(senses(''), []);
  const engine = await loadEngine({ wasm, readPack });
  assert.deepEqual(engine.senses('Tripoli', 'fr'), tripoli);
  assert.throws(() => engine.senses(null), TypeError);
});
