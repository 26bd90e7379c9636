// CoNLL / IOB2: one token per line with its tag, for training and scoring sequence taggers.
//
//   -DOCSTART-<TAB>O
//   <blank>
//   L'<TAB>O ... armée<TAB>B-ACTOR  syrienne<TAB>I-ACTOR ...
//   <blank line between sentences>
// - Every dispatch starts with a -DOCSTART- line and a blank line (the CoNLL-2003 convention).
// - Tags: B-ACTOR / I-ACTOR, B-PLACE / I-PLACE, B-DATE / I-DATE, O.
// - Tokens: runs of letters, marks and digits (a hyphen between two runs stays inside: "Al-Qaïm"),
//   an emoji with its modifiers and joined emoji, a flag; every other visible character alone
//   ("l", "'", "armée"). Whitespace, NBSP included, separates
//   tokens and is not written. A span boundary always splits a token, so every token is wholly
//   in a span or wholly out of it and the spans can be read back from the tags.
// - Sentences end at a line break, or after . ! ? … followed by whitespace, unless that would cut
//   a span or follow a lone letter ("M.", "J. Votel").
// Trade-off: a simple tokenizer, predictable and language-neutral, rather than a linguistic one;
// export only (tokens lose the exact whitespace, so the text cannot be rebuilt from them).

import { offsetMap } from '../core/offsets.js';
import { baseName, checkItems } from './common.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {import('../core/types.js').Doc} Doc */
/** @typedef {import('../core/types.js').Result} Result */

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*|\p{RI}\p{RI}|\p{Extended_Pictographic}\p{M}*(?:\u200D\p{Extended_Pictographic}\p{M}*)*|[^\s\p{M}]\p{M}*|\p{M}+/gu;
const SENTENCE_END = /^[.!?…]+$/u;

/**
 * Tokens of a text, in UTF-16 offsets, split at the given boundaries.
 * @param {string} text @param {number[]} cuts  sorted UTF-16 offsets where a token must end
 * @returns {{start: number, end: number}[]}
 */
export function tokenize(text, cuts = []) {
  const out = [];
  let c = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    while (c < cuts.length && cuts[c] <= start) c++;
    while (c < cuts.length && cuts[c] < end) {
      out.push({ start, end: cuts[c] });
      start = cuts[c];
      c++;
    }
    out.push({ start, end });
  }
  return out;
}

/**
 * @param {{doc: Doc, result?: Result|null, spans: Span[]}[]} items
 * @returns {{filename: string, text: string}}
 */
export function exportConll(items) {
  const checked = checkItems(items, 'CoNLL');
  const parts = checked.map(({ doc, spans }) => conllOf(doc.text, spans));
  return { filename: `${baseName(checked)}.conll`, text: parts.join('') };
}

/** @param {string} text @param {Span[]} spans */
function conllOf(text, spans) {
  const map = offsetMap(text);
  const ranges = spans.map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end), tag: s.kind.toUpperCase() }));
  const cuts = [...new Set(ranges.flatMap((r) => [r.start, r.end]))].sort((a, b) => a - b);
  const tokens = tokenize(text, cuts);
  const lines = ['-DOCSTART-\tO', ''];
  let r = 0;
  let inSentence = false;
  let prev = /** @type {{start: number, end: number, span: number}|null} */ (null);
  let beforePrev = ''; // the token before `prev`: "M" in "M. Macron" is not a sentence's end
  for (const t of tokens) {
    while (r < ranges.length && ranges[r].end <= t.start) r++;
    const span = r < ranges.length && ranges[r].start <= t.start && t.end <= ranges[r].end ? r : -1;
    if (prev && inSentence) {
      const gap = text.slice(prev.end, t.start);
      const sameSpan = span >= 0 && span === prev.span;
      const prevText = text.slice(prev.start, prev.end);
      const lonePrevLetter = /^\p{L}$/u.test(beforePrev);
      const breakHere = !sameSpan && (/[\n\r\u2028\u2029]/.test(gap) ||
        (SENTENCE_END.test(prevText) && /\s/.test(gap) && !lonePrevLetter));
      if (breakHere) {
        lines.push('');
        inSentence = false;
      }
    }
    const tag = span < 0 ? 'O' : `${prev && prev.span === span ? 'I' : 'B'}-${ranges[span].tag}`;
    lines.push(`${text.slice(t.start, t.end)}\t${tag}`);
    inSentence = true;
    beforePrev = prev ? text.slice(prev.start, prev.end) : '';
    prev = { start: t.start, end: t.end, span };
  }
  if (inSentence) lines.push('');
  return lines.join('\n') + '\n';
}

export const format = {
  id: 'conll',
  label: 'CoNLL / IOB2',
  ext: 'conll',
  mime: 'text/plain',
  export: exportConll,
};
