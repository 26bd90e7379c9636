// Corrections in for= mode: the correction chip (popover.js) wired to the host's own editor.
// Why: in for= mode the text is edited in the CMS's editor (CKEditor 5, TinyMCE, ProseMirror/
// Tiptap, Quill, Lexical, or a plain textarea); that editor owns clicks, the caret, plain keys,
// Ctrl/Cmd combinations and its own undo. depeche must correct its highlights without fighting
// it, so this module only watches, and acts on keys nobody else uses:
// - the caret (a collapsed selection in the host) or the mouse pointer on a highlight shows the
//   chip beside it; a selection of words shows the "add" chip. Neither takes the focus: a click
//   in the text places the caret as the editor always does, a click on a chip button keeps it.
// - Alt+Shift+letter in the host's document (capture phase; the iframe's for TinyMCE classic):
//   A/P/D add the selection or change the kind at the caret, X deletes, V opens the value form,
//   C enters the chip, Z/Y undo/redo depeche's corrections. keymap.js (HOST_BINDINGS) has the
//   keys and why they are free in each editor's default keymap. A key is taken (preventDefault
//   and stopPropagation) only when depeche acts on it; the host's Ctrl+Z is never touched.
// - Esc in the chip gives the focus back to the host with its selection as it was (a Range; a
//   textarea's selectionStart/End).
// Offsets: the host's DOM points map to UTF-16 offsets of the text readHost read (its segments),
// then to code points (core/offsets.js); selections snap to whole words (core/words.js).
// Nothing is written into the host's DOM: the chips live in the element's shadow root.
// Trade-offs: the chip is `position: fixed` from the text's client rects (plus the iframe's offset
// for a host in a same-origin iframe); pointer hit-testing runs once per animation frame, with
// caretPositionFromPoint (or caretRangeFromPoint) and one Range's rects, or the mirror's rects
// for a textarea. Before a correction the host's pending text change is read (flush), so offsets
// always refer to the text on screen.

import { createPopover } from './popover.js';
import { hostBindingFor } from './keymap.js';
import { UserError } from './notices.js';
import { rangesFor } from './host-text.js';
import { offsetMap } from '../core/offsets.js';
import { snapToWords } from '../core/words.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {{node:Text, at:number}} Seg */

const GRACE_MS = 400; // the pointer may leave a highlight this long on its way to the chip
const TYPING_MS = 500; // the chip keeps out of the way while the host is typed in, and this long after

// ---- pure helpers (unit-tested in tests/js/host-corrections.test.mjs) ---------------------------

/** @type {WeakMap<Seg[], Map<any, number>>} */
const segMaps = new WeakMap();
/** Index of a text node among the segments (built once per segments array). */
function segIndexOf(segs, node) {
  let m = segMaps.get(segs);
  if (!m) { m = new Map(segs.map((s, i) => [s.node, i])); segMaps.set(segs, m); }
  return m.get(node);
}

/**
 * The UTF-16 offset, in the text readHost read, of a DOM point (node, offset) inside the host.
 * A text node of the segments maps directly; any other point (an element boundary, a skipped
 * whitespace node) goes to the start of the first segment at or after it, found by binary search
 * with `compare(segNode)` (<0: the segment starts before the point; >=0: at or after it).
 * @param {Seg[]} segs @param {any} node @param {number} offset
 * @param {(segNode:any) => number} [compare]
 * @returns {number}
 */
export function pointToU16(segs, node, offset, compare) {
  if (!segs.length) return 0;
  const i = segIndexOf(segs, node);
  if (i !== undefined) return segs[i].at + Math.max(0, Math.min(offset, segs[i].node.data.length));
  if (!compare) return 0;
  let lo = 0, hi = segs.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (compare(segs[m].node) < 0) lo = m + 1; else hi = m; }
  if (lo < segs.length) return segs[lo].at;
  const last = segs[segs.length - 1];
  return last.at + last.node.data.length;
}

/**
 * A selection [a, b) in UTF-16 units of `text` as code points, optionally snapped out to whole
 * words (a surrogate pair is never cut: the start snaps down, the end up).
 * @param {string} text @param {number} a @param {number} b @param {boolean} [snap]
 * @returns {{start:number, end:number}|null} null: empty, or no word in it
 */
export function selectionExtent(text, a, b, snap = true) {
  const lo = Math.max(0, Math.min(a, b, text.length)), hi = Math.min(text.length, Math.max(a, b));
  if (lo >= hi) return null;
  const map = offsetMap(text);
  const s = map.toCodePoint(lo, 'down'), e = map.toCodePoint(hi, 'up');
  if (!snap) return s < e ? { start: s, end: e } : null;
  const r = snapToWords(text, s, e);
  return r && { start: r[0], end: r[1] };
}

/**
 * The span holding the caret at code point `p` (sorted, non-overlapping spans): one with
 * start <= p <= end; between two touching spans, the one that starts at p.
 * @param {readonly Span[]} spans @param {number} p @returns {Span|null}
 */
export function spanAtCaret(spans, p) {
  let lo = 0, hi = spans.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].end < p) lo = m + 1; else hi = m; }
  const a = spans[lo];
  if (!a || a.start > p) return null;
  const b = spans[lo + 1];
  if (a.end === p && b && b.start === p) return b;
  return a;
}

// ---- the wiring -----------------------------------------------------------------------------------

/**
 * @param {{
 *   shadow: ShadowRoot,            the element's shadow root (the chips go here)
 *   host: HTMLElement,             the annotated element (contenteditable, any element, or a textarea)
 *   session: () => any,            the Session (null until it exists)
 *   spans?: () => readonly Span[], the spans shown (kinds=); default: all of the session's
 *   segs: () => Seg[],             readHost's segments for the session's text (not for a textarea)
 *   mirrorRange?: ((ext: {start:number, end:number}) => Range|null) | null,
 *                                  a textarea host: a Range over the extent in its mirror (or null)
 *   flush: () => void,             read the host's pending change into the session now
 *   notices: {announce:(m:string)=>void, error:(e:any, c?:string)=>any},
 *   engine?: () => any,
 *   readonly?: boolean,
 * }} o
 */
export function createHostCorrections(o) {
  const host = o.host;
  const doc = host.ownerDocument;
  const win = /** @type {any} */ (doc.defaultView ?? globalThis);
  const topWin = /** @type {any} */ ((o.shadow.host?.ownerDocument ?? document).defaultView ?? globalThis);
  const isTextarea = host.tagName === 'TEXTAREA' || host.tagName === 'INPUT';
  let readonly = !!o.readonly;
  let destroyed = false;
  const cleanups = [];
  const listen = (t, type, fn, opt) => { t.addEventListener(type, fn, opt); cleanups.push(() => t.removeEventListener(type, fn, opt)); };
  const spans = () => o.spans?.() ?? o.session()?.spans ?? [];
  const text = () => o.session()?.doc.text ?? '';

  const popover = createPopover({
    parent: o.shadow,
    session: o.session,
    notices: o.notices,
    engine: o.engine,
    readonly: () => readonly,
    rectOf,
    onReturn: restore,
    onDone: () => schedule(),
    help: 'host',
  });

  // ---- geometry --------------------------------------------------------------------------------------
  /** Offset of the host's viewport in the chip's (a host inside same-origin iframes). */
  function frameOffset() {
    let x = 0, y = 0;
    for (let w = win; w && w !== topWin; w = w.parent) {
      const f = /** @type {HTMLElement|null} */ (w.frameElement);
      if (!f) break;
      const r = f.getBoundingClientRect();
      const cs = f.ownerDocument.defaultView.getComputedStyle(f);
      x += r.left + f.clientLeft + (parseFloat(cs.paddingLeft) || 0);
      y += r.top + f.clientTop + (parseFloat(cs.paddingTop) || 0);
      if (w.parent === w) break;
    }
    return { x, y };
  }
  /** A Range over the extent, in the host (or in the textarea's mirror). */
  function rangeOf(ext) {
    if (isTextarea) return mirrorRange(ext);
    const s = o.session();
    if (!s) return null;
    return rangesFor(doc, s.doc.text, o.segs(), [ext])[0] ?? null;
  }
  /** The textarea's mirror (the overlay in the shadow root, render.js's text view) holds the same text: a Range there. */
  const mirrorRange = (ext) => o.mirrorRange?.(ext) ?? null;
  /** The extent's first line box, in the chip's viewport. */
  function rectOf(ext) {
    const r = rangeOf(ext);
    if (!r) return null;
    const rects = [...r.getClientRects()].filter((c) => c.width > 0 || c.height > 0);
    const c = rects[0] ?? r.getBoundingClientRect();
    if (isTextarea) {
      const box = host.getBoundingClientRect(); // the mirror clips to the textarea: so does the chip's anchor
      if (c.bottom < box.top || c.top > box.bottom) return null;
      return c;
    }
    const off = frameOffset();
    return new DOMRect(c.left + off.x, c.top + off.y, c.width, c.height);
  }

  // ---- the host's selection ------------------------------------------------------------------------------
  const inHost = (n) => !!n && (n === host || host.contains(n));
  function hostFocused() {
    if (!doc.hasFocus?.()) return false;
    let a = doc.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return inHost(a) || (host === doc.body && (a === doc.body || a === doc.documentElement));
  }
  /**
   * The host's selection in UTF-16 units of the session's text, or null (none, or not in the host).
   * @returns {{a:number, b:number, collapsed:boolean, clipped:boolean}|null}
   */
  function hostSelection() {
    if (isTextarea) {
      const ta = /** @type {HTMLTextAreaElement} */ (host);
      if (ta.selectionStart == null) return null;
      return { a: ta.selectionStart, b: ta.selectionEnd, collapsed: ta.selectionStart === ta.selectionEnd, clipped: false };
    }
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    const sIn = inHost(r.startContainer), eIn = inHost(r.endContainer);
    if (!sIn && !eIn && !(r.intersectsNode?.(host))) return null;
    const segs = o.segs();
    const probe = doc.createRange();
    const at = (node, off) => pointToU16(segs, node, off, (n) => { probe.setStart(node, off); probe.collapse(true); return probe.comparePoint(n, 0); });
    const a = sIn ? at(r.startContainer, r.startOffset) : 0;
    const b = eIn ? at(r.endContainer, r.endOffset) : text().length;
    return { a, b, collapsed: r.collapsed, clipped: !sIn || !eIn };
  }
  /** The host's selection as it was last seen in the host (to give it back on Esc). */
  let saved = null;
  function save() {
    if (isTextarea) {
      const ta = /** @type {HTMLTextAreaElement} */ (host);
      saved = { start: ta.selectionStart, end: ta.selectionEnd, dir: ta.selectionDirection, active: host };
      return;
    }
    const sel = doc.getSelection();
    if (!sel?.rangeCount) return;
    const r = sel.getRangeAt(0);
    if (!inHost(r.startContainer) && !inHost(r.endContainer)) return;
    let a = doc.activeElement;
    saved = { range: r.cloneRange(), backward: sel.anchorNode === r.endContainer && sel.anchorOffset === r.endOffset && !r.collapsed, active: a };
  }
  /** Give the focus back to the host, with its selection where it was. */
  function restore() {
    const s = saved;
    if (!s) { host.focus?.({ preventScroll: true }); return; }
    try {
      if (isTextarea) {
        host.focus({ preventScroll: true });
        /** @type {HTMLTextAreaElement} */ (host).setSelectionRange(s.start, s.end, s.dir ?? 'none');
      } else {
        if (win !== topWin) win.focus?.();
        const target = /** @type {HTMLElement} */ (s.active && inHost(s.active) ? s.active : host);
        target.focus?.({ preventScroll: true });
        const sel = doc.getSelection();
        if (sel) {
          sel.removeAllRanges();
          if (s.backward && sel.setBaseAndExtent) sel.setBaseAndExtent(s.range.endContainer, s.range.endOffset, s.range.startContainer, s.range.startOffset);
          else sel.addRange(s.range);
        }
      }
    } catch (e) { o.notices.error(e, 'Returning to the text'); }
    schedule();
  }

  // ---- what to show ---------------------------------------------------------------------------------------
  /** @type {Span|null} */ let hover = null;
  let graceTimer = 0, onChip = false;
  function update() {
    if (destroyed) return;
    const s = o.session();
    if (readonly || !s) { popover.hide(); popover.hideAdd(); return; }
    if (typingNow()) { if (!popover.hasFocus()) { popover.hide(); popover.hideAdd(); } return; }
    follow(s);
    if (popover.hasFocus()) { popover.refresh(); return; }
    if (hover) {
      const now = s.spanAt(hover.start, hover.end);
      if (now) { popover.show(now); return; }
      hover = null;
    }
    if (!hostFocused()) { popover.hide(); popover.hideAdd(); return; }
    // the host changed since the last re-read (not by typing: the editor's own re-rendering at a
    // focus or a click): read it now, offsets must point at the words on screen
    if (!inSync()) o.flush();
    if (!inSync()) { popover.hide(); popover.hideAdd(); return; }
    save();
    const sel = hostSelection();
    if (!sel) { popover.hide(); popover.hideAdd(); return; }
    const t = text();
    if (sel.collapsed) {
      popover.hideAdd();
      const p = offsetMap(t).toCodePoint(Math.min(sel.a, t.length));
      const sp = spanAtCaret(spans(), p);
      if (sp) popover.show(sp); else popover.hide();
      return;
    }
    const ext = selectionExtent(t, sel.a, sel.b);
    const exact = ext && s.spanAt(ext.start, ext.end);
    if (exact && spans().includes(exact)) { popover.hideAdd(); popover.show(exact); return; }
    popover.hide();
    if (ext) popover.showAdd(ext); else popover.hideAdd();
  }
  /**
   * Does the session's text still match the host's nodes? (While typing the host is ahead until
   * the debounced re-read; offsets would point at the wrong words.) O(text) string compares.
   */
  function inSync() {
    if (isTextarea) return /** @type {HTMLTextAreaElement} */ (host).value.replace(/\r\n?/g, '\n') === text();
    const t = text();
    for (const g of o.segs()) if (!g.node.isConnected || !t.startsWith(g.node.data, g.at)) return false;
    return true;
  }
  /** Watching must never throw into the host's page: a failure hides the chip and is reported once. */
  let reported = false;
  function safely(fn) {
    try { fn(); } catch (e) {
      popover.hide(); popover.hideAdd();
      if (!reported) { reported = true; o.notices.error(e, 'Corrections'); }
    }
  }
  let frame = 0;
  function schedule() {
    if (frame || destroyed || typingNow()) return; // typing: the typing timer schedules the next look
    frame = topWin.requestAnimationFrame(() => { frame = 0; safely(update); });
  }
  let followed = null;
  const onChange = () => { if (typingNow()) return; safely(() => popover.refresh()); schedule(); };
  function follow(s) {
    if (followed === s) return;
    followed?.removeEventListener('change', onChange);
    followed = s;
    s.addEventListener('change', onChange);
  }

  // ---- typing ------------------------------------------------------------------------------------------------
  // While the person types in the host, the chip keeps out of the way (hidden, and no caret
  // tracking, hit-testing or layout reads per key): it comes back TYPING_MS after the last edit,
  // beside the highlight the caret is then in. Typing stays the host editor's, at its own speed.
  let typingUntil = 0, typingTimer = 0;
  const typingNow = () => performance.now() < typingUntil;
  function onBeforeInput(e) {
    if (destroyed || readonly || !inHost(/** @type {Node} */ (e.target))) return;
    typingUntil = performance.now() + TYPING_MS;
    if (!popover.hasFocus()) { popover.hide(); popover.hideAdd(); }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => { typingTimer = 0; schedule(); }, TYPING_MS + 10);
  }

  // ---- the pointer --------------------------------------------------------------------------------------------
  let px = 0, py = 0, hoverFrame = 0;
  function onPointerMove(e) {
    if (readonly || e.pointerType === 'touch') return;
    px = e.clientX; py = e.clientY;
    if (!hoverFrame) hoverFrame = win.requestAnimationFrame(() => { hoverFrame = 0; safely(hitTest); });
  }
  function hitTest() {
    if (destroyed || popover.hasFocus() || popover.formOpen || typingNow()) return;
    const sp = spanAtPoint(px, py);
    if (sp) {
      clearTimeout(graceTimer); graceTimer = 0;
      if (!hover || hover.start !== sp.start || hover.end !== sp.end) { hover = sp; update(); }
      return;
    }
    if (hover && !graceTimer) leaveSoon();
  }
  function leaveSoon() {
    clearTimeout(graceTimer);
    graceTimer = setTimeout(() => { graceTimer = 0; if (!onChip) { hover = null; update(); } }, GRACE_MS);
  }
  /** The shown span under the point (the host's viewport), or null. */
  function spanAtPoint(x, y) {
    const s = o.session();
    if (!s) return null;
    const inside = (rects) => [...rects].some((c) => x >= c.left - 1 && x <= c.right + 1 && y >= c.top - 1 && y <= c.bottom + 1);
    if (isTextarea) {
      const list = spans();
      if (list.length > 2000) return null;
      for (const sp of list) { // the mirror lies over the textarea: its rects are the words'
        const r = mirrorRange(sp);
        if (r && inside(r.getClientRects())) return sp;
      }
      return null;
    }
    let node = null, offset = 0;
    if (doc.caretPositionFromPoint) {
      const p = doc.caretPositionFromPoint(x, y);
      if (p) { node = p.offsetNode; offset = p.offset; }
    } else if (doc.caretRangeFromPoint) {
      const r = doc.caretRangeFromPoint(x, y);
      if (r) { node = r.startContainer; offset = r.startOffset; }
    }
    if (!node || !inHost(node)) return null;
    if (!inSync()) return null;
    const t = text();
    const segs = o.segs();
    const u = pointToU16(segs, node, offset);
    const p = offsetMap(t).toCodePoint(Math.min(u, t.length));
    // the caret position is the nearest boundary: the span before or after it may be the one under the pointer
    const list = spans();
    for (const sp of [spanAtCaret(list, p), spanAtCaret(list, Math.max(0, p - 1))]) {
      if (!sp) continue;
      const r = rangesFor(doc, t, segs, [sp])[0];
      if (r && inside(r.getClientRects())) return sp;
    }
    return null;
  }

  // ---- keys in the host --------------------------------------------------------------------------------------
  function onKeyDown(e) {
    const b = hostBindingFor(e);
    if (!b || readonly || destroyed) return;
    const path = e.composedPath?.() ?? [];
    if (!path.includes(host) && !inHost(/** @type {Node} */ (e.target))) return;
    const s = o.session();
    if (!s) return;
    let handled = false;
    try { handled = act(b.cmd, b.arg); } catch (x) { o.notices.error(x, 'Correction'); handled = true; }
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  }
  /** A host shortcut; returns whether depeche acted (else the key goes on to the page). */
  function act(cmd, arg) {
    const s = o.session();
    if (cmd === 'undo' || cmd === 'redo') { popover.run(cmd); return true; }
    o.flush(); // offsets must be those of the text on screen
    save();
    const sel = hostSelection();
    const t = text();
    const caret = () => {
      if (!sel) return null;
      const p = offsetMap(t).toCodePoint(Math.min(sel.collapsed ? sel.a : Math.min(sel.a, sel.b), t.length));
      const sp = spanAtCaret(spans(), p);
      if (sp && !sel.collapsed) { // a selection inside one highlight counts as the caret on it
        const ext = selectionExtent(t, sel.a, sel.b, false);
        if (!ext || ext.start < sp.start || ext.end > sp.end) return null;
      }
      return sp;
    };
    if (cmd === 'kind') {
      if (sel && !sel.collapsed) {
        const ext = selectionExtent(t, sel.a, sel.b);
        if (!ext) throw new UserError('The selection holds no word to add.');
        if (sel.clipped) o.notices.announce('Only the part of the selection inside the text was taken.');
        const exact = s.spanAt(ext.start, ext.end);
        if (exact) { popover.show(exact); popover.run(arg); return true; }
        popover.add(ext, arg);
        return true;
      }
      const sp = caret();
      if (!sp) return false;
      popover.show(sp);
      popover.run(arg);
      return true;
    }
    const sp = caret();
    if (cmd === 'enter') {
      update();
      if (popover.enter()) return true;
      if (!sp) return false;
      popover.show(sp);
      return popover.enter();
    }
    if (!sp) return false;
    popover.show(sp);
    if (cmd === 'delete') popover.run('delete');
    else if (cmd === 'value') popover.openValue();
    else if (cmd === 'reading') popover.run(arg > 0 ? 'nextReading' : 'prevReading');
    return true;
  }

  // ---- listeners ---------------------------------------------------------------------------------------------
  listen(doc, 'keydown', onKeyDown, true);
  listen(doc, 'beforeinput', onBeforeInput, true);
  listen(doc, 'selectionchange', schedule);
  listen(doc, 'focusin', schedule);
  listen(doc, 'focusout', schedule);
  listen(doc, 'pointermove', onPointerMove, { passive: true });
  listen(host, 'pointerleave', () => { if (hover) leaveSoon(); });
  if (isTextarea) for (const t of ['select', 'keyup', 'mouseup', 'input', 'scroll']) listen(host, t, schedule);
  const placeSafely = () => safely(() => popover.place());
  listen(win, 'scroll', placeSafely, { capture: true, passive: true });
  listen(win, 'resize', placeSafely);
  if (topWin !== win) {
    listen(topWin, 'scroll', placeSafely, { capture: true, passive: true });
    listen(topWin, 'resize', placeSafely);
  }
  for (const el of [popover.el, popover.addEl]) {
    listen(el, 'pointerenter', () => { onChip = true; clearTimeout(graceTimer); graceTimer = 0; });
    listen(el, 'pointerleave', () => { onChip = false; if (hover) leaveSoon(); });
    listen(el, 'focusout', (e) => { if (!popover.contains(/** @type {Node} */ (e.relatedTarget))) schedule(); });
  }

  return {
    popover,
    update: schedule,
    /** View only: no chip, no shortcuts. */
    setReadonly(v) { readonly = !!v; schedule(); if (readonly) { popover.hide(); popover.hideAdd(); } },
    destroy() {
      destroyed = true;
      for (const c of cleanups) c();
      followed?.removeEventListener('change', onChange);
      topWin.cancelAnimationFrame(frame);
      win.cancelAnimationFrame(hoverFrame);
      clearTimeout(graceTimer);
      clearTimeout(typingTimer);
      popover.destroy();
    },
  };
}
