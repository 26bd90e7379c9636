// The editor is a component: it mounts into any shadow root (as <depeche-annotator> does) with
// the constructed stylesheets of ui/styles.js, and works there with no document-level ids, globals or styles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, example } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('mountEditor works inside a shadow root, twice on one page', async () => {
  const { page, problems } = await env.open();
  const text = example('dispatch-fr-2.txt');
  const result = await page.evaluate(async (text) => {
    const { mountEditor } = await import('/www/ui/editor.js');
    const { loadEngine } = await import('/www/engine.js');
    const { editorSheets } = await import('/www/ui/styles.js');
    const engine = loadEngine();
    const out = [];
    for (let n = 0; n < 2; n++) {
      const host = document.createElement('div');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = editorSheets();
      const root = document.createElement('div');
      shadow.append(root);
      const ed = mountEditor(root, { engine, storage: null, panels: 'full' });
      await ed.ready;
      const ta = shadow.querySelector('.dp-input');
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      const marks = [...shadow.querySelectorAll('.dp-review mark')];
      const mopti = marks.find((m) => m.textContent === 'Mopti');
      mopti.focus();
      mopti.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', bubbles: true, cancelable: true }));
      out.push({ marks: marks.length, relabelled: ed.session().spans.find((s) => s.text === 'Mopti')?.kind,
        focused: shadow.activeElement?.textContent, styled: getComputedStyle(shadow.querySelector('mark.dp-place')).textDecorationStyle });
    }
    return out;
  }, text);
  for (const r of result) {
    assert.ok(r.marks >= 6, JSON.stringify(r));
    assert.equal(r.relabelled, 'actor');
    assert.equal(r.focused, 'Mopti');
    assert.equal(r.styled, 'double', 'the stylesheet applies inside the shadow root');
  }
  // No element ids anywhere in the editors.
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('div')].filter((d) => d.shadowRoot).reduce((n, d) => n + d.shadowRoot.querySelectorAll('[id]').length, 0)), 0);
  assert.deepEqual(problems.filter((p) => !/Storage|storage/.test(p)), []);
});
