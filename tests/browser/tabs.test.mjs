// Several tabs, one truth (issue 11, part 2): two pages of one browser profile. What each tab
// learns ends up in the lexicon (merged entry by entry, not the last writer's copy), and the other
// tab sees it without a reload; a second tab on the same dispatch is read-only, follows what the
// first one saves, and only writes after taking over, so a highlight deleted in one tab never
// comes back from the other.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, paste, tabTo, selectText, saved, marks } from './helpers.mjs';

// Written for these tests.
const TEXT_A = 'PARIS, 3 mars 2025 - Le maire a reçu Jean Dupont à la mairie mardi.';
const TEXT_B = 'LYON, 4 mars 2025 - Le préfet a reçu Paul Martin à la préfecture.';
const DISPATCH = 'NAIROBI, March 3 (Reuters) - Police in Likoni said the U.S. embassy had warned of attacks near the shopping centre in Mombasa on Tuesday.';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const openPage = (context) => env.tab(context);
const lexicon = (page) => page.evaluate(() => document.querySelector('depeche-annotator').editor.session().lexicon.entries().map((e) => `${e.type} ${e.kind} ${e.text}`));
const notice = (page) => page.evaluate(() => {
  const el = document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-tab-notice');
  return el && !el.hidden ? el.textContent : null;
});

test('what two tabs learn is all kept, and each tab sees what the other learned', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const a = await openPage(context);
    const b = await openPage(context);
    // Each tab its own dispatch; each teaches a name (selected and marked as an actor).
    await paste(a.page, TEXT_A);
    await paste(b.page, TEXT_B);
    await selectText(a.page, 'Jean Dupont');
    await a.page.keyboard.press('a');
    await saved(a.page);
    await selectText(b.page, 'Paul Martin');
    await b.page.keyboard.press('a');
    await saved(b.page);
    // Tab A learns of Paul Martin without a reload.
    await a.page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().lexicon.entries().some((e) => e.text === 'Paul Martin'), null, { timeout: 5000, polling: 100 });
    // After a reload of either, both names are in the lexicon.
    for (const t of [a, b]) {
      await t.page.reload();
      await ready(t.page);
      const names = await lexicon(t.page);
      assert.ok(names.some((n) => n.endsWith('Jean Dupont')), `Jean Dupont kept: ${names}`);
      assert.ok(names.some((n) => n.endsWith('Paul Martin')), `Paul Martin kept: ${names}`);
    }
    assert.deepEqual([...a.problems, ...b.problems], []);
  } finally {
    await context.close();
  }
});

test('a second tab on the same dispatch is read-only and follows; taking over never brings back what the first deleted', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const a = await openPage(context);
    await paste(a.page, DISPATCH);
    await saved(a.page);
    // Tab B opens on the same dispatch (the last one saved).
    const b = await openPage(context);
    await b.page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session()?.doc.text.startsWith('NAIROBI'));
    await b.page.waitForFunction(() => !!document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-tab-notice:not([hidden])'), null, { timeout: 5000, polling: 100 });
    assert.match(await notice(b.page), /open in another tab/);
    assert.equal(await notice(a.page), null, 'the first tab writes on as before');

    // Tab A deletes "U.S."; tab B shows it gone, without a reload.
    assert.ok((await marks(a.page)).some((m) => m.text === 'U.S.'));
    await tabTo(a.page, 'U.S.');
    await a.page.keyboard.press('Delete');
    await saved(a.page);
    await b.page.waitForFunction(() => !document.querySelector('depeche-annotator').editor.session().spans.some((s) => s.text === 'U.S.'), null, { timeout: 5000, polling: 100 });

    // Tab B cannot correct (read-only): a key does nothing, nothing is saved from it.
    await tabTo(b.page, 'Likoni');
    await b.page.keyboard.press('a');
    assert.notEqual((await marks(b.page)).find((m) => m.text === 'Likoni')?.kind, 'actor');

    // Tab B takes over: it writes now, and tab A becomes read-only.
    await b.page.click('.dp-take-over');
    await a.page.waitForFunction(() => !!document.querySelector('depeche-annotator').shadowRoot.querySelector('.dp-tab-notice:not([hidden]) .dp-take-over:not([hidden])'), null, { timeout: 5000, polling: 100 });
    assert.match(await notice(a.page), /took this dispatch over/);
    await tabTo(b.page, 'Likoni');
    await b.page.keyboard.press('a');
    await saved(b.page);
    await a.page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session().spans.find((s) => s.text === 'Likoni')?.kind === 'actor', null, { timeout: 5000, polling: 100 });

    // After reloads, both corrections are there: U.S. deleted (tab A), Likoni an actor (tab B).
    await b.page.close();
    await a.page.reload();
    await ready(a.page);
    await a.page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session()?.doc.text.startsWith('NAIROBI'));
    const ms = await marks(a.page);
    assert.ok(!ms.some((m) => m.text === 'U.S.'), `U.S. stays deleted: ${ms.map((m) => m.text)}`);
    assert.equal(ms.find((m) => m.text === 'Likoni')?.kind, 'actor');
    assert.equal(await notice(a.page), null, 'alone again, the tab writes');
    assert.deepEqual([...a.problems, ...b.problems], []);
  } finally {
    await context.close();
  }
});
