// The journal of the last moments: what the editor changed in the open dispatch that its last
// save may not have stored, written synchronously when the page is hidden or left.
//
// Why: dispatches are saved to IndexedDB, which is asynchronous. When the page goes away, the
// save that pagehide starts can be cut short by the browser; with a 5 MB dispatch (its record
// takes a while to write) that happened about one time in three in tests/browser/perf.test.mjs,
// and the correction made just before the reload was lost. A localStorage write is synchronous:
// it is done before pagehide returns. So at that moment the dispatch's small parts (corrections,
// orphans, language, reference date, title, `updated`) go to localStorage too, and the text itself
// when it is short. When the page comes back, a journal newer than the stored record of the same
// dispatch is applied to it.
// Trade-offs: a long text is not copied (localStorage holds about 5 MB for the whole site); it is
// identified by its length and a digest, and the journal is applied only onto that very text: an
// edit of a long text made in the last moments and not stored is lost, and the editor is told so.
// One journal per store (the page's; an element's own with storage="local"): the open dispatch.

/** The localStorage key (inside the store's prefix). */
export const JOURNAL_KEY = 'depeche.journal.v1';

/** Texts up to this many UTF-16 code units are copied into the journal whole. */
export const JOURNAL_TEXT_LIMIT = 100_000;

/** @typedef {import('./types.js').Doc} Doc */
/**
 * @typedef {{version: 1, id: string, updated: string, length: number, digest: string,
 *   text?: string, title: string, lang: string, dct: string|null, corrections: any[], orphans: any[]}} Journal
 */

/**
 * FNV-1a (32 bits) over the text's UTF-16 code units, as 8 hex digits: tells a text from the same
 * text edited (with its length), not a defence against anyone.
 * @param {string} text
 */
export function digest(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The journal of a dispatch.
 * @param {Doc} doc
 * @returns {Journal}
 */
export function journalOf(doc) {
  return {
    version: 1, id: doc.id, updated: doc.updated, length: doc.text.length, digest: digest(doc.text),
    ...(doc.text.length <= JOURNAL_TEXT_LIMIT ? { text: doc.text } : {}),
    title: doc.title, lang: doc.lang, dct: doc.dct, corrections: [...doc.corrections], orphans: [...doc.orphans],
  };
}

/**
 * A stored journal read back, or null when it is not one (never throws).
 * @param {unknown} v
 * @returns {Journal|null}
 */
export function readJournal(v) {
  if (!v || typeof v !== 'object') return null;
  const j = /** @type {any} */ (v);
  const ok = j.version === 1 && typeof j.id === 'string' && typeof j.updated === 'string' && Number.isInteger(j.length)
    && typeof j.digest === 'string' && (j.text === undefined || (typeof j.text === 'string' && j.text.length === j.length))
    && typeof j.title === 'string' && typeof j.lang === 'string' && (j.dct === null || typeof j.dct === 'string')
    && Array.isArray(j.corrections) && Array.isArray(j.orphans);
  return ok ? j : null;
}

/**
 * The dispatch as the journal says it was when the page went away, or why it cannot be.
 * - `{doc}`: the journal is of this dispatch, newer than `stored`, and applies (its text, or the
 *   stored text when it is the same one); `stored` null: a short text's dispatch never stored.
 * - `{doc: null}`: nothing to apply (another dispatch, or the stored record is as new).
 * - `{doc: null, lost}`: newer, but of a long text the store does not have: `lost` corrections.
 * @param {Doc|null} stored the stored record of the journal's dispatch, if any
 * @param {Journal} j
 * @returns {{doc: Doc|null, lost?: number}}
 */
export function applyJournal(stored, j) {
  if (stored && (stored.id !== j.id || !(j.updated > stored.updated))) return { doc: null };
  const sameText = stored && stored.text.length === j.length && digest(stored.text) === j.digest;
  const text = sameText ? stored.text : j.text;
  if (text === undefined) return { doc: null, lost: j.corrections.length };
  const base = stored ?? { id: j.id, created: j.updated };
  return {
    doc: /** @type {Doc} */ ({ ...base, id: j.id, text, title: j.title, lang: /** @type {any} */ (j.lang), dct: j.dct,
      corrections: j.corrections, orphans: j.orphans, updated: j.updated }),
  };
}
