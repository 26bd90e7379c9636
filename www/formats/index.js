// The registry of export/import formats: the one list the page's menus are built from.
//
// Each format: {id, label, ext, mime, export(items), import?(input, filename), importInput?}.
// - export(items): items = [{doc, result, spans}] (one or many dispatches); returns
//   {filename, text}, or for brat an array of files [{filename, text}] (a .txt and a .ann per
//   dispatch), or for brat-zip (`binary: true`) a Promise of {filename, data: Uint8Array}. Throws a FormatError (message says which dispatch and span) on inconsistent input.
// - import(input, filename): returns [{doc, spans, warnings}] with doc.corrections = [] (the page
//   calls session.load(doc, spans), which derives the corrections); `spans` is undefined when
//   the file holds plain texts with no spans to restore (JSON with no "spans" key); `warnings`
//   lists what was tolerated. Throws a FormatError whose message names the line, document,
//   annotation or span at fault. `input` is the file's text, except for brat (importInput
//   'txt+ann'), which takes {txt, ann}.
// Only json, w3c and brat import; conll, csv and html are export-only (they lose information).

import { format as json } from './json.js';
import { format as w3c } from './w3c.js';
import { format as brat, zipFormat as bratZip } from './brat.js';
import { format as conll } from './conll.js';
import { format as csv } from './csv.js';
import { format as html } from './html.js';

export { FormatError } from './common.js';

export const FORMATS = Object.freeze([json, w3c, brat, bratZip, conll, csv, html]);

/** @param {string} id */
export function formatById(id) {
  const f = FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown format ${JSON.stringify(id)} (known: ${FORMATS.map((x) => x.id).join(', ')})`);
  return f;
}

/** The importable formats. */
export const IMPORTERS = Object.freeze(FORMATS.filter((f) => typeof f.import === 'function'));
