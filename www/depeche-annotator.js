// <depeche-annotator>: the depeche editor as a custom element, for the page and for a host's CMS.
// Why: newsrooms annotate inside their own tools; one <script type="module"> tag must give them the
// editor (or in-place highlights of their own element, `for="ID"`), behaving as a good guest:
// everything inside a shadow root with constructed stylesheets (a strict CSP allows them), no
// globals, no network of its own once the engine is loaded, nothing written into the host's DOM.
// The page (index.html) is this same element with storage="local" panels="full": one editor.
//
// API (attributes, properties, methods, events): see the README's embedding section and the
// class's JSDoc below. Storage: storage="local" keeps dispatches in IndexedDB and the lexicon in
// localStorage. The element without an `id` uses the page's store (database "depeche", keys
// "depeche.*"); with an `id`, its own ("depeche:<id>", keys "depeche:<id>:depeche.*"). Two
// connected instances never share one store: the second one asking for a store already in use
// gets a depeche-error and keeps no storage (give each an id).
// Trade-offs: moving the element in the DOM restarts it (the shadow content is rebuilt; a stored
// dispatch comes back, an unstored one is kept through `text`/`annotations`). The engine module
// is loaded once per page: the first `wasm-url` wins. Texts over 256 KB annotate in a Web Worker,
// which loads worker.js and the wasm again (the one network use after loading, only then).

import { loadEngine } from './engine.js';
import { mountEditor } from './ui/editor.js';
import { mountHostAnnotator } from './ui/host-annotator.js';
import { editorSheets, hostModeSheets } from './ui/styles.js';
import { importData } from './ui/io.js';
import { createStorage } from './core/storage.js';
import { Lexicon } from './core/lexicon.js';
import { createLexiconSync } from './core/lexicon-sync.js';
import { createTabs } from './core/tabs.js';
import { formatById } from './formats/index.js';
import { watchTarget } from './ui/host-target.js';
import { relocateSpans, sameArticle } from './core/relocate.js';
import { isDocLang } from './core/languages.js';

export { loadEngine };

const TAG = 'depeche-annotator';
const KIND_LIST = ['actor', 'place', 'date'];
let count = 0;
/** Stores in use by connected instances: namespace -> element. */
const stores = new Map();

/** localStorage with every key prefixed (one instance's lexicon and prefs). */
function prefixedLocalStorage(prefix) {
  let ls = null;
  try { ls = globalThis.localStorage ?? null; } catch { ls = null; }
  if (!ls) return null;
  return {
    getItem: (k) => ls.getItem(prefix + k),
    setItem: (k, v) => ls.setItem(prefix + k, v),
    removeItem: (k) => ls.removeItem(prefix + k),
  };
}

/** A span as FORMAT.md has it: plain data, code point offsets. */
function plainSpan(s) {
  const o = { start: s.start, end: s.end, kind: s.kind, text: s.text };
  if (s.value !== undefined) o.value = s.value;
  if (s.source !== undefined) o.source = s.source;
  return o;
}
const spanKey = (s) => `${s.start},${s.end},${s.kind},${s.value === undefined ? '' : JSON.stringify(s.value)}`;

/** What changed between two lists of annotations, for depeche-change's `change`. */
function describe(type, before, after) {
  if (type === 'text') return { type };
  const a = new Set(before.map(spanKey)), b = new Set(after.map(spanKey));
  const added = after.filter((s) => !a.has(spanKey(s))), removed = before.filter((s) => !b.has(spanKey(s)));
  const change = { type, added, removed };
  if (added.length === 1 && removed.length === 1) { change.before = removed[0]; change.after = added[0]; }
  return change;
}

export class DepecheAnnotator extends HTMLElement {
  static get observedAttributes() { return ['lang', 'dct', 'kinds', 'readonly', 'panels', 'for', 'wasm-url', 'storage', 'while-typing']; }

  #shadow;
  /** @type {any} */ #mount = null;
  /** @type {'editor'|'host'|null} */ #mode = null;
  #readyPromise; #resolveReady; #rejectReady;
  #readyFired = false;
  #prefix;
  /** @type {string|null} */ #cause = null;
  /** The annotations of the last change, or a function that gives them. @type {any[]|(() => any[])} */ #last = [];
  /** @type {{text?:string, annotations?:any[], lexicon?:any}} */ #pending = {};
  /** @type {string|null} */ #store = null;
  #engine = null;
  #generation = 0;
  /** for= mode: the Element given through `host` (wins over the for attribute). @type {Element|null} */ #hostEl = null;
  /** for= mode: the watcher that finds the host and tells when it is lost. */ #watcher = null;
  /** for= mode: what outlives one host (its corrections, the lexicon) for the next one. @type {{doc:any, lexicon:Lexicon}|null} */ #carry = null;
  /** for= mode with storage="local": where the lexicon is kept. */ #lexStore = null;
  /** for= mode with storage="local": the channel other tabs tell lexicon changes on. */ #lexTabs = null;

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#prefix = `depeche-${Math.random().toString(36).slice(2, 6)}${++count}`;
    this.#readyPromise = new Promise((ok, fail) => { this.#resolveReady = ok; this.#rejectReady = fail; });
    this.#readyPromise.catch(() => { /* reported as depeche-error; awaiting `ready` still sees it */ });
  }

  // ---- lifecycle ------------------------------------------------------------------------------------
  connectedCallback() {
    if (this.#mount || this.#watcher) return;
    this.#start();
  }
  disconnectedCallback() {
    // Moved (disconnected then connected in the same task): keep going; removed: stop.
    queueMicrotask(() => { if (!this.isConnected) this.#stop(true); });
  }
  attributeChangedCallback(name, old, value) {
    if (old === value || (!this.#mount && !this.#watcher)) return;
    if (name === 'for' || name === 'storage' || name === 'wasm-url') {
      if (name === 'for' && this.#hostEl) return; // the `host` property wins
      this.#stop(name !== 'for');
      this.#start();
      return;
    }
    if (!this.#mount) return;
    const s = this.#session();
    try {
      if (name === 'lang' && s) this.#as('lang', () => s.setLang(this.#lang()));
      else if (name === 'dct' && s) this.#as('dct', () => s.setDct(this.#dct()));
      else this.#mount.configure(this.#config());
    } catch (e) { this.#error(e, name); }
  }

  /** for= mode: an Element given through `host`, or the for attribute (an id or a CSS selector). */
  #hostMode() { return !!this.#hostEl || this.hasAttribute('for'); }
  /** The `lang` attribute: auto, und or a code of the core's languages(); anything else detects (auto), silently. */
  #lang() { const l = (this.getAttribute('lang') ?? 'auto').trim() || 'auto'; return isDocLang(l) ? l : 'auto'; }
  #dct() { const d = this.getAttribute('dct'); return d && /^\d{4}-\d{2}-\d{2}$/.test(d.trim()) ? d.trim() : null; }
  #kinds() {
    const k = this.getAttribute('kinds');
    if (k == null || !k.trim()) return null;
    return k.split(',').map((x) => x.trim()).filter((x) => KIND_LIST.includes(x));
  }
  #config() {
    const p = this.getAttribute('panels');
    return {
      panels: p === 'full' || p === 'none' ? p : 'entities', readonly: this.hasAttribute('readonly'), kinds: this.#kinds(),
      whileTyping: this.getAttribute('while-typing')?.trim() === 'keep' ? 'keep' : 'hide',
    };
  }
  #session() { return this.#mount?.session() ?? null; }

  #start() {
    const gen = ++this.#generation;
    const wasmUrl = this.getAttribute('wasm-url');
    if (!this.#engine) {
      this.#engine = loadEngine(wasmUrl ? { wasmUrl: new URL(wasmUrl, this.ownerDocument.baseURI) } : {});
      this.#engine.catch(() => {});
    }
    const onError = (e, context) => this.#fire('depeche-error', { message: context ? `${context}: ${e?.message ?? e}` : String(e?.message ?? e), error: e });
    const cfg = this.#config();
    const pendingText = this.#pending.text ?? (this.#readyFired ? undefined : this.#lightText());
    if (this.#hostMode()) {
      this.#mode = 'host';
      this.#shadow.adoptedStyleSheets = hostModeSheets();
      this.#shadow.replaceChildren();
      const given = this.#pending.lexicon;
      delete this.#pending.lexicon;
      const lexicon = this.#hostLexicon(given);
      this.#carry = { doc: this.#carry?.doc ?? null, lexicon: given || !this.#carry ? lexicon : this.#carry.lexicon };
      const spec = this.#hostEl ?? /** @type {string} */ (this.getAttribute('for'));
      this.#watcher = watchTarget(this, spec, {
        found: ({ host }) => {
          if (gen !== this.#generation) return;
          const mount = mountHostAnnotator(this.#shadow, host, { engine: this.#engine, prefix: this.#prefix, ...this.#config(),
            text: this.#pending.text, lexicon: this.#carry?.lexicon ?? lexicon, onError });
          delete this.#pending.text;
          this.#mount = mount;
          this.#fire('depeche-host', { state: 'found', host });
          this.#started(mount, gen, onError);
        },
        lost: (host, why) => {
          if (gen !== this.#generation) return;
          const s = this.#session();
          if (s) this.#carry = { doc: s.doc, lexicon: s.lexicon };
          try { this.#mount?.destroy(); } catch { /* already gone */ }
          this.#mount = null;
          this.#shadow.replaceChildren();
          this.#fire('depeche-host', { state: 'lost', host, reason: why });
        },
        waiting: () => { if (gen === this.#generation) this.#fire('depeche-host', { state: 'waiting', host: null, for: typeof spec === 'string' ? spec : null }); },
        error: (message) => { if (gen === this.#generation) this.#error(new Error(message), 'Host'); },
      });
      return;
    } else {
      this.#mode = 'editor';
      this.#shadow.adoptedStyleSheets = editorSheets();
      const root = document.createElement('div');
      this.#shadow.replaceChildren(root);
      let storage = null;
      const messages = [];
      if (this.getAttribute('storage') === 'local') {
        const ns = this.#storeName();
        const owner = stores.get(ns);
        if (owner && owner !== this && owner.isConnected) {
          messages.push({ error: new Error(`another depeche-annotator already uses the store “${ns}”: give each instance with storage="local" its own id; this one keeps nothing`), context: 'Storage' });
        } else {
          stores.set(ns, this);
          this.#store = ns;
          storage = this.#createStore();
        }
      }
      this.#mount = mountEditor(root, { engine: this.#engine, storage, ...cfg, text: pendingText, autofocus: this.hasAttribute('autofocus'), onError, messages });
    }
    this.#started(this.#mount, gen, onError);
  }

  /** A mount is up: wire its session to the element's events, apply what was set before, say ready. */
  #started(mount, gen, onError) {
    Promise.all([this.#engine, mount.ready]).then(() => {
      if (gen !== this.#generation || mount !== this.#mount) return;
      const s = mount.session();
      if (!s) throw new Error('the annotator did not start (see the messages above)');
      const before = this.#mode === 'host' ? this.#carry?.doc : null;
      const carried = before && sameArticle(before.text, s.doc.text) ? before : null;
      if (this.#carry) this.#carry = { doc: null, lexicon: this.#carry.lexicon };
      if (carried) {
        // a new host for the same article (the editor was rebuilt): the corrections follow their words
        this.#as('host', () => s.load({ ...carried, text: s.doc.text }));
      }
      s.addEventListener('change', (ev) => this.#changed(ev));
      if (this.#mode === 'host' && this.#lexStore) {
        // merged with what other tabs stored, never written over it (core/lexicon-sync.js)
        const store = this.#lexStore;
        let initial;
        try { initial = Lexicon.fromJSON(store.loadLexicon().data); } catch { initial = s.lexicon; }
        this.#lexTabs?.close();
        const tabs = createTabs({ name: store.name, onMessage: (m) => { if (m.type === 'lexicon') sync.pull(); } });
        this.#lexTabs = tabs;
        const sync = createLexiconSync({ storage: store, session: () => s, initial, tell: () => tabs.post({ type: 'lexicon' }), onError: (e) => this.#error(e, 'Lexicon') });
        s.addEventListener('change', (ev) => { if (ev.detail?.reason !== 'lexicon-sync') sync.save(); });
      }
      s.addEventListener('error', (ev) => { if (ev.detail?.error?.name !== 'AbortError') onError(ev.detail?.error ?? ev.detail?.message, 'Engine'); });
      this.#applyDocAttributes(s);
      const p = this.#pending;
      this.#pending = {};
      if (p.lexicon) this.#as('lexicon', () => s.setLexicon(Lexicon.fromJSON(p.lexicon)));
      if (p.annotations) this.#as('annotations', () => this.#placeAnnotations(s, p.annotations));
      if (this.#readyFired) this.#changed(new CustomEvent('change', { detail: { reason: 'host' } })); // a new host: new annotations
      this.#last = this.annotations;
      if (!this.#readyFired) {
        this.#readyFired = true;
        this.#resolveReady(this);
        this.#fire('depeche-ready', { annotations: this.#last });
      }
    }).catch((e) => { if (gen === this.#generation) this.#fail(e); });
  }

  /** The store of this instance: the page's ("depeche") without an id, its own ("depeche:<id>") with one. */
  #storeName() { return this.id ? `depeche:${this.id}` : 'depeche'; }
  #createStore() {
    const ns = this.#storeName();
    return this.id ? createStorage({ dbName: ns, localStorage: prefixedLocalStorage(`${ns}:`) }) : createStorage();
  }

  /**
   * for= mode's lexicon: the stored one with storage="local" (kept up to date), else an empty one;
   * `data` (set before start) wins.
   * @param {any} [data]
   */
  #hostLexicon(data) {
    this.#lexStore = null;
    let lex = null;
    if (this.getAttribute('storage') === 'local') {
      const st = this.#createStore();
      this.#lexStore = st;
      try {
        const { data: stored, warning } = st.loadLexicon();
        if (warning) this.#error(new Error(warning), 'Lexicon');
        lex = Lexicon.fromJSON(stored);
      } catch (e) { this.#error(e, 'Lexicon'); }
    }
    if (data) { try { lex = Lexicon.fromJSON(data); } catch (e) { this.#error(e, 'lexicon'); } }
    return lex ?? Lexicon.fromJSON({ version: 1, add: [], reject: [] });
  }

  /**
   * Put saved annotations back: onto their words, wherever the text moved them; the lost ones are
   * kept as lost corrections (shown in the panel) and reported with a depeche-error.
   * @param {any} s the session @param {any[]} list FORMAT.md spans @param {string} [oldText] the text they were saved on
   */
  #placeAnnotations(s, list, oldText) {
    const kinds = this.#kinds();
    const hidden = kinds ? s.spans.filter((x) => !kinds.includes(x.kind)) : [];
    const { placed, lost } = relocateSpans(s.doc.text, list.map(plainSpan), oldText);
    const keep = placed.filter((p) => !hidden.some((x) => x.start < p.end && p.start < x.end));
    const orphans = lost.filter((x) => typeof x.text === 'string' && x.text && typeof x.kind === 'string')
      .map((x) => ({ op: 'set', start: x.start, end: x.end, kind: x.kind, exact: x.text, ...(x.value != null ? { value: x.value } : {}) }));
    s.load({ ...s.doc, corrections: [], orphans: [...(s.doc.orphans ?? []), ...orphans] }, [...hidden, ...keep].map(plainSpan));
    if (lost.length) {
      const names = lost.slice(0, 5).map((x) => `“${x.text ?? `${x.start}–${x.end}`}”`).join(', ');
      const e = new Error(`${lost.length} annotation${lost.length === 1 ? '' : 's'} could not be put back: ${lost.length === 1 ? 'its words are' : 'their words are'} no longer in the text (${names}${lost.length > 5 ? ', …' : ''})`);
      this.#fire('depeche-error', { message: `annotations: ${e.message}`, error: e, lost: lost.map(plainSpan) });
    }
  }

  #applyDocAttributes(s) {
    if (this.hasAttribute('lang') && s.doc.lang !== this.#lang()) s.setLang(this.#lang());
    if (this.hasAttribute('dct') && s.doc.dct !== this.#dct()) s.setDct(this.#dct());
  }

  /** The element's own text content (light DOM; not shown) as a starting text, when there is some. */
  #lightText() {
    const t = this.textContent ?? '';
    return t.trim() ? t.trim().replace(/\r\n?/g, '\n') : undefined;
  }

  #fail(e) {
    this.#error(e, 'Starting');
    this.#rejectReady(e);
  }

  /** @param {boolean} keep keep the work for a restart (moved, reconfigured); for= mode keeps the lexicon anyway */
  #stop(keep) {
    if (!this.#mount && !this.#watcher) return;
    const s = this.#session();
    if (keep && s && this.#mode === 'editor' && !this.#store) this.#pending = { text: s.doc.text, annotations: this.annotations };
    if (this.#mode === 'host') this.#carry = s ? { doc: keep ? s.doc : null, lexicon: s.lexicon } : (this.#carry && { doc: keep ? this.#carry.doc : null, lexicon: this.#carry.lexicon });
    this.#generation++;
    this.#watcher?.stop();
    this.#watcher = null;
    this.#lexTabs?.close();
    this.#lexTabs = null;
    try { this.#mount?.destroy(); } catch { /* already gone */ }
    this.#mount = null;
    this.#mode = null;
    if (this.#store && stores.get(this.#store) === this) stores.delete(this.#store);
    this.#store = null;
    this.#shadow.replaceChildren();
  }

  // ---- events --------------------------------------------------------------------------------------------
  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
  #error(e, context) {
    this.#fire('depeche-error', { message: context ? `${context}: ${e?.message ?? e}` : String(e?.message ?? e), error: e });
  }
  /** Run a session call as `cause` (the reason its depeche-change reports). */
  #as(cause, fn) {
    const prev = this.#cause;
    this.#cause = cause;
    try { return fn(); } finally { this.#cause = prev; }
  }
  #changed(ev) {
    if (!this.#readyFired) return;
    const reason = this.#cause ?? ev.detail?.reason ?? 'change';
    // The annotations and the difference are computed when a listener reads them: after a
    // 5 MB paste (100,000 spans and more) copying and comparing them on every change would
    // cost the page a tenth of a second that nobody may want.
    // The session's spans are an immutable snapshot: keep it, copy it only when asked.
    const before = this.#last;
    const spans = this.#session()?.spans ?? [];
    const kinds = this.#kinds();
    let annotations = null, change = null;
    const current = () => (annotations ??= spans.filter((x) => !kinds || kinds.includes(x.kind)).map(plainSpan));
    const detail = {
      reason,
      get annotations() { return current(); },
      get change() { return (change ??= describe(reason, typeof before === 'function' ? before() : before, current())); },
    };
    this.#last = current; // the next change compares with these
    this.#fire('depeche-change', detail);
  }

  // ---- properties ------------------------------------------------------------------------------------------
  /** A Promise resolved (with the element) when the engine is loaded and the text annotated. */
  get ready() { return this.#readyPromise; }

  /** The mounted editor (mountEditor's handle; null in for= mode or before connection): for tests and tools. */
  get editor() { return this.#mode === 'editor' ? this.#mount : null; }

  /**
   * for= mode: the element annotated now (null while waiting). Setting an Element (one inside a
   * same-origin iframe too, or the <iframe> itself for its body) annotates it instead of what
   * `for` names; null goes back to `for`.
   */
  get host() { return this.#watcher?.current()?.host ?? null; }
  set host(el) {
    if (el !== null && el !== undefined && (typeof el !== 'object' || el.nodeType !== 1)) {
      this.#error(new TypeError('host must be an Element (or null)'), 'host');
      return;
    }
    const next = el ?? null;
    if (next === this.#hostEl) return;
    const running = !!(this.#mount || this.#watcher);
    if (running) this.#stop(false);
    this.#hostEl = next;
    if (running || this.isConnected) this.#start();
  }

  /** The per-instance prefix of the highlight names in for= mode (CSS.highlights `<prefix>-actor` ...). */
  get highlightPrefix() { return this.#prefix; }

  /** The text annotated (for= mode: the host's text). Setting it annotates. */
  get text() {
    const s = this.#session();
    if (s) return s.doc.text;
    if (this.#pending.text !== undefined) return this.#pending.text;
    return this.#lightText() ?? '';
  }
  set text(value) {
    const text = String(value ?? '').replace(/\r\n?/g, '\n');
    const s = this.#session();
    if (!s) { this.#pending.text = text; delete this.#pending.annotations; return; }
    this.#as('text', () => { if (this.#mode === 'editor') this.#mount.loadText(text); else this.#mount.setText(text); });
  }

  /** The effective annotations: FORMAT.md spans in code points, of the kinds shown. Setting replaces them. */
  get annotations() {
    const s = this.#session();
    if (!s) return (this.#pending.annotations ?? []).map(plainSpan);
    const kinds = this.#kinds();
    return s.spans.filter((x) => !kinds || kinds.includes(x.kind)).map(plainSpan);
  }
  set annotations(list) {
    if (!Array.isArray(list)) { this.#error(new TypeError('annotations must be an array of spans'), 'annotations'); return; }
    const s = this.#session();
    if (!s) { this.#pending.annotations = list; return; }
    try {
      this.#mount.flush?.();
      // spans whose words moved (the article was edited since) are put back onto them; the lost
      // ones are reported; kinds="...": the spans of the hidden kinds stay as they are
      this.#as('annotations', () => this.#placeAnnotations(s, list));
    } catch (e) { this.#error(e, 'annotations'); throw e; }
  }

  /** The user lexicon (FORMAT.md lexicon object). */
  get lexicon() {
    const s = this.#session();
    return s ? s.lexicon.toJSON() : (this.#pending.lexicon ?? { version: 1, add: [], reject: [] });
  }
  set lexicon(data) {
    let lex;
    try { lex = Lexicon.fromJSON(data); } catch (e) { this.#error(e, 'lexicon'); throw e; }
    const s = this.#session();
    if (!s) { this.#pending.lexicon = lex.toJSON(); return; }
    this.#as('lexicon', () => s.setLexicon(lex));
  }

  // ---- methods ---------------------------------------------------------------------------------------------
  /** Re-annotate now (what is typed, the host's current text); resolves with the Result (spans: the annotations). */
  async annotate() {
    await this.ready;
    const s = this.#session();
    this.#as('text', () => this.#mount.flush?.());
    if (s.pending) await new Promise((ok) => s.addEventListener('change', ok, { once: true }));
    return { lang: s.result?.lang, dct: s.result?.dct ?? null, dateline: s.result?.dateline ?? null, spans: this.annotations };
  }

  /**
   * Export the current dispatch: a string, or for brat `[{filename, text}]` (.txt and .ann), or
   * for brat-zip a Promise of `{filename, data}` (one .zip: .txt, .ann and annotation.conf).
   * @param {string} [format] json | w3c | brat | brat-zip | conll | csv | html
   */
  export(format = 'json') {
    const f = formatById(format);
    if (!f) throw new Error(`depeche-annotator: no export format “${format}” (json, w3c, brat, brat-zip, conll, csv, html)`);
    const s = this.#session();
    if (!s) throw new Error('depeche-annotator: not ready yet (await element.ready)');
    this.#mount.flush?.();
    const kinds = this.#kinds();
    const out = f.export([{ doc: s.doc, result: s.result, spans: kinds ? s.spans.filter((x) => kinds.includes(x.kind)) : s.spans }]);
    // brat-zip: a Promise of {filename, data: Uint8Array}
    if (f.binary) return Promise.resolve(out).then((o) => ({ filename: o.filename, data: o.data }));
    return Array.isArray(out) ? out.map((o) => ({ filename: o.filename, text: o.text })) : out.text;
  }

  /**
   * Import a dispatch with its annotations (it replaces the current one; several: the last one).
   * @param {string|object} data JSON / JSON-LD / JSON Lines text or object, or brat `{txt, ann}`
   * @param {'json'|'w3c'|'brat'} [format] when not given: brat for `{txt, ann}`, else by content
   * @returns {Promise<object[]>} the annotations after the import
   */
  async import(data, format) {
    await this.ready;
    const s = this.#session();
    try {
      const items = importData(data, format);
      const { doc, spans, warnings } = items[items.length - 1];
      let moved = false;
      if (this.#mode === 'host') {
        this.#mount.flush?.();
        const hostText = this.#mount.hostText();
        if (doc.text !== hostText) {
          const host = this.#watcher?.current()?.host;
          if (host?.tagName === 'TEXTAREA') this.#mount.setText(doc.text);
          else moved = true; // the article changed since the export: the annotations follow their words
        }
      } else this.#mount.flush?.();
      if (moved) {
        this.#as('import', () => {
          s.load({ ...s.doc, lang: doc.lang ?? s.doc.lang, dct: doc.dct ?? null });
          this.#placeAnnotations(s, spans, doc.text);
        });
      } else this.#as('import', () => s.load(doc, spans));
      if (this.#mode === 'editor') this.#mount.setMode?.(this.hasAttribute('readonly') ? 'review' : this.#mount.mode, { focus: false });
      for (const w of warnings) this.#error(w, 'Import warning');
      if (s.pending) await new Promise((ok) => s.addEventListener('change', ok, { once: true }));
      return this.annotations;
    } catch (e) {
      this.#error(e, 'Import');
      throw e;
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, DepecheAnnotator);
