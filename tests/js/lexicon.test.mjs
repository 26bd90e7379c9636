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
  assert.deepEqual(u.entries()[0], { index: 0, type: 'add', text: 'EIIL', kind: 'actor', value: { canonical: 'Islamic State' } });
  const moved = l.update(1, { type: 'reject', text: 'Alep' });
  assert.deepEqual(moved.entries().map((e) => `${e.type}:${e.text}`), ['add:EI', 'reject:Lundi', 'reject:Alep']);
  assert.throws(() => l.remove(3), /no entry 3 \(there are 3\)/);
  assert.throws(() => l.update(0, { text: 'EI', kind: 'person' }), /entry 0 \("EI"\): "kind" must be one of actor, place, date, got "person"/);
  assert.throws(() => l.update(0, { text: '  ', kind: 'actor' }), /"text" must be a non-empty string/);
  assert.equal(l.size, 3, 'failed updates change nothing');
});

test('toJSON is FORMAT.md (with from) and fromJSON reads it back', () => {
  const l = new Lexicon().learnAdd('OSDH', 'actor', { canonical: 'OSDH', type: 'organisation' }, 'd1').learnReject('Phase finale', 'place', 'd1').learnReject('Un', undefined);
  const json = JSON.stringify(l);
  assert.deepEqual(JSON.parse(json), {
    version: 1,
    add: [{ text: 'OSDH', kind: 'actor', value: { canonical: 'OSDH', type: 'organisation' }, from: 'd1' }],
    reject: [{ text: 'Phase finale', kind: 'place', from: 'd1' }, { text: 'Un' }],
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
