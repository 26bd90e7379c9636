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
  const st = { text: '', nl: false, segs: [], lastBlock: null, brk: false };
  walkInto(host, host, st, false);
  return { text: st.text, segs: st.segs };
}

/**
 * nl: does `text` end with "\n" (kept so that the growing string is never searched: endsWith on
 * a string built by += flattens it, a copy of the whole text per text node).
 * @typedef {{text:string, nl:boolean, segs:{node:Text, at:number}[], lastBlock:Node|null, brk:boolean}} WalkState
 */

/** The nearest block element above `n` inside `host`, or `host`. */
function blockOf(n, host) {
  for (let p = n.parentNode; p && p !== host; p = p.parentNode) if (BLOCK.has(/** @type {Element} */ (p).tagName)) return p;
  return host;
}

/** One text node into the state: what readHost does for each. @param {Text} t @param {Element} host @param {WalkState} st */
function visitText(t, host, st) {
  if (!t.data || (isBlank(t.data) && (atBlockEdge(t.previousSibling) || atBlockEdge(t.nextSibling)))) return; // layout whitespace
  const b = blockOf(t, host);
  if (st.text && (st.brk || b !== st.lastBlock) && !st.nl) st.text += '\n';
  st.brk = false;
  st.lastBlock = b;
  st.segs.push({ node: t, at: st.text.length });
  st.text += t.data;
  st.nl = t.data.charCodeAt(t.data.length - 1) === 10;
}

/**
 * Elements and text nodes under `root` (and `root` itself when `self`) in document order, without
 * the subtrees of SKIP elements: a plain loop over firstChild/nextSibling (no TreeWalker filter
 * calling back into script for every node).
 * @param {Node} root @param {Element} host @param {WalkState} st @param {boolean} self
 */
function walkInto(root, host, st, self) {
  let n = self ? root : root.firstChild;
  while (n) {
    let down = false;
    if (n.nodeType === 1) {
      const tag = /** @type {Element} */ (n).tagName;
      if (!SKIP.has(tag)) { if (tag === 'BR') st.brk = true; down = true; }
    } else if (n.nodeType === 3) visitText(/** @type {Text} */ (n), host, st);
    if (down && n.firstChild) { n = n.firstChild; continue; }
    if (self && n === root) return;
    while (n && n !== root && !n.nextSibling) n = n.parentNode;
    if (!n || n === root) return;
    n = n.nextSibling;
  }
}

/**
 * A reader of one host that walks again only the host's children that changed. Why: an editor's
 * keystroke changes one paragraph, and walking a 5,000-word article for every key costs more than
 * the rest of the update. Each block child of the host (a <p>, <h2>, <li>...) keeps what it read
 * (its text and text nodes); MutationObserver records (`note`) drop what a change touched.
 * `read()` gives exactly what readHost(host) gives, provided every mutation of the host's subtree
 * since the last read was noted (pass the observer's takeRecords() before reading).
 * Trade-off: only direct block children are kept; a host with one wrapper element is walked
 * whole (still without a TreeWalker filter).
 * @param {Element} host
 */
export function createHostReader(host) {
  /** @type {WeakMap<Node, WalkState>} */
  let kept = new WeakMap();
  /** The child of the host holding `n`, or null (no longer in the host). */
  const topOf = (n) => {
    while (n && n.parentNode !== host) n = n.parentNode;
    return n;
  };
  return {
    /** @param {MutationRecord[]} records */
    note(records) {
      for (const r of records) {
        if (r.type === 'childList' && r.target === host) {
          for (const a of r.addedNodes) kept.delete(a);
          continue;
        }
        const top = topOf(r.target);
        if (top) kept.delete(top);
      }
    },
    /** Forget everything (the next read walks the whole host). */
    reset() { kept = new WeakMap(); },
    /** @returns {{text:string, segs:{node:Text, at:number}[]}} */
    read() {
      /** @type {WalkState} */
      const st = { text: '', nl: false, segs: [], lastBlock: null, brk: false };
      for (let c = host.firstChild; c; c = c.nextSibling) {
        const tag = c.nodeType === 1 ? /** @type {Element} */ (c).tagName : '';
        if (!BLOCK.has(tag)) { walkInto(c, host, st, true); continue; }
        let k = kept.get(c);
        if (!k) {
          k = { text: '', nl: false, segs: [], lastBlock: null, brk: false };
          walkInto(c, host, k, true);
          kept.set(c, k);
        }
        if (!k.text) { st.brk = st.brk || k.brk; continue; }
        // its first text node starts a new block: a "\n" unless at the start or after one
        if (st.text && !st.nl) st.text += '\n';
        const at = st.text.length;
        for (const g of k.segs) st.segs.push({ node: g.node, at: g.at + at });
        st.text += k.text;
        st.lastBlock = k.lastBlock;
        st.brk = k.brk;
        st.nl = k.nl;
      }
      return { text: st.text, segs: st.segs };
    },
  };
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
    // an extent of another text (a chip's, kept while the host was edited) has no Range here
    if (!(sp.start >= 0 && sp.end >= sp.start && sp.end <= map.cpLength)) return null;
    const a = point(map.toUtf16(sp.start), false), b = point(map.toUtf16(sp.end), true);
    if (!a || !b) return null;
    const r = doc.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  });
}
