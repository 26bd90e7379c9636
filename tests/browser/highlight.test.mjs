// Paste a dispatch and see what depeche found: highlights, legend, side panel, header.
// Also takes the screenshots in docs/ (review mode with the side panel, edit mode).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { start, paste, marks, example, ROOT } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const has = (list, text, kind) => list.some((m) => m.text === text && m.kind === kind);

test('a pasted French dispatch shows its actors, places and dates', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  const ms = await marks(page);
  for (const [text, kind] of [['BAMAKO', 'place'], ['14 mars 2023', 'date'], ['AFP', 'actor'], ['armée malienne', 'actor'],
    ['Tombouctou', 'place'], ['Al-Qaïda', 'actor'], ['Amadou Keïta', 'actor'], ['samedi 11 mars', 'date'], ['ONU', 'actor'],
    ['Mopti', 'place'], ['New York', 'place'], ['Mali', 'place']]) {
    assert.ok(has(ms, text, kind), `“${text}” highlighted as ${kind}; got ${ms.map((m) => `${m.text}/${m.kind}`).join(', ')}`);
  }
  // No highlight on plain words.
  assert.ok(!ms.some((m) => m.text.includes('communiqué')));
  // Each mark has its kind in its accessible name, with the value.
  const alq = ms.find((m) => m.text === 'Al-Qaïda');
  assert.match(alq.label, /^actor: Al-Qaïda — Al-Qaeda \(armed_group\)/);
  // Legend counts agree with the marks.
  const legend = await page.$$eval('.dp-legend-item', (li) => Object.fromEntries(li.map((l) => [l.dataset.kind, Number(l.querySelector('.dp-count').textContent)])));
  for (const k of ['actor', 'place', 'date']) assert.equal(legend[k], ms.filter((m) => m.kind === k).length, `legend count of ${k}`);
  // Header: detected language, reference date from the dateline.
  assert.equal(await page.$eval('.dp-detected', (e) => e.textContent), 'detected: fr');
  assert.equal(await page.$eval('.dp-dct', (e) => e.value), '2023-03-14');
  assert.equal(await page.$eval('.dp-dct-note', (e) => e.textContent), 'from dateline');
  // Side panel: Bamako's two mentions (BAMAKO, Bamako) under one place entity.
  const rows = await page.$$eval('.dp-group-place .dp-entity', (es) => es.map((e) => [...e.querySelectorAll('.dp-mention')].map((b) => b.textContent)));
  assert.ok(rows.some((r) => r.includes('BAMAKO') && r.includes('Bamako')), `one row for Bamako with both mentions: ${JSON.stringify(rows)}`);
  // Clicking a mention focuses its highlight.
  await page.click('.dp-group-place .dp-mention:text-is("Mopti")');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement.textContent), 'Mopti');
  assert.deepEqual(problems, []);
});

test('an English dispatch, the reference date and the language can be changed', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en.txt'));
  let ms = await marks(page);
  for (const [text, kind] of [['NAIROBI', 'place'], ['Mombasa', 'place'], ['Peter Otieno', 'actor'], ['October 2011', 'date'], ['Mogadishu', 'place']]) {
    assert.ok(has(ms, text, kind), `“${text}” as ${kind}`);
  }
  const thursday = () => page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Thursday')?.value);
  assert.equal(await thursday(), '2022-06-02');
  await page.fill('.dp-dct', '2022-06-20');
  await page.dispatchEvent('.dp-dct', 'change');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-dct-note').textContent === 'set by you');
  assert.equal(await thursday(), '2022-06-16');
  assert.equal(await page.$eval('.dp-detected', (e) => e.textContent), 'detected: en');
  await page.selectOption('.dp-lang', 'fr');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().doc.lang === 'fr');
  assert.equal(await page.$eval('.dp-detected', (e) => e.textContent), '');
  ms = await marks(page);
  assert.ok(ms.length > 0);
  assert.deepEqual(problems, []);
});

test('highlights appear as you type in edit mode, and Esc switches to review', async () => {
  const { page, problems } = await env.open();
  await page.focus('.dp-input');
  await page.keyboard.type('Le ministre a quitté Bamako le 3 mars 2023.', { delay: 5 });
  await page.waitForFunction(() => [...document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-mirror mark')].some((m) => m.textContent === '3 mars 2023'));
  const mirror = await page.$$eval('.dp-mirror mark', (ms) => ms.map((m) => [m.textContent, m.className]));
  assert.ok(mirror.some(([t, c]) => t === 'Bamako' && c.includes('dp-place')));
  assert.ok(mirror.some(([t, c]) => t === '3 mars 2023' && c.includes('dp-date')));
  // The mirror is hidden from assistive technology and not focusable.
  assert.equal(await page.$eval('.dp-mirror', (e) => e.getAttribute('aria-hidden')), 'true');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review');
  assert.ok(has(await marks(page), 'Bamako', 'place'));
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'edit');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement.className), 'dp-input dp-textbox');
  assert.deepEqual(problems, []);
});

// Screenshots go to target/screenshots/ (untracked), so a test run changes no tracked file;
// scripts/screenshots.sh runs this test with DEPECHE_SCREENSHOTS=docs to refresh docs/.
const SHOTS = process.env.DEPECHE_SCREENSHOTS ? join(ROOT, process.env.DEPECHE_SCREENSHOTS) : join(ROOT, 'target', 'screenshots');

test('screenshots of the page (for docs/)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { page, problems } = await env.open({ viewport: { width: 1360, height: 860 } });
  await paste(page, example('dispatch-fr.txt'));
  // A correction, to show a user span: "l'état-major" is an actor here.
  const { selectText } = await import('./helpers.mjs');
  await selectText(page, 'état-major');
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'état-major'));
  await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-review mark')?.blur());
  const { tabTo } = await import('./helpers.mjs');
  await tabTo(page, 'Al-Qaïda');
  const { saved } = await import('./helpers.mjs');
  await saved(page);
  await page.screenshot({ path: join(SHOTS, 'page-review.png') });
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'edit');
  await page.screenshot({ path: join(SHOTS, 'page-edit.png') });
  assert.deepEqual(problems, []);
});
