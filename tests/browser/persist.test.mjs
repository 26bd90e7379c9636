// Work is never lost: reload restores the dispatch and its corrections; the history keeps the
// earlier ones; a name learned in one dispatch is highlighted in the next; corrections follow
// their words when the text is edited, and those whose words are gone are listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, marks, spans, tabTo, selectText, saved, ready, example, pasteAndCorrect } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('reload finds the dispatch and its corrections; history reopens an earlier one', async () => {
  const { page, problems } = await env.open();
  await pasteAndCorrect(page);
  await saved(page);
  const before = await spans(page);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review');
  assert.deepEqual(await spans(page), before);
  const ms = await marks(page);
  assert.ok(ms.some((m) => m.text === 'Likoni' && m.kind === 'actor'));
  assert.ok(ms.some((m) => m.text === 'shopping centre' && m.kind === 'place' && m.user));
  assert.ok(!ms.some((m) => m.text === 'U.S.'));
  // A second dispatch; the first stays in the history and reopens with its corrections.
  await page.click('.dp-new');
  await paste(page, example('dispatch-fr.txt'));
  await saved(page);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-history-title').length >= 2);
  const titles = await page.$$eval('.dp-history-title', (t) => t.map((e) => e.textContent));
  assert.equal(titles.length, 2, JSON.stringify(titles));
  assert.ok(titles.some((t) => t.startsWith('NAIROBI')) && titles.some((t) => t.startsWith('BAMAKO')));
  await page.click('.dp-history-item:has-text("NAIROBI") .dp-open');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().doc.text.startsWith('NAIROBI'));
  assert.deepEqual(await spans(page), before);
  // Delete the French one from the history (with confirmation).
  await page.click('.dp-history-item:has-text("BAMAKO") .dp-delete-doc');
  await page.click('.dp-dialog[open] .dp-ok');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-history-item').length === 1);
  assert.deepEqual(problems, []);
});

test('a name learned in one dispatch is highlighted in the next; the lexicon panel lists it', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en.txt'));
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');  // place -> actor: learned
  await page.click('.dp-new');
  await paste(page, example('dispatch-en-2.txt'));
  const ms = await marks(page);
  const lik = ms.find((m) => m.text === 'Likoni');
  assert.equal(lik?.kind, 'actor', `Likoni learned as an actor: ${JSON.stringify(ms)}`);
  assert.equal(lik.user, false, 'it comes from the lexicon, not from a correction in this dispatch');
  // The lexicon panel shows the entry; deleting it there brings back the automatic "place".
  await page.click('.dp-lexicon summary');
  const entries = await page.$$eval('.dp-lex-entry', (es) => es.map((e) => e.textContent));
  assert.ok(entries.some((e) => e.includes('Likoni') && e.includes('actor')), JSON.stringify(entries));
  await page.click('.dp-lex-entry:has-text("Likoni") .dp-lex-del');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Likoni')?.kind === 'place');
  // Undo restores the entry.
  await page.click('.dp-undo');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Likoni')?.kind === 'actor');
  // Clear asks first; cancelling keeps everything.
  await page.click('.dp-lex-clear');
  await page.click('.dp-dialog[open] .dp-cancel');
  assert.ok(await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().lexicon.size) > 0);
  assert.deepEqual(problems, []);
});

test('a correction survives an edit of the words before it; lost ones are listed', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-fr.txt'));
  await selectText(page, 'état-major');
  await page.keyboard.press('a');
  await tabTo(page, 'Mopti');
  await page.keyboard.press('a'); // a place relabelled actor (a correction to follow)
  const s0 = (await spans(page)).find((s) => s.text === 'état-major');
  // Edit mode: insert words at the start, rewrite the sentence before "état-major".
  await page.keyboard.press('e');
  await page.focus('.dp-input');
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('URGENT - ');
  await page.evaluate(() => {
    const ta = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-input');
    ta.value = ta.value.replace('a déclaré le colonel', 'a affirmé mercredi le colonel');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review' && document.querySelector('depeche-annotator').editor.session().doc.text.startsWith('URGENT'));
  const s1 = (await spans(page)).find((s) => s.text === 'état-major');
  assert.ok(s1, 'the added span is still there');
  assert.equal(s1.kind, 'actor');
  assert.equal(s1.start, s0.start + 'URGENT - '.length + 'a affirmé mercredi le colonel'.length - 'a déclaré le colonel'.length);
  assert.equal((await spans(page)).find((s) => s.text === 'Mopti')?.kind, 'actor');
  // Remove the words of a correction: it is listed as lost, with a dismiss button.
  await page.keyboard.press('e');
  await page.evaluate(() => {
    const ta = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-input');
    ta.value = ta.value.replace(' vers Mopti et', ' et');
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.keyboard.press('Escape');
  await page.waitForSelector('.dp-orphan-section:not([hidden]) .dp-orphan');
  assert.match(await page.$eval('.dp-orphan', (e) => e.textContent), /Mopti/);
  await page.click('.dp-orphan .dp-dismiss');
  await page.waitForSelector('.dp-orphan-section[hidden]', { state: 'attached' });
  assert.deepEqual(problems, []);
});

test('a correction whose save the closing page cut short comes back from the journal', async () => {
  const { page, problems } = await env.open();
  await paste(page, example('dispatch-en.txt'));
  await saved(page);
  // From here every IndexedDB write fails, as a save cut short by the browser would: the
  // correction below reaches only the journal written at pagehide.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function put() { throw new DOMException('cut short', 'AbortError'); };
  });
  await tabTo(page, 'Likoni');
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Likoni')?.kind === 'actor');
  await page.reload(); // pagehide: the journal; the page's next start applies it (its IndexedDB works again)
  await ready(page);
  await page.waitForFunction(() => { const ed = document.querySelector('depeche-annotator').editor; return ed.mode === 'review' && !ed.session().pending; });
  const lik = (await marks(page)).find((m) => m.text === 'Likoni');
  assert.deepEqual({ kind: lik?.kind, user: lik?.user }, { kind: 'actor', user: true });
  // stored again from the restored state (the journal is dropped once it is): a second reload has it too
  await saved(page);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('journal')).length), 0);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review');
  assert.equal((await marks(page)).find((m) => m.text === 'Likoni')?.kind, 'actor');
  assert.deepEqual(problems.filter((p) => !/cut short|could not be saved|Could not save/.test(p)), []);
});
