// Tests for www/core/offsets.js: the conversions agree with a brute-force count over every
// offset of texts with emoji, combining accents, NBSP, lone surrogates; snapping inside a pair;
// range errors; a 5 MB text converts fast.
import test from 'node:test';
import assert from 'node:assert/strict';
import { offsetMap, cpLength, cpSlice } from '../../www/core/offsets.js';

/** Brute force: UTF-16 offset of every code point boundary. */
function boundaries(text) {
  const out = [0];
  let u = 0;
  for (const ch of text) {
    u += ch.length;
    out.push(u);
  }
  return out;
}

const TEXTS = [
  '',
  'plain ascii',
  'Forces démocratiques syriennes\u00a0(FDS) à Deir Ezzor',
  'e\u0301te\u0301 — café combining',
  '🇸🇾 Damas 🚀🚀 x 😀',
  '😀',
  '😀😀😀',
  'a\ud800b\udc00c', // lone surrogates, each one code point
  '\udc00\ud83d\ude00\ud800', // lone low, a pair, lone high at the end
  'ligne 1\nligne 2 🎉\n\n<script>alert("x")</script> \'q\'',
];

test('toUtf16 and toCodePoint agree with a brute-force count at every boundary', () => {
  for (const text of TEXTS) {
    const map = offsetMap(text);
    const b = boundaries(text);
    assert.equal(map.cpLength, b.length - 1, `cpLength of ${JSON.stringify(text)}`);
    assert.equal(cpLength(text), b.length - 1);
    assert.equal(map.utf16Length, text.length);
    for (let cp = 0; cp < b.length; cp++) {
      assert.equal(map.toUtf16(cp), b[cp], `toUtf16(${cp}) in ${JSON.stringify(text)}`);
      assert.equal(map.toCodePoint(b[cp]), cp, `toCodePoint(${b[cp]}) in ${JSON.stringify(text)}`);
      assert.equal(map.toCodePoint(b[cp], 'up'), cp);
    }
  }
});

test('an offset inside a surrogate pair snaps down by default, up on request', () => {
  const text = 'ab😀cd';
  const map = offsetMap(text);
  // 'a'=0 'b'=1 '😀'=2..4 (UTF-16), 'c'=4 'd'=5; code points: a0 b1 😀2 c3 d4
  assert.equal(map.toCodePoint(3), 2); // middle of the emoji -> its start
  assert.equal(map.toCodePoint(3, 'up'), 3); // -> after it
  assert.equal(map.toCodePoint(4), 3);
  assert.equal(map.toUtf16(3), 4);
  // Consecutive emoji: each middle snaps to its own character.
  const m2 = offsetMap('😀😀😀');
  assert.deepEqual([1, 3, 5].map((u) => m2.toCodePoint(u)), [0, 1, 2]);
  assert.deepEqual([1, 3, 5].map((u) => m2.toCodePoint(u, 'up')), [1, 2, 3]);
});

test('the maps agree with brute force on random texts mixing astral and BMP characters', () => {
  const pieces = ['a', 'é', 'e\u0301', '\u00a0', '😀', '🇫🇷', '\n', '𝔘', '\ud800', '中'];
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  for (let t = 0; t < 200; t++) {
    let text = '';
    const len = rand(40);
    for (let i = 0; i < len; i++) text += pieces[rand(pieces.length)];
    const map = offsetMap(text);
    const b = boundaries(text);
    for (let cp = 0; cp < b.length; cp++) {
      assert.equal(map.toUtf16(cp), b[cp]);
      assert.equal(map.toCodePoint(b[cp]), cp);
    }
    // Every UTF-16 offset maps into a boundary, and round-trips when it is one.
    for (let u = 0; u <= text.length; u++) {
      const cp = map.toCodePoint(u);
      assert.ok(b[cp] <= u && (cp + 1 >= b.length || b[cp + 1] > u));
    }
  }
});

test('out-of-range and non-integer offsets throw a RangeError that says why', () => {
  const map = offsetMap('a😀b');
  assert.throws(() => map.toUtf16(4), /offset 4 is not a code point offset of this text \(0\.\.3\)/);
  assert.throws(() => map.toUtf16(-1), RangeError);
  assert.throws(() => map.toUtf16(1.5), RangeError);
  assert.throws(() => map.toCodePoint(5), /not a UTF-16 offset/);
  const plain = offsetMap('abc');
  assert.throws(() => plain.toUtf16(4), RangeError);
  assert.throws(() => plain.toCodePoint(NaN), RangeError);
  assert.throws(() => offsetMap(/** @type {any} */ (null)), TypeError);
});

test('cpSlice slices by code points', () => {
  const text = 'x🇸🇾 Damas é\u0301';
  assert.equal(cpSlice(text, 1, 3), '🇸🇾');
  assert.equal(cpSlice(text, 4, 9), 'Damas');
  assert.equal(cpSlice(text, 10), 'é\u0301');
  assert.equal(cpSlice(text, 0, 0), '');
  assert.throws(() => cpSlice(text, 3, 2), /before start/);
  assert.throws(() => cpSlice(text, 0, 99), RangeError);
});

test('a 5 MB text: identity when there is no astral character, fast either way', () => {
  const plain = 'Les forces irakiennes à Al-Qaïm. '.repeat(160000); // ~5.3 MB
  let t0 = performance.now();
  const m = offsetMap(plain);
  assert.equal(m.astralCount, 0);
  assert.equal(m.toUtf16(5_000_000), 5_000_000);
  const withEmoji = plain + '🚀' + plain.slice(0, 1000) + '🚀';
  const m2 = offsetMap(withEmoji);
  assert.equal(m2.astralCount, 2);
  assert.equal(m2.toUtf16(plain.length + 1), plain.length + 2);
  assert.equal(m2.toCodePoint(withEmoji.length), withEmoji.length - 2);
  t0 = performance.now();
  for (let i = 0; i < 100000; i++) m2.toCodePoint((i * 53) % withEmoji.length);
  assert.ok(performance.now() - t0 < 500, '100k conversions well under half a second');
  // Many astral characters: a million emoji still builds quickly.
  const emoji = '😀a'.repeat(1_000_000);
  t0 = performance.now();
  const m3 = offsetMap(emoji);
  assert.equal(m3.cpLength, 2_000_000);
  assert.equal(m3.toUtf16(1_999_999), 2_999_999);
  assert.ok(performance.now() - t0 < 2000, 'building a map of a million pairs under 2 s');
});

test('the cached map is the map of the text asked for', () => {
  const a = offsetMap('😀abc');
  const b = offsetMap('abc😀');
  assert.equal(a.toUtf16(1), 2);
  assert.equal(b.toUtf16(1), 1);
  assert.equal(offsetMap('😀abc').toUtf16(1), 2);
});

test('a copy of the cached text (another string object, same content) stays O(1) per call', () => {
  const a = 'Valmore 🚀 '.repeat(500_000); // 5 MB
  const b = (a + '!').slice(0, -1); // equal content, a different string object
  offsetMap(a);
  const t0 = performance.now();
  for (let i = 0; i < 5000; i++) offsetMap(b).toUtf16(i);
  assert.ok(performance.now() - t0 < 300, `5000 look-ups took ${performance.now() - t0} ms`);
  assert.equal(offsetMap(b).toUtf16(9), 10);
});
