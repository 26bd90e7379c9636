// A reference date for every dispatch, in the page (issue 10, part 5): when neither the text nor
// the editor gives a year, the page assumes one (core/assume-dct.js) and passes it to the engine;
// the core itself keeps XXXX. Runs the committed WebAssembly engine, as the page does.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { annotate } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { assumeDct, withAssumedDct, localToday } from '../../www/core/assume-dct.js';
import { Session } from '../../www/core/session.js';
import { exportJson } from '../../www/formats/json.js';
import { exportW3c } from '../../www/formats/w3c.js';

await initCore(glue);

const TODAY = '2026-02-10';
const engine = (text, opts) => annotate(text, opts);
const dates = (r) => r.spans.filter((s) => s.kind === 'date').map((s) => [s.text, s.value]);

test('assumeDct: the latest such day not after today; today without a dateline; nothing when the year is known', () => {
  assert.equal(assumeDct({ start: 0, end: 5, date: 'XXXX-03-03' }, TODAY), '2025-03-03', 'March is after 10 February: last year');
  assert.equal(assumeDct({ start: 0, end: 5, date: 'XXXX-02-10' }, TODAY), '2026-02-10', 'today itself');
  assert.equal(assumeDct({ start: 0, end: 5, date: 'XXXX-01-31' }, TODAY), '2026-01-31');
  assert.equal(assumeDct({ start: 0, end: 5, date: 'XXXX-02-29' }, TODAY), '2024-02-29', 'the last 29 February');
  assert.equal(assumeDct(null, TODAY), TODAY);
  assert.equal(assumeDct({ start: 0, end: 5, place: 'PARIS' }, TODAY), TODAY, 'a dateline without a date');
  assert.equal(assumeDct({ start: 0, end: 5, date: '2019-03-12' }, TODAY), null);
  assert.match(localToday(new Date(2031, 0, 5)), /^2031-01-05$/);
});

test('"PARIS, 3 mars (AFP) - ..." gets dates with the assumed year; the core alone keeps XXXX', () => {
  const text = 'PARIS, 3 mars (AFP) - Le ministre a annoncé mardi 5 mars une réunion le 12 mars.';
  const core = engine(text, {});
  assert.equal(core.dct, null);
  assert.deepEqual(dates(core).map(([, v]) => v.slice(0, 4)), ['XXXX', 'XXXX', 'XXXX']);
  const r = withAssumedDct(engine, () => TODAY)(text, {});
  assert.equal(r.dct, '2025-03-03');
  assert.equal(r.dct_assumed, true);
  assert.deepEqual(dates(r), [['3 mars', '2025-03-03'], ['mardi 5 mars', '2025-03-05'], ['12 mars', '2025-03-12']]);
  // no dateline: today
  const t2 = 'Le ministre a annoncé une réunion le 12 mars.';
  const r2 = withAssumedDct(engine, () => TODAY)(t2, {});
  assert.equal(r2.dct, TODAY);
  assert.equal(r2.dct_assumed, true);
  assert.deepEqual(dates(r2), [['12 mars', '2026-03-12']]);
});

test('an explicit dct set by the editor wins; a dateline with a year is used as is', () => {
  const a = withAssumedDct(engine, () => TODAY);
  const text = 'PARIS, 3 mars (AFP) - Le ministre a annoncé une réunion le 12 mars.';
  const set = a(text, { dct: '2019-03-03' });
  assert.equal(set.dct, '2019-03-03');
  assert.equal(set.dct_assumed, undefined);
  assert.deepEqual(dates(set).at(-1), ['12 mars', '2019-03-12']);
  const withYear = a('BEYROUTH, 12 mars 2019 (AFP) - Le ministre a annoncé une réunion le 15 mars.', {});
  assert.equal(withYear.dct, '2019-03-12');
  assert.equal(withYear.dct_assumed, undefined);
  assert.deepEqual(dates(withYear).at(-1), ['15 mars', '2019-03-15']);
});

test('an asynchronous engine (the worker) gets the assumed date too; the session shows it, the exports mark it', async () => {
  const calls = [];
  const slow = (text, opts) => { calls.push(opts.dct ?? null); return Promise.resolve(engine(text, opts)); };
  const session = new Session({ annotate: withAssumedDct(slow, () => TODAY) });
  const text = 'PARIS, 3 mars (AFP) - Le ministre a annoncé une réunion le 12 mars.';
  session.load({ id: 'p', title: 'Paris', text });
  await new Promise((ok) => session.addEventListener('change', ok, { once: true }));
  assert.deepEqual(calls, [null, '2025-03-03'], 'two passes: the first finds the dateline');
  assert.equal(session.result.dct_assumed, true);
  assert.equal(session.spans.find((s) => s.text === '12 mars').value, '2025-03-12');
  assert.equal(session.doc.dct, null, 'the doc keeps no date of its own: the editor did not set one');
  const item = { doc: session.doc, result: session.result, spans: session.spans };
  const json = JSON.parse(exportJson([item]).text).documents[0];
  assert.equal(json.dct, '2025-03-03');
  assert.equal(json.dct_assumed, true);
  assert.equal(json.settings.dct, null);
  const src = JSON.parse(exportW3c([item]).text)['depeche:sources'][0];
  assert.equal(src['depeche:dct'], '2025-03-03');
  assert.equal(src['depeche:dctAssumed'], true);
  assert.match(src['depeche:note'], /assumed/);
  // set by the editor: no longer assumed
  session.setDct('2019-03-03');
  await new Promise((ok) => session.addEventListener('change', ok, { once: true }));
  const after = JSON.parse(exportJson([{ doc: session.doc, result: session.result, spans: session.spans }]).text).documents[0];
  assert.equal(after.dct, '2019-03-03');
  assert.equal(after.dct_assumed, undefined);
});
