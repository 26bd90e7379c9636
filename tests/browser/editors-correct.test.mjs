// Corrections in for= mode inside the README's real editors: the chip at the caret, the Alt+Shift
// keys at the caret in the editor, Esc back to the editor, depeche's own undo/redo beside the
// editor's, and the corrections kept in the hidden field (never in the editor's HTML).
// Why: the editors own their keyboard and selection; only a real editor shows whether a chord
// reaches depeche, whether the chip steals the caret, and whether the editor's Ctrl+Z stays its own.
// Kept apart from editors.test.mjs: this part of the API landed last.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EDITORS } from './editors/recipes.mjs';
import { startEditors, waitShown, saved, plain, EXPECTED, DEPECHE_MARKUP, ADAPTERS } from './editors/harness.mjs';

let env;
before(async () => { env = await startEditors(); });
after(async () => { await env?.stop(); });

const annotations = (page) => page.$eval('depeche-annotator', (el) => el.annotations.map((s) => `${s.kind}:${s.text}`));
const field = (page) => page.$eval('#annotations', (f) => JSON.parse(/** @type {HTMLInputElement} */ (f).value || '[]').map((s) => `${s.kind}:${s.text}`));
const chip = (page) => page.$eval('depeche-annotator', (el) => {
  const c = el.shadowRoot.querySelector('.dp-chip');
  return c && !c.hidden ? [...c.querySelectorAll('[data-cmd]')].map((b) => b.getAttribute('data-cmd')) : null;
});

/** Put the caret (or a selection) on `word` in the editor, through the DOM selection the editor follows. */
async function caretOn(page, name, word, select = false) {
  await page.evaluate(async ([mod, n, w, sel]) => {
    const host = (await import(mod)).editable(n);
    host.ownerDocument.defaultView.focus();
    host.focus();
    if (host.tagName === 'TEXTAREA') {
      const at = host.value.indexOf(w);
      host.setSelectionRange(at + (sel ? 0 : 1), at + (sel ? w.length : 1));
      return;
    }
    const doc = host.ownerDocument;
    const walker = doc.createTreeWalker(host, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.data.indexOf(w);
      if (at < 0) continue;
      const r = doc.createRange();
      r.setStart(t, at + (sel ? 0 : 1));
      r.setEnd(t, at + (sel ? w.length : 1));
      const s = doc.getSelection();
      s.removeAllRanges();
      s.addRange(r);
      return;
    }
    throw new Error(`${w} not in the editor`);
  }, [ADAPTERS, name, word, select]);
  await page.waitForTimeout(150); // the editor's selectionchange, then depeche's
}

for (const name of EDITORS) {
  test(`${name}: Alt+Shift keys at the caret correct the highlights; the chip appears; Esc returns; undo/redo are depeche's`, async () => {
    const { page, context, problems } = await env.open(`/${name}.html`);
    try {
      await waitShown(page, name);
      const html = await saved(page, name);
      // the caret on a highlight: the chip shows, with its commands
      await caretOn(page, name, 'Lafayette');
      await page.waitForFunction(() => { const c = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-chip'); return c && !c.hidden; }, null, { timeout: 3000 });
      const cmds = await chip(page);
      for (const c of ['actor', 'place', 'date', 'delete', 'undo', 'redo']) assert.ok(cmds.includes(c), `chip commands: ${cmds}`);
      // Alt+Shift+A: "Lafayette" becomes an actor
      await page.keyboard.press('Alt+Shift+A');
      await waitShown(page, name, [['actor', 'Lafayette']]);
      // Alt+Shift+X: the highlight at the caret is deleted
      await caretOn(page, name, 'SNCF');
      await page.keyboard.press('Alt+Shift+X');
      await page.waitForFunction(() => !document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'SNCF'), null, { timeout: 3000 });
      // a selection + Alt+Shift+P: added as a place
      await caretOn(page, name, 'pont Lafayette', true);
      await page.keyboard.press('Alt+Shift+P');
      await waitShown(page, name, [['place', 'pont Lafayette']]);
      // depeche's undo (Alt+Shift+Z) takes the last correction back; redo (Alt+Shift+Y) redoes it
      await page.keyboard.press('Alt+Shift+Z');
      await page.waitForFunction(() => !document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'pont Lafayette'), null, { timeout: 3000 });
      await page.keyboard.press('Alt+Shift+Y');
      await waitShown(page, name, [['place', 'pont Lafayette']]);
      // none of it is in the editor's text or saved output: the text is unchanged
      const after = await saved(page, name);
      assert.equal(plain(after), plain(html), 'the editor saves the same article');
      assert.doesNotMatch(after, DEPECHE_MARKUP);
      // the corrections are in the hidden field
      await page.waitForFunction(() => /pont Lafayette/.test(/** @type {HTMLInputElement} */ (document.getElementById('annotations')).value), null, { timeout: 3000 });
      assert.deepEqual(await field(page), await annotations(page));
      // Alt+Shift+C: focus into the chip; Esc: back to the editor, caret where it was; typing goes to the editor
      await caretOn(page, name, 'Givors');
      await page.keyboard.press('Alt+Shift+C');
      assert.equal(await page.evaluate(() => !!document.querySelector('depeche-annotator').shadowRoot.activeElement?.closest('.dp-chip')), true, 'focus in the chip');
      await page.keyboard.press('Escape');
      await page.keyboard.type('x');
      await page.waitForFunction(async ([mod, n]) => /Gxivors/.test(await (await import(mod)).save(n)), [ADAPTERS, name], { timeout: 3000 }).catch(() => {});
      assert.match(plain(await saved(page, name)), /Gxivors/, 'Esc put the caret back in the editor where it was');
      // the editor's own Ctrl+Z undoes the text only: the corrections stay
      await page.keyboard.press('Control+z');
      await page.waitForFunction(async ([mod, n]) => !/Gxivors/.test(await (await import(mod)).save(n)), [ADAPTERS, name], { timeout: 3000 }).catch(() => {});
      const kept = await annotations(page);
      // ("pont Lafayette", added over the actor "Lafayette", replaced it)
      assert.ok(kept.includes('place:pont Lafayette') && !kept.includes('actor:Lafayette') && !kept.includes('actor:SNCF'), kept.join(', '));
      assert.ok(EXPECTED.every(([k, t]) => kept.includes(`${k}:${t}`)), kept.join(', '));
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
}
