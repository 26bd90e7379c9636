// By touch alone, on a phone-sized screen (issue 10: "every step works ... by touch alone (tap,
// long-press selection) at 390×844 with touch emulation"). A touch context (hasTouch, isMobile);
// taps are page.tap / touchscreen.tap; a long press and a drag after it are CDP touch events
// (Input.dispatchTouchEvent), which is what a finger delivers to the page. Checked: a tap on a
// highlight opens the chip, wholly on screen with 44×44 px buttons; every chip command by tap;
// the value form stays in view above an on-screen keyboard; a long press (on a highlight too)
// and a drag after it select words and "Add as" adds them; the page's controls are on screen,
// with no horizontal scroll, and work by tap; ten corrections of dispatch-fr.txt with every tap
// and swipe counted; screenshots to target/screenshots/ (scripts/screenshots.sh: docs/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { start, ready, paste, spans, focused, example, saved, ROOT } from './helpers.mjs';

const W = 390, H = 844;
const SHOTS = process.env.DEPECHE_SCREENSHOTS ? join(ROOT, process.env.DEPECHE_SCREENSHOTS) : join(ROOT, 'target', 'screenshots');
const CHIP = '.dp-chip:not(.dp-chip-add)';
const ADD = '.dp-chip-add';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

/** A phone: 390×844, touch, mobile viewport; the editor loaded and ready. */
async function phone() {
  const context = await env.browser.newContext({ viewport: { width: W, height: H }, hasTouch: true, isMobile: true, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(env.server.url);
  await ready(page);
  const cdp = await context.newCDPSession(page);
  return { page, context, cdp, problems };
}

/** Evaluate in the editor's shadow root. */
const inRoot = (page, fn, arg) => page.evaluate(([f, a]) => {
  const sr = document.querySelector('depeche-annotator').shadowRoot;
  // eslint-disable-next-line no-new-func
  return new Function('sr', 'a', `return (${f})(sr, a);`)(sr, a);
}, [fn.toString(), arg]);

/** The box of an element of the shadow root (null: absent or hidden); `sel@text`: the one with that text. */
const boxOf = (page, sel) => inRoot(page, (sr, s) => {
  const [q, text] = s.split('@');
  const e = text === undefined ? sr.querySelector(q) : [...sr.querySelectorAll(q)].find((x) => x.textContent === text);
  if (!e || e.closest('[hidden]')) return null;
  const r = e.getBoundingClientRect();
  return r.width || r.height ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : null;
}, sel);

/** The centre of the character `at` of the `nth` occurrence of `t` in the review text. */
const charPoint = (page, t, at = 1, nth = 0) => inRoot(page, (sr, [t, at, nth]) => {
  const view = sr.querySelector('.dp-review');
  const w = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  let all = '';
  const nodes = [];
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, all.length]); all += n.data; }
  let i = -1;
  for (let k = 0; k <= nth; k++) i = all.indexOf(t, i + 1);
  if (i < 0) throw new Error(`“${t}” is not in the text`);
  i += at;
  const [n, o] = nodes.findLast(([, s]) => s <= i);
  const r = document.createRange(); r.setStart(n, i - o); r.setEnd(n, i - o + 1);
  const b = r.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
}, [t, at, nth]);

const isHidden = (page, sel) => inRoot(page, (sr, s) => { const e = sr.querySelector(s); return !e || e.hidden; }, sel);
const waitShown = (page, sel) => page.waitForFunction((s) => { const e = document.querySelector('depeche-annotator').shadowRoot.querySelector(s); return e && !e.hidden && getComputedStyle(e).visibility !== 'hidden'; }, sel);
const waitHidden = (page, sel) => page.waitForFunction((s) => { const e = document.querySelector('depeche-annotator').shadowRoot.querySelector(s); return !e || e.hidden; }, sel);
const chipText = (page) => inRoot(page, (sr, c) => sr.querySelector(`${c} .dp-chip-text`)?.textContent ?? null, CHIP);
const span = async (page, t) => (await spans(page)).find((s) => s.text === t);

/** Lay a finger on (x, y), hold it `ms`, move it to each of `path` (in steps), lift it. */
async function press(cdp, page, x, y, { ms = 700, path = [] } = {}) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(ms);
  let px = x, py = y;
  for (const p of path) {
    for (let k = 1; k <= 6; k++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: px + ((p.x - px) * k) / 6, y: py + ((p.y - py) * k) / 6 }] });
      await page.waitForTimeout(20);
    }
    px = p.x; py = p.y;
  }
  await page.waitForTimeout(60);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(60);
}

/** A swipe: the finger moves at once (no long press), so the page scrolls. dy < 0 scrolls down. */
async function swipe(cdp, page, dy, x = W / 2, y = H / 2) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let k = 1; k <= 10; k++) { await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + (dy * k) / 10 }] }); await page.waitForTimeout(16); }
  // the finger stops before it lifts: no fling, the page ends where the finger put it
  for (let k = 0; k < 6; k++) { await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (k % 2), y: y + dy }] }); await page.waitForTimeout(25); }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  let last = -1;
  for (let k = 0; k < 20; k++) { // settled
    const now = await page.evaluate(() => scrollY + document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-review').scrollTop);
    if (now === last) break;
    last = now;
    await page.waitForTimeout(60);
  }
}

/** Tap the centre of an element of the shadow root (asserting it is wholly on screen first). */
async function tapEl(page, sel) {
  const b = await boxOf(page, sel);
  assert.ok(b, `${sel} is shown`);
  assert.ok(b.left >= 0 && b.right <= W + 0.5 && b.top >= 0 && b.bottom <= H + 0.5, `${sel} is on screen: ${JSON.stringify(b)}`);
  await page.touchscreen.tap(b.left + b.width / 2, b.top + b.height / 2);
}

/** The chip (or add chip) is wholly on screen and each of its buttons is at least 44×44 px. */
async function chipFits(page, sel = CHIP) {
  const r = await inRoot(page, (sr, s) => {
    const c = sr.querySelector(s);
    const b = c.getBoundingClientRect();
    const small = [...c.querySelectorAll('button')].filter((x) => !x.closest('[hidden]')).map((x) => [x.textContent, x.getBoundingClientRect()])
      .filter(([, q]) => q.width < 44 || q.height < 44).map(([t, q]) => `${t} ${q.width}×${q.height}`);
    return { box: { left: b.left, top: b.top, right: b.right, bottom: b.bottom }, small, scroll: c.scrollWidth > c.clientWidth + 1 };
  }, sel);
  assert.ok(r.box.left >= 0 && r.box.right <= W && r.box.top >= 0 && r.box.bottom <= H, `the chip is on screen: ${JSON.stringify(r.box)}`);
  assert.deepEqual(r.small, [], 'every chip button is at least 44×44 px');
  assert.equal(r.scroll, false, 'the chip does not scroll sideways');
}

/** Tap the word at character `at` of `t` (nth occurrence), scrolling it into reach first by swipes. */
async function tapText(page, cdp, t, { at = 1, nth = 0, count } = {}) {
  const p = await reach(page, cdp, t, { at, nth, count });
  await page.touchscreen.tap(p.x, p.y);
  if (count) count.taps++;
  await page.waitForTimeout(80);
}
/** Swipe until the character is in the part of the screen a finger reaches (below the sticky toolbar). */
async function reach(page, cdp, t, { at = 1, nth = 0, count } = {}) {
  for (let k = 0; k < 8; k++) {
    const p = await charPoint(page, t, at, nth);
    const bar = (await boxOf(page, '.dp-toolbar'))?.bottom ?? 0;
    const lo = Math.max(bar, 0) + 20, hi = H - 20;
    // on screen, and not under a chip (the one of the last correction may cover the next lines)
    const onScreen = p.y >= lo && p.y <= hi;
    const under = onScreen ? await inRoot(page, (sr, q) => { const e = sr.elementFromPoint(q.x, q.y); return e?.closest('.dp-review') ? null : e?.closest('.dp-chip-add') ? '.dp-chip-add' : e?.closest('.dp-chip') ? '.dp-chip:not(.dp-chip-add)' : 'other'; }, p) : 'off';
    if (under === null) return p;
    if (under.startsWith('.dp-chip')) { // covered by a chip: its ✕
      await tapEl(page, `${under} .dp-chip-close`);
      if (count) count.taps++;
      continue;
    }
    // off screen: to the middle; under something: to the other half of the screen
    const to = under === 'off' ? (lo + hi) / 2 : p.y > (lo + hi) / 2 ? lo + 40 : hi - 40;
    // in the page's left margin, where nothing takes the finger (a field or a select would)
    await swipe(cdp, page, Math.max(-500, Math.min(500, to - p.y)), 8, to - p.y > 0 ? 200 : 700);
    if (count) count.swipes++;
  }
  throw new Error(`could not bring “${t}” into reach`);
}

test('a tap on a highlight opens the chip, wholly on screen, 44 px targets; every chip command works by tap', async () => {
  const { page, cdp, problems } = await phone();
  await paste(page, example('dispatch-fr.txt'));
  // Tap: focus and chip (not hover-only).
  await tapText(page, cdp, 'Amadou Keïta', { at: 2 });
  assert.equal((await focused(page))?.text, 'Amadou Keïta');
  await waitShown(page, CHIP);
  assert.equal(await chipText(page), 'Amadou Keïta');
  await chipFits(page);
  // Widen and shrink by tap.
  await tapEl(page, `${CHIP} [data-cmd=widenStart]`);
  assert.equal((await span(page, 'colonel Amadou Keïta'))?.kind, 'actor');
  await tapEl(page, `${CHIP} [data-cmd=shrinkStart]`);
  assert.equal((await span(page, 'Amadou Keïta'))?.kind, 'actor');
  await tapEl(page, `${CHIP} [data-cmd=widenEnd]`);
  assert.ok(await span(page, 'Amadou Keïta, porte-parole'));
  await tapEl(page, `${CHIP} [data-cmd=shrinkEnd]`);
  assert.equal((await span(page, 'Amadou Keïta'))?.kind, 'actor');
  // Undo / redo by tap in the chip.
  await tapEl(page, `${CHIP} [data-cmd=undo]`);
  assert.ok(await span(page, 'Amadou Keïta, porte-parole'));
  await tapEl(page, `${CHIP} [data-cmd=redo]`);
  assert.equal((await span(page, 'Amadou Keïta'))?.kind, 'actor');
  // Change the kind, accept.
  await tapEl(page, `${CHIP} [data-cmd=place]`);
  assert.equal((await span(page, 'Amadou Keïta'))?.kind, 'place');
  await tapEl(page, `${CHIP} [data-cmd=actor]`);
  await tapEl(page, `${CHIP} [data-cmd=accept]`);
  assert.equal(await inRoot(page, (sr, c) => sr.querySelector(`${c} .dp-chip-accept`).getAttribute('aria-pressed'), CHIP), 'false', 'a corrected highlight is reviewed already');
  // All occurrences, delete.
  await tapText(page, cdp, 'Bamako', { at: 2 });
  assert.equal(await chipText(page), 'Bamako');
  await chipFits(page);
  await tapEl(page, `${CHIP} [data-cmd=removeAll]`);
  assert.equal((await spans(page)).filter((s) => /^bamako$/i.test(s.text)).length, 0);
  await tapText(page, cdp, 'désormais', { at: 2 });
  assert.equal(await chipText(page), 'désormais');
  await tapEl(page, `${CHIP} [data-cmd=delete]`);
  assert.equal(await span(page, 'désormais'), undefined);
  // The value form, with an on-screen keyboard: it stays on screen, above the keyboard.
  await tapText(page, cdp, 'ONU', { at: 1 });
  assert.equal(await chipText(page), 'ONU');
  await tapEl(page, `${CHIP} [data-cmd=value]`);
  await waitShown(page, `${CHIP} .dp-chip-form`);
  const kb = 336; // a phone keyboard's height: the visual viewport shrinks, the layout one does not
  await page.evaluate((k) => {
    Object.defineProperty(visualViewport, 'height', { configurable: true, get: () => innerHeight - k });
    visualViewport.dispatchEvent(new Event('resize'));
  }, kb);
  const form = await boxOf(page, CHIP);
  assert.ok(form.top >= 0 && form.bottom <= H - kb, `the value form is above the keyboard: ${JSON.stringify(form)}`);
  const field = await boxOf(page, `${CHIP} .dp-in-canonical`);
  assert.ok(field.top >= 0 && field.bottom <= H - kb, 'the field typed in is visible');
  assert.equal(await page.evaluate(() => { const a = document.querySelector('depeche-annotator').shadowRoot.activeElement; return a?.selectionStart === 0 && a?.selectionEnd === a?.value.length && a.classList.contains('dp-in-canonical'); }), true,
    'the canonical name is focused and selected: typing replaces it');
  await page.keyboard.type('UN');
  await tapEl(page, `${CHIP} .dp-chip-save`);
  assert.equal((await span(page, 'ONU')).value?.canonical, 'UN');
  await page.evaluate(() => { delete visualViewport.height; visualViewport.dispatchEvent(new Event('resize')); });
  // A date's value by tap: Value…, − Earlier, Save.
  await tapText(page, cdp, 'mardi', { at: 2 });
  await tapEl(page, `${CHIP} [data-cmd=value]`);
  await waitShown(page, `${CHIP} .dp-chip-form`);
  await chipFits(page);
  await tapEl(page, `${CHIP} .dp-chip-step-earlier`);
  await tapEl(page, `${CHIP} .dp-chip-save`);
  assert.equal((await span(page, 'mardi')).value, '2023-03-13');
  // The chip never sits off screen, wherever its highlight is: the first and the last lines.
  for (const t of ['AFP', 'an dernier']) {
    await tapText(page, cdp, t, { at: 2 });
    await waitShown(page, CHIP);
    await chipFits(page);
  }
  assert.deepEqual(problems, []);
});

test('a long press selects a word, a drag after it more words (from a highlight too); Add as by tap', async () => {
  const { page, cdp, problems } = await phone();
  await paste(page, example('dispatch-fr.txt'));
  // Long press on a plain word: it is selected, the add chip offers it.
  let p = await reach(page, cdp, "l'aube", { at: 3 });
  const q = await charPoint(page, "l'aube", 4);
  await press(cdp, page, p.x, p.y, { path: [q] });
  await waitShown(page, ADD);
  await chipFits(page, ADD);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'aube');
  // A long press and a drag across words: "à l'aube".
  p = await charPoint(page, "à l'aube", 0);
  const e = await charPoint(page, "l'aube", 5);
  await press(cdp, page, p.x, p.y, { path: [e] });
  await waitShown(page, ADD);
  assert.equal(await page.evaluate(() => getSelection().toString()), "à l'aube");
  await tapEl(page, `${ADD} [data-cmd=date]`);
  assert.equal((await span(page, "à l'aube"))?.kind, 'date');
  await waitHidden(page, ADD);
  // From a highlight: long press on "Mopti", drag on to "vers": "Mopti et vers" (the "Kivu" → "Nord-Kivu").
  p = await reach(page, cdp, 'Mopti', { at: 2 });
  const v = await charPoint(page, ' et vers', 6);
  await press(cdp, page, p.x, p.y, { path: [v] });
  await waitShown(page, ADD);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'Mopti et vers');
  await tapEl(page, `${ADD} [data-cmd=place]`);
  assert.equal((await span(page, 'Mopti et vers'))?.kind, 'place');
  // A long press alone on a highlight selects its word for adding, it does not open its chip.
  p = await reach(page, cdp, 'New York', { at: 1 });
  await press(cdp, page, p.x, p.y);
  await waitShown(page, ADD);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'New');
  assert.equal(await isHidden(page, CHIP), true);
  // ✕ closes the add chip; a tap on a plain word offers that word.
  await tapEl(page, `${ADD} .dp-chip-close`);
  await waitHidden(page, ADD);
  await tapText(page, cdp, 'diplomate', { at: 3 });
  await waitShown(page, ADD);
  assert.equal(await page.evaluate(() => getSelection().toString()), 'diplomate');
  await tapEl(page, `${ADD} [data-cmd=actor]`);
  assert.equal((await span(page, 'diplomate'))?.kind, 'actor');
  // A swipe still scrolls (no selection).
  const y0 = await page.evaluate(() => scrollY);
  await swipe(cdp, page, -300);
  assert.ok(await page.evaluate(() => scrollY) > y0, 'a swipe scrolls the page');
  assert.equal(await page.evaluate(() => getSelection().toString()), '', 'a swipe selects nothing');
  assert.equal(await isHidden(page, ADD), true);
  assert.deepEqual(problems, []);
});

test('the page at 390×844: no sideways scroll, every control on screen and usable by tap', async () => {
  const { page, cdp, problems } = await phone();
  /** Every visible control of the shadow root lies within the screen's width; targets ≥ 24×24 (2.5.8). */
  const controlsFit = async (what) => {
    const r = await inRoot(page, (sr, w) => {
      const out = [];
      for (const e of sr.querySelectorAll('button, input, select, summary, textarea, [tabindex="0"]:not(mark)')) {
        if (e.closest('[hidden]') || e.matches('.dp-sr *')) continue;
        const b = e.getBoundingClientRect();
        if (!b.width && !b.height) continue;
        if (getComputedStyle(e).visibility === 'hidden' || getComputedStyle(e).display === 'none') continue;
        if (b.left < 0 || b.right > w + 0.5) out.push(`${e.className || e.tagName} “${e.textContent.slice(0, 20)}” ${Math.round(b.left)}–${Math.round(b.right)}`);
        else if (!e.matches('.dp-review, .dp-input, input[type=radio], input[type=checkbox]') && (b.width < 24 || b.height < 24)) out.push(`${e.className || e.tagName} “${e.textContent.slice(0, 20)}” ${b.width}×${b.height}`);
      }
      return { out, sw: document.documentElement.scrollWidth };
    }, W);
    assert.deepEqual(r.out, [], `${what}: controls on screen, at least 24×24`);
    assert.ok(r.sw <= W, `${what}: the page does not scroll sideways (${r.sw})`);
  };
  await controlsFit('empty');
  // Edit mode: a tap in the text box, a paste (the on-screen keyboard's paste), review mode.
  await page.tap('depeche-annotator >> .dp-input');
  await controlsFit('edit');
  await paste(page, example('dispatch-fr.txt'));
  await page.evaluate(() => { for (const d of document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('details')) d.open = true; });
  await controlsFit('review, panels open');
  // The mode switch, by tap.
  await tapEl(page, '.dp-mode-edit');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').editor.mode), 'edit');
  await tapEl(page, '.dp-mode-review');
  assert.equal(await page.evaluate(() => document.querySelector('depeche-annotator').editor.mode), 'review');
  // The toolbar stays in reach while the page scrolls (sticky).
  for (let k = 0; k < 3; k++) await swipe(cdp, page, -400, 8, 700); // in the page's margin: the page scrolls
  const bar = await boxOf(page, '.dp-toolbar');
  assert.ok(bar.top >= 0 && bar.top < 2, `the toolbar stays at the top: ${JSON.stringify(bar)}`);
  // Undo / redo from the toolbar.
  await tapText(page, cdp, 'France', { at: 2 });
  await tapEl(page, `${CHIP} [data-cmd=delete]`);
  assert.equal(await span(page, 'France'), undefined);
  await tapEl(page, '.dp-undo');
  assert.equal((await span(page, 'France'))?.kind, 'actor');
  await tapEl(page, '.dp-redo');
  assert.equal(await span(page, 'France'), undefined);
  await tapEl(page, '.dp-undo');
  // Find by tap: Find…, type, ↓ (next), Go.
  await tapEl(page, '.dp-cmd[data-cmd=find]');
  await waitShown(page, '.dp-find');
  await controlsFit('find');
  await page.keyboard.type('vers');
  assert.equal(await inRoot(page, (sr) => sr.querySelector('.dp-find-count').textContent), '1 / 2');
  await tapEl(page, '.dp-find-next');
  assert.equal(await inRoot(page, (sr) => sr.querySelector('.dp-find-count').textContent), '2 / 2');
  await tapEl(page, '.dp-find-prev');
  assert.equal(await inRoot(page, (sr) => sr.querySelector('.dp-find-count').textContent), '1 / 2');
  await tapEl(page, '.dp-find-go');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'vers');
  assert.equal(await isHidden(page, '.dp-find'), true);
  await tapEl(page, '.dp-cmd[data-cmd=find]');
  await tapEl(page, '.dp-find-close');
  assert.equal(await isHidden(page, '.dp-find'), true);
  // Next to review, by tap.
  await tapEl(page, '.dp-cmd[data-cmd=next]');
  assert.ok(await focused(page), 'U by tap focuses a highlight');
  // The entity panel: a tap on a mention jumps to its highlight (and its chip).
  await page.$eval('depeche-annotator >> .dp-entity-list button.dp-mention:text-is("Tombouctou")', (b) => b.scrollIntoView({ block: 'center' }));
  await tapEl(page, '.dp-entity-list button.dp-mention@Tombouctou');
  assert.equal((await focused(page))?.text, 'Tombouctou', 'a mention jumps to its highlight');
  await waitShown(page, CHIP);
  await chipFits(page);
  // History: a tap on the other dispatch opens it.
  await saved(page);
  await paste(page, example('dispatch-en.txt'));
  await saved(page);
  await page.evaluate(() => { for (const d of document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('details')) d.open = true; });
  await page.waitForFunction(() => [...document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-history-title')].some((e) => /^BAMAKO/.test(e.textContent)));
  const item = await inRoot(page, (sr) => { const li = [...sr.querySelectorAll('.dp-history-item')].findIndex((l) => /^BAMAKO/.test(l.querySelector('.dp-history-title').textContent)); sr.querySelectorAll('.dp-history-item')[li].scrollIntoView({ block: 'center' }); return li; });
  await tapEl(page, `.dp-history-item:nth-child(${item + 1}) .dp-open`);
  await page.waitForFunction(() => /^BAMAKO/.test(document.querySelector('depeche-annotator').editor.session().doc.text));
  // Lexicon: what a correction taught is listed; its scope select and delete are on screen.
  await tapText(page, cdp, 'Tombouctou', { at: 2 });
  await tapEl(page, `${CHIP} [data-cmd=actor]`);
  await page.evaluate(() => { for (const d of document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('details')) d.open = true; });
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-lex-entry').length > 0);
  await controlsFit('lexicon with an entry');
  // Export by tap: a download.
  await page.$eval('depeche-annotator >> .dp-export', (b) => b.scrollIntoView({ block: 'center' }));
  const [dl] = await Promise.all([page.waitForEvent('download'), tapEl(page, '.dp-export')]);
  assert.match(dl.suggestedFilename(), /\.json$/);
  // The lexicon's export too.
  await page.$eval('depeche-annotator >> .dp-lex-export', (b) => b.scrollIntoView({ block: 'center' }));
  const [dl2] = await Promise.all([page.waitForEvent('download'), tapEl(page, '.dp-lex-export')]);
  assert.match(dl2.suggestedFilename(), /\.json$/);
  assert.deepEqual(problems, []);
});

test('ten corrections of a dispatch by touch alone, every tap counted', async () => {
  const { page, cdp, problems } = await phone();
  await paste(page, example('dispatch-fr.txt'));
  await page.evaluate(() => scrollTo(0, 0));
  const count = { taps: 0, swipes: 0, presses: 0 };
  const counts = {};
  const tap = async (sel) => { await tapEl(page, sel); count.taps++; await page.waitForTimeout(40); };
  const type = async (s) => { for (const ch of s) { await page.keyboard.press(ch); count.taps++; } };
  const done = (name) => { counts[name] = { ...count }; count.taps = 0; count.swipes = 0; count.presses = 0; };
  const longPress = async (t, at, to, toAt) => {
    const p = await reach(page, cdp, t, { at, count });
    const path = to ? [await charPoint(page, to, toAt)] : [];
    await press(cdp, page, p.x, p.y, { path });
    count.presses++;
  };

  // 1. Add a missed name: "état-major". Tap the word, Actor.
  await tapText(page, cdp, 'état-major', { at: 3, count });
  await tap(`${ADD} [data-cmd=actor]`);
  assert.equal((await span(page, 'état-major'))?.kind, 'actor');
  done('add a missed name');

  // 2. Add a missed date: "à l'aube". Long press on "à", drag to "aube", Date.
  await longPress("à l'aube", 0, "l'aube", 5);
  await tap(`${ADD} [data-cmd=date]`);
  assert.equal((await span(page, "à l'aube"))?.kind, 'date');
  done('add a missed date');

  // 3. Delete a spurious highlight: "désormais" is no date. Tap it, Delete.
  await tapText(page, cdp, 'désormais', { at: 2, count });
  await tap(`${CHIP} [data-cmd=delete]`);
  assert.equal(await span(page, 'désormais'), undefined);
  done('delete a spurious highlight');

  // 4. Relabel an actor as a place: "France". Tap it, Place (the gazetteer gives FR).
  await tapText(page, cdp, 'France', { at: 2, count });
  await tap(`${CHIP} [data-cmd=place]`);
  assert.equal((await span(page, 'France')).kind, 'place');
  assert.equal((await span(page, 'France')).value?.country, 'FR');
  done('relabel an actor as a place');

  // 5. Widen a highlight by one word: "colonel Amadou Keïta". Tap it, [+.
  await tapText(page, cdp, 'Amadou Keïta', { at: 2, count });
  await tap(`${CHIP} [data-cmd=widenStart]`);
  assert.equal((await span(page, 'colonel Amadou Keïta'))?.kind, 'actor');
  done('widen a highlight by one word');

  // 6. Shrink a highlight by one word: "samedi 11 mars" → "11 mars". Tap it, [−.
  await tapText(page, cdp, 'samedi 11 mars', { at: 2, count });
  await tap(`${CHIP} [data-cmd=shrinkStart]`);
  assert.equal((await span(page, '11 mars'))?.kind, 'date');
  done('shrink a highlight by one word');

  // 7. Fix a date's value: "mardi" is the day before. Tap it, Value…, − Earlier, Save.
  await tapText(page, cdp, 'mardi', { at: 2, count });
  await tap(`${CHIP} [data-cmd=value]`);
  await tap(`${CHIP} .dp-chip-step-earlier`);
  await tap(`${CHIP} .dp-chip-save`);
  assert.equal((await span(page, 'mardi')).value, '2023-03-13');
  done('fix a date’s value');

  // 8. Fix an actor's canonical name for all its mentions: "ONU" is "UN". Tap it, Value…, U, N, Save.
  await tapText(page, cdp, 'ONU', { at: 1, count });
  await tap(`${CHIP} [data-cmd=value]`);
  await type('UN');
  await tap(`${CHIP} .dp-chip-save`);
  assert.equal((await span(page, 'ONU')).value?.canonical, 'UN');
  done('fix an actor’s canonical name (all mentions)');

  // 9. Mark every occurrence of a name: "Bamako". Tap it, All.
  await tapText(page, cdp, 'Bamako', { at: 2, count });
  await tap(`${CHIP} [data-cmd=all]`);
  assert.ok((await spans(page)).filter((s) => /^bamako$/i.test(s.text)).every((s) => s.kind === 'place'));
  done('mark every occurrence of a name');

  // 10. Accept a highlight: "Mali". Tap it, ✓ Accept.
  await tapText(page, cdp, 'Mali', { at: 1, count });
  assert.equal(await chipText(page), 'Mali');
  await tap(`${CHIP} [data-cmd=accept]`);
  assert.equal(await page.evaluate(() => { const s = document.querySelector('depeche-annotator').editor.session(); const m = s.spans.find((x) => x.text === 'Mali'); return s.reviewState(m.start, m.end); }), 'accepted');
  done('accept a highlight');

  console.log('touch per correction:', JSON.stringify(counts));
  for (const [what, c] of Object.entries(counts)) assert.ok(c.taps + c.presses <= 5, `${what}: ${JSON.stringify(c)}`);
  assert.deepEqual(problems, []);
});

test('screenshots of the page on a phone (for docs/)', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { page, cdp, problems } = await phone();
  await paste(page, example('dispatch-fr.txt'));
  await page.evaluate(() => scrollTo(0, 0));
  await tapText(page, cdp, 'Amadou Keïta', { at: 2 });
  await waitShown(page, CHIP);
  await saved(page);
  await page.screenshot({ path: join(SHOTS, 'page-phone-review.png') });
  await tapText(page, cdp, 'mardi', { at: 2 });
  await tapEl(page, `${CHIP} [data-cmd=value]`);
  await waitShown(page, `${CHIP} .dp-chip-form`);
  await page.screenshot({ path: join(SHOTS, 'page-phone-value.png') });
  assert.deepEqual(problems, []);
});
