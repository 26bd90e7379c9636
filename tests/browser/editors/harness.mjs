// Shared set-up of the editor tests (tests/browser/editors*.test.mjs): one browser and two servers
// per test file (the recipe pages as they are, and under a strict Content-Security-Policy), a page
// opened with its events and CSP violations recorded, and the questions every test asks (what is
// highlighted, in which window, what the editor saves).
// Why: eight editors times a handful of behaviours; the tests stay about the behaviour.

import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS } from '../helpers.mjs';
import { serve } from '../server.mjs';
import { recipePages, strictCsp, EXPECTED } from './recipes.mjs';

export { EXPECTED };
/** Editors whose element depeche annotates is replaced when the editor is created again. */
export const REPLACES_TARGET = new Set(['ckeditor5', 'tinymce', 'quill', 'textarea']);
/** Editors without bold (and whose Enter is a newline in a value). */
export const PLAIN = new Set(['textarea']);

export async function startEditors() {
  const pages = recipePages();
  const aliases = { '/depeche/': '/' };
  const [server, cspServer, browser] = await Promise.all([
    serve(0, undefined, { pages, aliases }),
    serve(0, undefined, { pages, aliases, headers: { 'content-security-policy': strictCsp() } }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS }),
  ]);
  return {
    server, cspServer, browser,
    async stop() { await browser.close(); await server.close(); await cspServer.close(); },
    /**
     * Open a recipe page. @param {string} path e.g. '/quill.html'
     * @param {{csp?:boolean}} [o]
     */
    async open(path, { csp = false } = {}) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.addInitScript(() => {
        const w = /** @type {any} */ (window);
        w.__violations = [];
        w.__events = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI || '(inline)', source: e.sourceFile, line: e.lineNumber, sample: e.sample });
        });
        for (const type of ['depeche-host', 'depeche-error', 'depeche-ready']) {
          window.addEventListener(type, (e) => {
            const d = /** @type {any} */ (e).detail ?? {};
            w.__events.push({ type, state: d.state, message: d.message, host: d.host ? `${d.host.tagName}#${d.host.id}.${d.host.className}` : undefined });
          }, true);
        }
      });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      await page.goto((csp ? cspServer : server).origin + path);
      await page.waitForFunction(() => customElements.get('depeche-annotator'), null, { timeout: 20_000 });
      return { page, context, problems };
    },
  };
}

/** Page-side: the adapters module. */
export const ADAPTERS = '/tests/browser/editors/adapters.js';

/** What is highlighted now: [{kind, text}] (CSS highlights in the host's window, or marks). */
export function shown(page, name) {
  return page.evaluate(async ([mod, n]) => {
    const a = await import(mod);
    return a.shown(document.querySelector('depeche-annotator'), a.editable(n));
  }, [ADAPTERS, name]);
}

/**
 * Wait until every [kind, text] of `wanted` is highlighted; fails with what is shown.
 * @returns {Promise<{kind:string,text:string}[]>}
 */
export async function waitShown(page, name, wanted = EXPECTED, timeout = 10_000) {
  const ok = await page.waitForFunction(async ([mod, n, w]) => {
    const a = await import(mod);
    const s = a.shown(document.querySelector('depeche-annotator'), a.editable(n));
    return w.every(([k, t]) => s.some((x) => x.kind === k && x.text === t));
  }, [ADAPTERS, name, wanted], { timeout, polling: 100 }).then(() => true, () => false);
  const got = await shown(page, name);
  if (!ok) {
    const events = await page.evaluate(() => /** @type {any} */ (window).__events);
    throw new Error(`${name}: not highlighted: ${wanted.filter(([k, t]) => !got.some((x) => x.kind === k && x.text === t)).map((w) => w.join(':')).join(', ')
    }; shown: ${got.map((x) => `${x.kind}:${x.text}`).join(', ') || 'nothing'}; events: ${JSON.stringify(events)}`);
  }
  return got;
}

/** The editor's saved output (its own API). */
export const saved = (page, name) => page.evaluate(async ([mod, n]) => (await import(mod)).save(n), [ADAPTERS, name]);

/** Focus the editor's editable, caret at the end of the text. */
export async function focusEnd(page, name) {
  await page.evaluate(async ([mod, n]) => (await import(mod)).caretEnd(n), [ADAPTERS, name]);
  await page.waitForTimeout(50); // the editor's selection observers
}

/** HTML and JSON as the editors save them, as plain text: entities and no-break spaces decoded. */
export function plain(out) {
  const named = { nbsp: ' ', eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', ocirc: 'ô', ccedil: 'ç', quot: '"', amp: '&', rsquo: '’', laquo: '«', raquo: '»' };
  return out.replace(/&(\w+);/g, (m, n) => named[n] ?? m).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/\u00a0/g, ' ');
}

/** The depeche markup that must never reach an editor's DOM or saved output. */
export const DEPECHE_MARKUP = /dp-|depeche|<mark\b/i;
