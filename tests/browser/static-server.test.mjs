// The README's first command: `python3 -m http.server` at the repository root serves a page that
// works — no backend, no build step, the committed pkg/ as a user gets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, ARGS, paste, marks } from './helpers.mjs';

const python = spawnSync('python3', ['--version']).status === 0;

/** A free port on the loopback interface. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => ok(port));
    });
  });
}

test('python3 -m http.server at the repository root serves a working page', { skip: !python && 'python3 is not installed' }, async () => {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The server takes a moment to listen.
    for (let i = 0; ; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await page.waitForSelector('.depeche[data-ready="true"]', { timeout: 20_000 });
    await paste(page, 'Les forces irakiennes sont entrées mardi à Mossoul, selon le Pentagone.');
    const m = await marks(page);
    assert.deepEqual(
      m.map((x) => [x.text, x.kind]),
      [['forces irakiennes', 'actor'], ['mardi', 'date'], ['Mossoul', 'place'], ['Pentagone', 'actor']],
    );
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.kill();
  }
});
