// Corrections in for= mode (www/ui/host-corrections.js, popover.js): the chip at the caret or the
// pointer, the Alt+Shift keys in the host's editor, Esc back to the caret, undo of corrections
// only, readonly, and the host's DOM left alone. Hosts: a contenteditable div, a textarea, and a
// contenteditable body inside a same-origin iframe (TinyMCE classic's shape).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, ARGS } from './helpers.mjs';
import { serve } from './server.mjs';

const TEXT = 'GENEVA, 12 May 2023 (AFP) - The Red Cross said on Friday that floods had cut the road between Kigali and Gisenyi. Rescue teams arrived at dawn.';
const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host corrections</title><script type="module" src="/www/depeche-annotator.js"></script></head>';
const PAGES = {
  '/hc/ce.html': `${head}<body><h1>CMS</h1><div id="ed" contenteditable="true" style="width:640px;font:18px/1.6 serif">${TEXT}</div>
<p>after</p><depeche-annotator for="ed"></depeche-annotator></body></html>`,
  '/hc/tripoli.html': `${head}<body><div id="ed" contenteditable="true" style="width:640px;font:18px/1.6 serif">Clashes broke out in Tripoli on Friday, the police said. Shops in Tripoli stayed closed.</div>
<depeche-annotator for="ed"></depeche-annotator></body></html>`,
  '/hc/ta.html': `${head}<body><textarea id="ta" rows="5" cols="70" style="font:18px/1.6 monospace">${TEXT}</textarea>
<depeche-annotator for="ta" panels="none"></depeche-annotator></body></html>`,
  '/hc/inner.html': `<!doctype html><html><head><meta charset="utf-8"></head><body contenteditable="true" style="font:18px/1.6 serif;margin:8px">${TEXT}</body></html>`,
  '/hc/frame.html': `${head}<body style="margin:0"><div style="height:120px">toolbar</div><iframe id="inner" src="/hc/inner.html" style="margin-left:60px;width:700px;height:300px;border:4px solid #ccc"></iframe>
<depeche-annotator for="inner"></depeche-annotator></body></html>`,
};

let server, browser;
before(async () => {
  server = await serve(0, undefined, { pages: PAGES });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => { await browser?.close(); await server?.close(); });

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|404/.test(m.text())) problems.push(`console: ${m.text()}`); });
  await page.goto(server.origin + path);
  await page.evaluate(async () => {
    const el = document.querySelector('depeche-annotator');
    await el.ready;
    window.__events = [];
    el.addEventListener('depeche-change', (e) => window.__events.push(e.detail.reason));
  });
  return { page, context, problems };
}

/** The host's document (the iframe's for the frame page) and element, evaluated in the page. */
const HOST = `(() => { const f = document.getElementById('inner');
  if (f) return { d: f.contentDocument, host: f.contentDocument.body, off: (() => { const r = f.getBoundingClientRect(); return { x: r.left + f.clientLeft, y: r.top + f.clientTop }; })() };
  const host = document.getElementById('ed') ?? document.getElementById('ta'); return { d: document, host, off: { x: 0, y: 0 } }; })()`;

/** Top-level coordinates of the middle of character `k` of the `nth` occurrence of `word` in a contenteditable host. */
const charPoint = (page, word, k = 1) => page.evaluate(([w, k, H]) => {
  const { d, host, off } = eval(H);
  const walker = d.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const i = t.data.indexOf(w);
    if (i < 0) continue;
    const r = d.createRange(); r.setStart(t, i + k); r.setEnd(t, i + k + 1);
    const b = r.getBoundingClientRect();
    return { x: off.x + b.left + b.width / 2, y: off.y + b.top + b.height / 2, bottom: off.y + b.bottom, left: off.x + b.left };
  }
  throw new Error(`${w} not in the host`);
}, [word, k, HOST]);

/** Select `len` characters from character `k` of `word` in the host (a DOM selection, or a textarea's). */
const select = (page, word, k = 0, len = word.length) => page.evaluate(([w, k, len, H]) => {
  const { d, host } = eval(H);
  if (host.tagName === 'TEXTAREA') { const i = host.value.indexOf(w) + k; host.focus(); host.setSelectionRange(i, i + len); return; }
  const walker = d.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const i = t.data.indexOf(w);
    if (i < 0) continue;
    host.focus();
    const r = d.createRange(); r.setStart(t, i + k); r.setEnd(t, i + k + len);
    const s = d.getSelection(); s.removeAllRanges(); s.addRange(r);
    return;
  }
  throw new Error(`${w} not in the host`);
}, [word, k, len, HOST]);

const chip = (page, add = false) => page.evaluate((add) => {
  const c = document.querySelector('depeche-annotator').shadowRoot.querySelector(add ? '.dp-chip.dp-chip-add' : '.dp-chip:not(.dp-chip-add)');
  const r = c.getBoundingClientRect();
  return { hidden: c.hidden, kind: c.dataset.kind, text: c.querySelector('.dp-chip-text')?.textContent, value: c.querySelector('.dp-chip-value')?.textContent,
    flag: c.querySelector('.dp-chip-flag')?.hidden === false, top: r.top, left: r.left };
}, add);
const focusState = (page) => page.evaluate((H) => {
  const { d, host } = eval(H);
  const el = document.querySelector('depeche-annotator');
  const inChip = el.shadowRoot.activeElement?.closest('.dp-chip') ? el.shadowRoot.activeElement.dataset.cmd ?? 'field' : null;
  if (host.tagName === 'TEXTAREA') return { host: d.activeElement === host, inChip, caret: [host.selectionStart, host.selectionEnd] };
  const s = d.getSelection();
  const hostFocus = (d.activeElement === host || host.contains(d.activeElement)) && (d === document ? document.activeElement !== el : true);
  return { host: hostFocus && !inChip, inChip, caret: s.rangeCount ? [s.anchorNode.data?.slice(s.anchorOffset, s.anchorOffset + 6), s.anchorOffset, s.isCollapsed] : null };
}, HOST);
const ann = (page, text) => page.evaluate((t) => document.querySelector('depeche-annotator').annotations.find((s) => s.text === t) ?? null, text);
const events = (page) => page.evaluate(() => window.__events.splice(0));
const hostHtml = (page) => page.evaluate((H) => eval(H).host.innerHTML + '|' + (eval(H).host.value ?? ''), HOST);
const settle = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

test('contenteditable host: click shows the chip without taking the focus; corrections by click and by keys', async () => {
  const { page, problems } = await open('/hc/ce.html');
  const before = await hostHtml(page);
  assert.equal((await ann(page, 'Kigali'))?.kind, 'place');
  // A click on a highlight: the caret goes there (the host keeps the focus), the chip appears beside it.
  const k = await charPoint(page, 'Kigali', 2);
  await page.mouse.click(k.x, k.y);
  await settle(page);
  let c = await chip(page);
  assert.equal(c.hidden, false);
  assert.equal(c.kind, 'place');
  assert.equal(c.text, 'Kigali');
  assert.ok(c.top >= k.bottom - 1 && Math.abs(c.left - k.left) < 60, JSON.stringify([c, k]));
  let f = await focusState(page);
  assert.equal(f.host, true, 'the host keeps the focus');
  assert.equal(f.inChip, null);
  assert.equal(f.caret[2], true, 'a caret, no selection');
  // Change the place into an actor by clicking the chip's button: the focus stays in the host.
  await page.click('depeche-annotator >> .dp-chip:not(.dp-chip-add) [data-cmd=actor]');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'actor');
  assert.deepEqual(await events(page), ['relabel']);
  f = await focusState(page);
  assert.equal(f.host, true);
  c = await chip(page);
  assert.equal(c.kind, 'actor');
  // Delete a wrong one by click: the caret on "Friday", then Delete.
  const fr = await charPoint(page, 'Friday', 1);
  await page.mouse.click(fr.x, fr.y);
  await settle(page);
  assert.equal((await chip(page)).text, 'Friday');
  await page.click('depeche-annotator >> .dp-chip:not(.dp-chip-add) [data-cmd=delete]');
  assert.equal(await ann(page, 'Friday'), null);
  assert.deepEqual(await events(page), ['remove']);
  await settle(page);
  assert.equal((await chip(page)).hidden, true, 'the chip goes with its highlight');
  // Keyboard: a selection inside "dawn" (partial word) + Alt+Shift+D adds the whole word as a date.
  await select(page, 'dawn', 1, 2);
  await settle(page);
  assert.equal((await chip(page, true)).hidden, false, 'the add chip shows over a selection');
  await page.keyboard.press('Alt+Shift+KeyD');
  assert.equal((await ann(page, 'dawn'))?.kind, 'date');
  assert.deepEqual(await events(page), ['add']);
  // Alt+Shift+X deletes the highlight at the caret.
  const g = await charPoint(page, 'Gisenyi', 3);
  await page.mouse.click(g.x, g.y);
  await page.keyboard.press('Alt+Shift+KeyX');
  assert.equal(await ann(page, 'Gisenyi'), null);
  assert.deepEqual(await events(page), ['remove']);
  // Alt+Shift+C enters the chip; ] widens by a word; Esc gives the focus back, caret where it was.
  const r = await charPoint(page, 'Red Cross', 5);
  await page.mouse.click(r.x, r.y);
  await settle(page);
  const caretBefore = (await focusState(page)).caret;
  await page.keyboard.press('Alt+Shift+KeyC');
  f = await focusState(page);
  assert.equal(f.inChip, 'actor', 'the focus is on the chip\'s current kind');
  await page.keyboard.press('Tab');
  assert.equal((await focusState(page)).inChip, 'place', 'Tab moves between the chip\'s buttons');
  await page.keyboard.press(']');
  assert.ok(await ann(page, 'Red Cross said'), JSON.stringify(await page.evaluate(() => document.querySelector('depeche-annotator').annotations)));
  assert.deepEqual(await events(page), ['resize']);
  assert.equal((await chip(page)).text, 'Red Cross said');
  await page.keyboard.press('[');
  assert.ok(await ann(page, 'The Red Cross said'));
  await page.keyboard.press('Escape');
  f = await focusState(page);
  assert.equal(f.host, true, 'Esc: back in the host');
  assert.deepEqual(f.caret, caretBefore, 'with the caret where it was');
  assert.equal(await hostHtml(page), before, 'the host\'s DOM gained nothing');
  assert.deepEqual(problems, []);
});

test('Alt+Shift+Z/Y undo and redo corrections only; text edits (the host\'s Ctrl+Z too) are not steps', async () => {
  const { page, problems } = await open('/hc/ce.html');
  const k = await charPoint(page, 'Kigali', 1);
  await page.mouse.click(k.x, k.y);
  await page.keyboard.press('Alt+Shift+KeyA');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'actor');
  // The host's text changes: typed (then undone by the host's own Ctrl+Z) and set by a program.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Aid came.');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').text.endsWith('Aid came.'));
  // (the browser's own undo of a contenteditable goes back in chunks of typing)
  for (let i = 0; i < 12 && (await page.$eval('#ed', (e) => e.textContent)) !== TEXT; i++) await page.keyboard.press('Control+z');
  await page.waitForFunction((t) => document.querySelector('depeche-annotator').text === t, TEXT);
  assert.equal(await page.$eval('#ed', (e) => e.textContent), TEXT, 'the host undid its own text');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'actor', 'the correction stays');
  await page.evaluate(() => { document.getElementById('ed').firstChild.insertData(0, 'URGENT: '); });
  await page.waitForFunction(() => document.querySelector('depeche-annotator').text.startsWith('URGENT'));
  await events(page);
  // Undo: the correction goes, the text stays as it is now.
  await page.keyboard.press('Alt+Shift+KeyZ');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'place');
  assert.ok((await page.$eval('#ed', (e) => e.textContent)).startsWith('URGENT: GENEVA'));
  assert.deepEqual(await events(page), ['undo']);
  // Redo: back, on its words after the inserted text.
  await page.keyboard.press('Alt+Shift+KeyY');
  const kig = await ann(page, 'Kigali');
  assert.equal(kig?.kind, 'actor');
  const text = await page.evaluate(() => document.querySelector('depeche-annotator').text);
  assert.equal([...text].slice(kig.start, kig.end).join(''), 'Kigali');
  assert.deepEqual(await events(page), ['redo']);
  assert.deepEqual(problems, []);
});

test('the pointer on a highlight shows the chip; it stays while the pointer moves onto it', async () => {
  const { page, problems } = await open('/hc/ce.html');
  const g = await charPoint(page, 'Gisenyi', 2);
  await page.mouse.move(g.x, g.y);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add)').hidden === false);
  let c = await chip(page);
  assert.equal(c.text, 'Gisenyi');
  // Onto the chip (through the gap): still there, and usable.
  await page.mouse.move(g.x, (g.y + c.top + 10) / 2);
  await page.mouse.move(c.left + 20, c.top + 10);
  await page.waitForTimeout(600);
  assert.equal((await chip(page)).hidden, false);
  await page.click('depeche-annotator >> .dp-chip:not(.dp-chip-add) [data-cmd=date]');
  assert.equal((await ann(page, 'Gisenyi'))?.kind, 'date');
  // Away from both: it goes after the grace delay.
  await page.mouse.move(1000, 700);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add)').hidden === true);
  assert.deepEqual(problems, []);
});

test('the value form: a date value checked, saved, Esc back to the host', async () => {
  const { page, problems } = await open('/hc/ce.html');
  const fr = await charPoint(page, 'Friday', 2);
  await page.mouse.click(fr.x, fr.y);
  await settle(page);
  const c = await chip(page);
  assert.ok(c.value && c.value !== 'no date value', JSON.stringify(c));
  await page.keyboard.press('Alt+Shift+KeyV');
  const input = 'depeche-annotator >> .dp-chip .dp-in-date';
  await page.fill(input, '2023-02-30');
  await page.press(input, 'Enter');
  assert.match(await page.textContent('depeche-annotator >> .dp-chip .dp-chip-error'), /not a calendar date/);
  await page.fill(input, 'XXXX-05-12');
  await page.press(input, 'Enter');
  assert.equal((await ann(page, 'Friday'))?.value, 'XXXX-05-12');
  await settle(page);
  assert.equal((await chip(page)).flag, true, 'an unresolved year is flagged');
  const f = await focusState(page);
  assert.equal(f.host, true, 'saving gives the focus back to the host');
  assert.deepEqual(problems, []);
});

test('textarea host: the chip from the mirror, Alt+Shift keys, Esc restores the selection', async () => {
  const { page, problems } = await open('/hc/ta.html');
  const before = await page.$eval('#ta', (t) => t.getAttributeNames().join() + t.value);
  await select(page, 'Kigali', 2, 0);
  await settle(page);
  let c = await chip(page);
  assert.equal(c.hidden, false);
  assert.equal(c.text, 'Kigali');
  const box = await page.$eval('#ta', (t) => t.getBoundingClientRect().toJSON());
  assert.ok(c.top > box.top && c.top < box.bottom + 40, JSON.stringify([c, box]));
  await page.keyboard.press('Alt+Shift+KeyC');
  assert.equal((await focusState(page)).inChip, 'place');
  await page.keyboard.press('Escape');
  const f = await focusState(page);
  const at = TEXT.indexOf('Kigali') + 2;
  assert.deepEqual(f, { host: true, inChip: null, caret: [at, at] });
  await page.keyboard.press('Alt+Shift+KeyX');
  assert.equal(await ann(page, 'Kigali'), null);
  await select(page, 'dawn');
  await page.keyboard.press('Alt+Shift+KeyD');
  assert.equal((await ann(page, 'dawn'))?.kind, 'date');
  assert.deepEqual(await events(page), ['remove', 'add']);
  assert.equal(await page.$eval('#ta', (t) => t.getAttributeNames().join() + t.value), before);
  assert.deepEqual(problems, []);
});

test('a host in a same-origin iframe: the chip in the top document at the word, keys in the iframe', async () => {
  const { page, problems } = await open('/hc/frame.html');
  const before = await hostHtml(page);
  const k = await charPoint(page, 'Kigali', 2);
  await page.mouse.click(k.x, k.y);
  await settle(page);
  const c = await chip(page);
  assert.equal(c.text, 'Kigali');
  assert.ok(c.top >= k.bottom - 1 && c.top < k.bottom + 30 && Math.abs(c.left - k.left) < 60, JSON.stringify([c, k]));
  await page.keyboard.press('Alt+Shift+KeyA');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'actor');
  await select(page, 'dawn');
  await page.keyboard.press('Alt+Shift+KeyP');
  assert.equal((await ann(page, 'dawn'))?.kind, 'place');
  await page.mouse.click(k.x, k.y);
  await settle(page);
  const caretBefore = (await focusState(page)).caret;
  await page.keyboard.press('Alt+Shift+KeyC');
  assert.equal((await focusState(page)).inChip, 'actor');
  await page.keyboard.press('Escape');
  const f = await focusState(page);
  assert.equal(f.host, true);
  assert.deepEqual(f.caret, caretBefore);
  assert.deepEqual(await events(page), ['relabel', 'add']);
  assert.equal(await hostHtml(page), before);
  assert.deepEqual(problems, []);
});

test('readonly: no chip, and the Alt+Shift keys go on to the page', async () => {
  const { page, problems } = await open('/hc/ce.html');
  await page.evaluate(() => {
    document.querySelector('depeche-annotator').setAttribute('readonly', '');
    window.__prevented = [];
    window.addEventListener('keydown', (e) => { if (e.altKey && /^Key/.test(e.code)) window.__prevented.push(e.defaultPrevented); });
  });
  const k = await charPoint(page, 'Kigali', 2);
  await page.mouse.click(k.x, k.y);
  await page.mouse.move(k.x, k.y + 1);
  await page.waitForTimeout(100);
  assert.equal((await chip(page)).hidden, true);
  await page.keyboard.press('Alt+Shift+KeyX');
  await page.keyboard.press('Alt+Shift+KeyA');
  assert.equal((await ann(page, 'Kigali'))?.kind, 'place');
  assert.deepEqual(await page.evaluate(() => window.__prevented), [false, false]);
  assert.deepEqual(await events(page), []);
  // Not readonly any more: the chip comes back at the caret.
  await page.evaluate(() => document.querySelector('depeche-annotator').removeAttribute('readonly'));
  await page.mouse.click(k.x, k.y);
  await settle(page);
  assert.equal((await chip(page)).hidden, false);
  assert.deepEqual(problems, []);
});

test('which Tripoli in one key: the chip names the reading and the next one; Alt+Shift+N steps every mention', async () => {
  const { page, problems } = await open('/hc/tripoli.html');
  const before = await ann(page, 'Tripoli');
  assert.equal(before?.kind, 'place');
  const k = await charPoint(page, 'Tripoli', 2);
  await page.mouse.click(k.x, k.y);
  await settle(page);
  const line = () => page.evaluate(() => {
    const r = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip:not(.dp-chip-add) .dp-chip-readings');
    return r.hidden ? null : r.textContent;
  });
  assert.match(await line(), /^\d+ of \d+ places of that name · Alt\+Shift\+N: /);
  await page.keyboard.press('Alt+Shift+KeyN');
  const after = await page.evaluate(() => document.querySelector('depeche-annotator').annotations.filter((s) => s.text === 'Tripoli').map((s) => s.value));
  assert.equal(after.length, 2);
  assert.notEqual(after[0].ref, before.value.ref, 'another place of that name');
  assert.deepEqual(after[1], after[0], 'on every mention');
  assert.deepEqual(await events(page), ['value']);
  assert.equal((await focusState(page)).host, true, 'the caret stays in the host');
  // the host's undo key for depeche's corrections brings the first reading back
  await page.keyboard.press('Alt+Shift+KeyZ');
  assert.deepEqual((await ann(page, 'Tripoli')).value, before.value);
  assert.deepEqual(problems, []);
});
