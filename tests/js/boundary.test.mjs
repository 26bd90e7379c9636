// The WebAssembly boundary cannot be broken: with the real pkg/ loaded in Node, hostile values
// from JavaScript (a lexicon nested thousands of levels deep, a cycle, a number for the text)
// are Errors with messages and the module keeps working; and if the instance ever traps anyway
// (a WebAssembly.RuntimeError), the engine (www/engine.js) throws it away, instantiates the
// module afresh, reports the error, and the next call works, on the main thread and with the
// worker (www/worker.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import init, { annotate, Annotator, checkLexicon, senses } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { loadEngine, Engine } from '../../www/engine.js';

const root = new URL('../../', import.meta.url);
const wasm = readFileSync(new URL('pkg/depeche_bg.wasm', root));
await initCore(glue);

const TEXT = 'Le ministre est arrivé lundi à Paris.';
const OPTS = { dct: '2024-05-08' };
const EXPECTED = [['lundi', '2024-05-06'], ['Paris', 'FR']];
const brief = (r) => r.spans.map((s) => [s.text, s.value?.country ?? s.value]);

/** A value nested `n` levels deep, in arrays or objects. */
function nested(n, kind) {
  let v = 1;
  for (let i = 0; i < n; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

/** A lexicon whose actor value hides a deep value. */
const deepLexicon = (n, kind) => ({
  version: 1,
  add: [{ text: 'OSDH', kind: 'actor', value: { canonical: 'OSDH', extra: nested(n, kind) } }],
});

/** The module still answers. */
function stillWorks() {
  assert.deepEqual(brief(annotate(TEXT, OPTS)), EXPECTED);
}

test('a lexicon nested thousands of levels deep is an Error, and the module keeps working', () => {
  for (const kind of ['array', 'object']) {
    for (const n of [3000, 10000, 100000]) {
      const lexicon = deepLexicon(n, kind);
      const why = /^lexicon: value nested deeper than 32 levels/;
      assert.throws(() => annotate(TEXT, { lexicon }), { message: why }, `${kind} ${n}`);
      assert.throws(() => new Annotator(lexicon), { message: why }, `${kind} ${n}`);
      assert.throws(() => checkLexicon(lexicon), { message: why }, `${kind} ${n}`);
      stillWorks();
    }
  }
  assert.throws(() => checkLexicon(deepLexicon(40, 'array')), { message: 'lexicon: value nested deeper than 32 levels' });
  // A lexicon of ordinary depth still loads.
  checkLexicon(deepLexicon(20, 'object'));
});

test('a lexicon with a cycle, or of the wrong type, is an Error', () => {
  const cyclic = { version: 1, add: [] };
  cyclic.add.push({ text: 'X', kind: 'actor', value: cyclic });
  assert.throws(() => checkLexicon(cyclic), { message: /^lexicon: cannot be written as JSON \(.*circular/is });
  assert.throws(() => new Annotator(cyclic), { message: /^lexicon: cannot be written as JSON \(.*circular/is });
  assert.throws(() => checkLexicon(42), { message: 'lexicon: expected an object {"version": 1, ...}, got number' });
  assert.throws(() => checkLexicon([]), { message: /got array/ });
  assert.throws(() => annotate(TEXT, { lexicon: 'OSDH' }), { message: /lexicon: expected an object.*got string/ });
  stillWorks();
});

test('texts, names and options of the wrong type are Errors that say so', () => {
  assert.throws(() => annotate(123), { message: 'annotate: text must be a string, got number' });
  assert.throws(() => annotate({}), { message: 'annotate: text must be a string, got object' });
  assert.throws(() => annotate(null, {}), { message: 'annotate: text must be a string, got null' });
  assert.throws(() => annotate(undefined), { message: 'annotate: text must be a string, got undefined' });
  assert.throws(() => annotate(['a']), { message: 'annotate: text must be a string, got array' });
  assert.throws(() => annotate(10n), { message: 'annotate: text must be a string, got bigint' });
  assert.throws(() => annotate(Symbol('x')), { message: 'annotate: text must be a string, got symbol' });
  const a = new Annotator();
  assert.throws(() => a.annotate(123, {}), { message: 'annotate: text must be a string, got number' });
  assert.throws(() => a.annotate(TEXT, { lang: 5 }), { message: 'annotate: options.lang must be a string, got number' });
  assert.throws(() => a.annotate(TEXT, { dct: {} }), { message: 'annotate: options.dct must be a string, got object' });
  assert.throws(() => annotate(TEXT, [1]), { message: /options must be an object.*got array/ });
  assert.throws(() => annotate(TEXT, { dct: '2019-+3-+5' }), { message: /bad dct '2019-\+3-\+5'/ });
  assert.deepEqual(brief(a.annotate(TEXT, OPTS)), EXPECTED);
  a.free();
  assert.throws(() => senses(5), { message: 'senses: name must be a string, got number' });
  assert.throws(() => senses('Paris', 5), { message: 'senses: lang must be a string, got number' });
  // A getter that throws is reported, not a trap.
  const hostile = { get lang() { throw new Error('no'); } };
  assert.throws(() => annotate(TEXT, hostile), { message: /options\.lang could not be read/ });
  stillWorks();
});

test('engine: a trapping export is replaced by a fresh instance, and the next call works', async () => {
  const engine = await loadEngine({ wasm, readPack });
  await engine.whenReady(); // the spare copy, imported in the background, is there
  assert.deepEqual(brief(engine.annotate(TEXT, OPTS)), EXPECTED);
  // Swap in an annotate that traps, as a corrupt instance would.
  const proto = Annotator.prototype;
  const real = proto.annotate;
  proto.annotate = () => {
    throw new WebAssembly.RuntimeError('memory access out of bounds');
  };
  try {
    assert.throws(() => engine.annotate(TEXT, OPTS), (e) => {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
      assert.match(e.message, /crashed \(memory access out of bounds\) and was restarted/);
      return true;
    });
  } finally {
    proto.annotate = real;
  }
  // The next call runs on a fresh instance (the swapped class is not used again).
  assert.deepEqual(brief(engine.annotate(TEXT, OPTS)), EXPECTED);
  assert.deepEqual(brief(engine.annotate(TEXT, { ...OPTS, lexicon: { version: 1, add: [] } })), EXPECTED);
  assert.ok(engine.senses('Tripoli', 'fr').length >= 2);
  // Pieces on the main thread (no Worker in Node) work too.
  const big = `${TEXT}\n\n`.repeat(20000);
  const r = await engine.annotateLarge(big, OPTS);
  assert.equal(r.spans.length, 40000);
});

test('engine: a real out-of-bounds trap, twice, is survived', async () => {
  const engine = await loadEngine({ wasm, readPack });
  await engine.whenReady();
  for (let round = 0; round < 2; round++) {
    engine.annotate(TEXT, OPTS); // makes the engine's annotator
    // Point the annotator at memory the instance does not have: the module traps for real.
    engine._annotator.__wbg_ptr = 0xfffffff0;
    assert.throws(() => engine.annotate(TEXT, OPTS), { message: /crashed \(.*out of bounds.*\) and was restarted/ });
    assert.deepEqual(brief(engine.annotate(TEXT, OPTS)), EXPECTED, `round ${round}`);
    // A spare copy of the module is made ready for the next crash.
    await engine.whenReady();
  }
  // Another engine made before or after shares the fresh instance.
  const other = await loadEngine({ wasm, readPack });
  assert.deepEqual(brief(other.annotate(TEXT, OPTS)), EXPECTED);
});

test('worker: a trap is reported as crashed and the worker closes itself', async (t) => {
  /** The worker's global scope, faked in this thread. */
  const scope = new EventTarget();
  const posted = [];
  let closed = false;
  scope.postMessage = (m) => posted.push(m);
  scope.close = () => { closed = true; };
  const had = Object.getOwnPropertyDescriptor(globalThis, 'self');
  globalThis.self = scope;
  t.after(() => {
    if (had) Object.defineProperty(globalThis, 'self', had);
    else delete globalThis.self;
  });
  await import(new URL('www/worker.js#boundary-test', root).href);
  const run = async (id) => {
    scope.dispatchEvent(new MessageEvent('message', {
      data: { id, type: 'annotate', wasmUrl: wasm, text: TEXT, opts: OPTS },
    }));
    for (let i = 0; i < 200 && !posted.some((m) => m.id === id && m.type !== 'progress'); i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return posted.find((m) => m.id === id && m.type !== 'progress');
  };
  const ok = await run(1);
  assert.equal(ok.type, 'done');
  assert.equal(closed, false);
  const proto = Annotator.prototype;
  const real = proto.annotate;
  proto.annotate = () => {
    throw new WebAssembly.RuntimeError('unreachable');
  };
  try {
    const bad = await run(2);
    assert.equal(bad.type, 'error');
    assert.equal(bad.crashed, true);
    assert.match(bad.message, /unreachable/);
    assert.equal(closed, true, 'a trapped worker closes itself');
  } finally {
    proto.annotate = real;
  }
});

test('engine: a worker that crashed is replaced, and the next big text is annotated', async () => {
  await loadEngine({ wasm, readPack });
  const made = [];
  class FakeWorker extends EventTarget {
    constructor(url, options) {
      super();
      assert.match(String(url), /worker\.js$/);
      assert.equal(options.type, 'module');
      this.n = made.length;
      this.terminated = false;
      made.push(this);
    }
    postMessage(m) {
      setTimeout(() => {
        const data = this.n === 0
          ? { id: m.id, type: 'error', message: 'memory access out of bounds', crashed: true }
          : { id: m.id, type: 'done', result: annotate(m.text, m.opts) };
        this.dispatchEvent(new MessageEvent('message', { data }));
      }, 0);
    }
    terminate() {
      this.terminated = true;
    }
  }
  const had = globalThis.Worker;
  globalThis.Worker = FakeWorker;
  try {
    const engine = new Engine('http://localhost/pkg/depeche_bg.wasm');
    await assert.rejects(engine.annotateLarge(TEXT, OPTS), { message: /crashed \(memory access out of bounds\) and was restarted/ });
    assert.equal(made.length, 1);
    assert.equal(made[0].terminated, true, 'the crashed worker is terminated');
    const r = await engine.annotateLarge(TEXT, OPTS);
    assert.deepEqual(brief(r), EXPECTED);
    assert.equal(made.length, 2, 'a new worker took over');
    engine.dispose();
  } finally {
    if (had === undefined) delete globalThis.Worker;
    else globalThis.Worker = had;
  }
});
