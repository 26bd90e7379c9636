// The incremental annotator (www/core/incremental.js) with the real WebAssembly engine: hundreds
// of random edits (characters, words, newlines, whole paragraphs, the dateline, emoji) on wire
// dispatches from the repository, through a Session as the for= mode uses it. Every spliced
// result must be well-formed (sorted, non-overlapping, in bounds, each span's text the code points
// it covers), and after every pause the automatic layer must be exactly the engine's on the whole
// text. The PRNG is seeded: a failure prints its seed and edit number, and replays.

import { readPack } from './core.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

import { loadEngine } from '../../www/engine.js';
import { Session } from '../../www/core/session.js';
import { Lexicon } from '../../www/core/lexicon.js';
import { createIncrementalAnnotator, blockOf } from '../../www/core/incremental.js';

const root = new URL('../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const engine = await loadEngine({ wasm: readFileSync(new URL('pkg/depeche_bg.wasm', root)), readPack });
const corpus = (lang) => readdirSync(new URL('benches/corpus/', root)).filter((f) => f.startsWith(`${lang}-`) && f.endsWith('.txt')).sort()
  .map((f) => read(`benches/corpus/${f}`));

/** A long dispatch: the example with its dateline first, then corpus dispatches, emoji here and there. */
function docOf(lang) {
  const head = read(`examples/dispatch-${lang}.txt`).trim();
  const more = corpus(lang).slice(0, 4).map((t) => t.trim());
  const alert = lang === 'fr' ? '🚨🇫🇷 Alerte : des tirs entendus à Goma 🇨🇩 ce matin, selon la Monusco.' : '🚨 Breaking: gunfire heard in Goma 🇨🇩 this morning, the UN mission said.';
  return [head, alert, ...more.slice(0, 2), '🙏 Merci à nos lecteurs.', ...more.slice(2)].join('\n\n');
}
/** One very long paragraph (sentences joined), under a dateline: the sentence-block path. */
function longDoc() {
  const sentences = corpus('fr').map((t) => t.replace(/\s+/g, ' ').trim()).join(' ');
  return `BAMAKO, 18 juin 2019 (AFP) - Le gouvernement a parlé.\n\n${sentences} 😀 Fin.`;
}

const WORDS = ['Bamako', 'Paris', 'Emmanuel Macron', 'mardi', '12 mars 2019', 'Reuters', "l'armée malienne", 'Goma', 'the UN',
  'on Friday', 'Kabul', 'Taliban', 'hier', 'le 3 novembre', 'Donald Trump', 'Syrie', 'Idleb', 'Mossoul', 'la Minusma', 'and', 'le', 'de'];
const CHARS = 'abcdefghijklmnopqrstuvwxyz     éèàçô.,;!?-\'ABCDEMP0123456789';
const EMOJI = ['😀', '🇫🇷', '🚨', '👍🏽', '🙏'];
const DATELINES = ['PARIS, 4 avril 2021 (AFP) - ', 'KABUL, March 3, 2020 (Reuters) - ', 'GOMA (RD Congo), 1er juin 2018 (AFP) - ', 'NAIROBI, Kenya (AP) _ '];

/** mulberry32: a small seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UTF-16 position not inside a surrogate pair. */
const snapU = (text, u) => (u > 0 && u < text.length && /[\uDC00-\uDFFF]/.test(text[u]) && /[\uD800-\uDBFF]/.test(text[u - 1]) ? u - 1 : u);
const cpPrev = (text, u) => (u >= 2 && /[\uDC00-\uDFFF]/.test(text[u - 1]) && /[\uD800-\uDBFF]/.test(text[u - 2]) ? u - 2 : Math.max(0, u - 1));

/** One random edit of `text` around `caret`: {text, caret, what}. */
function randomEdit(text, caret, rnd, paragraphs) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const at = () => snapU(text, Math.floor(rnd() * (text.length + 1)));
  const splice = (a, b, ins, what) => ({ text: text.slice(0, a) + ins + text.slice(b), caret: a + ins.length, what: `${what} @${a}-${b} ${JSON.stringify(ins.slice(0, 40))}` });
  const c = rnd() < 0.7 ? snapU(text, Math.min(caret, text.length)) : at();
  const r = rnd();
  if (r < 0.30) return splice(c, c, pick([...CHARS]), 'type');
  if (r < 0.42) return splice(cpPrev(text, c), c, '', 'backspace');
  if (r < 0.52) return splice(c, c, `${pick(WORDS)} `, 'word');
  if (r < 0.60) { const a = at(); return splice(a, snapU(text, Math.min(text.length, a + 1 + Math.floor(rnd() * 30))), '', 'delete'); }
  if (r < 0.68) { const a = at(); return splice(a, snapU(text, Math.min(text.length, a + Math.floor(rnd() * 20))), ` ${pick(WORDS)} ${pick(WORDS)}`, 'replace'); }
  if (r < 0.74) return splice(c, c, '\n', 'newline');
  if (r < 0.79) {
    const nls = [...text.matchAll(/\n/g)].map((m) => m.index);
    if (!nls.length) return splice(c, c, '\n', 'newline');
    const n = pick(nls);
    return splice(n, n + 1, '', 'join');
  }
  if (r < 0.84) { // a whole paragraph, at a paragraph boundary
    const nls = [0, ...[...text.matchAll(/\n\n/g)].map((m) => m.index + 2), text.length];
    const a = pick(nls);
    return splice(a, a, `${pick(paragraphs)}\n\n`, 'paragraph');
  }
  if (r < 0.88) { // delete a whole paragraph
    const lines = [...text.matchAll(/[^\n]+\n*/g)];
    if (lines.length < 3) return splice(c, c, pick(WORDS), 'word');
    const m = pick(lines);
    return splice(m.index, m.index + m[0].length, '', 'cut paragraph');
  }
  if (r < 0.94) { // the dateline
    const first = text.indexOf('\n');
    const end = first < 0 ? text.length : first;
    const k = rnd();
    const date = /\d{1,2}(er)? \p{L}+ \d{4}|\p{Lu}\p{Ll}+ \d{1,2}, \d{4}/u.exec(text.slice(0, end));
    if (k < 0.35 && date) return splice(date.index, date.index + date[0].length, pick(['15 avril 2020', '2 mai 2018', 'June 9, 2021', '31 décembre 2019']), 'dateline date');
    if (k < 0.55) return splice(0, Math.min(end, text.indexOf(' - ') + 3 || end), '', 'dateline cut');
    if (k < 0.8) return splice(0, 0, pick(DATELINES), 'dateline new');
    return splice(0, 0, 'Titre de la dépêche\n', 'headline');
  }
  if (r < 0.97) return splice(c, c, pick(EMOJI), 'emoji');
  const a = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const p = pick(a);
  return splice(p, p, pick(DATELINES), 'dateline-like line');
}

/** Sorted, non-overlapping, in bounds, each span's text the code points it covers. */
function assertWellFormed(text, result, where) {
  const cps = Array.from(text);
  assert.ok(result && Array.isArray(result.spans), `${where}: no spans`);
  let prevEnd = 0;
  for (const s of result.spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= cps.length,
      `${where}: [${s.start}, ${s.end}) out of bounds (0..${cps.length})`);
    assert.ok(s.start >= prevEnd, `${where}: [${s.start}, ${s.end}) overlaps or is before the previous span (ending ${prevEnd})`);
    assert.equal(s.text, cps.slice(s.start, s.end).join(''), `${where}: span [${s.start}, ${s.end}) text`);
    assert.ok(['actor', 'place', 'date'].includes(s.kind), `${where}: kind ${s.kind}`);
    prevEnd = s.end;
  }
}

/** A fake clock: the pause runs when the test says so. */
function fakeClock() {
  let fn = null;
  return {
    setTimeout: (f) => { fn = f; return 1; },
    clearTimeout: () => { fn = null; },
    pause() { const f = fn; fn = null; f?.(); },
    get armed() { return fn !== null; },
  };
}

/**
 * `edits` random edits on `text` through a Session (as for= mode wires it), a pause every few
 * edits; returns the counts.
 */
function run({ seed, text, edits, setup }) {
  const rnd = prng(seed);
  const clock = fakeClock();
  const inc = createIncrementalAnnotator((t, o) => engine.annotate(t, o), { setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout });
  const session = new Session({ annotate: inc.annotate, textHistory: false, lexicon: Lexicon.fromJSON({ version: 1, add: [], reject: [] }) });
  inc.connect(session);
  session.load({ text, lang: 'auto', dct: null });
  setup?.(session);
  const paragraphs = [...corpus('fr'), ...corpus('en')].flatMap((t) => t.split(/\n\s*\n/)).map((p) => p.trim()).filter(Boolean);
  const expected = () => {
    const d = session.doc;
    const opts = { lexicon: session.lexicon.forAnnotation(d.id) };
    if (d.lang !== 'auto') opts.lang = d.lang;
    if (d.dct) opts.dct = d.dct;
    return engine.annotate(d.text, opts);
  };
  const log = [];
  let caret = Math.floor(text.length / 2);
  let nextPause = 1 + Math.floor(rnd() * 12);
  const counts = { edits: 0, pauses: 0, spliced: 0, splicedExact: 0 };
  for (let i = 0; i < edits; i++) {
    const e = randomEdit(session.doc.text, caret, rnd, paragraphs);
    log.push(e.what);
    caret = e.caret;
    session.setText(e.text);
    counts.edits++;
    const where = `seed ${seed}, edit ${i} (${e.what}; last edits: ${log.slice(-4).join(' | ')})`;
    const r = session.result;
    assertWellFormed(session.doc.text, r, where);
    if (inc.isSpliced(r)) {
      counts.spliced++;
      assert.ok(clock.armed, `${where}: a spliced result waits for a pause`);
      if (JSON.stringify(r.spans) === JSON.stringify(expected().spans)) counts.splicedExact++;
    } else {
      assert.deepEqual(r, expected(), `${where}: a result that is not spliced is the engine's`);
    }
    if (i + 1 === nextPause || i + 1 === edits) {
      clock.pause();
      counts.pauses++;
      nextPause = i + 1 + 1 + Math.floor(rnd() * 12);
      assert.ok(!inc.isSpliced(session.result), `${where}: still spliced after the pause`);
      assert.deepEqual(session.result, expected(), `${where}: after the pause, the whole text's annotation`);
    }
  }
  return counts;
}

const total = { edits: 0, pauses: 0, spliced: 0, splicedExact: 0 };
const add = (c) => { for (const k of Object.keys(total)) total[k] += c[k]; return c; };

test('random edits of a French dispatch: spliced results well-formed, the engine\'s after each pause', () => {
  for (const seed of [1, 2, 3]) {
    const c = add(run({ seed, text: docOf('fr'), edits: 150 }));
    assert.ok(c.spliced > c.edits / 3, `most edits are spliced: ${JSON.stringify(c)}`);
  }
});

test('random edits of an English dispatch, with a language, a reference date and a lexicon set', () => {
  add(run({ seed: 11, text: docOf('en'), edits: 150 }));
  add(run({ seed: 12, text: docOf('en'), edits: 120, setup: (s) => { s.setLang('en'); s.setDct('2020-05-01'); } }));
  add(run({ seed: 13, text: docOf('fr'), edits: 120,
    setup: (s) => s.setLexicon(Lexicon.fromJSON({ version: 1, add: [{ text: 'Vigie Sahel', kind: 'actor' }], reject: [{ text: 'Goma', kind: 'place' }] })) }));
});

test('random edits in one very long paragraph (blocks of sentences)', () => {
  const c = add(run({ seed: 21, text: longDoc(), edits: 150 }));
  assert.ok(c.spliced > 0, JSON.stringify(c));
});

test('the random-edit runs', (t) => {
  // the size of the runs above, and how often a spliced result was already the full one
  t.diagnostic(JSON.stringify(total));
  assert.ok(total.edits >= 800 && total.pauses >= 100, JSON.stringify(total));
});

test('only the edited line is annotated again; an edit of the dateline is annotated in full at once', () => {
  const text = docOf('fr');
  const calls = [];
  const clock = fakeClock();
  const inc = createIncrementalAnnotator((t, o) => { calls.push({ t, o }); return engine.annotate(t, o); }, clock);
  const first = inc.annotate(text, {});
  assert.equal(first.dct, '2019-03-12');
  // A word typed in a paragraph in the middle, after an emoji line.
  const at = text.indexOf('Merci à nos lecteurs') + 'Merci'.length;
  const next = `${text.slice(0, at)} Bamako${text.slice(at)}`;
  calls.length = 0;
  const r = inc.annotate(next, {});
  assert.ok(inc.isSpliced(r));
  assert.equal(calls.length, 1);
  assert.equal(calls[0].t, '🙏 Merci Bamako à nos lecteurs.');
  assert.deepEqual(calls[0].o, { lang: 'fr', dct: '2019-03-12' }, 'the language and date of the last full result, explicitly');
  const bamako = r.spans.find((s) => s.text === 'Bamako');
  assert.ok(bamako, JSON.stringify(r.spans.map((s) => s.text)));
  assert.equal(Array.from(next).slice(bamako.start, bamako.end).join(''), 'Bamako', 'code points, after emoji');
  const lineAt = Array.from(next.slice(0, next.indexOf('🙏'))).length;
  assert.deepEqual(inc.lastSplice, { start: lineAt, oldEnd: lineAt + Array.from('🙏 Merci à nos lecteurs.').length, newEnd: lineAt + Array.from(calls[0].t).length });
  assert.ok(clock.armed, 'a pause is awaited');
  // The dateline's date changes: the whole text at once, the new reference date in the result.
  const dated = next.replace('12 mars 2019', '15 avril 2020');
  calls.length = 0;
  const d = inc.annotate(dated, {});
  assert.ok(!inc.isSpliced(d));
  assert.equal(calls.length, 1);
  assert.equal(calls[0].t, dated);
  assert.equal(d.dct, '2020-04-15');
  assert.deepEqual(d, engine.annotate(dated, {}));
  assert.ok(!clock.armed, 'nothing to wait for');
  // The same text asked again (what Session.reannotate() does): the whole text.
  calls.length = 0;
  inc.annotate(dated, {});
  assert.equal(calls[0].t, dated);
});

test('blockOf: whole lines, widened over spans crossing the edges; sentences inside a long paragraph', () => {
  const old = 'Ligne un.\nLe ministre est arrivé à Bamako mardi.\nLigne trois.';
  const spans = engine.annotate(old, { lang: 'fr' }).spans;
  const text = old.replace('arrivé', 'arrivée');
  const b = blockOf(old, text, spans);
  assert.equal(text.slice(b.a, b.b), 'Le ministre est arrivée à Bamako mardi.');
  // A span crossing the edge of a sentence block pulls the block over it.
  const long = `${'Une phrase sans nom propre ici. '.repeat(80)}Il a vu le président Emmanuel Macron. Puis il est parti. ${'Encore une phrase. '.repeat(80)}`;
  const ls = [{ start: long.indexOf('Macron') - 10, end: long.indexOf('Macron') + 6, kind: 'actor', text: '' }];
  const at = long.indexOf('Puis');
  const edited = `${long.slice(0, at)}X${long.slice(at)}`;
  const lb = blockOf(long, edited, ls, 500);
  assert.ok(lb.b - lb.a < 300, `a few sentences, not the paragraph: ${lb.b - lb.a}`);
  assert.ok(lb.a <= ls[0].start, 'the span crossing the edge is inside');
  assert.equal(lb.i0, 0);
  assert.equal(lb.i1, 1);
});

test('Session.reannotate: the stale layer is annotated afresh; an asynchronous one stays shown until it arrives', async () => {
  let n = 0;
  const s = new Session({ annotate: (t, o) => { n++; return engine.annotate(t, o); } });
  s.load({ text: 'Le ministre est arrivé à Bamako.' });
  s.result;
  const reasons = [];
  s.addEventListener('change', (e) => reasons.push(e.detail.reason));
  s.reannotate();
  assert.equal(n, 2);
  assert.deepEqual(reasons, ['annotated']);
  // asynchronous
  let release;
  const a = new Session({ annotate: (t, o) => (n++ === 2 ? engine.annotate(t, o) : new Promise((ok) => { release = () => ok(engine.annotate(t, o)); })) });
  a.load({ text: 'Le ministre est arrivé à Bamako.' });
  const before = a.result;
  assert.ok(before.spans.length > 0);
  a.reannotate();
  assert.ok(a.pending);
  assert.equal(a.result, before, 'the stale layer is shown meanwhile');
  const arrived = new Promise((ok) => a.addEventListener('change', ok, { once: true }));
  release();
  await arrived;
  assert.ok(!a.pending);
  assert.deepEqual(a.result, before);
});
