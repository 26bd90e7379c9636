// Benchmark: what depeche adds to typing in each real editor of the README's "Inside your CMS
// editor" recipes (CKEditor 5, TinyMCE classic and inline, Quill, ProseMirror, Tiptap, Lexical, a
// textarea), and how soon the first highlight shows. Not a test: figures vary with the machine.
// Run: node scripts/bench-editors.mjs [--keys 150] [--only quill,tiptap] [--no-write]
// It writes the section "## Inside CMS editors" of BENCHMARKS.md (that section only).
//
// Method. For each editor, the recipe page (tests/browser/editors/recipes.mjs) holds a ~5,000-word
// article made of the repository's dispatches (examples/ and benches/corpus/), once as the README
// has it and once without depeche (its element and scripts removed), in the same browser run.
// The caret goes to the start of the middle paragraph; then KEYS keystrokes are typed at a steady
// cadence (one every 120 ms, with a 1 s pause after a third and two thirds of them, when depeche's
// debounce lets it re-annotate). Main-thread time per keystroke: CDP Performance.getMetrics'
// TaskDuration (seconds of main-thread tasks so far) read before a key and again 120 ms later
// (after the pause, for the key before a pause), so the time of the key's own handling, the
// editor's re-rendering and depeche's re-reading and repainting falls into that key's interval.
// The added time is, per editor, the median and p95 of the per-key times with depeche minus
// those without (each statistic computed on its own run). First highlight: from navigation start
// (performance.timeOrigin) to the first animation frame where CSS.highlights (the host's window:
// the iframe's for TinyMCE classic) or the textarea's mirror holds a highlight, on localhost.

import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT } from '../tests/browser/helpers.mjs';
import { serve } from '../tests/browser/server.mjs';
import { EDITORS, recipePage, recipePages } from '../tests/browser/editors/recipes.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const KEYS = Number(arg('keys', 150));
const ONLY = arg('only', null)?.split(',') ?? EDITORS;
const WRITE = !process.argv.includes('--no-write');
const CADENCE = 120, PAUSE = 1000;

/** ~5,000 words of dispatches, one paragraph per line of text. */
function article() {
  const files = [join(ROOT, 'examples', 'dispatch-fr.txt'), join(ROOT, 'examples', 'dispatch-en.txt'),
    ...readdirSync(join(ROOT, 'benches', 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'benches', 'corpus', f))];
  const paras = [];
  let words = 0;
  for (let round = 0; words < 5000; round++) {
    for (const f of files) {
      for (const p of readFileSync(f, 'utf8').split(/\n\s*\n|\n/).map((x) => x.trim()).filter(Boolean)) {
        paras.push(p);
        words += p.split(/\s+/).length;
        if (words >= 5000) break;
      }
      if (words >= 5000) break;
    }
    if (round > 20) break;
  }
  return { paras, words };
}

const { paras, words } = article();
const pages = recipePages();
for (const name of EDITORS) {
  const html = recipePage(name, { paragraphs: paras });
  pages[`/bench/${name}.html`] = html;
  pages[`/bench/${name}-bare.html`] = html.split('\n').filter((l) => !/depeche-annotator|depeche-field/.test(l)).join('\n');
}
const server = await serve(0, undefined, { pages, aliases: { '/depeche/': '/' } });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

/** One run: per-key main-thread ms, and the first highlight's time (ms from navigation start). */
async function run(name, withDepeche) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(`${server.origin}/bench/${name}${withDepeche ? '' : '-bare'}.html`);
  let first = null;
  const mod = '/tests/browser/editors/adapters.js';
  // the editor is up
  await page.waitForFunction(async ([m, n]) => { try { return !!(await import(m)).editable(n); } catch { return false; } }, [mod, name], { timeout: 30_000 });
  if (withDepeche) {
    first = await page.evaluate(async ([m, n]) => {
      const a = await import(m);
      const el = document.querySelector('depeche-annotator');
      for (;;) {
        const host = a.editable(n);
        if (host && a.shown(el, host).length) return performance.now();
        await new Promise((ok) => requestAnimationFrame(ok));
      }
    }, [mod, name]);
  }
  await page.waitForTimeout(500);
  // the caret at the start of the middle paragraph
  await page.evaluate(async ([m, n]) => {
    const host = (await import(m)).editable(n);
    host.ownerDocument.defaultView.focus();
    host.focus();
    if (host.tagName === 'TEXTAREA') { const at = host.value.indexOf('\n', host.value.length >> 1) + 1; host.setSelectionRange(at, at); return; }
    const ps = host.querySelectorAll('p');
    const p = ps[ps.length >> 1];
    const walker = host.ownerDocument.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const t = walker.nextNode();
    const sel = host.ownerDocument.getSelection();
    sel.removeAllRanges();
    const r = host.ownerDocument.createRange();
    r.setStart(t ?? p, 0);
    sel.addRange(r);
  }, [mod, name]);
  await page.waitForTimeout(300);
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'TaskDuration').value;
  const text = 'Le préfet Basile Marchetti est arrivé à Valence mardi. ';
  const perKey = [];
  for (let i = 0; i < KEYS; i++) {
    const t0 = Date.now();
    const before = await task();
    await page.keyboard.type(text[i % text.length]);
    const wait = (i === Math.floor(KEYS / 3) || i === Math.floor((2 * KEYS) / 3) ? PAUSE : CADENCE) - (Date.now() - t0);
    if (wait > 0) await page.waitForTimeout(wait);
    perKey.push((await task() - before) * 1000);
  }
  await context.close();
  return { perKey, first };
}

const rows = [];
for (const name of ONLY) {
  const bare = await run(name, false);
  const dep = await run(name, true);
  const row = {
    name,
    bareMedian: median(bare.perKey), bareP95: p95(bare.perKey),
    depMedian: median(dep.perKey), depP95: p95(dep.perKey),
    first: dep.first,
  };
  row.addedMedian = row.depMedian - row.bareMedian;
  row.addedP95 = row.depP95 - row.bareP95;
  rows.push(row);
  console.log(`${name.padEnd(15)} per key: without ${row.bareMedian.toFixed(1)} ms (p95 ${row.bareP95.toFixed(1)}), with ${row.depMedian.toFixed(1)} ms (p95 ${row.depP95.toFixed(1)}); added ${row.addedMedian.toFixed(1)} ms (p95 ${row.addedP95.toFixed(1)}); first highlight ${row.first?.toFixed(0)} ms`);
}
await browser.close();
await server.close();

if (WRITE) {
  const chromeVersion = browser.version?.() ?? '';
  const f = (x) => (x == null ? '–' : x.toFixed(1));
  const section = [
    '## Inside CMS editors',
    '',
    `\`node scripts/bench-editors.mjs\` (method in its header): the README's recipes with a ${words.toLocaleString('en')}-word article of the`,
    `repository's dispatches; ${KEYS} keystrokes at the middle paragraph, one every ${CADENCE} ms with two ${PAUSE / 1000} s pauses;`,
    'main-thread time per keystroke (CDP TaskDuration per key interval), without and with depeche in the same run;',
    `first highlight: from navigation start, on localhost. ${new Date().toISOString().slice(0, 10)}, headless Chromium${chromeVersion ? ` ${chromeVersion}` : ''}, ${process.platform}.`,
    '',
    '| editor | per key without (median / p95) | with depeche (median / p95) | added (median / p95) | first highlight |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${f(r.bareMedian)} / ${f(r.bareP95)} ms | ${f(r.depMedian)} / ${f(r.depP95)} ms | ${f(r.addedMedian)} / ${f(r.addedP95)} ms | ${r.first == null ? '–' : `${Math.round(r.first)} ms`} |`),
    '',
  ].join('\n');
  const path = join(ROOT, 'BENCHMARKS.md');
  const md = readFileSync(path, 'utf8');
  const start = md.indexOf('## Inside CMS editors');
  let out;
  if (start < 0) out = `${md.replace(/\n*$/, '\n\n')}${section}`;
  else {
    const next = md.indexOf('\n## ', start + 3);
    out = md.slice(0, start) + section + (next < 0 ? '' : md.slice(next));
  }
  writeFileSync(path, out);
  console.log('BENCHMARKS.md: "## Inside CMS editors" updated');
}
