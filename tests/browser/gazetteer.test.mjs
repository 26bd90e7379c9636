// The gazetteer pack in the page (issue 15): points for the small towns the core's gazetteer
// leaves out come in pkg/packs/geo.pack, fetched in the background after the first place (once
// per page), kept by the service worker for offline use. Nothing waits for it: the text is
// highlighted at once, and its places get their points when the pack has arrived; the editor's
// corrections made meanwhile stay.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT, ready, paste, spans } from './helpers.mjs';
import { serve } from './server.mjs';

// A dispatch of our own: Pineville (Louisiana, 14,000 people) is a town only the gazetteer pack
// knows; Louisiana is in the core's gazetteer.
const TEXT = `BATON ROUGE, La. (AP) — Two deputies were hurt on Tuesday when a truck hit their patrol car on a highway near Pineville, the Rapides Parish sheriff said.
The governor of Louisiana said the state police would look into the crash.`;
const TOWN = 'Pineville';

let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }); });
after(async () => { await browser?.close(); });

const gazetteerRequests = (server) => server.requests.filter((p) => p.endsWith('/pkg/packs/geo.pack'));
/** The town's span as the session has it now. */
const town = (page) => page.evaluate((t) => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === t) ?? null, TOWN);
/** Waits until the town has a point. */
const located = (page) => page.waitForFunction((t) => {
  const v = document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === t)?.value;
  return v && typeof v.lat === 'number' && typeof v.lon === 'number';
}, TOWN, { timeout: 30_000 });

/**
 * Runs `fn` with a fresh server, browser context (`options` over an 1280x860 viewport) and page,
 * collecting the page's errors in `problems`; closes them after.
 * @param {object} options
 * @param {(t: {server: any, context: any, page: any, problems: string[]}) => Promise<void>} fn
 */
async function withPage(options, fn) {
  const server = await serve(0, ROOT);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await fn({ server, context, page, problems });
  } finally {
    await context.close();
    await server.close();
  }
}

function assertLouisiana(span) {
  assert.equal(span?.kind, 'place', JSON.stringify(span));
  assert.equal(span.value.country, 'US', JSON.stringify(span.value));
  // within 100 km of Pineville, Louisiana (31.32 N, 92.43 W)
  assert.ok(Math.abs(span.value.lat - 31.32) < 1 && Math.abs(span.value.lon + 92.43) < 1, JSON.stringify(span.value));
}

test('the first place brings the gazetteer pack once; its towns get their points, offline too', () => withPage({}, async ({ server, context, page, problems }) => {
  await page.goto(server.url);
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  assert.deepEqual(gazetteerRequests(server), [], 'not with the page');
  await paste(page, 'Le conseil a voté mardi.'); // no place: nothing to fetch
  await page.waitForTimeout(300);
  assert.deepEqual(gazetteerRequests(server), [], 'not for a text without a place');

  await paste(page, TEXT);
  assert.ok((await spans(page)).some((s) => s.text === TOWN && s.kind === 'place'), 'the town is highlighted at once');
  await located(page);
  assertLouisiana(await town(page));
  await paste(page, `${TEXT}\nMore rain is expected in Alexandria.`);
  await located(page);
  assert.equal(gazetteerRequests(server).length, 1, 'fetched once');

  // Offline: a reload starts a new core without the pack; the service worker serves it.
  await context.setOffline(true);
  const asked = server.requests.length;
  await page.reload();
  await ready(page);
  await paste(page, TEXT);
  await located(page);
  assertLouisiana(await town(page));
  assert.deepEqual(server.requests.slice(asked), [], 'nothing reached the server');
  assert.deepEqual(problems, []);
}));

test('a correction made before the pack arrives stays; no pack at all leaves the text as it was', () => withPage({ serviceWorkers: 'block' }, async ({ server, page, problems }) => {
  // No service worker: the page's own fetch is what the route below holds back.
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((r) => { release = r; });
  let fail = true;
  await page.route('**/pkg/packs/geo.pack', async (route) => {
    if (fail) { await route.abort('internetdisconnected'); return; }
    await held;
    await route.continue();
  });
  await page.goto(server.url);
  await ready(page);

  // The fetch fails (offline, nothing kept): the highlights stay, no error is shown.
  await paste(page, TEXT);
  await page.waitForTimeout(500);
  assert.equal((await town(page))?.value?.lat, undefined);
  const errors = await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-errors')?.textContent ?? '');
  assert.equal(errors.trim(), '', 'no message: the pack only adds points');

  // Online again: a new place asks again (after the retry delay, a fresh page asks at once).
  fail = false;
  await page.reload();
  await ready(page);
  await paste(page, TEXT);
  const before = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.map((s) => s.text));
  assert.ok(before.includes('Louisiana'), before.join(', '));
  // The editor removes a highlight while the pack is on its way.
  await page.evaluate(() => {
    const s = document.querySelector('depeche-annotator').editor.session();
    const state = s.spans.find((x) => x.text === 'Louisiana');
    s.remove(state.start, state.end);
  });
  release();
  await located(page);
  assertLouisiana(await town(page));
  const after = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.map((s) => s.text));
  assert.ok(!after.includes('Louisiana'), 'the removal stays');
  assert.deepEqual(problems, []);
}));

test('in a host element (for= mode) the town gets its point too', () => withPage({ viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' }, async ({ server, page, problems }) => {
  await page.goto(`${server.url}tests/browser/pages/blank.html`);
  await page.evaluate(async (text) => {
    await customElements.whenDefined('depeche-annotator');
    const article = document.createElement('div');
    article.id = 'article';
    article.contentEditable = 'true';
    article.textContent = text;
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', '#article');
    document.getElementById('slot').append(article, el);
  }, TEXT);
  await page.waitForFunction((t) => {
    const v = document.querySelector('depeche-annotator').annotations?.find((s) => s.text === t)?.value;
    return v && typeof v.lat === 'number';
  }, TOWN, { timeout: 30_000 });
  assertLouisiana(await page.evaluate((t) => document.querySelector('depeche-annotator').annotations.find((s) => s.text === t), TOWN));
  assert.equal(server.requests.filter((p) => p.endsWith('/pkg/packs/geo.pack')).length, 1);
  assert.deepEqual(problems, []);
}));
