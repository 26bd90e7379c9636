// Saved annotations put back on a text that changed since: relocate.js.
import test from 'node:test';
import assert from 'node:assert/strict';
import { relocateSpans, sameArticle } from '../../www/core/relocate.js';

const cps = (s) => Array.from(s).length;
/** A span over the first occurrence of `words` (code points). */
function span(text, words, kind, from = 0) {
  const u = text.indexOf(words, from);
  assert.ok(u >= 0, words);
  const start = cps(text.slice(0, u));
  return { start, end: start + cps(words), kind, text: words };
}

const OLD = 'PARIS, 3 mars 2025 (AFP) - Le ministre Jean Dupont 🇫🇷 a rencontré à Lyon le maire, Paul Martin. Jean Dupont a parlé.';

test('spans still on their words stay as they are', () => {
  const spans = [span(OLD, 'PARIS', 'place'), span(OLD, 'Jean Dupont', 'actor'), span(OLD, 'Lyon', 'place')];
  const { placed, lost } = relocateSpans(OLD, spans);
  assert.deepEqual(placed, spans);
  assert.deepEqual(lost, []);
});

test('with the spans alone: moved words are found nearest to where they were, gone ones are lost', () => {
  const spans = [span(OLD, 'Lyon', 'place'), span(OLD, 'Paul Martin', 'actor'), span(OLD, 'Jean Dupont', 'actor', 60)];
  const NEW = OLD.replace('Le ministre', 'Le ministre français de l\'Intérieur').replace('Paul Martin', 'Pierre Durand');
  const { placed, lost } = relocateSpans(NEW, spans);
  assert.deepEqual(placed.map((s) => s.text), ['Lyon', 'Jean Dupont']);
  for (const s of placed) assert.equal(Array.from(NEW).slice(s.start, s.end).join(''), s.text);
  // the second "Jean Dupont" (after the emoji) is the one kept, not the first
  assert.equal(placed[1].start, cps(NEW.slice(0, NEW.lastIndexOf('Jean Dupont'))));
  assert.deepEqual(lost.map((s) => s.text), ['Paul Martin']);
});

test('with the old text: context tells two occurrences apart, and offsets past an emoji are code points', () => {
  const second = span(OLD, 'Jean Dupont', 'actor', 60);
  const NEW = `Mis à jour. ${OLD.replace('Le ministre Jean Dupont', 'Le ministre Jean Dupont, 54 ans,')}`;
  const { placed, lost } = relocateSpans(NEW, [second], OLD);
  assert.deepEqual(lost, []);
  assert.equal(placed[0].start, cps(NEW.slice(0, NEW.lastIndexOf('Jean Dupont'))));
  assert.equal(placed[0].text, 'Jean Dupont');
});

test('bad spans and overlaps are lost, never thrown, never put on other words', () => {
  const ok = span(OLD, 'Lyon', 'place');
  const bad = [{ start: -1, end: 2, kind: 'actor' }, { start: 5, end: 5, kind: 'actor' }, null, { start: 'a' }, { start: 0, end: 99999, kind: 'place' }];
  const overlap = { ...span(OLD, 'à Lyon', 'place') };
  const { placed, lost } = relocateSpans(OLD, [ok, ...bad, overlap]);
  assert.deepEqual(placed.map((s) => s.text), ['à Lyon']);
  assert.equal(lost.length, bad.length + 1);
});

test('sameArticle: an edited article is the same one; another article is not', () => {
  assert.ok(sameArticle(OLD, OLD.replace('Lyon', 'Marseille')));
  assert.ok(sameArticle(OLD, `${OLD}\nUne ligne de plus.`));
  assert.ok(!sameArticle(OLD, 'BERLIN, 4 mars 2025 (AFP) - Le chancelier a reçu le président à Berlin.'));
  assert.ok(sameArticle('', ''));
  assert.ok(!sameArticle('', OLD));
});
