// CSV: one row per span, for spreadsheets and quick counts.
//
// RFC 4180: header `doc,kind,text,value,start,end,date,country,lat,lon,ref,canonical,type,source,
// dct,dct_note`, CRLF line ends (after the last row too),
// a field quoted when it holds a comma, a double quote, CR or LF, quotes doubled inside.
// The file starts with a UTF-8 byte order mark so that spreadsheet programs read accents right
// (it is not part of the header's first name for any reader that honours it).
// - doc: the dispatch's title (its id when it has none): what an editor recognises. Two
//   dispatches with the same title share it; use JSON or W3C to keep them apart by id.
// - value: a date's TIMEX3 string ("2017-11-03"); an actor's canonical name; a place's country
//   code; any other value as compact JSON; empty when there is none (a summary, kept for the
//   spreadsheets built on it).
// - start, end: code points, end exclusive (FORMAT.md).
// - One column per value field, so a spreadsheet filters on each: date (a date's TIMEX3 value);
//   country, lat, lon, ref (a place); canonical, type (an actor). Empty where the span has none.
// - source: automatic (as the engine found it), accepted (reviewed and kept as it is) or
//   corrected (the editor's); `sourceOf` is the one place that reads a span's review state.
// - dct, dct_note: the dispatch's reference date and where it came from ("set by the editor",
//   "from the dateline", "from the text", or "assumed": the page chose a year the text does not
//   give; dates resolved with it may be a year off).
// - Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR
//   before one), so such a field gets a leading ' (OWASP's advice): "=HYPERLINK(...)" in a
//   dispatch is written as "'=HYPERLINK(...)" and shows as text. The offsets are ours and never
//   need it.
// Export only: the summary of values does not come back.

import { baseName, checkItems } from './common.js';
import { dctOf } from './brat.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */

export const HEADER = ['doc', 'kind', 'text', 'value', 'start', 'end',
  'date', 'country', 'lat', 'lon', 'ref', 'canonical', 'type', 'source', 'dct', 'dct_note'];

const DCT_NOTE = { set: 'set by the editor', dateline: 'from the dateline', text: 'from the text', assumed: 'assumed' };

/**
 * A span's review state for the source column. The session marks the editor's spans
 * source "user" and the ones accepted as they are "accepted"; everything else is the engine's.
 * @param {Span} s @returns {'automatic'|'accepted'|'corrected'}
 */
export function sourceOf(s) {
  if (s.source === 'accepted') return 'accepted';
  if (s.source === 'user') return 'corrected';
  return 'automatic';
}

/** The value-field columns (date, country, lat, lon, ref, canonical, type). @param {Span} s */
export function valueFields(s) {
  const v = /** @type {any} */ (s.value);
  const str = (x) => (x === undefined || x === null ? '' : String(x));
  const obj = v && typeof v === 'object' ? v : {};
  return [
    s.kind === 'date' && typeof v === 'string' ? v : '',
    s.kind === 'place' ? str(obj.country) : '', s.kind === 'place' ? str(obj.lat) : '', s.kind === 'place' ? str(obj.lon) : '', s.kind === 'place' ? str(obj.ref) : '',
    s.kind === 'actor' ? str(obj.canonical) : '', s.kind === 'actor' ? str(obj.type) : '',
  ];
}

/** A cell a spreadsheet will not evaluate. @param {string} s */
export function defuse(s) {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180 quoting. @param {string} s */
export function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The value column. @param {Span} s */
export function valueCell(s) {
  const v = s.value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (s.kind === 'actor' && typeof v.canonical === 'string') return v.canonical;
  if (s.kind === 'place' && typeof v.country === 'string') return v.country;
  return JSON.stringify(v);
}

/**
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}}
 */
export function exportCsv(items) {
  const checked = checkItems(items, 'CSV');
  const rows = [HEADER.join(',')];
  for (const { doc, result, spans } of checked) {
    const name = doc.title || doc.id;
    const d = dctOf(doc, result);
    const dct = d ? [d.dct, DCT_NOTE[d.how]] : ['', ''];
    for (const s of spans) {
      const cells = [name, s.kind, s.text, valueCell(s)].map((c) => csvField(defuse(c)));
      // coordinates the gazetteer gives are numbers: "-2.35" is one, not a formula
      const v = /** @type {any} */ (s.value);
      const numeric = (i) => s.kind === 'place' && typeof v?.[i === 2 ? 'lat' : 'lon'] === 'number' && Number.isFinite(v[i === 2 ? 'lat' : 'lon']);
      const more = [...valueFields(s), sourceOf(s), ...dct].map((c, i) => csvField((i === 2 || i === 3) && numeric(i) ? c : defuse(c)));
      rows.push([...cells, String(s.start), String(s.end), ...more].join(','));
    }
  }
  return { filename: `${baseName(checked)}.csv`, text: '\uFEFF' + rows.join('\r\n') + '\r\n' };
}

export const format = {
  id: 'csv',
  label: 'CSV (spreadsheet)',
  ext: 'csv',
  mime: 'text/csv;charset=utf-8',
  export: exportCsv,
};
