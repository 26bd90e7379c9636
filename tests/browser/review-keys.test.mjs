// The fastest correction loop, counted (issue 10): a scripted review of examples/page/dispatch-fr.txt
// by keyboard alone, every key press counted (typed characters included), from where the previous
// correction left the focus. Each correction must take at most 8 keys to reach and to make.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, spans, focused, example } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('ten corrections of a dispatch, at most 8 keys each', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  const counts = {};
  let n = 0;
  const press = async (...keys) => { for (const k of keys) { await page.keyboard.press(k); n++; } };
  const type = async (s) => { for (const ch of s) { await page.keyboard.press(ch); n++; } };
  const span = async (t) => (await spans(page)).find((s) => s.text === t);
  const done = (name) => { counts[name] = n; n = 0; };
  const dialogOpen = () => page.waitForSelector('.dp-dialog[open]');
  const dialogClosed = () => page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dialog[open]'));

  // 1. Fix a date's value: "mardi" was filed after midnight: the day before. J ×5, V, ↓, Enter.
  await press('j', 'j', 'j', 'j', 'j');
  assert.equal((await focused(page))?.text, 'mardi');
  await press('v'); await dialogOpen();
  await press('ArrowDown', 'Enter'); await dialogClosed();
  assert.equal((await span('mardi')).value, '2023-03-13');
  assert.equal((await span('14 mars 2023')).value, '2023-03-14', 'the dateline keeps its own date');
  done('fix a date’s value');

  // 2. Delete a spurious highlight: "désormais" is no date. J ×3, Delete.
  await press('j', 'j', 'j');
  assert.equal((await focused(page))?.text, 'désormais');
  await press('Delete');
  assert.equal(await span('désormais'), undefined);
  done('delete a spurious highlight');

  // 3. Widen a highlight by one word: the focus went on to "Amadou Keïta"; [ takes "colonel".
  assert.equal((await focused(page))?.text, 'Amadou Keïta');
  await press('[');
  assert.equal((await span('colonel Amadou Keïta'))?.kind, 'actor');
  done('widen a highlight by one word');

  // 4. Add a missed name: "état-major", four words on with the caret, then A.
  await press('ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'état-major');
  await press('a');
  assert.equal((await span('état-major'))?.kind, 'actor');
  done('add a missed name');

  // 5. Shrink a highlight by one word: "samedi 11 mars" → "11 mars". J ×2, {.
  await press('j', 'j');
  assert.equal((await focused(page))?.text, 'samedi 11 mars');
  await press('{');
  assert.equal((await span('11 mars'))?.kind, 'date');
  done('shrink a highlight by one word');

  // 10. Add a missed date: "aube" (dawn, a part of the day; the article stays out) after "11 mars". → ×3 (à, l', aube), D.
  await press('ArrowRight', 'ArrowRight', 'ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'aube');
  await press('d');
  assert.ok((await spans(page)).some((s) => s.kind === 'date' && /aube$/.test(s.text)), JSON.stringify(await spans(page)));
  done('add a missed date');

  // 6. Fix an actor's canonical name for all its mentions: "ONU" is "UN" here. J, V, Ctrl+A, "UN", Enter.
  await press('j');
  assert.equal((await focused(page))?.text, 'ONU');
  await press('v'); await dialogOpen();
  await press('Control+a'); await type('UN'); await press('Enter'); await dialogClosed();
  assert.equal((await span('ONU')).value.canonical, 'UN');
  done('fix an actor’s canonical name (all mentions)');

  // 7. Relabel an actor as a place: "France" (the country, not its government). End, K, P: the gazetteer gives FR.
  await press('End', 'k');
  assert.equal((await focused(page))?.text, 'France');
  await press('p');
  assert.equal((await span('France')).kind, 'place');
  assert.equal((await span('France')).value?.country, 'FR');
  done('relabel an actor as a place');

  // 8. Accept a highlight: "Mali". K, Y.
  await press('k');
  assert.equal((await focused(page))?.text, 'Mali');
  await press('y');
  assert.equal(await page.evaluate(() => { const s = document.querySelector('depeche-annotator').editor.session(); const m = s.spans.find((x) => x.text === 'Mali'); return s.reviewState(m.start, m.end); }), 'accepted');
  done('accept a highlight');

  // 9. Mark every occurrence of a name: "Bamako". /, "bama" (BAMAKO first, from the end it wraps), Enter (next), Esc, *.
  await press('/'); await type('bama'); await press('Enter', 'Escape');
  assert.equal((await focused(page))?.text, 'Bamako');
  await press('*');
  done('mark every occurrence of a name');

  console.log('keys per correction:', JSON.stringify(counts));
  for (const [what, k] of Object.entries(counts)) assert.ok(k <= 8, `${what}: ${k} keys`);
  assert.deepEqual(problems, []);
});
