// Speed budgets of the page: one correction in a 50 KB dispatch redraws in ≤ 16 ms; a 5 MB paste
// never freezes the page (the worker annotates, the view draws in slices).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, example } from './helpers.mjs';

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

test('one correction in a 50 KB dispatch redraws within 16 ms', async () => {
  const { page, problems } = await env.open();
  const text = longText(50 * 1024);
  await paste(page, text);
  const n = await page.$$eval('.dp-review mark', (m) => m.length);
  assert.ok(n > 300, `${n} highlights`);
  const times = [];
  for (const key of ['a', 'p', 'Delete', 'Control+z', 'Control+z', 'Control+y']) {
    await page.focus('.dp-review');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('k');
    await page.keyboard.press(key);
    times.push(await page.evaluate(() => window.depecheEditor.stats()));
  }
  const med = (k) => { const v = times.map((t) => t[k]).sort((a, b) => a - b); return v[v.length >> 1]; };
  console.log(`one correction, 50 KB, ${n} highlights: text view median ${med('lastRenderMs').toFixed(1)} ms, `
    + `with focus/legend/header median ${med('lastRefreshMs').toFixed(1)} ms`);
  assert.ok(med('lastRenderMs') <= 16, `median text redraw ${med('lastRenderMs')} ms > 16 ms (${JSON.stringify(times)})`);
  assert.ok(med('lastRefreshMs') <= 40, `median full redraw ${med('lastRefreshMs')} ms (${JSON.stringify(times)})`);
  assert.deepEqual(problems, []);
});

test('a 5 MB paste never freezes the page', async () => {
  const { page, problems } = await env.open();
  const text = longText(5 * 1024 * 1024);
  // Watch the longest gap between animation frames while the paste is handled.
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await paste(page, text);
  await page.waitForFunction(() => document.querySelectorAll('.dp-review mark').length > 10000, null, { timeout: 120_000 });
  const elapsed = Date.now() - t0;
  const gap = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__gap; });
  console.log(`5 MB paste: highlighted in ${elapsed} ms, longest frame gap ${gap.toFixed(0)} ms`);
  // The page stays usable: a key still moves the focus.
  await page.focus('.dp-review');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('mark.dp-mark')));
  assert.ok(gap < 1500, `the page froze for ${gap} ms`);
  assert.deepEqual(problems, []);
});
