// Reading a host element's text and pointing back into it: the text model of `for=` mode.
// Why: the host's DOM belongs to its editor (CKEditor, ProseMirror, TinyMCE's iframe body...);
// depeche reads its text nodes in order (a "\n" between blocks and at <br>) and turns span
// offsets (code points) back into DOM Ranges over those same nodes, never writing the DOM.
// Everything here takes the host's own document and window, so a host inside a same-origin
// iframe is read and painted with that window's Range and Highlight API.
// Trade-off: text in <script>, <style>, <template>, <noscript>, <textarea>, <select> is ignored.

import { offsetMap } from '../core/offsets.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'SELECT']);
const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV',
  'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL', 'CAPTION']);

const isBlank = (s) => !/[^ \t\n\r\f]/.test(s);
/** Nothing, or a block element: whitespace next to it is not rendered (source indentation). */
const atBlockEdge = (n) => !n || (n.nodeType === 1 && (BLOCK.has(/** @type {Element} */ (n).tagName) || /** @type {Element} */ (n).tagName === 'BR'));

/**
 * Is the CSS Custom Highlight API there, in the window `win` (the host's, for an iframe)?
 * @param {any} [win]
 */
export const hasHighlightApi = (win = globalThis) => !!win && typeof win.CSS !== 'undefined' && !!win.CSS?.highlights && typeof win.Highlight === 'function';

/**
 * Read the text of a host element: its text nodes in order, "\n" between blocks and at <br>.
 * @param {Element} host
 * @returns {{text:string, segs:{node:Text, at:number}[]}} at: UTF-16 offset of the node in text
 */
export function readHost(host) {
  const doc = host.ownerDocument;
  const segs = [];
  let text = '';
  let lastBlock = null, brk = false;
  const walker = doc.createTreeWalker(host, 1 | 4 /* elements, text */, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.has(/** @type {Element} */ (n).tagName) ? 2 /* reject */ : 1),
  });
  const blockOf = (n) => {
    for (let p = n.parentNode; p && p !== host; p = p.parentNode) if (BLOCK.has(/** @type {Element} */ (p).tagName)) return p;
    return host;
  };
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 1) { if (/** @type {Element} */ (n).tagName === 'BR') brk = true; continue; }
    const t = /** @type {Text} */ (n);
    if (!t.data || (isBlank(t.data) && (atBlockEdge(t.previousSibling) || atBlockEdge(t.nextSibling)))) continue; // layout whitespace
    const b = blockOf(t);
    if (text && (brk || b !== lastBlock) && !text.endsWith('\n')) text += '\n';
    brk = false;
    lastBlock = b;
    segs.push({ node: t, at: text.length });
    text += t.data;
  }
  return { text, segs };
}

/**
 * DOM Ranges for spans (code points) over the segments of readHost.
 * @param {Document} doc @param {string} text @param {{node:Text, at:number}[]} segs
 * @param {{start:number,end:number}[]} spans
 */
export function rangesFor(doc, text, segs, spans) {
  const map = offsetMap(text);
  const find = (u) => { // last segment starting at or before u
    let lo = 0, hi = segs.length - 1, r = -1;
    while (lo <= hi) { const m = (lo + hi) >> 1; if (segs[m].at <= u) { r = m; lo = m + 1; } else hi = m - 1; }
    return r;
  };
  const point = (u, end) => {
    const i = find(u);
    if (i < 0) return segs.length ? [segs[0].node, 0] : null;
    const s = segs[i];
    if (u <= s.at + s.node.data.length) return [s.node, u - s.at];
    // in a "\n" between blocks: a start moves to the next node, an end stays at this one's end
    if (end || i + 1 >= segs.length) return [s.node, s.node.data.length];
    return [segs[i + 1].node, 0];
  };
  return spans.map((sp) => {
    const a = point(map.toUtf16(sp.start), false), b = point(map.toUtf16(sp.end), true);
    if (!a || !b) return null;
    const r = doc.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  });
}
