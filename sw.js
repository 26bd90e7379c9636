// The page's service worker: after one visit, the editor page (index.html, www/, pkg/) works with
// the network gone.
//
// Why this shape: the shell is a fixed list of files (the block below, written by
// scripts/sw-manifest.mjs) cached whole at install and served cache-first; anything else (the
// examples, a host's own files) goes to the network untouched. The cache's name carries a hash
// of the files' contents, so a release changes this file, the browser installs the new worker,
// which caches the new shell beside the old one; on activation the old caches of this scope are
// deleted. Names also carry the scope, so two copies of the page under different paths of one
// origin keep their own caches.
//
// Trade-offs: a new release takes over when no tab runs the old one (no mixed versions: the
// page's worker module is loaded lazily); a page may post {type: 'skip-waiting'} to switch now.
// Install fetches with cache: 'no-cache', so a new cache never holds stale files from the HTTP
// cache (a static host answering 304 makes that cheap). Registered only by the page
// (www/offline.js), never by the embeddable element: a guest does not install workers on a
// host's site. A classic script, not a module, for the browsers that lack module workers.

// manifest:begin (written by `node scripts/sw-manifest.mjs`; do not edit by hand)
const VERSION = "0bcb1f16e198081b";
const FILES = [
  "index.html",
  "pkg/depeche.js",
  "pkg/depeche_bg.wasm",
  "www/app.js",
  "www/core/anchor.js",
  "www/core/assume-dct.js",
  "www/core/chunks.js",
  "www/core/incremental.js",
  "www/core/lexicon-sync.js",
  "www/core/lexicon.js",
  "www/core/offsets.js",
  "www/core/relocate.js",
  "www/core/session.js",
  "www/core/storage.js",
  "www/core/tabs.js",
  "www/core/types.js",
  "www/core/words.js",
  "www/depeche-annotator.js",
  "www/engine.js",
  "www/formats/brat.js",
  "www/formats/common.js",
  "www/formats/conll.js",
  "www/formats/csv.js",
  "www/formats/html.js",
  "www/formats/index.js",
  "www/formats/json.js",
  "www/formats/w3c.js",
  "www/formats/zip.js",
  "www/index.js",
  "www/offline.js",
  "www/page.css",
  "www/ui/dialogs.js",
  "www/ui/dom.js",
  "www/ui/editor.js",
  "www/ui/extent.js",
  "www/ui/find.js",
  "www/ui/history.js",
  "www/ui/host-annotator.js",
  "www/ui/host-corrections.js",
  "www/ui/host-target.js",
  "www/ui/host-text.js",
  "www/ui/io.js",
  "www/ui/keymap.js",
  "www/ui/labels.js",
  "www/ui/learn-notice.js",
  "www/ui/lexicon-panel.js",
  "www/ui/notices.js",
  "www/ui/panels.js",
  "www/ui/popover.js",
  "www/ui/render.js",
  "www/ui/styles.js",
  "www/ui/tab-notice.js",
  "www/ui/units.js",
  "www/ui/values.js",
  "www/worker.js",
];
// manifest:end

const PREFIX = 'depeche-shell ';

/** This copy's caches: "depeche-shell <scope> <version>". */
const scopePrefix = () => `${PREFIX}${self.registration.scope} `;
const cacheName = () => scopePrefix() + VERSION;
const shellUrl = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(cacheName()).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(shellUrl(f), { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const mine = scopePrefix();
    const current = cacheName();
    for (const name of await caches.keys()) {
      if (name.startsWith(mine) && name !== current) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const key = shellKey(event.request);
  if (!key) return; // not ours: the browser fetches it as if there were no worker
  // A miss (storage evicted, or unavailable) falls back to the network.
  event.respondWith(
    caches.open(cacheName())
      .then((cache) => cache.match(key))
      .catch(() => undefined)
      .then((hit) => hit || fetch(event.request)),
  );
});

/** The cached URL that answers `request`, or null when it is not part of the shell. */
function shellKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    // The page is index.html, whether asked for as the folder or by name, with any query.
    url.search = '';
    if (url.href === self.registration.scope) return shellUrl('index.html');
  }
  const href = url.href;
  return FILES.some((f) => shellUrl(f) === href) ? href : null;
}
