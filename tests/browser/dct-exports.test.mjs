// A reference date for every dispatch (issue 10, part 5) and exports tools read as they are
// (part 8), in the page: a dateline without a year gets an assumed date, shown as assumed in the
// header and marked in the exports; R changes it from the keyboard; the page's brat export
// downloads one .zip that unzip accepts, with annotation.conf; the CSV has the new columns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, paste, spans, tabTo } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const TEXT = 'PARIS, 3 mars (AFP) - Le ministre a annoncé une réunion le 12 mars.';
const note = (page) => page.$eval('.dp-dct-note', (e) => e.textContent);
const api = (page, fn, arg) => page.evaluate(fn, arg);

/** The latest 3 March not after today, as the page computes it (the browser's clock). */
const expectedYear = (page) => page.evaluate(() => {
  const now = new Date();
  const y = now.getFullYear();
  return now.getMonth() > 2 || (now.getMonth() === 2 && now.getDate() >= 3) ? y : y - 1;
});

test('a dateline without a year: an assumed date in the header and the dates, marked in the exports; R sets another', async () => {
  const { page, problems } = await env.open();
  await paste(page, TEXT);
  const y = await expectedYear(page);
  assert.match(await note(page), /^assumed: the dateline has no year/);
  assert.equal(await page.$eval('.dp-dct', (e) => e.value), `${y}-03-03`);
  assert.ok(await page.$eval('.dp-dct', (e) => e.classList.contains('dp-dct-assumed')));
  assert.equal((await spans(page)).find((s) => s.text === '12 mars')?.value, `${y}-03-12`);
  const json = JSON.parse(await api(page, () => document.querySelector('depeche-annotator').export('json'))).documents[0];
  assert.equal(json.dct, `${y}-03-03`);
  assert.equal(json.dct_assumed, true);
  const w3c = JSON.parse(await api(page, () => document.querySelector('depeche-annotator').export('w3c')))['depeche:sources'][0];
  assert.equal(w3c['depeche:dctAssumed'], true);
  const csv = await api(page, () => document.querySelector('depeche-annotator').export('csv'));
  assert.match(csv.split('\r\n')[1], new RegExp(`,${y}-03-03,assumed$`));

  // R: the date field, from review mode; type a date, Enter sets it and goes back to the text.
  await tabTo(page, '12 mars');
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement?.className), 'dp-dct dp-dct-assumed');
  await page.fill('.dp-dct', '2019-03-03');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().doc.dct === '2019-03-03');
  assert.equal((await spans(page)).find((s) => s.text === '12 mars')?.value, '2019-03-12', 'the date set by the editor wins');
  assert.equal(await note(page), 'set by you');
  assert.ok(await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.activeElement?.matches('mark.dp-mark, .dp-review')));
  const after = JSON.parse(await api(page, () => document.querySelector('depeche-annotator').export('json'))).documents[0];
  assert.equal(after.dct_assumed, undefined);

  // A dateline with a year is used as is; no dateline at all: today.
  await page.click('.dp-new');
  await paste(page, 'BEYROUTH, 12 mars 2019 (AFP) - Le ministre a annoncé une réunion le 15 mars.');
  assert.equal(await note(page), 'from dateline');
  assert.equal((await spans(page)).find((s) => s.text === '15 mars')?.value, '2019-03-15');
  await page.click('.dp-new');
  await paste(page, 'Le ministre a annoncé une réunion lundi.');
  assert.match(await note(page), /^assumed: today, no dateline/);
  assert.equal(await page.$eval('.dp-dct', (e) => e.value), await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }));
  assert.deepEqual(problems, []);
});

test('brat from the export button: one .zip with .txt, .ann and annotation.conf that unzip accepts; the API keeps two files', async () => {
  const { page, problems } = await env.open();
  await paste(page, TEXT);
  await page.selectOption('.dp-format', 'brat-zip');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.dp-export')]);
  assert.match(download.suggestedFilename(), /\.zip$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0) {
    const dir = await mkdtemp(join(tmpdir(), 'depeche-brat-'));
    try {
      const path = join(dir, 'x.zip');
      await writeFile(path, bytes);
      assert.match(execFileSync('unzip', ['-t', path], { encoding: 'utf8' }), /No errors detected/);
      const list = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
      assert.equal(list.length, 3);
      assert.ok(list.some((n) => n.endsWith('.txt')) && list.some((n) => n.endsWith('.ann')) && list.includes('annotation.conf'), list.join());
      const conf = execFileSync('unzip', ['-p', path, 'annotation.conf'], { encoding: 'utf8' });
      assert.match(conf, /\[entities\]\nActor\nPlace\nDate/);
      assert.match(conf, /dct \d{4}-03-03 \(assumed\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const viaApi = await api(page, async () => {
    const el = document.querySelector('depeche-annotator');
    const z = await el.export('brat-zip');
    return { two: el.export('brat').map((f) => f.filename.split('.').pop()), zip: z.filename.endsWith('.zip'), bytes: z.data.length > 100 };
  });
  assert.deepEqual(viaApi, { two: ['txt', 'ann'], zip: true, bytes: true });
  assert.deepEqual(problems, []);
});
