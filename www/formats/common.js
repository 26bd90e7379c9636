// What every format adapter shares: strict checking of spans and documents at the boundary,
// error messages that say where, JSON parsing that reports a line and column, file names.
//
// Why one place: every import must reject the same bad input with the same words (a span past
// the end of the text, a span whose text is not the text it covers, an unknown kind, two spans
// that overlap), and every export must refuse to write spans that would not import back.
// Trade-off: checking costs one pass over the spans and one offset map per text (cached), which
// is cheap next to parsing; in return a bad file never reaches the session half-loaded.

import { offsetMap, cpLength } from '../core/offsets.js';
import { isDocLang, docLangList } from '../core/languages.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Kind} Kind */
/** @typedef {import('../core/types.js').Correction} Correction */

/** The kinds the model knows, in display order. */
export const KINDS = /** @type {const} */ (['actor', 'place', 'date']);

/**
 * Where in a file something is wrong. Every field is optional; `describe` joins those present.
 * @typedef {{format?: string, file?: string, line?: number, document?: number, docId?: string,
 *            span?: number|string, annotation?: number}} Where
 */

/** An import or export that cannot be done; `message` says what and where. */
export class FormatError extends Error {
  /** @param {string} message @param {Where} [where] */
  constructor(message, where = {}) {
    super(message);
    this.name = 'FormatError';
    /** @type {Where} */
    this.where = where;
  }
}

/** "JSON import (a.json), line 3, document 2 ("id"), spans[4]" @param {Where} w */
export function describe(w) {
  const head = [w.format ?? 'import', w.file ? `(${w.file})` : ''].filter(Boolean).join(' ');
  const parts = [head];
  if (w.line !== undefined) parts.push(`line ${w.line}`);
  if (w.document !== undefined) {
    parts.push(`document ${w.document}` + (w.docId !== undefined ? ` (id ${quote(w.docId)})` : ''));
  } else if (w.docId !== undefined) {
    parts.push(`document ${quote(w.docId)}`);
  }
  if (w.annotation !== undefined) parts.push(`annotation ${w.annotation}`);
  if (w.span !== undefined) parts.push(typeof w.span === 'number' ? `spans[${w.span}]` : w.span);
  return parts.join(', ');
}

/** Throws a FormatError "<where>: <what>". @param {Where} w @param {string} what @returns {never} */
export function fail(w, what) {
  throw new FormatError(`${describe(w)}: ${what}`, w);
}

/** A short, quoted, single-line rendering of user text for messages. @param {unknown} s */
export function quote(s, max = 40) {
  const str = String(s);
  const chars = Array.from(str);
  const cut = chars.length > max ? chars.slice(0, max).join('') + '…' : str;
  return JSON.stringify(cut);
}

/** @param {unknown} v @returns {v is Record<string, any>} */
export function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks spans against their text and returns clean copies sorted by start.
 * Rejects: not an object, offsets that are not integers in 0 <= start < end <= length (code
 * points), an unknown kind, a `text` that differs from the covered text, a value of the wrong
 * shape (a date's value is a string, a place's or an actor's an object), overlapping spans.
 * A missing `text` is filled from the text when `fillText` is set (imports), an error otherwise.
 * @param {string} text
 * @param {unknown} spans
 * @param {Where} where
 * @param {{fillText?: boolean, spanLabel?: (i: number) => number|string}} [opts]
 * @returns {Span[]}
 */
export function checkSpans(text, spans, where, opts = {}) {
  if (!Array.isArray(spans)) fail(where, `"spans" must be a list, not ${typeName(spans)}`);
  const label = opts.spanLabel ?? ((i) => i);
  const map = offsetMap(text);
  const len = map.cpLength;
  /** @type {{span: Span, i: number}[]} */
  const out = [];
  spans.forEach((raw, i) => {
    const w = { ...where, span: label(i) };
    if (!isPlainObject(raw)) fail(w, `a span must be an object, not ${typeName(raw)}`);
    const { start, end, kind } = raw;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      fail(w, `"start" and "end" must be whole numbers (code points), got ${JSON.stringify(start)} and ${JSON.stringify(end)}`);
    }
    if (start < 0) fail(w, `start ${start} is negative`);
    if (end > len) fail(w, `end ${end} is past the end of the text (${len} characters)`);
    if (end <= start) fail(w, `end ${end} must be greater than start ${start}`);
    if (typeof kind !== 'string' || !KINDS.includes(/** @type {Kind} */ (kind))) {
      fail(w, `unknown kind ${JSON.stringify(kind)} (expected ${KINDS.join(', ')})`);
    }
    const covered = text.slice(map.toUtf16(start), map.toUtf16(end));
    let spanText = raw.text;
    if (spanText === undefined || spanText === null) {
      if (!opts.fillText) fail(w, `the span has no "text"`);
      spanText = covered;
    } else if (typeof spanText !== 'string') {
      fail(w, `"text" must be a string, not ${typeName(spanText)}`);
    } else if (spanText !== covered) {
      fail(w, `its text ${quote(spanText)} is not the text at ${start}..${end}, which is ${quote(covered)} (offsets count code points)`);
    }
    /** @type {Span} */
    const span = { start, end, kind: /** @type {Kind} */ (kind), text: spanText };
    const value = raw.value;
    if (value !== undefined && value !== null) {
      if (kind === 'date' && typeof value !== 'string') {
        fail(w, `a date's value must be a string such as "2017-11-03", not ${typeName(value)}`);
      }
      if (kind !== 'date' && !isPlainObject(value)) {
        fail(w, `a${kind === 'actor' ? 'n' : ''} ${kind}'s value must be an object, not ${typeName(value)}`);
      }
      span.value = value;
    }
    if (raw.source !== undefined && raw.source !== null) {
      if (typeof raw.source !== 'string') fail(w, `"source" must be a string`);
      span.source = raw.source;
    }
    out.push({ span, i });
  });
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1];
    const cur = out[k];
    if (cur.span.start < prev.span.end) {
      fail(
        { ...where, span: label(cur.i) },
        `the span ${cur.span.start}..${cur.span.end} ${quote(cur.span.text)} overlaps ` +
          `${typeof label(prev.i) === 'number' ? `spans[${label(prev.i)}]` : label(prev.i)} ` +
          `${prev.span.start}..${prev.span.end} ${quote(prev.span.text)}; spans must not overlap`,
      );
    }
  }
  return out.map((o) => o.span);
}

/** @param {unknown} v */
export function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${quote(v, 20)}`;
  return `${typeof v} ${String(v)}`;
}

const DCT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds an imported Doc (no corrections: `session.load(doc, spans)` derives them).
 * @param {{id?: unknown, title?: unknown, text: string, lang?: unknown, dct?: unknown,
 *          orphans?: unknown, created?: unknown, updated?: unknown}} f
 * @param {Where} where
 * @param {string[]} warnings  receives what was tolerated
 * @returns {Doc}
 */
export function makeDoc(f, where, warnings) {
  const now = new Date().toISOString();
  let lang = f.lang ?? 'auto';
  if (!isDocLang(lang)) {
    warnings.push(`${describe(where)}: language ${JSON.stringify(lang)} is not one of ${docLangList()}; detecting it instead`);
    lang = 'auto';
  }
  const dct = f.dct ?? null;
  if (dct !== null && (typeof dct !== 'string' || !DCT.test(dct))) {
    fail(where, `"dct" must be a date YYYY-MM-DD or null, not ${typeName(dct)}`);
  }
  let id = f.id;
  if (id === undefined || id === null || id === '') id = newId();
  else if (typeof id === 'number') id = String(id);
  else if (typeof id !== 'string') fail(where, `"id" must be a string or a number, not ${typeName(id)}`);
  let title = f.title;
  if (title !== undefined && title !== null && typeof title !== 'string') {
    fail(where, `"title" must be a string, not ${typeName(title)}`);
  }
  if (!title) title = titleOf(f.text) || /** @type {string} */ (id);
  const orphans = f.orphans === undefined || f.orphans === null ? [] : checkOrphans(f.orphans, where);
  return {
    id: /** @type {string} */ (id),
    title: /** @type {string} */ (title),
    text: f.text,
    lang: /** @type {Doc['lang']} */ (lang),
    dct: /** @type {string|null} */ (dct),
    corrections: [],
    orphans,
    created: typeof f.created === 'string' ? f.created : now,
    updated: typeof f.updated === 'string' ? f.updated : now,
  };
}

/** @param {unknown} list @param {Where} where @returns {Correction[]} */
function checkOrphans(list, where) {
  if (!Array.isArray(list)) fail(where, `"orphans" must be a list, not ${typeName(list)}`);
  return list.map((c, i) => {
    const w = { ...where, span: `orphans[${i}]` };
    if (!isPlainObject(c)) fail(w, 'a correction must be an object');
    if (c.op !== 'set' && c.op !== 'reject') fail(w, `"op" must be "set" or "reject", not ${typeName(c.op)}`);
    if (!KINDS.includes(c.kind)) fail(w, `unknown kind ${JSON.stringify(c.kind)}`);
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end)) fail(w, '"start" and "end" must be whole numbers');
    for (const k of ['exact', 'prefix', 'suffix']) {
      if (typeof c[k] !== 'string') fail(w, `"${k}" must be a string`);
    }
    /** @type {Correction} */
    const out = { op: c.op, start: c.start, end: c.end, kind: c.kind, exact: c.exact, prefix: c.prefix, suffix: c.suffix };
    if (c.value !== undefined) out.value = c.value;
    return out;
  });
}

/** The first non-empty line, at most 80 characters. @param {string} text */
export function titleOf(text) {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const chars = Array.from(line.trim());
  return chars.length > 80 ? chars.slice(0, 79).join('') + '…' : chars.join('');
}

/** A fresh document id. */
export function newId() {
  const c = /** @type {any} */ (globalThis).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Checks what an export is given: a non-empty list of {doc, result?, spans} whose spans fit the
 * doc's text. Returns the items with checked (sorted, copied) spans.
 * @param {unknown} items @param {string} format
 * @returns {{doc: Doc, result: import('../core/types.js').Result|null, spans: Span[]}[]}
 */
export function checkItems(items, format) {
  const w = { format: `${format} export` };
  if (!Array.isArray(items) || items.length === 0) fail(w, 'nothing to export (no dispatch given)');
  return items.map((it, k) => {
    const where = { ...w, document: k + 1 };
    if (!isPlainObject(it) || !isPlainObject(it.doc)) fail(where, 'each item must be {doc, result, spans}');
    if (typeof it.doc.text !== 'string') fail(where, 'the document has no text');
    const spans = checkSpans(it.doc.text, it.spans ?? [], { ...where, docId: it.doc.id });
    return { doc: /** @type {Doc} */ (it.doc), result: it.result ?? null, spans };
  });
}

/** A file-name-safe, accent-free slug: "Raqa: l'EI" -> "raqa-l-ei". @param {string} s */
export function slug(s) {
  const out = String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return out || 'dispatch';
}

/** Base name of an export: the dispatch's title for one, "depeche-N-dispatches" for several. */
export function baseName(/** @type {{doc: Doc}[]} */ items) {
  return items.length === 1 ? slug(items[0].doc.title || items[0].doc.id) : `depeche-${items.length}-dispatches`;
}

/** Distinct slugs for several documents (brat writes a pair of files for each). */
export function uniqueNames(/** @type {{doc: Doc}[]} */ items) {
  const seen = new Map();
  return items.map(({ doc }) => {
    const base = slug(doc.title || doc.id);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * JSON.parse with a message that says where: "not valid JSON at line 3, column 7: expected ','
 * or '}'". Never lets a bare SyntaxError out. A leading byte order mark is ignored.
 * @param {string} text @param {Where} where
 */
export function parseJson(text, where) {
  if (typeof text !== 'string') fail(where, `expected the file's text, got ${typeName(text)}`);
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.trim() === '') fail(where, 'the file is empty');
  try {
    return JSON.parse(src);
  } catch (e) {
    const found = locateJsonError(src);
    if (found) {
      const { line, column } = lineColumn(src, found.at);
      // A JSON Lines line keeps its own line number; only the column is news.
      if (where.line !== undefined) fail(where, `not valid JSON at column ${column}: ${found.reason}`);
      throw new FormatError(`${describe(where)}: not valid JSON at line ${line}, column ${column}: ${found.reason}`, { ...where, line });
    }
    fail(where, `not valid JSON (${String(/** @type {Error} */ (e).message).slice(0, 120)})`);
  }
}

/** 1-based line and column (in characters) of a UTF-16 offset. @param {string} s @param {number} at */
export function lineColumn(s, at) {
  let line = 1;
  let lineStart = 0;
  for (let i = s.indexOf('\n'); i !== -1 && i < at; i = s.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: cpLength(s.slice(lineStart, at)) + 1 };
}

/**
 * Finds where a JSON text goes wrong (JSON.parse does not say so in every engine): a small
 * recursive-descent check run only after JSON.parse failed. Returns null when it finds nothing.
 * @param {string} s @returns {{at: number, reason: string}|null}
 */
export function locateJsonError(s) {
  let i = 0;
  const n = s.length;
  /** @param {string} reason @returns {never} */
  const bad = (reason) => {
    throw { at: i, reason };
  };
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const end = (what) => (i >= n ? `the text ends inside ${what}` : null);
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = () => {
    const open = i;
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) bad('\\u must be followed by 4 hex digits');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) bad(`invalid escape \\${e ?? ''} in a string`);
        i += 2;
        continue;
      }
      if (c < 0x20) bad('a raw line break or control character inside a string (write it as \\n, \\t...)');
      i++;
    }
    i = open;
    bad('the string that starts here never ends (a closing " is missing)');
  };
  const value = (/** @type {number} */ depth) => {
    if (depth > 5000) bad('nested too deeply');
    ws();
    if (i >= n) bad('the text ends where a value was expected');
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') bad(end('an object') ?? 'expected a property name in double quotes');
        string();
        ws();
        if (s[i] !== ':') bad(end('an object') ?? "expected ':' after a property name");
        i++;
        value(depth + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') return void i++;
        bad(end('an object') ?? "expected ',' or '}' after a property value");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') return void i++;
        bad(end('a list') ?? "expected ',' or ']' after a list element");
      }
    }
    if (c === '"') return string();
    NUM.lastIndex = i;
    if (NUM.test(s)) {
      i = NUM.lastIndex;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (s.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    bad(`unexpected ${quote(Array.from(s.slice(i, i + 2))[0] ?? '')} where a value was expected`);
  };
  try {
    value(0);
    ws();
    if (i < n) bad('unexpected text after the end of the JSON value');
    return null;
  } catch (e) {
    if (e && typeof (/** @type {any} */ (e).at) === 'number') return /** @type {any} */ (e);
    throw e;
  }
}
