// Registers the page's service worker (sw.js at the root, next to index.html), which keeps the
// editor working with the network gone after one visit.
//
// Why a module of its own: only the page calls it (www/app.js). The <depeche-annotator> element
// never does: embedded in a CMS it is a guest, and a guest does not install a worker that would
// answer requests on the host's site. Trade-offs: registration waits for the page's `load`, so it
// never competes with the first download of the .wasm; it resolves to null instead of throwing
// where there can be no worker (file: pages, insecure origins, a module served from another
// origin than the page, old browsers), because the page works without it, only not offline.
// New releases: when a new sw.js has installed and waits, the page shows "A new version of depeche
// is ready — Reload" (text only, a bar at the bottom of the page); Reload posts SKIP_WAITING to the
// waiting worker and reloads once it controls the page (controllerchange). A page whose worker was
// switched by another tab says so too and reloads on its word: until then the worker keeps serving
// it the files of its own version (sw.js), so nothing mixes two releases. Updates are looked for
// when the page loads (the browser does) and when it is shown again after an hour or more.

import { scriptURL } from './trusted-types.js';

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
    // a TrustedScriptURL where the page requires Trusted Types (trusted-types.js)
    const reg = await navigator.serviceWorker.register(scriptURL(url));
    offerUpdates(reg);
    return reg;
  } catch (e) {
    console.warn(`depeche: offline use is not available (${e instanceof Error ? e.message : e})`);
    return null;
  }
}

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Shows the "new version" bar when a new worker waits (or another tab switched to it), and reloads
 * on the person's word. @param {ServiceWorkerRegistration} reg
 */
function offerUpdates(reg) {
  const sw = navigator.serviceWorker;
  const hadController = !!sw.controller;
  let asked = false;
  /** @type {HTMLElement|null} */
  let bar = null;
  const show = (/** @type {ServiceWorker|null} */ waiting) => {
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'depeche-update';
      bar.setAttribute('role', 'status');
      const text = document.createElement('span');
      text.textContent = 'A new version of depeche is ready — ';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'depeche-update-reload';
      button.textContent = 'Reload';
      bar.append(text, button);
      button.addEventListener('click', () => {
        asked = true;
        const w = reg.waiting;
        // Our work is saved as it is made (storage.js); the new worker takes over, then we reload.
        if (w) w.postMessage({ type: 'SKIP_WAITING' });
        else location.reload();
      });
      document.body.append(bar);
    }
    void waiting;
  };
  if (reg.waiting && hadController) show(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    if (!w) return;
    w.addEventListener('statechange', () => {
      if (w.state === 'installed' && sw.controller) show(w);
    });
  });
  sw.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    else if (hadController) show(null); // another tab switched: this page still runs the old files
  });
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checked < CHECK_EVERY_MS) return;
    checked = Date.now();
    reg.update().catch(() => { /* offline: next time */ });
  });
}
