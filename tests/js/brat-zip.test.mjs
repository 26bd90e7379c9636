// Exports that tools read as they are (issue 10, part 8): brat as one .zip (.txt, .ann and an
// annotation.conf, written by www/formats/zip.js) that `unzip -t` and Python's zipfile accept,
// stored or deflated; the reference date kept in the annotation.conf and read back on import;
// the CSV with one column per value field, the review state (source) and the reference date.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zip, crc32 } from '../../www/formats/zip.js';
import { exportBrat, exportBratZip, importBrat, annotationConf } from '../../www/formats/brat.js';
import { exportCsv, sourceOf } from '../../www/formats/csv.js';
import { formatById } from '../../www/formats/index.js';
import { itemA, itemB, essential, docOf, spanOf } from './fixtures-formats.mjs';

const has = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const HAS_UNZIP = has('unzip', ['-v']);
const HAS_PYTHON = has('python3', ['-c', 'import zipfile']);

/** Writes `bytes` to a temporary .zip, runs fn(path), cleans up. */
function withZip(bytes, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-zip-'));
  const path = join(dir, 'x.zip');
  try {
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What Python's zipfile reads: [{name, method, text}] (and it checks every CRC on read). */
function pythonRead(path) {
  const py = 'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n'
    + 'print(json.dumps([{"name":i.filename,"method":i.compress_type,"text":z.read(i).decode("utf-8")} for i in z.infolist()]))';
  return JSON.parse(execFileSync('python3', ['-c', py, path], { encoding: 'utf8' }));
}

test('crc32 of the standard check string', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('zip refuses what would make a bad archive', async () => {
  await assert.rejects(zip([]), /no file/);
  await assert.rejects(zip([{ name: 'a', data: 'x' }, { name: 'a', data: 'y' }]), /two files named "a"/);
  await assert.rejects(zip([{ name: '../a', data: 'x' }]), /bad file name/);
  await assert.rejects(zip([{ name: 'a', data: 3 }]), /must be a string or a Uint8Array/);
});

for (const compress of [true, false]) {
  test(`brat-zip (${compress ? 'deflated' : 'stored'}): unzip -t and Python's zipfile read the .txt, .ann and annotation.conf`, { skip: !HAS_UNZIP && !HAS_PYTHON && 'neither unzip nor python3 here' }, async () => {
    const items = [itemA(), itemB()];
    const { filename, data } = await exportBratZip(items, { compress, date: new Date(2031, 2, 12, 9, 30, 0) });
    assert.equal(filename, 'depeche-2-dispatches.zip');
    assert.ok(data instanceof Uint8Array);
    const plain = exportBrat(items);
    withZip(data, (path) => {
      if (HAS_UNZIP) assert.match(execFileSync('unzip', ['-t', path], { encoding: 'utf8' }), /No errors detected/);
      if (!HAS_PYTHON) return;
      const got = pythonRead(path);
      assert.deepEqual(got.map((f) => f.name), [...plain.map((f) => f.filename), 'annotation.conf']);
      for (const f of plain) assert.equal(got.find((g) => g.name === f.filename).text, f.text, f.filename);
      assert.ok(got.every((f) => f.method === 0 || (compress && f.method === 8)));
      if (compress && typeof CompressionStream === 'function') assert.ok(got.some((f) => f.method === 8), 'the texts are deflated where the runtime can');
      const conf = got.find((f) => f.name === 'annotation.conf').text;
      assert.match(conf, /^\[entities\]\nActor\nPlace\nDate\n\[relations\]\n\[events\]\n\[attributes\]\n$/m);
      assert.match(conf, /^# depeche: valmore-the-bridge\.txt dct 2031-03-12 \(set by the editor\)$/m);
      assert.ok(!/harlow\.txt dct/.test(conf), 'no reference date, no line');
    });
  });
}

test('brat import reads the reference date back from the annotation.conf', () => {
  const a = itemA();
  const [txt, ann] = exportBrat([a]);
  const conf = annotationConf([a], ['valmore-the-bridge']);
  const [got] = importBrat({ txt: txt.text, ann: ann.text, conf }, 'valmore-the-bridge.ann');
  assert.equal(got.doc.dct, '2031-03-12');
  assert.deepEqual(essential(got.spans), essential(a.spans));
  // without the conf, as before
  assert.equal(importBrat({ txt: txt.text, ann: ann.text }, 'valmore-the-bridge.ann')[0].doc.dct, null);
  // an assumed date is kept; one from the dateline is found in the text again
  const assumed = { ...itemB(), result: { lang: 'en', dct: '2031-03-03', dct_assumed: true, dateline: null, spans: [] } };
  const b = exportBrat([assumed]);
  const confB = annotationConf([assumed], ['harlow']);
  assert.match(confB, /harlow\.txt dct 2031-03-03 \(assumed\)/);
  assert.equal(importBrat({ txt: b[0].text, ann: b[1].text, conf: confB }, 'harlow.txt')[0].doc.dct, '2031-03-03');
  const dl = { ...a, doc: { ...a.doc, dct: null } };
  const confDl = annotationConf([dl], ['valmore-the-bridge']);
  assert.match(confDl, /dct 2031-03-12 \(from the dateline\)/);
  assert.equal(importBrat({ txt: txt.text, ann: ann.text, conf: confDl }, 'valmore-the-bridge.txt')[0].doc.dct, null);
});

test('the registry: brat stays two files for its callers; brat-zip is binary', async () => {
  assert.equal(Array.isArray(formatById('brat').export([itemB()])), true);
  const z = formatById('brat-zip');
  assert.equal(z.binary, true);
  assert.equal(z.ext, 'zip');
  const out = await z.export([itemB()]);
  assert.equal(out.filename, 'harlow.zip');
  assert.deepEqual([...out.data.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
});

test('csv: a column per value field, the review state and the reference date', () => {
  const text = 'Kakuma, 3 mars - Le HCR et Tripoli.';
  const spans = [
    { ...spanOf(text, 'Kakuma', 'place', { country: 'KE', lat: 3.7136, lon: -34.8572, ref: 'geonames:195197' }), source: 'lexicon' },
    { ...spanOf(text, '3 mars', 'date', '2031-03-03'), source: 'user' },
    { ...spanOf(text, 'HCR', 'actor', { canonical: 'UNHCR', type: 'igo' }), source: 'accepted' },
    spanOf(text, 'Tripoli', 'place'),
  ];
  const csv = exportCsv([{ doc: docOf('d', 'Kakuma', text), result: { lang: 'fr', dct: '2031-03-03', dct_assumed: true, dateline: { start: 0, end: 15, place: 'Kakuma', date: 'XXXX-03-03' }, spans: [] }, spans }]).text;
  const rows = csv.slice(1).trimEnd().split('\r\n').map((r) => r.split(','));
  const col = (name) => rows[0].indexOf(name);
  const get = (r, name) => rows[r][col(name)];
  assert.deepEqual(['date', 'country', 'lat', 'lon', 'ref', 'canonical', 'type', 'source', 'dct', 'dct_note'].map((c) => col(c) > 5), Array(10).fill(true));
  assert.deepEqual([get(1, 'country'), get(1, 'lat'), get(1, 'lon'), get(1, 'ref'), get(1, 'source')], ['KE', '3.7136', '-34.8572', 'geonames:195197', 'automatic'],
    'coordinates are numbers, not defused');
  assert.deepEqual([get(2, 'date'), get(2, 'source')], ['2031-03-03', 'corrected']);
  assert.deepEqual([get(3, 'canonical'), get(3, 'type'), get(3, 'source')], ['UNHCR', 'igo', 'accepted']);
  assert.deepEqual([get(4, 'country'), get(4, 'source')], ['', 'automatic']);
  assert.deepEqual([get(1, 'dct'), get(1, 'dct_note')], ['2031-03-03', 'assumed']);
  assert.equal(sourceOf({ source: 'rule' }), 'automatic');
});
