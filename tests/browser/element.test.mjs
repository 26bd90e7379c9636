// <depeche-annotator> as a guest on other pages: several instances side by side, for= mode on a
// host paragraph (CSS Custom Highlight API, host DOM untouched) and on a textarea, depeche-change
// on every edit with what changed, the properties and methods round-tripping, a strict CSP, a
// subpath, an iframe, and no network request of its own once loaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, tabTo, selectText, example } from './helpers.mjs';
import { serve } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const PAGES = 'tests/browser/pages/';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** Open a page of tests/browser/pages/ (or any path) in a fresh context; collects page errors. */
async function openPage(path, { server = env.server, init, beforeGoto, waitUntil = 'load' } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  if (init) await page.addInitScript(init);
  await beforeGoto?.(page);
  await page.goto(server.url + path, { waitUntil });
  return { page, context, problems };
}
/** Wait until the elements matching `sel` are ready. */
const allReady = (page, sel = 'depeche-annotator') =>
  page.evaluate((s) => Promise.all([...document.querySelectorAll(s)].map((e) => e.ready.then(() => true))), sel);
/** Record depeche-change events of the element `sel` in the page (window.__events, test-only). */
const recordChanges = (page, sel) => page.evaluate((s) => {
  const el = document.querySelector(s);
  window.__events = [];
  el.addEventListener('depeche-change', (e) => window.__events.push({ reason: e.detail.reason, change: e.detail.change,
    annotations: e.detail.annotations, current: JSON.stringify(e.detail.annotations) === JSON.stringify(el.annotations) }));
}, sel);
const takeChanges = (page) => page.evaluate(() => window.__events.splice(0));
const onlyText = (list) => list.map((s) => s.text);

test('two instances on one page keep separate sessions, events and stores', async () => {
  const { page, problems } = await openPage(`${PAGES}two.html`);
  await allReady(page, '#left, #right');
  const state = () => page.evaluate(() => ['left', 'right'].map((id) => { const e = document.getElementById(id); return { text: e.text, ann: e.annotations }; }));
  const [l0, r0] = await state();
  assert.ok(l0.text.startsWith('PARIS'), l0.text);
  assert.ok(r0.text.startsWith('LONDON'), r0.text);
  assert.ok(l0.ann.some((s) => s.text === 'PARIS' && s.kind === 'place'), JSON.stringify(l0.ann));
  // kinds="place,date": the right one shows no actors, even though Reuters is one.
  assert.ok(r0.ann.length > 0 && r0.ann.every((s) => s.kind !== 'actor'), JSON.stringify(r0.ann));
  assert.ok(r0.ann.some((s) => s.text === 'London'));
  await page.evaluate(() => { window.__n = { left: 0, right: 0 }; for (const id of ['left', 'right']) document.getElementById(id).addEventListener('depeche-change', () => window.__n[id]++); });
  // A keyboard correction inside the left one's shadow root: PARIS becomes an actor.
  await page.locator('#left .dp-review mark:text-is("PARIS")').focus();
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.getElementById('left').annotations.find((s) => s.text === 'PARIS')?.kind === 'actor');
  // A new text in the right one.
  await page.evaluate(() => { document.getElementById('right').text = 'BERLIN, 6 March 2024 (dpa) - Farmers drove to Brandenburg on Wednesday.'; });
  const [l1, r1] = await state();
  assert.equal(l1.text, l0.text, 'the left text is untouched');
  assert.ok(r1.text.startsWith('BERLIN'));
  assert.ok(r1.ann.some((s) => s.text === 'BERLIN'));
  assert.equal(r1.ann.find((s) => s.text === 'BERLIN')?.kind, 'place', 'the left correction is not applied in the right one');
  assert.deepEqual(await page.evaluate(() => window.__n), { left: 1, right: 1 });
  // Separate stores: the left one's lexicon learned PARIS under its own keys; the right one's did not.
  await page.waitForFunction(() => (localStorage.getItem('depeche:left:depeche.lexicon.v1') ?? '').includes('PARIS'), null, { timeout: 5000 });
  assert.ok(!(await page.evaluate(() => localStorage.getItem('depeche:right:depeche.lexicon.v1') ?? '')).includes('PARIS'));
  assert.equal(await page.evaluate(() => localStorage.getItem('depeche.lexicon.v1')), null, 'the page store is not written by an instance with an id');
  const dbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.ok(dbs.includes('depeche:left'), JSON.stringify(dbs));
  // Two instances without an id asking for the same store: the second one says so and keeps nothing.
  const noId = await page.evaluate(async () => {
    const [a, b] = document.querySelectorAll('.no-id');
    await Promise.all([a.ready, b.ready]);
    const err = (e) => [...e.shadowRoot.querySelectorAll('.dp-error')].map((x) => x.textContent).join(' | ');
    return [err(a), err(b)];
  });
  assert.equal(noId[0], '');
  assert.match(noId[1], /already uses the store “depeche”/);
  // No ids inside the shadow roots, nothing added to the window.
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('depeche-annotator')].reduce((n, e) => n + e.shadowRoot.querySelectorAll('[id]').length, 0)), 0);
  assert.equal(await page.evaluate(() => Object.keys(window).filter((k) => /depeche/i.test(k)).length), 0);
  assert.deepEqual(problems, []);
});

/** The highlights of one for= instance: {kind: [range texts]}, and its annotations. */
const highlightsOf = (page, sel) => page.evaluate(async (s) => {
  const el = document.querySelector(s);
  await el.ready;
  const p = el.highlightPrefix;
  const byKind = {};
  for (const [name, h] of CSS.highlights) if (name.startsWith(`${p}-`)) byKind[name.slice(p.length + 1)] = [...h].map((r) => r.toString());
  return { prefix: p, byKind, annotations: el.annotations, text: el.text };
}, sel);

test('for= mode highlights a host paragraph with the Highlight API and leaves its DOM alone', async () => {
  // Hold the module until the host's original markup is read.
  let release;
  const gate = new Promise((ok) => { release = ok; });
  const { page, problems } = await openPage(`${PAGES}host.html`, { waitUntil: 'commit',
    beforeGoto: (p) => p.route('**/www/depeche-annotator.js', async (route) => { await gate; await route.continue(); }) });
  await page.waitForSelector('#body', { state: 'attached' });
  const original = await page.$eval('#story', (e) => e.innerHTML);
  release();
  await page.waitForLoadState('load');
  await allReady(page);
  const { prefix, byKind, annotations, text } = await highlightsOf(page, '#story-notes');
  // The text: blocks and <br> separated by a newline; inline markup (b, i, a) read through.
  assert.ok(text.startsWith('Floods in the north\nGENEVA, 12 May 2023'), JSON.stringify(text));
  assert.ok(text.includes('Gisenyi.\nRescue teams'), 'a <br> is a line break');
  // Every kind's highlight holds exactly the ranges of the annotations, each covering its text
  // (across <b>, <i>, <a>, after an emoji: code points mapped to UTF-16 in the right text node).
  for (const k of ['actor', 'place', 'date']) assert.deepEqual(byKind[k] ?? [], onlyText(annotations.filter((s) => s.kind === k)), k);
  for (const [t, k] of [['Red Cross', 'actor'], ['Kigali', 'place'], ['Goma', 'place'], ['Rwanda', 'place'], ['12 May 2023', 'date']]) {
    assert.ok(byKind[k]?.includes(t), `${t} highlighted as ${k}: ${JSON.stringify(byKind)}`);
  }
  const rwanda = annotations.find((s) => s.text === 'Rwanda');
  assert.equal([...text].slice(rwanda.start, rwanda.end).join(''), 'Rwanda', 'offsets in code points');
  assert.notEqual(rwanda.start, text.indexOf('Rwanda'), 'the emoji makes code points differ from UTF-16 here');
  // The host's DOM is untouched.
  assert.equal(await page.$eval('#story', (e) => e.innerHTML), original);
  // One document-level sheet holds the ::highlight() rules, with this instance's prefix, and nothing else.
  const rules = await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)));
  assert.equal(rules.length, 3, JSON.stringify(rules));
  assert.ok(rules.every((r) => r.startsWith(`::highlight(${prefix}-`)), JSON.stringify(rules));
  // The host changes (a CMS edit): re-read and re-highlighted; depeche-change says so.
  await recordChanges(page, '#story-notes');
  await page.evaluate(() => document.querySelector('#story p').append(' Aid arrived in Bukavu on Saturday.'));
  await page.waitForFunction(() => window.__events.length > 0);
  const [ev] = await takeChanges(page);
  assert.equal(ev.reason, 'text');
  assert.ok(ev.annotations.some((s) => s.text === 'Bukavu'), JSON.stringify(ev.annotations));
  assert.ok((await highlightsOf(page, '#story-notes')).byKind.place.includes('Bukavu'));
  // Removed from the page: its highlights and rules go with it.
  await page.evaluate(() => document.getElementById('story-notes').remove());
  await page.waitForFunction((p) => ![...CSS.highlights.keys()].some((n) => n.startsWith(p)), prefix);
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).length), 0);
  assert.deepEqual(problems, []);
});

test('for= mode without the Highlight API draws boxes in its own shadow root, host untouched', async () => {
  const { page, problems } = await openPage(`${PAGES}host.html`, { init: () => {
    Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
    Object.defineProperty(window, 'Highlight', { value: undefined, configurable: true });
  } });
  const original = await page.$eval('#story', (e) => e.innerHTML);
  await allReady(page);
  await page.waitForFunction(() => document.getElementById('story-notes').shadowRoot.querySelectorAll('.dp-overlay .dp-box').length > 0);
  const boxes = await page.evaluate(() => {
    const host = document.getElementById('story').getBoundingClientRect();
    const el = document.getElementById('story-notes');
    const o = el.shadowRoot.querySelector('.dp-overlay').getBoundingClientRect();
    return { n: el.shadowRoot.querySelectorAll('.dp-box').length, spans: el.annotations.length, o: [o.left, o.top, o.width], host: [host.left, host.top, host.width] };
  });
  assert.ok(boxes.n >= boxes.spans, JSON.stringify(boxes));
  assert.deepEqual(boxes.o.map(Math.round), boxes.host.map(Math.round), 'the overlay covers the host');
  assert.equal(await page.$eval('#story', (e) => e.innerHTML), original);
  assert.deepEqual(problems, []);
});

test('a textarea host gets a mirrored overlay that follows its text, and events', async () => {
  const { page, problems } = await openPage(`${PAGES}host.html`);
  await allReady(page);
  const mirror = () => page.evaluate(() => {
    const el = document.getElementById('body-notes');
    return { marks: [...el.shadowRoot.querySelectorAll('.dp-overlay .dp-mirror mark')].map((m) => [m.textContent, m.className]), ann: el.annotations, text: el.text };
  });
  await page.waitForFunction(() => document.getElementById('body-notes').shadowRoot.querySelectorAll('.dp-mirror mark').length > 0);
  let m = await mirror();
  assert.deepEqual(m.marks.map(([t]) => t), onlyText(m.ann));
  assert.ok(m.marks.some(([t, c]) => t === 'Seville' && c.includes('dp-place')), JSON.stringify(m.marks));
  // The overlay sits on the textarea's box, with its font and padding; the textarea is not changed.
  const geo = await page.evaluate(() => {
    const ta = document.getElementById('body'), el = document.getElementById('body-notes');
    const r = ta.getBoundingClientRect(), o = el.shadowRoot.querySelector('.dp-overlay').getBoundingClientRect();
    const ms = getComputedStyle(el.shadowRoot.querySelector('.dp-mirror')), ts = getComputedStyle(ta);
    return { r: [r.left, r.top, r.width, r.height], o: [o.left, o.top, o.width, o.height], font: [ms.fontFamily, ms.fontSize, ms.paddingLeft, ms.lineHeight],
      tfont: [ts.fontFamily, ts.fontSize, ts.paddingLeft, ts.lineHeight], attrs: ta.getAttributeNames() };
  });
  assert.deepEqual(geo.o.map(Math.round), geo.r.map(Math.round));
  assert.deepEqual(geo.font, geo.tfont);
  assert.deepEqual(geo.attrs.sort(), ['cols', 'id', 'rows'], 'no attribute (style, class) added to the textarea');
  // Typing re-annotates (debounced) and fires depeche-change.
  await recordChanges(page, '#body-notes');
  await page.click('#body');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' He later flew to Barcelona.');
  await page.waitForFunction(() => window.__events.some((e) => e.annotations.some((s) => s.text === 'Barcelona')));
  const evs = await takeChanges(page);
  assert.ok(evs.every((e) => e.reason === 'text' && e.change.type === 'text'), JSON.stringify(evs.map((e) => e.reason)));
  m = await mirror();
  assert.ok(m.text.endsWith('Barcelona.'));
  assert.deepEqual(m.marks.map(([t]) => t), onlyText(m.ann));
  assert.deepEqual(problems, []);
});

test('depeche-change fires on every edit, with what changed', async () => {
  const { page, problems } = await env.open();
  await recordChanges(page, 'depeche-annotator');
  const one = async (reason) => {
    await page.waitForFunction(() => window.__events.length > 0);
    await page.waitForTimeout(50);
    const evs = await takeChanges(page);
    assert.equal(evs.length, 1, `one event for ${reason}: ${JSON.stringify(evs.map((e) => e.reason))}`);
    assert.equal(evs[0].reason, reason);
    assert.equal(evs[0].change.type, reason);
    assert.ok(evs[0].current, 'detail.annotations are the annotations after the change');
    return evs[0];
  };
  await paste(page, example('dispatch-en.txt'));
  let ev = await one('text');
  assert.ok(ev.annotations.some((s) => s.text === 'Mombasa' && s.kind === 'place'));
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');
  ev = await one('relabel');
  assert.equal(ev.change.before.text, 'Likoni');
  assert.equal(ev.change.before.kind, 'place');
  assert.equal(ev.change.after.kind, 'actor');
  await tabTo(page, 'U.S.');
  await page.keyboard.press('Delete');
  ev = await one('remove');
  assert.deepEqual(onlyText(ev.change.removed), ['U.S.']);
  assert.deepEqual(ev.change.added, []);
  await selectText(page, 'shopping centre');
  await page.keyboard.press('p');
  ev = await one('add');
  assert.deepEqual(ev.change.added.map((s) => [s.text, s.kind]), [['shopping centre', 'place']]);
  await tabTo(page, 'shopping centre');
  await page.keyboard.press('[');
  ev = await one('resize');
  assert.equal(ev.change.before.text, 'shopping centre');
  assert.ok(ev.change.after.text.endsWith(' shopping centre'), ev.change.after.text);
  await tabTo(page, 'Thursday');
  await page.keyboard.press('v');
  await page.fill('.dp-in-date', '2022-06-03');
  await page.keyboard.press('Enter');
  ev = await one('value');
  assert.equal(ev.change.after.value, '2022-06-03');
  await page.keyboard.press('Control+z');
  ev = await one('undo');
  assert.equal(ev.change.after.value, '2022-06-02');
  await page.keyboard.press('Control+Shift+z');
  ev = await one('redo');
  assert.equal(ev.change.after.value, '2022-06-03');
  // Typing in edit mode: debounced, each event a text change.
  await page.keyboard.press('e');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Police later searched Kisumu.');
  await page.waitForFunction(() => window.__events.some((e) => e.annotations.some((s) => s.text === 'Kisumu')));
  const typed = await takeChanges(page);
  assert.ok(typed.length >= 1 && typed.every((e) => e.reason === 'text'), JSON.stringify(typed.map((e) => e.reason)));
  // Through the API: text, annotations, lexicon, import.
  const api = (fn, arg) => page.evaluate(fn, arg);
  const exported = await api(() => document.querySelector('depeche-annotator').export('json'));
  await api(() => { document.querySelector('depeche-annotator').text = 'KAMPALA, 9 May 2022 (AFP) - Uganda\'s army entered Kasese.'; });
  ev = await one('text');
  assert.ok(ev.annotations.some((s) => s.text === 'Kasese'));
  await api(() => { const el = document.querySelector('depeche-annotator'); el.annotations = el.annotations.filter((s) => s.kind !== 'place'); });
  ev = await one('annotations');
  assert.ok(ev.change.removed.length > 0 && ev.change.removed.every((s) => s.kind === 'place'), JSON.stringify(ev.change));
  assert.deepEqual(ev.change.added, []);
  await api((data) => document.querySelector('depeche-annotator').import(data), exported);
  ev = await one('import');
  assert.ok(ev.annotations.some((s) => s.text === 'Kisumu'));
  await api(() => { document.querySelector('depeche-annotator').lexicon = { version: 1, add: [{ text: 'Kisumu', kind: 'actor' }], reject: [] }; });
  ev = await one('lexicon');
  assert.equal(ev.annotations.find((s) => s.text === 'Kisumu')?.kind, 'actor');
  assert.deepEqual(problems, []);
});

test('properties and methods round-trip: text, annotations, lexicon, export/import, kinds, readonly', async () => {
  const { page, problems } = await openPage(`${PAGES}blank.html`);
  const r = await page.evaluate(async () => {
    await customElements.whenDefined('depeche-annotator');
    const out = {};
    const make = (attrs = {}) => {
      const el = document.createElement('depeche-annotator');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    };
    const errors = [];
    const a = make();
    document.addEventListener('depeche-error', (e) => errors.push(e.detail.message)); // they bubble out of the element
    let readyEvents = 0;
    a.addEventListener('depeche-ready', () => readyEvents++);
    a.text = 'CAIRO, 10 Jan 2023 (AFP) - Egypt\'s president met the Sudanese army chief in Cairo on Tuesday.';
    document.getElementById('slot').append(a);
    await a.ready;
    out.readyEvents = readyEvents;
    out.text = a.text;
    out.first = a.annotations;
    const result = await a.annotate();
    out.result = { lang: result.lang, dct: result.dct, n: result.spans.length };
    // annotations: set a chosen list, get exactly it back
    const chosen = a.annotations.filter((s) => s.kind !== 'date').concat([{ start: 0, end: 5, kind: 'actor', text: 'CAIRO' }].filter(() => false));
    const cairo = a.annotations.find((s) => s.text === 'CAIRO');
    a.annotations = chosen.map((s) => (s === cairo ? { ...s, kind: 'actor' } : s));
    out.setGet = { want: chosen.map((s) => [s.start, s.end, s === cairo ? 'actor' : s.kind]), got: a.annotations.map((s) => [s.start, s.end, s.kind]) };
    // export json / w3c / brat, import each into a second element
    const b = make();
    document.getElementById('slot').append(b);
    await b.ready;
    out.formats = {};
    for (const f of ['json', 'w3c', 'brat']) {
      const data = a.export(f);
      await b.import(f === 'brat' ? { txt: data.find((x) => x.filename.endsWith('.txt')).text, ann: data.find((x) => x.filename.endsWith('.ann')).text } : data);
      out.formats[f] = { shape: Array.isArray(data) ? data.map((x) => x.filename.split('.').pop()) : typeof data, same: JSON.stringify(b.annotations.map((s) => [s.start, s.end, s.kind, s.text])) === JSON.stringify(a.annotations.map((s) => [s.start, s.end, s.kind, s.text])), text: b.text === a.text };
    }
    out.others = ['conll', 'csv', 'html'].map((f) => [f, typeof a.export(f), a.export(f).includes('Cairo')]);
    try { a.export('docx'); out.badFormat = 'no error'; } catch (e) { out.badFormat = e.message; }
    try { await b.import('{"depeche": 1, "documents": [ {"te'); out.badImport = 'no error'; } catch (e) { out.badImport = e.message; }
    out.bAfterBad = b.text === a.text;
    // lexicon
    b.lexicon = { version: 1, add: [{ text: 'Sudanese army', kind: 'actor' }], reject: [] };
    out.lexicon = b.lexicon.add.map((x) => x.text);
    try { b.lexicon = { version: 7 }; out.badLexicon = 'no error'; } catch (e) { out.badLexicon = e.message; }
    // kinds: only these are shown and exported
    b.setAttribute('kinds', 'place');
    out.kinds = [...new Set(b.annotations.map((s) => s.kind))];
    out.kindsExport = JSON.parse(b.export('json')).documents[0].spans.map((s) => s.kind);
    out.kindsMarks = [...new Set([...b.shadowRoot.querySelectorAll('mark.dp-mark')].map((m) => m.className.match(/dp-(actor|place|date)/)[1]))];
    // readonly: no edit mode, keys do nothing
    b.removeAttribute('kinds');
    b.setAttribute('readonly', '');
    out.readonlyButtons = [...b.shadowRoot.querySelectorAll('.dp-mode-edit, .dp-review-tools, .dp-undo')].map((x) => x.hidden);
    const before = JSON.stringify(b.annotations);
    const mark = b.shadowRoot.querySelector('.dp-review mark.dp-mark');
    mark.focus();
    for (const key of ['p', 'Delete', 'e']) mark.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
    out.readonlySame = JSON.stringify(b.annotations) === before;
    out.readonlyMode = b.editor.mode;
    out.errors = errors;
    out.prefixes = a.highlightPrefix !== b.highlightPrefix;
    return out;
  });
  assert.equal(r.readyEvents, 1);
  assert.ok(r.text.startsWith('CAIRO'));
  assert.ok(r.first.some((s) => s.text === 'Cairo' && s.kind === 'place'), JSON.stringify(r.first));
  assert.equal(r.result.lang, 'en');
  assert.equal(r.result.dct, '2023-01-10');
  assert.deepEqual(r.setGet.got, r.setGet.want);
  for (const f of ['json', 'w3c', 'brat']) assert.deepEqual({ same: r.formats[f].same, text: r.formats[f].text }, { same: true, text: true }, f);
  assert.equal(r.formats.json.shape, 'string');
  assert.deepEqual(r.formats.brat.shape.sort(), ['ann', 'txt']);
  assert.deepEqual(r.others, [['conll', 'string', true], ['csv', 'string', true], ['html', 'string', true]]);
  assert.match(r.badFormat, /docx/);
  assert.match(r.badImport, /JSON|json/);
  assert.ok(r.bAfterBad, 'a broken import changes nothing');
  assert.deepEqual(r.lexicon, ['Sudanese army']);
  assert.match(r.badLexicon, /version/);
  assert.deepEqual(r.kinds, ['place']);
  assert.deepEqual([...new Set(r.kindsExport)], ['place']);
  assert.deepEqual(r.kindsMarks, ['place']);
  assert.deepEqual(r.readonlyButtons, [true, true, true]);
  assert.ok(r.readonlySame);
  assert.equal(r.readonlyMode, 'review');
  assert.ok(r.errors.some((m) => /Import/.test(m)), JSON.stringify(r.errors));
  assert.ok(r.prefixes);
  assert.deepEqual(problems, []);
});

test('under a strict CSP (HTTP header): no violation, annotation and corrections work, wasm-url is used', async () => {
  const csp = await serve(0, undefined, { headers: { 'content-security-policy': CSP } });
  try {
    const requests = [];
    const { page, problems } = await openPage(`${PAGES}csp.html`, { server: csp,
      init: () => { window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)); },
      beforeGoto: (p) => p.on('request', (r) => requests.push(r.url())) });
    await allReady(page);
    await page.waitForFunction(() => document.getElementById('editor').text.startsWith('NAIROBI'));
    const ann = await page.evaluate(() => ['editor', 'lead-notes', 'field-notes'].map((id) => document.getElementById(id).annotations.map((s) => s.text)));
    assert.ok(ann[0].includes('Mombasa'), JSON.stringify(ann));
    assert.ok(ann[1].includes('Tripoli'), JSON.stringify(ann));
    assert.ok(ann[2].includes('Berlin'), JSON.stringify(ann));
    // the textarea overlay is placed with CSSOM writes (el.style.*), which a CSP allows
    await page.waitForFunction(() => document.getElementById('field-notes').shadowRoot.querySelectorAll('.dp-mirror mark').length > 0);
    await page.click('#editor .dp-mode-review');
    await page.locator('#editor .dp-review mark:text-is("Mombasa")').focus();
    await page.keyboard.press('a');
    await page.waitForFunction(() => document.getElementById('editor').annotations.find((s) => s.text === 'Mombasa')?.kind === 'actor');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.ok(requests.some((u) => u.endsWith('/pkg/depeche_bg.wasm?via=attribute')), 'the wasm-url attribute is where the engine comes from');
    assert.ok(!requests.some((u) => /depeche_bg\.wasm$/.test(u)), 'and not the default URL');
    // The listener does see violations: an inline <style> is refused.
    await page.evaluate(() => { const s = document.createElement('style'); s.textContent = 'body { color: red; }'; document.head.append(s); });
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.match((await page.evaluate(() => window.__violations))[0], /style-src/);
    assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
  } finally { await csp.close(); }
});

test('under a subpath, in an iframe, and with no network request of its own after loading', async () => {
  const sub = await serve(0, undefined, { prefix: '/sub/' });
  try {
    const requests = [];
    const { page, problems } = await openPage('', { server: sub, beforeGoto: (p) => p.on('requestfinished', async (r) => requests.push([r.url(), (await r.response())?.status()])) });
    assert.ok(sub.url.endsWith('/sub/'));
    await page.waitForSelector('.depeche[data-ready="true"]');
    assert.ok(requests.every(([u]) => new URL(u).pathname.startsWith('/sub/')), JSON.stringify(requests));
    assert.ok(requests.every(([u, s]) => s === 200 || /favicon/.test(u)), JSON.stringify(requests.filter(([, s]) => s !== 200)));
    // Editing after loading: no request but the gazetteer pack's (points for small towns,
    // fetched once in the background after the first place: www/core/gazetteer.js).
    await page.waitForTimeout(300);
    requests.length = 0;
    const all = [];
    page.on('request', (r) => all.push(r.url()));
    await paste(page, example('dispatch-fr.txt'));
    await tabTo(page, 'Mopti');
    await page.keyboard.press('a');
    await page.evaluate(async () => {
      const el = document.querySelector('depeche-annotator');
      const data = el.export('w3c');
      el.export('brat');
      el.text = `${el.text}\nLes pluies ont touché Gao.`;
      await el.import(data);
      await el.annotate();
    });
    await page.keyboard.press('e');
    await page.keyboard.type(' Fin.');
    await page.waitForTimeout(500);
    const gazetteer = (u) => new URL(u).pathname === '/sub/pkg/packs/geo.pack';
    assert.deepEqual(all.filter((u) => !/favicon/.test(u) && !gazetteer(u)), []);
    assert.ok(all.filter(gazetteer).length <= 1, 'the gazetteer pack is fetched once at most');
    assert.deepEqual(problems, []);
    // The host page in an iframe, under the subpath too.
    const framed = await openPage(`${PAGES}frame.html`, { server: sub });
    const frame = framed.page.frame({ url: /host\.html$/ });
    assert.ok(frame, 'the iframe is there');
    await frame.waitForFunction(() => document.getElementById('story-notes')?.annotations.length > 0);
    const names = await frame.evaluate(() => [...CSS.highlights.keys()]);
    assert.ok(names.some((n) => n.endsWith('-place')), JSON.stringify(names));
    assert.deepEqual(framed.problems, []);
  } finally { await sub.close(); }
});
