// Correcting by keyboard alone: relabel, delete, add from a selection, resize, values,
// every occurrence, undo and redo.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, marks, spans, focused, tabTo, selectText, example } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const find = async (page, text) => (await spans(page)).filter((s) => s.text === text);

test('relabel and delete by keyboard, then undo and redo', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en.txt'));
  // "Likoni" is found as a place; the editor decides it stands for the local council here:
  // A makes it an actor.
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'Likoni' && s.kind === 'actor'));
  assert.deepEqual(await focused(page), { text: 'Likoni', kind: 'actor' }, 'focus stays on the relabelled span');
  assert.match(await page.$eval('.dp-live', (e) => e.textContent), /Likoni: now actor/);
  // Next highlight with J (Peter Otieno), previous with K.
  await page.keyboard.press('j');
  assert.equal((await focused(page)).text, 'Peter Otieno');
  await page.keyboard.press('k');
  assert.equal((await focused(page)).text, 'Likoni');
  // "al Shabaab" is deleted with Delete, "al Qaeda" with Backspace.
  await tabTo(page, 'al Shabaab');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'al Shabaab'));
  assert.equal((await marks(page)).some((m) => m.text === 'al Shabaab'), false);
  assert.equal((await focused(page))?.text, 'al Qaeda', 'focus moves to the next highlight');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'al Qaeda'));
  // Undo: al Qaeda comes back; undo again: al Shabaab; undo again: Likoni is a place again.
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'al Qaeda'));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'al Shabaab'));
  await page.keyboard.press('Control+z');
  assert.equal((await find(page, 'Likoni'))[0].kind, 'place');
  assert.equal((await marks(page)).find((m) => m.text === 'Likoni').kind, 'place');
  // Redo with Ctrl+Shift+Z then Ctrl+Y.
  await page.keyboard.press('Control+Shift+z');
  assert.equal((await find(page, 'Likoni'))[0].kind, 'actor');
  await page.keyboard.press('Control+y');
  assert.equal((await find(page, 'al Shabaab')).length, 0);
  assert.equal((await find(page, 'al Qaeda')).length, 1);
  // The toolbar buttons do the same.
  await page.click('.dp-undo');
  assert.equal((await find(page, 'al Shabaab')).length, 1);
  await page.click('.dp-redo');
  assert.equal((await find(page, 'al Shabaab')).length, 0);
  assert.deepEqual(problems, []);
});

test('add from a selection (whole words, or exact with Alt), resize by words', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  // A selection cutting words ("tat-maj") snaps to the whole word "état-major".
  await selectText(page, 'tat-maj');
  await page.keyboard.press('a');
  let s = await find(page, 'état-major');
  assert.equal(s.length, 1);
  assert.equal(s[0].kind, 'actor');
  const text = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().doc.text);
  assert.equal([...text].slice(s[0].start, s[0].end).join(''), 'état-major');
  assert.ok((await marks(page)).some((m) => m.text === 'état-major' && m.user));
  // Alt+P keeps the exact characters.
  await selectText(page, 'frontière maurit');
  await page.keyboard.press('Alt+p');
  assert.equal((await find(page, 'frontière maurit')).length, 1);
  await page.keyboard.press('Control+z');
  // The toolbar's kind buttons act on the selection too.
  await selectText(page, 'Conseil de sécurité');
  await page.click('.dp-kind-btn.dp-actor');
  assert.equal((await find(page, 'Conseil de sécurité'))[0]?.kind, 'actor');
  // Resize: "[" takes the word before ("colonel Amadou Keïta"), "{" drops it again,
  // "}" drops the last word, "]" takes it back.
  await tabTo(page, 'Amadou Keïta');
  await page.keyboard.press('[');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'colonel Amadou Keïta'));
  assert.equal((await focused(page)).text, 'colonel Amadou Keïta');
  await page.keyboard.press('{');
  assert.equal((await focused(page)).text, 'Amadou Keïta');
  await page.keyboard.press('}');
  assert.equal((await focused(page)).text, 'Amadou');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal((await focused(page)).text, 'Amadou Keïta');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.equal((await focused(page)).text, 'colonel Amadou Keïta');
  await page.keyboard.press('Control+z');
  assert.equal((await focused(page))?.text, 'Amadou Keïta');
  assert.deepEqual(problems, []);
});

test('correct a value in the dialog, with validation; apply to every occurrence', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  await tabTo(page, 'jeudi');
  await page.keyboard.press('v');
  await page.waitForSelector('.dp-dialog[open] .dp-in-date');
  await page.fill('.dp-in-date', '2023-02-30');
  await page.keyboard.press('Enter');
  assert.match(await page.$eval('.dp-dialog-error', (e) => e.textContent), /not a calendar date/);
  await page.fill('.dp-in-date', '2023-03-23');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dialog[open]'));
  assert.equal((await find(page, 'jeudi'))[0].value, '2023-03-23');
  assert.equal((await focused(page))?.text, 'jeudi', 'focus returns to the span');
  // Actor value: canonical name and type.
  await tabTo(page, 'Amadou Keïta');
  await page.keyboard.press('Enter');
  await page.fill('.dp-in-canonical', 'Amadou Keita');
  await page.selectOption('.dp-in-type', 'military');
  await page.click('.dp-dialog .dp-ok');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dialog[open]'));
  assert.deepEqual((await find(page, 'Amadou Keïta'))[0].value, { canonical: 'Amadou Keita', type: 'military' });
  // Esc cancels the dialog and changes nothing.
  await page.keyboard.press('v');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dialog[open]'));
  assert.deepEqual((await find(page, 'Amadou Keïta'))[0].value, { canonical: 'Amadou Keita', type: 'military' });
  // "Bamako" (place) relabelled to actor then applied to "BAMAKO"? Different case: same name.
  await tabTo(page, 'Mopti');
  await page.keyboard.press('Delete');
  // "*" on a new span applies it to every occurrence: "combats" twice in the text.
  await selectText(page, 'combats', 0);
  await page.keyboard.press('d');
  await tabTo(page, 'combats');
  await page.keyboard.press('*');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.filter((s) => s.text === 'combats').length === 2);
  // X removes it everywhere.
  await page.keyboard.press('x');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.filter((s) => s.text === 'combats').length === 0);
  // "?" opens the help, which lists the keys.
  await page.focus('.dp-review');
  await page.keyboard.press('?');
  await page.waitForSelector('.dp-dialog[open] .dp-help');
  assert.match(await page.$eval('.dp-help', (e) => e.textContent), /widen at the start/);
  await page.keyboard.press('Escape');
  assert.deepEqual(problems, []);
});

test('which Tripoli: the value dialog offers the gazetteer readings of a place', async () => {
  const { page, problems } = await env.open();
  // No dateline: the first reading is the Libyan capital; the editor knows it is the Lebanese city.
  await paste(page, 'Des heurts ont éclaté mercredi à Tripoli entre partisans et opposants du gouvernement, selon la police.');
  const before = (await spans(page)).find((s) => s.text === 'Tripoli');
  assert.equal(before.kind, 'place');
  await tabTo(page, 'Tripoli');
  await page.keyboard.press('v');
  await page.waitForSelector('.dp-dialog[open] .dp-readings');
  const readings = await page.$$eval('.dp-dialog .dp-reading-row', (rows) => rows.map((r) => r.textContent));
  assert.ok(readings.length >= 2, readings.join(' | '));
  const lebanon = readings.findIndex((r) => /Liban/.test(r));
  assert.ok(lebanon >= 0, readings.join(' | '));
  // By keyboard: the radio group, then the Lebanese city, then Save.
  await page.focus(`.dp-dialog .dp-reading >> nth=${lebanon}`);
  await page.keyboard.press('Space');
  assert.equal(await page.$eval('.dp-in-country', (e) => e.value), 'LB');
  await page.click('.dp-dialog .dp-ok');
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dialog[open]'));
  const after = (await spans(page)).find((s) => s.text === 'Tripoli');
  assert.equal(after.value.country, 'LB');
  assert.match(after.value.ref, /^geonames:\d+$/);
  assert.notEqual(after.value.ref, before.value?.ref);
  assert.equal(typeof after.value.lat, 'number');
  // One undo step brings the first reading back.
  await page.keyboard.press('Control+z');
  assert.deepEqual((await spans(page)).find((s) => s.text === 'Tripoli').value, before.value);
  // One key: N steps to the next place of that name, Shift+N back; the chip says which is next.
  const readingsLine = () => page.evaluate(() => {
    const r = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add) .dp-chip-readings');
    return r && !r.hidden ? r.textContent : null;
  });
  await tabTo(page, 'Tripoli');
  assert.match(await readingsLine(), /^1 of \d+ places of that name · N: /);
  await page.keyboard.press('n');
  const next = (await spans(page)).find((s) => s.text === 'Tripoli').value;
  assert.notEqual(next.ref, before.value.ref);
  assert.match(await readingsLine(), /^2 of \d+ places of that name · N: /);
  await page.keyboard.press('Shift+N');
  assert.deepEqual((await spans(page)).find((s) => s.text === 'Tripoli').value.ref, before.value.ref);
  assert.deepEqual(problems, []);
});
