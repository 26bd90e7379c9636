// Declarations of the package's module API (`import { annotate } from 'depeche'`, www/index.js).
// Why hand-written: the code is plain ES modules with JSDoc and no compile step; these files are
// what a TypeScript CMS build sees. tests/js/pack.test.mjs type-checks a consumer against them.
// Offsets are Unicode code points, `end` exclusive (FORMAT.md).

/** The three kinds of highlight. */
export type Kind = 'actor' | 'place' | 'date';

/** An actor's value: `{canonical, type}`; more keys may be added. */
export interface ActorValue {
  canonical: string;
  type: 'person' | 'organisation' | 'armed_group' | 'government' | 'military' | 'media' | 'igo' | (string & {});
  [key: string]: unknown;
}

/** A place's value: the keys present when known. */
export interface PlaceValue {
  country?: string;
  lat?: number;
  lon?: number;
  ref?: string;
  [key: string]: unknown;
}

/** A highlighted extent (FORMAT.md "A span"). */
export interface Span {
  start: number;
  end: number;
  kind: Kind;
  /** Exactly the covered text. */
  text: string;
  /** Date: a TIMEX3 value (`2019-03-15`, `XXXX-WXX-2`); place: PlaceValue; actor: ActorValue. */
  value?: string | PlaceValue | ActorValue;
  /** How it was found: `rule`, `lexicon`, `user`, ... */
  source?: string;
}

export interface Dateline {
  start: number;
  end: number;
  place?: string;
  date?: string;
  agency?: string;
}

/**
 * A language: the code of one of the core's languages (`Engine#languages`, `languages()`), or
 * `und` for none of them.
 */
export type Lang = 'und' | (string & {});

/** One language the core knows (`Engine#languages`). */
export interface Language {
  /** Its code, what `annotate` takes as `lang`. */
  code: string;
  /** Its name in itself ("français"). */
  name: string;
  /** Its name in English ("French"). */
  english: string;
  /** How a date value is said in it (data/lang/<code>/values.json), for the correction chip. */
  values?: Record<string, unknown>;
  /** True when its words come in a language pack (`pkg/packs/<code>.pack`), fetched at its first text. */
  pack?: boolean;
}

/** What the core returns for one text (FORMAT.md "A result"). */
export interface Result {
  /** The language found (or given): a code of the core's languages, or `und`. */
  lang: Lang;
  /** The reference date used (given, else the dateline's), or null. */
  dct: string | null;
  dateline: Dateline | null;
  /** Sorted by start, never overlapping. */
  spans: Span[];
}

/** An editor's lexicon (FORMAT.md). `from`: the id of the document an entry was learned from. */
export interface LexiconData {
  version: 1;
  add: { text: string; kind: Kind; value?: Span['value']; from?: string }[];
  reject: { text: string; kind?: Kind; from?: string }[];
}

export interface AnnotateOptions {
  /** `auto` (default), `und`, or the code of one of the core's languages (`Engine#languages`). */
  lang?: 'auto' | Lang;
  /** The reference date, YYYY-MM-DD (default: the dateline's). */
  dct?: string | null;
  lexicon?: LexiconData | null;
}

export interface LoadOptions {
  /** Where `depeche_bg.wasm` is (default: `../pkg/depeche_bg.wasm` next to the module). */
  wasmUrl?: string | URL;
  /** The module's bytes or a compiled module, where there is nothing to fetch from. */
  wasm?: BufferSource | WebAssembly.Module;
  /** How to get a language pack (default: fetch `packs/<code>.pack` beside the .wasm; Node reads it from disk). */
  readPack?: (code: string, reload: boolean) => Promise<Uint8Array>;
}

/** A gazetteer reading of a name (`Engine#senses`). */
export interface Sense {
  kind: 'place' | 'actor';
  value: PlaceValue | ActorValue;
  place_kind?: string;
  population?: number;
  country_name?: string;
}

/** The loaded core. */
export declare class Engine {
  private constructor(wasmUrl: string | null);
  /** The core's version. */
  readonly version: string;
  /** Where the .wasm came from; null when loaded from bytes. */
  readonly wasmUrl: string | null;
  /** The languages the core knows, in its order (asked once, when the core is loaded). */
  readonly languages: readonly Language[];
  /**
   * Annotates synchronously; throws an Error with a message for bad options. A text in a language
   * whose pack is not loaded yet gives a promise: the pack is fetched (once), loaded, and the text
   * annotated; it rejects with an Error naming the language (`pack`: its code) when it cannot be.
   */
  annotate(text: string, opts?: AnnotateOptions): Result | Promise<Result>;
  /** Loads a language's pack now (before a text in it appears). */
  loadPack(code: string): Promise<void>;
  /** Annotates a text of any size without blocking the page for long (a Web Worker in a browser). */
  annotateLarge(
    text: string,
    opts?: AnnotateOptions,
    how?: { onProgress?: (fraction: number) => void; signal?: AbortSignal },
  ): Promise<Result>;
  /** The languages as the worker's core lists them (`languages` where no worker can start). */
  workerLanguages(): Promise<readonly Language[]>;
  /** Every reading of a name in the built-in gazetteers, most prominent first; country names in `lang`. */
  senses(name: string, lang?: Lang): Sense[];
  /** Stops the worker, if any. */
  dispose(): void;
}

/** Loads the WebAssembly core once (in Node: reads the .wasm from disk by default). */
export declare function loadEngine(opts?: LoadOptions): Promise<Engine>;

/** Annotates one text, loading the core on the first call. */
export declare function annotate(text: string, options?: AnnotateOptions & LoadOptions): Promise<Result>;

/** The languages the core knows (its registry), loading the core on the first call. */
export declare function languages(options?: LoadOptions): Promise<readonly Language[]>;

/** Texts longer than this (UTF-16 code units) are annotated in pieces / in a worker. */
export declare const LARGE_TEXT: number;
/** The longest text the core accepts (UTF-16 code units). */
export declare const MAX_TEXT: number;
