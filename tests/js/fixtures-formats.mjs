// Test dispatches for the format tests, written for these tests (fictional places and people).
// They hold what breaks offset arithmetic and escaping: an emoji and a flag (astral characters)
// before spans and inside one, combining accents, NBSP, a span across a line break, a <script>
// tag, double and single quotes, a tab.

/** Code point offset of the n-th occurrence of `needle` in `text`. */
export function cpIndexOf(text, needle, occurrence = 1) {
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(needle)} #${occurrence} not in the text`);
  }
  return Array.from(text.slice(0, at)).length;
}

/** A span over the n-th occurrence of `needle`. */
export function spanOf(text, needle, kind, value, occurrence = 1) {
  const start = cpIndexOf(text, needle, occurrence);
  const span = { start, end: start + Array.from(needle).length, kind, text: needle };
  if (value !== undefined) span.value = value;
  return span;
}

export const TEXT_A = [
  'VALMORE, 12 mars 2031 (Dépêche) 🚀 - Les Brigades de l\u2019Aube\u00a0ont pris jeudi le pont de Qaṣr-Nūr 🇫🇷,',
  'selon l\'Observatoire des frontières. "Nous tenons la rive", a dit Zoé Mé\u0301nard <script>alert("x")</script>.',
  'Le Conseil',
  'national a répondu le 13 mars à 15 h. Le 🐉 Dragon Rouge\tne commente pas.',
].join('\n');

export const SPANS_A = [
  spanOf(TEXT_A, 'VALMORE', 'place', { country: 'FR' }),
  spanOf(TEXT_A, '12 mars 2031', 'date', '2031-03-12'),
  spanOf(TEXT_A, 'Brigades de l\u2019Aube', 'actor', { canonical: 'Dawn Brigades', type: 'armed_group' }),
  spanOf(TEXT_A, 'jeudi', 'date', '2031-03-06'),
  spanOf(TEXT_A, 'Qaṣr-Nūr', 'place', { country: 'XX', lat: 1.5, lon: -2.25, ref: 'test:1' }),
  spanOf(TEXT_A, 'Observatoire des frontières', 'actor'),
  spanOf(TEXT_A, 'Zoé Mé\u0301nard', 'actor', { canonical: 'Zoé Ménard', type: 'person' }),
  spanOf(TEXT_A, 'Conseil\nnational', 'actor', { canonical: 'National Council "CN"', type: 'government' }),
  spanOf(TEXT_A, '13 mars', 'date', '2031-03-13'),
  spanOf(TEXT_A, '🐉 Dragon Rouge', 'actor', { canonical: "<b>Dragon</b> & 'Rouge'" }),
].map((s, k) => (k % 3 === 0 ? { ...s, source: 'rule' } : s));

export const TEXT_B = 'HARLOW, March 3 (Wire) — The Harbour Guard said on Friday "we left Port Ivel"; 😀 =SUM(A1) @home.';

export const SPANS_B = [
  spanOf(TEXT_B, 'HARLOW', 'place'),
  spanOf(TEXT_B, 'March 3', 'date', 'XXXX-03-03'),
  spanOf(TEXT_B, 'Harbour Guard', 'actor', { canonical: 'Harbour Guard', type: 'military' }),
  spanOf(TEXT_B, 'Friday', 'date', 'XXXX-WXX-5'),
  spanOf(TEXT_B, 'Port Ivel', 'place', { country: 'GB' }),
];

/** A Doc as the session holds it. */
export function docOf(id, title, text, extra = {}) {
  return {
    id,
    title,
    text,
    lang: 'auto',
    dct: null,
    corrections: [],
    orphans: [],
    created: '2031-03-12T08:00:00.000Z',
    updated: '2031-03-12T09:30:00.000Z',
    ...extra,
  };
}

export function itemA() {
  return {
    doc: docOf('dispatch-a', 'Valmore: the bridge', TEXT_A, {
      lang: 'fr',
      dct: '2031-03-12',
      orphans: [{ op: 'set', start: 3, end: 9, kind: 'place', exact: 'Kessel', prefix: 'à ', suffix: ' hier', value: { country: 'ZZ' } }],
    }),
    result: { lang: 'fr', dct: '2031-03-12', dateline: { start: 0, end: 31, place: 'VALMORE', date: '2031-03-12', agency: 'Dépêche' }, spans: [] },
    spans: SPANS_A,
  };
}

export function itemB() {
  return {
    doc: docOf('b/2 ?&', 'Harlow', TEXT_B),
    result: { lang: 'en', dct: null, dateline: null, spans: [] },
    spans: SPANS_B,
  };
}

/** The fields every importable format must restore. */
export function essential(spans) {
  return spans.map(({ start, end, kind, text, value }) => {
    const o = { start, end, kind, text };
    if (value !== undefined) o.value = value;
    return o;
  });
}
