// A place's readings: which of the gazetteer's places of that name a highlight means ("which
// Tripoli"), the one its value names, and the next one, chosen with one key.
// Why a module: the page's keys (editor.js), the correction chip (popover.js, in the page and in
// for= mode) and the value form (dialogs.js) all show or step the same list, in the same words.
// The list is the core's (`engine.senses`: most prominent first); the core's choice for the
// dispatch (its other places, its dateline) is the highlight's value, which may be any of them.

import { clip } from './labels.js';

/** 1302947 → "1.3 M", 26561 → "27 k". @param {number} n */
export function formatPopulation(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${Math.round(n / 1e3)} k` : String(n);
}

/**
 * A reading in a few words: "Lebanon, city, 230 k".
 * @param {{value: any, country_name?: string, place_kind?: string, population?: number}} r
 */
export function readingWords(r) {
  return [r.country_name ?? r.value?.country, r.place_kind, r.population ? formatPopulation(r.population) : ''].filter(Boolean).join(', ');
}

/**
 * The places of a place highlight's name, and the index of the one its value names (-1: none of
 * them, a value set by hand). Null when it is not a place or its name has fewer than two.
 * @param {any} s the session
 * @param {{kind: string, text: string, value?: any}} sp
 * @param {any} engine
 * @returns {{list: any[], at: number}|null}
 */
export function placeReadings(s, sp, engine) {
  if (sp.kind !== 'place' || typeof engine?.senses !== 'function') return null;
  let list = [];
  try { list = (engine.senses(sp.text, s?.result?.lang) ?? []).filter((r) => r.kind === 'place'); } catch { return null; }
  if (list.length < 2) return null;
  const ref = sp.value?.ref;
  return { list, at: ref ? list.findIndex((r) => r.value?.ref === ref) : -1 };
}

/**
 * One line for the chip: "1 of 3 places of that name · next: Lebanon, city" (empty: nothing to
 * choose). `key` names the key that steps.
 * @param {{list: any[], at: number}|null} r @param {string} key
 */
export function readingsLine(r, key) {
  if (!r) return '';
  const next = r.list[(r.at + 1) % r.list.length];
  const which = r.at >= 0 ? `${r.at + 1} of ${r.list.length}` : `none of the ${r.list.length}`;
  return `${which} places of that name · ${key}: ${readingWords(next)}`;
}

/**
 * Gives a place highlight the next (`dir` 1) or previous (-1) reading of its name, on every
 * mention of its entity (one undo step), and says which. False when there is none to step to.
 * @param {any} s @param {{start:number, end:number, kind:string, text:string, value?:any}} sp
 * @param {number} dir @param {any} engine @param {{announce:(m:string)=>void}} notices
 */
export function stepReading(s, sp, dir, engine, notices) {
  const r = placeReadings(s, sp, engine);
  if (!r) {
    notices.announce(sp.kind === 'place' ? `${clip(sp.text, 40)}: the gazetteer has no other place of that name.` : 'Only a place has other places of its name.');
    return false;
  }
  const n = r.list.length;
  const i = r.at < 0 ? (dir > 0 ? 0 : n - 1) : (r.at + dir + n) % n;
  const next = r.list[i];
  if (s.setEntityValue) s.setEntityValue(sp.start, sp.end, next.value); else s.setValue(sp.start, sp.end, next.value);
  notices.announce(`${clip(sp.text, 40)}: ${readingWords(next)} (${i + 1} of ${n}).`);
  return true;
}
