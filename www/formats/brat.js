// brat standoff: a `.txt` with the dispatch and a `.ann` beside it, the format of the brat
// annotation tool and of many NER corpora.
//
// One text-bound annotation per span, its value as an AnnotatorNotes comment:
//   T1<TAB>Actor 12 26<TAB>armée syrienne
//   #1<TAB>AnnotatorNotes T1<TAB>{"canonical":"Syrian Army","type":"military"}
//   T2<TAB>Date 40 51<TAB>3 novembre
//   #2<TAB>AnnotatorNotes T2<TAB>2017-11-03
// - Entity types are Actor, Place, Date (read back case-insensitively).
// - Offsets count Unicode characters (code points) of the .txt, as brat (Python strings) does.
// - A note is a date's TIMEX3 string as it is, or JSON (an object, or a string that would not
//   survive as a bare line: one with a tab or a line break, or starting with { [ or ").
// - brat forbids line breaks inside an annotation, so a span across lines is written as
//   discontinuous fragments `start end;start end` around the line breaks, with the fragments'
//   texts joined by a space (brat's convention); import joins them back into one span when only
//   whitespace lies between them. Known limit: a span that starts or ends with a line break
//   loses that line break (brat has no way to say it); spans never start or end with whitespace
//   in practice (word snapping).
// The zipped export ('brat-zip') puts every dispatch's .txt and .ann in one .zip with an
// annotation.conf declaring the three entity types, so brat (and tools reading its collections)
// open it as it is. The reference date of each dispatch goes into that file as a comment, which
// brat skips: `# depeche: <name>.txt dct 2024-03-03 (from the dateline|set by the editor|assumed)`.
// brat's .ann has no place for a document-level note (a "#" line must point at an annotation), so
// the .ann stays plain brat. Import reads the date back when given the annotation.conf
// ({txt, ann, conf}): a date set by the editor or assumed by the page becomes the dispatch's
// reference date; one from the dateline is found in the text again.
// Import ignores the annotations depeche has no use for (relations, events, attributes,
// normalisations) with a warning, and rejects what would change the dispatch: an unknown entity
// type, a discontinuous entity with words in its gap, a text that is not the text at its
// offsets, overlapping entities. Each error names the .ann line.

import { offsetMap } from '../core/offsets.js';
import { checkItems, checkSpans, fail, makeDoc, quote, typeName, uniqueNames, baseName } from './common.js';
import { zip } from './zip.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */

const TYPE_OF_KIND = { actor: 'Actor', place: 'Place', date: 'Date' };
const KIND_OF_TYPE = { actor: 'actor', place: 'place', date: 'date' };
const BREAK = /[\n\r\u2028\u2029\u0085\v\f]/;

/**
 * Two files per dispatch: name.txt and name.ann.
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}[]}
 */
export function exportBrat(items) {
  const checked = checkItems(items, 'brat');
  const names = uniqueNames(checked);
  return checked.flatMap(({ doc, spans }, k) => [
    { filename: `${names[k]}.txt`, text: doc.text },
    { filename: `${names[k]}.ann`, text: annOf(doc.text, spans) },
  ]);
}

/**
 * Where a dispatch's reference date came from: 'set' (the editor), 'assumed' (the page, no year
 * in the text), 'dateline', or null when there is none.
 * @param {Doc} doc @param {Result|null} result
 * @returns {{dct: string, how: 'set'|'assumed'|'dateline'|'text'}|null}
 */
export function dctOf(doc, result) {
  if (doc.dct) return { dct: doc.dct, how: 'set' };
  const dct = result?.dct;
  if (!dct) return null;
  if (/** @type {any} */ (result).dct_assumed) return { dct, how: 'assumed' };
  return { dct, how: result?.dateline?.date === dct ? 'dateline' : 'text' };
}

const HOW_WORDS = { set: 'set by the editor', assumed: 'assumed', dateline: 'from the dateline', text: 'from the text' };

/**
 * brat's annotation.conf for depeche's three entity types, with each dispatch's reference date
 * as a comment line.
 * @param {{doc: Doc, result?: Result|null}[]} items @param {string[]} names the files' base names
 */
export function annotationConf(items, names) {
  const lines = ['# brat annotation configuration written by depeche: actors, places and dates.',
    '# Values (a date\'s TIMEX3 string, a place\'s or actor\'s JSON) are the AnnotatorNotes of each entity.'];
  items.forEach(({ doc, result }, k) => {
    const d = dctOf(doc, result ?? null);
    if (d) lines.push(`# depeche: ${names[k]}.txt dct ${d.dct} (${HOW_WORDS[d.how]})`);
  });
  lines.push('[entities]', 'Actor', 'Place', 'Date', '[relations]', '[events]', '[attributes]');
  return lines.join('\n') + '\n';
}

/**
 * Reads the reference dates an annotation.conf of ours records: base name -> {dct, how}.
 * @param {string} conf
 */
export function confDates(conf) {
  /** @type {Map<string, {dct: string, how: string}>} */
  const out = new Map();
  for (const line of String(conf ?? '').split(/\r?\n/)) {
    const m = /^#\s*depeche:\s*(.+)\.txt dct (\d{4}-\d{2}-\d{2})(?: \(([^)]*)\))?\s*$/.exec(line);
    if (m) out.set(m[1], { dct: m[2], how: Object.entries(HOW_WORDS).find(([, w]) => w === m[3])?.[0] ?? 'set' });
  }
  return out;
}

/**
 * One .zip holding name.txt and name.ann for every dispatch and an annotation.conf.
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @param {{compress?: boolean, date?: Date}} [opts]
 * @returns {Promise<{filename: string, data: Uint8Array}>}
 */
export async function exportBratZip(items, opts = {}) {
  const checked = checkItems(items, 'brat');
  const names = uniqueNames(checked);
  const files = checked.flatMap(({ doc, spans }, k) => [
    { name: `${names[k]}.txt`, data: doc.text },
    { name: `${names[k]}.ann`, data: annOf(doc.text, spans) },
  ]);
  files.push({ name: 'annotation.conf', data: annotationConf(checked, names) });
  return { filename: `${baseName(checked)}.zip`, data: await zip(files, opts) };
}

/** @param {string} text @param {Span[]} spans */
function annOf(text, spans) {
  const map = offsetMap(text);
  const lines = [];
  let note = 0;
  spans.forEach((s, k) => {
    const id = `T${k + 1}`;
    const frags = fragments(text, map, s.start, s.end);
    if (frags.length === 0) {
      fail({ format: 'brat export', span: k }, `the ${s.kind} at ${s.start}..${s.end} holds only line breaks, which brat cannot annotate`);
    }
    const where = frags.map(([a, b]) => `${a} ${b}`).join(';');
    const covered = frags.map(([a, b]) => text.slice(map.toUtf16(a), map.toUtf16(b))).join(' ');
    lines.push(`${id}\t${TYPE_OF_KIND[s.kind]} ${where}\t${covered}`);
    if (s.value !== undefined && s.value !== null) {
      note++;
      lines.push(`#${note}\tAnnotatorNotes ${id}\t${noteOf(s.value)}`);
    }
  });
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The runs of [start, end) (code points) that hold no line break. */
function fragments(/** @type {string} */ text, /** @type {any} */ map, /** @type {number} */ start, /** @type {number} */ end) {
  const piece = text.slice(map.toUtf16(start), map.toUtf16(end));
  if (!BREAK.test(piece)) return [[start, end]];
  /** @type {[number, number][]} */
  const out = [];
  let cp = start;
  let runStart = -1;
  for (const ch of piece) {
    if (BREAK.test(ch)) {
      if (runStart >= 0) out.push([runStart, cp]);
      runStart = -1;
    } else if (runStart < 0) {
      runStart = cp;
    }
    cp++;
  }
  if (runStart >= 0) out.push([runStart, cp]);
  return out;
}

/** @param {unknown} v */
function noteOf(v) {
  if (typeof v === 'string' && v !== '' && !/[\t\n\r\u2028\u2029]/.test(v) && !/^[\s{["]|\s$/.test(v)) return v;
  return JSON.stringify(v);
}

/**
 * @param {{txt: string, ann: string, conf?: string}} files  the two files' contents, and the
 *   annotation.conf of the export when there is one (it keeps the reference date)
 * @param {string} [filename]  the name of either file (for messages; its base name finds the
 *   dispatch's line in the annotation.conf)
 * @returns {{doc: Doc, spans: Span[], warnings: string[]}[]}
 */
export function importBrat(files, filename) {
  const where = { format: 'brat import', file: filename };
  if (!files || typeof files !== 'object' || typeof files.txt !== 'string' || typeof files.ann !== 'string') {
    fail(where, 'brat import needs both files: the dispatch (.txt) and its annotations (.ann)');
  }
  const text = files.txt;
  const map = offsetMap(text);
  /** @type {string[]} */
  const warnings = [];
  /** @type {Map<string, {span: Record<string, any>, line: number}>} */
  const entities = new Map();
  /** @type {{target: string, note: string, line: number}[]} */
  const notes = [];
  /** @type {Map<string, number>} */
  const ignored = new Map();

  files.ann.split('\n').forEach((rawLine, k) => {
    const line = rawLine.replace(/\r$/, '');
    const w = { ...where, line: k + 1 };
    if (line.trim() === '') return;
    const tab1 = line.indexOf('\t');
    if (tab1 < 0) fail(w, `cannot read the line ${quote(line, 60)}: brat separates its fields with tabs`);
    const id = line.slice(0, tab1);
    if (/^T\d+$/.test(id)) {
      const tab2 = line.indexOf('\t', tab1 + 1);
      if (tab2 < 0) fail(w, `expected "${id}<tab>Type start end<tab>text", got ${quote(line, 60)}`);
      const head = line.slice(tab1 + 1, tab2);
      const covered = line.slice(tab2 + 1);
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(head);
      if (!m) fail(w, `cannot read "${head}" as "Type start end" (offsets are whole numbers)`);
      const type = m[1].toLowerCase();
      const kind = Object.hasOwn(KIND_OF_TYPE, type) ? KIND_OF_TYPE[/** @type {keyof KIND_OF_TYPE} */ (type)] : undefined;
      if (!kind) fail(w, `entity type ${JSON.stringify(m[1])} is not Actor, Place or Date`);
      const frags = m[2].split(';').map((f) => f.split(' ').map(Number));
      for (const [a, b] of frags) {
        if (b <= a) fail(w, `fragment ${a} ${b}: the end must be after the start`);
        if (b > map.cpLength) fail(w, `fragment ${a} ${b} is past the end of the text (${map.cpLength} characters)`);
      }
      for (let f = 1; f < frags.length; f++) {
        const gapFrom = frags[f - 1][1];
        const gapTo = frags[f][0];
        if (gapTo < gapFrom) fail(w, `fragments ${m[2]} are not in order`);
        const gap = text.slice(map.toUtf16(gapFrom), map.toUtf16(gapTo));
        if (gap.trim() !== '') {
          fail(w, `a discontinuous entity with ${quote(gap)} between its parts: depeche spans are one piece of text`);
        }
      }
      const expected = frags.map(([a, b]) => text.slice(map.toUtf16(a), map.toUtf16(b))).join(' ');
      if (covered !== expected) {
        fail(w, `its text ${quote(covered)} is not the text at ${m[2]}, which is ${quote(expected)} (offsets count characters of the .txt)`);
      }
      if (entities.has(id)) fail(w, `${id} is defined twice`);
      entities.set(id, { span: { start: frags[0][0], end: frags[frags.length - 1][1], kind }, line: k + 1 });
      return;
    }
    if (id.startsWith('#')) {
      const rest = line.slice(tab1 + 1);
      const tab2 = rest.indexOf('\t');
      const head = tab2 < 0 ? rest : rest.slice(0, tab2);
      const nm = /^AnnotatorNotes (\S+)$/.exec(head);
      if (!nm) {
        bump(ignored, 'comment');
        return;
      }
      notes.push({ target: nm[1], note: tab2 < 0 ? '' : rest.slice(tab2 + 1), line: k + 1 });
      return;
    }
    const letter = /^(?:[A-Z]\d+|\*)$/.exec(id);
    if (!letter) fail(w, `cannot read the line ${quote(line, 60)}: ${quote(id)} is not a brat annotation id`);
    bump(ignored, { R: 'relation', E: 'event', A: 'attribute', M: 'attribute', N: 'normalization', '*': 'equivalence' }[id[0]] ?? `"${id[0]}" annotation`);
  });

  for (const { target, note, line } of notes) {
    const w = { ...where, line };
    const e = entities.get(target);
    if (!e) {
      if (/^T/.test(target)) fail(w, `the note is about ${target}, which is not defined`);
      bump(ignored, 'note on a non-entity');
      continue;
    }
    const value = valueOf(note, e.span.kind, w, warnings);
    if (value !== undefined) e.span.value = value;
  }
  for (const [what, n] of ignored) warnings.push(`${filename ?? 'brat import'}: ignored ${n} ${what}${n > 1 ? 's' : ''} (depeche keeps entities and their notes)`);

  const list = [...entities.values()];
  const spans = checkSpans(text, list.map((e) => e.span), where, {
    fillText: true,
    spanLabel: (i) => `line ${list[i].line}`,
  });
  let dct = null;
  if (typeof files.conf === 'string') {
    const dates = confDates(files.conf);
    const base = String(filename ?? '').replace(/^.*[\\/]/, '').replace(/\.(txt|ann)$/i, '');
    const d = dates.get(base) ?? (dates.size === 1 ? [...dates.values()][0] : undefined);
    if (d && (d.how === 'set' || d.how === 'assumed')) dct = d.dct;
  }
  const doc = makeDoc({ text, dct }, where, warnings);
  return [{ doc, spans, warnings }];
}

/** @param {Map<string, number>} m @param {string} key */
function bump(m, key) {
  m.set(key, (m.get(key) ?? 0) + 1);
}

/**
 * A note read as a value: JSON when it looks like JSON, a date's plain TIMEX3 string otherwise;
 * a free-text note on an actor or a place is kept out of the value (with a warning).
 * @param {string} note @param {string} kind @param {import('./common.js').Where} w @param {string[]} warnings
 */
function valueOf(note, kind, w, warnings) {
  const t = note.trim();
  if (t === '') return undefined;
  if (/^[{["]/.test(t)) {
    let v;
    try {
      v = JSON.parse(t);
    } catch {
      fail(w, `the note ${quote(t)} starts like JSON but is not valid JSON`);
    }
    if (kind === 'date' ? typeof v !== 'string' : typeof v !== 'object' || v === null || Array.isArray(v)) {
      fail(w, `the note's JSON is ${typeName(v)}, which is not a value for a ${kind}`);
    }
    return v;
  }
  if (kind === 'date') return t;
  warnings.push(`line ${w.line}: the note ${quote(t)} is not a ${kind} value (JSON object); left out`);
  return undefined;
}

export const format = {
  id: 'brat',
  label: 'brat standoff (.txt + .ann)',
  ext: 'ann',
  mime: 'text/plain',
  /** import() takes {txt, ann}: the contents of the two files. */
  importInput: 'txt+ann',
  export: exportBrat,
  import: importBrat,
};

/** The zipped brat export: what the page's export button downloads for brat tools. */
export const zipFormat = {
  id: 'brat-zip',
  label: 'brat standoff, one .zip (.txt + .ann + annotation.conf)',
  ext: 'zip',
  mime: 'application/zip',
  /** export() resolves to {filename, data: Uint8Array}: a binary file. */
  binary: true,
  export: exportBratZip,
};
