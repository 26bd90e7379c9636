// Trusted Types: a CMS page under `require-trusted-types-for 'script'` that allows the policy
// named `depeche` gets big texts annotated in the Web Worker (no fallback to the main thread), and
// the page itself (index.html) registers its service worker, with no violation and no console
// error; a page whose CSP does not allow the name still works (the main thread annotates) and
// depeche throws nothing into it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS, ROOT, example } from './helpers.mjs';
import { serve } from './server.mjs';

const BASE = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; object-src 'none'";
let browser;
before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS }); });
after(async () => { await browser?.close(); });

/** Open blank.html under `csp`, annotate a text of over 256 KB, report what happened. */
async function bigText(csp) {
  const server = await serve(0, ROOT, { headers: { 'content-security-policy': csp } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(`${server.url}tests/browser/pages/blank.html`);
  const r = await page.evaluate(async (text) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    await customElements.whenDefined('depeche-annotator');
    const el = document.createElement('depeche-annotator');
    el.text = text;
    document.getElementById('slot').append(el);
    await el.ready;
    const res = await el.annotate();
    return { spans: res.spans.length, violations, length: text.length };
  }, example('dispatch-fr.txt').repeat(400));
  const requests = [...server.requests];
  await context.close();
  await server.close();
  return { ...r, problems, worker: requests.some((u) => u.endsWith('/www/worker.js')) };
}

test('under require-trusted-types-for with the depeche policy allowed, big texts go to the worker, with no violation', async () => {
  const r = await bigText(`${BASE}; require-trusted-types-for 'script'; trusted-types depeche`);
  assert.ok(r.length > 256 * 1024, 'a text for the worker');
  assert.ok(r.spans > 1000, JSON.stringify(r));
  assert.ok(r.worker, 'the worker was loaded');
  assert.deepEqual(r.violations, []);
  assert.deepEqual(r.problems, []);
});

test('a CSP that does not allow the depeche policy: no exception into the page, the text is still annotated', async () => {
  const r = await bigText(`${BASE}; require-trusted-types-for 'script'; trusted-types other-policy`);
  assert.ok(r.spans > 1000, JSON.stringify(r));
  assert.ok(!r.problems.some((p) => p.startsWith('pageerror')), JSON.stringify(r.problems));
});

test('the page under Trusted Types registers its service worker through the depeche policy', async () => {
  const server = await serve(0, ROOT, { headers: { 'content-security-policy': `${BASE}; require-trusted-types-for 'script'; trusted-types depeche` } });
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !/favicon|404/.test(m.text())) problems.push(`${m.type()}: ${m.text()}`); });
  await page.goto(server.url);
  await page.waitForSelector('depeche-annotator');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});
