// The embedding examples (examples/embed/) and the README's embedding snippet, as a host site
// serves them: depeche under /depeche/, the host's pages elsewhere. Each page loads with no
// Content-Security-Policy violation, annotates (the right spans), registers no service worker and,
// once loaded, makes no network request of its own; the CMS form submits its annotations as JSON
// in its hidden field; for= mode leaves the host's markup as it was.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT } from './helpers.mjs';
import { serve } from './server.mjs';

/** The repository (or `root`) served under a subpath, as a newsroom's static host does. */
const serveUnder = ({ prefix = '/depeche/', root = ROOT, pages = {} } = {}) => serve(0, root, { prefix, pages });

/** The README's embedding snippet: the first ```html block of "## Embedding in a CMS". */
export function readmeSnippet() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding in a CMS'));
  const block = /```html\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('README.md: no ```html block in "## Embedding in a CMS"');
  return block[1];
}

let browser;
let server;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  server = await serveUnder({
    prefix: '/depeche/',
    pages: { '/embed.html': `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>README snippet</title></head><body>\n${readmeSnippet()}</body></html>\n` },
  });
});
after(async () => { await browser?.close(); await server?.close(); });

/** Opens a host page; collects CSP violations, page errors and requests. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().endsWith('/favicon.ico')) requests.push(r.url()); });
  await page.goto(server.origin + path);
  await page.waitForFunction(() => [...document.querySelectorAll('depeche-annotator')].length > 0
    && customElements.get('depeche-annotator'), null, { timeout: 20_000 });
  await page.evaluate(() => Promise.all([...document.querySelectorAll('depeche-annotator')].map((el) => el.ready)));
  return { context, page, problems, requests };
}

/** What a page shows as highlights: CSS Custom Highlight ranges (for= mode) and marks in shadow roots. */
function shown() {
  const out = [];
  if (globalThis.CSS?.highlights) {
    for (const [name, hl] of CSS.highlights) {
      const kind = ['actor', 'place', 'date'].find((k) => name.endsWith(`-${k}`));
      for (const r of hl) out.push({ kind, text: r.toString() });
    }
  }
  for (const el of document.querySelectorAll('depeche-annotator')) {
    for (const m of el.shadowRoot?.querySelectorAll('[part~="mark"]') ?? []) {
      const part = m.getAttribute('part').split(/\s+/).find((p) => /^mark-(actor|place|date)$/.test(p));
      out.push({ kind: part?.slice(5), text: m.textContent });
    }
  }
  return out;
}
/** The highlights, once there are some. */
async function highlights(page) {
  // A missing highlight fails in assertShows, with the list of what is shown.
  await page.waitForFunction(`(${shown})().length > 0`, null, { timeout: 10_000, polling: 100 }).catch(() => {});
  return page.evaluate(shown);
}

function assertShows(shown, wanted) {
  for (const [kind, text] of wanted) {
    assert.ok(shown.some((h) => h.kind === kind && h.text === text),
      `${kind} “${text}” not highlighted; shown: ${shown.map((h) => `${h.kind}:${h.text}`).join(', ')}`);
  }
}

/**
 * No CSP violation, no error, no service worker, nothing fetched after loading but the gazetteer
 * pack (points for small towns, fetched once in the background after the first place).
 */
async function assertGoodGuest({ page, problems, requests }, loaded, after) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'CSP violations');
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(async () => ({
    controller: navigator.serviceWorker?.controller ?? null,
    registrations: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
  })), { controller: null, registrations: 0 }, 'an embedded element registers no service worker');
  const gazetteer = (u) => new URL(u).pathname === '/depeche/pkg/packs/geo.pack';
  assert.deepEqual(requests.slice(loaded).filter((u) => !gazetteer(u)), [], `requests after loading (${after})`);
  assert.ok(requests.filter(gazetteer).length <= 1, 'the gazetteer pack is fetched once at most');
  // Everything it loaded came from the host's own /depeche/ (and the page itself).
  for (const url of requests) assert.ok(url.startsWith(server.origin), url);
}

const codePoints = (s, a, b) => Array.from(s).slice(a, b).join('');

test('csp.html: one tag under a strict CSP annotates its dispatch, with no violation', async () => {
  const t = await open('/depeche/examples/embed/csp.html');
  try {
    const csp = await t.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'");
    assert.equal(await t.page.locator('script').count(), 1);
    // The module and the element have what types/element.d.ts declares.
    const api = await t.page.evaluate(async () => {
      const m = await import(document.querySelector('script').src);
      const el = document.querySelector('depeche-annotator');
      return {
        exports: ['DepecheAnnotator', 'loadEngine'].filter((k) => typeof m[k] !== 'function'),
        members: ['text', 'annotations', 'lexicon', 'ready', 'highlightPrefix', 'annotate', 'export', 'import'].filter((k) => !(k in el)),
        instance: el instanceof m.DepecheAnnotator && customElements.get('depeche-annotator') === m.DepecheAnnotator,
        readyIsElement: (await el.ready) === el,
      };
    });
    assert.deepEqual(api, { exports: [], members: [], instance: true, readyIsElement: true });
    const spans = await t.page.$eval('depeche-annotator', (el) => el.annotations);
    const got = spans.map((s) => `${s.kind}:${s.text}`);
    for (const want of ['place:Turkana', 'place:Kenya', 'actor:Grace Wanjiru', 'date:Sept 8, 2025', 'actor:Reuters']) {
      assert.ok(got.includes(want), `${want} not in ${got.join(', ')}`);
    }
    const text = await t.page.$eval('depeche-annotator', (el) => el.text);
    for (const s of spans) assert.equal(codePoints(text, s.start, s.end), s.text);
    assertShows(await highlights(t.page), [['place', 'Turkana'], ['actor', 'Grace Wanjiru']]);
    const loaded = t.requests.length;
    // Re-annotating (a new text) is local: no request.
    await t.page.$eval('depeche-annotator', (el) => { el.text = 'KAMPALA, Sept 9, 2025 (Reuters) - Uganda closed its border with Kenya on Tuesday.'; });
    const again = await t.page.$eval('depeche-annotator', (el) => el.annotate().then((r) => r.spans.map((s) => s.text)));
    assert.ok(again.includes('Uganda') && again.includes('Kenya'), again.join(', '));
    await assertGoodGuest(t, loaded, 'setting a new text');
  } finally {
    await t.context.close();
  }
});

test('article.html: the article is highlighted in place, read-only, its markup untouched', async () => {
  const source = readFileSync(join(ROOT, 'examples', 'embed', 'article.html'), 'utf8');
  const markup = /<article id="story" class="story">([\s\S]*?)<\/article>/.exec(source)[1];
  const t = await open('/depeche/examples/embed/article.html');
  try {
    const shown = await highlights(t.page);
    assertShows(shown, [['place', 'Tombouctou'], ['place', 'Gao'], ['actor', 'Issa Coulibaly'], ['date', '12 avril'], ['actor', 'armée malienne']]);
    assert.equal(await t.page.$eval('#story', (a) => a.innerHTML), markup, "the host's DOM is unchanged");
    const text = await t.page.$eval('depeche-annotator', (el) => el.text);
    assert.match(text, /^\s*Mali : l'armée annonce avoir repris Tombouctou/);
    await assertGoodGuest(t, t.requests.length, 'none');
  } finally {
    await t.context.close();
  }
});

test('cms-form.html: the body field is highlighted as it is edited, and the annotations are submitted as JSON', async () => {
  const t = await open('/depeche/examples/embed/cms-form.html');
  try {
    assertShows(await highlights(t.page), [['place', 'Bouches-du-Rhône'], ['actor', 'Benoît Payan'], ['date', 'jeudi 23 octobre']]);
    assert.match(await t.page.textContent('#summary'), /\d+ actors?, \d+ places?, \d+ dates?/);
    const loaded = t.requests.length;

    // Typing in the CMS's own field: a change event, a new highlight, no request.
    const changed = t.page.evaluate(() => new Promise((resolve) => document.querySelector('depeche-annotator')
      .addEventListener('depeche-change', (e) => resolve(e.detail.annotations.map((s) => s.text)), { once: true })));
    await t.page.focus('#body');
    await t.page.keyboard.press('Control+End');
    await t.page.keyboard.type(' Le préfet a rejoint Aix-en-Provence.');
    assert.ok((await changed).includes('Aix-en-Provence'));
    await t.page.waitForFunction(() => /\d/.test(document.querySelector('#summary').textContent));
    await assertGoodGuest(t, loaded, 'typing in the body field');

    await Promise.all([t.page.waitForURL(/cms-form\.html\?/), t.page.click('button[type=submit]')]);
    const sent = new URL(t.page.url()).searchParams;
    const body = sent.get('body');
    assert.ok(body.endsWith('Le préfet a rejoint Aix-en-Provence.'), body);
    const spans = JSON.parse(sent.get('annotations'));
    const got = spans.map((s) => `${s.kind}:${s.text}`);
    for (const want of ['place:Bouches-du-Rhône', 'actor:Benoît Payan', 'date:jeudi 23 octobre', 'place:Aix-en-Provence']) {
      assert.ok(got.includes(want), `${want} not in ${got.join(', ')}`);
    }
    // FORMAT.md spans: code point offsets into the submitted body (textarea submission uses CRLF).
    const submitted = body.replace(/\r\n/g, '\n');
    for (const s of spans) assert.equal(codePoints(submitted, s.start, s.end), s.text, JSON.stringify(s));
    assert.equal(await t.page.textContent('#received'), `Saved with ${
      ['actor', 'place', 'date'].map((k) => { const n = spans.filter((s) => s.kind === k).length; return `${n} ${k}${n === 1 ? '' : 's'}`; }).join(', ')}.`);
  } finally {
    await t.context.close();
  }
});

test("the README's three-line embedding example works as written", async () => {
  const snippet = readmeSnippet();
  assert.equal(snippet.trim().split('\n').length, 3, snippet);
  const t = await open('/embed.html');
  try {
    assertShows(await highlights(t.page), [['place', 'Tombouctou'], ['actor', 'Issa Coulibaly']]);
    await assertGoodGuest(t, t.requests.length, 'none');
  } finally {
    await t.context.close();
  }
});

// In a textarea host the overlay lies over the words: it must tint them, not cover them. The test
// reads the pixels under each highlight and wants the dark strokes of the text.
test('cms-form.html: the words under the highlights in the body field stay readable', async () => {
  const t = await open('/depeche/examples/embed/cms-form.html');
  try {
    await highlights(t.page);
    const boxes = await t.page.$eval('depeche-annotator', (el) => [...el.shadowRoot.querySelectorAll('[part~="mark"]')]
      .map((m) => { const r = m.getBoundingClientRect(); return { text: m.textContent, x: r.x, y: r.y, width: r.width, height: r.height * 0.7 }; })
      .filter((b) => b.width > 20));
    assert.ok(boxes.length >= 3, JSON.stringify(boxes));
    const dark = [];
    const decoder = await t.context.newPage(); // about:blank: the example's CSP forbids data: images
    for (const b of boxes) {
      const png = (await t.page.screenshot({ clip: { x: b.x, y: b.y, width: b.width, height: b.height } })).toString('base64');
      // Decode in the browser (no image library here): dark pixels = the text's strokes.
      dark.push([b.text, await decoder.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] < 90) n++;
        return n;
      }, `data:image/png;base64,${png}`)]);
    }
    assert.ok(dark.every(([, n]) => n > 15), `dark pixels under each highlight: ${JSON.stringify(dark)}`);
  } finally {
    await t.context.close();
  }
});
