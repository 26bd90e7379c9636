// What typing costs the page when <depeche-annotator for=…> follows a plain contenteditable
// article of ~5,000 words: headless Chromium types ~150 keys at a steady cadence at a caret in
// the middle of the article, with and without the element, and this prints the main-thread time
// each keystroke costs (CDP Performance.getMetrics TaskDuration, sampled at every key) and what
// the element adds (median and p95 of the per-key differences of the two runs' sorted samples).
// Not a test: only this script looks at the clock. (scripts/bench-editors.mjs does the same with
// real CMS editors; this one is the plain-contenteditable baseline.)
//
//   node scripts/bench-typing.mjs [--root DIR[,DIR2...]] [--keys 150] [--gap 120] [--modes plain,static,none,entities] [--rounds 2]
//
// --root serves another checkout of the repository (e.g. `git archive <commit> www pkg | tar -x -C DIR`)
// so that the same script measures the code before and after a change; several roots (comma-
// separated) are measured in the same run, their rounds interleaved, so that they share the drift
// of a shared machine's load. Modes: `plain` (no
// element), `entities` (the element with its entity panel), `none` (panels="none"), `static`
// (panels="none", but the element does not see the edits: its highlights stay as they were
// drawn). `static` is what the highlights on screen cost the browser by themselves: Chromium
// re-validates every highlight range after any DOM change and repaints each highlighted text
// on screen, whatever the page's script does; `none` minus `static` is depeche's own work.
// Trade-offs: a sample is the main-thread time of one key interval, so work deferred past the
// interval (a debounce, an idle callback) lands in a later key's sample or after the last key:
// the "settle" line reports the time spent after the last key until the page is quiet (1.5 s),
// and "amortised" is everything (typing + settle) divided by the number of keys. The modes run in
// turn, --rounds times, and each mode's samples are pooled: a shared machine's load drifts.

import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, ROOT } from '../tests/browser/server.mjs';
import { CHROMIUM, ARGS } from '../tests/browser/helpers.mjs';

const argv = process.argv.slice(2);
const arg = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const roots = arg('root', ROOT).split(',').map((r) => resolve(r));
const KEYS = Number(arg('keys', 150));
const GAP = Number(arg('gap', 120));
const MODES = arg('modes', 'plain,static,none,entities').split(',');
const ROUNDS = Number(arg('rounds', 2));
const WORDS = 5000;
const SETTLE_MS = 1500;

/** ~5,000 words of wire copy in paragraphs, from the repository's own texts (a dateline opens it). */
function article() {
  const files = [join(ROOT, 'examples', 'dispatch-fr.txt'), join(ROOT, 'examples', 'dispatch-en.txt'),
    ...readdirSync(join(ROOT, 'benches', 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'benches', 'corpus', f)),
    ...readdirSync(join(ROOT, 'examples', 'page')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'examples', 'page', f))];
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const paras = [];
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    for (const p of texts[i % texts.length].split(/\n\s*\n/)) {
      const t = p.replace(/\s+/g, ' ').trim();
      if (!t) continue;
      paras.push(t);
      words += t.split(' ').length;
      if (words >= WORDS) break;
    }
  }
  paras.splice(Math.floor(paras.length / 3), 0, '🚨 Alerte : la situation reste tendue à Goma 🇨🇩, selon la Monusco.');
  return { paras, words };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function pageHtml(paras, mode) {
  const el = mode === 'plain' ? '' : `<depeche-annotator id="notes" for="story"${mode === 'entities' ? '' : ' panels="none"'}></depeche-annotator>`;
  // static: the article's mutations are not observed (a MutationObserver on it observes nothing)
  const blind = mode === 'static' ? `<script>{ const o = MutationObserver.prototype.observe; MutationObserver.prototype.observe = function (t, opts) { if (t && t.id === 'story') return; return o.call(this, t, opts); }; }</script>` : '';
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>bench typing</title>
<style>body{font:16px/1.5 serif;margin:0;display:flex;gap:16px}#story{flex:1;padding:16px;outline:none;max-width:760px}depeche-annotator{width:380px}</style>
${blind}<script type="module" src="/www/depeche-annotator.js"></script></head><body>
<article id="story" contenteditable="true">${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
${el}</body></html>`;
}

const TYPED = ' Le ministre est arrivé mardi à Bamako avec le chef de la Minusma, selon Reuters. ';
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), mean: s.reduce((a, b) => a + b, 0) / s.length, sorted: s };
};
const f = (x) => `${x.toFixed(2)} ms`;

async function run(browser, url, mode) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${mode}] pageerror: ${e.message}`));
  await page.goto(url);
  if (mode !== 'plain') await page.evaluate(() => document.getElementById('notes').ready);
  await page.waitForTimeout(1000);
  // The caret: at the end of the middle paragraph's first sentence.
  await page.evaluate(() => {
    const ps = document.querySelectorAll('#story p');
    const p = ps[Math.floor(ps.length / 2)];
    const t = p.firstChild;
    const at = Math.max(0, t.data.indexOf('. ') + 1) || t.data.length;
    document.getElementById('story').focus();
    const r = document.createRange();
    r.setStart(t, at);
    r.collapse(true);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const per = [];
  const t0 = Date.now();
  let prev = await taskMs();
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]);
    const wait = t0 + (i + 1) * GAP - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const now = await taskMs();
    per.push(now - prev);
    prev = now;
  }
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const settle = (await taskMs()) - prev;
  const late = Date.now() - t0 - KEYS * GAP - SETTLE_MS;
  let check = null;
  if (mode !== 'plain') {
    check = await page.evaluate(() => {
      const el = document.getElementById('notes');
      const p = el.highlightPrefix;
      let ranges = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith(`${p}-`)) ranges += h.size;
      return { spans: el.annotations.length, ranges, typed: el.text.includes('Le ministre est arrivé') };
    });
  }
  await context.close();
  return { per, settle, late, check };
}

const { paras, words } = article();
const pages = {};
for (const m of MODES) pages[`/bench-typing-${m}.html`] = pageHtml(paras, m);
for (const root of roots) if (!existsSync(join(root, 'www', 'depeche-annotator.js'))) throw new Error(`no www/depeche-annotator.js under ${root}`);
const servers = await Promise.all(roots.map((root) => serve(0, root, { pages })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  console.log(`bench-typing: ${words} words in ${paras.length} paragraphs, ${KEYS} keys ${GAP} ms apart, ${ROUNDS} rounds, code from ${roots.join(', ')}`);
  const configs = roots.flatMap((root, i) => MODES.map((m) => ({ root, i, m, key: roots.length > 1 ? `${m}@${i}` : m })));
  const pooled = Object.fromEntries(configs.map((c) => [c.key, { per: [], settle: 0, late: 0, check: null }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of configs) {
      const r = await run(browser, `${servers[c.i].origin}/bench-typing-${c.m}.html`, c.m);
      pooled[c.key].per.push(...r.per);
      pooled[c.key].settle += r.settle / ROUNDS;
      pooled[c.key].late = Math.max(pooled[c.key].late, r.late);
      pooled[c.key].check = r.check;
    }
  }
  if (roots.length > 1) roots.forEach((root, i) => console.log(`@${i}: ${root}`));
  const results = {};
  for (const { key: m } of configs) {
    results[m] = { ...pooled[m], per: stats(pooled[m].per) };
    const r = results[m];
    console.log(`${m.padEnd(9)} per key: median ${f(r.per.median)}, p95 ${f(r.per.p95)}, mean ${f(r.per.mean)}; settle after the last key ${f(r.settle)}` +
      `; amortised ${f((r.per.mean * KEYS + r.settle) / KEYS)}${r.late > 200 ? ` (the loop ran ${r.late} ms late)` : ''}${r.check ? ` ${JSON.stringify(r.check)}` : ''}`);
  }
  roots.forEach((root, i) => {
    const k = (m) => (roots.length > 1 ? `${m}@${i}` : m);
    const plain = results[k('plain')];
    if (!plain) return;
    for (const m of MODES.filter((x) => x !== 'plain')) {
      const r = results[k(m)];
      console.log(`added by ${k(m).padEnd(8)}: median ${f(r.per.median - plain.per.median)}, p95 ${f(r.per.p95 - plain.per.p95)}` +
        `, mean ${f(r.per.mean - plain.per.mean)}; amortised with the settle ${f(r.per.mean - plain.per.mean + (r.settle - plain.settle) / KEYS)}`);
    }
  });
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
