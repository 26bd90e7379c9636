// Re-anchoring: corrections follow their words when the editor edits the text, the way W3C Web
// Annotation's TextQuoteSelector does (the exact text plus some context either side).
// Fast path first: one common prefix and one common suffix of the old and new text bound a single
// edit region; anything wholly before it keeps its offsets, anything wholly after shifts by the
// length change, and only what touched the region is searched for — by its exact quote, within
// the new region only (a quote that is not there any more is gone, even if the same words occur
// elsewhere: that other occurrence is somebody else's), scored by how much of its old context
// still surrounds it and how near it is to where it was.
// Trade-off: context is compared as the longest run of matching characters next to the quote,
// not an edit distance: cheap, and enough to tell two "Macron" apart by the words around them.
// A name with thousands of occurrences in the region (a whole text replaced) lets only the 256
// nearest to its old place compete, so a 5 MB replacement stays a fraction of a second.
// Offsets in and out are code points; the work is in UTF-16.

import { cpIndex } from './offsets.js';

export const CONTEXT = 32;
/** A quote with more occurrences than twice this: only this many either side of its old place compete. */
const NEAREST = 128;

/**
 * The TextQuoteSelector of `[start, end)`: the exact text and up to `ctx` code points either side.
 * @param {string} text
 * @param {number} start code points
 * @param {number} end code points
 * @param {number} [ctx]
 * @returns {{exact:string, prefix:string, suffix:string}}
 */
export function quoteOf(text, start, end, ctx = CONTEXT) {
  const idx = cpIndex(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > idx.length) {
    throw new RangeError(`quoteOf: extent [${start}, ${end}) is outside the text (0..${idx.length} code points)`);
  }
  const a = idx.toU16(start), b = idx.toU16(end);
  return {
    exact: text.slice(a, b),
    prefix: text.slice(idx.toU16(Math.max(0, start - ctx)), a),
    suffix: text.slice(b, idx.toU16(Math.min(idx.length, end + ctx))),
  };
}

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/** Length of the common prefix and suffix of two texts, never splitting a surrogate pair. */
export function commonEnds(a, b) {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  // a high surrogate as the last common unit: its low half differs, the character is edited
  if (p > 0 && isHigh(a.charCodeAt(p - 1))) p--;
  let s = 0;
  const smax = max - p;
  while (s < smax && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLow(a.charCodeAt(a.length - s))) s--;
  return { prefix: p, suffix: s };
}

/** How many characters at the end of `ctx` match the text just before `u` (0..1). */
function prefixScore(text, u, ctx) {
  if (ctx.length === 0) return u === 0 ? 1 : 0.5;
  let k = 0;
  while (k < ctx.length && u - 1 - k >= 0 && text.charCodeAt(u - 1 - k) === ctx.charCodeAt(ctx.length - 1 - k)) k++;
  return k / ctx.length;
}

/** How many characters at the start of `ctx` match the text from `u` on (0..1). */
function suffixScore(text, u, ctx) {
  if (ctx.length === 0) return u === text.length ? 1 : 0.5;
  let k = 0;
  while (k < ctx.length && u + k < text.length && text.charCodeAt(u + k) === ctx.charCodeAt(k)) k++;
  return k / ctx.length;
}

/**
 * Every UTF-16 start of each quote within `[from, to)` of `text`. One pass over the window when
 * there are many quotes (a whole text replaced), indexOf per quote when there are few.
 * @param {string} text
 * @param {string[]} quotes distinct, non-empty
 * @returns {Map<string, number[]>}
 */
function findAll(text, quotes, from, to) {
  const out = new Map(quotes.map((q) => [q, []]));
  if (quotes.length <= 16) {
    for (const q of quotes) {
      const hits = out.get(q);
      for (let i = text.indexOf(q, from); i !== -1 && i + q.length <= to; i = text.indexOf(q, i + 1)) hits.push(i);
    }
    return out;
  }
  let k = Infinity;
  for (const q of quotes) k = Math.min(k, q.length, 8);
  /** @type {Map<string, string[]>} */
  const byKey = new Map();
  for (const q of quotes) {
    const key = q.slice(0, k);
    const list = byKey.get(key);
    if (list) list.push(q); else byKey.set(key, [q]);
  }
  const firsts = new Set(quotes.map((q) => q.charCodeAt(0)));
  for (let i = from; i + k <= to; i++) {
    if (!firsts.has(text.charCodeAt(i))) continue;
    const list = byKey.get(text.substr(i, k));
    if (!list) continue;
    for (const q of list) if (i + q.length <= to && text.startsWith(q, i)) out.get(q).push(i);
  }
  return out;
}

/**
 * New places for anchored items after `oldText` became `newText`.
 * Items are corrections (or anything with start/end in code points, and optionally the
 * exact/prefix/suffix quote taken from `oldText`; missing quotes are taken from `oldText`).
 * Two items with the same old extent move together; two different items never land on the same
 * occurrence (the best-scoring one takes it).
 * @param {string} oldText
 * @param {string} newText
 * @param {{start:number, end:number, exact?:string, prefix?:string, suffix?:string}[]} items
 * @returns {([number, number] | null)[]} code points, in the order of `items`; null when gone
 */
export function reanchor(oldText, newText, items) {
  const oi = cpIndex(oldText);
  const ni = cpIndex(newText);
  const out = new Array(items.length).fill(null);
  const { prefix: p, suffix: s } = commonEnds(oldText, newText);
  const oldEnd = oldText.length - s;
  const newEnd = newText.length - s;
  const delta = newText.length - oldText.length;
  /** @type {{i:number, a:number, b:number, q:{exact:string, prefix:string, suffix:string}}[]} */
  const pending = [];

  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it || !Number.isInteger(it.start) || !Number.isInteger(it.end) || it.start < 0 || it.end <= it.start) continue;
    const inOld = it.end <= oi.length;
    const a = inOld ? oi.toU16(it.start) : -1;
    const b = inOld ? oi.toU16(it.end) : -1;
    const q = {
      exact: it.exact ?? (inOld ? oldText.slice(a, b) : ''),
      prefix: it.prefix ?? (inOld ? quoteOf(oldText, it.start, it.end).prefix : ''),
      suffix: it.suffix ?? (inOld ? quoteOf(oldText, it.start, it.end).suffix : ''),
    };
    if (!q.exact) continue;
    let na = -1;
    if (inOld && oldText === newText) na = a;
    else if (inOld && b <= p) na = a;
    else if (inOld && a >= oldEnd) na = a + delta;
    if (na >= 0 && q.exact.length === b - a && newText.startsWith(q.exact, na)) {
      out[i] = [ni.toCp(na), ni.toCp(na + q.exact.length)];
    } else {
      pending.push({ i, a, b, q });
    }
  }
  if (pending.length === 0) return out;

  // Search the new edit region, widened by the longest quote so that quotes straddling its edges
  // (a span whose first word was edited) are found too.
  let longest = 0;
  for (const x of pending) longest = Math.max(longest, x.q.exact.length);
  const whole = oldText === newText || pending.some((x) => x.a < 0);
  const from = whole ? 0 : Math.max(0, p - longest);
  const to = whole ? newText.length : Math.min(newText.length, newEnd + longest);

  // Where each pending item would be if it had simply stretched with the region.
  const oldLen = Math.max(1, oldEnd - p), newLen = newEnd - p;
  const expected = (a) => (a < 0 ? 0 : a <= p ? a : a >= oldEnd ? a + delta : p + Math.round(((a - p) * newLen) / oldLen));

  // Items with the same quote and old extent move together (a reject and a set on one name).
  /** @type {Map<string, Cluster>} */
  const clusters = new Map();
  for (const x of pending) {
    const key = `${x.a}\u0000${x.q.exact}\u0000${x.q.prefix}\u0000${x.q.suffix}`;
    const c = clusters.get(key);
    if (c) c.items.push(x.i); else clusters.set(key, { items: [x.i], at: expected(x.a), q: x.q });
  }
  for (const [items, r] of place(newText, [...clusters.values()], from, to)) {
    const cp = [ni.toCp(r[0]), ni.toCp(r[1])];
    for (const i of items) out[i] = [cp[0], cp[1]];
  }
  return out;
}

/**
 * @typedef {{items:number[], at:number, q:{exact:string, prefix:string, suffix:string}}} Cluster
 *   `at`: the UTF-16 position where the quote is expected
 */

/**
 * Places each cluster on its best-scoring occurrence within `[from, to)`; an occurrence goes to
 * one cluster only, best scores first.
 * @param {string} text
 * @param {Cluster[]} clusters
 * @returns {[number[], [number, number]][]} items and UTF-16 extent of each placed cluster
 */
function place(text, clusters, from, to) {
  const hits = findAll(text, [...new Set(clusters.map((c) => c.q.exact))], from, to);
  const score = (c, u) => prefixScore(text, u, c.q.prefix) + suffixScore(text, u + c.q.exact.length, c.q.suffix)
    + 0.5 / (1 + Math.abs(u - c.at) / 64);
  /** @type {{c:Cluster, u:number, score:number}[]} */
  const pairs = [];
  for (const c of clusters) {
    const all = hits.get(c.q.exact);
    // a name occurring thousands of times: only the occurrences nearest to where it was compete
    let lo = 0, hi = all.length;
    if (all.length > 2 * NEAREST) {
      let a = 0, b = all.length;
      while (a < b) { const m = (a + b) >> 1; if (all[m] < c.at) a = m + 1; else b = m; }
      lo = Math.max(0, Math.min(a - NEAREST, all.length - 2 * NEAREST));
      hi = lo + 2 * NEAREST;
    }
    for (let k = lo; k < hi; k++) pairs.push({ c, u: all[k], score: score(c, all[k]) });
  }
  pairs.sort((x, y) => y.score - x.score || x.u - y.u);
  const taken = new Set();
  const placed = new Set();
  const out = [];
  for (const { c, u } of pairs) {
    const spot = `${u}:${c.q.exact.length}`;
    if (placed.has(c) || taken.has(spot)) continue;
    placed.add(c);
    taken.add(spot);
    out.push([c.items, [u, u + c.q.exact.length]]);
  }
  return out;
}

/**
 * Finds a quote anywhere in `text` (for corrections whose stored offsets do not match, e.g. a
 * W3C import): the best-scoring occurrence near `hint` (code points), or null.
 * @param {string} text
 * @param {{exact:string, prefix?:string, suffix?:string}} quote
 * @param {number} [hint]
 * @returns {[number, number] | null}
 */
export function findQuote(text, quote, hint = 0) {
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') return null;
  const idx = cpIndex(text);
  const at = idx.toU16(Math.min(Math.max(0, hint | 0), idx.length));
  const q = { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' };
  const [hit] = place(text, [{ items: [0], at, q }], 0, text.length);
  return hit ? [idx.toCp(hit[1][0]), idx.toCp(hit[1][1])] : null;
}
