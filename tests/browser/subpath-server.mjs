// A static server that hosts a folder under a path prefix (/depeche/ by default), as a newsroom's
// static host or CMS does, with optional extra pages outside it.
// Why not tests/browser/server.mjs: that one serves the repository at the root; the offline and
// embedding tests need the page under a subpath (the service worker's scope, relative URLs) and a
// host page elsewhere on the same origin. Trade-off: a few lines repeated from server.mjs.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from './server.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {{prefix?: string, root?: string, pages?: Record<string, string>}} [opts]
 *   `prefix`: where `root` appears ('/depeche/'); `pages`: extra HTML pages by path ('/embed.html').
 * @returns {Promise<{origin: string, url: string, requests: string[], close: () => Promise<void>}>}
 *   `url`: the origin plus the prefix; `requests`: every path asked for, in order.
 */
export function serveUnder({ prefix = '/depeche/', root = ROOT, pages = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
      if (path === '/favicon.ico') { res.writeHead(204).end(); return; } // the browser's own request
      if (Object.hasOwn(pages, path)) {
        res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' }).end(pages[path]);
        return;
      }
      if (`${path}/` === prefix) { res.writeHead(301, { location: prefix }).end(); return; }
      if (!path.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) { file = join(file, 'index.html'); st = await stat(file).catch(() => null); }
      if (!st?.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const origin = `http://127.0.0.1:${port}`;
    ok({ origin, url: origin + prefix, requests,
      close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }) });
  }));
}
