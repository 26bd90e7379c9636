// The text view: draws a text and its spans as text nodes and <mark> elements.
// Why: the store (Session) holds spans in code points; this renderer only draws what it is given
// (recogito's "renderers draw what the store holds"). It is used twice: the read-only review view
// (focusable marks) and the mirror behind the edit-mode textarea (inert marks, same geometry).
// Trade-offs:
// - The text is cut into blocks at paragraph breaks (never inside a span). Each render builds a
//   key per block (its text + its spans) and reuses the previous block element when the key is
//   unchanged, so one correction in a 50 KB dispatch re-draws one paragraph, not the document.
// - Texts above SLICE_UNITS are drawn in time-sliced chunks (one chunk per frame) so a 5 MB paste
//   never freezes the page; blocks use content-visibility:auto (CSS) so off-screen ones cost
//   nothing to lay out. Until a sliced render finishes, the view shows the blocks drawn so far.
// - Offsets are converted once per render for all span edges in one pass (offsets.js).

import { toUnits, toCodePoints } from './units.js';
import { spanLabel, KIND_KEY } from './labels.js';

const BLOCK_UNITS = 2048;      // a block without paragraph break is cut at a line end after this
const HARD_BLOCK_UNITS = 16384; // ...or at a space after this (texts without line ends)
const SLICE_UNITS = 400_000;    // above this, render in chunks
const SLICE_MS = 8;             // work per frame when slicing

/**
 * @typedef {import('../core/types.js').Span} Span
 * @typedef {{s:number,e:number,span:Span,i:number,user:boolean}} USpan  span in UTF-16 units, i = index in spans
 */

/** Block bounds (UTF-16 units) for `text`, never cutting inside a span. */
export function blockBounds(text, uspans) {
  const cuts = [0];
  let last = 0, si = 0;
  const re = /\n+|[ \t]+/g;
  let m;
  while ((m = re.exec(text))) {
    const cut = m.index + m[0].length;
    if (cut >= text.length) break;
    const nl = m[0].charCodeAt(0) === 10;
    const size = cut - last;
    if (!(nl && (m[0].length >= 2 || size >= BLOCK_UNITS)) && !(size >= HARD_BLOCK_UNITS)) continue;
    while (si < uspans.length && uspans[si].e <= cut) si++;
    if (si < uspans.length && uspans[si].s < cut) continue;
    cuts.push(cut);
    last = cut;
  }
  const out = [];
  for (let i = 0; i < cuts.length; i++) out.push({ s: cuts[i], e: i + 1 < cuts.length ? cuts[i + 1] : text.length });
  return out;
}

/**
 * A view over a container element.
 * @param {HTMLElement} container
 * @param {{interactive:boolean, onProgress?:(fraction:number)=>void, isUser?:(span:Span)=>boolean}} opts
 *   isUser: was this span made by the editor (a correction) rather than the engine
 */
export function createTextView(container, opts) {
  const interactive = !!opts.interactive;
  /** @type {Map<string, HTMLElement[]>} */
  let cache = new Map();
  let text = '';
  /** @type {Span[]} */ let spans = [];
  /** @type {USpan[]} */ let uspans = [];
  /** @type {HTMLElement[]} */ let marks = [];   // marks[i] draws spans[i] (when drawn)
  /** @type {WeakMap<Element, number>} */ let markIndex = new WeakMap();
  /** @type {WeakMap<Element, number>} */ let blockStart = new WeakMap();
  let generation = 0;
  let complete = true;

  function buildMark(u) {
    const sp = u.span;
    const m = document.createElement('mark');
    m.className = `dp-mark dp-${sp.kind}${u.user ? ' dp-user' : ''}`;
    m.setAttribute('part', `mark mark-${sp.kind}`);
    m.dataset.k = KIND_KEY[sp.kind] ?? '?';
    if (interactive) {
      m.tabIndex = -1;
      m.setAttribute('aria-label', spanLabel(sp, u.user));
    }
    m.textContent = text.slice(u.s, u.e);
    return m;
  }

  /** @type {WeakMap<object, string>} */
  const valueKeys = new WeakMap();
  const valueKey = (sp) => {
    if (sp.value == null) return '';
    if (typeof sp.value !== 'object') return String(sp.value);
    let k = valueKeys.get(sp.value);
    if (k === undefined) { k = JSON.stringify(sp.value); valueKeys.set(sp.value, k); }
    return k;
  };
  function blockKey(b, from, to) {
    let k = text.slice(b.s, b.e);
    for (let i = from; i < to; i++) {
      const u = uspans[i], sp = u.span;
      k += `\u0000${u.s - b.s},${u.e - b.s},${sp.kind},${u.user ? 1 : 0},${valueKey(sp)}`;
    }
    return k;
  }

  function buildBlock(b, from, to) {
    const div = document.createElement('div');
    div.className = 'dp-block';
    let pos = b.s;
    for (let i = from; i < to; i++) {
      const u = uspans[i];
      if (u.s > pos) div.append(text.slice(pos, u.s));
      div.append(buildMark(u));
      pos = u.e;
    }
    if (pos < b.e) div.append(text.slice(pos, b.e));
    if (b.e === text.length && text.endsWith('\n')) div.append('\u200b'); // textarea shows the last empty line
    return div;
  }

  /** Register a block's marks (reused or new) under their current span indexes. */
  function indexBlock(div, from, to) {
    const ms = div.getElementsByTagName('mark');
    for (let i = from, j = 0; i < to; i++, j++) {
      marks[i] = /** @type {HTMLElement} */ (ms[j]);
      markIndex.set(ms[j], i);
    }
  }

  /**
   * Draw `newText` with `newSpans` (code points, sorted, non-overlapping).
   * @returns {Promise<void>} resolves when every block is drawn (at once for normal texts)
   */
  function render(newText, newSpans) {
    const gen = ++generation;
    text = newText;
    spans = newSpans;
    const edges = [];
    for (const sp of spans) edges.push(sp.start, sp.end);
    const units = toUnits(text, edges);
    const isUser = opts.isUser ?? (() => false);
    uspans = spans.map((span, i) => ({ s: units[2 * i], e: units[2 * i + 1], span, i, user: isUser(span) }));
    marks = new Array(spans.length);
    markIndex = new WeakMap();
    blockStart = new WeakMap();
    const bounds = blockBounds(text, uspans);
    const old = cache;
    cache = new Map();
    let si = 0, bi = 0;
    const nodes = [];
    const step = (deadline) => {
      for (; bi < bounds.length; bi++) {
        if (deadline && (bi & 15) === 0 && performance.now() > deadline) return false;
        const b = bounds[bi];
        const from = si;
        while (si < uspans.length && uspans[si].s < b.e) si++;
        const key = blockKey(b, from, si);
        const reuse = old.get(key);
        const div = reuse?.length ? reuse.shift() : buildBlock(b, from, si);
        const list = cache.get(key);
        if (list) list.push(div); else cache.set(key, [div]);
        blockStart.set(div, b.s);
        indexBlock(div, from, si);
        nodes.push(div);
      }
      return true;
    };
    if (text.length <= SLICE_UNITS) {
      step(0);
      // Put the blocks in place touching only what changed (one correction: one block).
      const kids = container.children;
      for (let i = 0; i < nodes.length; i++) if (kids[i] !== nodes[i]) container.insertBefore(nodes[i], kids[i] ?? null);
      while (kids.length > nodes.length) /** @type {Element} */ (container.lastElementChild).remove();
      complete = true;
      return Promise.resolve();
    }
    complete = false;
    container.replaceChildren();
    return new Promise((resolve) => {
      const tick = () => {
        if (gen !== generation) return resolve();
        const done = step(performance.now() + SLICE_MS);
        container.append(...nodes.splice(0));
        opts.onProgress?.(done ? 1 : bi / bounds.length);
        if (done) { complete = true; resolve(); } else requestAnimationFrame(tick);
      };
      tick();
    });
  }

  /** Index of the span drawn by a mark (or an element inside it), else -1. */
  function indexOf(el) {
    const m = el?.closest?.('mark.dp-mark');
    return m && markIndex.has(m) ? /** @type {number} */ (markIndex.get(m)) : -1;
  }

  /** UTF-16 offset in the text of a DOM boundary point inside the container, or -1. */
  function unitOffset(node, offset) {
    const el = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    const block = el?.closest?.('.dp-block');
    if (!block || !container.contains(block)) {
      if (node === container) { // boundary between blocks
        const b = container.children[offset] ?? null;
        return b ? blockStart.get(b) ?? -1 : text.length;
      }
      return -1;
    }
    const r = document.createRange();
    r.setStart(block, 0);
    r.setEnd(node, offset);
    return (blockStart.get(block) ?? 0) + r.toString().replace(/\u200b/g, '').length;
  }

  return {
    render,
    indexOf,
    /** @param {number} i */ mark: (i) => marks[i] ?? null,
    get spans() { return spans; },
    get text() { return text; },
    get complete() { return complete; },
    /** Code-point extent of a DOM Range inside the view, or null when it is outside or empty. */
    rangeToCodePoints(range) {
      if (!range || range.collapsed) return null;
      const a = unitOffset(range.startContainer, range.startOffset);
      const b = unitOffset(range.endContainer, range.endOffset);
      if (a < 0 || b < 0 || a === b) return null;
      const [s, e] = toCodePoints(text, [Math.min(a, b), Math.max(a, b)]);
      return { start: s, end: e };
    },
  };
}
