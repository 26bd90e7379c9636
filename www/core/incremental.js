// Cheap re-annotation while the text is being typed: only the block around an edit is annotated
// again, the rest of the last result is kept (shifted), and the whole text is annotated once more
// when typing pauses.
//
// Why: a keystroke in a 5,000-word article changes one paragraph, but the engine reads the whole
// text (a few milliseconds for 35 KB, on every key). Here the new text is compared with the last
// one (common prefix and suffix), the changed region is widened to whole lines ("\n" blocks; to
// sentences inside a very long paragraph) and to the spans that cross its edges, that block alone
// is annotated with the language and reference date of the last full result passed explicitly
// (and the same lexicon), and its spans are spliced in: spans before the block as they were,
// spans after it shifted by the change of length in code points (what spans count), the block's
// own spans offset to where it starts.
// Trade-offs: what depends on the whole document is stale in a spliced result until the pause:
// language detection, the dateline's reference date and place setting, one reading per name per
// document, sentence context across the block's edges. So:
// - an edit in the head of the text (the lines up to the dateline, or the first lines where a
//   dateline could appear when there is none) is annotated in full at once: it can change the
//   document's reference date;
// - `pauseMs` after the last spliced result, `onPause` is called: the owner asks for the current
//   text again (Session.reannotate()), and a text asked for twice in a row is annotated in full,
//   so after a pause the result is exactly the engine's on the whole text;
// - the same options (language, date, lexicon) are required for a splice; anything else, an
//   asynchronous full result still running, or a block as long as half the text: a full
//   annotation.

import { commonEnds } from './anchor.js';
import { offsetMap } from './offsets.js';

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').Span} Span */
/** @typedef {{lang?: string, dct?: string|null, lexicon?: any}} Opts */

/** Quiet time after the last spliced result before the whole text is annotated again. */
export const PAUSE_MS = 800;
/** A paragraph longer than this (UTF-16 units) is re-annotated by sentences around the edit. */
export const LONG_BLOCK = 2000;
/** The engine looks for a dateline in the first 6 non-empty lines; one more for safety. */
const HEAD_LINES = 7;

/**
 * @param {(text: string, opts: Opts) => Result|Promise<Result>} annotate  the full annotation
 * @param {{annotateBlock?: (text: string, opts: Opts) => Result, pauseMs?: number,
 *          onPause?: () => void, setTimeout?: (fn: () => void, ms: number) => any,
 *          clearTimeout?: (t: any) => void, longBlock?: number}} [options]
 *   annotateBlock: a synchronous annotate for blocks (default: `annotate`; a full annotate that
 *   answers with a promise, for huge texts, still splices with this one);
 *   onPause: called `pauseMs` after the last spliced result (the owner re-asks for the text);
 *   setTimeout/clearTimeout: the clock (tests pass their own).
 */
export function createIncrementalAnnotator(annotate, options = {}) {
  const annotateBlock = options.annotateBlock ?? annotate;
  const pauseMs = options.pauseMs ?? PAUSE_MS;
  const longBlock = options.longBlock ?? LONG_BLOCK;
  const setT = options.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  const clearT = options.clearTimeout ?? ((t) => clearTimeout(t));
  /** The last consistent pair: a text and its result (full or spliced), with the options. */
  let base = /** @type {{text: string, result: Result, lang: any, dct: any, lexKey: string, head: number}|null} */ (null);
  let generation = 0;
  let timer = /** @type {any} */ (null);
  let fullNext = false;
  /** @type {WeakSet<object>} */
  const spliced = new WeakSet();
  const stats = { full: 0, block: 0, blockUnits: 0 };
  /** @type {{start: number, oldEnd: number, newEnd: number}|null} */
  let lastSplice = null;

  const lexKeyOf = (/** @type {Opts} */ o) => (o?.lexicon ? JSON.stringify(o.lexicon) : '');

  /** @type {(() => void)|null} what connect() does at the pause */
  let onPauseConnected = null;
  const paused = () => { options.onPause?.(); onPauseConnected?.(); };
  function arm() {
    if (timer !== null) clearT(timer);
    timer = setT(() => { timer = null; paused(); }, pauseMs);
  }
  function disarm() {
    if (timer !== null) clearT(timer);
    timer = null;
  }

  /** @param {string} text @param {Opts} opts @param {Result} result @param {number} gen */
  function setBase(text, opts, result, gen, lexKey = lexKeyOf(opts)) {
    if (gen < generation) return; // a newer text has a result already
    base = { text, result, lang: opts?.lang, dct: opts?.dct || undefined, lexKey, head: headEnd(text, result) };
  }

  /** @param {string} text @param {Opts} opts */
  function full(text, opts) {
    const gen = ++generation;
    disarm();
    base = null;
    lastSplice = null;
    stats.full++;
    const r = annotate(text, opts);
    if (r && typeof (/** @type {any} */ (r)).then === 'function') {
      return /** @type {Promise<Result>} */ (r).then((res) => { if (res && Array.isArray(res.spans)) setBase(text, opts, res, gen); return res; });
    }
    if (r && Array.isArray(r.spans)) setBase(text, opts, /** @type {Result} */ (r), gen);
    return r;
  }

  /**
   * The result for `text`: the last one with the edited block annotated again, or a full one.
   * @param {string} text @param {Opts} [opts]
   * @returns {Result|Promise<Result>}
   */
  function annotateText(text, opts = {}) {
    const b = base;
    const force = fullNext;
    fullNext = false;
    if (force || !b || b.text === text || b.lang !== opts?.lang || b.dct !== (opts?.dct || undefined)) return full(text, opts);
    const lexKey = lexKeyOf(opts);
    if (lexKey !== b.lexKey) return full(text, opts);
    const block = blockOf(b.text, text, b.result.spans, longBlock);
    if (!block || block.a < b.head || 2 * (block.b - block.a) > text.length) return full(text, opts);
    /** @type {Opts} */
    const bo = { lang: opts.lang ?? b.result.lang };
    const dct = opts.dct || b.result.dct;
    if (dct) bo.dct = dct;
    if (opts.lexicon) bo.lexicon = opts.lexicon;
    let r;
    try {
      r = annotateBlock(text.slice(block.a, block.b), bo);
    } catch {
      return full(text, opts);
    }
    if (!r || typeof (/** @type {any} */ (r)).then === 'function' || !Array.isArray(r.spans)) return full(text, opts);
    const old = b.result.spans;
    const spans = old.slice(0, block.i0);
    for (const s of r.spans) spans.push({ ...s, start: s.start + block.aCp, end: s.end + block.aCp });
    const dcp = block.newCpLength - block.oldCpLength;
    for (let i = block.i1; i < old.length; i++) {
      const s = old[i];
      spans.push(dcp ? { ...s, start: s.start + dcp, end: s.end + dcp } : s);
    }
    const result = { ...b.result, spans };
    spliced.add(result);
    generation++;
    base = { ...b, text, result };
    lastSplice = { start: block.aCp, oldEnd: block.oldEndCp, newEnd: block.oldEndCp + dcp };
    stats.block++;
    stats.blockUnits += block.b - block.a;
    arm();
    return result;
  }

  return {
    annotate: annotateText,
    /** Was this result spliced (stale for what depends on the whole text until the pause)? @param {unknown} result */
    isSpliced: (result) => !!result && typeof result === 'object' && spliced.has(result),
    /** The code point region the last splice replaced ([start, oldEnd) became [start, newEnd)), or null. */
    get lastSplice() { return lastSplice; },
    /** Is a pause awaited (a spliced result is out)? */
    get waiting() { return timer !== null; },
    /** Counts: full annotations, spliced blocks and their total length (UTF-16 units). */
    stats,
    /** The next call annotates in full, whatever it is asked. */
    fullNext() { fullNext = true; },
    /** Wait for a pause again (a spliced result is shown again, e.g. from a cache). */
    touch() { arm(); },
    /** The pause now: cancels the timer and calls onPause. */
    settle() { const was = timer !== null; disarm(); if (was) paused(); },
    /**
     * Follow a Session that annotates with this: at the pause its automatic layer, when spliced,
     * is annotated afresh (session.reannotate()); a spliced layer shown again without a call here
     * (the session's cache, after an undo) waits for the next pause. Returns the disconnect.
     * @param {{result: Result, reannotate: () => void, addEventListener: Function, removeEventListener: Function}} session
     */
    connect(session) {
      const onChange = () => { if (timer === null && spliced.has(session.result)) arm(); };
      const pause = () => { if (spliced.has(session.result)) { fullNext = true; session.reannotate(); } };
      session.addEventListener('change', onChange);
      onPauseConnected = pause;
      return () => { session.removeEventListener('change', onChange); if (onPauseConnected === pause) onPauseConnected = null; };
    },
    /** Forgets the last text (the next call annotates in full) and stops the timer. */
    reset() { base = null; lastSplice = null; generation++; disarm(); },
    dispose() { base = null; disarm(); },
  };
}

/**
 * Where the head of the text ends (UTF-16): the end of the dateline's line, or of the first
 * HEAD_LINES non-empty lines when there is no dateline. An edit before it is annotated in full.
 * @param {string} text @param {Result} result
 */
function headEnd(text, result) {
  if (result.dateline) {
    const at = offsetMap(text).toUtf16(Math.min(result.dateline.end, offsetMap(text).cpLength));
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl;
  }
  let lines = 0;
  let from = 0;
  while (from <= text.length) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    if (/\S/.test(text.slice(from, nl)) && ++lines >= HEAD_LINES) return nl;
    from = nl + 1;
  }
  return text.length;
}

/** UTF-16 positions just after a sentence end (". ", "?» ") in text[a, b), with a and b. */
function sentenceStarts(text, a, b) {
  const out = [a];
  const re = /[.!?…][)\]"'»”’]*[ \t\u00a0]+/g;
  re.lastIndex = a;
  for (let m = re.exec(text); m && m.index < b; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (at < b) out.push(at);
  }
  out.push(b);
  return out;
}

/** Index of the first span whose end is after `cp`. @param {Span[]} spans @param {number} cp */
function firstEndingAfter(spans, cp) {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].end <= cp) lo = m + 1; else hi = m; }
  return lo;
}
/** Index of the first span starting at or after `cp`. @param {Span[]} spans @param {number} cp */
function firstStartingAt(spans, cp) {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].start < cp) lo = m + 1; else hi = m; }
  return lo;
}

/**
 * The block to annotate again after `oldText` became `text`: [a, b) in `text` (UTF-16), with its
 * code point start, the old text's block end (code points) and the indexes of the old spans it
 * replaces ([i0, i1)); widened to whole lines (to sentences in a long line) and to the spans
 * crossing its edges. null when the texts are equal.
 * @param {string} oldText @param {string} text @param {Span[]} spans @param {number} longBlock
 */
export function blockOf(oldText, text, spans, longBlock = LONG_BLOCK) {
  if (oldText === text) return null;
  const { prefix, suffix } = commonEnds(oldText, text);
  const du = text.length - oldText.length;
  const mapNew = offsetMap(text), mapOld = offsetMap(oldText);
  const lineStart = (u) => (u <= 0 ? 0 : text.lastIndexOf('\n', u - 1) + 1);
  const lineEnd = (u) => { const n = text.indexOf('\n', u); return n < 0 ? text.length : n; };
  const changedEnd = text.length - suffix; // in text; the rest is common to both
  let a = lineStart(prefix), b = lineEnd(changedEnd);
  // A very long paragraph: the sentences around the edit, one more on each side for context.
  const snap = (/** @type {number} */ x, /** @type {number} */ y) => {
    if (y - x <= longBlock) return [x, y];
    const starts = sentenceStarts(text, x, y);
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= prefix) i++;
    let j = starts.length - 1;
    while (j > 0 && starts[j - 1] >= changedEnd) j--;
    return [starts[Math.max(0, i - 1)], starts[Math.min(starts.length - 1, j + 1)]];
  };
  const la = a, lb = b; // the lines
  [a, b] = snap(la, lb);
  // Spans crossing an edge (in the old text) pull it out to the span's end, then to a boundary.
  for (let guard = 0; guard < 64; guard++) {
    const aCp = mapNew.toCodePoint(a);
    const oldB = b - du;
    const oldBCp = mapOld.toCodePoint(oldB);
    const i0 = firstEndingAfter(spans, aCp);
    let moved = false;
    if (i0 < spans.length && spans[i0].start < aCp) {
      const u = mapNew.toUtf16(spans[i0].start);
      a = u < la ? lineStart(u) : u;
      moved = true;
    }
    const i1 = firstStartingAt(spans, oldBCp);
    if (i1 > 0 && spans[i1 - 1].end > oldBCp) {
      const u = mapOld.toUtf16(spans[i1 - 1].end) + du;
      b = u > lb ? lineEnd(u) : u;
      moved = true;
    }
    if (moved) {
      // back to the nearest sentence (or line) boundaries outside the new edges
      if (a >= la && b <= lb && lb - la > longBlock) {
        const starts = sentenceStarts(text, la, lb);
        a = starts.filter((s) => s <= a).pop() ?? la;
        b = starts.find((s) => s >= b) ?? lb;
      }
      continue;
    }
    return {
      a, b, aCp, i0, i1, oldEndCp: oldBCp,
      oldCpLength: mapOld.cpLength, newCpLength: mapNew.cpLength,
    };
  }
  return null; // did not settle: annotate in full
}
