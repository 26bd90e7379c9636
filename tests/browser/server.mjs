// A tiny static file server for the browser tests: serves the repository root.
// Why: the page must work from any static server with no backend; the tests use the smallest
// one that still gets MIME types right (application/wasm for streaming compilation, text/javascript
// for modules). Port 0 picks a free port. Only GET/HEAD, only files under the root.
// Run alone: `node tests/browser/server.mjs [port]` serves on http://127.0.0.1:<port>/.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.ann': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.jsonld': 'application/ld+json',
  '.map': 'application/json',
};

/**
 * Start the server. @param {number} [port] 0 = any free port
 * @param {string} [root] the folder served
 * @param {{prefix?:string, headers?:Record<string,string>, pages?:Record<string,string>, aliases?:Record<string,string>}} [opts]
 *   prefix: serve the root under this path only (e.g. '/sub/': a static host's subpath; other
 *   paths get 404); headers: added to every 200 response (e.g. a Content-Security-Policy);
 *   pages: extra pages by path, outside the prefix (a host page on the same origin; HTML, or by
 *   the path's extension: '/cms/setup.js' is served as JavaScript);
 *   aliases: URL path prefixes served from a folder of the root too (e.g. {'/depeche/': '/'}:
 *   the repository also under /depeche/, as the README's embedding examples have it)
 * @returns {Promise<{url:string, origin:string, requests:string[], close:()=>Promise<void>}>}
 *   url: the origin plus the prefix; requests: every path asked for, in order
 */
export function serve(port = 0, root = ROOT, opts = {}) {
  const inner = (opts.prefix ?? '').replace(/^\/+|\/+$/g, '');
  const prefix = inner ? `/${inner}/` : '/';
  const pages = opts.pages ?? {};
  /** @type {string[]} */
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
      if (path === '/favicon.ico') { res.writeHead(204).end(); return; } // the browser's own request
      if (Object.hasOwn(pages, path)) {
        res.writeHead(200, { 'content-type': MIME[extname(path).toLowerCase()] ?? MIME['.html'], 'cache-control': 'no-store', ...(opts.headers ?? {}) }).end(pages[path]);
        return;
      }
      const alias = Object.keys(opts.aliases ?? {}).find((a) => path.startsWith(a));
      if (alias) path = opts.aliases[alias] + path.slice(alias.length);
      else if (prefix !== '/') {
        if (path === prefix.slice(0, -1)) { res.writeHead(301, { location: prefix }).end(); return; }
        if (!path.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found (outside the prefix)'); return; }
        path = path.slice(prefix.length - 1);
      }
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) { file = join(file, 'index.html'); st = await stat(file).catch(() => null); }
      if (!st?.isFile()) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length, 'cache-control': 'no-store', ...(opts.headers ?? {}) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
    const origin = `http://127.0.0.1:${addr.port}`;
    ok({ url: origin + prefix, origin, requests,
      close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }) });
  }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.argv[2] ?? 8000));
  console.log(`serving ${ROOT} at ${url}`);
}
