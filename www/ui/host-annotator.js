// The `for=` mode of <depeche-annotator>: annotate an element of the host page in place.
// Why: a CMS shows or edits the article in its own element; depeche must highlight it there
// without touching that element's DOM (the CMS owns it, frameworks diff it, it gets saved). So:
// - a paragraph/article host: its text nodes are read (a "\n" between blocks and at <br>), spans
//   (code points) become DOM Ranges over those nodes (UTF-16, through core/offsets.js) and are
//   drawn with the CSS Custom Highlight API: CSS.highlights gets `<prefix>-actor|place|date`, the
//   ::highlight() rules go into the one document-level sheet of ui/styles.js. The host's DOM is
//   never written. A MutationObserver notes what the host's edits touched; once the edits pause
//   (QUIET_MS; at least every MAX_WAIT_MS during steady typing) the text is read again, walking
//   only the blocks they touched, and only the edited block is annotated again
//   (core/incremental.js; the whole text after a longer pause), keeping the other Ranges.
//   While the keys come fast the highlights step aside (out of CSS.highlights; see "stepping aside").
//   Where the Highlight API is missing, the same ranges are drawn as boxes (Range.getClientRects)
//   in an overlay inside the element's own shadow root: still nothing in the host's DOM.
// - a <textarea> host: its text is not in the DOM, so a mirror of it (the editor's text view,
//   render.js, with the textarea's font, padding, border widths and scroll copied through the
//   CSSOM) is laid as a translucent layer (mix-blend-mode: multiply, pointer-events: none) OVER
//   the textarea, in the element's shadow root. "Over" and not "behind": behind would need the
//   textarea's own background made transparent, i.e. writing the host's styles. Re-annotates on
//   input (debounced) and follows the textarea's box and scroll.
// The element's shadow root shows the legend and the entities (panels != none).
// Trade-offs: the overlays use `position: fixed` from getBoundingClientRect, updated on scroll
// and resize; an ancestor of the <depeche-annotator> element with a transform or filter would
// offset them. Text in <script>, <style>, <template>, <noscript> of the host is ignored.

import { h, debounce } from './dom.js';
import { createTextView } from './render.js';
import { createNotices } from './notices.js';
import { renderLegend, renderEntities, renderOrphans } from './panels.js';
import { offsetMap } from '../core/offsets.js';
import { readHost, rangesFor, hasHighlightApi, createHostReader } from './host-text.js';
import { createIncrementalAnnotator } from '../core/incremental.js';
import { followGazetteer } from '../core/gazetteer.js';
import { Session } from '../core/session.js';
import { Lexicon } from '../core/lexicon.js';
import { addHighlightRules } from './styles.js';
import { createHostCorrections } from './host-corrections.js';

const KINDS = ['actor', 'place', 'date'];
// Edits of the host are followed when it has been quiet this long, and at least this often while they go on.
const QUIET_MS = 300;
const MAX_WAIT_MS = 1500;
const LARGE_UNITS = 256 * 1024;
// More spans than this: only those near the viewport are in CSS.highlights (see paintHighlights).
const WINDOW_MIN = 64;
// How far beyond the viewport's top and bottom edges (in viewport heights) the highlights reach.
const WINDOW_MARGIN = 0.05;
// An entity panel that took longer than this to draw waits for a pause in typing.
const SLOW_PANEL_MS = 2;
const PANEL_PAUSE_MS = 900;
export { readHost, rangesFor, hasHighlightApi };

/**
 * @param {ShadowRoot} shadow  the element's shadow root (panel and overlays go here)
 * @param {Element} host       the element of the page to annotate
 * @param {{engine:any|Promise<any>, prefix:string, panels?:string, kinds?:string[]|null,
 *          text?:string, onError?:(e:any, context:string)=>void, highlightApi?:boolean,
 *          lexicon?:Lexicon, readonly?:boolean, whileTyping?:'hide'|'keep'}} options
 *   lexicon: the lexicon to start from (the element keeps it across hosts and stores it)
 */
export function mountHostAnnotator(shadow, host, options) {
  const doc = host.ownerDocument;
  /** The host's window: the page's, or a same-origin iframe's (its own CSS.highlights and Highlight). */
  const win = /** @type {any} */ (doc.defaultView ?? globalThis);
  const isTextarea = host.tagName === 'TEXTAREA' || host.tagName === 'INPUT';
  const useApi = !isTextarea && (options.highlightApi ?? hasHighlightApi(win));
  const prefix = options.prefix;
  let kinds = options.kinds ? new Set(options.kinds) : null;
  let readonly = !!options.readonly;
  let keepWhileTyping = options.whileTyping === 'keep';
  let panels = options.panels ?? 'entities';
  const shown = (spans) => (kinds ? spans.filter((s) => kinds.has(s.kind)) : spans);

  const root = h('div', { class: 'depeche dp-host-panel', part: 'panel' });
  const ui = {
    legend: h('ul', { class: 'dp-legend', 'aria-label': 'Highlights per kind' }),
    errors: h('div', { class: 'dp-errors', hidden: true, 'aria-live': 'assertive' }),
    entities: h('div', { class: 'dp-entity-list' }),
    orphans: h('ul', { class: 'dp-orphans' }),
    live: h('div', { class: 'dp-live dp-sr', 'aria-live': 'polite', role: 'status' }),
    status: h('span', { class: 'dp-status', hidden: true }),
  };
  ui.orphanSection = h('section', { class: 'dp-orphan-section', hidden: true, 'aria-label': 'Lost corrections' },
    h('h3', { text: 'Lost corrections' }), ui.orphans);
  ui.side = h('section', { class: 'dp-entities-section' }, h('h2', { text: 'Entities' }), ui.entities);
  root.append(ui.legend, ui.errors, ui.side, ui.orphanSection, ui.live, ui.status);
  const overlay = h('div', { class: 'depeche dp-overlay', 'aria-hidden': 'true', hidden: true });
  const mirrorEl = h('div', { class: 'dp-mirror' });
  if (isTextarea) overlay.append(mirrorEl);
  shadow.append(root, overlay);
  const mirror = isTextarea ? createTextView(mirrorEl, { interactive: false }) : null;

  const notices = createNotices({ errors: ui.errors, live: ui.live, status: ui.status });
  const showError = notices.error;
  notices.error = (e, context = '') => { const row = showError(e, context); try { options.onError?.(e, context); } catch { /* host's */ } return row; };

  /** @type {Session|null} */ let session = null;
  let engine = null, destroyed = false;
  let segs = /** @type {{node:Text, at:number}[]} */ ([]);
  const cleanups = [];
  const listen = (t, type, fn, o) => { t.addEventListener(type, fn, o); cleanups.push(() => t.removeEventListener(type, fn, o)); };
  const removeRules = useApi ? addHighlightRules(doc, prefix) : () => {};

  function annotateWhole(text, opts) {
    if (text.length <= LARGE_UNITS || !engine.annotateLarge) return engine.annotate(text, opts);
    return engine.annotateLarge(text, opts, {});
  }
  // While the host is being typed in, only the edited block is annotated again; the whole text
  // when typing pauses (core/incremental.js, connected to the session when it starts).
  const incremental = createIncrementalAnnotator(annotateWhole, { annotateBlock: (t, o) => engine.annotate(t, o) });
  function annotate(text, opts) {
    return incremental.annotate(text, opts);
  }

  // The host's text: its block children are walked again only when a mutation touched them.
  const reader = isTextarea ? null : createHostReader(host);
  /** @type {MutationObserver|null} */ let mo = null;
  let nodeAt = /** @type {Map<Node, number>|null} */ (null); // text node -> its UTF-16 offset (from segs)
  function read() {
    if (isTextarea) { segs = []; return /** @type {HTMLTextAreaElement} */ (host).value.replace(/\r\n?/g, '\n'); }
    if (mo) reader.note(mo.takeRecords());
    const r = reader.read();
    segs = r.segs;
    nodeAt = null;
    return r.text;
  }

  // ---- drawing ----------------------------------------------------------------------------------
  // An edit changes one block: the Ranges of the spans around it are kept from one paint to the
  // next (a Range is live: it follows edits of other text nodes) and checked against the text
  // nodes' offsets, new ones are made only for the spans that changed or whose nodes the editor
  // replaced. After any DOM change of the page (every keystroke in the host), Chromium rebuilds
  // the markers of every range of every registered highlight and repaints each text node that
  // has one (and, the ::highlight rules having an underline, recomputes its ink overflow): in a
  // trace of typing in ProseMirror that was most of what depeche added per key, whatever its
  // script did. So above WINDOW_MIN spans only those within WINDOW_MARGIN viewports of the
  // visible area are in CSS.highlights, updated on scroll. The legend and the
  // entity panel, when drawing them is not cheap, wait for a pause in typing.
  let boxes = []; // fallback: [{range, kind}]
  /** The last paint: the spans drawn and their Ranges (undefined: not made yet), kept for the next. */
  let drawn = { text: '', spans: /** @type {any[]} */ ([]), ranges: /** @type {(Range|null|undefined)[]} */ ([]) };
  /** Each kind's Highlight (registered once) and the ranges it holds, in span order. */
  const highlights = /** @type {Record<string, any>} */ ({});
  const inHighlight = /** @type {Record<string, Range[]>} */ ({ actor: [], place: [], date: [] });
  let probe = /** @type {Range|null} */ (null);
  let panelMs = 0, legendCounts = '', shownOrphans = 0;
  /** @param {string} [reason] the session's reason for the change */
  function paint(reason) {
    if (!session || destroyed) return;
    comeBack();
    const spans = shown(session.spans);
    const text = session.doc.text;
    if (isTextarea) {
      mirror.render(text, spans);
      place();
    } else {
      if (read() !== text) { schedule(); return; } // the host changed since: re-read first
      carry(text, spans);
      if (useApi) paintHighlights();
      else {
        const ranges = rangesAt(0, spans.length);
        boxes = ranges.map((range, i) => ({ range, kind: spans[i].kind })).filter((b) => b.range);
        place();
      }
    }
    if (panelMs <= SLOW_PANEL_MS || (reason !== 'text' && reason !== 'annotated')) panelsNow();
    else if (reason === 'text') panelsLater();
    else { panelsLater.cancel(); idle(panelsNow); }
  }
  function panelsNow() {
    panelsLater.cancel();
    if (!session || destroyed) return;
    const t0 = performance.now();
    const spans = shown(session.spans);
    const counts = KINDS.map((k) => spans.reduce((n, x) => n + (x.kind === k ? 1 : 0), 0)).join();
    if (counts !== legendCounts) { renderLegend(ui.legend, spans); legendCounts = counts; }
    if (panels !== 'none') renderEntities(ui.entities, shown(session.entities()), jumpTo);
    const orphans = session.doc.orphans ?? [];
    if (orphans.length || shownOrphans) renderOrphans(ui.orphanSection, ui.orphans, orphans, (i) => session.dismissOrphan(i));
    shownOrphans = orphans.length;
    panelMs = performance.now() - t0;
  }
  const idle = (fn) => (typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 0));
  const panelsLater = debounce(() => idle(() => { if (!destroyed) panelsNow(); }), PANEL_PAUSE_MS);

  /**
   * The new spans take the Ranges last drawn that cover the same text now: each kept Range is
   * where its text nodes are now (a live Range follows the edits of its node), so a span at the
   * same UTF-16 extent takes it, wherever the lists of spans differ (a splice, or the whole-text
   * result after a pause that changed spans here and there).
   */
  function carry(text, spans) {
    if (text === drawn.text && spans === drawn.spans) return;
    if (!nodeAt) { nodeAt = new Map(); for (const g of segs) nodeAt.set(g.node, g.at); }
    const at = new Map();
    for (const r of drawn.ranges) {
      if (!r) continue;
      const a = nodeAt.get(r.startContainer), b = nodeAt.get(r.endContainer);
      if (a !== undefined && b !== undefined) at.set((a + r.startOffset) * 4194304 + b + r.endOffset, r);
    }
    const map = offsetMap(text);
    const ranges = new Array(spans.length);
    if (at.size) for (let i = 0; i < spans.length; i++) ranges[i] = at.get(map.toUtf16(spans[i].start) * 4194304 + map.toUtf16(spans[i].end));
    drawn = { text, spans, ranges };
  }
  /** The Ranges of drawn spans [lo, hi): kept ones checked against the text nodes' offsets, others made. */
  function rangesAt(lo, hi) {
    const { text, spans, ranges } = drawn;
    const map = offsetMap(text);
    if (!nodeAt) { nodeAt = new Map(); for (const g of segs) nodeAt.set(g.node, g.at); }
    const need = [], idx = [];
    for (let i = lo; i < hi; i++) {
      const r = ranges[i], s = spans[i];
      if (r && nodeAt.get(r.startContainer) + r.startOffset === map.toUtf16(s.start)
        && nodeAt.get(r.endContainer) + r.endOffset === map.toUtf16(s.end)) continue;
      need.push(s);
      idx.push(i);
    }
    if (need.length) {
      const made = rangesFor(doc, text, segs, need);
      for (let k = 0; k < idx.length; k++) ranges[idx[k]] = made[k];
    }
    return ranges.slice(lo, hi);
  }
  function paintHighlights() {
    const { spans } = drawn;
    const [lo, hi] = spans.length > WINDOW_MIN ? windowOf() : [0, spans.length];
    const ranges = rangesAt(lo, hi);
    for (const k of KINDS) {
      const want = [];
      for (let i = lo; i < hi; i++) if (ranges[i - lo] && spans[i].kind === k) want.push(ranges[i - lo]);
      const name = `${prefix}-${k}`;
      let hl = highlights[k];
      if (!hl) {
        hl = highlights[k] = new win.Highlight();
        inHighlight[k] = [];
      }
      if (!aside && win.CSS.highlights.get(name) !== hl) win.CSS.highlights.set(name, hl);
      const have = inHighlight[k];
      if (have.length === want.length && have.every((r, i) => r === want[i])) continue;
      hl.clear();
      for (const r of want) hl.add(r);
      inHighlight[k] = want;
    }
  }
  /**
   * Indexes [lo, hi) of the drawn spans near the visible part of the host: those of the text nodes
   * from `bounds.first` to `bounds.end` (excluded; null: the end). The window is kept while it still
   * covers the viewport and its nodes are there, so typing does not change what the highlights hold
   * (each change repaints every highlighted text on screen); otherwise it is taken afresh,
   * WINDOW_MARGIN viewports beyond each edge.
   */
  let bounds = /** @type {{first: Node, end: Node|null}|null} */ (null);
  function windowOf() {
    const { text, spans } = drawn;
    const n = segs.length;
    if (!n) return [0, 0];
    if (!nodeAt) { nodeAt = new Map(); for (const g of segs) nodeAt.set(g.node, g.at); }
    const vh = win.innerHeight || doc.documentElement.clientHeight || 800;
    probe ??= doc.createRange();
    const rectOf = (node) => { probe.selectNodeContents(node); return probe.getBoundingClientRect(); };
    const covers = bounds && nodeAt.has(bounds.first) && (bounds.end === null || nodeAt.has(bounds.end))
      && (bounds.first === segs[0].node || rectOf(bounds.first).top <= -vh * WINDOW_MARGIN / 4)
      && (bounds.end === null || rectOf(bounds.end).top >= vh * (1 + WINDOW_MARGIN / 4));
    if (!covers) {
      const top = -vh * WINDOW_MARGIN, bottom = vh * (1 + WINDOW_MARGIN);
      // text nodes are laid out top to bottom in document order: two binary searches
      let a = 0, b = n;
      while (a < b) { const m = (a + b) >> 1; if (rectOf(segs[m].node).bottom < top) a = m + 1; else b = m; }
      const first = Math.min(a, n - 1);
      b = n;
      while (a < b) { const m = (a + b) >> 1; if (rectOf(segs[m].node).top <= bottom) a = m + 1; else b = m; }
      bounds = { first: segs[first].node, end: a < n ? segs[a].node : null };
    }
    const map = offsetMap(text);
    const c0 = map.toCodePoint(nodeAt.get(bounds.first));
    const c1 = bounds.end ? map.toCodePoint(nodeAt.get(bounds.end)) : map.cpLength;
    let lo = 0, hi = spans.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].end <= c0) lo = m + 1; else hi = m; }
    const from = lo;
    hi = spans.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (spans[m].start < c1) lo = m + 1; else hi = m; }
    return [from, lo];
  }
  /** Scrolled or resized: the highlights near the viewport again. */
  let windowFrame = 0;
  function rewindow() {
    if (windowFrame || destroyed || !useApi || isTextarea || drawn.spans.length <= WINDOW_MIN) return;
    windowFrame = win.requestAnimationFrame(() => {
      windowFrame = 0;
      if (!session || destroyed) return;
      if (read() !== drawn.text) { schedule(); return; }
      paintHighlights();
    });
  }
  // Overlays follow the host's box (textarea mirror, or fallback boxes): position: fixed coordinates.
  let frame = 0;
  function place() {
    if (frame || destroyed) return;
    frame = requestAnimationFrame(() => { frame = 0; placeNow(); });
  }
  function placeNow() {
    if (destroyed || (useApi && !isTextarea)) return;
    const r = host.getBoundingClientRect();
    overlay.hidden = !r.width || !r.height || !host.isConnected;
    if (overlay.hidden) return;
    Object.assign(overlay.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    if (isTextarea) {
      const cs = getComputedStyle(host);
      const ms = mirrorEl.style;
      for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariant', 'lineHeight', 'letterSpacing',
        'wordSpacing', 'textAlign', 'textIndent', 'textTransform', 'tabSize', 'direction', 'whiteSpace', 'wordBreak', 'overflowWrap',
        'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth',
        'borderLeftWidth', 'borderTopStyle', 'borderRightStyle', 'borderBottomStyle', 'borderLeftStyle', 'boxSizing']) ms[p] = cs[p];
      // the textarea's scrollbar takes width from its text: the mirror's text gets the same width
      const ta = /** @type {HTMLTextAreaElement} */ (host);
      const bar = ta.offsetWidth - ta.clientWidth - parseFloat(cs.borderLeftWidth) - parseFloat(cs.borderRightWidth);
      ms.paddingRight = `${parseFloat(cs.paddingRight) + Math.max(0, bar)}px`;
      ms.boxSizing = 'border-box';
      mirrorEl.scrollTop = ta.scrollTop;
      mirrorEl.scrollLeft = ta.scrollLeft;
    } else {
      overlay.replaceChildren(...boxes.flatMap(({ range, kind }) => [...range.getClientRects()].map((c) => {
        const b = h('div', { class: `dp-box dp-${kind}` });
        Object.assign(b.style, { left: `${c.left - r.left}px`, top: `${c.top - r.top}px`, width: `${c.width}px`, height: `${c.height}px` });
        return b;
      })));
    }
  }
  function jumpTo(start, end) {
    if (!session) return;
    if (isTextarea) {
      const map = offsetMap(session.doc.text);
      const ta = /** @type {HTMLTextAreaElement} */ (host);
      ta.focus();
      ta.setSelectionRange(map.toUtf16(start), map.toUtf16(end));
      return;
    }
    const [r] = rangesFor(doc, session.doc.text, segs, [{ start, end }]);
    const el = r?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
    const sel = doc.getSelection();
    if (r && sel) { sel.removeAllRanges(); sel.addRange(r); }
  }

  // ---- stepping aside while the host is typed in ------------------------------------------------
  // After any DOM change of the page, Chromium rebuilds the markers of every range of every
  // registered highlight and repaints each text node holding one: on a 5,000-word article that is
  // 2-5 ms per keystroke on top of the editor's own work, nearly all of what depeche added to
  // typing (scripts/bench-editors.mjs; with the highlights out of CSS.highlights, 0.2-1.9 ms).
  // So from the second edit in quick succession (QUIET_MS apart: a single keystroke, a pasted
  // word, the CMS's own change do not blink anything) until the edits pause, the highlights are
  // taken out of CSS.highlights (the textarea's mirror and the fallback boxes are hidden): while
  // typing they would be stale anyway, since depeche waits for the pause to annotate again; they
  // come back, up to date, with the paint that follows the pause. `while-typing="keep"` keeps
  // them on screen at that cost. The Highlight objects and their Ranges stay as they are.
  let aside = false;
  const typing = () => performance.now() - lastEdit < QUIET_MS - 5;
  function stepAside() {
    if (aside || keepWhileTyping) return;
    aside = true;
    if (useApi) {
      for (const k of KINDS) {
        const name = `${prefix}-${k}`;
        if (highlights[k] && win.CSS.highlights.get(name) === highlights[k]) win.CSS.highlights.delete(name);
      }
    } else overlay.style.display = 'none';
  }
  /** Back on screen once the edits have paused (the caller then paints). */
  function comeBack(now = false) {
    if (!aside || (typing() && !keepWhileTyping && !now)) return;
    aside = false;
    if (!useApi) overlay.style.display = '';
  }

  // ---- following the host -----------------------------------------------------------------------------
  // An edit of the host is followed once the host has been quiet for QUIET_MS, and at least every
  // MAX_WAIT_MS while the edits go on (a debounce with a maximum wait: steady typing must not starve
  // it). Why not at every key: whatever depeche does per key (reading the edited block, annotating
  // it, carrying the Ranges, updating CSS.highlights, the depeche-change listeners) is added to
  // the host editor's own work on every keystroke; between two updates nothing is stale that the
  // journalist sees move: a Range over untouched text stays on its words by itself (a live Range
  // follows the edits of its text node and of the nodes around it), and only the words being typed
  // wait for the pause to be highlighted (or lose their highlight, where the editor replaced
  // their text node). A correction, the `annotations` property and `flush()` read the pending
  // edits at once. A textarea follows the same rhythm (its mirror is redrawn whole).
  let syncTimer = 0, firstEdit = 0, lastEdit = -Infinity;
  /** @type {ReturnType<typeof createHostCorrections>|null} */ let corrections = null;
  function tick() {
    syncTimer = 0;
    if (destroyed) return;
    const now = performance.now();
    const due = Math.min(lastEdit + QUIET_MS, firstEdit + MAX_WAIT_MS);
    if (due - now > 1) { syncTimer = setTimeout(tick, due - now); return; }
    sync();
    corrections?.update(); // the chip, if it waited for the re-read
  }
  const schedule = Object.assign(() => {
    if (destroyed) return;
    const now = performance.now();
    // A host with no text yet that gets some is being filled, not typed in: the editor setting
    // the article after its editable element exists (TinyMCE classic fills its iframe's body
    // then), a CMS loading a draft. Read it as soon as the task that fills it ends, not after
    // QUIET_MS: that pause was most of TinyMCE classic's time to the first highlight.
    if (session && !session.doc.text.trim()) {
      if (!syncTimer) { firstEdit = now; syncTimer = setTimeout(tick, 0); }
      return;
    }
    if (now - lastEdit < QUIET_MS) stepAside();
    lastEdit = now;
    // The whole-text pass (core/incremental.js) waits for a pause in typing too, not for a
    // pause after the last block update: it would otherwise land mid-typing (the p95 per key).
    if (incremental.waiting) incremental.touch();
    if (!syncTimer) { firstEdit = lastEdit; syncTimer = setTimeout(tick, QUIET_MS); }
  }, {
    cancel() {
      clearTimeout(syncTimer);
      syncTimer = 0;
    },
  });
  function sync() {
    schedule.cancel();
    if (!session) return;
    const text = read();
    if (text !== session.doc.text) session.setText(text); // 'change' repaints
    else paint('text');
  }
  if (isTextarea) {
    // (its box and scrollbar are followed by the ResizeObserver, its scroll below: nothing to place per key)
    listen(host, 'input', schedule);
    // (while the mirror is aside, nothing to follow: placing it again when it comes back copies the scroll)
    listen(host, 'scroll', () => { if (!aside) { mirrorEl.scrollTop = host.scrollTop; mirrorEl.scrollLeft = host.scrollLeft; } });
  } else {
    mo = new MutationObserver((records) => { reader.note(records); schedule(); });
    mo.observe(host, { characterData: true, childList: true, subtree: true });
    cleanups.push(() => mo.disconnect());
  }
  if (useApi && !isTextarea) {
    listen(win, 'scroll', rewindow, { capture: true, passive: true });
    listen(win, 'resize', rewindow);
    const ro = new ResizeObserver(() => rewindow());
    ro.observe(host);
    cleanups.push(() => ro.disconnect());
  }
  if (isTextarea || !useApi) {
    listen(doc.defaultView ?? window, 'scroll', place, { capture: true, passive: true });
    listen(doc.defaultView ?? window, 'resize', place);
    const ro = new ResizeObserver(() => place());
    ro.observe(host);
    cleanups.push(() => ro.disconnect());
  }

  const ready = (async () => {
    engine = await options.engine;
    if (destroyed) return;
    session = new Session({ annotate, textHistory: false, lexicon: options.lexicon instanceof Lexicon ? options.lexicon : Lexicon.fromJSON({ version: 1, add: [], reject: [] }) });
    session.addEventListener('change', (ev) => paint(ev.detail?.reason));
    cleanups.push(incremental.connect(session));
    cleanups.push(followGazetteer(engine, session, { alive: () => !destroyed }));
    session.addEventListener('error', (e) => notices.error(e.detail?.message ?? e.detail?.error ?? 'annotation failed', 'Engine'));
    if (typeof options.text === 'string') setHostText(options.text);
    const now = new Date().toISOString();
    session.load({ id: `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, title: '', text: read(),
      lang: 'auto', dct: null, corrections: [], orphans: [], created: now, updated: now });
    root.dataset.ready = 'true';
  })();

  // Corrections at the caret, the pointer and by Alt+Shift keys (host-corrections.js): a chip in
  // this shadow root, nothing in the host.
  corrections = createHostCorrections({ shadow, host, session: () => session, spans: () => (session ? shown(session.spans) : []),
    segs: () => segs,
    // a textarea's mirror is render.js's text view: its domRange, while it shows the session's text
    mirrorRange: mirror ? (ext) => (session && mirror.text === session.doc.text && ext.end <= offsetMap(mirror.text).cpLength ? mirror.domRange(ext.start, ext.end) : null) : null,
    flush: () => { if (!destroyed && session) { schedule.cancel(); sync(); } }, notices, engine: () => engine, readonly });
  ready.then(() => corrections.update(), () => {});

  /** Replace the host's text (the `text` property): a textarea's value, or the element's text. */
  function setHostText(text) {
    if (isTextarea) /** @type {HTMLTextAreaElement} */ (host).value = text;
    else host.textContent = text;
  }

  return {
    ready,
    session: () => session,
    get highlightApi() { return useApi; },
    /** Re-read the host now (no debounce), and annotate the whole text if only a block was. */
    flush() { schedule.cancel(); comeBack(true); sync(); incremental.settle(); },
    setText(text) { setHostText(text); schedule.cancel(); comeBack(true); sync(); incremental.settle(); },
    /** Text the host holds now (what an import must match). */
    hostText: () => read(),
    configure(o = {}) {
      if ('kinds' in o) kinds = o.kinds ? new Set(o.kinds) : null;
      if ('panels' in o) panels = o.panels ?? 'entities';
      if ('readonly' in o) { readonly = !!o.readonly; corrections.setReadonly(readonly); }
      if ('whileTyping' in o) keepWhileTyping = o.whileTyping === 'keep';
      ui.side.hidden = panels === 'none';
      paint();
    },
    destroy() {
      destroyed = true;
      corrections.destroy();
      schedule.cancel();
      cancelAnimationFrame(frame);
      if (windowFrame) win.cancelAnimationFrame(windowFrame);
      panelsLater.cancel();
      incremental.dispose();
      probe = null;
      for (const c of cleanups) c();
      if (useApi) for (const k of KINDS) win.CSS?.highlights?.delete(`${prefix}-${k}`);
      removeRules();
      root.remove();
      overlay.remove();
    },
  };
}
