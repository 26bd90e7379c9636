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
// Releases: a new sw.js installs beside the running one and waits; the page (www/offline.js) says
// "A new version of depeche is ready — Reload", and on that word posts {type: 'SKIP_WAITING'} (the
// older 'skip-waiting' works too), the new worker activates and the page reloads. No page ever
// mixes files of two versions: the worker notes which version served each page (by client id, in
// the "depeche-clients <scope>" cache, since a worker's memory does not outlive it), and serves
// every later request of that page, and of the Web Workers it starts, from that version's cache;
// an old version's cache is deleted once no page or worker of it is left.
// Trade-offs: a page's old cache is kept while any tab of it stays open (disk for two versions).
// Install fetches with cache: 'no-cache', so a new cache never holds stale files from the HTTP
// cache (a static host answering 304 makes that cheap). Registered only by the page
// (www/offline.js), never by the embeddable element: a guest does not install workers on a
// host's site. A classic script, not a module, for the browsers that lack module workers.
// Language packs (pkg/packs/<code>.pack): the core languages' are in the shell (the page loads
// them with the module); any other is kept when a page first fetches it (servePack), in the
// cache of the version running that page.

// manifest:begin (written by `node scripts/sw-manifest.mjs`; do not edit by hand)
const VERSION = "234256ae2ee00a5a";
const FILES = [
  "index.html",
  "pkg/depeche.js",
  "pkg/depeche_bg.wasm",
  "pkg/packs/en.pack",
  "pkg/packs/fr.pack",
  "www/app.js",
  "www/core/anchor.js",
  "www/core/assume-dct.js",
  "www/core/chunks.js",
  "www/core/gazetteer.js",
  "www/core/incremental.js",
  "www/core/journal.js",
  "www/core/languages.js",
  "www/core/lexicon-sync.js",
  "www/core/lexicon.js",
  "www/core/offsets.js",
  "www/core/packs.js",
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
  "www/trusted-types.js",
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
  "www/ui/readings.js",
  "www/ui/render.js",
  "www/ui/styles.js",
  "www/ui/tab-notice.js",
  "www/ui/units.js",
  "www/ui/values.js",
  "www/worker.js",
];
// manifest:end

const PREFIX = 'depeche-shell ';
const CLIENTS = 'depeche-clients ';

/** This copy's caches: "depeche-shell <scope> <version>". */
const scopePrefix = () => `${PREFIX}${self.registration.scope} `;
const cacheName = () => scopePrefix() + VERSION;
const shellUrl = (file) => new URL(file, self.registration.scope).href;
const clientsCache = () => caches.open(CLIENTS + self.registration.scope);
/** The notes' cache when there is one (reading does not create it). */
const notesIfAny = async () => ((await caches.has(CLIENTS + self.registration.scope)) ? clientsCache() : null);
const clientKey = (id) => new URL(`__depeche-client/${encodeURIComponent(id)}`, self.registration.scope).href;

/** Client id -> version, as this worker has seen or read it. */
const versions = new Map();
/** Client id -> when this worker noted it: a client that is starting is not listed by matchAll yet. */
const notedAt = new Map();
const recent = (id) => Date.now() - (notedAt.get(id) ?? 0) < 10_000;

/** Notes that client `id` (a page or a worker it started) runs `version`. */
async function noteClient(id, version) {
  if (!id) return;
  versions.set(id, version);
  notedAt.set(id, Date.now());
  try {
    await (await clientsCache()).put(clientKey(id), new Response(version));
  } catch {
    /* no storage: the client is served the current version */
  }
}

/** The version client `id` runs (undefined: unknown, e.g. from before versions were noted). */
async function versionOf(id) {
  if (!id) return undefined;
  if (versions.has(id)) return versions.get(id);
  try {
    const notes = await notesIfAny();
    const hit = notes ? await notes.match(clientKey(id)) : undefined;
    const v = hit ? await hit.text() : undefined;
    if (v) versions.set(id, v);
    return v;
  } catch {
    return undefined;
  }
}

/** Deletes this scope's old caches that no open page or worker runs, and the notes of gone clients. */
async function dropUnused() {
  const mine = scopePrefix();
  const live = await self.clients.matchAll({ includeUncontrolled: true, type: 'all' });
  const ids = new Set(live.map((c) => c.id));
  for (const id of notedAt.keys()) if (recent(id)) ids.add(id);
  const used = new Set([VERSION]);
  for (const id of ids) {
    const v = await versionOf(id);
    if (v) used.add(v);
  }
  keptOld = false;
  for (const name of await caches.keys()) {
    if (!name.startsWith(mine) || name === cacheName()) continue;
    if (used.has(name.slice(mine.length))) keptOld = true;
    else await caches.delete(name);
  }
  try {
    const notes = await notesIfAny();
    for (const req of notes ? await notes.keys() : []) {
      const id = decodeURIComponent(req.url.slice(req.url.lastIndexOf('/') + 1));
      if (!ids.has(id)) { versions.delete(id); notedAt.delete(id); await notes.delete(req); }
    }
  } catch {
    /* nothing noted */
  }
}
/** Is an old release's cache kept for a page still open? Then it is looked at again soon. */
let keptOld = false;
let lastDrop = 0;
/** Clients whose first request looked for caches to drop (a page that just replaced an old one). */
const swept = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(cacheName()).then((cache) =>
      cache.addAll(FILES.map((f) => new Request(shellUrl(f), { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    await dropUnused();
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'SKIP_WAITING' || type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const pack = packKey(event.request);
  if (pack) {
    event.respondWith(servePack(event, pack));
    return;
  }
  const key = shellKey(event.request);
  if (!key) return; // not ours: the browser fetches it as if there were no worker
  event.respondWith((async () => {
    // A page is this worker's version; a page's later requests and its workers', the version
    // that served the page (its cache while it is kept).
    const request = event.request;
    let version = VERSION;
    if (request.mode === 'navigate') {
      event.waitUntil(noteClient(event.resultingClientId, VERSION));
    } else {
      version = (await versionOf(event.clientId)) ?? VERSION;
      if (request.destination === 'worker' || request.destination === 'sharedworker') event.waitUntil(noteClient(event.resultingClientId, version));
      if (version === VERSION && (!swept.has(event.clientId) || (keptOld && Date.now() - lastDrop > 1000))) {
        swept.add(event.clientId);
        lastDrop = Date.now();
        event.waitUntil(dropUnused().catch(() => {}));
      }
    }
    // A miss (storage evicted, or unavailable) falls back to the network.
    let hit;
    try {
      const name = scopePrefix() + version;
      const cache = version === VERSION || (await caches.has(name)) ? await caches.open(name) : await caches.open(cacheName());
      hit = await cache.match(key);
    } catch {
      hit = undefined;
    }
    return hit || fetch(request);
  })());
});

/** A language pack's URL (pkg/packs/<code>.pack), or null for any other request. */
function packKey(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  const dir = shellUrl('pkg/packs/');
  return url.href.startsWith(dir) && /^[a-z]{2,3}\.pack$/.test(url.href.slice(dir.length)) ? url.href : null;
}

/**
 * Language packs (www/core/packs.js) other than the core languages' (in the shell list) are
 * fetched when a text in their language first appears. The first fetch is kept in the cache of the version that runs the
 * page (a pack fits one build of the core), so an offline reload annotates that language again.
 * A request with cache 'reload' (the page's second try after the core refused a pack) goes to
 * the network and replaces the kept copy.
 */
async function servePack(event, key) {
  const request = event.request;
  let cache = null;
  try {
    const version = (await versionOf(event.clientId)) ?? VERSION;
    const name = scopePrefix() + version;
    cache = version === VERSION || (await caches.has(name)) ? await caches.open(name) : await caches.open(cacheName());
    if (request.cache !== 'reload' && request.cache !== 'no-store') {
      const hit = await cache.match(key);
      if (hit) return hit;
    }
  } catch {
    cache = null;
  }
  const res = await fetch(request);
  if (res.ok && cache) event.waitUntil(cache.put(key, res.clone()).catch(() => {}));
  return res;
}

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
