// Language packs: the words and names of a language the core lists but does not carry
// (`pack: true` in languages(); src/packs.rs), fetched from pkg/packs/<code>.pack the first time
// a text in that language appears, and loaded into the core (`loadPack`).
//
// Why here: the engine (engine.js) and the worker (worker.js) both load packs into their own
// instance of the core; this module knows how a pack is named, fetched and told apart, and keeps
// one fetch per language whoever asks (concurrent texts share it).
// How a failure looks: the core refuses a text whose pack is not loaded with an Error whose
// message starts `PACK_MISSING <code>:` (packMissing reads it). A pack built for another core
// (`PACK_VERSION`, or damaged) is fetched once more bypassing caches; still refused, or not
// fetched at all (offline and not cached by the service worker), the caller gets an Error naming
// the language, with `.pack` set to its code: the page shows it and the text stays as it is.

/** The prefix of the core's error for a text whose language's pack is not loaded. */
export const MISSING = 'PACK_MISSING';

/**
 * The code of the pack an error asks for, or null.
 * @param {unknown} e an Error or its message
 * @returns {string|null}
 */
export function packMissing(e) {
  const m = typeof e === 'string' ? e : e instanceof Error ? e.message : '';
  const hit = /^PACK_MISSING ([a-z]{2,3}):/.exec(m);
  return hit ? hit[1] : null;
}

/**
 * The URL of a language's pack: pkg/packs/<code>.pack beside the module's .wasm.
 * @param {string} code
 * @param {string|URL} wasmUrl
 */
export function packUrl(code, wasmUrl) {
  return new URL(`packs/${code}.pack`, wasmUrl);
}

/**
 * Fetches a pack's bytes; `reload` bypasses the HTTP cache and the service worker's copy.
 * @param {string|URL} url
 * @param {boolean} [reload]
 * @returns {Promise<Uint8Array>}
 */
export async function fetchPack(url, reload = false) {
  const res = await fetch(url, reload ? { cache: 'reload' } : {});
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * A loader of packs into a core, one fetch per language.
 * @param {{read: (code: string, reload: boolean) => Promise<Uint8Array>, load: (bytes: Uint8Array) => unknown,
 *   name?: (code: string) => string}} how
 *   `read` fetches a pack (reload: bypassing caches), `load` hands it to the core (throws when
 *   refused), `name` says a language's name for messages.
 */
export function createPackLoader(how) {
  /** @type {Map<string, Promise<Uint8Array>>} */
  const pending = new Map();
  /** The bytes of every pack loaded, to load again into a fresh instance. */
  /** @type {Map<string, Uint8Array>} */
  const loaded = new Map();
  const name = (code) => how.name?.(code) || code;

  /** @param {string} code */
  async function fetchAndLoad(code) {
    let bytes;
    try {
      bytes = await how.read(code, false);
    } catch (e) {
      throw packError(code, `The ${name(code)} language pack could not be fetched (${message(e)}). ` +
        'Your text is kept; it is annotated once the pack can be fetched (go online and try again).');
    }
    try {
      how.load(bytes);
    } catch {
      // Another core's pack (a cache kept an old one), or damaged on the way: once more, fresh.
      try {
        bytes = await how.read(code, true);
        how.load(bytes);
      } catch (e) {
        throw packError(code, `The ${name(code)} language pack does not fit this version of depeche ` +
          `(${message(e)}). Your text is kept; reload the page to update depeche.`);
      }
    }
    loaded.set(code, bytes);
    return bytes;
  }

  return {
    /**
     * Loads a language's pack (once; concurrent calls share the fetch). Rejects with an Error
     * naming the language (`.pack` = code) when it cannot.
     * @param {string} code
     * @returns {Promise<Uint8Array>}
     */
    ensure(code) {
      let p = pending.get(code);
      if (!p) {
        p = fetchAndLoad(code);
        pending.set(code, p);
        p.catch(() => pending.delete(code)); // a later text tries again
      }
      return p;
    },
    /** The bytes of the packs loaded so far, by code. */
    loaded: () => loaded,
    /**
     * Loads every pack loaded so far into another instance (a fresh one after a crash).
     * @param {(bytes: Uint8Array) => unknown} load
     */
    reloadInto(load) {
      for (const bytes of loaded.values()) load(bytes);
    },
  };
}

/** @param {string} code @param {string} text */
function packError(code, text) {
  const e = new Error(text);
  /** @type {any} */ (e).pack = code;
  return e;
}

/** @param {unknown} e */
function message(e) {
  return e instanceof Error ? e.message : String(e);
}
