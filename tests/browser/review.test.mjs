// Review mode, issue 10: the correction chip in the page (values in words, flags, buttons that
// do what the keys do), relabel with the gazetteer's value, a value set on every mention, the
// word caret and pointer drags from a highlight, undo that never takes the text, find, the
// entity panel's roving tabindex, U, and the review state (accept, counts, reload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, marks, spans, focused, tabTo, example, saved } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const S = (page, sel) => page.evaluate((s) => { const e = document.querySelector('depeche-annotator').shadowRoot.querySelector(s); return e && !e.hidden ? e.textContent : null; }, sel);
const CHIP = '.dp-chip:not(.dp-chip-add)';
const find = async (page, text) => (await spans(page)).filter((s) => s.text === text);
/** The centre of the character `at` of the first text `t` in the review view. */
const point = (page, t, at = 1) => page.evaluate(([t, at]) => {
  const view = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-review');
  const w = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  let all = '';
  const nodes = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, all.length]); all += n.data; }
  const i = all.indexOf(t) + at;
  const [n, o] = nodes.findLast(([, s]) => s <= i);
  const r = document.createRange(); r.setStart(n, i - o); r.setEnd(n, i - o + 1);
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}, [t, at]);

test('the chip in the page: hover and focus show the value in words and ISO; its buttons act; relabel finds a value', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  // Focus: the chip beside "jeudi", in French words and ISO.
  await tabTo(page, 'jeudi');
  await page.waitForFunction((c) => !document.querySelector('depeche-annotator').shadowRoot.querySelector(c).hidden, CHIP);
  assert.match(await S(page, `${CHIP} .dp-chip-value`), /^jeudi 16 mars 2023 · 2023-03-16$/);
  assert.equal(await S(page, `${CHIP} .dp-chip-flag`), null, 'a resolved date is not flagged');
  // Hover: the chip follows the pointer to "Bamako" (a place: country and coordinates, gazetteer id).
  const b = await point(page, 'Bamako');
  await page.mouse.move(b.x, b.y);
  await page.waitForFunction((c) => /Bamako/.test(document.querySelector('depeche-annotator').shadowRoot.querySelector(`${c} .dp-chip-text`).textContent), CHIP);
  assert.match(await S(page, `${CHIP} .dp-chip-value`), /^Mali · \d+\.\d+° N, \d+\.\d+° W · ML · geonames:\d+$/);
  // Its buttons do what the keys do: Accept, then make "France" a place by click: the gazetteer gives it a value.
  const f = await point(page, 'France');
  await page.mouse.move(f.x, f.y);
  await page.waitForFunction((c) => /France/.test(document.querySelector('depeche-annotator').shadowRoot.querySelector(`${c} .dp-chip-text`).textContent), CHIP);
  assert.match(await S(page, `${CHIP} .dp-chip-value`), /Government of France · government/);
  await page.click(`depeche-annotator >> ${CHIP} [data-cmd=place]`);
  const fr = (await find(page, 'France'))[0];
  assert.equal(fr.kind, 'place');
  assert.equal(fr.value?.country, 'FR', JSON.stringify(fr));
  // A date with no year and no dateline gets the page's assumed reference year (issue 10, part 5);
  // a value left unresolved (XXXX) is flagged.
  await paste(page, 'Des heurts ont éclaté le 3 novembre à Goma, selon la police.');
  await tabTo(page, '3 novembre');
  await page.waitForFunction((c) => !document.querySelector('depeche-annotator').shadowRoot.querySelector(c).hidden, CHIP);
  assert.match(await S(page, `${CHIP} .dp-chip-value`), /^\p{L}+ 3 novembre \d{4} · \d{4}-11-03$/u);
  await page.evaluate(() => {
    const s = document.querySelector('depeche-annotator').editor.session();
    const d = s.spans.find((x) => x.text === '3 novembre');
    s.setValue(d.start, d.end, 'XXXX-11-03');
  });
  await page.waitForFunction((c) => /XXXX-11-03/.test(document.querySelector('depeche-annotator').shadowRoot.querySelector(`${c} .dp-chip-value`)?.textContent ?? ''), CHIP);
  assert.match(await S(page, `${CHIP} .dp-chip-value`), /3 novembre \(année inconnue\) · XXXX-11-03/);
  assert.match(await S(page, `${CHIP} .dp-chip-flag`), /unresolved/);
  // ↑ in the value field puts the reference year in place of XXXX: V, ↑, Enter.
  await page.keyboard.press('v');
  await page.waitForSelector('.dp-dialog[open] .dp-in-date');
  await page.keyboard.press('ArrowUp');
  assert.match(await page.$eval('.dp-in-date', (e) => e.value), /^\d{4}-11-03$/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^\d{4}-11-03$/.test(document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === '3 novembre')?.value));
  assert.deepEqual(problems, []);
});

test('a value fixed on one mention goes to every mention of the entity, in one undo step', async () => {
  const { page, problems } = await env.open();
  await paste(page, 'Le porte-parole Jean Dupré a démenti. Selon Jean Dupré, la situation est calme à Goma.');
  const before = await find(page, 'Jean Dupré');
  assert.equal(before.length, 2);
  await tabTo(page, 'Jean Dupré');
  await page.keyboard.press('v');
  await page.waitForSelector('.dp-dialog[open] .dp-in-canonical');
  await page.fill('.dp-in-canonical', 'Jean Dupré (porte-parole)');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.filter((s) => s.value?.canonical === 'Jean Dupré (porte-parole)').length === 2);
  assert.match(await S(page, '.dp-live'), /2 mentions/);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await find(page, 'Jean Dupré')).map((s) => s.value), before.map((s) => s.value));
  assert.deepEqual(problems, []);
});

test('the caret: → ← by words, a highlight is one stop, Shift+→ selects, A adds; a drag from a highlight selects', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  await tabTo(page, 'Amadou Keïta');
  // → leaves the highlight for the next word, a caret shown as the selection and announced.
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), null);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'porte-parole');
  assert.match(await S(page, '.dp-live'), /porte-parole/);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(page))?.text, 'Amadou Keïta', '← back onto the highlight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'état-major');
  await page.keyboard.press('a');
  assert.equal((await find(page, 'état-major'))[0]?.kind, 'actor');
  assert.equal((await focused(page))?.text, 'état-major');
  // Shift+→ on a focused highlight widens it (the scheme: on a highlight, resize; between, select).
  await tabTo(page, 'samedi 11 mars');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await page.evaluate(() => getSelection().toString()), "à l'aube");
  await page.keyboard.press('d');
  assert.equal((await find(page, "à l'aube"))[0]?.kind, 'date');
  await page.keyboard.press('Control+z');
  // A drag that starts on a highlight selects words like any other drag; the add chip offers them.
  const a = await point(page, 'Mopti', 2), b = await point(page, ' et vers', 6);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction(() => !document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip-add').hidden);
  await page.click('depeche-annotator >> .dp-chip-add [data-cmd=place]');
  assert.equal((await find(page, 'Mopti et vers'))[0]?.kind, 'place', JSON.stringify((await spans(page)).filter((s) => /Mopti/.test(s.text))));
  assert.deepEqual(problems, []);
});

test('undo never takes the text away: a paste is a new dispatch in the history', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en.txt'));
  await saved(page);
  await page.keyboard.press('Control+z');
  assert.match(await S(page, '.dp-live'), /Nothing to undo/);
  assert.match(await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().doc.text), /^NAIROBI/);
  assert.ok(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement !== null), 'the focus stays in the editor');
  await paste(page, example('dispatch-fr.txt'));
  await page.keyboard.press('Control+z');
  assert.match(await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().doc.text), /^BAMAKO/);
  assert.match(await S(page, '.dp-live'), /Nothing to undo/);
  await saved(page);
  await page.waitForFunction(() => {
    const t = [...document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-history-title')].map((e) => e.textContent);
    return t.some((x) => /^NAIROBI/.test(x)) && t.some((x) => /^BAMAKO/.test(x));
  });
  await page.click('.dp-history-item:has-text("NAIROBI") .dp-open');
  await page.waitForFunction(() => /^NAIROBI/.test(document.querySelector('depeche-annotator').editor.session().doc.text));
  assert.deepEqual(problems, []);
});

test('getting there: / finds words and entities, U goes to what is left, the entity panel is one tab stop', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  await page.focus('.dp-review');
  await page.keyboard.press('/');
  await page.keyboard.type('nations');
  assert.equal(await S(page, '.dp-find-count'), '1 / 1', 'the entity United Nations, mentioned as "ONU"');
  await page.keyboard.press('Escape');
  assert.equal((await focused(page))?.text, 'ONU');
  await page.keyboard.press('/');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('vers');
  assert.equal(await S(page, '.dp-find-count'), '1 / 2');
  await page.keyboard.press('Enter');
  assert.equal(await S(page, '.dp-find-count'), '2 / 2');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'vers');
  // U: the next highlight still to review; after Y it is skipped.
  await tabTo(page, 'Mopti');
  await page.keyboard.press('y');
  await tabTo(page, 'ONU');
  await page.keyboard.press('u');
  assert.equal((await focused(page))?.text, 'Conseil de sécurité', 'Mopti is accepted: U skips it');
  // The entity panel: one tab stop, arrows inside.
  const tabbable = await page.$$eval('depeche-annotator >> .dp-entity-list button.dp-mention', (bs) => bs.filter((b) => b.tabIndex === 0).length);
  assert.equal(tabbable, 1);
  await page.focus('.dp-entity-list button.dp-mention[tabindex="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const cur = await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement.textContent);
  await page.keyboard.press('Enter');
  assert.equal((await focused(page))?.text, cur);
  assert.deepEqual(problems, []);
});

test('review state: Y accepts, the header counts what is left, marks differ by more than colour, it survives a reload', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en-2.txt'));
  const n = (await marks(page)).length;
  assert.equal(await S(page, '.dp-to-review'), `${n} of ${n} to review`);
  await tabTo(page, 'Reuters');
  await page.keyboard.press('y');
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');
  assert.equal(await S(page, '.dp-to-review'), `${n - 2} of ${n} to review`);
  const state = (t) => page.$eval(`depeche-annotator >> .dp-review mark:text-is("${t}")`, (m) => [m.dataset.state, m.dataset.k, getComputedStyle(m).outlineStyle, m.getAttribute('aria-label')]);
  assert.deepEqual((await state('Reuters')).slice(0, 2), ['accepted', 'A✓']);
  assert.deepEqual((await state('Likoni')).slice(0, 2), ['corrected', 'A✎']);
  assert.deepEqual((await state('Grace Wanjiru')).slice(0, 2), ['automatic', 'A']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  assert.equal(await S(page, '.dp-to-review'), `${n} of ${n} to review`);
  await page.keyboard.press('Control+y');
  await saved(page);
  await page.reload();
  await page.waitForSelector('.depeche[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-review mark[data-state="accepted"]'));
  assert.equal(await S(page, '.dp-to-review'), `${n - 1} of ${n} to review`);
  assert.deepEqual(problems, []);
});
