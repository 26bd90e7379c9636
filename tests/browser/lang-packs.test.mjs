// Language packs in the page (issue 13): Spanish and German come in pkg/packs/<code>.pack, which
// the engine fetches the first time a text in that language appears (once), and the service
// worker keeps, so that an offline reload annotates them again. Without the network and without
// a kept pack, the page says which language it could not load, and the text stays.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT, ready, paste, spans } from './helpers.mjs';
import { serve } from './server.mjs';

// Our own dispatches (tests/gold/es_dispatches.jsonl es-06, de_dispatches.jsonl de-01).
const ES = `MÉXICO, 3 jun (EFE).- El presidente de México, Andrés Manuel López Obrador, viajará el próximo lunes a Tijuana para un acto en la frontera con Estados Unidos.
La Secretaría de Relaciones Exteriores negocia desde el viernes en Washington para evitar los aranceles anunciados por el presidente Donald Trump.`;
const DE = `Berlin (dpa) - Die Bundesregierung will bis Ende 2027 zusätzliche Mittel für die Bundeswehr bereitstellen. Das kündigte Bundeskanzler Friedrich Merz am Donnerstag in Berlin an. Verteidigungsminister Boris Pistorius sagte, die Pläne seien vergangene Woche mit den Ländern abgestimmt worden.`;

let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }); });
after(async () => { await browser?.close(); });

const lang = (page) => page.evaluate(() => document.querySelector('depeche-annotator').editor.session().result?.lang);
const packRequests = (server) => server.requests.filter((p) => p.includes('/pkg/packs/'));
/**
 * The packs of the languages loaded on demand that reached the server (the core languages' come
 * with the page; the gazetteer's, after the first place, is tests/browser/gazetteer.test.mjs's).
 */
const onDemand = (server) => packRequests(server).filter((p) => !/\/(fr|en|geo)\.pack$/.test(p));

async function assertSpanish(page) {
  assert.equal(await lang(page), 'es');
  const s = await spans(page);
  const has = (text, kind) => assert.ok(s.some((x) => x.text === text && x.kind === kind),
    `${kind} “${text}” not found; got ${s.map((x) => `${x.kind}:${x.text}`).join(', ')}`);
  has('Tijuana', 'place');
  has('Andrés Manuel López Obrador', 'actor');
  const date = s.find((x) => x.text === '3 jun');
  assert.ok(date && date.kind === 'date' && /-06-03$/.test(date.value), JSON.stringify(date));
}

async function assertGerman(page) {
  assert.equal(await lang(page), 'de');
  const s = await spans(page);
  const has = (text, kind) => assert.ok(s.some((x) => x.text === text && x.kind === kind),
    `${kind} “${text}” not found; got ${s.map((x) => `${x.kind}:${x.text}`).join(', ')}`);
  has('Berlin', 'place');
  has('Friedrich Merz', 'actor');
  assert.equal(s.find((x) => x.text === 'Ende 2027')?.value, '2027');
}

test('Spanish and German: each pack fetched once, kept by the service worker, annotated again offline', async () => {
  const server = await serve(0, ROOT);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(server.url);
    await ready(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // The menu lists the pack languages.
    const codes = await page.evaluate(() => [...document.querySelector('depeche-annotator').shadowRoot
      .querySelectorAll('select.dp-lang option')].map((o) => o.value));
    assert.ok(codes.includes('es') && codes.includes('de'), codes.join(', '));
    // The core languages' packs came with the page (the service worker keeps them in its shell).
    assert.ok(packRequests(server).includes('/pkg/packs/fr.pack') && packRequests(server).includes('/pkg/packs/en.pack'));
    assert.deepEqual(onDemand(server), [], 'no other pack before a text needs one');

    await paste(page, ES);
    await assertSpanish(page);
    await paste(page, DE);
    await assertGerman(page);
    await paste(page, ES); // again: no second fetch
    await assertSpanish(page);
    assert.deepEqual(onDemand(server).sort(), ['/pkg/packs/de.pack', '/pkg/packs/es.pack']);

    // Offline: a reload starts a new core without packs; the service worker serves them.
    await context.setOffline(true);
    const asked = server.requests.length;
    await page.reload();
    await ready(page);
    await paste(page, DE);
    await assertGerman(page);
    await paste(page, ES);
    await assertSpanish(page);
    assert.deepEqual(server.requests.slice(asked), [], 'nothing reached the server');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('offline with no pack kept: a message names the language, and the text stays', async () => {
  const server = await serve(0, ROOT);
  // No service worker here: a pack that cannot be fetched is not found anywhere.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await ready(page);
    await context.setOffline(true);
    await paste(page, ES);
    const shown = await page.evaluate(() => {
      const el = document.querySelector('depeche-annotator');
      return { errors: el.shadowRoot.querySelector('.dp-errors')?.textContent ?? '', text: el.editor.session().doc.text };
    });
    assert.match(shown.errors, /Spanish language pack could not be fetched/);
    assert.equal(shown.text, ES, 'the text is kept');
    // Back online: the next text in Spanish loads the pack and is annotated.
    await context.setOffline(false);
    await paste(page, `${ES}\n`);
    await assertSpanish(page);
  } finally {
    await context.close();
    await server.close();
  }
});
