// Offline use of the page: after one visit the service worker (sw.js) controls the page, and with
// the network gone a reload still loads the editor and annotates a pasted dispatch, at the root of
// a host and under a subpath; a new release replaces the old cache.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, ARGS, ROOT, ready, paste, marks } from './helpers.mjs';
import { serve } from './server.mjs';

/** The repository (or `root`) served under a subpath, as a newsroom's static host does. */
const serveUnder = ({ prefix = '/depeche/', root = ROOT, pages = {} } = {}) => serve(0, root, { prefix, pages });
import { manifest, render } from '../../scripts/sw-manifest.mjs';

// Written for this test.
const DISPATCH = `BAMAKO, 9 avril 2025 (AFP) - L'armée malienne a annoncé mardi avoir repris le contrôle de la ville de Tombouctou, dans le nord du Mali, après trois jours de combats.

Le porte-parole du gouvernement, Issa Coulibaly, a précisé que le Premier ministre se rendrait à Gao le 12 avril.`;

let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }); });
after(async () => { await browser?.close(); });

/** Opens `url` in a fresh profile and waits until the service worker controls the page. */
async function firstVisit(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const sw = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return { scope: reg.scope, script: reg.active?.scriptURL, caches: await caches.keys() };
  });
  return { context, page, problems, sw };
}

/** With the network gone: reload, paste, and read what is highlighted. */
async function offlineReloadAndAnnotate({ context, page }, server) {
  await context.setOffline(true);
  const asked = server.requests.length;
  await page.reload();
  await ready(page);
  await paste(page, DISPATCH);
  const drawn = await marks(page);
  // Offline for real: something outside the shell cannot be fetched, and the server saw nothing.
  const outside = await page.evaluate(() => fetch('examples/dispatch-fr.txt').then(() => 'fetched', () => 'failed'));
  return { drawn, outside, asked: server.requests.slice(asked) };
}

function assertAnnotated(drawn) {
  const has = (text, kind) => assert.ok(drawn.some((m) => m.text === text && m.kind === kind),
    `${kind} “${text}” not highlighted; got ${drawn.map((m) => `${m.kind}:${m.text}`).join(', ')}`);
  has('Tombouctou', 'place');
  has('Issa Coulibaly', 'actor');
  has('12 avril', 'date');
  has("armée malienne", 'actor');
}

for (const prefix of ['/', '/depeche/']) {
  test(`after one visit the page works offline (served at ${prefix})`, async () => {
    const server = await serveUnder({ prefix });
    let visit;
    try {
      visit = await firstVisit(server.url);
      assert.equal(visit.sw.scope, server.url, 'the worker\'s scope is the folder the page is in');
      assert.equal(visit.sw.script, `${server.url}sw.js`);
      const shell = visit.sw.caches.filter((c) => c.startsWith(`depeche-shell ${server.url} `));
      assert.equal(shell.length, 1, visit.sw.caches.join(', '));
      const { drawn, outside, asked } = await offlineReloadAndAnnotate(visit, server);
      assertAnnotated(drawn);
      assert.equal(outside, 'failed', 'the network is really gone');
      assert.deepEqual(asked, [], 'nothing reached the server');
      assert.deepEqual(visit.problems, []);
    } finally {
      await visit?.context.close();
      await server.close();
    }
  });
}

test('a new release replaces the old cache, and the page then works offline with the new files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'depeche-release-'));
  for (const f of ['index.html', 'sw.js', 'www', 'pkg']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  const server = await serveUnder({ prefix: '/news/tools/depeche/', root: dir });
  let visit;
  try {
    visit = await firstVisit(server.url);
    const [before] = visit.sw.caches;
    assert.equal(visit.sw.caches.length, 1);

    // Release 2: a changed stylesheet, so a new manifest version in sw.js.
    appendFileSync(join(dir, 'www', 'depeche.css'), '\n/* release 2 */\n');
    writeFileSync(join(dir, 'sw.js'), render(readFileSync(join(dir, 'sw.js'), 'utf8'), manifest(dir)));
    const version = manifest(dir).version;

    const after = await visit.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
      const next = reg.installing ?? reg.waiting;
      if (!next) return { error: 'no new worker after update()' };
      if (next.state !== 'installed') {
        await new Promise((resolve) => next.addEventListener('statechange', () => next.state === 'installed' && resolve()));
      }
      // Still the old release while the page is open (no mixed versions), until the page asks.
      const beforeSwitch = await caches.keys();
      const switched = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      next.postMessage({ type: 'skip-waiting' });
      await switched;
      await navigator.serviceWorker.ready;
      // Activation deletes the old cache; wait until it is done.
      for (let i = 0; i < 100 && (await caches.keys()).length > 1; i++) await new Promise((r) => setTimeout(r, 50));
      return { beforeSwitch, caches: await caches.keys() };
    });
    assert.equal(after.error, undefined, after.error);
    assert.equal(after.beforeSwitch.length, 2, 'the new cache is filled beside the old one');
    assert.deepEqual(after.caches, [`depeche-shell ${server.url} ${version}`]);
    assert.notEqual(after.caches[0], before);

    const { drawn, asked } = await offlineReloadAndAnnotate(visit, server);
    assertAnnotated(drawn);
    assert.deepEqual(asked, []);
    const css = await visit.page.evaluate(() => fetch('www/depeche.css').then((r) => r.text()));
    assert.match(css, /release 2/);
  } finally {
    await visit?.context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
