// Declarations of `depeche/element` (www/depeche-annotator.js): the <depeche-annotator> custom
// element. Importing the module defines the element (once; a second import is harmless).
// Offsets are Unicode code points, `end` exclusive (FORMAT.md).

import type { Span, Result, LexiconData, Kind } from './index.js';
export type { Span, Result, LexiconData, Kind } from './index.js';
export { loadEngine } from './index.js';

/** The export/import formats (the page's www/formats/index.js ids). */
export type FormatId = 'json' | 'w3c' | 'brat' | 'brat-zip' | 'conll' | 'csv' | 'html';

/** One file of a brat export. */
export interface ExportedFile {
  filename: string;
  text: string;
}

/**
 * What changed, in a `depeche-change` event: `type` is the cause (`text`, `annotated`, `lang`,
 * `dct`, `import`, `annotations`, `lexicon`, or the session's reason for an edit: `relabel`,
 * `add`, `remove`, ...); `added`/`removed` the spans that appeared or went; `before`/`after` when
 * exactly one span changed.
 */
export interface DepecheChange {
  type: string;
  added?: Span[];
  removed?: Span[];
  before?: Span;
  after?: Span;
}

export interface DepecheChangeDetail {
  /** The effective annotations after the change. */
  annotations: Span[];
  /** Why: `annotated`, `edit`, `undo`, `import`, ... */
  reason: string;
  change?: DepecheChange;
}

export interface DepecheReadyDetail {
  annotations: Span[];
}

export interface DepecheErrorDetail {
  message: string;
  error: unknown;
  /** Setting `annotations` (or importing) on an article edited since: the spans whose words are gone. */
  lost?: Span[];
}

/**
 * for= mode: where the host stands. `waiting`: nothing matches `for` yet (the editor is not built);
 * `found`: `host` is annotated now; `lost`: `host` left the page (its editor was destroyed, its
 * iframe reloaded); depeche waits for the next element that matches.
 */
export interface DepecheHostDetail {
  state: 'waiting' | 'found' | 'lost';
  host: Element | null;
  /** `waiting`: the id or selector looked for. */
  for?: string | null;
  /** `lost`: why. */
  reason?: string;
}

export interface DepecheAnnotatorEventMap extends HTMLElementEventMap {
  'depeche-ready': CustomEvent<DepecheReadyDetail>;
  'depeche-change': CustomEvent<DepecheChangeDetail>;
  'depeche-error': CustomEvent<DepecheErrorDetail>;
  'depeche-host': CustomEvent<DepecheHostDetail>;
}

/**
 * `<depeche-annotator>`: highlights actors, places and dates in a dispatch.
 *
 * Attributes: `lang` (auto, und, or a code of the core's `languages()`; anything else means
 * auto), `dct` (YYYY-MM-DD), `kinds` (comma list of actor, place, date), `readonly`, `for` (the id or a CSS selector of a host element to annotate in place; an
 * `<iframe>` of the same origin means its body), `wasm-url`,
 * `storage` (none|local), `panels` (none|full).
 */
export declare class DepecheAnnotator extends HTMLElement {
  /** The text; setting it annotates. */
  text: string;
  /**
   * The effective annotations; setting them replaces them, like an import. Spans whose words moved
   * (the article was edited since they were saved) are put back on them; the lost ones are
   * reported with a `depeche-error` (`detail.lost`).
   */
  annotations: Span[];
  /**
   * for= mode: the element annotated now (null while waiting). Set an Element (one inside a
   * same-origin iframe too, or the iframe itself for its body) to annotate it instead of what
   * `for` names; null goes back to `for`.
   */
  host: Element | null;
  /** The editor's lexicon (FORMAT.md). */
  lexicon: LexiconData;
  /** Resolves (with the element) when the engine is loaded and the text annotated. */
  readonly ready: Promise<DepecheAnnotator>;
  /** for= mode: the per-instance prefix of the highlight names (`<prefix>-actor`, ...), to style them. */
  readonly highlightPrefix: string;
  /** Re-annotates now. */
  annotate(): Promise<Result>;
  /** Exports the current document: a string, or for brat the `.txt` and `.ann` files. */
  export(format: 'brat'): ExportedFile[];
  /** brat as one .zip (.txt, .ann, annotation.conf with the reference date). */
  export(format: 'brat-zip'): Promise<{ filename: string; data: Uint8Array }>;
  export(format: Exclude<FormatId, 'brat' | 'brat-zip'>): string;
  export(format: FormatId): string | ExportedFile[];
  /** Imports a dispatch with its annotations (JSON, W3C JSON-LD or JSON Lines text or object; brat: `{txt, ann}`); resolves with the annotations. */
  import(data: string | object | { txt: string; ann: string; conf?: string }, format?: 'json' | 'w3c' | 'brat'): Promise<Span[]>;

  addEventListener<K extends keyof DepecheAnnotatorEventMap>(
    type: K,
    listener: (this: DepecheAnnotator, ev: DepecheAnnotatorEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof DepecheAnnotatorEventMap>(
    type: K,
    listener: (this: DepecheAnnotator, ev: DepecheAnnotatorEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'depeche-annotator': DepecheAnnotator;
  }
  // The events bubble and are composed: a listener on a container or the document sees them.
  interface GlobalEventHandlersEventMap {
    'depeche-ready': CustomEvent<DepecheReadyDetail>;
    'depeche-change': CustomEvent<DepecheChangeDetail>;
    'depeche-error': CustomEvent<DepecheErrorDetail>;
    'depeche-host': CustomEvent<DepecheHostDetail>;
  }
}
