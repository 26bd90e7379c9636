// Accessibility, checked by axe-core (a pinned devDependency: the rules engine accessibility
// audits use, run here in headless Chromium) on what an editor actually sees: the empty page,
// edit mode with a dispatch, review mode with the correction chip open on a highlight, the find
// bar, the key help, and for= mode with its chip beside a highlight in the host's text.
// Why: every new control (the chip, the caret, the find bar, the review letters) must stay usable
// with a screen reader and the keyboard; a violation fails here with axe's own explanation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { start, ready, paste, example, tabTo, ROOT } from './helpers.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** axe's violations on the page as it is now: [{id, help, nodes: [html...]}]. */
async function violations(page) {
  await page.evaluate(AXE); // axe is evaluated by the test's driver, outside the page's scripts
  return page.evaluate(async (tags) => {
    const r = await globalThis.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 160)) }));
  }, TAGS);
}

test('the page: empty, editing, reviewing with the chip open, finding, and the key help have no axe violation', async () => {
  const { page, context, problems } = await env.open();
  assert.deepEqual(await violations(page), [], 'empty page');
  await paste(page, example('dispatch-fr.txt'));
  await tabTo(page, 'Bamako');
  await page.waitForFunction(() => {
    const chip = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add)');
    return chip && !chip.hidden;
  });
  assert.deepEqual(await violations(page), [], 'review mode, chip open');
  await page.keyboard.press('/');
  await page.keyboard.type('Mali');
  assert.deepEqual(await violations(page), [], 'find bar');
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  assert.deepEqual(await violations(page), [], 'key help');
  await page.keyboard.press('Escape');
  await page.keyboard.press('e');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'edit');
  assert.deepEqual(await violations(page), [], 'edit mode with a dispatch');
  assert.deepEqual(problems, []);
  await context.close();
});

test('for= mode: the host page with depeche\'s panel and its chip at the caret has no axe violation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${env.server.url}tests/browser/pages/blank.html`);
  await page.evaluate((text) => {
    document.documentElement.lang = 'fr';
    const art = document.createElement('div');
    art.id = 'article';
    art.contentEditable = 'true';
    art.setAttribute('role', 'textbox');
    art.setAttribute('aria-multiline', 'true');
    art.setAttribute('aria-label', 'Article');
    art.textContent = text;
    document.getElementById('slot').append(art);
    const el = document.createElement('depeche-annotator');
    el.setAttribute('for', 'article');
    el.setAttribute('lang', 'fr');
    document.getElementById('slot').append(el);
  }, example('dispatch-fr.txt'));
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.length > 0);
  // the caret inside the first highlight
  await page.evaluate(() => {
    const el = document.querySelector('depeche-annotator');
    const first = el.annotations[0];
    const art = document.getElementById('article');
    art.focus();
    const t = art.firstChild;
    const u = Array.from(el.text).slice(0, first.start + 1).join('').length;
    getSelection().collapse(t, u);
  });
  await page.waitForFunction(() => {
    const chip = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add)');
    return chip && !chip.hidden;
  });
  assert.deepEqual(await violations(page), [], 'for= mode, chip open');
  await context.close();
});

test('ready() and the check itself work: a page with a known violation is reported', async () => {
  // guards against a harness that always says "no violation"
  const { page, context } = await env.open();
  await page.evaluate(() => { const i = document.createElement('input'); i.type = 'text'; document.body.append(i); });
  const v = await violations(page);
  assert.ok(v.some((x) => x.id === 'label'), JSON.stringify(v));
  await ready(page);
  await context.close();
});
