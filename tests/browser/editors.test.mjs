// depeche inside six real rich-text editors and a plain textarea, from the README's recipes
// ("Inside your CMS editor"): CKEditor 5, TinyMCE (classic: in an iframe; inline), Quill 2,
// ProseMirror, Tiptap 3, Lexical, loaded from node_modules/ with no bundler.
// Why: for= mode promises to highlight a host element without touching it; an editor owns its DOM,
// rewrites it on every keystroke and replaces it when it is created again, so this is where the
// promise is tested: the right words highlighted in the editor's window, nothing of depeche in
// what the editor saves, the editor's undo/bold/Enter unchanged, depeche following an editor
// destroyed and created again or created after it, and no CSP violation of its own.
// Corrections by keyboard and chip are in editors-correct.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { EDITORS, DISPATCH } from './editors/recipes.mjs';
import { startEditors, waitShown, saved, focusEnd, plain, EXPECTED, REPLACES_TARGET, PLAIN, DEPECHE_MARKUP, ADAPTERS } from './editors/harness.mjs';

let env;
before(async () => { env = await startEditors(); });
after(async () => { await env?.stop(); });

const codePoints = (s, a, b) => Array.from(s).slice(a, b).join('');
const events = (page) => page.evaluate(() => /** @type {any} */ (window).__events);
const BOLD = /<(strong|b)\b|"bold":true|"format":1\b/;

for (const name of EDITORS) {
  test(`${name}: under a strict CSP, the dispatch's names are highlighted in place and the editor saves no depeche markup`, async () => {
    const { page, context, problems } = await env.open(`/${name}.html`, { csp: true });
    try {
      const got = await waitShown(page, name);
      // The element's annotations: FORMAT.md spans over the host's text, the same words.
      await page.waitForFunction((w) => { const a = document.querySelector('depeche-annotator').annotations; return w.every(([k, t]) => a.some((s) => s.kind === k && s.text === t)); }, EXPECTED, { timeout: 5000 }).catch(() => {});
      const { annotations, text } = await page.$eval('depeche-annotator', (el) => ({ annotations: el.annotations, text: el.text }));
      for (const [kind, word] of EXPECTED) assert.ok(annotations.some((s) => s.kind === kind && s.text === word), `${kind} ${word} not in el.annotations (${annotations.map((s) => s.text).join(', ')}), while highlighted: ${got.map((h) => h.text).join(', ')}`);
      for (const s of annotations) assert.equal(codePoints(text, s.start, s.end), s.text, JSON.stringify(s));
      for (const p of DISPATCH) assert.ok(text.includes(p), `el.text lacks the paragraph “${p.slice(0, 30)}…”: ${JSON.stringify(text)}`);
      // Every highlight range covers an annotated word, in the host's own window.
      // (a collapsed range is one whose text node the editor replaced since the last paint: repainted after the debounce)
      for (const h of got.filter((x) => x.text)) assert.ok(annotations.some((s) => s.kind === h.kind && s.text === h.text), `highlight ${h.kind}:${h.text} is not an annotation`);
      const out = await saved(page, name);
      assert.ok(plain(out).includes('Octave Delaunoy'), out);
      assert.doesNotMatch(out, DEPECHE_MARKUP, 'the saved output');
      const dom = await page.evaluate(async ([mod, n]) => {
        const e = (await import(mod)).editable(n);
        return e.tagName === 'TEXTAREA' ? e.value : e.outerHTML;
      }, [ADAPTERS, name]);
      assert.doesNotMatch(dom, DEPECHE_MARKUP, "the editor's DOM");
      // The hidden field keeps the annotations (README: /cms/depeche-field.js).
      await page.waitForFunction(() => /** @type {HTMLInputElement} */ (document.getElementById('annotations')).value.length > 2, null, { timeout: 5000 });
      const field = JSON.parse(await page.$eval('#annotations', (f) => /** @type {HTMLInputElement} */ (f).value));
      assert.deepEqual(field.map((s) => `${s.kind}:${s.text}@${s.start}`), annotations.map((s) => `${s.kind}:${s.text}@${s.start}`));
      // Typing under the CSP too (depeche re-reads and repaints).
      await focusEnd(page, name);
      await page.keyboard.type(' Octave Delaunoy est reparti.');
      await page.waitForTimeout(300);
      const violations = await page.evaluate(() => /** @type {any} */ (window).__violations);
      const frames = await page.evaluate(() => [...document.querySelectorAll('iframe')].flatMap((f) => { try { return /** @type {any} */ (f.contentWindow).__violations ?? []; } catch { return []; } }));
      const all = [...violations, ...frames];
      assert.deepEqual(all.filter((v) => /depeche|\/www\/|\/pkg\//.test(`${v.source} ${v.blocked} ${v.sample}`)), [], 'violations from depeche');
      // The recipes configure each editor for this CSP (README): no violation at all.
      assert.deepEqual(all, [], `${name} under the strict CSP of its recipe`);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });

  test(`${name}: the editor's Enter, bold and undo work with depeche attached; destroyed and created again, it is highlighted again`, async () => {
    const { page, context, problems } = await env.open(`/${name}.html`);
    try {
      await waitShown(page, name);
      const original = await saved(page, name);
      await focusEnd(page, name);
      await page.keyboard.press('Enter');
      await page.keyboard.type('Le préfet Basile Marchetti est arrivé à Valence.');
      await waitShown(page, name, [['actor', 'Basile Marchetti'], ['place', 'Valence'], ...EXPECTED]);
      let out = plain(await saved(page, name));
      const line = 'Le préfet Basile Marchetti est arrivé à Valence.';
      if (PLAIN.has(name)) assert.ok(out.endsWith(`\n${line}`), out);
      else assert.ok(new RegExp(`<p[^>]*>(<[^>]+>)*${line}(<[^>]+>)*</p>`).test(out), `Enter made no new paragraph: ${out}`);
      if (!PLAIN.has(name)) {
        await page.keyboard.press('Shift+Home');
        // editors (Lexical, ProseMirror) take the new selection on 'selectionchange', a task after
        // the key: a person's next key comes later than a script's
        await page.waitForTimeout(100);
        await page.keyboard.press('Control+b');
        const bolded = async (want) => page.waitForFunction(async ([mod, n, re, w]) => new RegExp(re).test(await (await import(mod)).save(n)) === w,
          [ADAPTERS, name, BOLD.source, want], { timeout: 5000 }).catch(() => {});
        await bolded(true);
        out = await saved(page, name);
        assert.match(out, BOLD, `Ctrl+B made no bold: ${out}`);
        await waitShown(page, name, [['actor', 'Basile Marchetti']]);
        await page.keyboard.press('Control+z');
        await bolded(false);
        out = await saved(page, name);
        assert.doesNotMatch(out, BOLD, `Ctrl+Z did not undo the bold: ${out}`);
      }
      // The editor's undo takes the typing away (Chromium may split it in several steps).
      for (let i = 0; i < 12 && (await saved(page, name)) !== original; i++) {
        await page.keyboard.press('Control+z');
        await page.waitForTimeout(60);
      }
      assert.equal(plain(await saved(page, name)), plain(original), "the editor's undo restores the article");
      await waitShown(page, name);
      assert.doesNotMatch(await saved(page, name), DEPECHE_MARKUP);

      // Destroyed and created again: the new editor's element is highlighted (a new name typed in it).
      const before = (await events(page)).length;
      await page.evaluate(async ([mod, n]) => (await import(mod)).recreate(n), [ADAPTERS, name]);
      await focusEnd(page, name);
      await page.keyboard.press('Enter');
      await page.keyboard.type('La préfète Clarisse Vautrin est attendue à Valence.');
      await waitShown(page, name, [['actor', 'Clarisse Vautrin'], ...EXPECTED]);
      if (REPLACES_TARGET.has(name)) {
        const states = (await events(page)).slice(before).filter((e) => e.type === 'depeche-host').map((e) => e.state);
        assert.deepEqual(states.filter((s) => s !== 'waiting'), ['lost', 'found'], `depeche-host events: ${JSON.stringify(states)}`);
      }
      assert.doesNotMatch(await saved(page, name), DEPECHE_MARKUP);
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });

  test(`${name}: depeche loaded before the editor exists highlights it once created`, async () => {
    const { page, context, problems } = await env.open(`/${name}-late.html`);
    try {
      await page.waitForTimeout(200); // depeche is up (and waiting, if its target is not there)
      await page.evaluate(async ([mod, n]) => (await import(mod)).create(n), [ADAPTERS, name]);
      await waitShown(page, name);
      const ev = await events(page);
      assert.deepEqual(ev.filter((e) => e.type === 'depeche-error'), [], 'no error while waiting');
      if (name === 'ckeditor5' || name === 'tinymce') {
        const states = ev.filter((e) => e.type === 'depeche-host').map((e) => e.state);
        assert.deepEqual(states, ['waiting', 'found'], JSON.stringify(ev));
      }
      assert.deepEqual(problems, []);
    } finally { await context.close(); }
  });
}

test('the recipes: an article reopened with its saved annotations gets them back from the hidden field', async () => {
  const { page, context } = await env.open('/prosemirror.html');
  try {
    await waitShown(page, 'prosemirror');
    // as a CMS saved them: "SNCF" deleted, "Lafayette" an actor
    const list = (await page.$eval('depeche-annotator', (el) => el.annotations))
      .filter((s) => s.text !== 'SNCF').map((s) => (s.text === 'Lafayette' ? { ...s, kind: 'actor' } : s));
    await context.close();
    const { recipePage, recipePages } = await import('./editors/recipes.mjs');
    const { serve } = await import('./server.mjs');
    const again = await serve(0, undefined, { pages: recipePages({ '/reopen.html': recipePage('prosemirror', { annotations: list }) }), aliases: { '/depeche/': '/' } });
    const ctx = await env.browser.newContext();
    try {
      const p = await ctx.newPage();
      await p.goto(`${again.origin}/reopen.html`);
      await p.waitForFunction(() => customElements.get('depeche-annotator'));
      await waitShown(p, 'prosemirror', [['actor', 'Lafayette'], ...EXPECTED]);
      await p.waitForFunction(() => document.querySelector('depeche-annotator').annotations.some((s) => s.text === 'Lafayette'), null, { timeout: 5000 }).catch(() => {});
      const got = await p.$eval('depeche-annotator', (el) => el.annotations);
      assert.ok(!got.some((s) => s.text === 'SNCF'), 'SNCF stays deleted');
      const field = JSON.parse(await p.$eval('#annotations', (f) => /** @type {HTMLInputElement} */ (f).value));
      assert.deepEqual(field.map((s) => `${s.kind}:${s.text}@${s.start}`), got.map((s) => `${s.kind}:${s.text}@${s.start}`));
    } finally { await ctx.close(); await again.close(); }
  } finally { await context.close().catch(() => {}); }
});
