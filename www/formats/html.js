// HTML: a fragment to paste into a CMS, the dispatch with its highlights as <mark> elements.
//
//   <article class="depeche-dispatch" lang="..." data-id="...">
//   <p>… <mark class="depeche-actor" data-kind="actor" data-value="{&quot;canonical&quot;:…}">armée syrienne</mark> …</p>
//   </article>
// - One <p> per line of the text (blank lines dropped); a span across a line break is split
//   into one <mark> per line, both with the same data-kind and data-value.
// - data-value: a date's TIMEX3 string, a place's or actor's value as JSON; absent when none.
// - lang: the language the core found, else the one set on the document; absent when neither is
//   a language (auto, und).
// - Several dispatches: one <article> each, with the title as an <h2>.
// - No style, no script, no id: the host page styles .depeche-actor/-place/-date (browsers give
//   <mark> a yellow background already).
// Escaping: this builds a string, not DOM nodes, so every piece of user text (the dispatch, titles,
// values, ids) goes through `escapeHtml`, which replaces & < > " ' in text and attribute values
// alike; attribute values are always double-quoted. NUL and lone surrogates become U+FFFD.
// "<script>" in a dispatch comes out as "&lt;script&gt;". Export only.

import { offsetMap } from '../core/offsets.js';
import { baseName, checkItems } from './common.js';
import { AUTO, UND } from '../core/languages.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML text content and in a double- or single-quoted attribute. @param {string} s */
export function escapeHtml(s) {
  return String(s)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[/** @type {keyof ENTITIES} */ (c)]);
}

/**
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}}
 */
export function exportHtml(items) {
  const checked = checkItems(items, 'HTML');
  const many = checked.length > 1;
  const parts = checked.map(({ doc, result, spans }) => {
    const lang = [result?.lang, doc.lang].find((l) => typeof l === 'string' && l !== AUTO && l !== UND) ?? null;
    const open = `<article class="depeche-dispatch"${lang ? ` lang="${escapeHtml(lang)}"` : ''} data-id="${escapeHtml(doc.id)}">`;
    const title = many ? `\n<h2>${escapeHtml(doc.title || doc.id)}</h2>` : '';
    return `${open}${title}\n${paragraphs(doc.text, spans).join('\n')}\n</article>`;
  });
  return { filename: `${baseName(checked)}.html`, text: parts.join('\n') + '\n' };
}

/** @param {string} text @param {Span[]} spans */
function paragraphs(text, spans) {
  const map = offsetMap(text);
  const ranges = spans.map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end), span: s }));
  const out = [];
  const LINE = /\r\n|[\n\r\u2028\u2029]/g;
  let lineStart = 0;
  let r = 0;
  for (;;) {
    const m = LINE.exec(text);
    const lineEnd = m ? m.index : text.length;
    let html = '';
    let at = lineStart;
    let marked = false;
    while (r < ranges.length && ranges[r].end <= lineStart) r++;
    for (let k = r; k < ranges.length && ranges[k].start < lineEnd; k++) {
      const a = Math.max(ranges[k].start, lineStart);
      const b = Math.min(ranges[k].end, lineEnd);
      if (b <= a) continue;
      html += escapeHtml(text.slice(at, a)) + markOf(ranges[k].span, text.slice(a, b));
      at = b;
      marked = true;
    }
    html += escapeHtml(text.slice(at, lineEnd));
    if (marked || text.slice(lineStart, lineEnd).trim() !== '') out.push(`<p>${html}</p>`);
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return out;
}

/** @param {Span} s @param {string} inner */
function markOf(s, inner) {
  let attrs = `class="depeche-${s.kind}" data-kind="${s.kind}"`;
  if (s.value !== undefined && s.value !== null) {
    attrs += ` data-value="${escapeHtml(typeof s.value === 'string' ? s.value : JSON.stringify(s.value))}"`;
  }
  return `<mark ${attrs}>${escapeHtml(inner)}</mark>`;
}

export const format = {
  id: 'html',
  label: 'HTML with <mark> (for a CMS)',
  ext: 'html',
  mime: 'text/html;charset=utf-8',
  export: exportHtml,
};
