// Splits a very large text into pieces that can be annotated one at a time,
// and puts the pieces' results back together as if the text had been
// annotated whole.
//
// Why: a 5 MB paste must never freeze the page, and it should show progress.
// The core annotates a whole text in one call; cutting the text lets a worker
// (or the main thread, between frames) report progress and stay responsive.
//
// Trade-off: a span cannot cross a cut, so cuts fall on paragraph breaks
// (a blank line), else on a line break, else on a space; wire copy never
// runs a name or a date across a paragraph. The first piece decides the
// language and the reference date (a dispatch's dateline opens it), and every
// later piece is annotated with them, so the whole text gets one language and
// one date, as a single call would give. Offsets are in code points
// (FORMAT.md), so each piece's code point length is counted once.

import { cpLength } from './offsets.js';

/** @typedef {import('./types.js').Result} Result */

/** Pieces of about this many UTF-16 code units. */
export const CHUNK_SIZE = 128 * 1024;

/**
 * Cuts `text` into pieces of about `size` code units at the best break
 * before each limit.
 * @param {string} text
 * @param {number} [size]
 * @returns {{text: string, cpStart: number}[]} pieces with their start in code points
 */
export function splitChunks(text, size = CHUNK_SIZE) {
  /** @type {{text: string, cpStart: number}[]} */
  const out = [];
  let pos = 0;
  let cp = 0;
  while (pos < text.length) {
    let end = Math.min(text.length, pos + size);
    if (end < text.length) end = breakBefore(text, pos, end);
    // Never cut a surrogate pair.
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end += 1;
    const piece = text.slice(pos, end);
    out.push({ text: piece, cpStart: cp });
    cp += cpLength(piece);
    pos = end;
  }
  return out;
}

/**
 * The best place to cut in (pos, limit]: after a blank line, else after a
 * line break, else after a space, in the second half of the window; the
 * limit itself when there is none.
 */
function breakBefore(text, pos, limit) {
  const floor = pos + Math.floor((limit - pos) / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const i = text.lastIndexOf(sep, limit - sep.length);
    if (i >= 0 && i + sep.length >= floor) return i + sep.length;
  }
  return limit;
}


/**
 * Annotates `text` piece by piece with `annotateOne`, reporting progress, and
 * returns one result in whole-text code points.
 * @param {string} text
 * @param {{lang?: string, dct?: string|null}} opts
 * @param {(text: string, opts: {lang?: string, dct?: string|null}) => Result} annotateOne
 * @param {{size?: number, onProgress?: (fraction: number) => void,
 *          onSpans?: (spans: import('./types.js').Span[]) => void,
 *          between?: () => Promise<void>, signal?: AbortSignal}} [how]
 *   onSpans: each piece's spans (whole-text offsets) as soon as they are known; with it, the
 *   returned result's `spans` stays empty (the caller collects them: a worker posts them piece
 *   by piece, so the page never deserialises 100,000 spans in one go)
 * @returns {Promise<Result>}
 */
export async function annotateInChunks(text, opts, annotateOne, how = {}) {
  const pieces = splitChunks(text, how.size);
  /** @type {Result} */
  const whole = { lang: 'und', dct: null, dateline: null, spans: [] };
  let lang = opts.lang && opts.lang !== 'auto' ? opts.lang : undefined;
  let dct = opts.dct || undefined;
  let done = 0;
  for (let i = 0; i < pieces.length; i++) {
    if (how.signal?.aborted) throw abortError();
    const piece = pieces[i];
    const r = annotateOne(piece.text, { ...opts, lang, dct });
    if (i === 0) {
      whole.lang = r.lang;
      whole.dct = r.dct;
      whole.dateline = r.dateline;
      lang = r.lang;
      dct = r.dct || undefined;
    }
    for (const s of r.spans) {
      s.start += piece.cpStart;
      s.end += piece.cpStart;
    }
    if (how.onSpans) how.onSpans(r.spans);
    else for (const s of r.spans) whole.spans.push(s);
    done += piece.text.length;
    how.onProgress?.(done / text.length);
    if (how.between && i + 1 < pieces.length) await how.between();
  }
  if (pieces.length === 0) {
    const r = annotateOne('', opts);
    whole.lang = r.lang;
    whole.dct = r.dct;
  }
  return whole;
}

function abortError() {
  return new DOMException('annotation cancelled', 'AbortError');
}
