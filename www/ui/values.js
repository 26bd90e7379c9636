// Values as a person reads them, and values found for a relabelled name.
// Why: a TIMEX3 string ("2017-11-03", "XXXX-03-11T15:00") or a gazetteer id says little at a
// glance; the correction chip (popover.js) shows each value in words next to its ISO form,
// "vendredi 3 novembre 2017 · 2017-11-03", and flags what is not resolved (XXXX parts, no value,
// a value the TIMEX3 grammar refuses).
// And a relabel (an actor made a place) should not leave the span without a value when the
// gazetteer knows the name: `valueFor` picks the reading another mention of the same entity
// already uses, else the gazetteer's first (most prominent) reading.
// The words are the core's, not this module's: each language of `languages()` (core/languages.js)
// carries `values` (data/lang/<code>/values.json): day and month names, seasons, parts of day,
// references, duration units [one, other], ordinal forms by Intl.PluralRules' ordinal category
// ("{n}er"), special days of the month ("1er") and templates with {placeholders} ("semaine {w} de
// {y}"; "{q:ordinal}" is q's ordinal form). One renderer reads them all: no language is named here.
// Which language's words: the dispatch's language when the core has words for it; else the
// reader's, the first of navigator.languages the core has words for, else the document's
// (<html lang>); else the first language of the core's list that has words.
// Trade-offs: words for the TIMEX3 forms the core writes (dates, weeks, seasons, quarters,
// halves, parts of day, times, durations, PRESENT/PAST/FUTURE_REF); anything else is shown as it
// is. The order of a date's parts (weekday, day, month, year) and the punctuation around an
// unknown part are the renderer's, the same for every language, and a duration's unit takes its
// first form for exactly 1 and its second otherwise (as before; a language whose plurals need
// more would give `units` by Intl.PluralRules category). Whether a value is resolved does
// not depend on the words (`parseTimex`). Country names come from Intl.DisplayNames (the
// browser's CLDR), not from the gazetteer.

import { dateValueError } from './dialogs.js';
import { foldName } from '../core/lexicon.js';
import { languages as registered } from '../core/languages.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/languages.js').Language} Language */

const REFS = ['PRESENT_REF', 'PAST_REF', 'FUTURE_REF'];
const DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNITS = ['Y', 'M', 'W', 'D', 'TH', 'TM', 'TS'];
const POINT = /^(\d{4}|XXXX)(?:-(?:(\d{2}|XX)(?:-(\d{2}|XX))?|W(\d{2})(-WE)?|(SP|SU|FA|WI)|Q([1-4])|H([12])))?(?:T(?:(\d{2})(?::(\d{2}))?|(MO|AF|EV|NI|DT)))?$/;

/**
 * A TIMEX3 value taken apart (the forms the chip can say), or null when it is none of them.
 * @param {unknown} v
 * @returns {null | {ref:string} | {duration:[string, string][]} | {decade:string} | {century:string}
 *   | {y:string, mo?:string, d?:string, wk?:string, we?:string, season?:string, q?:string, half?:string, hh?:string, mm?:string, part?:string}}
 */
export function parseTimex(v) {
  if (typeof v !== 'string' || !v) return null;
  if (REFS.includes(v)) return { ref: v };
  const dur = DURATION.exec(v);
  if (dur && v !== 'P' && v !== 'PT') {
    /** @type {[string, string][]} */
    const duration = [];
    UNITS.forEach((k, i) => { if (dur[i + 1]) duration.push([k, dur[i + 1]]); });
    return { duration };
  }
  if (/^\d{3}$/.test(v)) return { decade: v };
  if (/^\d{2}$/.test(v)) return { century: v };
  const m = POINT.exec(v);
  if (!m) return null;
  const [, y, mo, d, wk, we, season, q, half, hh, mm, part] = m;
  if (mo && mo !== 'XX' && !(+mo >= 1 && +mo <= 12)) return null;
  return { y, mo, d, wk, we, season, q, half, hh, mm, part };
}

/** The primary subtag of a BCP 47 tag: "pt-BR" → pt. @param {unknown} tag */
const primary = (tag) => (typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0] : '');

/** The reader's languages, best first: the browser's, then the document's. */
function readerLanguages() {
  const nav = /** @type {any} */ (globalThis).navigator;
  const out = [...(Array.isArray(nav?.languages) ? nav.languages : []), nav?.language];
  try { out.push(/** @type {any} */ (globalThis).document?.documentElement?.lang); } catch { /* no document */ }
  return out.map(primary).filter(Boolean);
}

/**
 * The language whose words say a value (module comment): the dispatch's when the core has words
 * for it, else the reader's, else the first of the list with words; null when none has any.
 * @param {string|undefined|null} lang the dispatch's language (a code, `und`, `auto`)
 * @param {readonly Language[]} [list] the core's languages (default: core/languages.js's)
 * @returns {Language|null}
 */
export function wordsLanguage(lang, list = registered()) {
  const usable = list.filter((l) => l && l.values && typeof l.values === 'object');
  const find = (/** @type {string} */ code) => usable.find((l) => l.code === code);
  const own = typeof lang === 'string' ? find(lang) : undefined;
  if (own) return own;
  for (const code of readerLanguages()) { const l = find(code); if (l) return l; }
  return usable[0] ?? null;
}

/** Intl.PluralRules per language code and type, made once. @type {Map<string, Intl.PluralRules|null>} */
const plurals = new Map();
/** @param {string} code @param {'ordinal'|'cardinal'} type */
function pluralRules(code, type) {
  const key = `${code}:${type}`;
  if (!plurals.has(key)) {
    let r = null;
    try { r = new Intl.PluralRules(code, { type }); } catch { r = null; }
    plurals.set(key, r);
  }
  return plurals.get(key) ?? null;
}

/**
 * Fills a template's {placeholders} from `vars`; `{x:ordinal}` is x's ordinal form (the
 * language's `ordinal` forms by Intl.PluralRules' ordinal category, "{n}" in them filled).
 * Undefined when the language has no such template.
 * @param {Language} L @param {string} key @param {Record<string, string|number>} vars
 */
function fill(L, key, vars) {
  const t = L.values?.[key];
  if (typeof t !== 'string') return undefined;
  return t.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name, form) => {
    const v = vars[name];
    if (v === undefined || v === null) return '';
    return form === 'ordinal' ? ordinal(L, v) : String(v);
  });
}

/** n's ordinal form in L ("1er", "2nd"), or n when L has none. @param {Language} L @param {string|number} n */
function ordinal(L, n) {
  const forms = L.values?.ordinal;
  if (!forms || typeof forms !== 'object') return String(n);
  const cat = pluralRules(L.code, 'ordinal')?.select(Number(n)) ?? 'other';
  const form = forms[cat] ?? forms.other;
  return typeof form === 'string' ? form.replace(/\{n\}/g, String(n)) : String(n);
}

/**
 * A TIMEX3 value in words: "vendredi 3 novembre 2017", "3 March (year unknown)", "week 44 of
 * 2017", "Tuesday 14 March 2023 at 15:00". Null when the value is not one the grammar knows, or
 * when no language has words for it.
 * @param {string} v @param {string|null} [lang] the dispatch's language
 * @param {readonly Language[]} [list] the core's languages (default: core/languages.js's)
 */
export function timexWords(v, lang, list) {
  const L = wordsLanguage(lang, list);
  const p = parseTimex(v);
  if (!L || !p) return null;
  try { return say(L, p); } catch { return null; }
}

/** @param {Language} L @param {NonNullable<ReturnType<typeof parseTimex>>} p @returns {string|null} */
function say(L, p) {
  const W = L.values ?? {};
  const need = (/** @type {string|undefined} */ s) => { if (s === undefined) throw new Error('no words'); return s; };
  if ('ref' in p) return W.refs?.[p.ref] ?? null;
  if ('duration' in p) {
    return p.duration.map(([k, n]) => `${n} ${need(W.units?.[k]?.[+n === 1 ? 0 : 1])}`).join(' ');
  }
  if ('decade' in p) return fill(L, 'decade', { d: p.decade }) ?? null;
  if ('century' in p) return fill(L, 'century', { c: +p.century + 1 }) ?? null;
  const { y, mo, d, wk, we, season, q, half, hh, mm, part } = p;
  const year = y === 'XXXX' ? '' : y;
  const withYear = (/** @type {string} */ period) => (year ? need(fill(L, 'withYear', { period, y: year })) : period);
  let out;
  if (wk) {
    const week = year ? need(fill(L, 'weekOfYear', { w: +wk, y: year })) : need(fill(L, 'week', { w: +wk }));
    out = we ? need(fill(L, 'weekend', { week })) : week;
  } else if (season) out = withYear(need(W.seasons?.[season]));
  else if (q) out = withYear(need(fill(L, 'quarter', { q })));
  else if (half) out = withYear(need(fill(L, 'half', { h: half })));
  else if (mo) {
    const month = mo === 'XX' ? '' : need(W.months?.[+mo - 1]);
    if (d && d !== 'XX') {
      let weekday = '';
      if (year && month) {
        const dt = new Date(Date.UTC(+year, +mo - 1, +d));
        if (dt.getUTCMonth() === +mo - 1) weekday = need(W.days?.[dt.getUTCDay()]);
      }
      const day = W.dayOfMonth?.[String(+d)] ?? String(+d);
      out = [weekday, day, month || `(${need(W.unknownMonth)})`, year].filter(Boolean).join(' ');
    } else out = [d === 'XX' ? `(${need(W.unknownDay)})` : '', month || `(${need(W.unknownMonth)})`, year].filter(Boolean).join(' ');
  } else out = year;
  if (!year) out = `${out} (${need(W.unknownYear)})`.trim();
  if (hh) out = `${out} ${need(fill(L, 'at', { time: need(fill(L, 'time', { h: +hh, hh, mm: mm ?? '00' })) }))}`;
  else if (part) out = `${out}, ${need(W.parts?.[part])}`;
  return out.trim();
}

/**
 * A country's name from its ISO 3166 code (the browser's own names), in the language of
 * wordsLanguage(lang), or the code.
 * @param {string} code @param {string|null} [lang] @param {readonly Language[]} [list]
 */
export function countryName(code, lang, list) {
  if (!code) return '';
  try {
    const L = wordsLanguage(lang, list);
    return new Intl.DisplayNames(L ? [L.code] : [], { type: 'region' }).of(String(code).toUpperCase()) ?? code;
  } catch { return code; }
}

/** "16.77° N, 3.01° W" */
function coords(lat, lon) {
  if (typeof lat !== 'number' || typeof lon !== 'number') return '';
  return `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`;
}

/**
 * A span's value for a person: `words` (in the dispatch's language, or as wordsLanguage says),
 * `iso` (the value as stored, shortened), `flag` (why it needs a look, or '').
 * @param {Span} span @param {string|null} [lang] the dispatch's language
 * @param {readonly Language[]} [list] the core's languages (default: core/languages.js's)
 * @returns {{words:string, iso:string, flag:string}}
 */
export function valueInWords(span, lang, list) {
  const v = span.value;
  if (span.kind === 'date') {
    if (typeof v !== 'string' || !v) {
      const L = wordsLanguage(lang, list);
      const none = L?.values?.noDate;
      return { words: typeof none === 'string' ? none : '', iso: '', flag: 'unresolved: no value (set it with Value)' };
    }
    const words = timexWords(v, lang, list);
    const bad = dateValueError(v);
    const flag = /X/.test(v) ? 'unresolved: set the missing parts with Value' : bad || !parseTimex(v) ? 'cannot be read as a date' : '';
    return { words: words ?? '', iso: v, flag };
  }
  if (v == null || typeof v !== 'object') {
    return { words: '', iso: '', flag: span.kind === 'place' ? 'unresolved: no country or gazetteer id' : 'unresolved: no canonical name' };
  }
  if (span.kind === 'place') {
    const words = [countryName(v.country, lang, list), v.region ?? '', coords(v.lat, v.lon)].filter(Boolean).join(' · ');
    const iso = [v.country, v.ref].filter(Boolean).join(' · ');
    return { words, iso, flag: v.country || v.ref ? '' : 'unresolved: no country or gazetteer id' };
  }
  const type = typeof v.type === 'string' ? v.type.replace(/_/g, ' ') : '';
  return { words: [v.canonical ?? '', type].filter(Boolean).join(' · '), iso: '', flag: v.canonical ? '' : 'unresolved: no canonical name' };
}

/** Does this span need a value it does not have (XXXX parts, none, unreadable)? No words needed. */
export const unresolved = (span) => !!valueInWords(span, null, []).flag;

/**
 * The value a span gets when it is relabelled `kind`: the reading of the gazetteer that another
 * mention of the same name (same folded text, or a reading's gazetteer id) already uses in the
 * text, else the first reading of that kind, else what another mention of the name of that kind
 * carries. Undefined when nothing is known (dates: never; their value comes from the core).
 * @param {{spans: readonly Span[], result: {lang?: string}}} session
 * @param {any} engine  with senses(name, lang)
 * @param {Span} span @param {string} kind
 */
export function valueFor(session, engine, span, kind) {
  if (kind === 'date') return undefined;
  const name = foldName(span.text);
  const others = session.spans.filter((s) => s.kind === kind && s.value != null && !(s.start === span.start && s.end === span.end));
  let readings = [];
  try { readings = (engine?.senses?.(span.text, session.result?.lang) ?? []).filter((r) => r.kind === kind && r.value); } catch { readings = []; }
  if (readings.length) {
    const used = new Set(others.map((s) => (kind === 'place' ? s.value.ref : s.value.canonical)).filter(Boolean));
    const same = readings.find((r) => used.has(kind === 'place' ? r.value.ref : r.value.canonical));
    return { ...(same ?? readings[0]).value };
  }
  const twin = others.find((s) => foldName(s.text) === name);
  return twin ? twin.value : undefined;
}
