// The package's entry (`import { annotate } from 'depeche'`): the WebAssembly core behind one
// function, for a CMS build, a Node script or a browser module.
//
// Why a separate entry: www/engine.js is the page's door to the core and fetches the .wasm by
// URL, which is what a browser wants; Node's fetch does not read file: URLs, so here, when the
// code runs under Node and no bytes or URL are given, the .wasm next to this module is read from
// disk. `annotate(text, options)` loads the engine on first use and reuses it; a failed load is
// not cached, so the next call tries again. A text in a language whose words come in a pack
// (pkg/packs/<code>.pack, core/packs.js) has it fetched, or under Node read, at its first text.
// So does the gazetteer pack (core/gazetteer.js) at the first text with a place: `annotate`
// answers as the command line does, small towns with their points (the page does not wait for
// it; this promise does).
//
// Trade-offs: the Node branch imports node:fs/promises dynamically, behind a check, with
// bundler-ignore comments, so browser builds neither run nor bundle it. The custom element is a
// separate entry (`depeche/element`) because it needs a DOM; this one does not.

import { loadEngine as loadPageEngine, Engine, LARGE_TEXT, MAX_TEXT } from './engine.js';

export { Engine, LARGE_TEXT, MAX_TEXT };

/** @typedef {import('./core/types.js').Result} Result */
/** @typedef {import('./core/types.js').LexiconData} LexiconData */
/** @typedef {{wasmUrl?: string|URL, wasm?: BufferSource|WebAssembly.Module, readPack?: (code: string, reload: boolean) => Promise<Uint8Array>}} LoadOptions */
/** @typedef {{lang?: string, dct?: string|null, lexicon?: LexiconData|null}} AnnotateOptions */

const WASM = new URL('../pkg/depeche_bg.wasm', import.meta.url);

const inNode = () =>
  typeof process !== 'undefined' && typeof process.versions?.node === 'string' && typeof window === 'undefined';

/**
 * Loads the WebAssembly core (once: later calls share the module). In a browser the .wasm is
 * fetched from `wasmUrl` (default: ../pkg/depeche_bg.wasm next to this module); under Node it is
 * read from disk unless `wasm` or `wasmUrl` says otherwise.
 * @param {LoadOptions} [opts]
 * @returns {Promise<Engine>}
 */
export async function loadEngine(opts = {}) {
  if (opts.wasm || opts.wasmUrl || !inNode()) return loadPageEngine(opts);
  const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises');
  let bytes;
  try {
    bytes = await fs.readFile(WASM);
  } catch (e) {
    throw new Error(`could not read the annotator's WebAssembly module at ${WASM.pathname}: ${e instanceof Error ? e.message : e}`);
  }
  // Language packs (pkg/packs/<code>.pack) are read from disk too, when a text needs one.
  const readPack = opts.readPack ?? (async (code) => new Uint8Array(await fs.readFile(new URL(`packs/${code}.pack`, WASM))));
  return loadPageEngine({ wasm: bytes, readPack });
}

/** @type {Promise<Engine>|null} */
let shared = null;

/**
 * Annotates one text; loads the engine on the first call. Texts above LARGE_TEXT code units
 * are annotated without blocking a page for long (Engine#annotateLarge).
 * @param {string} text
 * @param {AnnotateOptions & LoadOptions} [options] `lang` (`auto`, `und` or a code of languages()), `dct`
 *   (YYYY-MM-DD), `lexicon` (FORMAT.md); `wasmUrl`/`wasm` only matter on the first call.
 * @returns {Promise<Result>} FORMAT.md's result, offsets in code points
 */
export async function annotate(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('the text to annotate must be a string');
  if (options === null || typeof options !== 'object') throw new TypeError('the options must be an object');
  const { wasm, wasmUrl, ...opts } = options;
  const engine = await sharedEngine({ wasm, wasmUrl });
  // Big texts go to a Web Worker in a browser (in pieces on this thread elsewhere).
  const once = () => (text.length > LARGE_TEXT ? engine.annotateLarge(text, opts) : engine.annotate(text, opts));
  const result = await once();
  // A place, and the gazetteer not there yet: load it and answer with its points (only values
  // change). When it cannot be fetched, the result stands as it is.
  if (engine.gazetteerMissing() && result.spans.some((s) => s.kind === 'place') && await engine.loadGazetteer()) return once();
  return result;
}

/**
 * The languages the core knows, `[{code, name, english, values}]` (`name` in the language itself,
 * `code` what `annotate` takes as `lang`); loads the engine on the first call, as annotate does.
 * @param {LoadOptions} [options]
 * @returns {Promise<readonly import('./core/languages.js').Language[]>}
 */
export async function languages(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('the options must be an object');
  return (await sharedEngine({ wasm: options.wasm, wasmUrl: options.wasmUrl })).languages;
}

/** The engine annotate and languages share, loaded on first use; a failed load is tried again. @param {LoadOptions} opts */
function sharedEngine(opts) {
  if (!shared) {
    shared = loadEngine(opts);
    shared.catch(() => { shared = null; });
  }
  return shared;
}
