// A quick measurement, not a test (node --test does not pick it up): how long the session takes
// for one text edit of a 50 KB dispatch carrying 1,000 spans (500 automatic, 500 corrections),
// and for a correction alone. The engine is a stub returning precomputed spans, so the figures are
// the session's own cost (re-anchoring, the sorted sweep, events), not the engine's.
// Run: node tests/js/session-bench.mjs
import { Session } from '../../www/core/session.js';

const sentence = 'Le ministre Karim Haddad a rencontré à Alep 🇸🇾 les délégués, selon l\u2019agence. ';
let text = '';
while (text.length < 50_000) text += sentence;
const chars = Array.from(text);
const perSentence = Array.from(sentence).length;
const n = Math.floor(chars.length / perSentence);

// automatic spans: "Alep" in every sentence; corrections: "Karim Haddad" in every other one
const autoFor = (t) => {
  const out = [];
  const cs = Array.from(t);
  const s = cs.join('');
  let u = -1, cpPos = 0, lastU = 0;
  while ((u = s.indexOf('Alep', u + 1)) !== -1) {
    cpPos += Array.from(s.slice(lastU, u)).length; lastU = u;
    out.push({ start: cpPos, end: cpPos + 4, kind: 'place', text: 'Alep', source: 'rule' });
  }
  return { lang: 'fr', dct: null, dateline: null, spans: out };
};
const cache = new Map();
const annotate = (t) => { if (!cache.has(t)) cache.set(t, autoFor(t)); return cache.get(t); };

const session = new Session({ annotate });
const spans = autoFor(text).spans.map((s) => ({ ...s }));
const karim = Array.from(sentence).join('').indexOf('Karim');
for (let i = 0; i < n; i += 1) spans.push({ start: i * perSentence + karim, end: i * perSentence + karim + 12, kind: 'actor', text: 'Karim Haddad' });
session.load({ id: 'bench', text }, spans);
console.log(`text ${text.length} UTF-16 units, ${session.spans.length} effective spans, ${session.doc.corrections.length} corrections`);

const edited = text.slice(0, 25_000) + 'Hier, ' + text.slice(25_000);
annotate(edited); // the engine's cost is not what we measure
const time = (label, f, runs = 20) => {
  const ts = [];
  for (let r = 0; r < runs; r++) { const t0 = performance.now(); f(r); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(`${label}: median ${ts[runs >> 1].toFixed(2)} ms, max ${ts.at(-1).toFixed(2)} ms`);
};
time('setText (one edit) + effective spans', (r) => { session.setText(r % 2 ? text : edited); void session.spans; });
time('add one correction + effective spans', (r) => { session.add(r * perSentence + 3, r * perSentence + 10, 'actor'); void session.spans; });
time('undo + effective spans', () => { session.undo(); void session.spans; });
time('entities()', () => session.entities());
