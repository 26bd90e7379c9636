// Word snapping: what a selection or a keyboard resize turns into, in code points.
import test from 'node:test';
import assert from 'node:assert/strict';
import { snapToWords, wordAt, nextWordBoundary, resizeByWord, cpIndex, cpLength, cpSlice } from '../../www/core/words.js';

/** code point offset of the first `needle` in `text` (independent of words.js) */
const cp = (text, needle, from = 0) => {
  const u = text.indexOf(needle, from);
  assert.ok(u >= 0, `${needle} not in text`);
  return Array.from(text.slice(0, u)).length;
};
const sliceCp = (text, [a, b]) => Array.from(text).slice(a, b).join('');

test('a selection inside a word widens to the whole word', () => {
  const t = 'Les forces de Bachar al-Assad avancent.';
  const s = cp(t, 'Bachar');
  assert.equal(sliceCp(t, snapToWords(t, s + 2, s + 4)), 'Bachar');
  // across two words, both partial
  assert.equal(sliceCp(t, snapToWords(t, s + 3, cp(t, 'al-Assad') + 4)), 'Bachar al-Assad');
});

test('whitespace and punctuation around the selection are trimmed first', () => {
  const t = 'Il a dit : « Damas » hier.';
  const a = cp(t, '« Damas »'), b = a + '« Damas » '.length;
  assert.equal(sliceCp(t, snapToWords(t, a, b)), 'Damas');
  assert.equal(snapToWords(t, cp(t, ' : '), cp(t, ' : ') + 3), null, 'only punctuation: nothing to snap to');
});

test('French elision: "armée" in "l\'armée" never pulls in "l\'"', () => {
  for (const apos of ["'", '\u2019']) {
    const t = `Selon l${apos}armée syrienne, jusqu${apos}à Homs.`;
    const s = cp(t, 'armée');
    assert.equal(sliceCp(t, snapToWords(t, s + 1, s + 3)), 'armée');
    assert.equal(sliceCp(t, snapToWords(t, s, s + 5)), 'armée');
    assert.equal(sliceCp(t, wordAt(t, s + 2)), 'armée');
    assert.equal(sliceCp(t, wordAt(t, cp(t, 'à Homs'))), 'à');
    // selecting from the "l" keeps what was selected
    assert.equal(sliceCp(t, snapToWords(t, cp(t, `l${apos}a`), s + 2)), `l${apos}armée`);
  }
});

test('internal apostrophes and hyphens join a word when they are not elisions', () => {
  const t = "Aujourd'hui, O'Brien est à Saint-Denis.";
  assert.equal(sliceCp(t, wordAt(t, 3)), "Aujourd'hui");
  assert.equal(sliceCp(t, wordAt(t, cp(t, 'Brien'))), "O'Brien");
  assert.equal(sliceCp(t, wordAt(t, cp(t, 'Denis'))), 'Saint-Denis');
  assert.equal(wordAt(t, cp(t, ', O')), null);
  // a trailing hyphen or apostrophe is not part of the word
  const u = "les manifestants' - disent";
  assert.equal(sliceCp(u, snapToWords(u, 4, 17)), 'manifestants');
});

test('offsets are code points: emoji, combining accents and digits', () => {
  const t = '🇫🇷😀 Le 3 novembre, Mosul\u0301 e\u0301tait calme.';
  const s = cp(t, 'Mosul');
  assert.deepEqual(snapToWords(t, s + 1, s + 2), [s, s + 6], 'the combining accent belongs to the word');
  assert.equal(sliceCp(t, snapToWords(t, s + 1, s + 2)), 'Mosul\u0301');
  assert.equal(sliceCp(t, snapToWords(t, 0, cp(t, ' novembre'))), 'Le 3');
  assert.equal(cpLength(t), Array.from(t).length);
  assert.equal(cpSlice(t, s, s + 6), 'Mosul\u0301');
});

test('nextWordBoundary and resizeByWord widen and shrink by one word at either end', () => {
  const t = 'Le président Emmanuel Macron, à Paris.';
  const a = cp(t, 'Emmanuel'), b = cp(t, 'Macron') + 6;
  assert.equal(nextWordBoundary(t, b, 1), cp(t, 'à') + 1);
  assert.equal(nextWordBoundary(t, a, -1), cp(t, 'président'));
  assert.equal(nextWordBoundary(t, cp(t, 'Paris') + 5, 1), null);
  assert.equal(nextWordBoundary(t, 0, -1), null);
  assert.equal(sliceCp(t, resizeByWord(t, a, b, 'end', 'shrink')), 'Emmanuel');
  assert.equal(sliceCp(t, resizeByWord(t, a, b, 'start', 'shrink')), 'Macron');
  assert.equal(sliceCp(t, resizeByWord(t, a, b, 'start', 'widen')), 'président Emmanuel Macron');
  assert.equal(sliceCp(t, resizeByWord(t, a, b, 'end', 'widen')), 'Emmanuel Macron, à');
  const m = cp(t, 'Macron');
  assert.equal(resizeByWord(t, m, m + 6, 'end', 'shrink'), null, 'shrinking a single word leaves nothing');
  assert.equal(resizeByWord(t, m, m + 6, 'start', 'shrink'), null);
  assert.throws(() => resizeByWord(t, m, m + 6, 'middle', 'widen'), /side must be/);
});

test('bad ranges get a clear error', () => {
  assert.throws(() => snapToWords('abc', 2, 9), /outside the text \(0\.\.3 code points\)/);
  assert.throws(() => snapToWords('abc', 2, 1), /outside the text/);
  assert.throws(() => wordAt('abc', -1), /outside the text/);
  assert.equal(wordAt('abc', 3), null, 'the end of the text holds no character');
  assert.equal(snapToWords('', 0, 0), null);
});

test('the code point index agrees with Array.from on astral text', () => {
  const t = 'a😀b\u{1F600}\u{1F600}c' + 'x'.repeat(10) + '🇱🇧';
  const idx = cpIndex(t);
  const chars = Array.from(t);
  let u = 0;
  for (let i = 0; i <= chars.length; i++) {
    assert.equal(idx.toU16(i), u, `toU16(${i})`);
    assert.equal(idx.toCp(u), i, `toCp(${u})`);
    if (i < chars.length) u += chars[i].length;
  }
});
