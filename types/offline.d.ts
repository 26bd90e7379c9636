// Declarations of `depeche/offline` (www/offline.js): the page's service worker registration.

export interface RegisterOfflineOptions {
  /** The service worker script (default: `sw.js` at the package root, next to index.html). */
  url?: string | URL;
}

/**
 * Registers the service worker that keeps the page working offline. Resolves to null (and
 * registers nothing) where service workers are unavailable: file: pages, insecure origins, old
 * browsers. For the page only: an element embedded in a CMS never registers one.
 */
export declare function registerOffline(options?: RegisterOfflineOptions): Promise<ServiceWorkerRegistration | null>;
