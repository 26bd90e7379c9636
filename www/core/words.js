// Word snapping for selections and keyboard resizing: what "a whole word" means on this page.
// A word is a run of letters, marks and digits (\p{L}\p{M}\p{N}), joined across an internal
// apostrophe or hyphen ("aujourd'hui", "Saint-Denis", "al-Assad") — except a French elision
// apostrophe ("l'", "d'", "qu'", "jusqu'"...), which ends the word before it, so snapping inside
// "l'armée" gives "armée", never "l'armée".
// Offsets in and out are Unicode code points; internally we walk UTF-16 with offsets.js's code
// point index (positions of the astral characters only), so no function here copies the text
// into an array: a 5 MB text costs one regex scan per distinct text, then O(log n + word length)
// per call.
// Trade-off: elision is a fixed list of French words; an English "O'Brien" stays one word
// because "o" is not on it, but "D'Alembert" splits after "D'".

import { cpIndex, cpLength } from './offsets.js';

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const LETTER_RE = /^\p{L}+$/u;
const APOSTROPHES = new Set([0x27, 0x2019, 0x2bc]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const ELISIONS = new Set(['l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu']);
const MAX_ELISION = 6;

// Code point <-> UTF-16 conversion is offsets.js's job; re-exported for this module's callers.
export { cpIndex, cpLength, cpSlice } from './offsets.js';

/** Is `cp` a letter, mark or digit? */
export function isWordCp(cp) {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** UTF-16 index of the character before index `u` (steps over a surrogate pair). */
function prevU16(text, u) {
  if (u >= 2) {
    const lo = text.charCodeAt(u - 1), hi = text.charCodeAt(u - 2);
    if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) return u - 2;
  }
  return u - 1;
}

/** UTF-16 length of the character at index `u`. */
function charLen(text, u) {
  const c = text.codePointAt(u);
  return c !== undefined && c > 0xffff ? 2 : 1;
}

/** Is the apostrophe at `u` a French elision ("l'", "qu'")? The letters before it must be a whole word. */
function isElision(text, u) {
  let j = u;
  while (j > 0 && u - j <= MAX_ELISION) {
    const p = prevU16(text, j);
    if (!isWordCp(text.codePointAt(p))) break;
    j = p;
  }
  if (j === u || u - j > MAX_ELISION) return false;
  if (j > 0 && isWordCp(text.codePointAt(prevU16(text, j)))) return false;
  const w = text.slice(j, u);
  return LETTER_RE.test(w) && ELISIONS.has(w.toLowerCase());
}

/**
 * Is the character at UTF-16 index `u` part of a word? Letters, marks and digits are; an
 * apostrophe or hyphen is when it joins two of them (and the apostrophe is not an elision).
 * @param {string} text
 * @param {number} u UTF-16 index of a character start
 */
export function isWordAtU16(text, u) {
  if (u < 0 || u >= text.length) return false;
  const c = text.codePointAt(u);
  if (isWordCp(c)) return true;
  const apos = APOSTROPHES.has(c);
  if (!apos && !HYPHENS.has(c)) return false;
  if (u === 0 || u + 1 >= text.length) return false;
  if (!isWordCp(text.codePointAt(prevU16(text, u))) || !isWordCp(text.codePointAt(u + 1))) return false;
  return !(apos && isElision(text, u));
}

/**
 * Does UTF-16 `[a, b)` fall on word boundaries (no word character continues it on either side)?
 * Used by "apply to all" to find whole-word occurrences.
 */
export function isWholeWordU16(text, a, b) {
  if (a > 0 && isWordAtU16(text, prevU16(text, a)) && isWordAtU16(text, a)) return false;
  if (b < text.length && b > 0 && isWordAtU16(text, b) && isWordAtU16(text, prevU16(text, b))) return false;
  return true;
}

/** UTF-16 bounds of the word holding the character at `u`, or null. */
function wordBoundsU16(text, u) {
  if (!isWordAtU16(text, u)) return null;
  let a = u;
  while (a > 0) {
    const p = prevU16(text, a);
    if (!isWordAtU16(text, p)) break;
    a = p;
  }
  let b = u + charLen(text, u);
  while (b < text.length && isWordAtU16(text, b)) b += charLen(text, b);
  return [a, b];
}

function checkRange(text, start, end, name) {
  if (typeof text !== 'string') throw new TypeError(`${name}: text must be a string`);
  const n = cpLength(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start > end) {
    throw new RangeError(`${name}: extent [${start}, ${end}) is outside the text (0..${n} code points)`);
  }
}

/**
 * Widens a selection to whole words, after trimming the whitespace and punctuation around it.
 * @param {string} text
 * @param {number} start code points
 * @param {number} end code points (exclusive)
 * @returns {[number, number] | null} code points; null when the selection holds no word character
 */
export function snapToWords(text, start, end) {
  checkRange(text, start, end, 'snapToWords');
  const idx = cpIndex(text);
  let a = idx.toU16(start), b = idx.toU16(end);
  while (a < b && !isWordAtU16(text, a)) a += charLen(text, a);
  while (b > a && !isWordAtU16(text, prevU16(text, b))) b = prevU16(text, b);
  if (a >= b) return null;
  const first = wordBoundsU16(text, a);
  const last = wordBoundsU16(text, prevU16(text, b));
  return [idx.toCp(first[0]), idx.toCp(last[1])];
}

/**
 * The word holding the character at code point `pos`.
 * @returns {[number, number] | null} null when that character is not part of a word
 */
export function wordAt(text, pos) {
  checkRange(text, pos, pos, 'wordAt');
  const idx = cpIndex(text);
  const w = wordBoundsU16(text, idx.toU16(pos));
  return w && [idx.toCp(w[0]), idx.toCp(w[1])];
}

/**
 * dir > 0: the end of the first word that ends after `pos`; dir < 0: the start of the last word
 * that starts before `pos`. Code points; null when there is no such word.
 * @param {string} text
 * @param {number} pos
 * @param {1|-1} dir
 */
export function nextWordBoundary(text, pos, dir) {
  checkRange(text, pos, pos, 'nextWordBoundary');
  const idx = cpIndex(text);
  let u = idx.toU16(pos);
  if (dir > 0) {
    while (u < text.length && !isWordAtU16(text, u)) u += charLen(text, u);
    if (u >= text.length) return null;
    while (u < text.length && isWordAtU16(text, u)) u += charLen(text, u);
  } else {
    while (u > 0 && !isWordAtU16(text, prevU16(text, u))) u = prevU16(text, u);
    if (u === 0) return null;
    while (u > 0 && isWordAtU16(text, prevU16(text, u))) u = prevU16(text, u);
  }
  return idx.toCp(u);
}

/**
 * Widens or shrinks `[start, end)` by one word at one end (the keyboard resize of a span).
 * @param {string} text
 * @param {number} start code points
 * @param {number} end code points
 * @param {'start'|'end'} side which end moves
 * @param {'widen'|'shrink'} how
 * @returns {[number, number] | null} null when there is no word to take, or shrinking would leave none
 */
export function resizeByWord(text, start, end, side, how) {
  checkRange(text, start, end, 'resizeByWord');
  if (side !== 'start' && side !== 'end') throw new Error(`resizeByWord: side must be 'start' or 'end', got ${JSON.stringify(side)}`);
  if (how !== 'widen' && how !== 'shrink') throw new Error(`resizeByWord: how must be 'widen' or 'shrink', got ${JSON.stringify(how)}`);
  const idx = cpIndex(text);
  if (how === 'widen') {
    const p = nextWordBoundary(text, side === 'end' ? end : start, side === 'end' ? 1 : -1);
    if (p === null) return null;
    return side === 'end' ? [start, p] : [p, end];
  }
  const a = idx.toU16(start), b = idx.toU16(end);
  if (side === 'end') {
    // back over the last word, then over what separates it from the one before
    let u = b;
    while (u > a && isWordAtU16(text, prevU16(text, u))) u = prevU16(text, u);
    while (u > a && !isWordAtU16(text, prevU16(text, u))) u = prevU16(text, u);
    return u > a ? [start, idx.toCp(u)] : null;
  }
  let u = a;
  while (u < b && isWordAtU16(text, u)) u += charLen(text, u);
  while (u < b && !isWordAtU16(text, u)) u += charLen(text, u);
  return u < b ? [idx.toCp(u), end] : null;
}
