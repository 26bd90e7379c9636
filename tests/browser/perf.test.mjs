// Big texts in the page: corrections in a 50 KB dispatch, and a 5 MB paste annotated in the
// worker and drawn, with the page still answering keys. These tests check behaviour; the times
// (≤ 16 ms per correction, the longest pause during a 5 MB paste) are measured by
// scripts/bench-page.mjs and written to BENCHMARKS.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, example, focused } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** A long dispatch: our examples repeated, each paragraph numbered so no two are equal. */
function longText(units) {
  const parts = [example('dispatch-fr.txt'), example('dispatch-en.txt'), example('dispatch-fr-2.txt'), example('dispatch-en-2.txt')];
  let out = '', i = 0;
  while (out.length < units) out += `(${i}) ${parts[i++ % parts.length]}\n`;
  return out;
}

test('corrections in a 50 KB dispatch apply, undo and redo', async () => {
  const { page, problems } = await env.open();
  const text = longText(50 * 1024);
  await paste(page, text);
  const n = await page.$$eval('.dp-review mark', (m) => m.length);
  assert.ok(n > 300, `${n} highlights`);
  const before = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.length);
  const counts = [];
  const kinds = [];
  for (const key of ['a', 'p', 'Delete', 'Control+z', 'Control+z', 'Control+y']) {
    await page.focus('.dp-review');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('k');
    if (key === 'a' || key === 'p') {
      await page.keyboard.press(key);
      kinds.push((await focused(page))?.kind);
    } else await page.keyboard.press(key);
    counts.push(await page.$$eval('.dp-review mark', (m) => m.length));
  }
  assert.deepEqual(kinds, ['actor', 'place']);
  // Relabels keep the count, the delete removes one, undo brings it back, a second undo takes
  // back the relabel to place, and redo puts that relabel back.
  assert.deepEqual(counts, [n, n, n - 1, n, n, n]);
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.length), before);
  assert.equal((await focused(page))?.kind, 'place');
  assert.deepEqual(problems, []);
});

test('a 5 MB paste is annotated and drawn, and the page still answers keys', async () => {
  const { page, problems } = await env.open();
  const text = longText(5 * 1024 * 1024);
  await paste(page, text);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-review mark').length > 10000, null, { timeout: 120_000 });
  // The page stays usable: a key still moves the focus.
  await page.focus('.dp-review');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement.matches('mark.dp-mark')));
  assert.deepEqual(problems, []);
});
