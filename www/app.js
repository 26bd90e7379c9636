// The page: index.html is the <depeche-annotator> element (storage="local" panels="full") plus a
// page shell; this module defines the element, so there is one editor, not two.
// Why a module of its own: index.html stays a static shell with no inline script (a strict CSP
// holds), and page-only wiring (the service worker) has a place that embedded uses never load.
// Trade-off: nothing is configurable from the URL.

import './depeche-annotator.js';
import('./offline.js').then((m) => m.registerOffline(), () => { /* no offline use; the page still works */ });
