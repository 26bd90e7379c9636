// for= mode on a long article (www/ui/host-annotator.js): only the highlights near the viewport
// are registered in CSS.highlights (every registered Range costs the browser work at each
// keystroke in the host), those further down appear when scrolled to, a correction far from the
// edits survives them, and edits are followed after the typing pauses: highlights on untouched
// text stay meanwhile, and after the pause they are those of the new text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS } from './helpers.mjs';
import { serve } from './server.mjs';
import { DISPATCH } from './editors/recipes.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// 60 copies of the three-paragraph dispatch (without its dateline: the head of the text is
// annotated in full at each edit), then a last paragraph of its own
const PARAS = [];
for (let i = 0; i < 60; i++) PARAS.push(...DISPATCH.slice(1), DISPATCH[0].replace(/^LYON, 14 mars 2025 \(AFP\) - /, ''));
PARAS.push('Enfin, la sénatrice Capucine Vallerand a visité Montélimar.');
const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>long host</title>
<script type="module" src="/www/depeche-annotator.js"></script></head><body style="margin:0">
<div id="ed" contenteditable="true" style="width:700px;font:18px/1.6 serif;padding:8px">${PARAS.map((p) => `<p>${esc(p)}</p>`).join('')}</div>
<depeche-annotator for="ed" panels="none"></depeche-annotator></body></html>`;

let server, browser;
before(async () => {
  server = await serve(0, undefined, { pages: { '/hw/long.html': PAGE } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => { await browser?.close(); await server?.close(); });

async function open() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(`${server.origin}/hw/long.html`);
  await page.evaluate(() => document.querySelector('depeche-annotator').ready);
  return { page, context, problems };
}

/** The registered highlights: each Range's text, kind, paragraph index and rect (viewport coordinates). */
const registered = (page) => page.evaluate(() => {
  const el = document.querySelector('depeche-annotator');
  const ps = [...document.querySelectorAll('#ed p')];
  const out = [];
  for (const kind of ['actor', 'place', 'date']) {
    for (const r of CSS.highlights.get(`${el.highlightPrefix}-${kind}`) ?? []) {
      const b = r.getBoundingClientRect();
      out.push({ kind, text: r.toString(), p: ps.indexOf(r.startContainer.parentElement?.closest('p')), top: b.top, bottom: b.bottom });
    }
  }
  return out;
});
const frames = (page, n = 3) => page.evaluate((n) => new Promise((ok) => { const f = (k) => (k ? requestAnimationFrame(() => f(k - 1)) : ok()); f(n); }), n);

test('a long article: only the highlights near the viewport are registered; those further down appear when scrolled to', async () => {
  const { page, context, problems } = await open();
  try {
    await frames(page);
    const total = await page.evaluate(() => document.querySelector('depeche-annotator').annotations.length);
    let regs = await registered(page);
    assert.ok(total > 300, `the article has many spans (${total})`);
    assert.ok(regs.length > 0 && regs.length < total / 3, `some highlights registered, not all: ${regs.length} of ${total}`);
    const vh = 700;
    assert.ok(regs.every((r) => r.bottom >= -vh && r.top <= 2 * vh), 'every registered highlight is within a viewport of the visible area');
    assert.ok(regs.some((r) => r.text === 'Octave Delaunoy' && r.top >= 0 && r.bottom <= vh), 'a name on screen is highlighted');
    assert.ok(!regs.some((r) => r.p === PARAS.length - 1), 'the last paragraph, far below, has no registered highlight yet');
    // scrolled to the end: the last paragraph's names are highlighted there, those at the top are not
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => {
      const el = document.querySelector('depeche-annotator');
      const last = document.querySelector('#ed p:last-child');
      return [...(CSS.highlights.get(`${el.highlightPrefix}-actor`) ?? [])].some((r) => last.contains(r.startContainer) && r.toString() === 'Capucine Vallerand');
    }, null, { timeout: 5000 });
    regs = await registered(page);
    assert.ok(regs.some((r) => r.kind === 'place' && r.text === 'Montélimar'), 'the last place is highlighted');
    assert.ok(!regs.some((r) => r.p === 0), 'the first paragraph, now far above, has none');
    assert.ok(regs.every((r) => r.bottom >= -vh && r.top <= 2 * vh), 'still only near the viewport');
    // and back up again
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => {
      const el = document.querySelector('depeche-annotator');
      const first = document.querySelector('#ed p');
      return [...(CSS.highlights.get(`${el.highlightPrefix}-actor`) ?? [])].some((r) => first.contains(r.startContainer));
    }, null, { timeout: 5000 });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});

test('typing: the highlights step aside while the keys come fast and come back after the pause, those of the new text; while-typing="keep" keeps them; a far correction survives', async () => {
  const { page, context, problems } = await open();
  try {
    await frames(page);
    // a correction at the far end: "Capucine Vallerand" made a place (Alt+Shift+P on the selection)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => {
      const last = document.querySelector('#ed p:last-child').firstChild;
      const i = last.data.indexOf('Capucine Vallerand');
      document.getElementById('ed').focus();
      const r = document.createRange(); r.setStart(last, i); r.setEnd(last, i + 'Capucine Vallerand'.length);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    });
    await frames(page);
    await page.keyboard.press('Alt+Shift+P');
    await page.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Capucine Vallerand' && s.kind === 'place'));
    // typing in the middle of the article, at the start of a paragraph on screen
    await page.evaluate(() => {
      const p = document.querySelectorAll('#ed p')[90];
      p.scrollIntoView({ block: 'center' });
      document.getElementById('ed').focus();
      const r = document.createRange(); r.setStart(p.firstChild, 0); r.collapse(true);
      const s = getSelection(); s.removeAllRanges(); s.addRange(r);
    });
    await frames(page);
    const before = await registered(page);
    const untouched = before.filter((r) => r.p !== 90 && r.top >= 0 && r.bottom <= 700);
    assert.ok(untouched.length > 3, 'highlights on screen around the caret');
    const typed = 'Le préfet Basile Marchetti est arrivé à Valence. ';
    // steady typing: the keys come faster than the pause; from the second one the highlights are out
    // of CSS.highlights (every DOM change would repaint them all), their Ranges kept
    for (const ch of typed.slice(0, 20)) await page.keyboard.type(ch, { delay: 0 });
    const during = await registered(page);
    assert.equal(during.length, 0, 'no highlight registered while the keys come fast');
    await page.keyboard.type(typed.slice(20), { delay: 20 });
    // after the pause: the new text's names are highlighted, the document equals a fresh annotation
    await page.waitForFunction((t) => {
      const el = document.querySelector('depeche-annotator');
      return el.text.includes(t) && el.annotations.some((s) => s.text === 'Basile Marchetti' && s.kind === 'actor') &&
        [...(CSS.highlights.get(`${el.highlightPrefix}-actor`) ?? [])].some((r) => r.toString() === 'Basile Marchetti');
    }, typed.trim(), { timeout: 10_000 });
    const after = await page.evaluate(() => {
      const el = document.querySelector('depeche-annotator');
      return { text: el.text, spans: el.annotations.map((s) => `${s.kind}:${s.start}-${s.end}:${s.text}`) };
    });
    assert.ok(after.text.includes(typed.trim()), 'the typed words are in the text');
    assert.ok(after.spans.some((s) => /^place:\d+-\d+:Capucine Vallerand$/.test(s)), 'the far correction survived the edits');
    // every registered Range covers exactly the text of an annotation at its place
    const regs = await registered(page);
    const texts = new Set(after.spans.map((s) => s.split(':').slice(2).join(':')));
    assert.ok(regs.length > 0 && regs.every((r) => texts.has(r.text)), 'registered highlights are annotations of the new text');
    // while-typing="keep": the highlights of other paragraphs stay on their words while the keys go on
    await page.evaluate(() => document.querySelector('depeche-annotator').setAttribute('while-typing', 'keep'));
    const kept = (await registered(page)).filter((r) => r.p !== 90 && r.top >= 0 && r.bottom <= 700);
    assert.ok(kept.length > 3, 'highlights on screen around the caret');
    for (const ch of 'Puis ') await page.keyboard.type(ch, { delay: 0 });
    const keeping = await registered(page);
    for (const r of kept) {
      assert.ok(keeping.some((d) => d.p === r.p && d.text === r.text && d.kind === r.kind), `"${r.text}" (paragraph ${r.p}) still highlighted while typing`);
    }
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => {
      const el = document.querySelector('depeche-annotator');
      return [...(CSS.highlights.get(`${el.highlightPrefix}-place`) ?? [])].some((r) => r.toString() === 'Capucine Vallerand');
    }, null, { timeout: 5000 });
    assert.deepEqual(problems, []);
  } finally { await context.close(); }
});
