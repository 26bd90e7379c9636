// Bad input loses nothing and runs nothing: markup pasted as text, emoji and CRLF before spans,
// broken files, an empty text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, marks, spans, tabTo, selectText } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

test('<img onerror> and <script> pasted show as text and run nothing', async () => {
  const { page, problems } = await env.open();
  const evil = 'BEYROUTH, 3 mai 2021 (AFP) - <img src=x onerror="window.__pwned = 1"> Le Hezbollah a réagi lundi.\n'
    + '<script>window.__pwned = 2</script><b onmouseover="window.__pwned = 3">Beyrouth</b> <svg onload="window.__pwned=4"></svg>\n'
    + '<iframe src="javascript:window.parent.__pwned=5"></iframe> &lt;i&gt;Liban&lt;/i&gt;';
  const before = await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('*').length);
  await paste(page, evil);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // No element from the pasted text exists anywhere in the page.
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src]), b, svg, iframe, i').length + document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.depeche img, .depeche script, .depeche b, .depeche svg, .depeche iframe, .depeche i').length), 0);
  // The text is shown exactly as pasted, in review and in edit mode.
  assert.equal(await page.$eval('.dp-review', (e) => e.textContent.replace(/\u200b/g, '')), evil);
  const ms = await marks(page);
  assert.ok(ms.some((m) => m.text === 'Beyrouth' && m.kind === 'place'), JSON.stringify(ms));
  // Corrections on such a text keep its characters too.
  await selectText(page, '<script>');
  await page.keyboard.press('Alt+a');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === '<script>'));
  assert.ok((await marks(page)).some((m) => m.text === '<script>'));
  await page.click('.dp-mode-edit');
  assert.equal(await page.$eval('.dp-mirror', (e) => e.textContent.replace(/\u200b/g, '')), evil);
  assert.equal(await page.$eval('.dp-input', (e) => e.value), evil);
  await page.evaluate(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('*').length).then((n) => assert.ok(n > before));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
});

test('emoji and CRLF before a span keep offsets right', async () => {
  const { page, problems } = await env.open();
  const pasted = 'TRIPOLI, 5 avril 2019 (AFP) - 🔥🔥 Alerte 🇱🇾\r\n\r\nLes forces du maréchal Khalifa Haftar 🙏 avancent vers Tripoli, selon l\'ONU.\r\nÀ Benghazi, 👍🏽 la population attend.';
  await paste(page, pasted);
  const text = await page.evaluate(() => document.querySelector('depeche-annotator').editor.session().doc.text);
  assert.equal(text, pasted.replace(/\r\n/g, '\n'), 'CRLF normalised to \\n on paste');
  const cps = [...text];
  const ss = await spans(page);
  for (const s of ss) assert.equal(cps.slice(s.start, s.end).join(''), s.text, `span ${s.start}-${s.end} covers its text in code points`);
  const ms = await marks(page);
  assert.deepEqual(ms.map((m) => m.text), ss.map((s) => s.text), 'the DOM marks draw exactly the spans');
  for (const want of ['Khalifa Haftar', 'Tripoli', 'Benghazi']) assert.ok(ss.some((s) => s.text === want), `${want} found: ${ss.map((s) => s.text)}`);
  const benghazi = ss.find((s) => s.text === 'Benghazi');
  assert.equal(benghazi.start, cps.indexOf('B', cps.indexOf('À')));
  // A span added after emoji gets code-point offsets.
  await selectText(page, 'population');
  await page.keyboard.press('a');
  const pop = (await spans(page)).find((s) => s.text === 'population');
  assert.equal(pop.start, [...text.slice(0, text.indexOf('population'))].length);
  assert.notEqual(pop.start, text.indexOf('population'), 'code points differ from UTF-16 units here');
  // Resize across an emoji: "[" takes the word before, never half an emoji.
  await tabTo(page, 'population');
  await page.keyboard.press('[');
  const wide = (await spans(page)).find((s) => s.text.endsWith('population'));
  assert.equal(wide.text, 'la population');
  assert.deepEqual(problems, []);
});

test('an empty text, a broken import and a wrong value give messages, and nothing is lost', async () => {
  const { page, problems } = await env.open();
  await page.focus('.dp-input');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.mode === 'review');
  assert.equal((await marks(page)).length, 0);
  await page.keyboard.press('Delete');
  await page.waitForSelector('.dp-error');
  assert.match(await page.$eval('.dp-error', (e) => e.textContent), /Focus a highlight first/);
  await page.click('.dp-error .dp-error-dismiss');
  await paste(page, 'MOSCOU, 2 juin 2020 (AFP) - Le Kremlin a démenti mardi.');
  const before = await spans(page);
  await page.setInputFiles('.dp-import-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"depeche": 1, "documents": [ {"text": ') });
  await page.waitForSelector('.dp-error');
  assert.match(await page.$eval('.dp-error', (e) => e.textContent), /Import/);
  assert.deepEqual(await spans(page), before, 'the current dispatch is untouched');
  await page.setInputFiles('.dp-import-file', { name: 'lone.ann', mimeType: 'text/plain', buffer: Buffer.from('T1\tactor 0 3\tabc\n') });
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-error').length >= 2);
  assert.match(await page.$$eval('.dp-error', (e) => e.at(-1).textContent), /needs its \.txt/);
  await page.setInputFiles('.dp-lexicon-file', { name: 'lex.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2}') });
  await page.waitForFunction(() => document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-error').length >= 3);
  assert.match(await page.$$eval('.dp-error', (e) => e.at(-1).textContent), /version/);
  assert.deepEqual(await spans(page), before);
  assert.deepEqual(problems, []);
});
