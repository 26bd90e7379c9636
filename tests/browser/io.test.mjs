// Export and import through the page: every importable export imports back to the same spans,
// in a fresh browser profile; the export-only formats download something sensible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, paste, spans, tabTo, saved, example, pasteAndCorrect } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** Export with the panel; returns [{name, buffer}] (brat gives two files). */
async function exportAs(page, id, scope = 'doc', files = 1) {
  await page.selectOption('.dp-format', id);
  await page.selectOption('.dp-scope', scope);
  const downloads = [];
  const got = new Promise((ok) => {
    const on = (d) => { downloads.push(d); if (downloads.length === files) { page.off('download', on); ok(); } };
    page.on('download', on);
  });
  await page.click('.dp-export');
  await got;
  return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), buffer: await readFile(await d.path()) })));
}

async function corrected(page) {
  await pasteAndCorrect(page);
  await tabTo(page, 'Thursday');
  await page.keyboard.press('v');
  await page.fill('.dp-in-date', '2022-06-03');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Thursday')?.value === '2022-06-03');
}

const shape = (ss, withValue) => ss.map((s) => ({ start: s.start, end: s.end, kind: s.kind, text: s.text, ...(withValue ? { value: s.value } : {}) }));

for (const [id, files, withValue] of [['json', 1, true], ['w3c', 1, true], ['brat', 2, false]]) {
  test(`${id} export imports back to the same spans`, async () => {
    const { page, problems } = await env.open();
    await corrected(page);
    const want = await spans(page);
    const text = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().doc.text);
    const out = await exportAs(page, id, 'doc', files);
    assert.equal(out.length, files);
    // A fresh profile: no lexicon, no history. The import alone restores the spans.
    const fresh = await env.open();
    await fresh.page.setInputFiles('.dp-import-file', out.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: f.buffer })));
    await fresh.page.waitForFunction((t) => document.querySelector('depeche-annotator').editor.session()?.doc.text === t && document.querySelector('depeche-annotator').editor.mode === 'review', text);
    await fresh.page.waitForFunction(() => !document.querySelector('depeche-annotator').editor.session().pending);
    assert.deepEqual(shape(await spans(fresh.page), withValue), shape(want, withValue));
    if (!withValue) {
      // brat keeps values it can (notes); at least the corrected date's value must not be invented.
      const th = (await spans(fresh.page)).find((s) => s.text === 'Thursday');
      assert.ok(th.value === undefined || th.value === '2022-06-03', `Thursday value ${th.value}`);
    }
    assert.equal(await fresh.page.$$eval('.dp-error', (e) => e.length), 0, 'no error shown');
    assert.deepEqual(problems, []);
    assert.deepEqual(fresh.problems, []);
  });
}

test('export-only formats and every dispatch of the history at once', async () => {
  const { page, problems } = await env.open();
  await corrected(page);
  await page.click('.dp-new');
  await paste(page, example('dispatch-fr.txt'));
  await saved(page);
  const [csv] = await exportAs(page, 'csv');
  const csvText = csv.buffer.toString('utf8');
  assert.match(csvText, /kind/);
  assert.match(csvText, /Tombouctou/);
  const [html] = await exportAs(page, 'html');
  assert.match(html.buffer.toString('utf8'), /<mark[^>]*>Tombouctou<\/mark>/);
  const [conll] = await exportAs(page, 'conll');
  assert.match(conll.buffer.toString('utf8'), /Tombouctou\s+B-/);
  // All dispatches: both texts in one JSON export, with the first one's corrections.
  const [all] = await exportAs(page, 'json', 'all');
  const doc = JSON.parse(all.buffer.toString('utf8'));
  assert.equal(doc.documents.length, 2);
  const en = doc.documents.find((d) => d.text.startsWith('NAIROBI'));
  assert.ok(en.spans.some((s) => s.text === 'shopping centre' && s.kind === 'place'));
  assert.ok(!en.spans.some((s) => s.text === 'U.S.'));
  // Importing it in a fresh profile brings both into the history, the last one opened.
  const fresh = await env.open();
  await fresh.page.setInputFiles('.dp-import-file', { name: all.name, mimeType: 'application/json', buffer: all.buffer });
  await fresh.page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review');
  await saved(fresh.page);
  await fresh.page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-history-item').length === 2);
  assert.deepEqual(problems, []);
  assert.deepEqual(fresh.problems, []);
});
