// The editor's lexicon: learning, editing, FORMAT.md JSON in and out, per-doc exclusion.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Lexicon, foldName } from '../../www/core/lexicon.js';

test('foldName ignores case, accents, typographic apostrophes and spacing', () => {
  assert.equal(foldName('  Deir  EZ-Zôr '), 'deir ez-zor');
  assert.equal(foldName('l\u2019OSDH'), "l'osdh");
  assert.equal(foldName('E\u0301lysée'), foldName('élysée'));
});

test('learning is immutable and one decision per name and kind', () => {
  const empty = new Lexicon();
  const a = empty.learnAdd('OSDH', 'actor', { canonical: 'Syrian Observatory for Human Rights', type: 'organisation' }, 'doc1');
  assert.equal(empty.size, 0, 'the old value is unchanged');
  assert.equal(a.size, 1);
  // same name (folded) and kind replaces; another kind is a separate entry
  const b = a.learnAdd('osdh', 'actor', undefined, 'doc2').learnAdd('OSDH', 'place');
  assert.deepEqual(b.entries().map((e) => [e.type, e.text, e.kind, e.from, e.value]), [
    ['add', 'osdh', 'actor', 'doc2', undefined],
    ['add', 'OSDH', 'place', undefined, undefined],
  ]);
  // learning the same thing again changes nothing and keeps the instance
  assert.equal(b.learnAdd('OSDH', 'place'), b);
});

test('a reject removes the adds it contradicts, and an add removes the rejects', () => {
  let l = new Lexicon().learnAdd('Phase finale', 'place', undefined, 'd').learnAdd('Phase finale', 'actor', undefined, 'd');
  l = l.learnReject('phase  FINALE', 'place', 'd');
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.kind}`), ['add:actor', 'reject:place']);
  l = l.learnReject('Phase finale', undefined, 'd');
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.kind}`), ['reject:place', 'reject:undefined'], 'a reject without kind removes every add');
  l = l.learnAdd('Phase Finale', 'place');
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.kind}`), ['add:place'], 'the add removes the place reject and the all-kinds reject');
  assert.ok(l.findAdd('phase finale', 'place'));
  assert.equal(l.findReject('phase finale', 'place'), undefined);
});

test('unlearnAdd forgets only what this doc taught', () => {
  const l = new Lexicon().learnAdd('Daech', 'actor', undefined, 'a').learnAdd('Tripoli', 'place', undefined, 'b');
  assert.equal(l.unlearnAdd('daech', 'actor', 'b'), l);
  assert.deepEqual(l.unlearnAdd('daech', 'actor', 'a').entries().map((e) => e.text), ['Tripoli']);
});

test('remove and update by the index of entries()', () => {
  const l = new Lexicon().learnAdd('EI', 'actor').learnAdd('Alep', 'place').learnReject('Lundi', 'date');
  assert.deepEqual(l.remove(1).entries().map((e) => e.text), ['EI', 'Lundi']);
  assert.deepEqual(l.remove(2).entries().map((e) => e.type), ['add', 'add']);
  const u = l.update(0, { text: 'EIIL', kind: 'actor', value: { canonical: 'Islamic State' } });
  assert.deepEqual(u.entries()[0], { index: 0, type: 'add', text: 'EIIL', kind: 'actor', value: { canonical: 'Islamic State' }, scope: 'global' });
  const moved = l.update(1, { type: 'reject', text: 'Alep' });
  assert.deepEqual(moved.entries().map((e) => `${e.type}:${e.text}`), ['add:EI', 'reject:Lundi', 'reject:Alep']);
  assert.throws(() => l.remove(3), /no entry 3 \(there are 3\)/);
  assert.throws(() => l.update(0, { text: 'EI', kind: 'person' }), /entry 0 \("EI"\): "kind" must be one of actor, place, date, got "person"/);
  assert.throws(() => l.update(0, { text: '  ', kind: 'actor' }), /"text" must be a non-empty string/);
  assert.equal(l.size, 3, 'failed updates change nothing');
});

test('toJSON is FORMAT.md (with from, scope and learned) and fromJSON reads it back', () => {
  const l = new Lexicon().learnAdd('OSDH', 'actor', { canonical: 'OSDH', type: 'organisation' }, 'd1', { learned: '2024-05-01T10:00:00.000Z' })
    .learnReject('Phase finale', 'place', 'd1').learnReject('Un', undefined);
  const json = JSON.stringify(l);
  assert.deepEqual(JSON.parse(json), {
    version: 1,
    add: [{ text: 'OSDH', kind: 'actor', value: { canonical: 'OSDH', type: 'organisation' }, from: 'd1', scope: 'global', learned: '2024-05-01T10:00:00.000Z' }],
    reject: [{ text: 'Phase finale', kind: 'place', from: 'd1', scope: 'global' }, { text: 'Un', scope: 'global' }],
  });
  assert.deepEqual(Lexicon.fromJSON(json).toJSON(), l.toJSON());
  assert.deepEqual(Lexicon.fromJSON('\uFEFF{"version":1,"add":[{"text":"X","kind":"place"}]}').entries().length, 1);
});

test('fromJSON refuses bad input with a message naming the entry', () => {
  assert.throws(() => Lexicon.fromJSON('{"version":1,'), /lexicon: not valid JSON/);
  assert.throws(() => Lexicon.fromJSON(''), /empty/);
  assert.throws(() => Lexicon.fromJSON('[]'), /expected an object/);
  assert.throws(() => Lexicon.fromJSON({ version: 2, add: [] }), /"version" must be 1, got 2/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, add: {} }), /"add" must be a list/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, add: [{ text: 'A', kind: 'place' }, { text: 'Alep', kind: 'city' }] }),
    /lexicon add\[1\] \("Alep"\): "kind" must be one of actor, place, date, got "city"/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, reject: [{ kind: 'place' }] }), /lexicon reject\[0\]: "text" must be a non-empty string/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, add: [{ text: 'A', kind: 'place', from: 3 }] }), /"from" must be a string/);
  assert.equal(Lexicon.fromJSON({ version: 1, reject: [{ text: 'A', kind: null }] }).entries()[0].kind, undefined);
});

test('forAnnotation leaves out what was learned from one doc', () => {
  const l = new Lexicon().learnAdd('Daech', 'actor', undefined, 'a').learnAdd('Tripoli', 'place', undefined, 'b').learnReject('Lundi', 'date');
  assert.deepEqual(l.forAnnotation('a'), { version: 1, add: [{ text: 'Tripoli', kind: 'place' }], reject: [{ text: 'Lundi', kind: 'date' }] });
  assert.equal(l.forAnnotation().add.length, 2);
  assert.equal(l.annotationKey('a'), JSON.stringify(l.forAnnotation('a')));
  // learning in doc a does not change what doc a is annotated with
  assert.equal(l.learnAdd('EI', 'actor', undefined, 'a').annotationKey('a'), l.annotationKey('a'));
  assert.notEqual(l.learnAdd('EI', 'actor', undefined, 'b').annotationKey('a'), l.annotationKey('a'));
});

test('merge: imported entries win where they disagree; clear empties', () => {
  const mine = new Lexicon().learnAdd('Alep', 'place').learnAdd('EI', 'actor');
  const theirs = Lexicon.fromJSON({ version: 1, add: [{ text: 'Homs', kind: 'place' }], reject: [{ text: 'alep', kind: 'place' }] });
  const m = mine.merge(theirs);
  assert.deepEqual(m.entries().map((e) => `${e.type}:${e.text}`), ['add:EI', 'add:Homs', 'reject:alep']);
  assert.throws(() => mine.merge({ version: 1 }), /expected a Lexicon/);
  assert.equal(m.clear().size, 0);
  assert.equal(new Lexicon().clear().size, 0);
});

// ---------------------------------------------------------------- scopes (issue 10, part 3)

test('a lexicon stored before scopes loads with every entry global, and is given to the core as it was', () => {
  const old = { version: 1, add: [{ text: 'OSDH', kind: 'actor', from: 'd1' }], reject: [{ text: 'Phase finale', kind: 'place', from: 'd1' }, { text: 'Un' }] };
  const l = Lexicon.fromJSON(JSON.stringify(old));
  assert.deepEqual(l.entries().map((e) => e.scope), ['global', 'global', 'global']);
  assert.deepEqual(l.forAnnotation('d2'), { version: 1, add: [{ text: 'OSDH', kind: 'actor' }], reject: [{ text: 'Phase finale', kind: 'place' }, { text: 'Un' }] });
});

test('entries kept to one dispatch: in "local" (the command line reads add and reject only), given to no other dispatch', () => {
  const l = new Lexicon()
    .learnAdd('Damas', 'place', { country: 'SY' }, 'A', { scope: 'A', learned: '2024-03-01T09:00:00.000Z' })
    .learnReject('Kakuma', 'place', 'A', { scope: 'A' })
    .learnAdd('OSDH', 'actor', undefined, 'A');
  const json = l.toJSON();
  assert.deepEqual(json.add, [{ text: 'OSDH', kind: 'actor', from: 'A', scope: 'global' }]);
  assert.deepEqual(json.reject, []);
  assert.deepEqual(json.local, [
    { type: 'add', text: 'Damas', kind: 'place', value: { country: 'SY' }, from: 'A', scope: 'A', learned: '2024-03-01T09:00:00.000Z' },
    { type: 'reject', text: 'Kakuma', kind: 'place', from: 'A', scope: 'A' },
  ]);
  assert.deepEqual(Lexicon.fromJSON(JSON.stringify(json)).toJSON(), json, 'round trip');
  assert.deepEqual(l.forAnnotation('B'), { version: 1, add: [{ text: 'OSDH', kind: 'actor' }], reject: [] });
  assert.deepEqual(l.forAnnotation('A'), { version: 1, add: [], reject: [] }, 'what A taught is in its corrections already');
  assert.deepEqual(l.forAnnotation(), { version: 1, add: [{ text: 'OSDH', kind: 'actor' }], reject: [] });
  assert.throws(() => Lexicon.fromJSON({ version: 1, local: [{ text: 'X', kind: 'place', scope: 'A' }] }), /local\[0\] \("X"\): "type" must be "add" or "reject"/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, local: [{ type: 'add', text: 'X', kind: 'place' }] }), /"scope" must be the id of the dispatch/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, local: {} }), /"local" must be a list/);
  assert.throws(() => Lexicon.fromJSON({ version: 1, add: [{ text: 'X', kind: 'place', scope: 3 }] }), /"scope" must be "global" or a document id/);
});

test('one decision per name, kind and scope: a local record never touches a global entry; a global one replaces its own record', () => {
  let l = new Lexicon().learnAdd('Kakuma', 'place', undefined, 'A');
  l = l.learnReject('Kakuma', 'place', 'B', { scope: 'B' });
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.scope}`), ['add:global', 'reject:B'], 'deleting one mention in B keeps the global add');
  l = l.learnReject('Kakuma', 'place', 'B');
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.scope}`), ['reject:global'], 'removing every occurrence: the global reject replaces both');
  l = l.learnAdd('Kakuma', 'place', undefined, 'C', { scope: 'C' });
  assert.deepEqual(l.entries().map((e) => `${e.type}:${e.scope}`), ['add:C', 'reject:global']);
  // the same decision learned again (only the time differs) changes nothing
  const t = l.learnReject('kakuma', 'place', 'B', { learned: '2030-01-01T00:00:00.000Z' });
  assert.notEqual(t, l, 'from another doc');
  const same = l.learnAdd('Kakuma', 'place', undefined, 'C', { scope: 'C', learned: '2030-01-01T00:00:00.000Z' });
  assert.equal(same, l);
});

test('setScope, indexOf and changedFrom (what a notice says was learned)', () => {
  const a = new Lexicon().learnAdd('EI', 'actor', { canonical: 'Islamic State' }, 'A', { scope: 'A', learned: 't1' });
  const i = a.indexOf('add', 'ei', 'actor', 'A');
  assert.equal(i, 0);
  assert.equal(a.indexOf('add', 'EI', 'actor', 'global'), -1);
  const g = a.setScope(i, 'global');
  assert.deepEqual(g.entries(), [{ index: 0, type: 'add', text: 'EI', kind: 'actor', value: { canonical: 'Islamic State' }, from: 'A', scope: 'global', learned: 't1' }]);
  assert.equal(g.setScope(0, 'global'), g);
  assert.deepEqual(g.changedFrom(a).map((e) => e.scope), ['global']);
  assert.deepEqual(g.changedFrom(g), []);
  const b = g.learnReject('Lundi', 'date', 'A', { scope: 'A' });
  assert.deepEqual(b.changedFrom(g).map((e) => [e.index, e.type, e.text]), [[1, 'reject', 'Lundi']]);
  assert.throws(() => g.setScope(4, 'global'), /no entry 4/);
});

test('countUses: spans an add made, mentions a reject kept unmarked, in one dispatch', async () => {
  const { countUses } = await import('../../www/core/lexicon.js');
  const text = 'Le camp de Kakuma 😀 : KAKUMA, Kakuma. OSDH et l\u2019OSDH.';
  const cpAt = (needle, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;
  const span = (needle, kind, from = 0) => ({ start: cpAt(needle, from), end: cpAt(needle, from) + needle.length, kind, text: needle });
  const k2 = text.indexOf('Kakuma', text.indexOf('KAKUMA'));
  const spans = [span('Kakuma', 'place'), span('OSDH', 'actor'), span('OSDH', 'actor', text.indexOf('l\u2019'))];
  const l = new Lexicon().learnAdd('osdh', 'actor').learnAdd('Kakuma', 'actor').learnReject('Kakuma', 'place', 'A', { scope: 'A' }).learnReject('camp');
  assert.ok(k2 > 0);
  assert.deepEqual(countUses(l, text, spans), [2, 0, 2, 1]);
});
