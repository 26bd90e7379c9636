// core/gazetteer.js: the gazetteer pack is fetched after the first place a session shows, once,
// and the session annotates its text again when it has arrived; never for a text without a
// place, never after the pack is there, and again later when the fetch failed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { followGazetteer, RETRY_MS } from '../../www/core/gazetteer.js';

/** A session that emits 'change' with the result it is given, and counts reannotate calls. */
function fakeSession(spans = []) {
  const s = new EventTarget();
  s.result = { spans };
  s.reannotated = 0;
  s.reannotate = (how) => { assert.deepEqual(how, { ifChanged: true }); s.reannotated += 1; };
  s.show = (kinds) => { s.result = { spans: kinds.map((kind) => ({ kind })) }; s.dispatchEvent(new Event('change')); };
  return s;
}

/** An engine whose pack load resolves (or fails) when the test says. */
function fakeEngine() {
  const e = { loaded: false, asked: 0, settle: null };
  e.gazetteerMissing = () => !e.loaded;
  e.loadGazetteer = () => {
    e.asked += 1;
    return new Promise((ok) => { e.settle = (arrived) => { e.loaded = arrived; ok(arrived); }; });
  };
  return e;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

test('a result without a place asks for nothing; the first place loads the pack, then the text is annotated again', async () => {
  const engine = fakeEngine();
  const session = fakeSession();
  followGazetteer(engine, session);
  session.show(['actor', 'date']);
  assert.equal(engine.asked, 0);
  session.show(['actor', 'place']);
  session.show(['place']);
  assert.equal(engine.asked, 1, 'one fetch, however many results follow');
  assert.equal(session.reannotated, 0, 'nothing before the pack is there');
  engine.settle(true);
  await tick();
  assert.equal(session.reannotated, 1);
  session.show(['place']);
  await tick();
  assert.equal(engine.asked, 1);
  assert.equal(session.reannotated, 1, 'the pack is loaded: results have its points');
});

test('a place already in the result when following starts counts', async () => {
  const engine = fakeEngine();
  const session = fakeSession([{ kind: 'place' }]);
  followGazetteer(engine, session);
  assert.equal(engine.asked, 1);
});

test('a pack already loaded (another element asked) is not asked for', () => {
  const engine = fakeEngine();
  engine.loaded = true;
  const session = fakeSession([{ kind: 'place' }]);
  followGazetteer(engine, session);
  session.show(['place']);
  assert.equal(engine.asked, 0);
});

test('a failed fetch is tried again after a while, at the next place shown', async () => {
  const engine = fakeEngine();
  const session = fakeSession();
  const timers = [];
  followGazetteer(engine, session, { setTimeout: (fn, ms) => timers.push({ fn, ms }) });
  session.show(['place']);
  engine.settle(false);
  await tick();
  assert.equal(session.reannotated, 0);
  session.show(['place']);
  assert.equal(engine.asked, 1, 'not at once');
  assert.deepEqual(timers.map((t) => t.ms), [RETRY_MS]);
  timers[0].fn();
  assert.equal(engine.asked, 2, 'the place on screen asks again');
  engine.settle(true);
  await tick();
  assert.equal(session.reannotated, 1);
});

test('a session gone (element removed, or stopped) is left alone', async () => {
  const engine = fakeEngine();
  const session = fakeSession();
  let alive = true;
  followGazetteer(engine, session, { alive: () => alive });
  session.show(['place']);
  alive = false;
  engine.settle(true);
  await tick();
  assert.equal(session.reannotated, 0);
  const other = fakeSession();
  const stop = followGazetteer(fakeEngine(), other);
  stop();
  other.show(['place']);
  assert.equal(other.reannotated, 0);
});

test('an engine without a gazetteer (an older core, a stub) is fine', () => {
  const session = fakeSession([{ kind: 'place' }]);
  assert.doesNotThrow(() => followGazetteer({}, session)());
  assert.doesNotThrow(() => followGazetteer(null, session)());
});

test('the package\'s annotate() answers with the gazetteer\'s points, as the command line does', async () => {
  const { annotate } = await import('../../www/index.js');
  const text = 'Two deputies were hurt on Tuesday near Pineville, the Rapides Parish sheriff said. The governor of Louisiana spoke.';
  const r = await annotate(text, { lang: 'en' });
  const town = r.spans.find((s) => s.text === 'Pineville');
  assert.equal(town?.kind, 'place', JSON.stringify(r.spans));
  assert.equal(town.value?.country, 'US', JSON.stringify(town));
  assert.ok(Math.abs(town.value.lat - 31.32) < 1 && Math.abs(town.value.lon + 92.43) < 1, JSON.stringify(town.value));
});

test('once the pack is there, the editor is offered a town\'s namesakes too', async () => {
  const { loadEngine } = await import('../../www/index.js');
  const engine = await loadEngine();
  assert.ok(await engine.loadGazetteer());
  const us = engine.senses('Pineville', 'en').filter((r) => r.kind === 'place' && r.value?.country === 'US');
  assert.ok(us.length >= 2, JSON.stringify(us));
  assert.ok(us.every((r) => typeof r.value.lat === 'number' && r.place_kind === 'city'), JSON.stringify(us));
});
