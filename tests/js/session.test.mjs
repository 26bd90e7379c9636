// The session store: corrections over an automatic layer, undo/redo, learning, re-anchoring,
// imports and entities. The engine is a small fake written here (the real one is WebAssembly):
// it finds a few fixed names by regex and honours the lexicon it is given, like the core does.
// Its languages are French and English, registered as the engine registers the core's list.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../../www/core/session.js';
import { Lexicon } from '../../www/core/lexicon.js';
import { setLanguages } from '../../www/core/languages.js';

setLanguages([{ code: 'fr', name: 'français', english: 'French' }, { code: 'en', name: 'English', english: 'English' }]);

const IS = { canonical: 'Islamic State', type: 'armed_group' };
const NAMES = [
  ['Emmanuel Macron', 'actor', { canonical: 'Emmanuel Macron', type: 'person' }],
  ['Macron', 'actor', { canonical: 'Emmanuel Macron', type: 'person' }],
  ['Dupont', 'actor', undefined],
  ['EI', 'actor', IS],
  ['Daech', 'actor', IS],
  ['Paris', 'place', { country: 'FR', ref: 'geonames:2988507' }],
  ['Alep', 'place', undefined],
  ['Tripoli', 'place', { country: 'LY', ref: 'geonames:2210247' }],
];
const MONTHS = { janvier: '01', mars: '03', novembre: '11' };
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toCp = (text, u) => Array.from(text.slice(0, u)).length;

/** A fake engine. Whole words, case-insensitive except all-caps names; longest match wins. */
function makeFake() {
  const calls = [];
  const annotate = (text, opts = {}) => {
    calls.push({ text, opts });
    const lex = opts.lexicon ?? { add: [], reject: [] };
    const cands = [];
    const find = (name, kind, value, source) => {
      const caps = name === name.toUpperCase();
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${esc(name)}(?![\\p{L}\\p{N}])`, caps ? 'gu' : 'giu');
      for (const m of text.matchAll(re)) cands.push({ u: m.index, v: m.index + m[0].length, kind, value, source });
    };
    for (const [n, k, v] of NAMES) find(n, k, v, 'rule');
    for (const e of lex.add) find(e.text, e.kind, e.value, 'user');
    for (const m of text.matchAll(/\b(\d{1,2}) (janvier|mars|novembre) (\d{4})\b/gu)) {
      cands.push({ u: m.index, v: m.index + m[0].length, kind: 'date', value: `${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}`, source: 'rule' });
    }
    // the editor first, then longest, then leftmost; no overlaps
    cands.sort((a, b) => (b.source === 'user') - (a.source === 'user') || (b.v - b.u) - (a.v - a.u) || a.u - b.u);
    const taken = [];
    for (const c of cands) {
      const t = text.slice(c.u, c.v);
      if (lex.reject.some((r) => fold(r.text) === fold(t) && (!r.kind || r.kind === c.kind))) continue;
      if (taken.some((o) => o.u < c.v && c.u < o.v)) continue;
      taken.push(c);
    }
    taken.sort((a, b) => a.u - b.u);
    return {
      lang: opts.lang ?? 'fr',
      dct: opts.dct ?? null,
      dateline: null,
      spans: taken.map((c) => {
        const s = { start: toCp(text, c.u), end: toCp(text, c.v), kind: c.kind, text: text.slice(c.u, c.v) };
        if (c.value !== undefined) s.value = c.value;
        s.source = c.source;
        return s;
      }),
    };
  };
  return { annotate, calls };
}

const cp = (text, needle, from = 0) => {
  const u = text.indexOf(needle, from);
  assert.ok(u >= 0, `${JSON.stringify(needle)} not in text`);
  return toCp(text, u);
};
const at = (text, needle, from = 0) => { const s = cp(text, needle, from); return [s, s + Array.from(needle).length]; };
const brief = (spans) => spans.map((s) => `${s.kind}:${s.text}`);

function fresh(text, extra = {}) {
  const fake = makeFake();
  const session = new Session({ annotate: fake.annotate, now: () => '2024-01-01T00:00:00.000Z', ...extra });
  session.load({ id: 'd1', title: 'Dépêche', text });
  return { session, fake };
}

const T1 = 'Emmanuel Macron a reçu à Paris le chef de Daech. Jean Dupont était présent le 3 novembre 2017.';

test('load annotates and the effective spans are the automatic ones', () => {
  const { session, fake } = fresh(T1);
  assert.deepEqual(brief(session.spans), ['actor:Emmanuel Macron', 'place:Paris', 'actor:Daech', 'actor:Dupont', 'date:3 novembre 2017']);
  assert.equal(session.doc.lang, 'auto');
  assert.equal(session.doc.dct, null);
  assert.deepEqual(session.doc.corrections, []);
  assert.equal(fake.calls.length, 1);
  assert.deepEqual(fake.calls[0].opts, { lexicon: { version: 1, add: [], reject: [] } }, 'auto language and no dct are not passed');
  assert.equal(session.canUndo, false);
  assert.ok(Object.isFrozen(session.doc));
});

test('add: the editor\'s span wins over automatic spans it overlaps, and the name is learned', () => {
  const { session, fake } = fresh(T1);
  const [s, e] = at(T1, 'Jean Dupont');
  session.add(s, e, 'actor', { canonical: 'Jean Dupont', type: 'person' });
  assert.deepEqual(brief(session.spans), ['actor:Emmanuel Macron', 'place:Paris', 'actor:Daech', 'actor:Jean Dupont', 'date:3 novembre 2017']);
  const span = session.spanAt(s, e);
  assert.equal(span.source, 'user');
  assert.deepEqual(span.value, { canonical: 'Jean Dupont', type: 'person' });
  assert.equal(session.isUserSpan(s, e), true);
  assert.deepEqual(session.lexicon.entries().map((x) => [x.type, x.text, x.kind, x.from]), [['add', 'Jean Dupont', 'actor', 'd1']]);
  const c = session.doc.corrections[0];
  assert.equal(c.op, 'set');
  assert.equal(c.exact, 'Jean Dupont');
  assert.ok(c.prefix.endsWith('Daech. ') && c.suffix.startsWith(' était'));
  assert.equal(fake.calls.length, 1, 'a correction alone does not re-run the engine');
  // a later span overlapping an earlier one of the editor replaces it
  session.add(cp(T1, 'Dupont'), cp(T1, 'Dupont') + 'Dupont était'.length, 'place');
  assert.deepEqual(session.doc.corrections.map((x) => x.exact), ['Dupont était']);
});

test('relabel, setValue and resize; each is one undo step that also restores the lexicon', () => {
  const { session } = fresh(T1);
  const paris = at(T1, 'Paris');
  session.relabel(...paris, 'actor');
  assert.equal(session.spanAt(...paris).kind, 'actor');
  assert.equal(session.spanAt(...paris).value, undefined, 'a kind-specific value goes with the old kind');
  const date = at(T1, '3 novembre 2017');
  session.setValue(...date, '2017-11-04');
  assert.equal(session.spanAt(...date).value, '2017-11-04');
  const dupont = at(T1, 'Dupont');
  const jean = cp(T1, 'Jean Dupont');
  session.resize(...dupont, jean, dupont[1]);
  assert.equal(session.spanAt(jean, dupont[1]).text, 'Jean Dupont');
  assert.equal(session.spanAt(...dupont), undefined);
  // a date's value is not learned: "3 novembre" means another day in another dispatch
  assert.deepEqual(session.lexicon.entries().map((x) => `${x.text}/${x.kind}`), ['Paris/actor', 'Jean Dupont/actor']);

  assert.equal(session.undo(), true);
  assert.equal(session.spanAt(...dupont).text, 'Dupont');
  assert.equal(session.lexicon.size, 1);
  session.undo();
  assert.equal(session.spanAt(...date).value, '2017-11-03');
  session.undo();
  assert.equal(session.spanAt(...paris).kind, 'place');
  assert.equal(session.lexicon.size, 0);
  assert.equal(session.canUndo, false);
  assert.equal(session.undo(), false);
  session.redo();
  assert.equal(session.spanAt(...paris).kind, 'actor');
  assert.equal(session.lexicon.size, 1);
  assert.equal(session.canRedo, true);
  session.add(...at(T1, 'chef'), 'actor');
  assert.equal(session.canRedo, false, 'a new change drops the redo stack');
});

test('remove: an automatic span is rejected and recorded for this dispatch only; the editor\'s own span leaves nothing behind', () => {
  const { session } = fresh(T1);
  const daech = at(T1, 'Daech');
  session.remove(...daech);
  assert.equal(session.spanAt(...daech), undefined);
  assert.deepEqual(session.doc.corrections.map((c) => [c.op, c.kind, c.exact]), [['reject', 'actor', 'Daech']]);
  assert.deepEqual(session.lexicon.toJSON().reject, [], 'no global reject');
  assert.deepEqual(session.lexicon.toJSON().local, [{ type: 'reject', text: 'Daech', kind: 'actor', from: 'd1', scope: 'd1', learned: '2024-01-01T00:00:00.000Z' }]);

  // an added span over an automatic one, then deleted: no span there, and the add is forgotten
  const em = at(T1, 'Emmanuel Macron a reçu');
  session.add(...em, 'actor');
  assert.equal(session.lexicon.findAdd('Emmanuel Macron a reçu', 'actor')?.from, 'd1');
  session.remove(...em);
  assert.deepEqual(session.spans.filter((s) => s.start < em[1]), []);
  assert.equal(session.lexicon.findAdd('Emmanuel Macron a reçu', 'actor'), undefined);
  session.undo();
  assert.equal(session.spanAt(...em).source, 'user');
});

test('methods refuse bad extents and kinds with a clear message and change nothing', () => {
  const { session } = fresh(T1);
  const before = session.doc;
  const n = Array.from(T1).length;
  assert.throws(() => session.add(0, n + 1, 'actor'), new RegExp(`add: \\[0, ${n + 1}\\) is not a non-empty extent of the text \\(0\\.\\.${n} code points\\)`));
  assert.throws(() => session.add(5, 5, 'actor'), /not a non-empty extent/);
  assert.throws(() => session.add(1.5, 3, 'actor'), /not a non-empty extent/);
  assert.throws(() => session.add(0, 3, 'person'), /add: kind must be one of actor, place, date, got "person"/);
  assert.throws(() => session.add(0, 3, 'date', { iso: 1 }), /a date's value must be a TIMEX3 string/);
  const dot = cp(T1, '. Jean');
  assert.throws(() => session.add(dot, dot + 2, 'actor'), /add: \[\d+, \d+\) holds no letter or digit/);
  assert.throws(() => session.resize(...at(T1, 'Paris'), dot, dot + 1), /resize: .* holds no letter or digit/);
  assert.throws(() => session.relabel(0, 3, 'place'), /relabel: there is no span at exactly \[0, 3\)/);
  assert.throws(() => session.relabel(...at(T1, 'Paris'), 'city'), /kind must be one of/);
  assert.throws(() => session.remove(-1, 2), /remove: \[-1, 2\)/);
  assert.throws(() => session.resize(...at(T1, 'Paris'), 3, 2), /resize: \[3, 2\)/);
  assert.throws(() => session.setValue(...at(T1, 'Paris'), 'FR'), /a place's value must be an object/);
  assert.throws(() => session.setLang('de'), /language must be one of auto, fr, en, und, got "de"/);
  assert.throws(() => session.setDct('2017-02-30'), /not a real date/);
  assert.throws(() => session.setDct('04/11/2017'), /must be YYYY-MM-DD or null/);
  assert.throws(() => session.setText(null), /setText: text must be a string/);
  assert.throws(() => session.dismissOrphan(0), /no orphan 0 \(there are 0\)/);
  assert.equal(session.doc, before);
  assert.equal(session.canUndo, false);
  assert.equal(session.lexicon.size, 0);
});

test('applyToAll gives every whole-word occurrence the same kind and value, in one undo step', () => {
  const text = "Les Kurdes de l'YPG et l'ypg. YPG, YPGX, Brigitte YPG. ypg ici.";
  const { session } = fresh(text);
  const first = at(text, 'YPG');
  session.add(...first, 'actor', { canonical: 'YPG', type: 'armed_group' });
  session.add(...at(text, 'Brigitte YPG'), 'actor');
  const steps = [];
  session.addEventListener('change', (e) => steps.push(e.detail.reason));
  const n = session.applyToAll(...first);
  assert.equal(n, 1, 'all-caps: "ypg" is not "YPG"; "YPGX" is not a whole word; inside "Brigitte YPG" is left alone');
  assert.deepEqual(brief(session.spans), ['actor:YPG', 'actor:YPG', 'actor:Brigitte YPG']);
  assert.ok(session.spans.every((s) => s.kind !== 'actor' || s.text !== 'YPG' || s.value.canonical === 'YPG'));
  assert.deepEqual(steps, ['applyToAll']);
  session.undo();
  assert.deepEqual(brief(session.spans), ['actor:YPG', 'actor:Brigitte YPG']);

  // case-insensitive for ordinary names, accent-sensitive
  const t2 = 'Le Hezbollah et le hezbollah. Hezbolláh non.';
  const s2 = fresh(t2).session;
  s2.add(...at(t2, 'Hezbollah'), 'actor');
  assert.equal(s2.applyToAll(...at(t2, 'Hezbollah')), 1);
  assert.deepEqual(brief(s2.spans), ['actor:Hezbollah', 'actor:hezbollah']);
});

test('applyToAll relabels automatic spans of the same name; removeAll deletes every one and learns a reject', () => {
  const text = 'Tripoli au Liban. Tripoli en Libye. Un tripoli? TRIPOLI!';
  const { session } = fresh(text);
  assert.equal(session.spans.length, 4);
  const first = at(text, 'Tripoli');
  session.setValue(...first, { country: 'LB', ref: 'geonames:266826' });
  assert.equal(session.applyToAll(...first), 3);
  assert.ok(session.spans.every((s) => s.value.country === 'LB'));
  const entities = session.entities();
  assert.equal(entities.length, 1);
  assert.equal(entities[0].mentions.length, 4);

  const n = session.removeAll(...first);
  assert.equal(n, 4);
  assert.deepEqual(session.spans, []);
  assert.deepEqual(session.lexicon.toJSON().reject, [{ text: 'Tripoli', kind: 'place', from: 'd1', scope: 'global', learned: '2024-01-01T00:00:00.000Z' }]);
  assert.equal(session.lexicon.toJSON().add.length, 0, 'the reject replaced the learned add');
  assert.equal(session.lexicon.toJSON().local, undefined, 'the global reject replaced the records of single deletions');
  session.undo();
  assert.equal(session.spans.length, 4);
});

test('a name learned in one dispatch is found in the next, but not re-applied to its own', () => {
  const fake = makeFake();
  const session = new Session({ annotate: fake.annotate });
  const a = 'Le Hamas a tiré. Le Hamas a revendiqué.';
  session.load({ id: 'A', text: a });
  session.add(...at(a, 'Hamas'), 'actor');
  assert.deepEqual(brief(session.spans), ['actor:Hamas'], 'in its own dispatch only through applyToAll');
  const b = 'Le HAMAS dément. Alep est calme.';
  session.load({ id: 'B', text: b });
  assert.deepEqual(brief(session.spans), ['actor:HAMAS', 'place:Alep']);
  assert.equal(session.spans[0].source, 'user');
  assert.deepEqual(fake.calls.at(-1).opts.lexicon.add, [{ text: 'Hamas', kind: 'actor' }]);
  // deleting one mention in B stays in B; removing every occurrence applies back in A
  session.remove(...at(b, 'Alep'));
  session.load({ id: 'A', text: 'Alep, puis Alep.' });
  assert.deepEqual(brief(session.spans), ['place:Alep', 'place:Alep']);
  session.load({ id: 'B', text: b });
  session.removeAll(...at(b, 'Alep'));
  session.load({ id: 'A', text: 'Alep, puis Alep.' });
  assert.deepEqual(session.spans, []);
  assert.equal(session.canUndo, false, 'load clears the history');
});

test('corrections follow their words through text edits; lost ones become orphans', () => {
  const { session } = fresh(T1);
  const dupont = at(T1, 'Jean Dupont');
  session.add(...dupont, 'actor');
  session.remove(...at(T1, 'Daech'));
  // edit the words before both corrections, with an emoji and a CRLF
  const t2 = T1.replace('Emmanuel Macron a reçu', '🇫🇷 Le président a reçu\r\n');
  session.setText(t2);
  assert.deepEqual(session.doc.corrections.map((c) => [c.op, c.start, c.exact]), [
    ['set', cp(t2, 'Jean Dupont'), 'Jean Dupont'],
    ['reject', cp(t2, 'Daech'), 'Daech'],
  ]);
  assert.equal(session.spanAt(...at(t2, 'Jean Dupont')).source, 'user');
  assert.equal(session.spanAt(...at(t2, 'Daech')), undefined, 'the reject still applies');
  assert.equal(session.doc.corrections[0].prefix.endsWith('Daech. '), true);
  // delete the words of a correction: it is listed as an orphan, not dropped
  const t3 = t2.replace(' Jean Dupont était présent', '');
  session.setText(t3);
  assert.deepEqual(session.doc.orphans.map((c) => c.exact), ['Jean Dupont']);
  assert.deepEqual(session.doc.corrections.map((c) => c.exact), ['Daech']);
  session.undo();
  assert.deepEqual(session.doc.orphans, []);
  assert.equal(session.doc.text, t2);
  session.redo();
  session.dismissOrphan(0);
  assert.deepEqual(session.doc.orphans, []);
  assert.equal(session.doc.text, t3);
  // the same text again is not a change
  const steps = session.canUndo;
  session.setText(t3);
  assert.equal(session.canUndo, steps);
});

test('the engine runs again only when text, language, date or the lexicon of other docs change', () => {
  const { session, fake } = fresh(T1);
  session.add(...at(T1, 'chef'), 'actor');
  session.remove(...at(T1, 'Paris'));
  assert.equal(fake.calls.length, 1);
  session.setLang('fr');
  assert.equal(fake.calls.length, 2);
  assert.equal(fake.calls[1].opts.lang, 'fr');
  session.setDct('2017-11-04');
  assert.equal(fake.calls[2].opts.dct, '2017-11-04');
  session.setText(T1 + ' Fin.');
  assert.equal(fake.calls.length, 4);
  session.undo(); session.undo(); session.undo();
  assert.equal(fake.calls.length, 4, 'undo finds the earlier layers in the cache');
  session.setLexicon(session.lexicon.learnAdd('chef', 'place', undefined, 'other'));
  assert.equal(fake.calls.length, 5, 'an entry from another doc changes what this one is annotated with');
  session.undo();
  assert.equal(fake.calls.length, 5);
});

test('load with exact spans (an import) restores them exactly', () => {
  const text = 'Daech a frappé Alep le 3 mars 2016. Tripoli aussi.';
  const fake = makeFake();
  const session = new Session({ annotate: fake.annotate });
  const wanted = [
    { start: cp(text, 'Daech'), end: cp(text, 'Daech') + 5, kind: 'actor', text: 'Daech', value: { canonical: 'ISIS' } }, // value differs
    { start: cp(text, 'Alep'), end: cp(text, 'Alep') + 4, kind: 'place', text: 'Alep' }, // identical
    { start: cp(text, '3 mars'), end: cp(text, '3 mars') + 6, kind: 'date', text: '3 mars', value: 'XXXX-03-03' }, // shorter
    { start: cp(text, 'frappé'), end: cp(text, 'frappé') + 6, kind: 'actor', text: 'frappé' }, // extra
    // Tripoli: found automatically, not wanted
  ];
  session.load({ id: 'imp', text }, [...wanted].reverse());
  const strip = (s) => ({ start: s.start, end: s.end, kind: s.kind, text: s.text, ...(s.value !== undefined && { value: s.value }) });
  assert.deepEqual(session.spans.map(strip), wanted.sort((a, b) => a.start - b.start));
  assert.deepEqual(session.doc.corrections.map((c) => `${c.op}:${c.exact}`).sort(), ['reject:Tripoli', 'set:3 mars', 'set:Daech', 'set:frappé']);
  assert.throws(() => session.load({ text }, [{ start: 0, end: 5, kind: 'actor', text: 'Daesh' }]), /load: span 0 \[0, 5\) says "Daesh" but the text there is "Daech"/);
  assert.throws(() => session.load({ text }, [{ start: 0, end: 5, kind: 'actor' }, { start: 3, end: 9, kind: 'place' }]), /spans \[0, 5\) and \[3, 9\) overlap/);
  assert.throws(() => session.load({ text }, [{ start: 0, end: 500, kind: 'actor' }]), /span 0: \[0, 500\)/);
  assert.equal(session.doc.id, 'imp', 'a refused import changes nothing');
});

test('load checks stored docs: defaults, bad fields, corrections whose offsets moved', () => {
  const { session } = fresh(T1);
  assert.throws(() => session.load({}), /the document has no text/);
  assert.throws(() => session.load(null), /expected a document object/);
  assert.throws(() => session.load({ text: 'x', lang: 'de' }), /language must be one of/);
  assert.throws(() => session.load({ text: 'x', corrections: [{ op: 'set', start: 0, end: 1, kind: 'thing', exact: 'x' }] }), /correction 0: kind must be one of/);
  const text = 'Un Hamas, puis Alep.';
  session.load({
    id: 'x', text,
    corrections: [
      { op: 'set', start: 3, end: 8, kind: 'actor', exact: 'Hamas', prefix: 'Un ', suffix: ', puis' }, // right
      { op: 'set', start: 0, end: 4, kind: 'place', exact: 'Alep', prefix: 'puis ', suffix: '.' }, // moved
      { op: 'reject', start: 1, end: 6, kind: 'place', exact: 'Beyrouth' }, // gone
    ],
  });
  assert.deepEqual(session.doc.corrections.map((c) => [c.exact, c.start]), [['Hamas', 3], ['Alep', cp(text, 'Alep')]]);
  assert.deepEqual(session.doc.orphans.map((c) => c.exact), ['Beyrouth']);
  assert.equal(session.doc.title, '');
  assert.equal(session.doc.lang, 'auto');
});

test('entities group mentions by canonical name, place ref, date value or folded text', () => {
  const text = "Daech et l'EI ont attaqué Alep. À ALEP, Macron a réagi le 3 mars 2016. Le 3 mars 2016 encore, Paris et Paris.";
  const { session } = fresh(text);
  session.add(...at(text, 'ALEP'), 'place');
  session.add(...at(text, 'Le 3 mars 2016'), 'date', '2016-03-03');
  assert.equal(session.lexicon.findAdd('Le 3 mars 2016', 'date').value, undefined, 'dates are learned without their value');
  const ents = session.entities();
  const rows = ents.map((e) => [e.kind, e.label, e.mentions.map((m) => m.text)]);
  assert.deepEqual(rows, [
    ['actor', 'Islamic State', ['Daech', 'EI']],
    ['actor', 'Emmanuel Macron', ['Macron']],
    ['place', 'Alep', ['Alep', 'ALEP']],
    ['place', 'Paris', ['Paris', 'Paris']],
    ['date', '2016-03-03', ['3 mars 2016', 'Le 3 mars 2016']],
  ]);
  assert.deepEqual(ents[0].value, IS);
  assert.equal(ents[3].key, 'place:ref:geonames:2988507');
});

test('change events carry the reason, the doc and the spans', () => {
  const { session } = fresh(T1);
  const seen = [];
  session.addEventListener('change', (e) => seen.push([e.detail.reason, e.detail.doc === session.doc, e.detail.spans === session.spans]));
  session.add(...at(T1, 'chef'), 'actor');
  session.undo();
  session.redo();
  session.setTitle('Autre titre');
  assert.deepEqual(seen, [['add', true, true], ['undo', true, true], ['redo', true, true], ['title', true, true]]);
});

test('the undo history is capped at 200 steps', () => {
  const { session } = fresh('x'.repeat(10));
  for (let i = 0; i < 230; i++) session.setTitle(`t${i}`);
  let n = 0;
  while (session.undo()) n++;
  assert.equal(n, 200);
  assert.equal(session.doc.title, 't29');
});

test('an engine that throws leaves the text edit in place and reports the error', async () => {
  let fail = false;
  const fake = makeFake();
  const session = new Session({ annotate: (t, o) => { if (fail) throw new Error('boom'); return fake.annotate(t, o); } });
  session.load({ id: 'e', text: T1 });
  const errors = [];
  session.addEventListener('error', (e) => errors.push(e.detail.message));
  fail = true;
  session.setText('Alep <script>alert(1)</script>');
  assert.equal(session.doc.text, 'Alep <script>alert(1)</script>');
  assert.deepEqual(session.spans, []);
  assert.match(session.result.error, /annotation failed: boom/);
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(errors, ['annotation failed: boom']);
  assert.equal(session.undo(), true);
  assert.equal(session.spans.length, 5, 'the earlier layer comes back from the cache');
});

test('an asynchronous engine (a Web Worker): spans arrive later, an import completes then', async () => {
  const fake = makeFake();
  let release;
  const session = new Session({ annotate: (t, o) => new Promise((r) => { release = () => r(fake.annotate(t, o)); }) });
  const text = 'Alep et Tripoli.';
  session.load({ id: 'w', text }, [{ start: 0, end: 4, kind: 'place' }]);
  assert.equal(session.pending, true);
  assert.deepEqual(brief(session.spans), ['place:Alep']);
  const reasons = [];
  session.addEventListener('change', (e) => reasons.push(e.detail.reason));
  release();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(reasons, ['annotated']);
  assert.equal(session.pending, false);
  assert.deepEqual(brief(session.spans), ['place:Alep'], 'Tripoli, found by the engine but not in the import, is rejected');
  assert.deepEqual(session.doc.corrections.map((c) => `${c.op}:${c.exact}`), ['reject:Tripoli']);
});

test('constructor checks its dependencies', () => {
  assert.throws(() => new Session({}), /deps.annotate must be a function/);
  assert.throws(() => new Session({ annotate() {}, lexicon: {} }), /deps.lexicon must be a Lexicon/);
  const s = new Session({ annotate: makeFake().annotate, lexicon: new Lexicon().learnAdd('Alep', 'place') });
  assert.equal(s.lexicon.size, 1);
  assert.equal(s.doc.text, '');
  assert.deepEqual(s.spans, []);
});

test('textHistory false: text edits are no undo steps; undo and redo bring corrections back onto the text as it is', () => {
  const { session } = fresh(T1, { textHistory: false });
  const [ps, pe] = at(T1, 'Paris');
  session.remove(ps, pe); // a correction: one step
  const [ds, de] = at(T1, 'Jean Dupont');
  session.add(ds, de, 'actor'); // another
  assert.deepEqual(brief(session.spans), ['actor:Emmanuel Macron', 'actor:Daech', 'actor:Jean Dupont', 'date:3 novembre 2017']);
  // the host's editor changes the text (its own undo owns that): no step of ours
  const T2 = `Selon l'AFP, ${T1}`;
  session.setText(T2);
  assert.deepEqual(brief(session.spans), ['actor:Emmanuel Macron', 'actor:Daech', 'actor:Jean Dupont', 'date:3 novembre 2017']);
  // undo: the last correction (the add) goes, the text stays as the host has it
  assert.equal(session.undo(), true);
  assert.equal(session.doc.text, T2);
  assert.deepEqual(brief(session.spans), ['actor:Emmanuel Macron', 'actor:Daech', 'actor:Dupont', 'date:3 novembre 2017']);
  // the rejection of Paris was made on the old text and still holds, moved 13 code points on
  const [p2s, p2e] = at(T2, 'Paris');
  assert.equal(session.spanAt(p2s, p2e), undefined);
  assert.equal(session.undo(), true);
  assert.equal(session.doc.text, T2);
  assert.ok(session.spanAt(p2s, p2e), 'Paris is back after the second undo');
  assert.equal(session.undo(), false, 'the text edit was not a step');
  // redo twice: both corrections back, on T2's offsets
  session.redo();
  session.redo();
  assert.equal(session.doc.text, T2);
  assert.equal(session.spanAt(p2s, p2e), undefined);
  const [d2s, d2e] = at(T2, 'Jean Dupont');
  assert.equal(session.spanAt(d2s, d2e)?.source, 'user');
  // a correction whose words are gone comes back from the history as an orphan, not a wrong span
  session.undo();
  session.setText(T2.replace('Jean Dupont', 'Paul Martin'));
  session.redo();
  assert.ok(session.doc.orphans.some((o) => o.exact === 'Jean Dupont'), JSON.stringify(session.doc.orphans));
  assert.ok(!session.spans.some((s) => s.text === 'Jean Dupont'));
});

test('textHistory true (the page): a text edit is an undo step as before', () => {
  const { session } = fresh(T1);
  session.setText(`${T1} Fin.`);
  assert.equal(session.canUndo, true);
  session.undo();
  assert.equal(session.doc.text, T1);
});

// ---------------------------------------------------------------- learning that is scoped (issue 10, part 3)

const SY_GOV = { canonical: 'Government of Syria', type: 'government' };
const DAMAS = { country: 'SY', lat: 33.5102, lon: 36.2913, ref: 'geonames:170654' };

/** The fake engine plus a capital read by context, as the core does: "Damas a annoncé" is the
 *  government (an actor), any other "Damas" the city. Lexicon adds and rejects win, as in the core. */
function capitalFake() {
  const base = makeFake();
  const annotate = (text, opts = {}) => {
    const r = base.annotate(text, opts);
    const lex = opts.lexicon ?? { add: [], reject: [] };
    const spans = [...r.spans];
    for (const m of text.matchAll(/Damas(,? a annoncé)?/gu)) {
      const s = toCp(text, m.index), e = s + 5;
      if (spans.some((x) => x.start < e && s < x.end)) continue; // a lexicon add found it
      const kind = m[1] ? 'actor' : 'place';
      if (lex.reject.some((x) => fold(x.text) === 'damas' && (!x.kind || x.kind === kind))) continue;
      spans.push({ start: s, end: e, kind, text: 'Damas', value: kind === 'actor' ? SY_GOV : DAMAS, source: 'lexicon' });
    }
    spans.sort((a, b) => a.start - b.start);
    return { ...r, spans };
  };
  return { annotate, calls: base.calls };
}
const knowsDamas = (text, kind) => fold(text) === 'damas' && kind === 'place';

test('relabelling a capital the engine knows as a place is kept to the dispatch: "<capital> a annoncé" stays an actor elsewhere', () => {
  const fake = capitalFake();
  const session = new Session({ annotate: fake.annotate, knows: knowsDamas, now: () => '2024-03-01T09:00:00.000Z' });
  const a = 'Des combats près de Damas, a annoncé l\'OSDH.';
  session.load({ id: 'A', text: a });
  assert.deepEqual(brief(session.spans), ['actor:Damas'], 'the engine misread it here');
  const damas = at(a, 'Damas');
  session.relabel(...damas, 'place', DAMAS); // the value the popover finds in the gazetteer
  assert.deepEqual(session.spanAt(...damas).value, DAMAS);
  const [entry] = session.lexicon.entries();
  assert.deepEqual({ ...entry }, { index: 0, type: 'add', text: 'Damas', kind: 'place', value: DAMAS, from: 'A', scope: 'A', learned: '2024-03-01T09:00:00.000Z' });
  assert.deepEqual(session.lexicon.toJSON().add, [], 'nothing global for the command line either');
  const b = 'Damas a annoncé une trêve. Les civils ont fui Damas.';
  session.load({ id: 'B', text: b });
  assert.deepEqual(session.spans.map((s) => [s.kind, s.text, s.value]), [['actor', 'Damas', SY_GOV], ['place', 'Damas', DAMAS]]);
  assert.deepEqual(fake.calls.at(-1).opts.lexicon, { version: 1, add: [], reject: [] });

  // made global (the panel or the notice): B's "Damas a annoncé" becomes a place, with its value
  session.setLexicon(session.lexicon.setScope(0, 'global'));
  assert.deepEqual(session.spans.map((s) => [s.kind, s.value]), [['place', DAMAS], ['place', DAMAS]]);
  assert.equal(session.lexicon.entries()[0].learned, '2024-03-01T09:00:00.000Z', 'when it was learned is kept');
  session.undo();
  assert.equal(session.spans[0].kind, 'actor');

  // a name the engine does not know is learned for every dispatch
  session.load({ id: 'C', text: 'Le chef de Dupont est là.' });
  session.relabel(...at('Le chef de Dupont est là.', 'Dupont'), 'place');
  assert.equal(session.lexicon.findAdd('Dupont', 'place').scope, 'global');
});

test('deleting one mention of a camp rejects it in this dispatch only; "never mark this" and X reject it everywhere', () => {
  const fake = makeFake();
  const session = new Session({ annotate: fake.annotate, now: () => '2024-03-01T09:00:00.000Z' });
  const a = 'Le camp d\'Alep accueille 5000 personnes. Alep reste calme.';
  session.load({ id: 'A', text: a });
  session.remove(...at(a, 'Alep'));
  assert.deepEqual(brief(session.spans), ['place:Alep'], 'the other mention in this dispatch stays');
  assert.deepEqual(session.lexicon.entries().map((e) => [e.type, e.text, e.kind, e.scope]), [['reject', 'Alep', 'place', 'A']]);
  const b = 'Alep, 3 mars 2024. Combats à Alep.';
  session.load({ id: 'B', text: b });
  assert.deepEqual(brief(session.spans), ['place:Alep', 'date:3 mars 2024', 'place:Alep'], 'a later dispatch is not affected');
  assert.deepEqual(fake.calls.at(-1).opts.lexicon.reject, []);

  // back in A, "never mark this" (the notice): every mention here goes, and the name is rejected everywhere
  session.load({ id: 'A', text: a, corrections: [] });
  session.remove(...at(a, 'Alep'));
  const steps = [];
  session.addEventListener('change', (e) => steps.push(e.detail.reason));
  assert.equal(session.rejectEverywhere('Alep', 'place'), 1);
  assert.deepEqual(steps, ['removeAll'], 'one step');
  assert.deepEqual(session.spans, []);
  assert.deepEqual(session.lexicon.entries().map((e) => [e.type, e.text, e.kind, e.scope]), [['reject', 'Alep', 'place', 'global']],
    'the global reject replaced the record of the single deletion');
  session.undo();
  assert.deepEqual(brief(session.spans), ['place:Alep']);
  assert.equal(session.lexicon.entries()[0].scope, 'A');
  session.redo();
  session.load({ id: 'B', text: b });
  assert.deepEqual(brief(session.spans), ['date:3 mars 2024']);
  assert.throws(() => session.rejectEverywhere(' ', 'place'), /non-empty/);
  assert.throws(() => session.rejectEverywhere('Alep', 'city'), /kind must be one of/);
});

test('a local record never unlearns a global decision; adding back a deleted name replaces the record', () => {
  const { session } = fresh(T1);
  const session2 = session;
  const paris = at(T1, 'Paris');
  session2.relabel(...paris, 'actor'); // global: the fake knows nothing
  session2.load({ id: 'd2', text: 'Paris et Paris.' });
  assert.deepEqual(brief(session2.spans), ['actor:Paris', 'actor:Paris']);
  session2.remove(0, 5);
  assert.deepEqual(session2.lexicon.entries().map((e) => [e.type, e.kind, e.scope]), [['add', 'actor', 'global'], ['reject', 'actor', 'd2']]);
  session2.add(0, 5, 'actor');
  assert.deepEqual(session2.lexicon.entries().map((e) => [e.type, e.kind, e.scope, e.from]), [['add', 'actor', 'global', 'd2']],
    'the add learned in d2 replaced the global add and the record of the deletion');
});

test('reannotate: the engine runs again; with ifChanged, a fresh layer like the last one is no event', () => {
  const { session, fake } = fresh(T1);
  const reasons = [];
  session.addEventListener('change', (e) => reasons.push(e.detail.reason));
  session.reannotate({ ifChanged: true });
  assert.equal(fake.calls.length, 2, 'annotated afresh');
  assert.deepEqual(reasons, [], 'nothing changed: nothing said');
  // A pack arrived that gives Alep a value: the same call now says so.
  NAMES.find((n) => n[0] === 'Alep')[2] = { country: 'SY', ref: 'geonames:170063' };
  try {
    const text = `${T1} Les combats ont repris à Alep.`;
    session.setText(text);
    reasons.length = 0;
    const before = session.spans.find((s) => s.text === 'Alep');
    assert.equal(before.value?.country, 'SY', 'a new text reads the new value');
    NAMES.find((n) => n[0] === 'Alep')[2] = { country: 'SY', ref: 'geonames:170063', lat: 36.2, lon: 37.16 };
    session.reannotate({ ifChanged: true });
    assert.deepEqual(reasons, ['annotated']);
    assert.equal(session.spans.find((s) => s.text === 'Alep').value.lat, 36.2);
    session.reannotate();
    assert.deepEqual(reasons, ['annotated', 'annotated'], 'without ifChanged: always an event');
  } finally {
    NAMES.find((n) => n[0] === 'Alep')[2] = undefined;
  }
});

test('reannotate with ifChanged and an asynchronous engine: the layer shown stays, not pending, until a different one arrives', async () => {
  const fake = makeFake();
  const later = (text, opts) => Promise.resolve(fake.annotate(text, opts));
  const session = new Session({ annotate: later, now: () => '2024-01-01T00:00:00.000Z' });
  session.load({ id: 'd1', title: '', text: T1 });
  await new Promise((r) => session.addEventListener('change', r, { once: true }));
  const reasons = [];
  session.addEventListener('change', (e) => reasons.push(e.detail.reason));
  const shown = session.result;
  session.reannotate({ ifChanged: true });
  assert.equal(session.pending, false, 'nothing to wait for on screen');
  assert.equal(session.result, shown);
  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(reasons, [], 'the same layer: no event');
  // Now the engine reads a value more (a pack came): the new layer replaces the old one.
  NAMES.find((n) => n[0] === 'Dupont')[2] = { canonical: 'Jean Dupont' };
  try {
    session.reannotate({ ifChanged: true });
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(reasons, ['annotated']);
    assert.equal(session.spans.find((s) => s.text === 'Dupont').value.canonical, 'Jean Dupont');
  } finally {
    NAMES.find((n) => n[0] === 'Dupont')[2] = undefined;
  }
});
