// Where the main-thread time of typing goes, in each editor of bench-editors.mjs, with and without
// depeche: a Chromium trace of the same keystrokes as the benchmark, summed by trace event (self
// time on the renderer's main thread, per key) and, for the script time, by the script's URL (the
// editor's own code, depeche's www/ modules, the engine). Not a test and not the benchmark (tracing
// slows everything a little): it says which items are worth fixing.
// Run: node scripts/profile-editors.mjs [--keys 60] [--only quill,tiptap] [--top 25]

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT } from '../tests/browser/helpers.mjs';
import { serve } from '../tests/browser/server.mjs';
import { EDITORS, recipePage, recipePages } from '../tests/browser/editors/recipes.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const KEYS = Number(arg('keys', 60));
const ONLY = arg('only', null)?.split(',') ?? EDITORS;
const TOP = Number(arg('top', 25));
const CADENCE = 120;
// --variants a,b: folders under the repository (e.g. .variants/a, holding www/ and pkg/) served as
// /depeche/ instead of the repository itself, each profiled in turn ('.' is the repository)
const VARIANTS = arg('variants', '.').split(',');

function article() {
  const files = [join(ROOT, 'examples', 'dispatch-fr.txt'), join(ROOT, 'examples', 'dispatch-en.txt'),
    ...readdirSync(join(ROOT, 'benches', 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'benches', 'corpus', f))];
  const paras = [];
  let words = 0;
  for (let round = 0; words < 5000 && round < 20; round++) {
    for (const f of files) {
      for (const p of readFileSync(f, 'utf8').split(/\n\s*\n|\n/).map((x) => x.trim()).filter(Boolean)) {
        paras.push(p);
        words += p.split(/\s+/).length;
        if (words >= 5000) break;
      }
      if (words >= 5000) break;
    }
  }
  return paras;
}

const paras = article();
const pages = recipePages();
for (const name of EDITORS) {
  const html = recipePage(name, { paragraphs: paras });
  pages[`/bench/${name}.html`] = html;
  pages[`/bench/${name}-bare.html`] = html.split('\n').filter((l) => !/depeche-annotator|depeche-field/.test(l)).join('\n');
}
const servers = await Promise.all(VARIANTS.map((v) => serve(0, undefined, { pages, aliases: { '/depeche/': v === '.' ? '/' : `/${v}/` } })));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

async function run(name, withDepeche, server = servers[0]) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${server.origin}/bench/${name}${withDepeche ? '' : '-bare'}.html`);
  const mod = '/tests/browser/editors/adapters.js';
  await page.waitForFunction(async ([m, n]) => { try { return !!(await import(m)).editable(n); } catch { return false; } }, [mod, name], { timeout: 30_000 });
  if (withDepeche) {
    await page.evaluate(async ([m, n]) => {
      const a = await import(m);
      const el = document.querySelector('depeche-annotator');
      for (;;) {
        const host = a.editable(n);
        if (host && (a.shown(el, host).length || el.annotations?.length)) return;
        await new Promise((ok) => requestAnimationFrame(ok));
      }
    }, [mod, name]);
  }
  await page.waitForTimeout(1500);
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
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'toplevel', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', '__metadata', ...(process.argv.includes('--invalidations') ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-blink.invalidation'] : [])] },
  });
  await page.evaluate(() => performance.mark('keys-start'));
  const text = 'Le préfet Basile Marchetti est arrivé à Valence mardi. ';
  for (let i = 0; i < KEYS; i++) {
    const t0 = Date.now();
    await page.keyboard.type(text[i % text.length]);
    const wait = CADENCE - (Date.now() - t0);
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.evaluate(() => performance.mark('keys-end'));
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  return events;
}

/** Self time per event name on the main thread between the marks; script time per URL from the CPU profile samples. */
function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.name === 'keys-start'));
  if (!main) return { self: new Map(), urls: new Map(), perKey: [] };
  const { pid, tid } = main;
  const t0 = events.find((e) => e.pid === pid && e.name === 'keys-start').ts;
  const t1 = events.find((e) => e.pid === pid && e.name === 'keys-end')?.ts ?? Infinity;
  const xs = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 && e.ts <= t1 && e.dur != null)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const keydowns = xs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').map((e) => e.ts);
  const perKey = keydowns.map(() => 0);
  const cpu = (e) => (e.tdur ?? e.dur);
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.child += Math.min(cpu(e), cpu(parent));
    else {
      let k = keydowns.length - 1;
      while (k >= 0 && keydowns[k] > e.ts) k--;
      if (k >= 0) perKey[k] += cpu(e) / 1000;
    }
    e.child = 0;
    stack.push(e);
  }
  for (const e of xs) {
    let key = e.name;
    if (e.name === 'FunctionCall' || e.name === 'EvaluateScript') key += ` ${(e.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '')}:${e.args?.data?.functionName ?? ''}`;
    if (e.name === 'EventDispatch') key += ` ${e.args?.data?.type ?? ''}`;
    if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') key += '';
    self.set(key, (self.get(key) ?? 0) + Math.max(0, cpu(e) - e.child) / 1000);
  }
  // CPU profile samples (ProfileChunk): self time per script URL and function
  const nodes = new Map();
  const urls = new Map();
  let last = null;
  for (const e of events) {
    if (e.pid !== pid || e.name !== 'ProfileChunk') continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d?.cpuProfile?.samples ?? [], deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      last = (last ?? 0) + deltas[i];
      const n = nodes.get(samples[i]);
      const cf = n?.callFrame;
      if (!cf) continue;
      const key = `${(cf.url ?? '').replace(/^https?:\/\/[^/]+/, '') || '(native)'} ${cf.functionName || '(anon)'}`;
      urls.set(key, (urls.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i]) / 1000);
    }
  }
  // paint invalidations (with --invalidations): by reason and node
  const inval = new Map();
  for (const e of events) {
    if (e.pid !== pid || !/Invalidation/.test(e.name) || e.ts < t0 || e.ts > t1) continue;
    const d = e.args?.data ?? {};
    const key = `${e.name} ${d.reason ?? ''} ${d.nodeName ?? d.node_name ?? ''}`.slice(0, 120);
    inval.set(key, (inval.get(key) ?? 0) + 1);
  }
  return { self, urls, perKey: perKey.slice(1), inval };
}

const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
for (const name of ONLY) {
  const bare = summarise(await run(name, false));
  for (let v = 0; v < VARIANTS.length; v++) {
  const dep = summarise(await run(name, true, servers[v]));
  const names = new Set([...bare.self.keys(), ...dep.self.keys()]);
  const diff = new Map([...names].map((k) => [k, ((dep.self.get(k) ?? 0) - (bare.self.get(k) ?? 0)) / KEYS]));
  const tot = (m) => [...m.values()].reduce((a, b) => a + b, 0) / KEYS;
  const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1] ?? NaN;
  console.log(`\n=== ${name} [${VARIANTS[v]}]: main thread CPU per key (thread time), median: without ${med(bare.perKey).toFixed(2)} ms, with ${med(dep.perKey).toFixed(2)} ms; self time sums: without ${tot(bare.self).toFixed(2)} ms, with ${tot(dep.self).toFixed(2)} ms`);
  for (const [k, v] of show(diff, TOP)) console.log(`  +${v.toFixed(3)} ms  ${k}  (with ${((dep.self.get(k) ?? 0) / KEYS).toFixed(3)})`);
  console.log(`  -- script samples with depeche (ms per key):`);
  for (const [k, v] of show(dep.urls, TOP)) console.log(`  ${(v / KEYS).toFixed(3)} ms  ${k}`);
  if (dep.inval.size) {
    console.log('  -- invalidations per key, with depeche (without):');
    for (const [k, v] of show(dep.inval, TOP)) console.log(`  ${(v / KEYS).toFixed(1)} (${((bare.inval.get(k) ?? 0) / KEYS).toFixed(1)})  ${k}`);
  }
  }
}
await browser.close();
await Promise.all(servers.map((s) => s.close()));
