// Benchmark: what depeche adds to typing in each real editor of the README's "Inside your CMS
// editor" recipes (CKEditor 5, TinyMCE classic and inline, Quill, ProseMirror, Tiptap, Lexical, a
// textarea), and how soon the first highlight shows. Not a test: figures vary with the machine.
// Run: node scripts/bench-editors.mjs [--keys 150] [--rounds 2] [--only quill,tiptap] [--compare DIR] [--no-write]
// It writes the section "## Inside CMS editors" of BENCHMARKS.md (that section only).
//
// Method. For each editor, the recipe page (tests/browser/editors/recipes.mjs) holds a ~5,000-word
// article made of the repository's dispatches (examples/ and benches/corpus/), once as the README
// has it and once without depeche (its element and scripts removed), in the same browser run.
// The caret goes to the start of the middle paragraph; then KEYS keystrokes are typed at a steady
// cadence (one every 120 ms, with a 1 s pause after a third and two thirds of them, when depeche's
// debounce lets it re-annotate), --rounds times, the configurations interleaved (bare, with
// depeche, and with --compare DIR's depeche). Main-thread time per keystroke: a Chromium trace of
// the typing; the outermost events of the renderer's main thread (its tasks) are counted in the
// interval of the key whose keydown last preceded them, as CPU time of that thread (thread clock,
// so that other processes on a shared machine inflate it less than wall-clock time; the
// wall-clock median is printed too). So the key's own handling, the editor's re-rendering,
// depeche's work and the browser's style, layout and paint of that frame fall into that key.
// The added time is the median and p95 of the per-key times with depeche minus those without
// (each statistic computed on its own pooled runs); "whole typing" adds up every task from the
// first key to 1.5 s after the last, pauses included, divided by the keys: work that depeche
// defers to a pause is not hidden by the per-key median. First highlight: from navigation start
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
const CADENCE = 120, PAUSE = 1000, SETTLE = 1500;
const ROUNDS = Number(arg('rounds', 2));

/** ~5,000 words of dispatches, one paragraph per line of text. */
function article() {
  const files = [join(ROOT, 'examples', 'dispatch-fr.txt'), join(ROOT, 'examples', 'dispatch-en.txt'),
    ...readdirSync(join(ROOT, 'benches', 'corpus')).filter((f) => /^(fr|en)-.*\.txt$/.test(f)).sort().map((f) => join(ROOT, 'benches', 'corpus', f))];
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
// --compare DIR: a folder under the repository holding another www/ and pkg/ (e.g. the code before
// a change: `git archive <commit> www pkg | tar -x -C .variants/before`), measured in the same
// rounds as a third configuration
const COMPARE = arg('compare', null);
const other = COMPARE ? await serve(0, undefined, { pages, aliases: { '/depeche/': `/${COMPARE.replace(/^\.?\/+|\/+$/g, '')}/` } }) : null;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]; };

/**
 * Main-thread time per key from a Chromium trace of the keystrokes: the outermost trace events of
 * the renderer's main thread (its tasks), each counted in the interval of the key whose keydown
 * last preceded it; `cpu` sums their thread time (CPU time of the main thread), `wall` their
 * duration. Also the totals over the whole typing (pauses included) and after the last key.
 */
function perKeyTimes(events) {
  const meta = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mark = (n) => events.find((e) => e.name === n);
  const start = mark('keys-start'), stop = mark('keys-end');
  const main = meta.find((m) => m.pid === start?.pid);
  if (!main) throw new Error('no renderer main thread in the trace');
  const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null && e.ts >= start.ts && e.ts <= stop.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const downs = xs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts);
  const cpu = downs.map(() => 0), wall = downs.map(() => 0);
  let end = -1, k = -1, total = 0;
  for (const e of xs) {
    if (e.ts < end) continue; // nested in a task already counted
    end = e.ts + e.dur;
    while (k + 1 < downs.length && downs[k + 1] <= e.ts) k++;
    const c = (e.tdur ?? e.dur) / 1000;
    total += c;
    if (k >= 0) { cpu[k] += c; wall[k] += e.dur / 1000; }
  }
  return { cpu, wall, total };
}

/** One run: per-key main-thread ms, and the first highlight's time (ms from navigation start). */
async function run(name, withDepeche, srv = server) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${srv.origin}/bench/${name}${withDepeche ? '' : '-bare'}.html`);
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
  await page.waitForTimeout(1500);
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
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const x of e.value) events.push(x); });
  const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'] } });
  await page.evaluate(() => performance.mark('keys-start'));
  const text = 'Le préfet Basile Marchetti est arrivé à Valence mardi. ';
  let next = Date.now();
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type(text[i % text.length]);
    next += i === Math.floor(KEYS / 3) || i === Math.floor((2 * KEYS) / 3) ? PAUSE : CADENCE;
    const wait = next - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.waitForTimeout(SETTLE);
  await page.evaluate(() => performance.mark('keys-end'));
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  return { ...perKeyTimes(events), first };
}

const rows = [];
for (const name of ONLY) {
  const pool = { bare: { cpu: [], wall: [], total: 0 }, dep: { cpu: [], wall: [], total: 0 }, before: { cpu: [], wall: [], total: 0 } };
  const firsts = [];
  const order = other ? ['bare', 'dep', 'before'] : ['bare', 'dep'];
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of round % 2 ? [...order].reverse() : order) {
      const r = await run(name, which !== 'bare', which === 'before' ? other : server);
      pool[which].cpu.push(...r.cpu);
      pool[which].wall.push(...r.wall);
      pool[which].total += r.total / ROUNDS;
      if (r.first != null && which === 'dep') firsts.push(r.first);
    }
  }
  const row = {
    name,
    bareMedian: median(pool.bare.cpu), bareP95: p95(pool.bare.cpu),
    depMedian: median(pool.dep.cpu), depP95: p95(pool.dep.cpu),
    wallAdded: median(pool.dep.wall) - median(pool.bare.wall),
    amortised: (pool.dep.total - pool.bare.total) / KEYS,
    first: median(firsts), firstMax: Math.max(...firsts),
  };
  row.addedMedian = row.depMedian - row.bareMedian;
  row.addedP95 = row.depP95 - row.bareP95;
  if (other) {
    row.beforeAdded = median(pool.before.cpu) - row.bareMedian;
    row.beforeAddedP95 = p95(pool.before.cpu) - row.bareP95;
  }
  rows.push(row);
  console.log(`${name.padEnd(15)} CPU per key: without ${row.bareMedian.toFixed(2)} ms (p95 ${row.bareP95.toFixed(1)}), with ${row.depMedian.toFixed(2)} ms (p95 ${row.depP95.toFixed(1)}); ` +
    `added ${row.addedMedian.toFixed(2)} ms (p95 ${row.addedP95.toFixed(1)}; wall-clock median ${row.wallAdded.toFixed(2)}; all typing and settle, per key ${row.amortised.toFixed(2)}); ` +
    `first highlight ${row.first?.toFixed(0)} ms (slowest ${row.firstMax.toFixed(0)})` +
    (other ? `; ${COMPARE} added ${row.beforeAdded.toFixed(2)} ms (p95 ${row.beforeAddedP95.toFixed(1)})` : ''));
}
await browser.close();
await server.close();
await other?.close();

if (WRITE) {
  const chromeVersion = browser.version?.() ?? '';
  const f = (x) => (x == null ? '–' : x.toFixed(1));
  const section = [
    '## Inside CMS editors',
    '',
    `\`node scripts/bench-editors.mjs${process.argv.slice(2).filter((x) => x !== '--no-write').length ? ` ${process.argv.slice(2).join(' ')}` : ''}\` (method in its header): the README's recipes with a ${words.toLocaleString('en')}-word article of the`,
    `repository's dispatches; ${KEYS} keystrokes at the middle paragraph, one every ${CADENCE} ms with two ${PAUSE / 1000} s pauses, ${ROUNDS} rounds`,
    'of each configuration interleaved in one browser; per key: the CPU time of the renderer main thread\'s tasks from the',
    'keydown to the next (Chromium trace), without and with depeche; "whole typing": the added main-thread time of all the',
    `typing, its pauses and ${SETTLE / 1000} s after the last key, per key (what a deferral moves out of the keys is counted there);`,
    `first highlight: from navigation start, median of the rounds, on localhost. ${new Date().toISOString().slice(0, 10)}, headless Chromium${chromeVersion ? ` ${chromeVersion}` : ''}, ${process.platform}.`,
    '',
    `| editor | per key without (median / p95) | with depeche (median / p95) | added (median / p95) | added, whole typing | first highlight |${other ? ` ${COMPARE}: added (median / p95) |` : ''}`,
    `|---|---|---|---|---|---|${other ? '---|' : ''}`,
    ...rows.map((r) => `| ${r.name} | ${f(r.bareMedian)} / ${f(r.bareP95)} ms | ${f(r.depMedian)} / ${f(r.depP95)} ms | ${f(r.addedMedian)} / ${f(r.addedP95)} ms | ${f(r.amortised)} ms | ${r.first == null ? '–' : `${Math.round(r.first)} ms`} |` +
      (other ? ` ${f(r.beforeAdded)} / ${f(r.beforeAddedP95)} ms |` : '')),
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
