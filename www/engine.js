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

import init, { Annotator, senses, version } from '../pkg/depeche.js';
import { annotateInChunks } from './core/chunks.js';

/** @typedef {import('./core/types.js').Result} Result */
/** @typedef {import('./core/types.js').LexiconData} LexiconData */
/** @typedef {{lang?: string, dct?: string|null, lexicon?: LexiconData|null}} AnnotateOptions */

/** Texts longer than this (UTF-16 code units) go to annotateLarge's worker. */
export const LARGE_TEXT = 256 * 1024;

/** The texts the core accepts at most (code units), a guard against pasting a whole archive. */
export const MAX_TEXT = 20 * 1024 * 1024;

/**
 * Loads the WebAssembly module (once; later calls reuse it).
 * @param {{wasmUrl?: string|URL, wasm?: BufferSource|WebAssembly.Module}} [opts]
 *   `wasmUrl`: where `depeche_bg.wasm` is (default: pkg/ next to www/); a CDN or
 *   a subpath works. `wasm`: the module's bytes, where there is nothing to
 *   fetch from (Node, tests); big pastes then annotate on the calling thread.
 * @returns {Promise<Engine>}
 */
export async function loadEngine(opts = {}) {
  const wasmUrl = String(opts.wasmUrl ?? new URL('../pkg/depeche_bg.wasm', import.meta.url));
  try {
    await init({ module_or_path: opts.wasm ?? wasmUrl });
  } catch (e) {
    throw new Error(`could not load the annotator (${opts.wasm ? 'given bytes' : wasmUrl}): ${message(e)}`);
  }
  return new Engine(opts.wasm ? null : wasmUrl);
}

export class Engine {
  /** @param {string|null} wasmUrl null when loaded from bytes: no worker then */
  constructor(wasmUrl) {
    this.wasmUrl = wasmUrl;
    /** The core's version. */
    this.version = version();
    /** @type {Annotator|null} */
    this._annotator = null;
    this._lexiconKey = '';
    /** @type {Worker|null} */
    this._worker = null;
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
    const annotator = this._annotatorFor(opts.lexicon ?? null);
    try {
      return annotator.annotate(text, { lang: opts.lang, dct: opts.dct || undefined });
    } catch (e) {
      throw new Error(message(e));
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
          reject(new Error(m.message));
        }
      };
      /** @param {ErrorEvent} ev */
      const onError = (ev) => {
        cleanup();
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
      });
    });
  }

  /**
   * Every reading of a name in the built-in gazetteers, most prominent first
   * (for "which Tripoli?"): `[{kind, value, place_kind?, population?, country_name?}]`.
   * @param {string} name
   * @param {string} [lang] the language country names are given in (fr or en)
   * @returns {{kind: 'place'|'actor', value: any, place_kind?: string, population?: number, country_name?: string}[]}
   */
  senses(name, lang) {
    if (typeof name !== 'string') throw new TypeError('the name must be a string');
    try {
      return senses(name, lang);
    } catch (e) {
      throw new Error(message(e));
    }
  }

  /** Stops the worker, if any. */
  dispose() {
    this._worker?.terminate();
    this._worker = null;
    this._annotator?.free();
    this._annotator = null;
  }

  /** @param {LexiconData|null} lexicon */
  _annotatorFor(lexicon) {
    const key = lexicon ? JSON.stringify(lexicon) : '';
    if (!this._annotator || key !== this._lexiconKey) {
      let next;
      try {
        next = new Annotator(lexicon ?? undefined);
      } catch (e) {
        throw new Error(message(e));
      }
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
      this._worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
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
