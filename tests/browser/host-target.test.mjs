// for= mode's host, wherever and whenever it is: `for` as a CSS selector, a target that does not
// exist yet, a target replaced (an editor destroyed and built again), a same-origin iframe's body
// (by `for` on the iframe and by the `host` property), and bad hosts (an image, a cross-origin
// iframe, an invalid selector, a host removed while it is annotated) reported with depeche-error
// and depeche-host events, never an exception in the page. Also: saved annotations put back on
// an article edited since, and the lexicon kept with storage="local".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const BLANK = 'tests/browser/pages/blank.html';
const STORY = 'BAMAKO, 9 avril 2025 (AFP) - L\'armée malienne a annoncé mardi avoir repris Tombouctou, a déclaré le porte-parole du gouvernement, Issa Coulibaly. 🇲🇱 Le ministre Issa Coulibaly était à Gao.';

async function open() {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(env.server.url + BLANK);
  await page.evaluate(() => customElements.whenDefined('depeche-annotator'));
  // every depeche event of the page, in order (test-only global)
  await page.evaluate(() => {
    window.__log = [];
    for (const type of ['depeche-host', 'depeche-error', 'depeche-ready', 'depeche-change']) {
      document.addEventListener(type, (e) => window.__log.push({ type, state: e.detail?.state, reason: e.detail?.reason,
        message: e.detail?.message, lost: e.detail?.lost?.map((s) => s.text), host: e.detail?.host?.id || e.detail?.host?.tagName || null }));
    }
  });
  return { page, context, problems };
}
const log = (page) => page.evaluate(() => window.__log.splice(0));
/** The highlighted words per kind of the element `sel`, read from the host's own window. */
const painted = (page, sel = 'depeche-annotator') => page.evaluate((s) => {
  const el = document.querySelector(s);
  const win = el.host?.ownerDocument.defaultView ?? window;
  const out = {};
  for (const [name, h] of win.CSS.highlights) if (name.startsWith(`${el.highlightPrefix}-`)) out[name.slice(el.highlightPrefix.length + 1)] = [...h].map((r) => r.toString());
  return out;
}, sel);

test('for takes a CSS selector; a target that appears later is waited for; a replaced one is followed with its corrections', async () => {
  const { page, context, problems } = await open();
  // depeche first, the "editor" later: it waits and says so
  await page.evaluate(() => {
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', '.editor .editable');
    el.setAttribute('lang', 'fr');
    document.getElementById('slot').append(el);
  });
  assert.deepEqual((await log(page)).map((e) => [e.type, e.state]), [['depeche-host', 'waiting']]);
  const build = (text) => page.evaluate((t) => {
    const wrap = document.createElement('div');
    wrap.className = 'editor';
    const ed = document.createElement('div');
    ed.className = 'editable';
    ed.contentEditable = 'true';
    ed.append(Object.assign(document.createElement('p'), { textContent: t }));
    wrap.append(ed);
    document.body.append(wrap);
  }, text);
  await build(STORY);
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  let events = await log(page);
  assert.deepEqual(events.filter((e) => e.type === 'depeche-host').map((e) => e.state), ['found']);
  assert.ok(events.some((e) => e.type === 'depeche-ready'));
  let hl = await painted(page);
  assert.ok(hl.place?.includes('Tombouctou') && hl.place.includes('Gao'), JSON.stringify(hl));
  // a correction: Gao is not to be highlighted in this article
  await page.evaluate(() => {
    const el = document.querySelector('depeche-annotator');
    el.annotations = el.annotations.filter((s) => s.text !== 'Gao');
  });
  assert.ok(!(await painted(page)).place?.includes('Gao'));
  // the editor is destroyed and built again on the same article (a reconfiguration)
  await page.evaluate(() => document.querySelector('.editor').remove());
  await page.waitForFunction(() => window.__log.some((e) => e.state === 'lost'));
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').host), null);
  await build(STORY.replace('mardi', 'mardi soir'));
  await page.waitForFunction(() => window.__log.some((e) => e.state === 'found'));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Tombouctou'));
  events = await log(page);
  assert.deepEqual(events.filter((e) => e.type === 'depeche-host').map((e) => e.state), ['lost', 'waiting', 'found']);
  assert.ok(events.some((e) => e.type === 'depeche-change' && e.reason === 'host'), JSON.stringify(events));
  hl = await painted(page);
  assert.ok(hl.place?.includes('Tombouctou'), JSON.stringify(hl));
  assert.ok(!hl.place?.includes('Gao'), 'the correction followed the article onto the new element');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').host.className), 'editable');
  // another article in the rebuilt editor (a route change): no correction leaks into it
  await page.evaluate(() => document.querySelector('.editor').remove());
  await build('NIAMEY, 2 mai 2025 (AFP) - Le convoi est arrivé à Gao jeudi, selon l\'armée nigérienne.');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Gao'));
  // setting `for` again after a miss works
  await page.evaluate(() => document.querySelector('depeche-annotator').setAttribute('for', '#nothing-here'));
  await page.waitForFunction(() => window.__log.some((e) => e.state === 'waiting'));
  await page.evaluate(() => { document.querySelector('.editable').id = 'nothing-here'; });
  await page.waitForFunction(() => document.querySelector('depeche-annotator').host?.id === 'nothing-here');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a same-origin iframe: for on the <iframe> annotates its body, painted in its window; the host property too', async () => {
  const { page, context, problems } = await open();
  await page.evaluate((story) => {
    const f = document.createElement('iframe');
    f.id = 'content_ifr';
    f.srcdoc = `<!doctype html><html><head><title>x</title></head><body contenteditable="true"><p>${story}</p></body></html>`;
    document.body.append(f);
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', '#content_ifr');
    el.setAttribute('lang', 'fr');
    document.getElementById('slot').append(el);
  }, STORY);
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  const where = await page.evaluate(() => {
    const el = document.querySelector('depeche-annotator');
    const fw = document.getElementById('content_ifr').contentWindow;
    return { body: el.host === fw.document.body, inFrame: [...fw.CSS.highlights.keys()].filter((k) => k.startsWith(el.highlightPrefix)).length,
      inTop: [...CSS.highlights.keys()].filter((k) => k.startsWith(el.highlightPrefix)).length,
      rules: fw.document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).length };
  });
  assert.deepEqual(where, { body: true, inFrame: 3, inTop: 0, rules: 3 });
  assert.ok((await painted(page)).place?.includes('Tombouctou'));
  // typing inside the iframe is followed
  await page.frameLocator('#content_ifr').locator('p').evaluate((p) => p.append(' Les soldats ont quitté Kidal vendredi.'));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Kidal'));
  // the iframe is reloaded (its document replaced): lost, then found again
  await log(page);
  await page.evaluate((story) => { document.getElementById('content_ifr').srcdoc = `<body contenteditable="true"><p>${story} Fin.</p></body>`; }, STORY);
  await page.waitForFunction(() => window.__log.filter((e) => e.type === 'depeche-host').map((e) => e.state).join() === 'lost,waiting,found'
    || window.__log.filter((e) => e.type === 'depeche-host').map((e) => e.state).join() === 'lost,found');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').text.endsWith('Fin.'));
  // the host property: an element inside the iframe, given directly
  await page.evaluate(() => {
    const el = document.createElement('depeche-annotator');
    el.id = 'second';
    el.host = document.getElementById('content_ifr').contentDocument.querySelector('p');
    document.getElementById('slot').append(el);
  });
  await page.evaluate(() => document.getElementById('second').ready);
  assert.ok((await painted(page, '#second')).place?.includes('Gao'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an editor that fills its empty body after depeche found it is read at once; typing still waits for the pause', async () => {
  // TinyMCE classic and its kin: the editable body exists (empty) before the editor sets the article into it.
  const { page, context, problems } = await open();
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'late_ifr';
    f.srcdoc = '<!doctype html><html><head><title>x</title></head><body contenteditable="true"></body></html>';
    document.body.append(f);
  });
  await page.waitForFunction(() => document.getElementById('late_ifr').contentDocument?.body?.isContentEditable);
  await page.evaluate(() => {
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', '#late_ifr');
    el.setAttribute('lang', 'fr');
    document.getElementById('slot').append(el);
  });
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').text), '');
  // Timers run in the order they are due: two zero-delay timers queued after the edit run
  // before any pause depeche would wait for, whatever the machine's load.
  const afterTwoTimers = () => page.evaluate(() => new Promise((r) => setTimeout(() => setTimeout(r, 0), 0)));
  await page.evaluate((story) => {
    const body = document.getElementById('late_ifr').contentDocument.body;
    for (const line of story.split('. ')) { const p = body.ownerDocument.createElement('p'); p.textContent = line; body.append(p); }
  }, STORY);
  await afterTwoTimers();
  assert.ok((await painted(page)).place?.includes('Tombouctou'), 'the filled body is highlighted without a typing pause');
  // an edit of a body that has text is typing: read after the pause, not at once
  await page.evaluate(() => document.getElementById('late_ifr').contentDocument.body.lastChild.append(' Puis à Kidal.'));
  await afterTwoTimers();
  assert.ok(!(await page.evaluate(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Kidal'))));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Kidal'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad hosts get a depeche-error that says why, never an exception in the page', async () => {
  const { page, context, problems } = await open();
  const errors = await page.evaluate(async () => {
    const out = [];
    const make = (attrs, host) => {
      const el = document.createElement('depeche-annotator');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (host) el.host = host;
      el.addEventListener('depeche-error', (e) => out.push(e.detail.message));
      document.getElementById('slot').append(el);
      return el;
    };
    const img = document.createElement('img');
    img.id = 'pic';
    document.body.append(img);
    make({ for: 'pic' });
    make({ for: 'p[[' });
    const sandboxed = document.createElement('iframe');
    sandboxed.id = 'other';
    sandboxed.setAttribute('sandbox', '');
    sandboxed.srcdoc = '<p>Paris</p>';
    document.body.append(sandboxed);
    await new Promise((ok) => sandboxed.addEventListener('load', ok, { once: true }));
    make({ for: '#other' });
    const bad = document.createElement('depeche-annotator');
    bad.addEventListener('depeche-error', (e) => out.push(e.detail.message));
    bad.host = 'not an element';
    await new Promise((ok) => setTimeout(ok, 50));
    return out;
  });
  assert.equal(errors.length, 4, JSON.stringify(errors));
  assert.match(errors[0], /<img> holds no text/);
  assert.match(errors[1], /neither an element id nor a valid CSS selector/);
  assert.match(errors[2], /another origin/);
  assert.match(errors[3], /host must be an Element/);
  // a host removed while a big text is being annotated: no exception, a lost event
  await log(page);
  await page.evaluate(() => {
    const big = document.createElement('div');
    big.id = 'big';
    big.textContent = 'PARIS, 3 mars 2025 (AFP) - Le président Emmanuel Macron a reçu à Paris le chancelier. '.repeat(4000);
    document.body.append(big);
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', 'big');
    document.getElementById('slot').append(el);
    setTimeout(() => big.remove(), 0);
  });
  await page.waitForFunction(() => window.__log.some((e) => e.state === 'lost'));
  await page.waitForTimeout(300);
  assert.deepEqual(problems, []);
  await context.close();
});

test('saved annotations put back on an article edited since: re-anchored, the lost ones reported; the lexicon kept with storage="local"', async () => {
  const { page, context, problems } = await open();
  const r = await page.evaluate(async (story) => {
    const art = document.createElement('div');
    art.id = 'art';
    art.contentEditable = 'true';
    art.textContent = story;
    document.body.append(art);
    const el = document.createElement('depeche-annotator');
    el.id = 'cms';
    el.setAttribute('for', 'art');
    el.setAttribute('lang', 'fr');
    el.setAttribute('storage', 'local');
    document.getElementById('slot').append(el);
    await el.ready;
    // the editor's decisions: Gao is not a place here; "porte-parole du gouvernement" is an actor
    const u = story.indexOf('porte-parole du gouvernement');
    const start = Array.from(story.slice(0, u)).length;
    el.annotations = [...el.annotations.filter((s) => s.text !== 'Gao'),
      { start, end: start + 'porte-parole du gouvernement'.length, kind: 'actor', text: 'porte-parole du gouvernement' }]
      .sort((a, b) => a.start - b.start);
    const saved = JSON.stringify(el.annotations); // the hidden field
    el.lexicon = { version: 1, add: [{ text: 'porte-parole du gouvernement', kind: 'actor' }], reject: [{ text: 'Gao', kind: 'place' }] };
    // the article is edited elsewhere, then opened again
    el.remove();
    art.textContent = `Mise à jour. ${story.replace('a déclaré le porte-parole', 'a dit le porte-parole').replace('Issa Coulibaly. ', '')}`;
    const again = document.createElement('depeche-annotator');
    again.id = 'cms';
    again.setAttribute('for', 'art');
    again.setAttribute('lang', 'fr');
    again.setAttribute('storage', 'local');
    const errors = [];
    again.addEventListener('depeche-error', (e) => errors.push({ message: e.detail.message, lost: e.detail.lost?.map((s) => s.text) }));
    again.annotations = JSON.parse(saved);
    document.getElementById('slot').append(again);
    await again.ready;
    const text = again.text;
    return { errors, text, spans: again.annotations.map((s) => [s.text, s.kind, Array.from(text).slice(s.start, s.end).join('')]),
      lexicon: again.lexicon };
  }, STORY);
  assert.ok(r.spans.every(([t, , at]) => t === at), JSON.stringify(r.spans));
  assert.ok(r.spans.some(([t, k]) => t === 'porte-parole du gouvernement' && k === 'actor'), JSON.stringify(r.spans));
  assert.ok(!r.spans.some(([t]) => t === 'Gao'), 'Gao stays rejected');
  assert.ok(r.spans.some(([t]) => t === 'Tombouctou'));
  // one "Issa Coulibaly" was deleted from the article: at most that one is reported lost
  assert.ok(r.errors.every((e) => e.lost?.every((t) => t === 'Issa Coulibaly')), JSON.stringify(r.errors));
  // the lexicon is kept (storage="local") for the next article
  assert.ok(r.lexicon.add.some((x) => x.text === 'porte-parole du gouvernement'), JSON.stringify(r.lexicon));
  assert.ok(r.lexicon.reject.some((x) => x.text === 'Gao'), JSON.stringify(r.lexicon));
  assert.deepEqual(problems, []);
  await context.close();
});
