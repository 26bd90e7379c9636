// Releases reach returning visitors (issue 11, part 5): two releases served in turn. Two tabs of
// release A are open when release B is published: both say "A new version of depeche is ready —
// Reload"; the one whose Reload is pressed comes back as release B (every file of it), while the
// other keeps getting release A's files until it reloads too. No page ever gets files of both.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, ARGS, ROOT, ready } from './helpers.mjs';
import { serve } from './server.mjs';
import { manifest, render } from '../../scripts/sw-manifest.mjs';

let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }); });
after(async () => { await browser?.close(); });

const MARK = 'depeche release B';

/** Release B: every text file of the shell marked, and sw.js's manifest written for it. */
function publishB(dir) {
  const mark = (p) => {
    for (const e of readdirSync(p)) {
      const f = join(p, e);
      if (statSync(f).isDirectory()) mark(f);
      else if (f.endsWith('.js')) writeFileSync(f, `${readFileSync(f, 'utf8')}\n// ${MARK}\n`);
      else if (f.endsWith('.css')) writeFileSync(f, `${readFileSync(f, 'utf8')}\n/* ${MARK} */\n`);
    }
  };
  mark(join(dir, 'www'));
  const glue = join(dir, 'pkg', 'depeche.js');
  writeFileSync(glue, `${readFileSync(glue, 'utf8')}\n// ${MARK}\n`);
  writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('</body>', `<!-- ${MARK} -->\n</body>`));
  writeFileSync(join(dir, 'sw.js'), render(readFileSync(join(dir, 'sw.js'), 'utf8'), manifest(dir)));
}

/** Every shell file a page receives, with the release it belongs to (A or B). */
function recordReleases(page, origin) {
  const got = [];
  page.on('response', async (r) => {
    const url = r.url();
    if (!url.startsWith(origin) || !/\.(js|css|html)$|\/$/.test(new URL(url).pathname) || url.endsWith('/sw.js')) return;
    try {
      const body = await r.text();
      got.push({ url, release: body.includes(MARK) ? 'B' : 'A' });
    } catch { /* a body the page did not keep */ }
  });
  return got;
}
const fetchRelease = (page, file) => page.evaluate((f) => fetch(f).then((r) => r.text()), file).then((t) => (t.includes(MARK) ? 'B' : 'A'));
const barText = (page) => page.evaluate(() => document.querySelector('.depeche-update')?.textContent ?? null);

test('a new release is offered, taken on the word of the person, and never mixed with the old one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-releases-'));
  for (const f of ['index.html', 'sw.js', 'www', 'pkg/depeche.js', 'pkg/depeche_bg.wasm', 'pkg/packs']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  writeFileSync(join(dir, 'sw.js'), render(readFileSync(join(dir, 'sw.js'), 'utf8'), manifest(dir)));
  const server = await serve(0, dir);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    // Release A: a first visit installs the worker; two tabs run it.
    const one = await context.newPage();
    const problems = [];
    one.on('pageerror', (e) => problems.push(e.message));
    await one.goto(server.url);
    await ready(one);
    await one.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const two = await context.newPage();
    two.on('pageerror', (e) => problems.push(e.message));
    const gotTwo = recordReleases(two, server.origin);
    await two.goto(server.url);
    await ready(two);
    assert.equal(await barText(two), null, 'nothing to offer yet');

    // Release B is published; the tabs look for it (as the browser does on a navigation).
    publishB(dir);
    await one.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    for (const p of [one, two]) {
      await p.waitForFunction(() => !!document.querySelector('.depeche-update'), null, { timeout: 30_000, polling: 100 });
      assert.match(await barText(p), /A new version of depeche is ready — Reload/);
    }
    assert.equal(await fetchRelease(two, 'www/worker.js'), 'A', 'release A until the word is given');

    // Reload in tab one: the new worker takes over and the tab comes back as release B.
    const gotOne = recordReleases(one, server.origin);
    const reloaded = one.waitForEvent('load', { timeout: 30_000 });
    await one.click('.depeche-update-reload');
    await reloaded;
    await ready(one);
    assert.equal(await fetchRelease(one, 'www/worker.js'), 'B');
    assert.equal(await barText(one), null);
    assert.ok(gotOne.length > 20, `${gotOne.length} files`);
    assert.deepEqual(gotOne.filter((g) => g.release !== 'B'), [], 'tab one after the reload: release B only');

    // Tab two was not reloaded: it says a new version is ready and still gets release A's files
    // (its lazily loaded ones too), until it reloads.
    for (const f of ['www/worker.js', 'www/formats/csv.js', 'www/ui/dialogs.js', 'index.html']) assert.equal(await fetchRelease(two, f), 'A', f);
    assert.match(await barText(two), /new version/);
    assert.deepEqual(gotTwo.filter((g) => g.release !== 'A'), [], 'tab two: release A only');
    const reloadedTwo = two.waitForEvent('load', { timeout: 30_000 });
    await two.click('.depeche-update-reload');
    await reloadedTwo;
    await ready(two);
    assert.equal(await fetchRelease(two, 'www/formats/csv.js'), 'B');
    // No page runs release A any more: its cache goes.
    await two.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('depeche-shell ')).length === 1, null, { timeout: 10_000, polling: 200 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
