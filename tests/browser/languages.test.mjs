// The languages reach the page from the core, not from lists of the widget's own: the editor's
// language menu offers what the core's languages() lists (each under its own name), the text
// box's hint names them, the engine holds the list once loaded and its worker lists the same,
// and <depeche-annotator lang="..."> takes a code the core knows, while a code it does not know
// means auto, silently (no depeche-error), as it always has.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, example } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('the language menu, the hint and the engine: what the core lists', async () => {
  const { page, context, problems } = await env.open();
  const got = await page.evaluate(async () => {
    const { loadEngine } = await import('/www/engine.js');
    const engine = await loadEngine();
    const glue = await import('/pkg/depeche.js');
    const root = document.querySelector('depeche-annotator').shadowRoot;
    return {
      core: glue.languages().map((l) => [l.code, l.name, l.english]),
      engine: engine.languages.map((l) => [l.code, l.name, l.english]),
      worker: (await engine.workerLanguages()).map((l) => [l.code, l.name, l.english]),
      options: [...root.querySelectorAll('.dp-lang option')].map((o) => [o.value, o.textContent, o.getAttribute('lang'), o.title]),
      hint: root.querySelector('.dp-input').placeholder,
    };
  });
  assert.ok(got.core.length >= 2, JSON.stringify(got.core));
  assert.deepEqual(got.engine, got.core, 'the engine holds the core\'s list');
  assert.deepEqual(got.worker, got.core, 'the worker\'s core lists the same');
  assert.deepEqual(got.options, [
    ['auto', 'auto', null, ''],
    ...got.core.map(([code, name, english]) => [code, name, code, english === name ? '' : english]),
    ['und', 'other', null, ''],
  ]);
  assert.equal(got.hint, `Paste or type a dispatch in ${got.core.slice(0, -1).map((l) => l[2]).join(', ')} or ${got.core.at(-1)[2]}…`);
  // every code of the menu is one the store takes and the core annotates with
  for (const [code] of got.core) {
    await page.selectOption('.dp-lang', code);
    await page.waitForFunction((c) => document.querySelector('depeche-annotator').editor.session().doc.lang === c, code);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('<depeche-annotator lang>: a code the core knows is used; an unknown one means auto, without an error', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${env.server.url}tests/browser/pages/blank.html`);
  const langOf = () => page.evaluate(() => {
    const s = document.querySelector('depeche-annotator').editor.session();
    return [s.doc.lang, s.result.lang];
  });
  await page.evaluate((text) => {
    window.__errors = [];
    document.addEventListener('depeche-error', (e) => window.__errors.push(e.detail.message));
    const el = document.createElement('depeche-annotator');
    el.setAttribute('lang', 'xx');
    el.text = text;
    document.getElementById('slot').append(el);
  }, example('dispatch-fr.txt'));
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  assert.deepEqual(await langOf(), ['auto', 'fr'], 'unknown: detected');
  await page.evaluate(() => document.querySelector('depeche-annotator').setAttribute('lang', 'en'));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().result.lang === 'en');
  assert.deepEqual(await langOf(), ['en', 'en'], 'a code of the core: used');
  await page.evaluate(() => document.querySelector('depeche-annotator').setAttribute('lang', 'und'));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().doc.lang === 'und');
  await page.evaluate(() => document.querySelector('depeche-annotator').setAttribute('lang', 'klingon'));
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().doc.lang === 'auto');
  assert.deepEqual(await langOf(), ['auto', 'fr']);
  assert.deepEqual(await page.evaluate(() => window.__errors), [], 'no depeche-error');
  assert.deepEqual(problems, []);
  await context.close();
});
