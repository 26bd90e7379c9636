// How kinds and values read to a person: letters, names, value summaries, ARIA labels.
// Why: the marks, the legend, the side panel, the live region and the dialogs all describe spans;
// one module keeps the wording identical everywhere. Trade-off: English UI strings only.

/** @typedef {import('../core/types.js').Kind} Kind */
/** @typedef {import('../core/types.js').Span} Span */

/** @type {Kind[]} */
export const KINDS = ['actor', 'place', 'date'];
export const KIND_KEY = { actor: 'A', place: 'P', date: 'D' };
export const KIND_NAME = { actor: 'Actor', place: 'Place', date: 'Date' };
export const ACTOR_TYPES = ['person', 'organisation', 'armed_group', 'government', 'military', 'media', 'igo'];

/** One line for a span's value: "Islamic State (armed_group)", "SY · geonames:170794", "2017-11-03". */
export function valueText(kind, value) {
  if (value == null || value === '') return '';
  if (typeof value === 'string') return value;
  if (kind === 'actor') {
    const c = value.canonical ?? '';
    return value.type ? `${c} (${value.type})` : c;
  }
  if (kind === 'place') return [value.country, value.ref].filter(Boolean).join(' · ');
  try { return JSON.stringify(value); } catch { return String(value); }
}

/**
 * The accessible name of a mark: "actor: EI — Islamic State (armed_group), accepted".
 * `state`: true or 'corrected' (the editor's), 'accepted' (reviewed, kept as found), else automatic.
 */
export function spanLabel(span, state = false) {
  const v = valueText(span.kind, span.value);
  const who = state === 'accepted' ? ', accepted' : state === true || state === 'corrected' ? ', corrected' : '';
  return `${span.kind}: ${span.text}${v ? ` — ${v}` : ''}${who}`;
}

/** Short preview of a text for messages. */
export function clip(s, n = 40) {
  s = String(s).replace(/\s+/g, ' ');
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
