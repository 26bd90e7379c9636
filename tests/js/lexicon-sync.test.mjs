// Two tabs' lexicons merged entry by entry (issue 11, part 2): mergeLexicons (three-way, the later
// `learned` wins where both sides changed an entry), the sync a tab runs on each save and on word
// from another tab (core/lexicon-sync.js), and Session#rebaseLexicon (no undo step, and undo here
// never unlearns what another tab learned). The browser side is tests/browser/tabs.test.mjs.

import test from 'node:test';
import assert from 'node:assert/strict';
import { Lexicon, mergeLexicons, sameLexicon, entryKey } from '../../www/core/lexicon.js';
import { createLexiconSync } from '../../www/core/lexicon-sync.js';
import { Session } from '../../www/core/session.js';

const at = (n) => `2031-01-01T00:00:0${n}.000Z`;
const names = (l) => l.entries().map((e) => `${e.type}:${e.kind ?? '*'}:${e.text}`).sort();

test('what each side learned is kept; deletions stay deleted; both changed: the later wins', () => {
  const base = new Lexicon().learnAdd('Likoni', 'place', undefined, 'd0', { learned: at(0) });
  const a = base.learnAdd('Jean Dupont', 'actor', undefined, 'd1', { learned: at(1) });
  const b = base.learnAdd('Paul Martin', 'actor', undefined, 'd2', { learned: at(2) });
  assert.deepEqual(names(mergeLexicons(base, a, b)), ['add:actor:Jean Dupont', 'add:actor:Paul Martin', 'add:place:Likoni']);
  assert.deepEqual(names(mergeLexicons(base, b, a)), names(mergeLexicons(base, a, b)), 'the same whoever merges');
  // One side deleted Likoni, the other did not touch it: deleted.
  const deleted = a.remove(a.indexOf('add', 'Likoni', 'place', 'global'));
  assert.deepEqual(names(mergeLexicons(a, deleted, a.learnAdd('Paul Martin', 'actor', undefined, 'd2', { learned: at(3) }))), ['add:actor:Jean Dupont', 'add:actor:Paul Martin']);
  // Both changed Likoni: an actor here at 4, rejected there at 5: the later wins, and it replaces the add.
  const mine = base.learnAdd('Likoni', 'actor', undefined, 'd1', { learned: at(4) });
  const theirs = base.learnReject('Likoni', 'place', 'd2', { learned: at(5) });
  assert.deepEqual(names(mergeLexicons(base, mine, theirs)), ['add:actor:Likoni', 'reject:place:Likoni']);
  const later = base.learnAdd('Likoni', 'place', { country: 'KE' }, 'd1', { learned: at(6) });
  const earlier = base.learnAdd('Likoni', 'place', { country: 'TZ' }, 'd2', { learned: at(5) });
  assert.deepEqual(mergeLexicons(base, earlier, later).entries().find((e) => e.text === 'Likoni').value, { country: 'KE' });
  assert.deepEqual(mergeLexicons(base, later, earlier).entries().find((e) => e.text === 'Likoni').value, { country: 'KE' });
  // A change wins over the other side's deletion.
  const gone = base.clear();
  assert.deepEqual(mergeLexicons(base, later, gone).entries().find((e) => e.text === 'Likoni').value, { country: 'KE' });
  // Nothing changed on one side: the other is returned as it is.
  assert.equal(mergeLexicons(base, a, base), a);
  assert.equal(mergeLexicons(base, base, b), b);
  assert.ok(sameLexicon(a, Lexicon.fromJSON(a.toJSON())));
  assert.equal(entryKey({ text: ' Jean  DUPONT ', kind: 'actor' }), entryKey({ text: 'jean dupont', kind: 'actor', scope: 'global' }));
});

/** One localStorage shared by two "tabs", each with its session and sync. */
function twoTabs() {
  let stored = null;
  const storage = {
    loadLexicon: () => ({ data: stored ?? { version: 1, add: [], reject: [] }, warning: null }),
    saveLexicon: (d) => { stored = JSON.parse(JSON.stringify(d)); },
  };
  const tab = () => {
    const session = new Session({ annotate: () => ({ lang: 'fr', dct: null, dateline: null, spans: [] }) });
    session.load({ text: 'Jean Dupont et Paul Martin à Likoni.' });
    const t = { session, told: 0 };
    t.sync = createLexiconSync({ storage, session: () => session, initial: session.lexicon, tell: () => { t.told++; } });
    return t;
  };
  return { a: tab(), b: tab(), stored: () => stored };
}

test('two tabs saving in turn keep both names; the other tab gets them without an undo step', () => {
  const { a, b, stored } = twoTabs();
  a.session.add(0, 11, 'actor');
  a.sync.save();
  assert.equal(a.told, 1);
  b.session.add(15, 26, 'actor');
  b.sync.save();
  assert.deepEqual(names(Lexicon.fromJSON(stored())), ['add:actor:Jean Dupont', 'add:actor:Paul Martin']);
  // Tab A is told: it merges, and its undo still takes back only its own correction.
  const steps = a.session.canUndo;
  a.sync.pull();
  assert.deepEqual(names(a.session.lexicon), ['add:actor:Jean Dupont', 'add:actor:Paul Martin']);
  assert.equal(a.session.canUndo, steps);
  a.session.undo();
  assert.deepEqual(names(a.session.lexicon), ['add:actor:Paul Martin'], 'undo here unlearns Jean Dupont only');
  a.sync.save();
  assert.deepEqual(names(Lexicon.fromJSON(stored())), ['add:actor:Paul Martin']);
  // Nothing new: no write, no word to the others.
  const told = a.told;
  a.sync.save();
  assert.equal(a.told, told);
});
