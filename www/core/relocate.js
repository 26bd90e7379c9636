// Putting saved annotations back on a text that may have changed since they were saved.
// Why: a CMS keeps depeche's annotations beside the article (a hidden field, its metadata), not in
// the article's HTML; the article can be edited elsewhere (another tool, a colleague, the CMS's
// own clean-up) before it is opened again. Spans saved as FORMAT.md has them (offsets and the
// covered `text`) must land on their words again, and those whose words are gone must be
// reported, never put on other words.
// - With the text they were saved on (`oldText`, e.g. an export's `text`), every span is
//   re-anchored as a correction is (anchor.js: the edit region, then the quote with its context).
// - With the spans alone, a span whose words are still at its offsets stays; another is looked for
//   by its words, nearest to where it was (anchor.js findQuote).
// Trade-off: with the spans alone there is no context to tell two "Macron" apart: the nearest
// occurrence wins. Two spans that land on overlapping words: the first one (in text order) stays.

import { quoteOf, reanchor, findQuote, commonEnds } from './anchor.js';
import { cpIndex } from './offsets.js';

/**
 * @template {{start:number, end:number, text?:string}} S
 * @param {string} text the text as it is now
 * @param {S[]} spans saved spans (code point offsets)
 * @param {string} [oldText] the text they were saved on, when known
 * @returns {{placed: S[], lost: S[]}} placed: copies with new offsets and text, sorted; lost: as given
 */
export function relocateSpans(text, spans, oldText) {
  const idx = cpIndex(text);
  const covered = (a, b) => text.slice(idx.toU16(a), idx.toU16(b));
  const valid = (s) => s && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start;
  /** @type {([number, number] | null)[]} */
  let where;
  if (typeof oldText === 'string' && oldText !== text) {
    const oi = cpIndex(oldText);
    const ok = spans.map((s) => valid(s) && s.end <= oi.length);
    const items = spans.map((s, i) => (ok[i] ? { start: s.start, end: s.end, ...quoteOf(oldText, s.start, s.end) } : { start: 0, end: 0, exact: '' }));
    const moved = reanchor(oldText, text, items.filter((_, i) => ok[i]));
    let k = 0;
    where = spans.map((_, i) => (ok[i] ? moved[k++] : null));
  } else {
    where = spans.map((s) => {
      if (!valid(s)) return null;
      const words = typeof s.text === 'string' && s.text !== '' ? s.text : null;
      if (s.end <= idx.length && (words === null || covered(s.start, s.end) === words)) return [s.start, s.end];
      if (words === null) return null;
      return findQuote(text, { exact: words }, s.start);
    });
  }
  const order = spans.map((s, i) => i).filter((i) => where[i]).sort((a, b) => where[a][0] - where[b][0] || where[a][1] - where[b][1]);
  const placed = [], lost = spans.filter((_, i) => !where[i]);
  let end = -1;
  for (const i of order) {
    const [a, b] = /** @type {[number, number]} */ (where[i]);
    if (a < end) { lost.push(spans[i]); continue; }
    placed.push({ ...spans[i], start: a, end: b, text: covered(a, b) });
    end = b;
  }
  return { placed, lost };
}

/**
 * Are two texts the same article, one edited into the other (an editor rebuilt on the same
 * article), rather than two articles (a route change)? At least half of the longer one is
 * common prefix and suffix. Corrections carry over only between the same article.
 * @param {string} a @param {string} b
 */
export function sameArticle(a, b) {
  if (!a || !b) return a === b;
  const { prefix, suffix } = commonEnds(a, b);
  return prefix + suffix >= 0.5 * Math.max(a.length, b.length);
}
