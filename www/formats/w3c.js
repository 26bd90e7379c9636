// W3C Web Annotation (JSON-LD): the standard way to hand highlights to other annotation tools.
//
// Export: one AnnotationCollection whose first (and only) AnnotationPage holds one Annotation
// per span:
//   { "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:depeche:doc:<id>:span:<start>-<end>",
//     "type": "Annotation", "motivation": "tagging",
//     "body": [ {"type": "TextualBody", "purpose": "tagging", "value": "place"},
//               {"type": "TextualBody", "purpose": "identifying", "format": "application/json",
//                "value": "{\"country\":\"SY\"}"} ],
//     "target": { "source": "urn:depeche:doc:<id>",
//                 "selector": [ {"type": "TextQuoteSelector", "exact", "prefix", "suffix"},
//                               {"type": "TextPositionSelector", "start", "end"} ] } }
// - The kind is a tagging body (actor, place, date).
// - The value, when there is one, is a second TextualBody with purpose "identifying" (it says
//   which entity or which day the mention denotes): a date's TIMEX3 string as format
//   "text/plain", a place's or actor's object as a JSON string with format "application/json".
//   (A TextualBody's value is a string in the model, so the JSON is carried as text.)
// - TextPositionSelector counts code points, as the Web Annotation model says; prefix and suffix
//   carry up to 32 characters of context.
// - The text is embedded so that an import restores the dispatch: the collection carries
//   "depeche:sources", one resource per dispatch, described with the model's own terms
//   (id = the targets' source IRI, type TextualBody, format text/plain, language, value = the
//   text, created, modified) plus depeche: terms for the title, the editor's settings and the
//   orphaned corrections, and the reference date (depeche:dct; depeche:dctAssumed and a
//   depeche:note when the page assumed it). "depeche" is a prefix declared in the collection's @context
//   (urn:depeche:ns#), so the collection stays valid JSON-LD and other tools ignore the extra.
//
// Import: a collection (items in "first", following embedded "next" pages), a page, a list of
// annotations or one annotation. Each annotation's text comes from "depeche:sources", or from a
// target whose "source" is an embedded resource with a string "value". The span is the
// TextPositionSelector's when the text there equals the quote's `exact` (or there is no quote);
// otherwise the TextQuoteSelector is searched (exact, then prefix and suffix to pick among
// several occurrences, the one nearest the stated position on a tie); neither -> an error that
// names the annotation. Spans are then checked like every import (common.js).

import { offsetMap } from '../core/offsets.js';
import {
  KINDS,
  checkItems,
  checkSpans,
  fail,
  isPlainObject,
  makeDoc,
  parseJson,
  quote,
  typeName,
  baseName,
  newId,
} from './common.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */
/** @typedef {import('./common.js').Where} Where */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const DOC_IRI = 'urn:depeche:doc:';
const CONTEXT_LENGTH = 32;

/** @param {string} id */
export const sourceIri = (id) => DOC_IRI + encodeURIComponent(id);

/**
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}}
 */
export function exportW3c(items) {
  const checked = checkItems(items, 'W3C');
  const sources = [];
  const annotations = [];
  for (const { doc, result, spans } of checked) {
    const iri = sourceIri(doc.id);
    /** @type {Record<string, any>} */
    const source = {
      id: iri,
      type: 'TextualBody',
      format: 'text/plain',
      value: doc.text,
      'depeche:title': doc.title,
      'depeche:settings': { lang: doc.lang, dct: doc.dct },
    };
    const lang = result?.lang ?? (doc.lang === 'auto' ? null : doc.lang);
    if (lang && lang !== 'und') source.language = lang;
    if (doc.created) source.created = doc.created;
    if (doc.updated) source.modified = doc.updated;
    if (doc.orphans && doc.orphans.length) source['depeche:orphans'] = doc.orphans;
    // the reference date the dates were resolved with, and a note when the page assumed it
    if (result?.dct) source['depeche:dct'] = result.dct;
    if (!doc.dct && /** @type {any} */ (result)?.dct_assumed) {
      source['depeche:dctAssumed'] = true;
      source['depeche:note'] = `Reference date ${result.dct} assumed by the page: the text gives no year; dates resolved with it may be a year off.`;
    }
    sources.push(source);
    const map = offsetMap(doc.text);
    for (const s of spans) annotations.push(annotationOf(doc.text, map, iri, s));
  }
  const collectionId = `urn:uuid:${newId()}`;
  const collection = {
    '@context': [
      ANNO_CONTEXT,
      {
        depeche: 'urn:depeche:ns#',
        'depeche:settings': { '@type': '@json' },
        'depeche:orphans': { '@type': '@json' },
      },
    ],
    id: collectionId,
    type: 'AnnotationCollection',
    label: checked.length === 1 ? `depeche: ${checked[0].doc.title}` : `depeche: ${checked.length} dispatches`,
    total: annotations.length,
    'depeche:sources': sources,
    first: {
      id: `${collectionId}:page:1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations,
    },
  };
  return { filename: `${baseName(checked)}.jsonld`, text: JSON.stringify(collection, null, 2) + '\n' };
}

/**
 * @param {string} text @param {import('../core/offsets.js').OffsetMap} map
 * @param {string} iri @param {Span} s
 */
function annotationOf(text, map, iri, s) {
  const u0 = map.toUtf16(s.start);
  const u1 = map.toUtf16(s.end);
  const prefixStart = map.toUtf16(Math.max(0, s.start - CONTEXT_LENGTH));
  const suffixEnd = map.toUtf16(Math.min(map.cpLength, s.end + CONTEXT_LENGTH));
  /** @type {Record<string, any>[]} */
  const body = [{ type: 'TextualBody', purpose: 'tagging', value: s.kind }];
  if (s.value !== undefined && s.value !== null) {
    body.push(
      typeof s.value === 'string'
        ? { type: 'TextualBody', purpose: 'identifying', format: 'text/plain', value: s.value }
        : { type: 'TextualBody', purpose: 'identifying', format: 'application/json', value: JSON.stringify(s.value) },
    );
  }
  /** @type {Record<string, any>} */
  const anno = {
    '@context': ANNO_CONTEXT,
    id: `${iri}:span:${s.start}-${s.end}`,
    type: 'Annotation',
    motivation: 'tagging',
    body,
    target: {
      source: iri,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: text.slice(u0, u1),
          prefix: text.slice(prefixStart, u0),
          suffix: text.slice(u1, suffixEnd),
        },
        { type: 'TextPositionSelector', start: s.start, end: s.end },
      ],
    },
  };
  if (s.source) anno['depeche:source'] = s.source;
  return anno;
}

/**
 * @param {string} text @param {string} [filename]
 * @returns {{doc: Doc, spans: Span[], warnings: string[]}[]}
 */
export function importW3c(text, filename) {
  const where = { format: 'W3C import', file: filename };
  const data = parseJson(text, where);
  const { annotations, sources } = collect(data, where);

  /** @type {Map<string, {text: string, meta: Record<string, any>, raw: any[], order: number}>} */
  const docs = new Map();
  const addSource = (/** @type {any} */ src, /** @type {Where} */ w) => {
    if (!isPlainObject(src) || typeof src.id !== 'string') fail(w, 'an embedded source needs a string "id"');
    if (typeof src.value !== 'string') fail(w, `the embedded source ${quote(src.id)} has no text ("value")`);
    const known = docs.get(src.id);
    if (known) {
      if (known.text !== src.value) fail(w, `two different texts are embedded for the source ${quote(src.id)}`);
      return;
    }
    docs.set(src.id, { text: src.value, meta: src, raw: [], order: docs.size });
  };
  sources.forEach((s, k) => addSource(s, { ...where, span: `depeche:sources[${k}]` }));

  annotations.forEach((a, k) => {
    const w = { ...where, annotation: k + 1 };
    if (!isPlainObject(a)) fail(w, `an annotation must be an object, not ${typeName(a)}`);
    if (a.type !== undefined && a.type !== 'Annotation' && !(Array.isArray(a.type) && a.type.includes('Annotation'))) {
      fail(w, `its type is ${JSON.stringify(a.type)}, not "Annotation"`);
    }
    let target = a.target;
    if (Array.isArray(target)) {
      if (target.length !== 1) fail(w, `it has ${target.length} targets; one is expected`);
      target = target[0];
    }
    if (!isPlainObject(target)) fail(w, 'it has no target with a source and selectors');
    let iri = target.source;
    if (isPlainObject(iri)) {
      addSource(iri, w);
      iri = iri.id;
    }
    if (typeof iri !== 'string') fail(w, 'its target has no "source"');
    const entry = docs.get(iri);
    if (!entry) {
      fail(w, `the text of its target ${quote(iri)} is not embedded (expected in the collection's "depeche:sources" or as the target's source "value")`);
    }
    entry.raw.push({ anno: a, target, where: w });
  });

  if (docs.size === 0) fail(where, 'no annotation and no embedded text: nothing to import');

  return [...docs.entries()].map(([iri, entry], k) => {
    const w = { ...where, document: k + 1 };
    /** @type {string[]} */
    const warnings = [];
    const meta = entry.meta;
    const settings = isPlainObject(meta['depeche:settings']) ? meta['depeche:settings'] : {};
    const id = iri.startsWith(DOC_IRI) ? safeDecode(iri.slice(DOC_IRI.length)) : iri;
    const doc = makeDoc(
      {
        id,
        title: meta['depeche:title'],
        text: entry.text,
        lang: 'lang' in settings ? settings.lang : meta.language,
        dct: settings.dct ?? null,
        orphans: meta['depeche:orphans'],
        created: meta.created,
        updated: meta.modified,
      },
      { ...w, docId: id },
      warnings,
    );
    const raw = entry.raw.map(({ anno, target, where: aw }) => spanOf(entry.text, anno, target, aw, warnings));
    const labels = entry.raw.map(({ where: aw }) => aw.annotation);
    const spans = checkSpans(entry.text, raw, { ...where, docId: id }, {
      fillText: true,
      spanLabel: (i) => `annotation ${labels[i]}`,
    });
    return { doc, spans, warnings };
  });
}

/** @param {string} s */
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The annotations and embedded sources of a collection, a page, a list or one annotation.
 * @param {any} data @param {Where} where
 */
function collect(data, where) {
  /** @type {any[]} */
  let annotations = [];
  /** @type {any[]} */
  let sources = [];
  const typeOf = (/** @type {any} */ o) => (Array.isArray(o.type) ? o.type : [o.type]);
  const pageItems = (/** @type {any} */ page, /** @type {string} */ what) => {
    if (!isPlainObject(page)) fail(where, `${what} must be an embedded AnnotationPage (a link to a page elsewhere cannot be followed)`);
    if (page.items !== undefined && !Array.isArray(page.items)) fail(where, `${what}'s "items" must be a list`);
    if (Array.isArray(page['depeche:sources'])) sources = sources.concat(page['depeche:sources']);
    return page.items ?? [];
  };
  if (Array.isArray(data)) {
    annotations = data;
  } else if (!isPlainObject(data)) {
    fail(where, `expected an AnnotationCollection, an AnnotationPage or annotations, not ${typeName(data)}`);
  } else if (typeOf(data).includes('AnnotationCollection')) {
    if (Array.isArray(data['depeche:sources'])) sources = sources.concat(data['depeche:sources']);
    if (data.first !== undefined) {
      let page = data.first;
      let n = 1;
      for (;;) {
        annotations = annotations.concat(pageItems(page, `page ${n}`));
        if (page.next === undefined || page.next === null) break;
        page = page.next;
        n++;
        if (n > 100000) fail(where, 'too many pages');
      }
    } else if (Array.isArray(data.items)) {
      annotations = data.items;
    }
  } else if (typeOf(data).includes('AnnotationPage')) {
    annotations = pageItems(data, 'the page');
  } else if (typeOf(data).includes('Annotation')) {
    annotations = [data];
  } else {
    fail(where, `expected an AnnotationCollection, an AnnotationPage or annotations, found type ${JSON.stringify(data.type)}`);
  }
  return { annotations, sources };
}

/**
 * Turns one annotation into a raw span (checked later with the others).
 * @param {string} text @param {any} anno @param {any} target @param {Where} w @param {string[]} warnings
 */
function spanOf(text, anno, target, w, warnings) {
  const bodies = anno.body === undefined ? [] : Array.isArray(anno.body) ? anno.body : [anno.body];
  if (typeof anno.bodyValue === 'string') bodies.push({ type: 'TextualBody', purpose: 'tagging', value: anno.bodyValue });
  let kind = /** @type {string|undefined} */ (undefined);
  let value = /** @type {any} */ (undefined);
  for (const b of bodies) {
    if (!isPlainObject(b)) continue;
    const purpose = b.purpose;
    if ((purpose === 'tagging' || purpose === 'classifying' || purpose === undefined) && kind === undefined && typeof b.value === 'string' && (b.format === undefined || b.format === 'text/plain')) {
      const k = b.value.trim().toLowerCase();
      if (KINDS.includes(/** @type {any} */ (k))) {
        kind = k;
        continue;
      }
      if (purpose !== undefined) fail(w, `unknown kind ${JSON.stringify(b.value)} in its tagging body (expected ${KINDS.join(', ')})`);
    }
    if ((purpose === 'identifying' || purpose === 'describing') && value === undefined && typeof b.value === 'string') {
      if (b.format === 'application/json' || b.format === 'application/ld+json') {
        try {
          value = JSON.parse(b.value);
        } catch {
          fail(w, `its ${purpose} body says application/json but its value is not valid JSON: ${quote(b.value)}`);
        }
      } else {
        value = b.value;
      }
    }
  }
  if (kind === undefined) fail(w, `it has no tagging body naming its kind (${KINDS.join(', ')})`);

  const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  const quoteSel = selectors.find((s) => isPlainObject(s) && s.type === 'TextQuoteSelector');
  const posSel = selectors.find((s) => isPlainObject(s) && s.type === 'TextPositionSelector');
  if (!quoteSel && !posSel) fail(w, 'its target has neither a TextQuoteSelector nor a TextPositionSelector');
  if (quoteSel && (typeof quoteSel.exact !== 'string' || quoteSel.exact === '')) fail(w, 'its TextQuoteSelector has no "exact" text');

  const map = offsetMap(text);
  let start = -1;
  let end = -1;
  const posOk = posSel && Number.isInteger(posSel.start) && Number.isInteger(posSel.end) &&
    posSel.start >= 0 && posSel.start < posSel.end && posSel.end <= map.cpLength;
  if (posOk && (!quoteSel || text.slice(map.toUtf16(posSel.start), map.toUtf16(posSel.end)) === quoteSel.exact)) {
    start = posSel.start;
    end = posSel.end;
  } else if (quoteSel) {
    const near = posOk ? map.toUtf16(posSel.start) : undefined;
    const at = findQuote(text, quoteSel.exact, str(quoteSel.prefix), str(quoteSel.suffix), near);
    if (at < 0) {
      fail(w, `its quote ${quote(quoteSel.exact)} is not in the text` +
        (posSel ? ` and its position ${posSel.start}..${posSel.end} does not hold it` : ''));
    }
    start = map.toCodePoint(at);
    end = map.toCodePoint(at + quoteSel.exact.length);
    if (posSel) warnings.push(`annotation ${w.annotation}: position ${posSel.start}..${posSel.end} did not hold ${quote(quoteSel.exact)}; found it by its quote at ${start}..${end}`);
  } else {
    fail(w, `its TextPositionSelector ${JSON.stringify(posSel.start)}..${JSON.stringify(posSel.end)} is not a range of the text (${map.cpLength} characters)`);
  }
  /** @type {Record<string, any>} */
  const span = { start, end, kind };
  if (value !== undefined) span.value = value;
  if (typeof anno['depeche:source'] === 'string') span.source = anno['depeche:source'];
  return span;
}

const str = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : '');

/**
 * UTF-16 index of the occurrence of `exact` whose context best matches prefix and suffix
 * (ties: nearest to `near`, else the first), or -1.
 * @param {string} text @param {string} exact @param {string} prefix @param {string} suffix @param {number} [near]
 */
export function findQuote(text, exact, prefix, suffix, near) {
  let best = -1;
  let bestScore = -1;
  let bestDist = Infinity;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const before = text.slice(Math.max(0, i - prefix.length), i);
    const after = text.slice(i + exact.length, i + exact.length + suffix.length);
    const score = commonTail(before, prefix) / Math.max(1, prefix.length) + commonHead(after, suffix) / Math.max(1, suffix.length);
    const dist = near === undefined ? 0 : Math.abs(i - near);
    if (score > bestScore || (score === bestScore && dist < bestDist)) {
      best = i;
      bestScore = score;
      bestDist = dist;
    }
  }
  return best;
}

function commonTail(/** @type {string} */ a, /** @type {string} */ b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(/** @type {string} */ a, /** @type {string} */ b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export const format = {
  id: 'w3c',
  label: 'W3C Web Annotation (JSON-LD)',
  ext: 'jsonld',
  mime: 'application/ld+json',
  export: exportW3c,
  import: importW3c,
};
