// The seed dispatch (shared fixtures, outside this repository): every gold span highlighted
// with its kind. Skipped with a message when ../shared is absent; with CI=true that is a failure.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, paste, spans, hasShared, ROOT } from './helpers.mjs';

const DIR = join(ROOT, '..', 'shared', 'fixtures');
let env;
before(async () => { if (hasShared()) env = await start(); });
after(async () => { await env?.stop(); });

test('the seed dispatch: every gold span is highlighted with its kind', async (t) => {
  if (!hasShared()) {
    if (process.env.CI === 'true') assert.fail(`${DIR}/seed-dispatch.txt is missing (CI=true)`);
    t.skip(`${DIR} is absent: seed dispatch not checked`);
    return;
  }
  const text = readFileSync(join(DIR, 'seed-dispatch.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(join(DIR, 'seed-dispatch.gold.json'), 'utf8'));
  const { page, problems } = await env.open();
  await paste(page, text);
  if (gold.dct) {
    await page.fill('.dp-dct', gold.dct);
    await page.dispatchEvent('.dp-dct', 'change');
    await page.waitForFunction((d) => document.querySelector('depeche-annotator').editor.session().doc.dct === d, gold.dct);
  }
  const got = await spans(page);
  const drawn = await page.$$eval('.dp-review mark.dp-mark', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(drawn, got.map((s) => s.text), 'the marks draw the session spans');
  // Offsets: the page normalises line ends; gold offsets count the file's text as given.
  const norm = text.replace(/\r\n?/g, '\n');
  assert.equal(norm, text, 'the seed dispatch has \\n line ends (offsets comparable)');
  const missing = [];
  for (const g of gold.spans) {
    if (g.optional || g.kind === 'other') continue;
    const kinds = [g.kind, ...(g.alt_kinds ?? [])];
    const extents = [[g.start, g.end], ...(g.alt_extents ?? [])];
    const ok = got.some((s) => kinds.includes(s.kind) && extents.some(([a, b]) => s.start === a && s.end === b));
    if (!ok) missing.push(`${g.kind} “${g.text}” [${g.start},${g.end})`);
  }
  assert.deepEqual(missing, [], `gold spans not highlighted (${missing.length} of ${gold.spans.length})`);
  assert.deepEqual(problems, []);
});
