// Getting to a place in the text fast: the review caret's word steps, and the `/` search.
// Why: reaching the words to correct was the slow part of review (J pressed up to 53 times).
// The caret moves word by word (← →) and a selection grows word by word (Shift+← →), as in
// INCEpTION's cursor mode; `/` finds a name in the text or in the entities ("Islamic State"
// finds "EI", whose canonical name it is) and jumps there. The editor (editor.js) owns the focus
// and the DOM selection; this module gives it extents (code points) and a small search bar.
// Trade-offs: matching ignores case and accents (é = e) one UTF-16 unit at a time, so offsets
// stay those of the text; a search is a scan of the text per keystroke (a dispatch is small;
// on a 5 MB paste it waits for 2 characters).

import { h } from './dom.js';
import { nextWordBoundary } from '../core/words.js';
import { cpIndex } from '../core/offsets.js';

/** @typedef {{start:number, end:number}} Extent */

/** The first word ending after `pos` (code points), or null at the end of the text. @returns {Extent|null} */
export function wordAfter(text, pos) {
  const end = nextWordBoundary(text, pos, 1);
  if (end === null) return null;
  const start = nextWordBoundary(text, end, -1);
  return start === null ? null : { start, end };
}

/** The last word starting before `pos`, or null at the start of the text. @returns {Extent|null} */
export function wordBefore(text, pos) {
  const start = nextWordBoundary(text, pos, -1);
  if (start === null) return null;
  const end = nextWordBoundary(text, start, 1);
  return end === null ? null : { start, end };
}

/** Lower case without accents, one UTF-16 unit for one: offsets in the result are the text's. */
export function fold(s) {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = c.charCodeAt(0);
    if (code < 0x80) { out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c; continue; }
    if (code >= 0xd800 && code <= 0xdfff) { out += c; continue; }
    const base = c.normalize('NFD')[0].toLowerCase();
    out += base.length === 1 ? base : c;
  }
  return out;
}

/**
 * Where `query` is: whole-text matches (accents and case ignored) and the mentions of every
 * entity whose name or canonical name holds it, sorted by position, without duplicates.
 * @param {string} text
 * @param {{label:string, value?:any, mentions:{start:number,end:number}[]}[]} entities
 * @param {string} query
 * @returns {(Extent & {entity?:string})[]}
 */
export function findMatches(text, entities, query) {
  const q = fold(query.trim());
  if (!q) return [];
  const idx = cpIndex(text);
  const hay = fold(text);
  /** @type {Map<string, Extent & {entity?:string}>} */
  const out = new Map();
  for (let at = hay.indexOf(q); at >= 0; at = hay.indexOf(q, at + 1)) {
    const m = { start: idx.toCp(at), end: idx.toCp(at + q.length) };
    out.set(`${m.start}:${m.end}`, m);
    if (out.size > 5000) break;
  }
  for (const e of entities) {
    const names = [e.label, e.value?.canonical].filter((x) => typeof x === 'string');
    if (!names.some((n) => fold(n).includes(q))) continue;
    for (const m of e.mentions) {
      const k = `${m.start}:${m.end}`;
      if (![...out.values()].some((x) => x.start >= m.start && x.end <= m.end)) out.set(k, { start: m.start, end: m.end, entity: e.label });
    }
  }
  return [...out.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The search bar: an input with a count and buttons for its keys. It does not search by itself:
 * `onQuery(q)` on each change, `onStep(dir)` on Enter or ↓ (1) / Shift+Enter or ↑ (-1),
 * `onClose(go)` on Esc, Tab or Go (go: put the caret on the match), ✕ (go false), and when the
 * bar is left.
 * @param {{onQuery:(q:string)=>void, onStep:(dir:1|-1)=>void, onClose:(go:boolean)=>void}} o
 */
export function createSearchBar(o) {
  const input = /** @type {HTMLInputElement} */ (h('input', { type: 'search', class: 'dp-find-input', autocomplete: 'off', spellcheck: 'false',
    'aria-label': 'Find in the text and the entities (Enter: next, Shift+Enter: previous, Esc: go there)',
    placeholder: 'Find a name or words… (Enter: next · Esc: go there)' }));
  const count = h('span', { class: 'dp-find-count', role: 'status' });
  // The keys again as buttons: a finger (or a mouse) has no Shift+Enter and no Esc. A press on
  // them keeps the focus in the input, so the on-screen keyboard stays up between matches.
  const btn = (cls, text, title, fn) => {
    const b = h('button', { type: 'button', class: `dp-find-btn ${cls}`, text, title });
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', fn);
    return b;
  };
  const buttons = h('span', { class: 'dp-find-buttons' },
    btn('dp-find-prev', '↑', 'Previous match (Shift+Enter)', () => o.onStep(-1)),
    btn('dp-find-next', '↓', 'Next match (Enter)', () => o.onStep(1)),
    btn('dp-find-go', 'Go', 'Go to this match (Esc)', () => o.onClose(true)),
    btn('dp-find-close', '✕', 'Close without moving', () => o.onClose(false)));
  for (const b of buttons.children) b.setAttribute('aria-label', /** @type {HTMLElement} */ (b).title.replace(/ \(.*\)$/, ''));
  const el = h('div', { class: 'dp-find', role: 'search', hidden: true }, h('span', { class: 'dp-find-icon', 'aria-hidden': 'true', text: '/' }), input, count, buttons);
  input.addEventListener('input', () => o.onQuery(input.value));
  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (e.key === 'Enter') { e.preventDefault(); o.onStep(e.shiftKey ? -1 : 1); }
    else if (e.key === 'Escape' || (e.key === 'Tab' && !e.shiftKey)) { e.preventDefault(); e.stopPropagation(); o.onClose(true); }
  });
  return {
    el, input,
    open() { el.hidden = false; input.focus(); input.select(); if (input.value) o.onQuery(input.value); },
    close() { el.hidden = true; },
    get open_() { return !el.hidden; },
    /** "3 / 7", "no match" */
    setCount(i, n) { count.textContent = !input.value.trim() ? '' : n ? `${i + 1} / ${n}` : 'no match'; },
  };
}
