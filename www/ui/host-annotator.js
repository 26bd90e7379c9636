// The `for=` mode of <depeche-annotator>: annotate an element of the host page in place.
// Why: a CMS shows or edits the article in its own element; depeche must highlight it there
// without touching that element's DOM (the CMS owns it, frameworks diff it, it gets saved). So:
// - a paragraph/article host: its text nodes are read (a "\n" between blocks and at <br>), spans
//   (code points) become DOM Ranges over those nodes (UTF-16, through core/offsets.js) and are
//   drawn with the CSS Custom Highlight API: CSS.highlights gets `<prefix>-actor|place|date`, the
//   ::highlight() rules go into the one document-level sheet of ui/styles.js. The host's DOM is
//   never written. A MutationObserver re-reads the text when the host changes (debounced).
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
import { readHost, rangesFor, hasHighlightApi } from './host-text.js';
import { Session } from '../core/session.js';
import { Lexicon } from '../core/lexicon.js';
import { addHighlightRules } from './styles.js';

const KINDS = ['actor', 'place', 'date'];
const DEBOUNCE_MS = 150;
const LARGE_UNITS = 256 * 1024;
export { readHost, rangesFor, hasHighlightApi };

/**
 * @param {ShadowRoot} shadow  the element's shadow root (panel and overlays go here)
 * @param {Element} host       the element of the page to annotate
 * @param {{engine:any|Promise<any>, prefix:string, panels?:string, kinds?:string[]|null,
 *          text?:string, onError?:(e:any, context:string)=>void, highlightApi?:boolean,
 *          lexicon?:Lexicon, readonly?:boolean}} options
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

  function annotate(text, opts) {
    if (text.length <= LARGE_UNITS || !engine.annotateLarge) return engine.annotate(text, opts);
    return engine.annotateLarge(text, opts, {});
  }

  function read() {
    if (isTextarea) { segs = []; return /** @type {HTMLTextAreaElement} */ (host).value.replace(/\r\n?/g, '\n'); }
    const r = readHost(host);
    segs = r.segs;
    return r.text;
  }

  // ---- drawing ----------------------------------------------------------------------------------
  let boxes = []; // fallback: [{range, kind}]
  function paint() {
    if (!session || destroyed) return;
    const spans = shown(session.spans);
    const text = session.doc.text;
    if (isTextarea) {
      mirror.render(text, spans);
      place();
    } else {
      if (read() !== text) { schedule(); return; } // the host changed since: re-read first
      const ranges = rangesFor(doc, text, segs, spans);
      if (useApi) {
        for (const k of KINDS) {
          const rs = ranges.filter((r, i) => r && spans[i].kind === k);
          win.CSS.highlights.set(`${prefix}-${k}`, new win.Highlight(...rs));
        }
      } else {
        boxes = ranges.map((range, i) => ({ range, kind: spans[i].kind })).filter((b) => b.range);
        place();
      }
    }
    renderLegend(ui.legend, spans);
    if (panels !== 'none') renderEntities(ui.entities, shown(session.entities()), jumpTo);
    renderOrphans(ui.orphanSection, ui.orphans, session.doc.orphans ?? [], (i) => session.dismissOrphan(i));
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

  // ---- following the host -----------------------------------------------------------------------------
  const schedule = debounce(() => { if (!destroyed) sync(); }, DEBOUNCE_MS);
  function sync() {
    if (!session) return;
    const text = read();
    if (text !== session.doc.text) session.setText(text); // 'change' repaints
    else paint();
  }
  if (isTextarea) {
    listen(host, 'input', () => { place(); schedule(); });
    listen(host, 'scroll', () => { mirrorEl.scrollTop = host.scrollTop; mirrorEl.scrollLeft = host.scrollLeft; });
  } else {
    const mo = new MutationObserver(() => schedule());
    mo.observe(host, { characterData: true, childList: true, subtree: true });
    cleanups.push(() => mo.disconnect());
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
    session.addEventListener('change', () => paint());
    session.addEventListener('error', (e) => notices.error(e.detail?.message ?? e.detail?.error ?? 'annotation failed', 'Engine'));
    if (typeof options.text === 'string') setHostText(options.text);
    const now = new Date().toISOString();
    session.load({ id: `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, title: '', text: read(),
      lang: 'auto', dct: null, corrections: [], orphans: [], created: now, updated: now });
    root.dataset.ready = 'true';
  })();

  /** Replace the host's text (the `text` property): a textarea's value, or the element's text. */
  function setHostText(text) {
    if (isTextarea) /** @type {HTMLTextAreaElement} */ (host).value = text;
    else host.textContent = text;
  }

  return {
    ready,
    session: () => session,
    get highlightApi() { return useApi; },
    /** Re-read the host now (no debounce). */
    flush() { schedule.cancel(); sync(); },
    setText(text) { setHostText(text); schedule.cancel(); sync(); },
    /** Text the host holds now (what an import must match). */
    hostText: () => read(),
    configure(o = {}) {
      if ('kinds' in o) kinds = o.kinds ? new Set(o.kinds) : null;
      if ('panels' in o) panels = o.panels ?? 'entities';
      ui.side.hidden = panels === 'none';
      paint();
    },
    destroy() {
      destroyed = true;
      schedule.cancel();
      cancelAnimationFrame(frame);
      for (const c of cleanups) c();
      if (useApi) for (const k of KINDS) win.CSS?.highlights?.delete(`${prefix}-${k}`);
      removeRules();
      root.remove();
      overlay.remove();
    },
  };
}
