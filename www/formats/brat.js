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
// Import ignores the annotations depeche has no use for (relations, events, attributes,
// normalisations) with a warning, and rejects what would change the dispatch: an unknown entity
// type, a discontinuous entity with words in its gap, a text that is not the text at its
// offsets, overlapping entities. Each error names the .ann line.

import { offsetMap } from '../core/offsets.js';
import { checkItems, checkSpans, fail, makeDoc, quote, typeName, uniqueNames } from './common.js';

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
 * @param {{txt: string, ann: string}} files  the two files' contents
 * @param {string} [filename]  the name of either file (for messages)
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
  const doc = makeDoc({ text }, where, warnings);
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
