// Registers the page's service worker (sw.js at the root, next to index.html), which keeps the
// editor working with the network gone after one visit.
//
// Why a module of its own: only the page calls it (www/app.js). The <depeche-annotator> element
// never does: embedded in a CMS it is a guest, and a guest does not install a worker that would
// answer requests on the host's site. Trade-offs: registration waits for the page's `load`, so it
// never competes with the first download of the .wasm; it resolves to null instead of throwing
// where there can be no worker (file: pages, insecure origins, a module served from another
// origin than the page, old browsers), because the page works without it, only not offline.

/**
 * @param {{url?: string|URL}} [options] `url`: the worker script (default: ../sw.js from here)
 * @returns {Promise<ServiceWorkerRegistration|null>}
 */
export async function registerOffline(options = {}) {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  if (typeof window === 'undefined' || !window.isSecureContext) return null;
  const url = new URL(options.url ?? '../sw.js', import.meta.url);
  if (!/^https?:$/.test(url.protocol) || url.origin !== location.origin) return null;
  if (document.readyState !== 'complete') {
    await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  }
  try {
    // The scope is the folder sw.js is in, so the page works from any subpath.
    return await navigator.serviceWorker.register(url);
  } catch (e) {
    console.warn(`depeche: offline use is not available (${e instanceof Error ? e.message : e})`);
    return null;
  }
}
