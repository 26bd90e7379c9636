// Tests for www/formats/: every importable format round-trips (text and spans: kind, start, end,
// text, value) on dispatches with emoji, combining accents, NBSP, a span across a line break,
// <script> and quotes; imports reject bad input with messages that say where; the export-only
// formats write what their module comments promise (CoNLL tags, RFC 4180 + formula defusing,
// airtight HTML escaping).
import test from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS, formatById, IMPORTERS, FormatError } from '../../www/formats/index.js';
import { exportJson, importJson } from '../../www/formats/json.js';
import { exportW3c, importW3c, findQuote } from '../../www/formats/w3c.js';
import { exportBrat, importBrat } from '../../www/formats/brat.js';
import { exportConll, tokenize } from '../../www/formats/conll.js';
import { exportCsv } from '../../www/formats/csv.js';
import { exportHtml, escapeHtml } from '../../www/formats/html.js';
import { locateJsonError, slug } from '../../www/formats/common.js';
import { TEXT_A, SPANS_A, TEXT_B, SPANS_B, itemA, itemB, docOf, essential, spanOf } from './fixtures-formats.mjs';

/** Runs an import and returns the FormatError's message (fails when it does not throw one). */
function importError(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof FormatError, `expected a FormatError, got ${e && e.name}: ${e && e.message}`);
    return e.message;
  }
  assert.fail('the import did not fail');
}

// ---------------------------------------------------------------- registry

test('the registry lists the seven formats; json, w3c and brat import', () => {
  assert.deepEqual(FORMATS.map((f) => f.id), ['json', 'w3c', 'brat', 'brat-zip', 'conll', 'csv', 'html']);
  assert.deepEqual(IMPORTERS.map((f) => f.id), ['json', 'w3c', 'brat']);
  for (const f of FORMATS) {
    assert.equal(typeof f.label, 'string');
    assert.match(f.ext, /^[a-z]+$/);
    assert.match(f.mime, /^[a-z]+\/[a-z+.-]+/);
    assert.equal(typeof f.export, 'function');
  }
  assert.equal(formatById('brat').importInput, 'txt+ann');
  assert.throws(() => formatById('docx'), /unknown format "docx"/);
});

test('every export refuses an empty list and spans that do not fit the text', async () => {
  for (const f of FORMATS) {
    const run = f.binary ? async (items) => { try { await f.export(items); } catch (e) { return () => { throw e; }; } return () => {}; } : async (items) => () => f.export(items);
    assert.match(importError(await run([])), /nothing to export/);
    const bad = { ...itemB(), spans: [{ start: 0, end: 6, kind: 'place', text: 'HARLOX' }] };
    assert.match(importError(await run([bad])), /export, document 1 \(id "b\/2 \?&"\), spans\[0\]: its text "HARLOX" is not the text at 0\.\.6/);
  }
});

// ---------------------------------------------------------------- round trips

const roundTrips = {
  json: (items) => importJson(exportJson(items).text, 'x.json'),
  w3c: (items) => importW3c(exportW3c(items).text, 'x.jsonld'),
  brat: (items) => {
    const files = exportBrat(items);
    const out = [];
    for (let k = 0; k < files.length; k += 2) out.push(...importBrat({ txt: files[k].text, ann: files[k + 1].text }, files[k].filename));
    return out;
  },
};

for (const [id, roundTrip] of Object.entries(roundTrips)) {
  test(`${id}: export then import gives the same texts and spans`, () => {
    const items = [itemA(), itemB()];
    const back = roundTrip(items);
    assert.equal(back.length, 2);
    back.forEach((got, k) => {
      assert.equal(got.doc.text, items[k].doc.text);
      assert.deepEqual(essential(got.spans), essential(items[k].spans));
      assert.deepEqual(got.doc.corrections, []);
      assert.deepEqual(got.warnings, []);
    });
  });

  test(`${id}: a dispatch with no span and an empty dispatch round-trip`, () => {
    const back = roundTrip([{ doc: docOf('n', 'nothing', 'Rien à signaler 😴\n'), result: null, spans: [] }]);
    assert.equal(back[0].doc.text, 'Rien à signaler 😴\n');
    assert.deepEqual(back[0].spans, []);
    if (id !== 'brat') {
      const empty = roundTrip([{ doc: docOf('e', 'empty', ''), result: null, spans: [] }]);
      assert.equal(empty[0].doc.text, '');
    }
  });
}

test('json and w3c also restore id, title, settings, dates and orphans', () => {
  for (const id of ['json', 'w3c']) {
    const [a, b] = roundTrips[id]([itemA(), itemB()]);
    assert.equal(a.doc.id, 'dispatch-a');
    assert.equal(b.doc.id, 'b/2 ?&');
    assert.equal(a.doc.title, 'Valmore: the bridge');
    assert.equal(a.doc.lang, 'fr');
    assert.equal(a.doc.dct, '2031-03-12');
    assert.equal(b.doc.lang, 'auto');
    assert.equal(b.doc.dct, null);
    assert.deepEqual(a.doc.orphans, itemA().doc.orphans);
    assert.equal(a.doc.created, '2031-03-12T08:00:00.000Z');
    assert.equal(a.doc.updated, '2031-03-12T09:30:00.000Z');
    assert.equal(a.spans[0].source, 'rule', `${id} keeps the span source`);
  }
});

// ---------------------------------------------------------------- JSON

test('json export: FORMAT.md result + id/title/text, one span per line', () => {
  const { filename, text } = exportJson([itemA()]);
  assert.equal(filename, 'valmore-the-bridge.json');
  const data = JSON.parse(text);
  assert.equal(data.depeche, 1);
  const d = data.documents[0];
  for (const k of ['id', 'title', 'lang', 'dct', 'dateline', 'text', 'spans', 'corrections', 'orphans']) assert.ok(k in d, k);
  assert.equal(d.lang, 'fr');
  assert.deepEqual(d.dateline, itemA().result.dateline);
  assert.deepEqual(Object.keys(d.spans[0]), ['start', 'end', 'kind', 'text', 'value', 'source']);
  assert.ok(text.includes('\n        {"start":0,"end":7,"kind":"place","text":"VALMORE","value":{"country":"FR"},"source":"rule"},\n'));
  assert.equal(exportJson([itemA(), itemB()]).filename, 'depeche-2-dispatches.json');
});

test('json import: one gold document, a list, JSON Lines, with a byte order mark', () => {
  const gold = { id: 'g1', lang: 'en', dct: '2031-03-03', text: TEXT_B, spans: SPANS_B };
  const one = importJson(JSON.stringify(gold));
  assert.equal(one.length, 1);
  assert.equal(one[0].doc.id, 'g1');
  assert.equal(one[0].doc.lang, 'en');
  assert.equal(one[0].doc.dct, '2031-03-03');
  assert.equal(one[0].doc.title, TEXT_B.slice(0, 79) + '…');
  assert.deepEqual(essential(one[0].spans), essential(SPANS_B));
  const list = importJson(JSON.stringify([gold, { ...gold, id: 7 }]));
  assert.deepEqual(list.map((x) => x.doc.id), ['g1', '7']);
  const lines = importJson('\uFEFF' + JSON.stringify(gold) + '\r\n\n' + JSON.stringify({ ...gold, id: 'g2' }) + '\n');
  assert.deepEqual(lines.map((x) => x.doc.id), ['g1', 'g2']);
  assert.deepEqual(essential(lines[1].spans), essential(SPANS_B));
});

test('json import: a span without text gets the covered text; a document without spans has spans undefined', () => {
  const spans = SPANS_A.map(({ text, ...rest }) => rest);
  const [got] = importJson(JSON.stringify({ text: TEXT_A, spans }));
  assert.deepEqual(got.spans.map((s) => s.text), SPANS_A.map((s) => s.text));
  assert.equal(typeof got.doc.id, 'string');
  assert.ok(got.doc.id.length > 0);
  const [plain] = importJson('{"id": "p", "text": "juste un texte"}');
  assert.equal(plain.spans, undefined);
  // Spans given out of order are sorted.
  const [sorted] = importJson(JSON.stringify({ text: TEXT_B, spans: [...SPANS_B].reverse() }));
  assert.deepEqual(sorted.spans.map((s) => s.start), SPANS_B.map((s) => s.start));
});

test('json import: strict errors say what is wrong and where', () => {
  const doc = (spans, extra = {}) => JSON.stringify({ id: 'd9', text: TEXT_B, spans, ...extra });
  const s0 = SPANS_B[0];
  const cases = [
    [doc([s0, { ...SPANS_B[1], end: 999 }]), /^JSON import \(f\.json\), document "d9", spans\[1\]: end 999 is past the end of the text \(\d+ characters\)$/],
    [doc([{ ...s0, text: 'Harlow' }]), /spans\[0\]: its text "Harlow" is not the text at 0\.\.6, which is "HARLOW"/],
    [doc([{ ...s0, kind: 'person' }]), /spans\[0\]: unknown kind "person" \(expected actor, place, date\)/],
    [doc([s0, { start: 2, end: 8, kind: 'actor' }]), /spans\[1\]: the span 2\.\.8 "RLOW, " overlaps spans\[0\] 0\.\.6 "HARLOW"; spans must not overlap/],
    [doc([{ ...s0, start: 1.5 }]), /spans\[0\]: "start" and "end" must be whole numbers/],
    [doc([{ ...s0, start: 6 }]), /spans\[0\]: end 6 must be greater than start 6/],
    [doc([{ ...s0, start: -1 }]), /start -1 is negative/],
    [doc([{ ...SPANS_B[1], value: 20310303 }]), /a date's value must be a string/],
    [doc([{ ...s0, value: 'FR' }]), /a place's value must be an object/],
    [doc(['HARLOW']), /a span must be an object, not the string "HARLOW"/],
    [doc({}), /"spans" must be a list, not an object/],
    [doc([], { dct: '12/03/2031' }), /"dct" must be a date YYYY-MM-DD or null/],
    [JSON.stringify({ lang: 'fr', spans: [] }), /has no "text"/],
    [JSON.stringify({ depeche: 2, documents: [] }), /unsupported "depeche" version 2/],
    [JSON.stringify({ depeche: 1, documents: [] }), /"documents" is empty/],
    ['[]', /the list holds no document/],
    ['"text"', /expected a JSON object or list, not the string "text"/],
    ['   \n', /the file is empty/],
  ];
  for (const [input, re] of cases) assert.match(importError(() => importJson(input, 'f.json')), re, input.slice(0, 80));
  // The document number in a list.
  const msg = importError(() => importJson(JSON.stringify([{ text: 'a' }, { id: 'x', text: 'ab', spans: [{ start: 0, end: 3, kind: 'actor' }] }])));
  assert.match(msg, /^JSON import, document 2 \(id "x"\), spans\[0\]: end 3 is past the end of the text \(2 characters\)$/);
});

test('json import: offsets count code points (an emoji before a span)', () => {
  const text = '😀😀 Port Ivel de Valmore';
  const [ok] = importJson(JSON.stringify({ text, spans: [{ start: 3, end: 12, kind: 'place' }] }));
  assert.equal(ok.spans[0].text, 'Port Ivel');
  // UTF-16 offsets (5..14) are caught: the text there is not the span's text.
  const msg = importError(() => importJson(JSON.stringify({ text, spans: [{ start: 5, end: 14, kind: 'place', text: 'Port Ivel' }] })));
  assert.match(msg, /offsets count code points/);
});

test('json import: broken JSON gets a line and column, never a bare SyntaxError', () => {
  const broken = '{\n  "id": "x",\n  "text": "abc",\n  "spans": [\n    {"start": 0, "end": 1, "kind": "actor",}\n  ]\n}';
  const err = importError(() => importJson(broken, 'b.json'));
  assert.equal(err, 'JSON import (b.json): not valid JSON at line 5, column 44: expected a property name in double quotes');
  assert.match(importError(() => importJson('{"text": "abc', 'b.json')), /line 1, column 10: the string that starts here never ends/);
  assert.match(importError(() => importJson('{"text": "a\tb"}')), /a raw line break or control character inside a string/);
  assert.match(importError(() => importJson('{"a": tru}')), /line 1, column 7: unexpected "t" where a value was expected/);
  assert.match(importError(() => importJson('{"a": 1} x')), /unexpected text after the end of the JSON value/);
  assert.match(importError(() => importJson("{'a': 1}")), /expected a property name in double quotes/);
  // JSON Lines: the line of the file, the column in it.
  const jl = '{"text": "a"}\n{"text": "b"}\n{"text": "c",}\n';
  assert.equal(importError(() => importJson(jl, 'x.jsonl')), 'JSON import (x.jsonl), line 3: not valid JSON at column 14: expected a property name in double quotes');
  const jl2 = '{"text": "a"}\n{"id": "z", "text": "b", "spans": [{"start": 0, "end": 1, "kind": "thing"}]}\n';
  assert.match(importError(() => importJson(jl2)), /^JSON import, line 2, document "z", spans\[0\]: unknown kind "thing"/);
  // The locator agrees with JSON.parse about what is valid.
  for (const ok of ['{}', '[]', '0', '-1.5e3', '"\\u00e9"', '{"a":[1,{"b":null}],"c":true}']) assert.equal(locateJsonError(ok), null, ok);
  for (const bad of ['{', '[1,]', '01', '"\\x"', '{"a" 1}', '[1 2]', 'nul']) assert.notEqual(locateJsonError(bad), null, bad);
});

// ---------------------------------------------------------------- W3C

test('w3c export: an AnnotationCollection of annotations with quote and code point position', () => {
  const { filename, text } = exportW3c([itemA()]);
  assert.equal(filename, 'valmore-the-bridge.jsonld');
  const c = JSON.parse(text);
  assert.equal(c.type, 'AnnotationCollection');
  assert.equal(c['@context'][0], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(c.total, SPANS_A.length);
  assert.equal(c['depeche:sources'][0].value, TEXT_A);
  assert.equal(c['depeche:sources'][0].id, 'urn:depeche:doc:dispatch-a');
  const items = c.first.items;
  assert.equal(c.first.type, 'AnnotationPage');
  assert.equal(items.length, SPANS_A.length);
  const dragon = items[9];
  assert.equal(dragon['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(dragon.type, 'Annotation');
  assert.deepEqual(dragon.body[0], { type: 'TextualBody', purpose: 'tagging', value: 'actor' });
  assert.equal(dragon.body[1].purpose, 'identifying');
  assert.equal(dragon.body[1].format, 'application/json');
  assert.deepEqual(JSON.parse(dragon.body[1].value), SPANS_A[9].value);
  const [q, p] = dragon.target.selector;
  assert.equal(q.type, 'TextQuoteSelector');
  assert.equal(q.exact, '🐉 Dragon Rouge');
  assert.equal(Array.from(q.prefix).length, 32);
  assert.ok(TEXT_A.includes(q.prefix + q.exact + q.suffix));
  assert.deepEqual(p, { type: 'TextPositionSelector', start: SPANS_A[9].start, end: SPANS_A[9].end });
  assert.notEqual(p.start, TEXT_A.indexOf('🐉'), 'code points, not UTF-16 units');
  const date = items[1];
  assert.deepEqual(date.body[1], { type: 'TextualBody', purpose: 'identifying', format: 'text/plain', value: '2031-03-12' });
});

test('w3c import: a position that misses is re-found by quote, prefix and suffix', () => {
  const text = 'Port Ivel et Port Ivel, puis encore Port Ivel.';
  const anno = (selector) => ({
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'tagging', value: 'Place' },
    target: { source: { id: 'urn:x', type: 'TextualBody', value: text }, selector },
  });
  const second = text.indexOf('Port Ivel', 1);
  // The text moved: position 0..9 now holds the first occurrence, the quote's context says the second.
  const [got] = importW3c(JSON.stringify([anno([
    { type: 'TextQuoteSelector', exact: 'Port Ivel', prefix: 'Ivel et ', suffix: ', puis' },
    { type: 'TextPositionSelector', start: 37, end: 46 },
  ])]));
  assert.deepEqual(essential(got.spans), [{ start: second, end: second + 9, kind: 'place', text: 'Port Ivel' }]);
  assert.match(got.warnings[0], /position 37\.\.46 did not hold "Port Ivel"; found it by its quote at 13\.\.22/);
  assert.equal(got.doc.id, 'urn:x');
  // No context: the occurrence nearest the stated position.
  const [near] = importW3c(JSON.stringify([anno([
    { type: 'TextQuoteSelector', exact: 'Port Ivel' },
    { type: 'TextPositionSelector', start: 35, end: 40 },
  ])]));
  assert.equal(near.spans[0].start, 36);
  // Position alone.
  const [pos] = importW3c(JSON.stringify(anno({ type: 'TextPositionSelector', start: 0, end: 4 })));
  assert.equal(pos.spans[0].text, 'Port');
  // Neither holds.
  assert.match(
    importError(() => importW3c(JSON.stringify([anno([{ type: 'TextQuoteSelector', exact: 'Kessel' }, { type: 'TextPositionSelector', start: 0, end: 6 }])]), 'w.jsonld')),
    /^W3C import \(w\.jsonld\), annotation 1: its quote "Kessel" is not in the text and its position 0\.\.6 does not hold it$/,
  );
  assert.equal(findQuote('abcabc', 'abc', 'c', ''), 3);
});

test('w3c import: errors for what cannot be read', () => {
  const base = JSON.parse(exportW3c([itemB()]).text);
  const withItem = (mut) => {
    const c = structuredClone(base);
    mut(c.first.items[1], c);
    return JSON.stringify(c);
  };
  const cases = [
    [withItem((a) => (a.body[0].value = 'organisation')), /annotation 2: unknown kind "organisation" in its tagging body/],
    [withItem((a) => (a.body = [])), /annotation 2: it has no tagging body naming its kind/],
    [withItem((a) => (a.target.source = 'urn:elsewhere')), /annotation 2: the text of its target "urn:elsewhere" is not embedded/],
    [withItem((a) => (a.target.selector = [])), /annotation 2: its target has neither a TextQuoteSelector nor a TextPositionSelector/],
    [withItem((a) => (a.body[1] = { type: 'TextualBody', purpose: 'identifying', format: 'application/json', value: '{oops' })), /annotation 2: its identifying body says application\/json but its value is not valid JSON/],
    [withItem((a, c) => (c.first.items[2].target.selector[1].start = 5, c.first.items[2].target.selector[0].exact = 'March 3 (Wire)')), /annotation 3: the span 8\.\.22 "March 3 \(Wire\)" overlaps annotation 2 8\.\.15 "March 3"/],
    [withItem((a) => (a.type = 'Note')), /annotation 2: its type is "Note", not "Annotation"/],
    [JSON.stringify({ type: 'Something' }), /found type "Something"/],
    [JSON.stringify({ type: 'AnnotationCollection', first: 'urn:page1' }), /must be an embedded AnnotationPage/],
    [JSON.stringify([]), /nothing to import/],
  ];
  for (const [input, re] of cases) assert.match(importError(() => importW3c(input)), re);
});

test('w3c import: an AnnotationPage and a single Annotation with an embedded source', () => {
  const c = JSON.parse(exportW3c([itemB()]).text);
  const page = { ...c.first, 'depeche:sources': c['depeche:sources'] };
  const [fromPage] = importW3c(JSON.stringify(page));
  assert.deepEqual(essential(fromPage.spans), essential(SPANS_B));
  const one = { ...c.first.items[2], target: { ...c.first.items[2].target, source: c['depeche:sources'][0] } };
  const [single] = importW3c(JSON.stringify(one));
  assert.deepEqual(essential(single.spans), essential([SPANS_B[2]]));
  assert.equal(single.doc.id, 'b/2 ?&');
});

// ---------------------------------------------------------------- brat

test('brat export: T lines with code point offsets, values as notes, fragments around line breaks', () => {
  const files = exportBrat([itemA(), itemB(), { ...itemB(), doc: { ...itemB().doc, id: 'other' } }]);
  assert.deepEqual(files.map((f) => f.filename), [
    'valmore-the-bridge.txt', 'valmore-the-bridge.ann', 'harlow.txt', 'harlow.ann', 'harlow-2.txt', 'harlow-2.ann',
  ]);
  assert.equal(files[0].text, TEXT_A);
  const ann = files[1].text.split('\n');
  assert.equal(ann[0], `T1\tPlace 0 7\tVALMORE`);
  assert.equal(ann[1], `#1\tAnnotatorNotes T1\t{"country":"FR"}`);
  assert.equal(ann[2], `T2\tDate 9 21\t12 mars 2031`);
  assert.equal(ann[3], `#2\tAnnotatorNotes T2\t2031-03-12`);
  const council = SPANS_A[7];
  const nl = council.start + 'Conseil'.length;
  assert.ok(ann.includes(`T8\tActor ${council.start} ${nl};${nl + 1} ${council.end}\tConseil national`), files[1].text);
  const dragon = SPANS_A[9];
  assert.ok(ann.includes(`T10\tActor ${dragon.start} ${dragon.end}\t🐉 Dragon Rouge`));
  assert.ok(files[1].text.endsWith('\n'));
});

test('brat import: reads entity types case-insensitively, ignores relations with a warning', () => {
  const txt = 'Le Conseil\nnational siège à Valmore.';
  const ann = 'T1\tACTOR 3 10;11 19\tConseil national\nT2\tplace 28 35\tValmore\nR1\tLocated Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T2\t{"country":"FR"}\n#2\tAnnotatorNotes T1\tvoir archives\n';
  const [got] = importBrat({ txt, ann }, 'c.ann');
  assert.deepEqual(essential(got.spans), [
    { start: 3, end: 19, kind: 'actor', text: 'Conseil\nnational' },
    { start: 28, end: 35, kind: 'place', text: 'Valmore', value: { country: 'FR' } },
  ]);
  assert.deepEqual(got.warnings, [
    'line 5: the note "voir archives" is not a actor value (JSON object); left out',
    'c.ann: ignored 1 relation (depeche keeps entities and their notes)',
  ]);
  assert.equal(got.doc.title, 'Le Conseil');
});

test('brat import: errors name the .ann line', () => {
  const txt = 'Les Brigades de l\u2019Aube tiennent Valmore.';
  const cases = [
    ['T1\tPerson 4 22\tBrigades de l\u2019Aube', /^brat import \(x\.ann\), line 1: entity type "Person" is not Actor, Place or Date$/],
    ['T1\tActor 4 22\tBrigades', /line 1: its text "Brigades" is not the text at 4 22, which is "Brigades de l’Aube"/],
    ['\nT1\tActor 4 12;16 22\tBrigades l\u2019Aube', /line 2: a discontinuous entity with " de " between its parts/],
    ['T1\tActor 4 99\tx', /line 1: fragment 4 99 is past the end of the text/],
    ['T1\tActor four 12\tx', /line 1: cannot read "Actor four 12"/],
    ['T1 Actor 4 12 Brigades', /^brat import \(x\.ann\), line 1: cannot read the line "T1 Actor 4 12 Brigades": brat separates its fields with tabs$/],
    ['T1\tActor 4 22\tBrigades de l\u2019Aube\nT2\tPlace 16 22\tl\u2019Aube', /line 2: the span 16\.\.22 "l’Aube" overlaps line 1 4\.\.22/],
    ['T1\tActor 4 22\tBrigades de l\u2019Aube\nT1\tPlace 32 39\tValmore', /line 2: T1 is defined twice/],
    ['#1\tAnnotatorNotes T7\t{}', /line 1: the note is about T7, which is not defined/],
    ['T1\tDate 32 39\tValmore\n#1\tAnnotatorNotes T1\t{"a": 1}', /line 2: the note's JSON is an object, which is not a value for a date/],
    ['T1\tPlace 32 39\tValmore\n#1\tAnnotatorNotes T1\t{"a": 1', /line 2: the note "\{\\"a\\": 1" starts like JSON but is not valid JSON/],
    ['T1\tActor constructor\tx', /cannot read "Actor constructor"/],
  ];
  for (const [ann, re] of cases) assert.match(importError(() => importBrat({ txt, ann }, 'x.ann')), re, ann);
  assert.match(importError(() => importBrat({ txt }, 'x.txt')), /needs both files/);
  assert.match(importError(() => importBrat({ txt: 'a constructor b', ann: 'T1\tconstructor 2 13\tconstructor' })), /entity type "constructor" is not Actor/);
});

// ---------------------------------------------------------------- CoNLL

test('conll: IOB2 tags, span boundaries cut tokens, sentences and documents separated', () => {
  const text = 'M. Vark a vu le Harbour Guard à Port-Ivel.\nLundi,Al-Qaïm 😀 !';
  const spans = [
    spanOf(text, 'Vark', 'actor'),
    spanOf(text, 'Harbour Guard', 'actor'),
    spanOf(text, 'Port-Ivel', 'place'),
    spanOf(text, 'Lundi', 'date'),
    spanOf(text, 'Qaïm', 'place'),
  ];
  const { filename, text: out } = exportConll([{ doc: docOf('c', 'Conll test', text), result: null, spans }, itemB()]);
  assert.equal(filename, 'depeche-2-dispatches.conll');
  const docs = out.split('-DOCSTART-\tO\n\n');
  assert.equal(docs.length, 3);
  assert.equal(docs[0], '');
  assert.equal(docs[1], [
    'M\tO', '.\tO', 'Vark\tB-ACTOR', 'a\tO', 'vu\tO', 'le\tO', 'Harbour\tB-ACTOR', 'Guard\tI-ACTOR', 'à\tO', 'Port-Ivel\tB-PLACE', '.\tO', '',
    'Lundi\tB-DATE', ',\tO', 'Al-\tO', 'Qaïm\tB-PLACE', '😀\tO', '!\tO', '', '',
  ].join('\n'));
  assert.ok(docs[2].includes('Harbour\tB-ACTOR\nGuard\tI-ACTOR\n'));
  assert.ok(docs[2].includes('=\tO\nSUM\tO\n(\tO\nA1\tO\n)\tO\n'));
  // Adjacent spans of the same kind both begin with B-.
  const t2 = 'Valmore Harlow';
  const adj = exportConll([{ doc: docOf('d', 't', t2), result: null, spans: [spanOf(t2, 'Valmore', 'place'), spanOf(t2, 'Harlow', 'place')] }]).text;
  assert.ok(adj.includes('Valmore\tB-PLACE\nHarlow\tB-PLACE\n'));
  // A span across a line break stays one entity, one sentence.
  const a = exportConll([itemA()]).text;
  assert.ok(a.includes('Conseil\tB-ACTOR\nnational\tI-ACTOR\n'), a);
});

test('conll tokenizer: combining marks stay on their letter, NBSP separates, cuts split', () => {
  const text = 'Mé\u0301nard\u00a0l\u2019Aube';
  const toks = tokenize(text).map((t) => text.slice(t.start, t.end));
  assert.deepEqual(toks, ['Mé\u0301nard', 'l', '\u2019', 'Aube']);
  const emoji = '🇫🇷,👩\u200D🚒 ❤\uFE0F!';
  assert.deepEqual(tokenize(emoji).map((t) => emoji.slice(t.start, t.end)), ['🇫🇷', ',', '👩\u200D🚒', '❤\uFE0F', '!']);
  const cut = tokenize('abcdef', [2, 4]).map((t) => [t.start, t.end]);
  assert.deepEqual(cut, [[0, 2], [2, 4], [4, 6]]);
});

// ---------------------------------------------------------------- CSV

/** A small RFC 4180 reader, to check the export parses back to the intended cells. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') row.push(field), (field = ''), i++;
    else if (c === '\r' && s[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\n' || c === '\r') assert.fail(`bare line break at ${i}`);
    else (field += c), i++;
  }
  assert.equal(field, '');
  assert.deepEqual(row, []);
  return rows;
}

test('csv: header, CRLF, quoting, value summaries, defused formulas', () => {
  const formula = 'Q =1+1, "x"';
  const text = '=HYPERLINK("http://evil")\n+33 -5 @foo\tbar ' + formula;
  const spans = [
    spanOf(text, '=HYPERLINK("http://evil")', 'actor', { canonical: '@evil', type: 'person' }),
    spanOf(text, '+33', 'date', '-0033'),
    spanOf(text, '-5 @foo', 'place', { lat: 1 }),
    spanOf(text, formula, 'place', { country: 'FR', ref: 'x' }),
  ];
  const { filename, text: csv } = exportCsv([{ doc: docOf('d1', '-title, "quoted"', text), result: null, spans }, itemB()]);
  assert.equal(filename, 'depeche-2-dispatches.csv');
  assert.ok(csv.startsWith('\uFEFFdoc,kind,text,value,start,end,date,country,lat,lon,ref,canonical,type,source,dct,dct_note\r\n'));
  assert.ok(csv.endsWith('\r\n'));
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0], ['doc', 'kind', 'text', 'value', 'start', 'end', 'date', 'country', 'lat', 'lon', 'ref', 'canonical', 'type', 'source', 'dct', 'dct_note']);
  const six = (r) => r.slice(0, 6);
  assert.deepEqual(six(rows[1]), ["'-title, \"quoted\"", 'actor', '\'=HYPERLINK("http://evil")', "'@evil", '0', '25']);
  assert.deepEqual(rows[1].slice(6, 13), ['', '', '', '', '', "'@evil", 'person'], 'the canonical name is defused in its own column too');
  assert.deepEqual(six(rows[2]), ["'-title, \"quoted\"", 'date', "'+33", "'-0033", '26', '29']);
  assert.equal(rows[2][6], "'-0033");
  assert.deepEqual(six(rows[3]), ["'-title, \"quoted\"", 'place', "'-5 @foo", '{"lat":1}', '30', '37']);
  assert.deepEqual(rows[3].slice(6, 11), ['', '', '1', '', '']);
  assert.deepEqual(rows[4].slice(2, 4), [formula, 'FR']);
  assert.deepEqual(rows[4].slice(7, 11), ['FR', '', '', 'x']);
  assert.deepEqual(six(rows[6]), ['Harlow', 'date', 'March 3', 'XXXX-03-03', String(SPANS_B[1].start), String(SPANS_B[1].end)]);
  assert.equal(rows[6][6], 'XXXX-03-03');
  assert.equal(rows.length, 1 + 4 + SPANS_B.length);
  // Tab and CR at the start are defused too; offsets are code points.
  const t2 = '😀\tTab';
  const r2 = parseCsv(exportCsv([{ doc: docOf('d', 'x', t2), result: null, spans: [{ start: 1, end: 5, kind: 'actor', text: '\tTab' }] }]).text.slice(1));
  assert.deepEqual(r2[1].slice(0, 6), ['x', 'actor', "'\tTab", '', '1', '5']);
});

// ---------------------------------------------------------------- HTML

test('html: escapeHtml replaces the five characters and broken surrogates', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(escapeHtml('ok 😀 \ud800 x\u0000'), 'ok 😀 \uFFFD x\uFFFD');
  assert.equal(escapeHtml('\udc00\ud83d\ude00'), '\uFFFD😀');
});

test('html: <p> per line, <mark> per span, every piece of user text escaped', () => {
  const { filename, text: html } = exportHtml([itemA()]);
  assert.equal(filename, 'valmore-the-bridge.html');
  assert.ok(!html.includes('<script'), 'no live script tag');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(html.startsWith('<article class="depeche-dispatch" lang="fr" data-id="dispatch-a">\n<p>'));
  assert.equal((html.match(/<p>/g) ?? []).length, 4);
  assert.ok(html.includes('<mark class="depeche-place" data-kind="place" data-value="{&quot;country&quot;:&quot;FR&quot;}">VALMORE</mark>'));
  assert.ok(html.includes('<mark class="depeche-date" data-kind="date" data-value="2031-03-12">12 mars 2031</mark>'));
  assert.ok(html.includes('<mark class="depeche-actor" data-kind="actor">Observatoire des frontières</mark>'));
  // The span across a line break: one mark on each line, same value.
  assert.ok(html.includes('Le <mark class="depeche-actor" data-kind="actor" data-value="{&quot;canonical&quot;:&quot;National Council \\&quot;CN\\&quot;&quot;,&quot;type&quot;:&quot;government&quot;}">Conseil</mark></p>\n<p><mark class="depeche-actor"'));
  // A value with markup stays inside its attribute.
  assert.ok(html.includes('data-value="{&quot;canonical&quot;:&quot;&lt;b&gt;Dragon&lt;/b&gt; &amp; &#39;Rouge&#39;&quot;}">🐉 Dragon Rouge</mark>'));
  // Only our own tags remain: strip them and every < or > left is an error.
  const stripped = html.replace(/<\/?(article|p|mark|h2)( [a-z-]+="[^"<>]*")*>/g, '');
  assert.ok(!/[<>]/.test(stripped), stripped);
  // Unescaping the text gives back the dispatch line by line.
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  assert.equal(unescape(stripped.trim().split('\n').join('\n')), TEXT_A);
});

test('html: several dispatches get an article and a title each; hostile ids and titles are escaped', () => {
  const evil = { ...itemB(), doc: { ...itemB().doc, id: '"><img src=x onerror=alert(1)>', title: '<script>t</script>' } };
  const { text: html } = exportHtml([itemA(), evil]);
  assert.equal((html.match(/<article /g) ?? []).length, 2);
  assert.ok(html.includes('data-id="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"'));
  assert.ok(html.includes('<h2>&lt;script&gt;t&lt;/script&gt;</h2>'));
  assert.ok(!/<img|<script/.test(html));
});

test('file names are slugs of the title', () => {
  assert.equal(slug('Raqa : l\u2019EI recule — 3 nov.'), 'raqa-l-ei-recule-3-nov');
  assert.equal(slug('😀'), 'dispatch');
  assert.equal(slug('x'.repeat(100)).length, 60);
});
