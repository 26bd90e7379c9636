// The page: mounts the depeche editor into index.html with the engine and browser storage.
// Why: index.html stays a static shell (no inline script, ready for a strict CSP); this module is
// the only place that knows the page's element and picks the real engine and storage. The
// editor itself (ui/editor.js) takes them as arguments, so a host page or a custom element can
// give others. Trade-off: nothing is configurable from the URL.

import { mountEditor } from './ui/editor.js';
import { loadEngine } from './engine.js';
import { createStorage } from './core/storage.js';

const root = /** @type {HTMLElement} */ (document.querySelector('[data-depeche-editor]'));
const editor = mountEditor(root, { engine: loadEngine(), storage: createStorage() });
// Handy for debugging from the console; the editor does not read it.
Object.defineProperty(window, 'depecheEditor', { value: editor, configurable: true });
import('./offline.js').then((m) => m.registerOffline(), () => { /* no offline use; the page still works */ });
