/* tslint:disable */
/* eslint-disable */

/**
 * An annotator holding a compiled editor's lexicon, for repeated calls.
 */
export class Annotator {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Annotates `text` with this annotator's lexicon; `options` as for
     * [`annotate`] (a `lexicon` there is ignored).
     */
    annotate(text: string, options: any): any;
    /**
     * `new Annotator(lexicon?)`; throws when the lexicon is invalid.
     */
    constructor(lexicon: any);
}

/**
 * Annotates `text` and returns FORMAT.md's result
 * `{lang, dct, dateline, spans}` (code point offsets).
 *
 * Throws an `Error` for a text that is not a string, bad options (unknown
 * language, a date that is not `YYYY-MM-DD`, an invalid lexicon).
 */
export function annotate(text: string, options: any): any;

/**
 * Checks an editor's lexicon; throws an `Error` saying what is wrong.
 */
export function checkLexicon(lexicon: any): void;

/**
 * The languages depeche knows, from the registry: `[{code, name, english,
 * values, pack}]` (`pack`: its data come from `pkg/packs/<code>.pack`), `name` in the language itself, `values` how the correction
 * chip says a date value in it (see `data/lang/<code>/values.json`). The
 * widget builds its language menus and value words from this list.
 */
export function languages(): any;

/**
 * Loads a language pack (the bytes of `pkg/packs/<code>.pack`) and returns
 * its language code. Throws an `Error` for a pack that is not one this core
 * was built with: truncated, damaged, another language, or another core
 * version (the message then starts with `PACK_VERSION`: fetch it again,
 * bypassing caches). Loading a pack already loaded does nothing.
 */
export function loadPack(bytes: any): string;

/**
 * The language packs this core reads: `[{code, loaded, bytes, preload}]` and
 * the core version they must be built for (`{version, packs}`). `preload`: a
 * core language's pack, which the core needs before any text (the page loads
 * it with the module); the others are fetched when a text in them appears.
 */
export function packs(): any;

/**
 * Every reading of `name` in the built-in gazetteers, most prominent first,
 * then the gazetteer pack's towns of that name when it is loaded:
 * `[{kind, value, place_kind?, population?, country_name?}]`. Country names
 * are given in `lang` (`fr` or `en`; English otherwise).
 */
export function senses(name: string, lang?: string | null): any;

/**
 * Installs the panic hook once, when the module is instantiated.
 */
export function start(): void;

/**
 * The crate's version, for the page's "about" line and cache names.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_annotator_free: (a: number, b: number) => void;
    readonly annotate: (a: any, b: any) => [number, number, number];
    readonly annotator_annotate: (a: number, b: any, c: any) => [number, number, number];
    readonly annotator_new: (a: any) => [number, number, number];
    readonly checkLexicon: (a: any) => [number, number];
    readonly languages: () => [number, number, number];
    readonly loadPack: (a: any) => [number, number, number, number];
    readonly packs: () => [number, number, number];
    readonly senses: (a: any, b: number) => [number, number, number];
    readonly start: () => void;
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
