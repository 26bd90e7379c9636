// JSON: the project's own format (FORMAT.md), the one that loses nothing.
//
// Export: one JSON document `{"depeche": 1, "documents": [...]}`. Each document is a FORMAT.md
// result (`lang`, `dct`, `dateline`, `spans`) plus `id`, `title` and `text`, so it is also a
// FORMAT.md gold document; plus the editor's `corrections` and `orphans`, `settings` (the
// language and reference date the editor chose: `lang` may be "auto", `dct` null when it comes
// from the dateline) and `created`/`updated`. `dct_assumed: true` beside `dct` when the page
// assumed the reference date (no year in the text, none set by the editor). Spans are written
// one per line so that a diff of two exports reads span by span.
//
// Import accepts that document, one FORMAT.md result/gold document with its `text`, a list of
// them, or JSON Lines of them. It is strict (common.js: a span past the text, a `text` that is
// not the covered text, an unknown kind, overlapping spans are errors naming the line, document
// and span) except that a span without `text` gets the covered text. A document with no `spans`
// key imports with `spans: undefined`: a plain text for the session to annotate, not a text
// whose every automatic highlight was rejected. `corrections` are not read back: the session
// derives them from the spans (`session.load(doc, spans)`), which restores the session exactly.
// `orphans` are read back (they have no span to derive them from).

import {
  checkItems,
  checkSpans,
  fail,
  isPlainObject,
  makeDoc,
  parseJson,
  typeName,
  baseName,
} from './common.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */
/** @typedef {{doc: Doc, spans: Span[]|undefined, warnings: string[]}} Imported */

/**
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}}
 */
export function exportJson(items) {
  const checked = checkItems(items, 'JSON');
  const docs = checked.map(({ doc, result, spans }) => documentOf(doc, result, spans));
  const body = docs.map(writeDocument).join(',\n');
  return {
    filename: `${baseName(checked)}.json`,
    text: `{\n  "depeche": 1,\n  "documents": [\n${body}\n  ]\n}\n`,
  };
}

/** @param {Doc} doc @param {Result|null} result @param {Span[]} spans */
function documentOf(doc, result, spans) {
  return {
    id: doc.id,
    title: doc.title,
    lang: result?.lang ?? (doc.lang === 'auto' ? 'und' : doc.lang),
    dct: result?.dct ?? doc.dct ?? null,
    // the page assumed the year (no year in the text, none set): core/assume-dct.js
    ...(!doc.dct && /** @type {any} */ (result)?.dct_assumed ? { dct_assumed: true } : {}),
    dateline: result?.dateline ?? null,
    text: doc.text,
    spans: spans.map((s) => {
      /** @type {Record<string, any>} */
      const o = { start: s.start, end: s.end, kind: s.kind, text: s.text };
      if (s.value !== undefined && s.value !== null) o.value = s.value;
      if (s.source !== undefined) o.source = s.source;
      return o;
    }),
    settings: { lang: doc.lang, dct: doc.dct },
    corrections: doc.corrections ?? [],
    orphans: doc.orphans ?? [],
    created: doc.created,
    updated: doc.updated,
  };
}

/** Pretty-prints one document with its spans and corrections one per line. */
function writeDocument(/** @type {Record<string, any>} */ d) {
  const pad = '    ';
  const lines = Object.entries(d).map(([k, v]) => {
    if (Array.isArray(v) && v.length > 0 && (k === 'spans' || k === 'corrections' || k === 'orphans')) {
      const rows = v.map((x) => `${pad}    ${JSON.stringify(x)}`).join(',\n');
      return `${pad}  ${JSON.stringify(k)}: [\n${rows}\n${pad}  ]`;
    }
    return `${pad}  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `${pad}{\n${lines.join(',\n')}\n${pad}}`;
}

/**
 * @param {string} text  the file's content
 * @param {string} [filename]
 * @returns {Imported[]}
 */
export function importJson(text, filename) {
  const where = { format: 'JSON import', file: filename };
  if (typeof text !== 'string') fail(where, `expected the file's text, got ${typeName(text)}`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = jsonLines(src);
  if (lines) {
    return lines.map(({ line, source }) => {
      const w = { ...where, line };
      return readDocument(parseJson(source, w), w);
    });
  }
  const data = parseJson(src, where);
  if (Array.isArray(data)) {
    if (data.length === 0) fail(where, 'the list holds no document');
    return data.map((d, k) => readDocument(d, { ...where, document: k + 1 }));
  }
  if (!isPlainObject(data)) fail(where, `expected a JSON object or list, not ${typeName(data)}`);
  if ('depeche' in data) {
    if (data.depeche !== 1) fail(where, `unsupported "depeche" version ${JSON.stringify(data.depeche)} (this page reads version 1)`);
    if (!Array.isArray(data.documents)) fail(where, '"documents" must be a list');
    if (data.documents.length === 0) fail(where, '"documents" is empty');
    return data.documents.map((d, k) => readDocument(d, { ...where, document: k + 1 }));
  }
  return [readDocument(data, where)];
}

/**
 * JSON Lines: more than one non-empty line, and the first one is a JSON object by itself.
 * (A pretty-printed document's first line, "{", is not.) Returns null otherwise.
 * @param {string} src @returns {{line: number, source: string}[]|null}
 */
function jsonLines(src) {
  const all = src.split('\n');
  const lines = [];
  for (let k = 0; k < all.length; k++) {
    const s = all[k].replace(/\r$/, '');
    if (s.trim() !== '') lines.push({ line: k + 1, source: s });
  }
  if (lines.length < 2) return null;
  try {
    const first = JSON.parse(lines[0].source);
    return isPlainObject(first) ? lines : null;
  } catch {
    return null;
  }
}

/** @param {unknown} d @param {import('./common.js').Where} where @returns {Imported} */
function readDocument(d, where) {
  if (!isPlainObject(d)) fail(where, `a document must be a JSON object, not ${typeName(d)}`);
  const w = d.id !== undefined && d.id !== null ? { ...where, docId: String(d.id) } : where;
  if (typeof d.text !== 'string') {
    fail(w, d.text === undefined
      ? 'the document has no "text" (a result alone cannot be imported: its spans need the text they point into)'
      : `"text" must be a string, not ${typeName(d.text)}`);
  }
  /** @type {string[]} */
  const warnings = [];
  const settings = isPlainObject(d.settings) ? d.settings : {};
  const doc = makeDoc(
    {
      id: d.id,
      title: d.title,
      text: d.text,
      lang: 'lang' in settings ? settings.lang : d.lang,
      dct: 'dct' in settings ? settings.dct : d.dct,
      orphans: d.orphans,
      created: d.created,
      updated: d.updated,
    },
    w,
    warnings,
  );
  const spans = d.spans === undefined ? undefined : checkSpans(d.text, d.spans, w, { fillText: true });
  return { doc, spans, warnings };
}

export const format = {
  id: 'json',
  label: 'JSON (depeche)',
  ext: 'json',
  mime: 'application/json',
  export: exportJson,
  import: importJson,
};
