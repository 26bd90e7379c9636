// The languages depeche knows, as the core lists them, for every module of the page that checks,
// offers or speaks a language: the store (a document's language), the importers, the
// element's `lang` attribute, the editor's language menu and the chip's words (ui/values.js).
// Why one place: the core's registry (`languages()` in the WebAssembly API, one folder per
// language under src/locales/ and data/lang/) is the only list of languages; the widget keeps
// none of its own and never chooses by a language's name, so adding a language is a folder and
// no change here. The engine (engine.js) registers the list when it loads, once per page.
// Besides the registry's codes a document's language may be `auto` (detect it) or `und` (none
// the core knows; language-neutral rules).
// Trade-offs: until an engine has loaded (Node scripts and tests that run the store or the
// importers without the core) the list is empty and any code shaped like a language subtag
// (two or three lowercase letters) passes the checks; the core refuses a code it does not know
// when asked to annotate with it, and the store reports that as the result's error. In the page
// nothing checks a language before the engine is loaded.

/**
 * One language of the core's registry: `code` (what `annotate` takes as `lang`), `name` in the
 * language itself ("français"), `english` ("French"), `values`: how a date value is said in it
 * (data/lang/<code>/values.json; ui/values.js renders them).
 * @typedef {{code:string, name:string, english:string, values?:Record<string, any>}} Language
 */

/** Detect the language (the default). */
export const AUTO = 'auto';
/** None of the registry's languages. */
export const UND = 'und';

const SHAPE = /^[a-z]{2,3}$/;

/** @type {readonly Language[]} */
let known = Object.freeze([]);

/**
 * Registers the core's list (engine.js does, on load); returns it frozen.
 * @param {readonly Language[]} list
 * @returns {readonly Language[]}
 */
export function setLanguages(list) {
  if (!Array.isArray(list) || list.some((l) => !l || typeof l.code !== 'string' || !SHAPE.test(l.code))) {
    throw new TypeError('setLanguages: expected the core\'s list [{code, name, english, values}]');
  }
  known = Object.freeze(list.map((l) => Object.freeze({ ...l })));
  return known;
}

/** The registered languages, in the core's order (empty before an engine has loaded). */
export const languages = () => known;

/** The registered languages' codes. */
export const languageCodes = () => known.map((l) => l.code);

/**
 * Is `code` a language of the registry? Before any registry is known: is it shaped like one?
 * @param {unknown} code
 */
export function isLanguage(code) {
  if (typeof code !== 'string') return false;
  return known.length ? known.some((l) => l.code === code) : SHAPE.test(code);
}

/**
 * Is `lang` a document's language: `auto`, `und` or a language of the registry?
 * @param {unknown} lang
 */
export const isDocLang = (lang) => lang === AUTO || lang === UND || isLanguage(lang);

/** What a document's language may be, for messages: "auto, fr, en, und". */
export function docLangList() {
  return known.length ? [AUTO, ...languageCodes(), UND].join(', ') : `${AUTO}, ${UND} or a language code`;
}
