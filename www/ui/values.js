// Values as a person reads them, and values found for a relabelled name.
// Why: a TIMEX3 string ("2017-11-03", "XXXX-03-11T15:00") or a gazetteer id says little at a
// glance; the correction chip (popover.js) shows each value in words next to its ISO form,
// "vendredi 3 novembre 2017 · 2017-11-03", in the language of the dispatch (French or English),
// and flags what is not resolved (XXXX parts, no value, a value the TIMEX3 grammar refuses).
// And a relabel (an actor made a place) should not leave the span without a value when the
// gazetteer knows the name: `valueFor` picks the reading another mention of the same entity
// already uses, else the gazetteer's first (most prominent) reading.
// Trade-offs: words for the TIMEX3 forms the core writes (dates, weeks, seasons, quarters,
// halves, parts of day, times, durations, PRESENT/PAST/FUTURE_REF); anything else is shown as it
// is. Country names come from Intl.DisplayNames (the browser's CLDR), not from the gazetteer.

import { dateValueError } from './dialogs.js';
import { foldName } from '../core/lexicon.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {'fr'|'en'} Lang */

const WORDS = {
  fr: {
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    seasons: { SP: 'printemps', SU: 'été', FA: 'automne', WI: 'hiver' },
    parts: { MO: 'matin', AF: 'après-midi', EV: 'soir', NI: 'nuit', DT: 'journée' },
    refs: { PRESENT_REF: 'maintenant', PAST_REF: 'dans le passé', FUTURE_REF: 'à l’avenir' },
    units: { Y: ['an', 'ans'], M: ['mois', 'mois'], W: ['semaine', 'semaines'], D: ['jour', 'jours'], H: ['heure', 'heures'], TH: ['heure', 'heures'], TM: ['minute', 'minutes'], TS: ['seconde', 'secondes'] },
    unknownYear: 'année inconnue', unknownMonth: 'mois inconnu', unknownDay: 'jour inconnu',
    week: (w, y) => `semaine ${w}${y ? ` de ${y}` : ''}`, weekend: (s) => `week-end de la ${s}`,
    quarter: (q, y) => `${q === '1' ? '1er' : `${q}e`} trimestre${y ? ` ${y}` : ''}`,
    half: (q, y) => `${q === '1' ? '1er' : `${q}e`} semestre${y ? ` ${y}` : ''}`,
    season: (s, y) => `${s}${y ? ` ${y}` : ''}`, at: (t) => `à ${t}`, part: (p) => p,
    time: (hh, mm) => `${+hh} h ${mm ?? '00'}`, decade: (d) => `années ${d}0`, century: (c) => `${+c + 1}e siècle`,
    duration: (parts) => parts.join(' '), none: 'pas de valeur',
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    seasons: { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' },
    parts: { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' },
    refs: { PRESENT_REF: 'now', PAST_REF: 'in the past', FUTURE_REF: 'in the future' },
    units: { Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], H: ['hour', 'hours'], TH: ['hour', 'hours'], TM: ['minute', 'minutes'], TS: ['second', 'seconds'] },
    unknownYear: 'year unknown', unknownMonth: 'month unknown', unknownDay: 'day unknown',
    week: (w, y) => `week ${w}${y ? ` of ${y}` : ''}`, weekend: (s) => `weekend of ${s}`,
    quarter: (q, y) => `Q${q}${y ? ` ${y}` : ''}`, half: (q, y) => `H${q}${y ? ` ${y}` : ''}`,
    season: (s, y) => `${s}${y ? ` ${y}` : ''}`, at: (t) => `at ${t}`, part: (p) => p,
    time: (hh, mm) => `${hh}:${mm ?? '00'}`, decade: (d) => `the ${d}0s`,
    century: (c) => { const n = +c + 1; return `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'} century`; },
    duration: (parts) => parts.join(' '), none: 'no value',
  },
};

/** 'fr' for French dispatches, 'en' otherwise. @param {string|undefined|null} lang @returns {Lang} */
export const wordsLang = (lang) => (lang === 'fr' ? 'fr' : 'en');

/**
 * A TIMEX3 value in words: "vendredi 3 novembre 2017", "3 March (year unknown)", "week 44 of
 * 2017", "Tuesday 14 March 2023 at 15:00". Null when the value is not one the grammar knows.
 * @param {string} v @param {string} [lang]
 */
export function timexWords(v, lang) {
  const W = WORDS[wordsLang(lang)];
  if (typeof v !== 'string' || !v) return null;
  if (W.refs[v]) return W.refs[v];
  const dur = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(v);
  if (dur && v !== 'P' && v !== 'PT') {
    const keys = ['Y', 'M', 'W', 'D', 'TH', 'TM', 'TS'];
    const parts = [];
    keys.forEach((k, i) => { const n = dur[i + 1]; if (n) parts.push(`${n} ${W.units[k][+n === 1 ? 0 : 1]}`); });
    return W.duration(parts);
  }
  if (/^\d{3}$/.test(v)) return W.decade(v);
  if (/^\d{2}$/.test(v)) return W.century(v);
  const m = /^(\d{4}|XXXX)(?:-(?:(\d{2}|XX)(?:-(\d{2}|XX))?|W(\d{2})(-WE)?|(SP|SU|FA|WI)|Q([1-4])|H([12])))?(?:T(?:(\d{2})(?::(\d{2}))?|(MO|AF|EV|NI|DT)))?$/.exec(v);
  if (!m) return null;
  const [, y, mo, d, wk, we, season, q, half, hh, mm, part] = m;
  const year = y === 'XXXX' ? '' : y;
  let out;
  if (wk) out = we ? W.weekend(W.week(+wk, year)) : W.week(+wk, year);
  else if (season) out = W.season(W.seasons[season], year);
  else if (q) out = W.quarter(q, year);
  else if (half) out = W.half(half, year);
  else if (mo) {
    const month = mo === 'XX' ? '' : W.months[+mo - 1];
    if (mo !== 'XX' && !month) return null;
    if (d && d !== 'XX') {
      let weekday = '';
      if (year && month) {
        const dt = new Date(Date.UTC(+year, +mo - 1, +d));
        if (dt.getUTCMonth() === +mo - 1) weekday = W.days[dt.getUTCDay()];
      }
      const day = wordsLang(lang) === 'fr' && d === '01' ? '1er' : String(+d);
      out = [weekday, day, month || `(${W.unknownMonth})`, year].filter(Boolean).join(' ');
    } else out = [d === 'XX' ? `(${W.unknownDay})` : '', month || `(${W.unknownMonth})`, year].filter(Boolean).join(' ');
  } else out = year;
  if (!year) out = `${out} (${W.unknownYear})`.trim();
  if (hh) out = `${out} ${W.at(W.time(hh, mm))}`;
  else if (part) out = `${out}, ${W.part(W.parts[part])}`;
  return out.trim();
}

/** A country's name in `lang` from its ISO 3166 code (the browser's own names), or the code. */
export function countryName(code, lang) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([wordsLang(lang)], { type: 'region' }).of(String(code).toUpperCase()) ?? code;
  } catch { return code; }
}

/** "16.77° N, 3.01° W" */
function coords(lat, lon) {
  if (typeof lat !== 'number' || typeof lon !== 'number') return '';
  return `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`;
}

/**
 * A span's value for a person: `words` (in the dispatch's language), `iso` (the value as stored,
 * shortened), `flag` (why it needs a look, or '').
 * @param {Span} span @param {string} [lang]
 * @returns {{words:string, iso:string, flag:string}}
 */
export function valueInWords(span, lang) {
  const fr = wordsLang(lang) === 'fr';
  const v = span.value;
  if (span.kind === 'date') {
    if (typeof v !== 'string' || !v) return { words: fr ? 'pas de date' : 'no date value', iso: '', flag: 'unresolved: no value (set it with Value)' };
    const words = timexWords(v, lang);
    const bad = dateValueError(v);
    const flag = /X/.test(v) ? 'unresolved: set the missing parts with Value' : bad || !words ? 'cannot be read as a date' : '';
    return { words: words ?? '', iso: v, flag };
  }
  if (v == null || typeof v !== 'object') {
    return { words: '', iso: '', flag: span.kind === 'place' ? 'unresolved: no country or gazetteer id' : 'unresolved: no canonical name' };
  }
  if (span.kind === 'place') {
    const words = [countryName(v.country, lang), v.region ?? '', coords(v.lat, v.lon)].filter(Boolean).join(' · ');
    const iso = [v.country, v.ref].filter(Boolean).join(' · ');
    return { words, iso, flag: v.country || v.ref ? '' : 'unresolved: no country or gazetteer id' };
  }
  const type = typeof v.type === 'string' ? v.type.replace(/_/g, ' ') : '';
  return { words: [v.canonical ?? '', type].filter(Boolean).join(' · '), iso: '', flag: v.canonical ? '' : 'unresolved: no canonical name' };
}

/** Does this span need a value it does not have (XXXX parts, none, unreadable)? */
export const unresolved = (span) => !!valueInWords(span, 'en').flag;

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
