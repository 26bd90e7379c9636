// Learning that shows and can be scoped (issue 10, part 3), in the page: a notice says what each
// correction taught, with Undo and the other scope (button or L); deleting one mention stays in
// its dispatch unless the editor says "never mark"; relabelling a name the gazetteer knows is
// kept to its dispatch, so "<capital> a annoncé" stays an actor in the next one; the lexicon panel
// shows scope, time and uses, and changes the scope; a lexicon stored before scopes still loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, marks, spans, tabTo, ready } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const notice = (page) => page.$eval('.dp-learned', (e) => (e.hidden ? null : e.querySelector('.dp-learned-text').textContent));
const lexicon = (page) => page.evaluate(() => document.querySelector('depeche-annotator').editor.session().lexicon.toJSON());
const newDispatch = async (page, text) => { await page.click('.dp-new'); await paste(page, text); };

const CAMP = 'Des réfugiés du camp de Kakuma sont arrivés à Lodwar. Le camp de Kakuma compte 200 000 réfugiés.';
const CAMP2 = 'NAIROBI - Le HCR a annoncé mardi l\'agrandissement du camp de Kakuma, au nord-ouest du Kenya.';

test('deleting one mention of a camp rejects it in this dispatch only; "never mark" (L) rejects it everywhere', async () => {
  const { page, problems } = await env.open();
  await paste(page, CAMP);
  await tabTo(page, 'Kakuma');
  await page.keyboard.press('Delete');
  assert.match(await notice(page), /Deleted “Kakuma” in this dispatch only/);
  assert.deepEqual((await marks(page)).filter((m) => m.text === 'Kakuma').length, 1, 'the other mention stays');
  let lex = await lexicon(page);
  assert.deepEqual(lex.reject, []);
  assert.deepEqual(lex.local.map((e) => [e.type, e.text, e.kind]), [['reject', 'Kakuma', 'place']]);
  // The lexicon panel: scope, time, uses here.
  await page.click('.dp-lexicon summary');
  const row = page.locator('.dp-lex-entry:has-text("Kakuma")');
  assert.equal(await row.locator('.dp-lex-scope').inputValue(), lex.local[0].scope);
  assert.match(await row.locator('.dp-lex-uses').textContent(), /^1 left unmarked here$/);
  assert.match(await row.locator('.dp-lex-when').textContent(), /^learned /);

  // A later dispatch: Kakuma is still a place.
  await newDispatch(page, CAMP2);
  assert.equal((await marks(page)).find((m) => m.text === 'Kakuma')?.kind, 'place');
  // Here the editor means it: delete, then L ("never mark") removes every mention and rejects it everywhere.
  await tabTo(page, 'Kakuma');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-learned').hidden);
  await page.keyboard.press('l');
  assert.match(await notice(page), /“Kakuma” will not be marked as a place in any dispatch/);
  lex = await lexicon(page);
  assert.deepEqual(lex.reject.map((e) => [e.text, e.kind, e.scope]), [['Kakuma', 'place', 'global']]);
  // Undo (the notice's button) takes the global reject back; redo with Ctrl+Shift+Z.
  await page.click('.dp-learned-undo');
  assert.deepEqual((await lexicon(page)).reject, []);
  await page.focus('.dp-review');
  await page.keyboard.press('Control+Shift+Z');
  assert.equal((await lexicon(page)).reject.length, 1);
  await newDispatch(page, CAMP);
  assert.ok(!(await marks(page)).some((m) => m.text === 'Kakuma'), 'never marked again');
  assert.deepEqual(problems, []);
});

test('relabelling a capital as a place is kept to its dispatch: "<capital> a annoncé" stays an actor in the next; the panel makes it global', async () => {
  const { page, problems } = await env.open();
  await paste(page, 'Damas a annoncé mardi une trêve près de Homs, selon l\'agence officielle.');
  await tabTo(page, 'Damas');
  await page.keyboard.press('p');
  const damas = (await spans(page)).find((s) => s.text === 'Damas');
  assert.equal(damas.kind, 'place');
  assert.equal(damas.value?.country, 'SY', 'the gazetteer gives the place its value');
  assert.match(await notice(page), /“Damas” as a place: kept to this dispatch/);
  const lex = await lexicon(page);
  assert.deepEqual(lex.add, []);
  assert.equal(lex.local[0].text, 'Damas');
  assert.equal(lex.local[0].value?.country, 'SY');
  assert.match(lex.local[0].learned, /^\d{4}-\d{2}-\d{2}T/);

  await newDispatch(page, 'Damas a annoncé jeudi un cessez-le-feu près d\'Alep, selon l\'agence officielle.');
  let next = (await spans(page)).find((s) => s.text === 'Damas');
  assert.equal(next.kind, 'actor', 'the engine reads it by context, as before');
  assert.equal(next.value?.canonical, 'Government of Syria');

  // The lexicon panel: "every dispatch" makes it global; the place comes with its value.
  await page.click('.dp-lexicon summary');
  await page.locator('.dp-lex-entry:has-text("Damas") .dp-lex-scope').selectOption('global');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Damas')?.kind === 'place');
  next = (await spans(page)).find((s) => s.text === 'Damas');
  assert.equal(next.value?.country, 'SY');
  assert.match(await page.locator('.dp-lex-entry:has-text("Damas") .dp-lex-uses').textContent(), /^1 here$/);
  // Undo brings the entry back to its dispatch.
  await page.click('.dp-undo');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Damas')?.kind === 'actor');
  assert.deepEqual(problems, []);
});

test('a name the gazetteer does not know is learned for every dispatch; the notice keeps it to this one', async () => {
  const { page, problems } = await env.open();
  await paste(page, 'Des réfugiés du camp de Kakuma sont arrivés à Lodwar.');
  await tabTo(page, 'Lodwar');
  await page.keyboard.press('a');
  assert.match(await notice(page), /Learned: “Lodwar” is an actor in every dispatch/);
  await page.click('.dp-learned-scope');
  assert.match(await notice(page), /“Lodwar” as an actor: kept to this dispatch/);
  const lex = await lexicon(page);
  assert.deepEqual(lex.add, []);
  assert.deepEqual(lex.local.map((e) => [e.type, e.text, e.kind]), [['add', 'Lodwar', 'actor']]);
  assert.equal((await spans(page)).find((s) => s.text === 'Lodwar')?.kind, 'actor', 'the correction itself stays');
  assert.deepEqual(problems, []);
});

test('a lexicon stored before scopes loads, every entry global', async () => {
  const { page, problems } = await env.open();
  await page.evaluate(() => localStorage.setItem('depeche.lexicon.v1', JSON.stringify({ version: 1, add: [{ text: 'Lodwar', kind: 'actor', from: 'old-doc' }], reject: [{ text: 'Kakuma', kind: 'place' }] })));
  await page.reload();
  await ready(page);
  await paste(page, 'Des réfugiés du camp de Kakuma sont arrivés à Lodwar.');
  const ms = await marks(page);
  assert.equal(ms.find((m) => m.text === 'Lodwar')?.kind, 'actor');
  assert.ok(!ms.some((m) => m.text === 'Kakuma'));
  await page.click('.dp-lexicon summary');
  assert.deepEqual(await page.$$eval('.dp-lex-scope', (ss) => ss.map((s) => s.value)), ['global', 'global']);
  assert.deepEqual(problems, []);
});
