// CSV: one row per span, for spreadsheets and quick counts.
//
// RFC 4180: header `doc,kind,text,value,start,end`, CRLF line ends (after the last row too),
// a field quoted when it holds a comma, a double quote, CR or LF, quotes doubled inside.
// The file starts with a UTF-8 byte order mark so that spreadsheet programs read accents right
// (it is not part of the header's first name for any reader that honours it).
// - doc: the dispatch's title (its id when it has none): what an editor recognises. Two
//   dispatches with the same title share it; use JSON or W3C to keep them apart by id.
// - value: a date's TIMEX3 string ("2017-11-03"); an actor's canonical name; a place's country
//   code; any other value as compact JSON; empty when there is none. The summary loses the
//   actor's type and the place's coordinates: the JSON export keeps them.
// - start, end: code points, end exclusive (FORMAT.md).
// - Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR
//   before one), so such a field gets a leading ' (OWASP's advice): "=HYPERLINK(...)" in a
//   dispatch is written as "'=HYPERLINK(...)" and shows as text. The offsets are ours and never
//   need it.
// Export only: the summary of values does not come back.

import { baseName, checkItems } from './common.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */

export const HEADER = ['doc', 'kind', 'text', 'value', 'start', 'end'];

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
  for (const { doc, spans } of checked) {
    const name = doc.title || doc.id;
    for (const s of spans) {
      const cells = [name, s.kind, s.text, valueCell(s)].map((c) => csvField(defuse(c)));
      rows.push([...cells, String(s.start), String(s.end)].join(','));
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
