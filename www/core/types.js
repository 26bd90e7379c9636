// The shared vocabulary of the page's model, as JSDoc typedefs only (no runtime code), so that
// every module names the same shapes without a TypeScript compile step. Trade-off: the types are
// checked by editors and reviewers, not by a compiler; FORMAT.md stays the authority on spans,
// results and the lexicon. All offsets are Unicode CODE POINTS, `end` exclusive.

/** @typedef {'actor'|'place'|'date'} Kind */

/**
 * A language: the code of one of the core's languages (`languages()`, core/languages.js), or
 * `und` (none of them). A document's language may also be `auto` (detect it).
 * @typedef {string} Lang
 */

/**
 * A highlighted extent (FORMAT.md "A span").
 * @typedef {{start:number, end:number, kind:Kind, text:string, value?:any, source?:string}} Span
 */

/** @typedef {{start:number, end:number, place?:string, date?:string, agency?:string}} Dateline */

/**
 * What the core returns for one text (FORMAT.md "A result"). `error` is added by the session when
 * the engine threw (then `spans` is empty).
 * @typedef {{lang:Lang, dct:string|null, dateline:Dateline|null, spans:Span[], error?:string}} Result
 */

/**
 * What the editor decided, anchored by position AND by quote (W3C TextQuoteSelector: exact text
 * with up to 32 code points of context either side) so that it survives edits of the text.
 *   set:    this extent is a span of this kind (add, relabel, resize, value change); it wins over
 *           any automatic span it overlaps.
 *   reject: the automatic span with exactly this extent and kind is not wanted.
 * `accepted` (set only): the editor looked at an automatic span and kept it as it is (review state).
 * @typedef {{op:'set'|'reject', start:number, end:number, kind:Kind, value?:any, accepted?:boolean,
 *            exact:string, prefix:string, suffix:string}} Correction
 */

/**
 * One dispatch being edited. `dct: null` means: from the dateline / none. `orphans` are
 * corrections whose words are gone after an edit of the text (listed, never silently dropped).
 * `created` and `updated` are ISO datetimes.
 * @typedef {{id:string, title:string, text:string, lang:Lang|'auto', dct:string|null,
 *            corrections:Correction[], orphans:Correction[], created:string, updated:string}} Doc
 */

/**
 * The editor's lexicon (FORMAT.md). Extra keys the core ignores: `from` = id of the doc the entry
 * was learned from, `scope` = "global" or the id of the one dispatch it is kept to, `learned` =
 * ISO time; `local` = the entries kept to one dispatch (core/lexicon.js).
 * @typedef {{version:1, add:{text:string, kind:Kind, value?:any, from?:string, scope?:string, learned?:string}[],
 *            reject:{text:string, kind?:Kind, from?:string, scope?:string, learned?:string}[],
 *            local?:{type:'add'|'reject', text:string, kind?:Kind, value?:any, from?:string, scope:string, learned?:string}[]}} LexiconData
 */

/**
 * One row of the lexicon list in the UI; `index` is what Lexicon#remove / #update / #setScope take.
 * @typedef {{index:number, type:'add'|'reject', text:string, kind?:Kind, value?:any, from?:string,
 *            scope:string, learned?:string}} LexiconEntry
 */

/**
 * One entity of the side panel: the mentions that name the same thing.
 * @typedef {{kind:Kind, key:string, label:string, value?:any, mentions:Span[]}} Entity
 */

/**
 * What the session needs from the engine: the same contract as Engine#annotate. It may also return
 * a Promise of a Result (an annotation in a Web Worker); the session then shows no automatic spans
 * until it resolves and fires a 'change' event with reason 'annotated'.
 * @typedef {(text:string, opts:{lang?:string, dct?:string, lexicon?:LexiconData}) => Result|Promise<Result>} AnnotateFn
 */

export {};
