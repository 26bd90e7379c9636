// The core for tests that use pkg/ directly: the module's bytes, and its packs read from disk.
// Every language's words are in a pack (src/packs.rs); the core languages' packs (`preload`)
// must be loaded before any text, as www/engine.js does in the page.
import { readFileSync } from 'node:fs';

const pkg = new URL('../../pkg/', import.meta.url);

/** The module's bytes. */
export const wasm = readFileSync(new URL('depeche_bg.wasm', pkg));

/**
 * A pack's bytes, as loadEngine's `readPack` wants them.
 * @param {string} code
 */
export const readPack = async (code) => new Uint8Array(readFileSync(new URL(`packs/${code}.pack`, pkg)));

/**
 * Instantiates the glue's module and loads the core languages' packs into it.
 * @param {{default: Function, packs: () => {packs: {code: string, preload: boolean}[]}, loadPack: (b: Uint8Array) => string}} glue
 */
export async function initCore(glue) {
  await glue.default({ module_or_path: wasm });
  for (const p of glue.packs().packs) if (p.preload) glue.loadPack(readFileSync(new URL(`packs/${p.code}.pack`, pkg)));
}
