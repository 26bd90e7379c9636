// The page's door to the WebAssembly core: loads pkg/ once and annotates,
// on the main thread for dispatch-sized texts and in a Web Worker for big
// pastes, with progress.
//
// Why a wrapper: the page should not know about wasm-bindgen's init dance,
// about keeping an editor's lexicon compiled between keystrokes, or about
// which texts are too big for the main thread. Everything returns FORMAT.md
// results (code point offsets); every failure is an Error with a message.
//
// Trade-offs: a dispatch (a few KB) annotates in well under a millisecond,
// so the main thread is the fast path, with no message passing. Above
// LARGE_TEXT code units the text goes to a worker, which annotates it in
// pieces (core/chunks.js) and reports progress; when a worker cannot start
// (a host page's CSP, an old browser) the same pieces run on the main thread
// with a pause between them, so the page still never freezes for long.
//
// Never break: the core checks what it is given, but if the WebAssembly
// instance ever traps anyway (a `WebAssembly.RuntimeError`: out-of-bounds
// memory, a Rust panic, which aborts), that instance is corrupt and every
// later call would fail until a reload. The engine then throws it away and
// instantiates the module afresh: the failing call throws an Error saying
// so, and the next call runs on the new instance. A fresh instance needs a
// fresh copy of wasm-bindgen's glue module (it keeps its instance in a
// module variable), so a spare copy is imported ahead under another URL
// fragment (`depeche.js#instance-2`: a separate module for the loader, the
// same file for caches and the service worker) and the compiled module is
// kept, which makes the swap synchronous. A worker that traps reports it and
// is replaced by a new one on the next big text.
//
// Languages: the core says which it knows (`languages()`: codes, names, words for values). The
// engine asks once, when the module is first instantiated, keeps the list (`engine.languages`,
// there as soon as loadEngine resolves, for renderers that cannot wait) and registers it with
// core/languages.js for the page's modules. A worker's core has the same registry; it answers
// a `languages` message too (`engine.workerLanguages()`), for a caller that wants it from there.
//
// Language packs (core/packs.js): every language of the registry carries its words in a pack
// (pkg/packs/<code>.pack), not in the core. Those of the core languages (French, English:
// `preload` in the core's `packs()`) are loaded with the module, before loadEngine resolves:
// every text reads them. The others are fetched on demand. When the core refuses a text because its
// language's pack is not loaded, `annotate` returns a promise instead of a result (the session
// and the incremental annotator accept one): the pack is fetched (once per page, whoever asks),
// loaded into the core, and the text annotated again. The worker is handed the packs loaded so
// far with each big text; a fresh instance after a crash gets them again. `loadEngine`'s
// `readPack(code)` replaces the fetch (Node reads them from disk).
// One pack is no language's: the gazetteer (`geo`, core/gazetteer.js), points for small towns,
// fetched in the background after the first place (`loadGazetteer`), never waited for by a text.

import { scriptURL } from './trusted-types.js';
import * as firstGlue from '../pkg/depeche.js';
import { annotateInChunks } from './core/chunks.js';
import { setLanguages } from './core/languages.js';
import { createPackLoader, fetchPack, packMissing, packUrl } from './core/packs.js';
import { GAZETTEER } from './core/gazetteer.js';

/** @typedef {import('./core/types.js').Result} Result */
/** @typedef {import('./core/types.js').LexiconData} LexiconData */
/** @typedef {import('./core/languages.js').Language} Language */
/** @typedef {{lang?: string, dct?: string|null, lexicon?: LexiconData|null}} AnnotateOptions */

/** Texts longer than this (UTF-16 code units) go to annotateLarge's worker. */
export const LARGE_TEXT = 256 * 1024;

/** The texts the core accepts at most (code units), a guard against pasting a whole archive. */
export const MAX_TEXT = 20 * 1024 * 1024;

/**
 * Loads the WebAssembly module (once; later calls reuse it).
 * @param {{wasmUrl?: string|URL, wasm?: BufferSource|WebAssembly.Module,
 *   readPack?: (code: string, reload: boolean) => Promise<Uint8Array>}} [opts]
 *   `wasmUrl`: where `depeche_bg.wasm` is (default: pkg/ next to www/); a CDN or
 *   a subpath works. `wasm`: the module's bytes, where there is nothing to
 *   fetch from (Node, tests); big pastes then annotate on the calling thread.
 *   `readPack`: how to get a language pack (default: fetch `packs/<code>.pack`
 *   beside the .wasm); the first caller's wins, as for the module.
 * @returns {Promise<Engine>}
 */
export async function loadEngine(opts = {}) {
  const wasmUrl = String(opts.wasmUrl ?? new URL('../pkg/depeche_bg.wasm', import.meta.url));
  if (!compiled) {
    // One load per page, whoever asks while it runs: the first caller's URL wins (two elements
    // starting together must not fetch the module twice, nor from the default URL).
    loading ??= (async () => {
      try {
        const module = await compile(opts.wasm ?? wasmUrl);
        await firstGlue.default({ module_or_path: module });
        knownLanguages ??= setLanguages(firstGlue.languages());
        const base = opts.wasm ? null : wasmUrl;
        const read = opts.readPack ?? ((code, reload) => {
          if (!base) throw new Error('no URL to fetch it from (the module was given as bytes)');
          return fetchPack(packUrl(code, base), reload);
        });
        packs = createPackLoader({
          read,
          load: (bytes) => core.loadPack(bytes),
          name: (code) => knownLanguages?.find((l) => l.code === code)?.english ?? code,
        });
        // The core languages' packs come with the module: every text reads them.
        // (Even when already there, loaded by whoever shares this glue: the loader keeps their
        // bytes for a fresh instance after a trap.)
        const listed = firstGlue.packs().packs;
        await Promise.all(listed.filter((p) => p.preload).map((p) => packs.ensure(p.code)));
        hasGazetteer = listed.some((p) => p.code === GAZETTEER);
        compiled = module;
        return opts.wasm ? null : wasmUrl;
      } catch (e) {
        loading = null; // a later call may try again
        throw new Error(`could not load the annotator (${opts.wasm ? 'given bytes' : wasmUrl}): ${message(e)}`);
      }
    })();
  }
  const url = await loading;
  // The spare copy for a restart after a trap is imported in the background, not waited for:
  // the first text must not wait for a module fetch it only needs after a crash (until the spare
  // is there, a restart completes asynchronously; `whenReady()` waits for it).
  void prepareSpare();
  return new Engine(url);
}

/** The load under way (or done): its promise resolves to the wasm URL used, or null for bytes. */
/** @type {Promise<string|null>|null} */
let loading = null;

/**
 * The compiled module, from bytes, a compiled module, or a URL (streamed
 * when the server says application/wasm).
 * @param {BufferSource|WebAssembly.Module|string} source
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source !== 'string') return WebAssembly.compile(source);
  const res = await fetch(source);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  const type = res.headers.get('Content-Type') ?? '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** @typedef {typeof import('../pkg/depeche.js')} Glue */

/** The core's languages, asked once (the registry is compiled in: a new instance has the same). */
/** @type {readonly Language[]|null} */
let knownLanguages = null;

/** The language packs loaded into the core (core/packs.js), once the module is. */
/** @type {ReturnType<typeof createPackLoader>|null} */
let packs = null;

/** Does this core have a gazetteer pack (`geo` in its `packs()`)? */
let hasGazetteer = false;

/** The compiled WebAssembly module, kept to instantiate it again after a trap. */
/** @type {WebAssembly.Module|null} */
let compiled = null;
/** The glue (and instance) in use; replaced after a trap. */
/** @type {Glue} */
let core = firstGlue;
/** Counts instances: annotators made on an older one are dropped. */
let generation = 1;
/** A fresh copy of the glue, imported ahead, not yet instantiated. */
/** @type {Glue|null} */
let spare = null;
/** Copies of the glue imported so far: each new one gets its own fragment. */
let copies = 1;
/** Why the last restart failed, when it did: calls report it. */
/** @type {string|null} */
let broken = null;

/** The spare being imported, or the restart under way: what whenReady waits for. */
/** @type {Promise<void>} */
let settling = Promise.resolve();

/** Imports the next fresh copy of the glue, if there is none yet; never throws. */
function prepareSpare() {
  if (!spare) settling = settling.then(importSpare);
  return settling;
}

async function importSpare() {
  if (spare) return;
  try {
    copies += 1;
    const url = new URL(`../pkg/depeche.js#instance-${copies}`, import.meta.url).href;
    const glue = await import(/* webpackIgnore: true */ /* @vite-ignore */ url);
    spare ??= glue;
  } catch {
    spare = null; // a bundle without pkg/ beside it: no restart, calls report the trap
  }
}

/** True for a trap of the WebAssembly instance (from any realm). */
function isTrap(e) {
  return e instanceof WebAssembly.RuntimeError || (e instanceof Error && e.name === 'RuntimeError');
}

/**
 * Throws the trapped instance away and instantiates the module afresh on the
 * spare glue; returns a message for the failing call.
 * @param {unknown} e the trap
 */
function restart(e) {
  generation += 1;
  const next = spare;
  spare = null;
  try {
    if (!next || !compiled) throw new Error('no fresh copy of the module is at hand');
    next.initSync({ module: compiled });
    packs?.reloadInto((bytes) => next.loadPack(bytes));
    core = next;
    broken = null;
    prepareSpare();
    return `the annotator crashed (${message(e)}) and was restarted; try again`;
  } catch (err) {
    // Synchronous instantiation refused (or no spare): finish asynchronously.
    broken = `the annotator crashed (${message(e)}) and is restarting`;
    settling = settling.then(() => restartLater(next));
    return `${broken}: ${message(err)}`;
  }
}

/** @param {Glue|null} next */
async function restartLater(next) {
  try {
    await importSpare();
    const glue = next ?? spare;
    if (glue === spare) spare = null;
    if (!glue || !compiled) throw new Error('the module could not be imported again');
    await glue.default({ module_or_path: compiled });
    packs?.reloadInto((bytes) => glue.loadPack(bytes));
    core = glue;
    broken = null;
    await importSpare();
  } catch (err) {
    broken = `the annotator crashed and could not be restarted (${message(err)}); reload the page`;
  }
}

export class Engine {
  /** @param {string|null} wasmUrl null when loaded from bytes: no worker then */
  constructor(wasmUrl) {
    this.wasmUrl = wasmUrl;
    /** The core's version. */
    this.version = core.version();
    /** The languages the core knows, `[{code, name, english, values}]` (module comment). */
    this.languages = knownLanguages ?? Object.freeze([]);
    /** @type {import('../pkg/depeche.js').Annotator|null} */
    this._annotator = null;
    this._lexiconKey = '';
    /** The instance `_annotator` belongs to. */
    this._generation = generation;
    /** @type {Worker|null} */
    this._worker = null;
    /** @type {Promise<readonly Language[]>|null} */
    this._workerLanguages = null;
    this._nextJob = 1;
  }

  /**
   * Annotates a text synchronously.
   * @param {string} text
   * @param {AnnotateOptions} [opts]
   * @returns {Result}
   */
  annotate(text, opts = {}) {
    checkText(text);
    const once = () => this._guard(() => {
      const annotator = this._annotatorFor(opts.lexicon ?? null);
      return annotator.annotate(text, { lang: opts.lang, dct: opts.dct || undefined });
    });
    try {
      return once();
    } catch (e) {
      // A language whose pack is not loaded yet: fetch it, load it, annotate again (a promise).
      const code = packMissing(e);
      if (!code || !packs) throw e;
      return packs.ensure(code).then(() => once());
    }
  }

  /**
   * Loads a language's pack into the core now (before a text in it appears); resolves when
   * loaded, rejects with an Error naming the language when it cannot be fetched or fits not.
   * @param {string} code
   * @returns {Promise<void>}
   */
  async loadPack(code) {
    if (!packs) throw new Error('the annotator is not loaded');
    await packs.ensure(code);
  }

  /**
   * True while the core has a gazetteer pack (core/gazetteer.js) that is not loaded: results
   * annotated now give no point to the towns only it knows.
   * @returns {boolean}
   */
  gazetteerMissing() {
    return hasGazetteer && !!packs && !packs.loaded().has(GAZETTEER);
  }

  /**
   * Loads the gazetteer pack (once per page, whoever asks): resolves true once it is loaded
   * (annotate again to give its towns their points), false when the core has none or it cannot
   * be fetched now (places keep the points they have; never an error for the page to show).
   * @returns {Promise<boolean>}
   */
  async loadGazetteer() {
    if (!hasGazetteer || !packs) return false;
    try {
      await packs.ensure(GAZETTEER);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Resolves when the engine is ready for calls: at once, or after a crash
   * once the fresh instance is up (and a spare copy for the next one).
   * @returns {Promise<void>}
   */
  whenReady() {
    return settling;
  }

  /**
   * Runs a call into the core; its errors become Errors with messages, and a
   * trap restarts the instance (module comment).
   * @template T
   * @param {() => T} f
   * @returns {T}
   */
  _guard(f) {
    if (broken) throw new Error(broken);
    try {
      return f();
    } catch (e) {
      if (!isTrap(e)) throw new Error(message(e));
      this._dropAnnotator();
      throw new Error(restart(e));
    }
  }

  /** Forgets the annotator without calling into a trapped instance. */
  _dropAnnotator() {
    const a = /** @type {any} */ (this._annotator);
    this._annotator = null;
    this._lexiconKey = '';
    try {
      a?.__destroy_into_raw?.(); // no finaliser will call the old instance later
    } catch {
      // nothing to do: the instance is gone either way
    }
  }

  /**
   * Annotates a text of any size without blocking the page for long: in a
   * worker when one can start, otherwise in pieces on the main thread.
   * @param {string} text
   * @param {AnnotateOptions} [opts]
   * @param {{onProgress?: (fraction: number) => void, signal?: AbortSignal}} [how]
   * @returns {Promise<Result>}
   */
  async annotateLarge(text, opts = {}, how = {}) {
    checkText(text);
    try {
      return await this._annotateLarge(text, opts, how);
    } catch (e) {
      const code = packMissing(e);
      if (!code || !packs) throw e;
      await packs.ensure(code); // then the worker is handed it with the text
      return this._annotateLarge(text, opts, how);
    }
  }

  /**
   * @param {string} text
   * @param {AnnotateOptions} opts
   * @param {{onProgress?: (fraction: number) => void, signal?: AbortSignal}} how
   * @returns {Promise<Result>}
   */
  async _annotateLarge(text, opts, how) {
    const worker = this._workerOrNull();
    if (!worker) {
      return annotateInChunks(text, opts, (t, o) => this.annotate(t, o), {
        onProgress: how.onProgress,
        signal: how.signal,
        between: () => new Promise((r) => setTimeout(r, 0)),
      });
    }
    const id = this._nextJob++;
    /** @type {any[][]} */
    const parts = []; // the spans of each piece, as the worker sends them
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        // A worker busy with a cancelled job is replaced, not waited for.
        cleanup();
        worker.terminate();
        if (this._worker === worker) this._worker = null;
        reject(new DOMException('annotation cancelled', 'AbortError'));
      };
      /** @param {MessageEvent} ev */
      const onMessage = (ev) => {
        const m = ev.data;
        if (!m || m.id !== id) return;
        if (m.type === 'progress') {
          if (m.spans?.length) parts.push(m.spans);
          how.onProgress?.(m.fraction);
        } else if (m.type === 'done') {
          cleanup();
          const result = m.result;
          if (parts.length) result.spans = result.spans.length ? [...parts.flat(), ...result.spans] : parts.flat();
          resolve(result);
        } else if (m.type === 'error') {
          cleanup();
          if (m.crashed) {
            // The worker's instance trapped: a new worker starts afresh.
            worker.terminate();
            if (this._worker === worker) this._worker = null;
            reject(new Error(`the annotator crashed (${m.message}) and was restarted; try again`));
          } else {
            reject(new Error(m.message));
          }
        }
      };
      /** @param {ErrorEvent} ev */
      const onError = (ev) => {
        cleanup();
        worker.terminate();
        if (this._worker === worker) this._worker = null;
        reject(new Error(`the annotation worker failed: ${ev.message || 'unknown error'}`));
      };
      const cleanup = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        how.signal?.removeEventListener('abort', onAbort);
      };
      if (how.signal?.aborted) return onAbort();
      how.signal?.addEventListener('abort', onAbort);
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({
        id,
        type: 'annotate',
        wasmUrl: this.wasmUrl,
        text,
        opts: { lang: opts.lang, dct: opts.dct || undefined, lexicon: opts.lexicon ?? null },
        packs: [...(packs?.loaded().values() ?? [])],
      });
    });
  }

  /**
   * Every reading of a name in the built-in gazetteers, most prominent first
   * (for "which Tripoli?"): `[{kind, value, place_kind?, population?, country_name?}]`.
   * @param {string} name
   * @param {string} [lang] the language country names are given in (a code of `languages`)
   * @returns {{kind: 'place'|'actor', value: any, place_kind?: string, population?: number, country_name?: string}[]}
   */
  senses(name, lang) {
    if (typeof name !== 'string') throw new TypeError('the name must be a string');
    return this._guard(() => core.senses(name, lang));
  }

  /**
   * The languages as the worker's core lists them (the same registry as `languages`, asked of
   * the instance that annotates big texts), asked once; the main thread's list where no worker
   * can start.
   * @returns {Promise<readonly Language[]>}
   */
  workerLanguages() {
    if (!this._workerLanguages) {
      this._workerLanguages = this._askWorkerLanguages();
      this._workerLanguages.catch(() => { this._workerLanguages = null; }); // asked again next time
    }
    return this._workerLanguages;
  }

  /** @returns {Promise<readonly Language[]>} */
  async _askWorkerLanguages() {
    const worker = this._workerOrNull();
    if (!worker) return this.languages;
    const id = this._nextJob++;
    return new Promise((resolve, reject) => {
      /** @param {MessageEvent} ev */
      const onMessage = (ev) => {
        const m = ev.data;
        if (!m || m.id !== id) return;
        cleanup();
        if (m.type === 'languages') resolve(Object.freeze(m.languages));
        else reject(new Error(m.message ?? 'the annotation worker gave no languages'));
      };
      /** @param {ErrorEvent} ev */
      const onError = (ev) => {
        cleanup();
        worker.terminate();
        if (this._worker === worker) this._worker = null;
        reject(new Error(`the annotation worker failed: ${ev.message || 'unknown error'}`));
      };
      const cleanup = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.postMessage({ id, type: 'languages', wasmUrl: this.wasmUrl });
    });
  }

  /** Stops the worker, if any. */
  dispose() {
    this._worker?.terminate();
    this._worker = null;
    if (this._generation === generation) this._annotator?.free();
    else this._dropAnnotator();
    this._annotator = null;
  }

  /**
   * The annotator for this lexicon, made again when the lexicon or the
   * instance changed. Called inside _guard.
   * @param {LexiconData|null} lexicon
   */
  _annotatorFor(lexicon) {
    if (this._generation !== generation) {
      this._dropAnnotator();
      this._generation = generation;
    }
    const key = lexicon ? JSON.stringify(lexicon) : '';
    if (!this._annotator || key !== this._lexiconKey) {
      const next = new core.Annotator(lexicon ?? undefined);
      this._annotator?.free();
      this._annotator = next;
      this._lexiconKey = key;
    }
    return this._annotator;
  }

  _workerOrNull() {
    if (this._worker) return this._worker;
    if (typeof Worker === 'undefined' || !this.wasmUrl) return null;
    try {
      // a TrustedScriptURL where the page requires Trusted Types (trusted-types.js)
      this._worker = new Worker(scriptURL(new URL('./worker.js', import.meta.url)), { type: 'module' });
    } catch {
      return null;
    }
    return this._worker;
  }
}

/** @param {unknown} text */
function checkText(text) {
  if (typeof text !== 'string') throw new TypeError('the text to annotate must be a string');
  if (text.length > MAX_TEXT) {
    throw new RangeError(
      `this text is ${(text.length / 1048576).toFixed(1)} M characters; depeche annotates at most ${MAX_TEXT / 1048576} M at once`,
    );
  }
}

/** @param {unknown} e */
function message(e) {
  return e instanceof Error ? e.message : String(e);
}
