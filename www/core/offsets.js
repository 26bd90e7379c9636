// Code point <-> UTF-16 offsets for one text.
//
// Why: the model (FORMAT.md, the Rust core, W3C TextPositionSelector, brat) counts Unicode code
// points; the DOM and JavaScript strings count UTF-16 code units. The two differ only after a
// character outside the Basic Multilingual Plane (emoji, some CJK), which is stored as a surrogate
// pair: two code units, one code point.
//
// Trade-off: instead of a table per character (20 MB for a 5 MB text) we keep only the UTF-16
// positions of the surrogate pairs, in a typed array, and answer each conversion with a binary
// search: O(n) once to build, O(log k) per call for k astral characters, and O(1) with no
// allocation at all when the text has none (the common case for wire copy), where both
// conversions are the identity. A lone surrogate (malformed UTF-16) counts as one code point,
// as `for...of` and `Array.from` count it.
//
// Snapping: a UTF-16 offset that falls between the two halves of a surrogate pair is not a
// character boundary. `toCodePoint` snaps it DOWN by default (to the start of that character: the
// offset of the pair's first half), or UP (past the character) with `toCodePoint(u16, 'up')`.
// A caller converting a selection can snap its start down and its end up to keep the character.

/** The conversions for one text. @typedef {{
 *   toUtf16: (cp: number) => number,
 *   toCodePoint: (u16: number, snap?: 'down'|'up') => number,
 *   cpLength: number,
 *   utf16Length: number,
 *   astralCount: number,
 * }} OffsetMap */

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * A few recent maps, newest first: the editor converts many offsets of the same text in a row,
 * and re-anchoring after an edit works on the old and the new text at once.
 * @type {{text: string, map: OffsetMap}[]}
 */
const cache = [];
const CACHE_SIZE = 4;

/**
 * Builds (or returns the cached) offset map of `text`.
 * @param {string} text
 * @returns {OffsetMap}
 */
export function offsetMap(text) {
  if (typeof text !== 'string') throw new TypeError('offsetMap: the text must be a string');
  for (let i = 0; i < cache.length; i++) {
    const c = cache[i];
    if (c.text === text) {
      // Equal content in another string object costs one full comparison; keep the caller's
      // object so that the next calls compare references only.
      c.text = text;
      if (i > 0) cache.unshift(...cache.splice(i, 1));
      return c.map;
    }
  }
  const map = buildMap(text);
  cache.unshift({ text, map });
  if (cache.length > CACHE_SIZE) cache.pop();
  return map;
}

/**
 * The same conversions under the short names the session, anchoring and word modules use:
 * `length` (code points), `toU16(cp)`, `toCp(u16)` (snapped down inside a surrogate pair).
 * @typedef {{text: string, length: number, toU16: (cp: number) => number, toCp: (u16: number) => number}} CpIndex
 * @param {string} text
 * @returns {CpIndex}
 */
export function cpIndex(text) {
  const m = offsetMap(text);
  return { text, length: m.cpLength, toU16: m.toUtf16, toCp: (u) => m.toCodePoint(u) };
}

/** @param {string} text @returns {OffsetMap} */
function buildMap(text) {
  const u16Len = text.length;
  // Collect the UTF-16 positions of the first half of every surrogate pair.
  /** @type {number[]} */
  const found = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m !== null; m = PAIR.exec(text)) found.push(m.index);
  const k = found.length;
  const cpLen = u16Len - k;

  if (k === 0) {
    return {
      toUtf16(cp) {
        checkRange(cp, cpLen, 'code point');
        return cp;
      },
      toCodePoint(u16) {
        checkRange(u16, u16Len, 'UTF-16');
        return u16;
      },
      cpLength: cpLen,
      utf16Length: u16Len,
      astralCount: 0,
    };
  }

  // pairAt[i]: UTF-16 offset of the i-th pair; cpAt[i]: its code point offset (pairAt[i] - i).
  const pairAt = Uint32Array.from(found);
  const cpAt = new Uint32Array(k);
  for (let i = 0; i < k; i++) cpAt[i] = pairAt[i] - i;

  return {
    toUtf16(cp) {
      checkRange(cp, cpLen, 'code point');
      // Every astral character that starts before `cp` adds one code unit.
      return cp + countBelow(cpAt, cp);
    },
    toCodePoint(u16, snap = 'down') {
      checkRange(u16, u16Len, 'UTF-16');
      // Pairs that start strictly before u16: each one before u16 - 1 is whole; one starting at
      // u16 - 1 means u16 is in its middle.
      const before = countBelow(pairAt, u16);
      if (before > 0 && pairAt[before - 1] === u16 - 1) {
        const start = u16 - 1 - (before - 1); // code point offset of the split character
        return snap === 'up' ? start + 1 : start;
      }
      return u16 - before;
    },
    cpLength: cpLen,
    utf16Length: u16Len,
    astralCount: k,
  };
}

/** Number of entries of the sorted array `a` that are < x (binary search). */
function countBelow(/** @type {Uint32Array} */ a, /** @type {number} */ x) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkRange(/** @type {number} */ n, /** @type {number} */ max, /** @type {string} */ unit) {
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new RangeError(`offset ${String(n)} is not a ${unit} offset of this text (0..${max})`);
  }
}

/**
 * Length of a string in code points (a surrogate pair counts one, a lone surrogate one).
 * @param {string} str
 */
export function cpLength(str) {
  PAIR.lastIndex = 0;
  let pairs = 0;
  while (PAIR.exec(str) !== null) pairs++;
  return str.length - pairs;
}

/**
 * `text` between code point offsets `start` (inclusive) and `end` (exclusive, default: the end).
 * Offsets outside the text throw a RangeError.
 * @param {string} text @param {number} start @param {number} [end]
 */
export function cpSlice(text, start, end) {
  const map = offsetMap(text);
  const e = end === undefined ? map.cpLength : end;
  if (e < start) throw new RangeError(`cpSlice: end ${e} is before start ${start}`);
  return text.slice(map.toUtf16(start), map.toUtf16(e));
}
