// The text view: draws a text and its spans as text nodes and <mark> elements.
// Why: the store (Session) holds spans in code points; this renderer only draws what it is given
// (recogito's "renderers draw what the store holds"). It is used twice: the read-only review view
// (focusable marks) and the mirror behind the edit-mode textarea (inert marks, same geometry).
// Trade-offs:
// - The text is cut into blocks at paragraph breaks (never inside a span). Each block remembers
//   which spans it draws (an index range), so finding the mark of span i, or the span of a mark,
//   is a binary search over blocks, and a render never walks every mark.
// - Dispatch-sized texts: each render builds a key per block (its text + its spans) and reuses the
//   previous block element when the key is unchanged, so one correction in a 50 KB dispatch
//   re-draws one paragraph, not the document.
// - Huge texts (above HUGE_UNITS, a 5 MB paste): blocks are larger (HUGE_BLOCK_UNITS) and drawn
//   as plain text first; a block gets its marks ("hydrates") only when it comes near the visible
//   part of the view (an IntersectionObserver on the blocks), or on demand when the editor asks
//   for one of its marks (Tab, J/K, a jump from the entity panel). The browser's style work is
//   then proportional to what is on screen, not to the 100,000 marks of the text, and hydration
//   is spread over frames (HYDRATE_MS per frame). A re-render after a correction reuses every
//   block whose text and spans are unchanged (compared by identity, then by value), hydrated or
//   not, and hydrates at once the blocks that replace hydrated ones, so nothing flickers.
//   Trade-off: Ctrl+F in the browser finds the text of far blocks but shows no highlight there
//   until it is scrolled near; the store and every export hold all spans regardless.
// - Offsets are converted once per render for all span edges in one pass (offsets.js).

import { toUnits, toCodePoints } from './units.js';
import { spanLabel, KIND_KEY } from './labels.js';

const BLOCK_UNITS = 2048;        // a block without paragraph break is cut at a line end after this
const HARD_BLOCK_UNITS = 16384;  // ...or at a space after this (texts without line ends)
const HUGE_UNITS = 400_000;      // above this: big blocks, marks drawn near the viewport only
const HUGE_BLOCK_UNITS = 8192;   // huge texts: a block ends at the first line end after this...
const HUGE_HARD_UNITS = 32768;   // ...or at a space after this
const HYDRATE_MS = 8;            // hydration work per frame (the browser's style work follows)
const NEAR = '100% 0px';         // hydrate blocks within one view height above and below

/**
 * @typedef {import('../core/types.js').Span} Span
 * @typedef {{s:number,e:number,span:Span,i:number,user:boolean}} USpan  span in UTF-16 units, i = index in spans
 * @typedef {{s:number, e:number, from:number, to:number, div:HTMLElement, hydrated:boolean,
 *            marks:HTMLElement[]}} Block  a block of the text: units [s, e), spans [from, to)
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
 * Block bounds for huge texts: after at least `min` units, at the end of a run of line ends
 * (else, after `hard` units, after a space), never inside a span. `units` holds the spans' edges
 * in UTF-16 units: [s0, e0, s1, e1, ...].
 * @param {string} text @param {ArrayLike<number>} units
 * @param {number} [min] @param {number} [hard]
 * @returns {{s:number, e:number}[]}
 */
export function hugeBlockBounds(text, units, min = HUGE_BLOCK_UNITS, hard = HUGE_HARD_UNITS) {
  const out = [];
  const n = units.length >> 1;
  let last = 0, si = 0;
  while (last < text.length) {
    let cut = -1;
    let from = last + min;
    while (from < text.length) {
      let nl = text.indexOf('\n', from);
      if (nl < 0 || nl - last > hard) {
        const sp = text.indexOf(' ', Math.max(from, last + hard));
        nl = sp < 0 ? -1 : sp;
        if (nl < 0) break;
      }
      let c = nl + 1;
      while (c < text.length && text.charCodeAt(c) === 10) c++;
      if (c >= text.length) break;
      while (si < n && units[2 * si + 1] <= c) si++;
      if (si < n && units[2 * si] < c) { from = units[2 * si + 1]; continue; } // inside a span: after it
      cut = c;
      break;
    }
    if (cut < 0) { out.push({ s: last, e: text.length }); break; }
    out.push({ s: last, e: cut });
    last = cut;
  }
  if (!out.length) out.push({ s: 0, e: 0 });
  return out;
}

/**
 * A view over a container element.
 * @param {HTMLElement} container
 * @param {{interactive:boolean, isUser?:(span:Span)=>boolean, stateOf?:(span:Span)=>string}} opts
 *   isUser: was this span made by the editor (a correction) rather than the engine;
 *   stateOf: its review state, 'automatic' | 'accepted' | 'corrected' (default: from isUser).
 *   Marks carry it as data-state and in their letter (A, A✓, A✎) and accessible name.
 */
export function createTextView(container, opts) {
  const interactive = !!opts.interactive;
  const isUserFn = opts.isUser ?? (() => false);
  const stateOf = opts.stateOf ?? ((sp) => (isUserFn(sp) ? 'corrected' : 'automatic'));
  /** The review state of a span, as drawn (a string: part of the block cache key). */
  const isUser = (sp) => stateOf(sp);
  /** @type {Map<string, Block[]>} */
  let cache = new Map();
  let text = '';
  /** @type {Span[]} */ let spans = [];
  /** @type {ArrayLike<number>} */ let units = [];   // span edges in UTF-16 units
  /** @type {Block[]} */ let blocks = [];
  let huge = false;
  /** @type {WeakMap<Element, Block>} */ const blockOf = new WeakMap();
  /** @type {WeakMap<Element, number>} */ const localIndex = new WeakMap(); // mark -> index in its block

  function buildMark(i, s, e, state) {
    const sp = spans[i];
    const m = document.createElement('mark');
    const user = state === 'corrected' || state === 'accepted';
    m.className = `dp-mark dp-${sp.kind}${user ? ' dp-user' : ''}`;
    m.setAttribute('part', `mark mark-${sp.kind}`);
    m.dataset.k = (KIND_KEY[sp.kind] ?? '?') + (state === 'accepted' ? '✓' : state === 'corrected' ? '✎' : '');
    m.dataset.state = state;
    if (interactive) {
      m.tabIndex = -1;
      m.setAttribute('aria-label', spanLabel(sp, state));
    }
    m.textContent = text.slice(s, e);
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

  /** Fill a block's element with its text and marks. */
  function hydrate(b, users) {
    const div = b.div;
    const parts = [];
    const marks = [];
    let pos = b.s;
    for (let i = b.from; i < b.to; i++) {
      const s = units[2 * i], e = units[2 * i + 1];
      if (s > pos) parts.push(text.slice(pos, s));
      const m = buildMark(i, s, e, users ? users[i - b.from] : isUser(spans[i]));
      localIndex.set(m, i - b.from);
      marks.push(m);
      parts.push(m);
      pos = e;
    }
    if (pos < b.e) parts.push(text.slice(pos, b.e));
    if (b.e === text.length && text.endsWith('\n')) parts.push('\u200b'); // textarea shows the last empty line
    div.replaceChildren(...parts);
    b.marks = marks;
    b.hydrated = true;
    if (huge) {
      div.style.removeProperty('contain-intrinsic-size');
      observer?.unobserve(div);
    }
  }

  /** A block's element; in a huge text plain text until it hydrates. */
  function newBlock(s, e, from, to, hydrated, users) {
    const div = document.createElement('div');
    div.className = 'dp-block';
    /** @type {Block} */
    const b = { s, e, from, to, div, hydrated: false, marks: [] };
    blockOf.set(div, b);
    if (hydrated) hydrate(b, users);
    else {
      div.textContent = text.slice(s, e) + (e === text.length && text.endsWith('\n') ? '\u200b' : '');
      // A placeholder height near the real one keeps the scrollbar honest while off-screen.
      div.style.setProperty('contain-intrinsic-size', `auto ${estimateLines(text, s, e) * 1.6}em`);
    }
    return b;
  }

  // ---- huge texts: hydration near the viewport ---------------------------------------------------
  /** @type {IntersectionObserver|null} */ let observer = null;
  /** @type {Set<Block>} */ const queue = new Set();
  let frame = 0;
  function observe(b) {
    if (b.hydrated) return;
    if (!observer && typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver((entries) => {
        for (const en of entries) {
          const blk = blockOf.get(en.target);
          if (!blk || blk.div !== en.target) continue;
          if (en.isIntersecting && !blk.hydrated) queue.add(blk); else queue.delete(blk);
        }
        pump();
      }, { root: container, rootMargin: NEAR });
    }
    if (observer) observer.observe(b.div);
    else hydrate(b); // no observer: draw everything (old browsers)
  }
  function pump() {
    if (frame || !queue.size) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const deadline = performance.now() + HYDRATE_MS;
      // nearest to the visible part first: those in view, in text order
      for (const b of queue) {
        queue.delete(b);
        if (b.hydrated || blockOf.get(b.div) !== b || !b.div.isConnected) continue;
        hydrate(b);
        if (performance.now() > deadline) break;
      }
      pump();
    });
  }

  /** Compare the spans [a, a+n) of `prev` with [b, b+n) of `spans`: same extent, kind, value, author. */
  function sameSpans(prev, a, b, n) {
    for (let k = 0; k < n; k++) {
      const x = prev[a + k], y = spans[b + k];
      if (x === y) continue;
      if (x.start !== y.start || x.end !== y.end || x.kind !== y.kind || x.source !== y.source || valueKey(x) !== valueKey(y)) return false;
    }
    return true;
  }

  /** Put the blocks' elements in place, touching only what changed. */
  function place(list) {
    const kids = container.children;
    for (let i = 0; i < list.length; i++) if (kids[i] !== list[i].div) container.insertBefore(list[i].div, kids[i] ?? null);
    while (kids.length > list.length) /** @type {Element} */ (container.lastElementChild).remove();
  }

  function renderSmall() {
    /** @type {USpan[]} */
    const uspans = spans.map((span, i) => ({ s: units[2 * i], e: units[2 * i + 1], span, i, user: isUser(span) }));
    const bounds = blockBounds(text, uspans);
    const old = cache;
    cache = new Map();
    const next = [];
    let si = 0;
    for (const bd of bounds) {
      const from = si;
      while (si < uspans.length && uspans[si].s < bd.e) si++;
      let key = text.slice(bd.s, bd.e);
      for (let i = from; i < si; i++) {
        const u = uspans[i], sp = u.span;
        key += `\u0000${u.s - bd.s},${u.e - bd.s},${sp.kind},${u.user},${valueKey(sp)}`;
      }
      const reuse = old.get(key)?.shift();
      let b;
      if (reuse) { b = reuse; b.s = bd.s; b.e = bd.e; b.from = from; b.to = si; } else {
        b = newBlock(bd.s, bd.e, from, si, true, uspans.slice(from, si).map((u) => u.user));
      }
      const list = cache.get(key);
      if (list) list.push(b); else cache.set(key, [b]);
      next.push(b);
    }
    return next;
  }

  function renderHuge(prevText, prevSpans, prevBlocks) {
    const bounds = hugeBlockBounds(text, units);
    /** @type {Map<number, Block>} */
    const byStart = new Map();
    if (prevText === text) for (const b of prevBlocks) byStart.set(b.s, b);
    const next = [];
    let si = 0, oi = 0;
    const n = spans.length;
    for (const bd of bounds) {
      const from = si;
      while (si < n && units[2 * si] < bd.e) si++;
      const o = byStart.get(bd.s);
      if (o && o.e === bd.e && o.to - o.from === si - from && sameSpans(prevSpans, o.from, from, si - from)) {
        byStart.delete(bd.s);
        o.from = from; o.to = si;
        next.push(o);
        continue;
      }
      // A new block replacing a drawn one is drawn at once (no flash of plain text).
      while (oi < prevBlocks.length && prevBlocks[oi].e <= bd.s) oi++;
      let drawn = false;
      for (let k = oi; k < prevBlocks.length && prevBlocks[k].s < bd.e; k++) if (prevBlocks[k].hydrated) { drawn = true; break; }
      next.push(newBlock(bd.s, bd.e, from, si, drawn && prevText === text));
    }
    return next;
  }

  /**
   * Draw `newText` with `newSpans` (code points, sorted, non-overlapping).
   * @returns {Promise<void>} resolves when drawn (at once; far blocks of huge texts get their
   *   marks when they come near the viewport, or when asked for with mark(i))
   */
  function render(newText, newSpans) {
    const prevText = text, prevSpans = spans, prevBlocks = blocks;
    text = newText;
    spans = newSpans;
    const edges = new Array(spans.length * 2);
    for (let i = 0; i < spans.length; i++) { edges[2 * i] = spans[i].start; edges[2 * i + 1] = spans[i].end; }
    units = toUnits(text, edges);
    const wasHuge = huge;
    huge = text.length > HUGE_UNITS;
    if (wasHuge !== huge) cache = new Map();
    // styles.js: on a phone a dispatch scrolls with the page, a huge text keeps its own scroller
    // (the one the hydration's IntersectionObserver watches)
    if (wasHuge !== huge) container.classList.toggle('dp-huge', huge);
    blocks = huge ? renderHuge(prevText, prevSpans, wasHuge ? prevBlocks : []) : renderSmall();
    if (wasHuge && !huge) { observer?.disconnect(); queue.clear(); }
    if (observer) {
      const kept = new Set(blocks);
      for (const b of prevBlocks) if (!b.hydrated && !kept.has(b)) { observer.unobserve(b.div); queue.delete(b); }
    }
    place(blocks);
    if (huge) for (const b of blocks) if (!b.hydrated) observe(b);
    return Promise.resolve();
  }

  /** The block drawing span i (binary search on the blocks' span ranges). */
  function blockOfSpan(i) {
    let lo = 0, hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid].to <= i) lo = mid + 1; else hi = mid;
    }
    const b = blocks[lo];
    return b && i >= b.from && i < b.to ? b : null;
  }

  /** The mark of span i, drawing its block first when it is not yet drawn. */
  function mark(i) {
    if (!(i >= 0 && i < spans.length)) return null;
    const b = blockOfSpan(i);
    if (!b) return null;
    if (!b.hydrated) { hydrate(b); queue.delete(b); }
    return b.marks[i - b.from] ?? null;
  }

  /** Index of the span drawn by a mark (or an element inside it), else -1. */
  function indexOf(el) {
    const m = el?.closest?.('mark.dp-mark');
    if (!m) return -1;
    const b = blockOf.get(m.parentElement);
    const k = localIndex.get(m);
    if (!b || k === undefined || b.marks[k] !== m || !container.contains(m)) return -1;
    return b.from + k;
  }

  /** UTF-16 offset in the text of a DOM boundary point inside the container, or -1. */
  function unitOffset(node, offset) {
    const el = node.nodeType === 1 ? /** @type {Element} */ (node) : node.parentElement;
    const block = el?.closest?.('.dp-block');
    if (!block || !container.contains(block)) {
      if (node === container) { // boundary between blocks
        const b = container.children[offset] ?? null;
        return b ? blockOf.get(b)?.s ?? -1 : text.length;
      }
      return -1;
    }
    const r = document.createRange();
    r.setStart(block, 0);
    r.setEnd(node, offset);
    return (blockOf.get(block)?.s ?? 0) + r.toString().replace(/\u200b/g, '').length;
  }

  /** The DOM point of UTF-16 offset `u` (`end`: the end of a range, so a block's end rather than the next one's start). */
  function pointAt(u, end) {
    let lo = 0, hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (end ? blocks[mid].s < u : blocks[mid].s <= u) lo = mid; else hi = mid - 1;
    }
    const b = blocks[lo];
    if (!b) return null;
    if (!b.hydrated) { hydrate(b); queue.delete(b); }
    const walker = document.createTreeWalker(b.div, NodeFilter.SHOW_TEXT);
    let at = b.s;
    /** @type {Text|null} */ let last = null;
    for (let t = /** @type {Text|null} */ (walker.nextNode()); t; t = /** @type {Text|null} */ (walker.nextNode())) {
      if (t.data === '\u200b') continue;
      if (u <= at + t.data.length && (end || u < at + t.data.length)) return [t, u - at];
      at += t.data.length;
      last = t;
    }
    return last ? [last, last.data.length] : [b.div, 0];
  }

  return {
    render,
    indexOf,
    mark,
    /**
     * The code-point offset of the character edge nearest to the viewport point (x, y), or -1
     * outside the text. For pointer drags that start anywhere, a highlight included (the editor
     * draws the selection itself: Chromium starts no selection from a press on a <mark>).
     */
    offsetAtPoint(x, y) {
      const rn = /** @type {any} */ (container.getRootNode());
      const el = (rn.elementFromPoint ? rn : document).elementFromPoint(x, y);
      let block = el?.closest?.('.dp-block');
      if (!block || !container.contains(block)) {
        block = null;
        for (const b of blocks) { const r = b.div.getBoundingClientRect(); if (y >= r.top && y <= r.bottom) { block = b.div; break; } }
        if (!block) return -1;
      }
      const b = blockOf.get(block);
      if (!b) return -1;
      if (!b.hydrated) { hydrate(b); queue.delete(b); }
      const walker = document.createTreeWalker(b.div, NodeFilter.SHOW_TEXT);
      const r = document.createRange();
      let at = b.s, best = -1, bestD = Infinity;
      for (let t = /** @type {Text|null} */ (walker.nextNode()); t; t = /** @type {Text|null} */ (walker.nextNode())) {
        if (t.data === '\u200b') continue;
        for (let i = 0; i < t.data.length; i++) {
          r.setStart(t, i); r.setEnd(t, i + 1);
          const q = r.getBoundingClientRect();
          if (!q.height || y < q.top || y > q.bottom) continue;
          const d = x < q.left ? q.left - x : x > q.right ? x - q.right : 0;
          if (d < bestD) { bestD = d; best = at + i + (x > (q.left + q.right) / 2 ? 1 : 0); }
        }
        at += t.data.length;
      }
      if (best < 0) return -1;
      return toCodePoints(text, [best, best])[0];
    },
    /** A DOM Range over the code points [start, end) of the text (drawing their blocks first), or null. */
    domRange(start, end) {
      if (!(start >= 0 && end >= start)) return null;
      const [a, b] = toUnits(text, [start, end]);
      const p = pointAt(a, false), q = pointAt(b, true);
      if (!p || !q) return null;
      const r = document.createRange();
      r.setStart(p[0], p[1]);
      r.setEnd(q[0], q[1]);
      return r;
    },
    get spans() { return spans; },
    get text() { return text; },
    /** True when every mark is in the DOM (huge texts draw marks near the viewport only). */
    get complete() { return blocks.every((b) => b.hydrated); },
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

/** Rough number of lines [s, e) of text takes (about 90 characters a line), for placeholders. */
function estimateLines(text, s, e) {
  let lines = 0, at = s;
  while (at < e) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl >= e) nl = e;
    lines += Math.max(1, Math.ceil((nl - at) / 90));
    at = nl + 1;
  }
  return lines;
}
