// The chip's words for a value come from the core's languages (`languages()`: data/lang/<code>/
// values.json), rendered by one piece of code that names no language (www/ui/values.js).
// - French and English say every form exactly as the widget's own tables did before the words
//   moved into the language data (the table below was written by that code), but for one
//   correction: the first century is "1er siècle" in French (the French ordinal), not "1e".
// - A third language, given only as data, is said through the same code.
// - Which language's words: the dispatch's, else the reader's, else the first of the list.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import init, { languages } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { timexWords, valueInWords, wordsLanguage, parseTimex, unresolved, countryName } from '../../www/ui/values.js';
import { setLanguages } from '../../www/core/languages.js';

await initCore(glue);
const CORE = languages();

/** [value, French, English] as the widget's own tables said them (null: not a value the chip says). */
const BEFORE = [
  ["PRESENT_REF", "maintenant", "now"],
  ["PAST_REF", "dans le passé", "in the past"],
  ["FUTURE_REF", "à l’avenir", "in the future"],
  ["P1Y", "1 an", "1 year"],
  ["P2Y", "2 ans", "2 years"],
  ["P1M", "1 mois", "1 month"],
  ["P3M", "3 mois", "3 months"],
  ["P1W", "1 semaine", "1 week"],
  ["P2W", "2 semaines", "2 weeks"],
  ["P1D", "1 jour", "1 day"],
  ["P10D", "10 jours", "10 days"],
  ["PT1H", "1 heure", "1 hour"],
  ["PT2H", "2 heures", "2 hours"],
  ["PT1M", "1 minute", "1 minute"],
  ["PT30M", "30 minutes", "30 minutes"],
  ["PT1S", "1 seconde", "1 second"],
  ["PT5S", "5 secondes", "5 seconds"],
  ["P1Y2M3DT4H5M6S", "1 an 2 mois 3 jours 4 heures 5 minutes 6 secondes", "1 year 2 months 3 days 4 hours 5 minutes 6 seconds"],
  ["P1.5Y", "1.5 ans", "1.5 years"],
  ["P0D", "0 jours", "0 days"],
  ["198", "années 1980", "the 1980s"],
  ["201", "années 2010", "the 2010s"],
  ["00", "1e siècle", "1st century"],
  ["19", "20e siècle", "20th century"],
  ["20", "21e siècle", "21st century"],
  ["10", "11e siècle", "11th century"],
  ["11", "12e siècle", "12th century"],
  ["12", "13e siècle", "13th century"],
  ["2017", "2017", "2017"],
  ["XXXX", "(année inconnue)", "(year unknown)"],
  ["2017-11", "novembre 2017", "November 2017"],
  ["XXXX-11", "novembre (année inconnue)", "November (year unknown)"],
  ["2017-XX", "(mois inconnu) 2017", "(month unknown) 2017"],
  ["2017-11-03", "vendredi 3 novembre 2017", "Friday 3 November 2017"],
  ["2017-11-01", "mercredi 1er novembre 2017", "Wednesday 1 November 2017"],
  ["XXXX-11-03", "3 novembre (année inconnue)", "3 November (year unknown)"],
  ["XXXX-11-01", "1er novembre (année inconnue)", "1 November (year unknown)"],
  ["2017-XX-03", "3 (mois inconnu) 2017", "3 (month unknown) 2017"],
  ["2017-11-XX", "(jour inconnu) novembre 2017", "(day unknown) November 2017"],
  ["XXXX-XX-XX", "(jour inconnu) (mois inconnu) (année inconnue)", "(day unknown) (month unknown) (year unknown)"],
  ["2017-02-30", "30 février 2017", "30 February 2017"],
  ["2017-W44", "semaine 44 de 2017", "week 44 of 2017"],
  ["2017-W01", "semaine 1 de 2017", "week 1 of 2017"],
  ["XXXX-W44", "semaine 44 (année inconnue)", "week 44 (year unknown)"],
  ["2017-W44-WE", "week-end de la semaine 44 de 2017", "weekend of week 44 of 2017"],
  ["XXXX-W02-WE", "week-end de la semaine 2 (année inconnue)", "weekend of week 2 (year unknown)"],
  ["2017-SP", "printemps 2017", "spring 2017"],
  ["2017-SU", "été 2017", "summer 2017"],
  ["2017-FA", "automne 2017", "autumn 2017"],
  ["2017-WI", "hiver 2017", "winter 2017"],
  ["XXXX-WI", "hiver (année inconnue)", "winter (year unknown)"],
  ["2017-Q1", "1er trimestre 2017", "Q1 2017"],
  ["2017-Q2", "2e trimestre 2017", "Q2 2017"],
  ["2017-Q3", "3e trimestre 2017", "Q3 2017"],
  ["2017-Q4", "4e trimestre 2017", "Q4 2017"],
  ["XXXX-Q1", "1er trimestre (année inconnue)", "Q1 (year unknown)"],
  ["XXXX-Q3", "3e trimestre (année inconnue)", "Q3 (year unknown)"],
  ["2017-H1", "1er semestre 2017", "H1 2017"],
  ["2017-H2", "2e semestre 2017", "H2 2017"],
  ["XXXX-H1", "1er semestre (année inconnue)", "H1 (year unknown)"],
  ["XXXX-H2", "2e semestre (année inconnue)", "H2 (year unknown)"],
  ["2023-03-14T15:00", "mardi 14 mars 2023 à 15 h 00", "Tuesday 14 March 2023 at 15:00"],
  ["2023-03-14T15", "mardi 14 mars 2023 à 15 h 00", "Tuesday 14 March 2023 at 15:00"],
  ["2023-03-14T09:05", "mardi 14 mars 2023 à 9 h 05", "Tuesday 14 March 2023 at 09:05"],
  ["XXXX-03-11T15:00", "11 mars (année inconnue) à 15 h 00", "11 March (year unknown) at 15:00"],
  ["2023-03-14TMO", "mardi 14 mars 2023, matin", "Tuesday 14 March 2023, morning"],
  ["2023-03-14TAF", "mardi 14 mars 2023, après-midi", "Tuesday 14 March 2023, afternoon"],
  ["2023-03-14TEV", "mardi 14 mars 2023, soir", "Tuesday 14 March 2023, evening"],
  ["2023-03-14TNI", "mardi 14 mars 2023, nuit", "Tuesday 14 March 2023, night"],
  ["2023-03-14TDT", "mardi 14 mars 2023, journée", "Tuesday 14 March 2023, daytime"],
  ["2017-11TEV", "novembre 2017, soir", "November 2017, evening"],
  ["XXXX-XX-XXTNI", "(jour inconnu) (mois inconnu) (année inconnue), nuit", "(day unknown) (month unknown) (year unknown), night"],
  ["2017T08:30", "2017 à 8 h 30", "2017 at 08:30"],
  ["2017-13", null, null],
  ["2017-00-01", null, null],
  ["garbage", null, null],
  ["P", null, null],
  ["PT", null, null],
  ["2017-11-03T25:00", "vendredi 3 novembre 2017 à 25 h 00", "Friday 3 November 2017 at 25:00"],
];

test('French and English words come from the core and match what the widget said before', () => {
  const byCode = Object.fromEntries(CORE.map((l) => [l.code, l]));
  assert.ok(byCode.fr?.values && byCode.en?.values, 'the core has words for French and English');
  for (const [v, fr, en] of BEFORE) {
    assert.equal(timexWords(v, 'fr', CORE), v === '00' ? '1er siècle' : fr, `fr ${v}`); // "1e siècle" before
    assert.equal(timexWords(v, 'en', CORE), en, `en ${v}`);
  }
  assert.equal(valueInWords({ kind: 'date', text: 'x' }, 'fr', CORE).words, 'pas de date');
  assert.equal(valueInWords({ kind: 'date', text: 'x' }, 'en', CORE).words, 'no date value');
});

/** A language the core does not have, given only as data: a few words of Esperanto. */
const EO = {
  code: 'eo', name: 'Esperanto', english: 'Esperanto',
  values: {
    days: ['dimanĉo', 'lundo', 'mardo', 'merkredo', 'ĵaŭdo', 'vendredo', 'sabato'],
    months: ['januaro', 'februaro', 'marto', 'aprilo', 'majo', 'junio', 'julio', 'aŭgusto', 'septembro', 'oktobro', 'novembro', 'decembro'],
    seasons: { SP: 'printempo', SU: 'somero', FA: 'aŭtuno', WI: 'vintro' },
    parts: { MO: 'mateno', AF: 'posttagmezo', EV: 'vespero', NI: 'nokto', DT: 'tago' },
    refs: { PRESENT_REF: 'nun', PAST_REF: 'en la pasinteco', FUTURE_REF: 'en la estonteco' },
    units: { Y: ['jaro', 'jaroj'], M: ['monato', 'monatoj'], W: ['semajno', 'semajnoj'], D: ['tago', 'tagoj'], TH: ['horo', 'horoj'], TM: ['minuto', 'minutoj'], TS: ['sekundo', 'sekundoj'] },
    ordinal: { other: '{n}-a' },
    dayOfMonth: { 1: 'unua' },
    unknownYear: 'jaro nekonata', unknownMonth: 'monato nekonata', unknownDay: 'tago nekonata',
    week: 'semajno {w}', weekOfYear: 'semajno {w} de {y}', weekend: 'semajnfino de {week}',
    quarter: '{q:ordinal} kvaronjaro', half: '{h:ordinal} duonjaro', withYear: '{period} {y}',
    at: 'je {time}', time: '{hh}:{mm}', decade: 'la {d}0-aj jaroj', century: '{c:ordinal} jarcento',
    noValue: 'neniu valoro', noDate: 'neniu dato',
  },
};

test('a third language given only as data is said through the same code', () => {
  const list = [...CORE, EO];
  const eo = (v) => timexWords(v, 'eo', list);
  assert.equal(eo('2017-11-03'), 'vendredo 3 novembro 2017');
  assert.equal(eo('2017-11-01'), 'merkredo unua novembro 2017', 'a special day of the month');
  assert.equal(eo('XXXX-03-11T15:00'), '11 marto (jaro nekonata) je 15:00');
  assert.equal(eo('2017-W44-WE'), 'semajnfino de semajno 44 de 2017');
  assert.equal(eo('2017-Q3'), '3-a kvaronjaro 2017', 'an ordinal through Intl.PluralRules');
  assert.equal(eo('19'), '20-a jarcento');
  assert.equal(eo('198'), 'la 1980-aj jaroj');
  assert.equal(eo('P1Y2D'), '1 jaro 2 tagoj');
  assert.equal(eo('2023-03-14TEV'), 'mardo 14 marto 2023, vespero');
  assert.equal(eo('FUTURE_REF'), 'en la estonteco');
  assert.equal(valueInWords({ kind: 'date', text: 'x' }, 'eo', list).words, 'neniu dato');
  assert.deepEqual(valueInWords({ kind: 'date', value: '2017-11-03', text: 'x' }, 'eo', list), { words: 'vendredo 3 novembro 2017', iso: '2017-11-03', flag: '' });
  // the list the engine registered is what the page's modules use when none is given
  setLanguages(list);
  assert.equal(timexWords('2017-SU', 'eo'), 'somero 2017');
  setLanguages(CORE);
});

test('whose words: the dispatch\'s language, else the reader\'s, else the first of the list', () => {
  const list = [EO, ...CORE];
  assert.equal(wordsLanguage('en', list)?.code, 'en');
  assert.equal(wordsLanguage('fr', list)?.code, 'fr');
  const nav = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  try {
    Object.defineProperty(globalThis, 'navigator', { value: { language: 'fr-CA', languages: ['nl-NL', 'fr-CA', 'en'] }, configurable: true });
    assert.equal(wordsLanguage('und', list)?.code, 'fr', 'the first of the reader\'s languages the core has words for');
    assert.equal(wordsLanguage('xx', list)?.code, 'fr');
    assert.equal(wordsLanguage(undefined, list)?.code, 'fr');
    Object.defineProperty(globalThis, 'navigator', { value: { language: 'ja', languages: ['ja'] }, configurable: true });
    assert.equal(wordsLanguage('und', list)?.code, 'eo', 'none of them: the first of the list');
    assert.equal(wordsLanguage('und', [{ code: 'zz', name: 'z', english: 'z' }, ...CORE.slice(1)])?.code, CORE[1].code, 'the first that has words');
  } finally {
    if (nav) Object.defineProperty(globalThis, 'navigator', nav); else delete globalThis.navigator;
  }
  assert.equal(wordsLanguage('fr', []), null, 'no language: no words');
  assert.equal(timexWords('2017-11-03', 'fr', []), null);
});

test('whether a value is resolved does not depend on the words', () => {
  for (const v of ['2017-11-03', '2017-W44', 'P2D', 'PRESENT_REF', '19']) assert.ok(parseTimex(v), v);
  for (const v of ['2017-13', 'garbage', 'P', '2017-00-01']) assert.equal(parseTimex(v), null, v);
  setLanguages([]);
  assert.equal(unresolved({ kind: 'date', value: '2017-11-03', text: 'x' }), false, 'no words needed');
  assert.equal(unresolved({ kind: 'date', value: 'XXXX-11-03', text: 'x' }), true);
  assert.equal(unresolved({ kind: 'date', value: '2017-13-01', text: 'x' }), true);
  assert.deepEqual(valueInWords({ kind: 'date', value: '2017-11-03', text: 'x' }, 'fr'), { words: '', iso: '2017-11-03', flag: '' }, 'no words known: the ISO value alone');
  setLanguages(CORE);
  assert.equal(countryName('ML', 'fr'), 'Mali');
  assert.equal(countryName('DE', 'fr'), 'Allemagne');
  assert.equal(countryName('DE', 'en'), 'Germany');
});
