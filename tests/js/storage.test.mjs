// Tests for www/core/storage.js: the history in IndexedDB (with the fake-indexeddb package when it
// is installed; those tests skip with a message otherwise), the lexicon and preferences in
// localStorage (an in-memory fake below) including corrupt data and a full quota, and the
// autosaver's debounce, flush on hide, status reports and error handling.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createStorage, autosaver, StorageError, ConflictError, LEXICON_KEY, PREFS_KEY, packSpans, packSpansInSlices, unpackSpans } from '../../www/core/storage.js';

/** An in-memory localStorage; `quota` (characters) makes setItem throw QuotaExceededError. */
class MemoryStorage {
  constructor(quota = Infinity) {
    this.map = new Map();
    this.quota = quota;
  }
  get length() {
    return this.map.size;
  }
  key(i) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + String(v).length > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

let fake = null;
try {
  fake = await import('fake-indexeddb');
} catch {
  fake = null;
}
const SKIP_IDB = fake ? false : 'fake-indexeddb is not installed (npm install): IndexedDB tests skipped';

function doc(id, text = `Texte de ${id} 😀`, extra = {}) {
  return { id, title: `Titre ${id}`, text, lang: 'auto', dct: null, corrections: [], orphans: [], created: '2031-01-01T00:00:00.000Z', updated: '2031-01-01T00:00:00.000Z', ...extra };
}
const SPANS = [{ start: 0, end: 5, kind: 'actor', text: 'Texte', value: { canonical: 'X' }, source: 'user' }];

// ---------------------------------------------------------------- IndexedDB

test('saveDoc / loadDoc / listDocs / deleteDoc / lastDocId', { skip: SKIP_IDB }, async () => {
  let t = 1_900_000_000_000;
  const store = createStorage({ indexedDB: new fake.IDBFactory(), localStorage: new MemoryStorage(), now: () => (t += 1000) });
  assert.equal(await store.lastDocId(), null);
  assert.deepEqual(await store.listDocs(), []);
  assert.equal(await store.loadDoc('nope'), null);
  const s1 = await store.saveDoc(doc('a'), SPANS);
  assert.deepEqual({ ...s1, updated: 'x' }, { id: 'a', title: 'Titre a', updated: 'x', size: 12, spanCount: 1, rev: 1 });
  await store.saveDoc(doc('b'), []);
  await store.saveDoc(doc('c'), []);
  // Listing reads index keys only: it works with reading records (value cursors, get) disabled.
  const { openCursor } = fake.IDBIndex.prototype;
  const { get } = fake.IDBObjectStore.prototype;
  fake.IDBIndex.prototype.openCursor = fake.IDBObjectStore.prototype.get = () => assert.fail('listDocs read a record');
  try {
    assert.deepEqual((await store.listDocs()).map((d) => d.id), ['c', 'b', 'a']);
  } finally {
    fake.IDBIndex.prototype.openCursor = openCursor;
    fake.IDBObjectStore.prototype.get = get;
  }
  assert.equal(await store.lastDocId(), 'c');
  // Saving again moves a dispatch to the top.
  await store.saveDoc(doc('a', 'nouveau'), []);
  const list = await store.listDocs();
  assert.deepEqual(list.map((d) => d.id), ['a', 'c', 'b']);
  assert.equal(list[0].size, 7);
  assert.ok(list[0].updated > list[1].updated);
  const loaded = await store.loadDoc('a');
  assert.equal(loaded.doc.text, 'nouveau');
  assert.deepEqual(loaded.spans, []);
  await store.deleteDoc('a');
  assert.equal(await store.loadDoc('a'), null);
  assert.equal(await store.lastDocId(), 'c');
  await store.clearDocs();
  assert.deepEqual(await store.listDocs(), []);
  await store.close();
});

test('a dispatch comes back exactly after a "reload" (a new storage on the same database)', { skip: SKIP_IDB }, async () => {
  const factory = new fake.IDBFactory();
  const line = 'Les forces de Valmore 🚀 <script>x</script>\n';
  const big = line.repeat(120_000); // ~5 MB
  const lineCp = Array.from(line).length;
  const d = doc('big', big, { corrections: [{ op: 'reject', start: 0, end: 3, kind: 'actor', exact: 'Les', prefix: '', suffix: ' forces' }] });
  const spans = [
    { start: 0, end: 10, kind: 'actor', text: 'Les forces', value: { canonical: 'X' }, source: 'user' },
    // After 119,999 lines with one emoji each: code points, not UTF-16 units.
    { start: 119_999 * lineCp + 14, end: 119_999 * lineCp + 21, kind: 'place', text: 'Valmore', source: 'rule' },
  ];
  assert.equal(Array.from(big).slice(spans[1].start, spans[1].end).join(''), 'Valmore');
  const first = createStorage({ indexedDB: factory, localStorage: null });
  await first.saveDoc(d, spans);
  await first.close();
  const second = createStorage({ indexedDB: factory, localStorage: null });
  assert.equal(await second.lastDocId(), 'big');
  const back = await second.loadDoc('big');
  assert.deepEqual(back.doc, d);
  assert.deepEqual(back.spans, spans);
  await second.close();
});

test('the history keeps the newest 50; stamps increase even with a frozen or backward clock', { skip: SKIP_IDB }, async () => {
  const factory = new fake.IDBFactory();
  const store = createStorage({ indexedDB: factory, localStorage: null, now: () => 1_900_000_000_000 });
  for (let i = 0; i < 55; i++) await store.saveDoc(doc(`d${i}`), []);
  const list = await store.listDocs();
  assert.equal(list.length, 50);
  assert.equal(list[0].id, 'd54');
  assert.equal(list[49].id, 'd5');
  assert.equal(await store.loadDoc('d4'), null);
  await store.close();
  // A later session whose clock is a year behind still files its save as the newest.
  const behind = createStorage({ indexedDB: factory, localStorage: null, now: () => 1_860_000_000_000 });
  await behind.saveDoc(doc('late'), []);
  assert.equal(await behind.lastDocId(), 'late');
  assert.equal((await behind.listDocs()).length, 50);
  await behind.close();
  // A small limit.
  const small = createStorage({ indexedDB: new fake.IDBFactory(), localStorage: null, historyLimit: 2 });
  for (const id of ['x', 'y', 'z']) await small.saveDoc(doc(id), []);
  assert.deepEqual((await small.listDocs()).map((r) => r.id), ['z', 'y']);
  await small.close();
});

test('two tabs on one dispatch: a save made on a stale revision is refused, nothing overwritten (issue 11, part 2)', { skip: SKIP_IDB }, async () => {
  const factory = new fake.IDBFactory();
  const a = createStorage({ indexedDB: factory, localStorage: null });
  const b = createStorage({ indexedDB: factory, localStorage: null });
  const first = await a.saveDoc(doc('d', 'Jean Dupont à Paris'), [], { rev: 0 });
  assert.equal(first.rev, 1);
  const seen = await b.loadDoc('d');
  assert.equal(seen.rev, 1);
  // Tab A saves again (a highlight deleted); tab B, still on revision 1, tries to save.
  assert.equal((await a.saveDoc(doc('d', 'Jean Dupont à Paris.'), [], { rev: 1 })).rev, 2);
  await assert.rejects(b.saveDoc(doc('d', 'stale'), [], { rev: seen.rev }),
    (e) => e instanceof ConflictError && e instanceof StorageError && e.conflict === true && e.stored === 2 && e.expected === 1 && /another tab saved it/.test(e.message));
  assert.equal((await b.loadDoc('d')).doc.text, 'Jean Dupont à Paris.', 'the refused save wrote nothing');
  // A new dispatch (revision 0) on an id another tab stored is refused too; without `rev`, no check.
  await assert.rejects(b.saveDoc(doc('d', 'new'), [], { rev: 0 }), ConflictError);
  assert.equal((await b.saveDoc(doc('d', 'forced'), [])).rev, 3);
  // Other records around it do not confuse the revision lookup.
  for (const id of ['a', 'c', 'e', 'd2']) await a.saveDoc(doc(id), [], { rev: 0 });
  assert.equal((await a.saveDoc(doc('d', 'again'), [], { rev: 3 })).rev, 4);
  assert.equal((await a.saveDoc(doc('d2', 'again'), [], { rev: 1 })).rev, 2);
  await a.close();
  await b.close();
});

test('a database of version 1 (no revisions) opens, its records load as revision 0 and save on', { skip: SKIP_IDB }, async () => {
  const factory = new fake.IDBFactory();
  await new Promise((resolve, reject) => {
    const req = factory.open('depeche', 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('docs', { keyPath: 'id' });
      store.createIndex('updated', 'updated');
      store.createIndex('summary', ['updated', 'title', 'size', 'spanCount']);
      store.put({ id: 'old', title: 'Old', updated: '2030-01-01T00:00:00.000Z', size: 3, spanCount: 0, doc: doc('old', 'abc'), spans: [] });
    };
    req.onsuccess = () => { req.result.close(); resolve(); };
    req.onerror = () => reject(req.error);
  });
  const store = createStorage({ indexedDB: factory, localStorage: null });
  const r = await store.loadDoc('old');
  assert.equal(r.rev, 0);
  assert.equal(r.doc.text, 'abc');
  assert.equal((await store.saveDoc(r.doc, [], { rev: r.rev })).rev, 1);
  await assert.rejects(store.saveDoc(r.doc, [], { rev: 0 }), ConflictError);
  await store.close();
});

test('storage failures reject with a clear message', { skip: SKIP_IDB }, async () => {
  const store = createStorage({ indexedDB: new fake.IDBFactory(), localStorage: null });
  await assert.rejects(store.saveDoc({ title: 'x' }, []), /Could not save the dispatch "x": it has no id or no text/);
  await assert.rejects(store.saveDoc(doc('a'), null), /its spans are not a list/);
  // A value IndexedDB cannot clone.
  await assert.rejects(store.saveDoc(doc('f', 'txt', { extra: () => 1 }), []), /Could not save the dispatch "Titre f": the dispatch holds a value that cannot be stored/);
  // A full disk: the put throws QuotaExceededError.
  const proto = fake.IDBObjectStore.prototype;
  const put = proto.put;
  proto.put = function () {
    throw new DOMException('quota', 'QuotaExceededError');
  };
  try {
    await assert.rejects(store.saveDoc(doc('q'), []), /Could not save the dispatch "Titre q": the browser's storage for this page is full\. Export your work/);
  } finally {
    proto.put = put;
  }
  // Nothing half-written: the failed saves left no record.
  assert.deepEqual((await store.listDocs()).map((r) => r.id), []);
  await store.saveDoc(doc('ok'), []);
  assert.equal(await store.lastDocId(), 'ok');
  await store.close();
});

test('no IndexedDB, or one that refuses to open: rejected promises that say so', async () => {
  const none = createStorage({ indexedDB: null, localStorage: null });
  await assert.rejects(none.saveDoc(doc('a'), []), (e) => e instanceof StorageError && /no IndexedDB here/.test(e.message) && /export them/.test(e.message));
  await assert.rejects(none.listDocs(), StorageError);

  // Opening refused (as in some private modes).
  const refusing = {
    open() {
      const req = {};
      setTimeout(() => {
        req.error = new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        req.onerror();
      });
      return req;
    },
  };
  const r = createStorage({ indexedDB: /** @type {any} */ (refusing), localStorage: null });
  await assert.rejects(r.lastDocId(), (e) => e instanceof StorageError && /^Could not open the saved dispatches: InvalidStateError: A mutation operation/.test(e.message));
});

// ---------------------------------------------------------------- localStorage

test('lexicon and preferences: save, load, nothing stored yet', () => {
  const ls = new MemoryStorage();
  const store = createStorage({ indexedDB: null, localStorage: ls });
  assert.deepEqual(store.loadLexicon(), { data: { version: 1, add: [], reject: [] }, warning: null });
  const lex = { version: 1, add: [{ text: 'OSV', kind: 'actor', value: { canonical: 'Observatoire' }, from: 'd1' }], reject: [{ text: 'Phase finale', kind: 'place' }, { text: 'Midi' }] };
  store.saveLexicon(lex);
  assert.equal(ls.getItem(LEXICON_KEY), JSON.stringify(lex));
  assert.deepEqual(store.loadLexicon(), { data: lex, warning: null });
  assert.deepEqual(store.loadPrefs(), { data: {}, warning: null });
  store.savePrefs({ theme: 'dark', autosave: true });
  assert.deepEqual(store.loadPrefs(), { data: { theme: 'dark', autosave: true }, warning: null });
  assert.equal(ls.getItem(PREFS_KEY), '{"theme":"dark","autosave":true}');
});

test('a corrupt lexicon is set aside under a backup key, an empty one returned with a warning', () => {
  const ls = new MemoryStorage();
  ls.setItem(LEXICON_KEY, '{"version": 1, "add": [');
  const store = createStorage({ indexedDB: null, localStorage: ls, now: () => Date.UTC(2031, 2, 12) });
  const { data, warning } = store.loadLexicon();
  assert.deepEqual(data, { version: 1, add: [], reject: [] });
  assert.match(warning, /The saved lexicon could not be read \(broken JSON\); it was set aside under "depeche\.lexicon\.v1\.backup-2031-03-12T00:00:00\.000Z"/);
  assert.equal(ls.getItem('depeche.lexicon.v1.backup-2031-03-12T00:00:00.000Z'), '{"version": 1, "add": [');
  // Saving the new lexicon does not touch the backup.
  store.saveLexicon({ version: 1, add: [], reject: [] });
  assert.equal(ls.getItem('depeche.lexicon.v1.backup-2031-03-12T00:00:00.000Z'), '{"version": 1, "add": [');

  // The wrong shape, and bad entries among good ones.
  const ls2 = new MemoryStorage();
  ls2.setItem(LEXICON_KEY, '{"version": 2, "names": []}');
  const s2 = createStorage({ indexedDB: null, localStorage: ls2, now: () => 0 });
  assert.match(s2.loadLexicon().warning, /not a version 1 lexicon; it was set aside under "depeche\.lexicon\.v1\.backup-1970/);
  ls2.setItem(LEXICON_KEY, JSON.stringify({ version: 1, add: [{ text: 'A', kind: 'actor' }, { text: 'B', kind: 'person' }, 'C'], reject: [{ kind: 'place' }] }));
  const partial = s2.loadLexicon();
  assert.deepEqual(partial.data.add, [{ text: 'A', kind: 'actor' }]);
  assert.deepEqual(partial.data.reject, []);
  assert.match(partial.warning, /^3 entries of the saved lexicon could not be read and were left out/);
  // Corrupt preferences too.
  ls2.setItem(PREFS_KEY, '[1, 2]');
  assert.match(s2.loadPrefs().warning, /preferences are not an object; they were set aside/);
  ls2.setItem(PREFS_KEY, 'nope');
  assert.deepEqual(s2.loadPrefs().data, {});
});

test('no localStorage, a throwing one, a full one: warnings on load, StorageError on save', () => {
  const none = createStorage({ indexedDB: null, localStorage: null });
  assert.match(none.loadLexicon().warning, /localStorage is unavailable/);
  assert.deepEqual(none.loadLexicon().data, { version: 1, add: [], reject: [] });
  assert.throws(() => none.saveLexicon({ version: 1, add: [], reject: [] }), (e) => e instanceof StorageError && /Could not save the lexicon: .*Export it/.test(e.message));

  const throwing = { getItem() { throw new DOMException('denied', 'SecurityError'); }, setItem() { throw new DOMException('denied', 'SecurityError'); } };
  const t = createStorage({ indexedDB: null, localStorage: /** @type {any} */ (throwing) });
  assert.match(t.loadPrefs().warning, /Could not read the saved preferences \(denied\)/);
  assert.throws(() => t.savePrefs({}), /Could not save the preferences: SecurityError: denied/);

  const full = new MemoryStorage(100);
  const f = createStorage({ indexedDB: null, localStorage: full });
  const big = { version: 1, add: [{ text: 'x'.repeat(200), kind: 'actor' }], reject: [] };
  assert.throws(() => f.saveLexicon(big), /Could not save the lexicon: the browser's storage for this page is full/);
  assert.equal(full.getItem(LEXICON_KEY), null);
  // A corrupt value that cannot be backed up: the warning says it stays where it is.
  const tight = new MemoryStorage(60);
  tight.setItem(LEXICON_KEY, '{broken' + 'x'.repeat(30));
  const w = createStorage({ indexedDB: null, localStorage: tight }).loadLexicon().warning;
  assert.match(w, /could not be copied to .* it stays under "depeche\.lexicon\.v1" until the next save replaces it/);
});

// ---------------------------------------------------------------- autosaver

/** Manual timers: run() fires the pending ones. */
function manualTimers() {
  let next = 1;
  const pending = new Map();
  return {
    setTimer: (fn, ms) => {
      const id = next++;
      pending.set(id, { fn, ms });
      return id;
    },
    clearTimer: (id) => pending.delete(id),
    get count() {
      return pending.size;
    },
    run() {
      const all = [...pending.values()];
      pending.clear();
      for (const t of all) t.fn();
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test('autosaver: debounces to one save of the last payload, reports pending/saving/saved', async () => {
  const timers = manualTimers();
  const saved = [];
  const states = [];
  const a = autosaver(async (p) => saved.push(p), 500, { ...timers, onStatus: (s) => states.push(s.state) });
  assert.equal(a.status.state, 'idle');
  a.schedule('v1');
  a.schedule('v2');
  a.schedule('v3');
  assert.equal(timers.count, 1, 'one timer at a time');
  assert.deepEqual(saved, []);
  assert.equal(a.dirty, true);
  timers.run();
  await tick();
  assert.deepEqual(saved, ['v3']);
  assert.equal(a.status.state, 'saved');
  assert.equal(a.dirty, false);
  assert.deepEqual(states, ['pending', 'pending', 'pending', 'saving', 'saved']);
  // flush with nothing pending does not save again.
  await a.flush();
  assert.deepEqual(saved, ['v3']);
});

test('autosaver: pagehide and visibilitychange to hidden flush at once; visible does not', async () => {
  const timers = manualTimers();
  const saved = [];
  const win = new EventTarget();
  win.document = { visibilityState: 'visible' };
  const a = autosaver((p) => saved.push(p), 10_000, { ...timers, target: win });
  a.schedule('typed');
  win.dispatchEvent(new Event('visibilitychange'));
  await tick();
  assert.deepEqual(saved, [], 'still visible: wait for the debounce');
  win.document.visibilityState = 'hidden';
  win.dispatchEvent(new Event('visibilitychange'));
  await tick();
  assert.deepEqual(saved, ['typed']);
  assert.equal(timers.count, 0, 'the debounce timer was cancelled');
  a.schedule('more');
  win.dispatchEvent(new Event('pagehide'));
  await tick();
  assert.deepEqual(saved, ['typed', 'more']);
  // After dispose, events do nothing.
  a.schedule('after');
  a.dispose();
  win.dispatchEvent(new Event('pagehide'));
  await tick();
  assert.deepEqual(saved, ['typed', 'more']);
  assert.equal(timers.count, 0);
});

test('autosaver: an error is reported with its message and the change is retried', async () => {
  const timers = manualTimers();
  let fail = true;
  const saved = [];
  const statuses = [];
  const a = autosaver(
    async (p) => {
      if (fail) throw new StorageError('Could not save the dispatch "x": the browser\'s storage for this page is full.');
      saved.push(p);
    },
    100,
    { ...timers, onStatus: (s) => statuses.push(s) },
  );
  a.schedule('work');
  const st = await a.flush();
  assert.equal(st.state, 'error');
  assert.match(st.message, /storage for this page is full/);
  assert.equal(a.dirty, true, 'the change is still unsaved');
  fail = false;
  await a.flush();
  assert.deepEqual(saved, ['work']);
  assert.equal(a.status.state, 'saved');
  assert.equal(a.status.message, null);
  // A throwing status callback does not break saving.
  const b = autosaver(async (p) => saved.push(p), 1, { ...timers, onStatus: () => { throw new Error('ui'); } });
  b.schedule('still');
  await b.flush();
  assert.deepEqual(saved, ['work', 'still']);
});

test('autosaver: saves never overlap; a change during a save is saved after it', async () => {
  const timers = manualTimers();
  let active = 0;
  let maxActive = 0;
  const saved = [];
  let release;
  const a = autosaver(
    async (p) => {
      active++;
      maxActive = Math.max(maxActive, active);
      if (p === 'first') await new Promise((r) => (release = r));
      saved.push(p);
      active--;
    },
    100,
    timers,
  );
  a.schedule('first');
  const f1 = a.flush();
  await tick();
  assert.equal(a.status.state, 'saving');
  a.schedule('second');
  assert.equal(a.status.state, 'saving', 'still saving the first');
  const f2 = a.flush();
  await tick();
  release();
  await Promise.all([f1, f2]);
  assert.deepEqual(saved, ['first', 'second']);
  assert.equal(maxActive, 1);
  assert.equal(a.status.state, 'saved');
});

test('spans are stored packed and come back exactly, texts cut from the document', () => {
  const text = '🚨 Les forces irakiennes à Mossoul, puis à Mossoul, lundi. Rien à Tikrit.';
  const cps = Array.from(text);
  const at = (needle, from = 0) => cps.join('').indexOf(needle, from);
  const cpAt = (needle, from = 0) => Array.from(text.slice(0, text.indexOf(needle, from))).length;
  const mossoul = { country: 'IQ', lat: 36.335, lon: 43.119, ref: 'geonames:99072' };
  const mk = (needle, kind, value, source, from = 0) => {
    const start = cpAt(needle, from);
    const sp = { start, end: start + Array.from(needle).length, kind, text: needle };
    if (value !== undefined) sp.value = value;
    if (source !== undefined) sp.source = source;
    return sp;
  };
  const spans = [
    mk('forces irakiennes', 'actor', { canonical: 'Armed forces of Iraq', type: 'military' }, 'rule'),
    mk('Mossoul', 'place', mossoul, 'lexicon'),
    mk('Mossoul', 'place', { ...mossoul }, 'lexicon', at('Mossoul') + 10),
    mk('lundi', 'date', '2024-05-06', 'rule'),
    mk('Tikrit', 'place', undefined, 'an-importer'),
  ];
  const packed = packSpans(spans);
  assert.equal(packed.n, 5);
  assert.ok(packed.offsets instanceof Uint32Array);
  // Equal values are stored once.
  assert.equal(packed.values.length, 3);
  assert.deepEqual(unpackSpans(packed, text), spans);
  // structuredClone (what IndexedDB does) keeps it whole.
  assert.deepEqual(unpackSpans(structuredClone(packed), text), spans);
  // Records saved before packing: plain lists pass through.
  assert.equal(unpackSpans(spans, text), spans);
  assert.deepEqual(unpackSpans(packSpans([]), text), []);
});

test('a hundred thousand spans are packed in slices to the same record as in one go', async () => {
  // A text of numbered lines, each with an actor, a place (values shared across slices) and a
  // date; every 7th place comes from an importer (a source outside the usual ones).
  const lines = [];
  for (let i = 0; i < 40_000; i++) lines.push(`L${i} Mossoul Paris ${i % 28}`);
  const text = lines.join('\n');
  const spans = [];
  let at = 0;
  lines.forEach((l, i) => {
    const w = l.split(' ');
    let p = at;
    w.forEach((word, j) => {
      const sp = { start: p, end: p + word.length, kind: ['actor', 'place', 'place', 'date'][j], text: word };
      if (j === 1) sp.value = { country: 'IQ', ref: 'geonames:99072' };
      if (j === 2) { sp.value = { country: 'FR', ref: `geonames:${i % 3}` }; if (i % 7 === 0) sp.source = 'an-importer'; }
      if (j === 3) sp.value = `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`;
      if (j === 0) sp.source = 'rule';
      spans.push(sp);
      p += word.length + 1;
    });
    at += l.length + 1;
  });
  assert.equal(spans.length, 160_000);
  const sliced = await packSpansInSlices(spans);
  const whole = packSpans(spans);
  assert.deepEqual(sliced, whole);
  assert.deepEqual(unpackSpans(sliced, text), spans);
});

test('a huge dispatch is saved with its spans packed in slices; a later save of it wins', { skip: SKIP_IDB }, async () => {
  const store = createStorage({ indexedDB: new fake.IDBFactory(), localStorage: new MemoryStorage() });
  const text = 'Mossoul '.repeat(30_000);
  const spansOf = (kind) => Array.from({ length: 30_000 }, (_, i) => ({ start: 8 * i, end: 8 * i + 7, kind, text: 'Mossoul' }));
  const big = { ...doc('big'), text };
  // Two saves in a row, the second one "now" (the page is being hidden): the first one, still
  // packing its spans when the second starts, writes nothing.
  const first = store.saveDoc(big, spansOf('place'));
  const second = store.saveDoc({ ...big, title: 'second' }, spansOf('actor'), { now: true });
  assert.equal(await first, null);
  assert.equal((await second).spanCount, 30_000);
  const back = await store.loadDoc('big');
  assert.equal(back.doc.title, 'second');
  assert.equal(back.spans.length, 30_000);
  assert.deepEqual(back.spans[29_999], { start: 239_992, end: 239_999, kind: 'actor', text: 'Mossoul' });
  // Alone, a sliced save writes.
  assert.equal((await store.saveDoc(big, spansOf('place'))).spanCount, 30_000);
  assert.equal((await store.loadDoc('big')).spans[0].kind, 'place');
});

test('the lexicon: one stored before scopes loads (every entry global); bad "local" entries are left out', async () => {
  const { Lexicon } = await import('../../www/core/lexicon.js');
  const ls = new MemoryStorage();
  ls.setItem(LEXICON_KEY, JSON.stringify({ version: 1, add: [{ text: 'OSDH', kind: 'actor', from: 'd1' }], reject: [{ text: 'Un' }] }));
  const store = createStorage({ indexedDB: null, localStorage: ls, now: () => 0 });
  const old = store.loadLexicon();
  assert.equal(old.warning, null);
  assert.deepEqual(Lexicon.fromJSON(old.data).entries().map((e) => [e.text, e.scope]), [['OSDH', 'global'], ['Un', 'global']]);
  const lex = new Lexicon().learnReject('Kakuma', 'place', 'd2', { scope: 'd2', learned: '2024-01-01T00:00:00.000Z' }).learnAdd('OSDH', 'actor');
  store.saveLexicon(lex.toJSON());
  assert.deepEqual(Lexicon.fromJSON(store.loadLexicon().data).toJSON(), lex.toJSON());
  ls.setItem(LEXICON_KEY, JSON.stringify({ version: 1, add: [], reject: [], local: [{ type: 'reject', text: 'A', scope: 'd' }, { type: 'add', text: 'B', kind: 'place', scope: 'global' }, { text: 'C', scope: 'd' }] }));
  const partial = store.loadLexicon();
  assert.deepEqual(partial.data.local, [{ type: 'reject', text: 'A', scope: 'd' }]);
  assert.match(partial.warning, /^2 entries of the saved lexicon could not be read/);
});

// ---------------------------------------------------------------- the journal of the last moments

test('journal: written synchronously, read back, applied only when newer than the stored record', async () => {
  const { JOURNAL_KEY, JOURNAL_TEXT_LIMIT, applyJournal, digest } = await import('../../www/core/journal.js');
  const ls = new MemoryStorage();
  const store = createStorage({ indexedDB: null, localStorage: ls });
  const fix = { op: 'set', start: 0, end: 5, kind: 'place', exact: 'Texte', prefix: '', suffix: ' de a 😀' };
  const stored = doc('a');
  const later = { ...stored, corrections: [fix], updated: '2031-01-01T00:00:05.000Z' };
  store.writeJournal(later);
  const j = store.readJournal();
  assert.equal(j.id, 'a');
  assert.equal(j.text, stored.text, 'a short text is copied');
  // newer than the stored record, same text: the corrections come back
  assert.deepEqual(applyJournal(stored, j).doc.corrections, [fix]);
  assert.equal(applyJournal(stored, j).doc.updated, later.updated);
  // the store already holds it (or something newer): nothing to apply
  assert.equal(applyJournal({ ...stored, updated: later.updated }, j).doc, null);
  assert.equal(applyJournal(doc('b'), j).doc, null, 'another dispatch');
  // a short dispatch never stored comes back whole
  assert.equal(applyJournal(null, j).doc.text, stored.text);
  // dropped once a save stores that version, not before
  store.dropJournal('a', stored.updated);
  assert.ok(store.readJournal());
  store.dropJournal('a', later.updated);
  assert.equal(store.readJournal(), null);

  // a long text is identified, not copied: applied onto that very text only
  const long = `${'Le maire de Lyon a parlé. '.repeat(Math.ceil(JOURNAL_TEXT_LIMIT / 20))}😀`;
  const longStored = doc('big', long);
  store.writeJournal({ ...longStored, corrections: [fix], updated: later.updated });
  const lj = store.readJournal();
  assert.equal(lj.text, undefined);
  assert.ok(ls.getItem(JOURNAL_KEY).length < 2000, 'the journal of a long text stays small');
  assert.equal(lj.digest, digest(long));
  assert.deepEqual(applyJournal(longStored, lj).doc.corrections, [fix]);
  // its text changed and was not stored: the corrections are reported lost, nothing is made up
  const edited = { ...longStored, text: `${long} Fin.` };
  assert.deepEqual(applyJournal({ ...longStored, text: long.replace('Lyon', 'Nice') }, lj), { doc: null, lost: 1 });
  assert.deepEqual(applyJournal(null, lj), { doc: null, lost: 1 });
  assert.notEqual(digest(edited.text), lj.digest);

  // broken or foreign data under the key: no journal, and the key is cleared
  ls.setItem(JOURNAL_KEY, '{"version": 1, "id": ');
  assert.equal(store.readJournal(), null);
  assert.equal(ls.getItem(JOURNAL_KEY), null);
  ls.setItem(JOURNAL_KEY, JSON.stringify({ version: 1, id: 'a', updated: 'x', length: 3, digest: '0', text: 'toolong', title: '', lang: 'fr', dct: null, corrections: [], orphans: [] }));
  assert.equal(store.readJournal(), null, 'a text whose length is not the recorded one');
  // no localStorage at all: writing says so, reading finds nothing
  const none = createStorage({ indexedDB: null, localStorage: null });
  assert.throws(() => none.writeJournal(later), StorageError);
  assert.equal(none.readJournal(), null);
});
