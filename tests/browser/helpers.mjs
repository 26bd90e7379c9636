// Shared set-up of the browser tests: headless Chromium, the static server, the editor page.
// Why: every test needs the same things (a fresh browser profile, the page loaded and ready, a
// paste, a look at what is highlighted); keeping them here keeps the tests about behaviour.
// Trade-off: the paste is a synthetic ClipboardEvent carrying a DataTransfer (what a real paste
// delivers to the page); the system clipboard is not involved, so tests run in parallel.

import { chromium } from 'playwright-core';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, ROOT } from './server.mjs';

export { ROOT };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A dispatch written for these tests (examples/page/). */
export function example(name) {
  return readFileSync(join(ROOT, 'examples', 'page', name), 'utf8');
}

/** Start the server and the browser once per test file. */
export async function start() {
  const server = await serve(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    server, browser,
    async stop() { await browser.close(); await server.close(); },
    /** A fresh context (empty storage) with the editor loaded and ready. */
    async open({ viewport = { width: 1360, height: 900 } } = {}) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      return { ...(await this.tab(context)), context };
    },
    /** One more page of `context` (a tab of the same profile: same storage) with the editor ready. */
    async tab(context) {
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
      await page.goto(server.url);
      await ready(page);
      return { page, problems };
    },
  };
}

export async function ready(page) {
  await page.waitForSelector('.depeche[data-ready="true"]', { timeout: 20_000 });
}

/** Paste `text` into the edit-mode textarea (switches to review mode). */
export async function paste(page, text) {
  if (await page.evaluate(() => document.querySelector('depeche-annotator').editor.mode) !== 'edit') await page.click('.dp-mode-edit');
  await page.focus('.dp-input');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const ta = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-input');
    ta.select();
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review' && !document.querySelector('depeche-annotator').editor.session().pending);
}

/** The highlights as drawn in review mode: [{text, kind, user, label}]. */
export function marks(page) {
  return page.$$eval('.dp-review mark.dp-mark', (ms) => ms.map((m) => ({
    text: m.textContent, kind: ['actor', 'place', 'date'].find((k) => m.classList.contains(`dp-${k}`)),
    user: m.classList.contains('dp-user'), label: m.getAttribute('aria-label'),
  })));
}

/** The session's effective spans (code points). */
export function spans(page) {
  return page.evaluate(() => document.querySelector('depeche-annotator').editor.session().spans.map((s) => ({ start: s.start, end: s.end, kind: s.kind, text: s.text, value: s.value })));
}

/** Text of the focused element (a mark in review mode). */
export function focused(page) {
  return page.evaluate(() => {
    const a = document.querySelector('depeche-annotator').shadowRoot.activeElement;
    return a?.matches('mark.dp-mark') ? { text: a.textContent, kind: ['actor', 'place', 'date'].find((k) => a.classList.contains(`dp-${k}`)) } : null;
  });
}

/** Focus the mark whose text is `text` (nth occurrence) by Tab presses from the text. */
export async function tabTo(page, text, nth = 0) {
  await page.focus('.dp-review');
  const all = await marks(page);
  let want = -1;
  for (let i = 0, n = 0; i < all.length; i++) if (all[i].text === text && n++ === nth) { want = i; break; }
  if (want < 0) throw new Error(`no highlight “${text}” (#${nth}) among ${all.map((m) => m.text).join(', ')}`);
  // Tab from the text box focuses the last focused highlight (roving focus); Home the first.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Home');
  for (let i = 0; i < want; i++) await page.keyboard.press('Tab');
  const f = await focused(page);
  if (f?.text !== text) throw new Error(`Tab reached “${f?.text}”, not “${text}”`);
}

/** Select the `nth` occurrence of `words` in the review text (a DOM selection, as a mouse makes). */
export async function selectText(page, words, nth = 0) {
  await page.evaluate(([w, n]) => {
    const view = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-review');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let t = walker.nextNode(); t; t = walker.nextNode()) { nodes.push([t, all.length]); all += t.data; }
    let at = -1;
    for (let i = 0; i <= n; i++) at = all.indexOf(w, at + 1);
    if (at < 0) throw new Error(`“${w}” not in the text`);
    const point = (off) => { for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]]; };
    const r = document.createRange();
    r.setStart(...point(at));
    r.setEnd(...point(at + w.length));
    view.focus();
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }, [words, nth]);
}

/** Wait for autosave to report "saved". */
export async function saved(page) {
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-status')?.textContent === 'saved', null, { timeout: 10_000 });
}

export const hasShared = () => existsSync(join(ROOT, '..', 'shared', 'fixtures', 'seed-dispatch.txt'));

/**
 * Pastes examples/page/dispatch-en.txt and makes three corrections by keyboard: "Likoni"
 * relabelled an actor, "U.S." deleted, "shopping centre" added as a place.
 */
export async function pasteAndCorrect(page) {
  await paste(page, example('dispatch-en.txt'));
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');
  await tabTo(page, 'U.S.');
  await page.keyboard.press('Delete');
  await selectText(page, 'shopping centre');
  await page.keyboard.press('p');
}
