// Saved means saved (issue 11, part 3): a page that dies right after a correction shows on screen
// (a renderer crash: no pagehide, no visibilitychange, no callback ever again), or 50 or 200 ms
// later, still has it when the page is opened again on the same profile.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, paste, tabTo, saved, marks } from './helpers.mjs';

// Written for this test.
const DISPATCH = 'NAIROBI, March 3 (Reuters) - Police in Likoni said Kenya, Tanzania and Uganda had agreed to meet in Mombasa, Kisumu and Arusha on Tuesday.';
const PLACES = ['Likoni', 'Kisumu', 'Tuesday'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function openPage(context) {
  const { page } = await env.tab(context);
  await page.waitForFunction(() => document.querySelector('depeche-annotator').editor.session()?.doc.text.startsWith('NAIROBI') || !document.querySelector('depeche-annotator').editor.session()?.doc.text);
  return page;
}

test('a correction survives a renderer crash right after it shows, and 50 and 200 ms later', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    let page = await openPage(context);
    await paste(page, DISPATCH);
    await saved(page);
    for (const [i, delay] of [0, 50, 200].entries()) {
      const name = PLACES[i];
      assert.ok((await marks(page)).some((m) => m.text === name), `${name} starts highlighted`);
      await tabTo(page, name);
      await page.keyboard.press('Delete');
      // The highlight shows the change...
      await page.waitForFunction((n) => ![...document.querySelector('depeche-annotator').shadowRoot.querySelectorAll('.dp-review mark.dp-mark')]
        .some((m) => m.textContent === n), name, { polling: 'raf' });
      if (delay) await new Promise((r) => setTimeout(r, delay));
      // ...and the renderer dies: nothing more runs in it.
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((r) => page.once('crash', r));
      cdp.send('Page.crash').catch(() => { /* the session dies with the page */ });
      await crashed;
      await page.close().catch(() => {});
      page = await openPage(context);
      const left = (await marks(page)).map((m) => m.text);
      for (const done of PLACES.slice(0, i + 1)) assert.ok(!left.includes(done), `${done}, deleted ${delay} ms before the crash, is back: ${left.join(', ')}`);
      for (const todo of PLACES.slice(i + 1)) assert.ok(left.includes(todo), `${todo} is still highlighted`);
    }
  } finally {
    await context.close();
  }
});
