// The store: the single source of truth of the editor page for one dispatch (recogito's store with
// an undo stack on top). It holds the doc (text, language, reference date, the editor's
// corrections) and the lexicon, and derives everything else: the automatic layer (what the engine
// finds, annotated with the lexicon minus what was learned in this same doc) and the effective
// spans (corrections applied over it). Renderers draw `spans`; nothing else is stored anywhere.
// Trade-offs:
// - Corrections, not spans, are the state: an edit of the text or a lexicon change re-runs the
//   engine, and the editor's decisions are re-applied on top, re-anchored by quote (anchor.js).
// - Every state is an immutable {doc, lexicon} pair, so undo/redo are pointer swaps (capped at
//   200 steps), and one user action (even "apply to all") is one step.
// - A host whose text has an undo of its own (a CMS editor, `textHistory: false`) keeps text out
//   of this history: a text change is no step, and undo/redo bring back the corrections of a
//   step re-anchored onto the text as it is now.
// - The automatic layer is cached by what it depends on (text, lang, dct, lexicon key), a few
//   entries deep, so corrections and undo never re-run the engine.
// - Effective spans are a sorted sweep over two sorted lists: O(n + m log m), no quadratic loops.

import { Lexicon, KINDS, foldName } from './lexicon.js';
import { quoteOf, reanchor, findQuote } from './anchor.js';
import { cpIndex } from './offsets.js';
import { isWholeWordU16 } from './words.js';
import { isDocLang, docLangList, UND } from './languages.js';

/** @typedef {import('./types.js').Kind} Kind */
/** @typedef {import('./types.js').Span} Span */
/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').Doc} Doc */
/** @typedef {import('./types.js').Correction} Correction */
/** @typedef {import('./types.js').Entity} Entity */
/** @typedef {import('./types.js').AnnotateFn} AnnotateFn */

export const UNDO_LIMIT = 200;
const CACHE_SIZE = 4;
const KIND_ORDER = { actor: 0, place: 1, date: 2 };

function newId() {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `doc-${c.randomUUID()}`;
  return `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** JSON with sorted keys: equal values give equal strings. */
function stable(v) {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  return `{${Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable(v[k])}`).join(',')}}`;
}

/** @param {unknown} dct @param {string} where */
function checkDct(dct, where) {
  if (dct === null || dct === undefined || dct === '') return null;
  if (typeof dct !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dct)) {
    throw new Error(`${where}: the reference date must be YYYY-MM-DD or null, got ${JSON.stringify(dct)}`);
  }
  const d = new Date(`${dct}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== dct) {
    throw new Error(`${where}: ${dct} is not a real date`);
  }
  return dct;
}

/** A document's language: `auto`, `und` or one the core lists (core/languages.js). @param {unknown} lang @param {string} where */
function checkLang(lang, where) {
  const l = lang ?? 'auto';
  if (!isDocLang(l)) throw new Error(`${where}: language must be one of ${docLangList()}, got ${JSON.stringify(lang)}`);
  return /** @type {Doc['lang']} */ (l);
}

/** @param {unknown} kind @param {string} where @returns {Kind} */
function checkKind(kind, where) {
  if (!KINDS.includes(/** @type {any} */ (kind))) throw new Error(`${where}: kind must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  return /** @type {Kind} */ (kind);
}

/** @param {Kind} kind @param {unknown} value @param {string} where */
function checkValue(kind, value, where) {
  if (value === undefined || value === null) return undefined;
  if (kind === 'date') {
    if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: a date's value must be a TIMEX3 string such as "2017-11-03", got ${JSON.stringify(value)}`);
  } else if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${where}: ${kind === 'place' ? 'a place' : 'an actor'}'s value must be an object, got ${JSON.stringify(value)}`);
  }
  return value;
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const extentKey = (s) => `${s.start}:${s.end}:${s.kind}`;

/** `lang`: the document's language, undefined for auto. @param {string|undefined} lang @param {string|null} dct @param {string} [error] @returns {Result} */
function emptyResult(lang, dct, error) {
  /** @type {Result} */
  const r = { lang: lang ?? UND, dct: dct ?? null, dateline: null, spans: [] };
  if (error) r.error = error;
  return r;
}

/** @param {any} r @returns {Result} */
function checkResult(r) {
  if (!r || typeof r !== 'object' || !Array.isArray(r.spans)) throw new Error('the engine returned no spans');
  return r;
}

/** Do two results have the same spans, with the same values? @param {Result} a @param {Result} b */
function sameSpans(a, b) {
  if (a.spans.length !== b.spans.length || a.error !== b.error) return false;
  return a.spans.every((x, i) => {
    const y = b.spans[i];
    return x.start === y.start && x.end === y.end && x.kind === y.kind && JSON.stringify(x.value) === JSON.stringify(y.value);
  });
}

export class Session extends EventTarget {
  /** @type {AnnotateFn} */ #annotate;
  /** @type {() => string} */ #now;
  /** @type {Doc} */ #doc;
  /** @type {Lexicon} */ #lexicon;
  /** @type {{doc:Doc, lexicon:Lexicon}[]} */ #past = [];
  /** @type {{doc:Doc, lexicon:Lexicon}[]} */ #future = [];
  /** @type {{text:string, lang:any, dct:any, lexKey:string, result:Result, pending:boolean}[]} */ #cache = [];
  /** @type {{doc:Doc, result:Result, spans:Span[], userAt:Map<string, Correction>} | null} */ #view = null;
  /** @type {{doc:Doc, spans:Span[]} | null} */ #pendingImport = null;
  /** Is a text change an undoable step? (false: the host's editor undoes text itself) */ #textHistory = true;
  /** Does the engine know this name as this kind already (its gazetteers)? @type {(text:string, kind:Kind, lang:string) => boolean} */ #knows = () => false;

  /**
   * @param {{annotate: AnnotateFn, lexicon?: Lexicon, now?: () => string, textHistory?: boolean,
   *          knows?: (text:string, kind:Kind, lang:string) => boolean}} deps
   *   `knows`: does the engine know this name as this kind already (engine.senses)? What the
   *   editor teaches about such a name is kept to the dispatch (see #learn).
   *   `now` gives the ISO datetime for created/updated (tests pin it).
   *   `textHistory: false`: text changes are not undo steps (the host undoes text itself); undo
   *   and redo then restore corrections only, re-anchored onto the current text.
   */
  constructor(deps) {
    super();
    if (!deps || typeof deps.annotate !== 'function') throw new TypeError('Session: deps.annotate must be a function (text, opts) => Result');
    if (deps.lexicon !== undefined && !(deps.lexicon instanceof Lexicon)) throw new TypeError('Session: deps.lexicon must be a Lexicon');
    this.#annotate = deps.annotate;
    this.#now = deps.now ?? (() => new Date().toISOString());
    this.#lexicon = deps.lexicon ?? new Lexicon();
    if (deps.textHistory === false) this.#textHistory = false;
    if (typeof deps.knows === 'function') this.#knows = deps.knows;
    const t = this.#now();
    this.#doc = Object.freeze({ id: newId(), title: '', text: '', lang: 'auto', dct: null, corrections: Object.freeze([]), orphans: Object.freeze([]), created: t, updated: t });
  }

  // ---------------------------------------------------------------- reading

  /** The current doc (an immutable snapshot; a new object after each change). @returns {Doc} */
  get doc() { return this.#doc; }

  /** @returns {Lexicon} */
  get lexicon() { return this.#lexicon; }

  /** The automatic layer: what the engine found (lang, dct, dateline, spans). @returns {Result} */
  get result() { return this.#automatic().result; }

  /** True while an asynchronous annotate call for the current text is running. */
  get pending() { return this.#automatic().pending; }

  /** The effective spans: corrections over the automatic layer, sorted, never overlapping. @returns {Span[]} */
  get spans() { return this.#state().spans; }

  get canUndo() { return this.#past.length > 0; }
  get canRedo() { return this.#future.length > 0; }

  /**
   * The span at exactly `[start, end)`, or undefined.
   * @param {number} start @param {number} end
   */
  spanAt(start, end) {
    const spans = this.spans;
    const i = this.#indexAt(spans, start);
    const s = spans[i];
    return s && s.start === start && s.end === end ? s : undefined;
  }

  /**
   * Was the span at `[start, end)` made by the editor (a 'set' correction) rather than the engine?
   * @param {number} start @param {number} end
   */
  isUserSpan(start, end) {
    return this.#state().userAt.has(`${start}:${end}`);
  }

  /**
   * Entities for the side panel: mentions grouped (actor by value.canonical, else folded text;
   * place by value.ref, else folded text; date by value, else text), sorted by kind then by first
   * mention. `label`: the canonical name, the ISO value, or the most frequent mention text.
   * @returns {Entity[]}
   */
  entities() {
    // One map per way of grouping (no key string built per span) and folded names cached per
    // text: a 5 MB paste has a hundred thousand mentions of a few thousand names.
    /** @typedef {{kind:Kind, key:string, value:any, named:boolean, mentions:Span[]}} Group */
    /** @type {Record<string, Map<string, Group>>} */
    const by = Object.create(null);
    /** @type {Group[]} */
    const groups = []; // in order of first mention
    /** @type {Map<string, string>} */
    const folded = new Map();
    for (const s of this.spans) {
      const v = s.value;
      let how, sub, named = false;
      if (s.kind === 'actor' && v && typeof v.canonical === 'string' && v.canonical) { how = 'actor:canonical'; sub = v.canonical; named = true; }
      else if (s.kind === 'place' && v && typeof v.ref === 'string' && v.ref) { how = 'place:ref'; sub = v.ref; }
      else if (s.kind === 'date' && typeof v === 'string' && v) { how = 'date:value'; sub = v; named = true; }
      else {
        how = `${s.kind}:text`;
        if (s.kind === 'date') sub = s.text;
        else {
          sub = folded.get(s.text);
          if (sub === undefined) { sub = foldName(s.text); folded.set(s.text, sub); }
        }
      }
      const map = (by[how] ??= new Map());
      let g = map.get(sub);
      if (!g) {
        g = { kind: s.kind, key: `${how}:${sub}`, value: undefined, named, mentions: [] };
        map.set(sub, g);
        groups.push(g);
      }
      if (g.value === undefined && v !== undefined) g.value = v;
      g.mentions.push(s);
    }
    const out = [];
    for (const g of groups) {
      let label;
      if (g.named) label = g.kind === 'actor' ? g.value.canonical : g.value;
      else {
        const counts = new Map();
        let best = g.mentions[0].text, bestN = 0;
        for (const m of g.mentions) {
          const n = (counts.get(m.text) ?? 0) + 1;
          counts.set(m.text, n);
          if (n > bestN) { best = m.text; bestN = n; }
        }
        label = best;
      }
      /** @type {Entity} */
      const e = { kind: g.kind, key: g.key, label, mentions: g.mentions };
      if (g.value !== undefined) e.value = g.value;
      out.push(e);
    }
    // groups were created in order of first mention; a stable sort by kind keeps that order
    return out.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  }

  // ---------------------------------------------------------------- loading

  /**
   * Replaces the current doc, clears the undo history and annotates. With `exactSpans` (an
   * import), computes corrections so that `spans` equals exactly those spans.
   * @param {Partial<Doc> & {text:string}} doc
   * @param {Span[]} [exactSpans]
   * @param {string} [reason] the 'change' event's reason: 'load', or 'text' for a paste that
   *   starts a new dispatch (the page's paste over the whole text: a new text, no undo step)
   */
  load(doc, exactSpans, reason = 'load') {
    const clean = this.#cleanDoc(doc);
    let corrections = clean.corrections;
    let orphans = clean.orphans;
    let sorted = null;
    if (exactSpans !== undefined) {
      sorted = this.#checkSpans(clean.text, exactSpans);
      corrections = [];
    }
    this.#doc = Object.freeze({ ...clean, corrections: Object.freeze(corrections), orphans: Object.freeze(orphans) });
    this.#past = [];
    this.#future = [];
    this.#pendingImport = null;
    if (sorted) {
      const entry = this.#automatic();
      if (entry.pending) {
        // no automatic layer yet: every span is the editor's for now; rejects come when it arrives
        this.#doc = Object.freeze({ ...this.#doc, corrections: Object.freeze(sorted.map((s) => this.#corr('set', s.start, s.end, s.kind, s.value))) });
        this.#pendingImport = { doc: this.#doc, spans: sorted };
      } else {
        this.#doc = Object.freeze({ ...this.#doc, corrections: Object.freeze(this.#importCorrections(sorted, entry.result)) });
      }
    }
    this.#emit(reason);
  }

  // ---------------------------------------------------------------- changing

  /** Replaces the text; corrections follow their words, those whose words are gone become orphans. @param {string} text */
  setText(text) {
    if (typeof text !== 'string') throw new TypeError(`setText: text must be a string, got ${typeof text}`);
    if (text === this.#doc.text) return;
    const moved = this.#moveTo(this.#doc, text);
    if (this.#textHistory) { this.#commit('text', { text, ...moved }); return; }
    this.#doc = Object.freeze({ ...this.#doc, text, corrections: Object.freeze(moved.corrections), orphans: Object.freeze(moved.orphans), updated: this.#now() });
    this.#emit('text');
  }

  /**
   * The corrections of `doc` re-anchored onto `text`: those whose words are gone become orphans,
   * and of two 'set' corrections that now overlap the later one wins.
   * @param {Doc} doc @param {string} text @returns {{corrections: Correction[], orphans: Correction[]}}
   */
  #moveTo(doc, text) {
    if (doc.corrections.length === 0) return { corrections: [], orphans: [...doc.orphans] }; // typing: no text to compare
    const places = reanchor(doc.text, text, doc.corrections);
    /** @type {{c:Correction, order:number}[]} */
    const kept = [];
    const orphans = [...doc.orphans];
    doc.corrections.forEach((c, i) => {
      const r = places[i];
      if (!r) { orphans.push(c); return; }
      kept.push({ c: this.#requote(c, text, r), order: i });
    });
    const sets = kept.filter((k) => k.c.op === 'set').sort((a, b) => a.c.start - b.c.start || a.order - b.order);
    const dropped = new Set();
    let last = null;
    for (const k of sets) {
      if (last && k.c.start < last.c.end) {
        if (k.order > last.order) { dropped.add(last); last = k; } else dropped.add(k);
      } else if (!last || k.c.end > last.c.end) last = k;
    }
    const corrections = [];
    for (const k of kept) (dropped.has(k) ? orphans : corrections).push(k.c);
    return { corrections, orphans };
  }

  /** @param {Doc['lang']} lang `auto`, `und` or a code of the core's languages() */
  setLang(lang) {
    const l = checkLang(lang, 'setLang');
    if (l !== this.#doc.lang) this.#commit('lang', { lang: l });
  }

  /** @param {string|null} dct YYYY-MM-DD, or null for "from the dateline / none" */
  setDct(dct) {
    const d = checkDct(dct, 'setDct');
    if (d !== this.#doc.dct) this.#commit('dct', { dct: d });
  }

  /** @param {string} title */
  setTitle(title) {
    if (typeof title !== 'string') throw new TypeError('setTitle: title must be a string');
    if (title !== this.#doc.title) this.#commit('title', { title });
  }

  /**
   * Replaces the lexicon (edited, imported or cleared in the lexicon dialog); one undoable step.
   * @param {Lexicon} lexicon
   */
  setLexicon(lexicon) {
    if (!(lexicon instanceof Lexicon)) throw new TypeError('setLexicon: expected a Lexicon');
    if (lexicon !== this.#lexicon) this.#commit('lexicon', {}, lexicon);
  }

  /**
   * Adds a span (the editor's); it replaces the editor's spans it overlaps and hides automatic
   * ones. Learns the name into the lexicon.
   * @param {number} start code points
   * @param {number} end code points
   * @param {Kind} kind
   * @param {any} [value]
   */
  add(start, end, kind, value) {
    this.#checkExtent(start, end, 'add');
    this.#checkWords(start, end, 'add');
    checkKind(kind, 'add');
    const v = checkValue(kind, value, 'add');
    const c = this.#corr('set', start, end, kind, v);
    this.#commit('add', { corrections: this.#placeSet([...this.#doc.corrections], c) },
      this.#learn(this.#lexicon, c.exact, kind, v));
  }

  /**
   * Changes the kind of the span at exactly `[start, end)`. Values are kind-specific: the old one
   * goes; `value` (optional) is the new kind's, e.g. the gazetteer's reading of the name.
   * @param {number} start @param {number} end @param {Kind} kind @param {any} [value]
   */
  relabel(start, end, kind, value) {
    checkKind(kind, 'relabel');
    const span = this.#mustSpan(start, end, 'relabel');
    if (span.kind === kind) return;
    const v = checkValue(kind, value, 'relabel');
    const c = this.#corr('set', start, end, kind, v);
    this.#commit('relabel', { corrections: this.#placeSet([...this.#doc.corrections], c) },
      this.#learn(this.#lexicon, span.text, kind, v));
  }

  /**
   * Sets the value of every mention of the entity the span at `[start, end)` belongs to (the
   * entity panel's grouping, see entities()), in one undo step: an actor's canonical name fixed
   * on one mention is fixed on all of them. Dates are grouped by value, and two dates with the
   * same wrong value are not the same date: a date's value goes to the mentions with the same
   * words only ("jeudi" twice).
   * @param {number} start @param {number} end @param {any} value
   * @returns {number} how many mentions changed
   */
  setEntityValue(start, end, value) {
    const span = this.#mustSpan(start, end, 'setEntityValue');
    const v = checkValue(span.kind, value, 'setEntityValue');
    const ent = this.entities().find((e) => e.kind === span.kind && e.mentions.some((m) => m.start === start && m.end === end));
    let corrections = [...this.#doc.corrections];
    let lexicon = this.#lexicon;
    let n = 0;
    const learned = new Set();
    for (const m of ent ? ent.mentions : [span]) {
      if (stable(v) === stable(m.value)) continue;
      if (span.kind === 'date' && m.text !== span.text) continue;
      corrections = this.#placeSet(corrections, this.#corr('set', m.start, m.end, m.kind, v));
      if (span.kind !== 'date' && !learned.has(m.text)) { learned.add(m.text); lexicon = this.#learn(lexicon, m.text, m.kind, v); }
      n++;
    }
    if (n) this.#commit('value', { corrections }, lexicon);
    return n;
  }

  /**
   * The review state of the span at `[start, end)`: 'automatic' (as the engine found it, not yet
   * looked at), 'accepted' (looked at and kept as it is) or 'corrected' (the editor's).
   * @param {number} start @param {number} end @returns {'automatic'|'accepted'|'corrected'}
   */
  reviewState(start, end) {
    const c = this.#state().userAt.get(`${start}:${end}`);
    return c ? (c.accepted ? 'accepted' : 'corrected') : 'automatic';
  }

  /** How many effective spans are still automatic (neither accepted nor corrected). */
  get unreviewed() {
    const { spans, userAt } = this.#state();
    let n = 0;
    for (const s of spans) if (!userAt.has(`${s.start}:${s.end}`)) n++;
    return n;
  }

  /**
   * Accepts the automatic span at `[start, end)` as it is (a 'set' correction with the same kind
   * and value, marked `accepted`; it teaches the lexicon nothing); on an accepted span, takes the
   * acceptance back. One undo step. A corrected span is reviewed already: nothing changes.
   * @param {number} start @param {number} end
   * @returns {'accepted'|'automatic'|'corrected'} the span's state afterwards
   */
  accept(start, end) {
    const span = this.#mustSpan(start, end, 'accept');
    const user = this.#state().userAt.get(`${start}:${end}`);
    if (user && !user.accepted) return 'corrected';
    if (user) {
      this.#commit('accept', { corrections: this.#doc.corrections.filter((c) => c !== user) });
      return 'automatic';
    }
    const c = Object.freeze({ ...this.#corr('set', start, end, span.kind, span.value), accepted: true });
    this.#commit('accept', { corrections: this.#placeSet([...this.#doc.corrections], c) });
    return 'accepted';
  }

  /**
   * Deletes the span at exactly `[start, end)`. An automatic span gets a 'reject', and the lexicon
   * records it as rejected in this dispatch only (not a global reject: removeAll and
   * rejectEverywhere are that); the editor's own span is dropped (and the add it taught the lexicon in
   * this doc forgotten), and automatic spans it hid stay hidden.
   * @param {number} start @param {number} end
   */
  remove(start, end) {
    const span = this.#mustSpan(start, end, 'remove');
    const { corrections, lexicon } = this.#removeAt(span, [...this.#doc.corrections], this.#lexicon);
    this.#commit('remove', { corrections }, lexicon);
  }

  /**
   * Moves the ends of the span at `[start, end)` to `[newStart, newEnd)`, same kind and value.
   * @param {number} start @param {number} end @param {number} newStart @param {number} newEnd
   */
  resize(start, end, newStart, newEnd) {
    const span = this.#mustSpan(start, end, 'resize');
    this.#checkExtent(newStart, newEnd, 'resize');
    this.#checkWords(newStart, newEnd, 'resize');
    if (newStart === start && newEnd === end) return;
    let corrections = [...this.#doc.corrections];
    let lexicon = this.#lexicon;
    const user = this.#state().userAt.get(`${start}:${end}`);
    const moved = { start: newStart, end: newEnd };
    if (user) {
      corrections = corrections.filter((c) => c !== user);
      if (!user.accepted) lexicon = lexicon.unlearnAdd(span.text, span.kind, this.#doc.id);
    } else if (!overlaps(span, moved)) {
      corrections.push(this.#corr('reject', start, end, span.kind, undefined));
    }
    const c = this.#corr('set', newStart, newEnd, span.kind, span.value);
    this.#commit('resize', { corrections: this.#placeSet(corrections, c) }, this.#learn(lexicon, c.exact, span.kind, span.value));
  }

  /**
   * Corrects the value of the span at `[start, end)`: a date's TIMEX3 string, a place's or an
   * actor's object; null/undefined removes it.
   * @param {number} start @param {number} end @param {any} value
   */
  setValue(start, end, value) {
    const span = this.#mustSpan(start, end, 'setValue');
    const v = checkValue(span.kind, value, 'setValue');
    if (stable(v) === stable(span.value)) return;
    const c = this.#corr('set', start, end, span.kind, v);
    this.#commit('value', { corrections: this.#placeSet([...this.#doc.corrections], c) },
      span.kind === 'date' ? this.#lexicon : this.#learn(this.#lexicon, span.text, span.kind, v));
  }

  /**
   * Gives every other whole-word occurrence of the text of the span at `[start, end)` the same
   * kind and value, in one undo step. Occurrences inside a longer or shifted span ("Macron" in
   * "Brigitte Macron") are left alone. Case-sensitive for an all-capitals name ("EI"),
   * case-insensitive otherwise, accent-sensitive.
   * @param {number} start @param {number} end
   * @returns {number} how many occurrences changed
   */
  applyToAll(start, end) {
    const span = this.#mustSpan(start, end, 'applyToAll');
    const spans = this.spans;
    let corrections = [...this.#doc.corrections];
    let n = 0;
    for (const o of this.#occurrences(span.text)) {
      if (o.start === start && o.end === end) continue;
      const there = this.#overlapping(spans, o);
      if (there.length > 1 || (there.length === 1 && (there[0].start !== o.start || there[0].end !== o.end))) continue;
      if (there.length === 1 && there[0].kind === span.kind && stable(there[0].value) === stable(span.value)) continue;
      corrections = this.#placeSet(corrections, this.#corr('set', o.start, o.end, span.kind, span.value));
      n++;
    }
    const lexicon = this.#learn(this.#lexicon, span.text, span.kind, span.value);
    if (n > 0 || lexicon !== this.#lexicon) this.#commit('applyToAll', { corrections }, lexicon);
    return n;
  }

  /**
   * Deletes the span at `[start, end)` and every span of the same kind on another whole-word
   * occurrence of its text, and learns the name as rejected for that kind; one undo step.
   * @param {number} start @param {number} end
   * @returns {number} how many spans were deleted (this one included)
   */
  removeAll(start, end) {
    const span = this.#mustSpan(start, end, 'removeAll');
    const spans = this.spans;
    let corrections = [...this.#doc.corrections];
    let lexicon = this.#lexicon;
    let n = 0;
    for (const o of this.#occurrences(span.text)) {
      const s = spans[this.#indexAt(spans, o.start)];
      if (!s || s.start !== o.start || s.end !== o.end || s.kind !== span.kind) continue;
      ({ corrections, lexicon } = this.#removeAt(s, corrections, lexicon));
      n++;
    }
    lexicon = lexicon.learnReject(span.text, span.kind, this.#doc.id, { scope: 'global', learned: this.#now() });
    this.#commit('removeAll', { corrections }, lexicon);
    return n;
  }

  /**
   * "Never mark this": deletes every span of kind `kind` on a whole-word occurrence of `text` and
   * learns a global reject of the name (what the notice after deleting one mention offers, when
   * that mention is gone already); one undo step.
   * @param {string} text @param {Kind} kind
   * @returns {number} how many spans were deleted
   */
  rejectEverywhere(text, kind) {
    checkKind(kind, 'rejectEverywhere');
    if (typeof text !== 'string' || text.trim() === '') throw new TypeError('rejectEverywhere: the name must be a non-empty string');
    const spans = this.spans;
    let corrections = [...this.#doc.corrections];
    let lexicon = this.#lexicon;
    let n = 0;
    for (const o of this.#occurrences(text.trim())) {
      const s = spans[this.#indexAt(spans, o.start)];
      if (!s || s.start !== o.start || s.end !== o.end || s.kind !== kind) continue;
      ({ corrections, lexicon } = this.#removeAt(s, corrections, lexicon));
      n++;
    }
    lexicon = lexicon.learnReject(text, kind, this.#doc.id, { scope: 'global', learned: this.#now() });
    if (n > 0 || lexicon !== this.#lexicon) this.#commit('removeAll', { corrections }, lexicon);
    return n;
  }

  /**
   * The automatic layer of the current text is stale (an incremental annotator spliced it while
   * the text was being typed; a pack arrived that gives more values): drop it from the cache and
   * annotate the text afresh. Emits 'change' with reason 'annotated'; an asynchronous annotation
   * keeps the stale layer shown until it arrives (then 'annotated' again). Not an undo step.
   * `ifChanged` (a pack arrived): the layer shown stays, not pending, while the text is
   * annotated again behind it; it is replaced, with an event, only if a span or a value differs.
   * @param {{ifChanged?: boolean}} [how]
   */
  reannotate(how = {}) {
    const stale = this.#automatic();
    if (how.ifChanged) { this.#refreshBehind(stale); return; }
    this.#cache = this.#cache.filter((e) => e !== stale);
    const fresh = this.#automatic();
    if (fresh.pending) fresh.result = stale.result;
    this.#emit('annotated');
  }

  /** Annotates the current text again and swaps the result into `entry` if it differs. */
  #refreshBehind(entry) {
    if (entry.pending || entry.text === '') return;
    let r;
    try {
      r = this.#annotate(entry.text, this.#options());
    } catch {
      return; // the layer shown stays
    }
    const swap = (/** @type {any} */ res) => {
      let result;
      try { result = checkResult(res); } catch { return; }
      if (sameSpans(result, entry.result)) return;
      entry.result = result;
      if (this.#automatic() === entry) this.#emit('annotated');
    };
    if (r && typeof (/** @type {any} */ (r)).then === 'function') /** @type {Promise<Result>} */ (r).then(swap, () => {});
    else swap(r);
  }

  /** What the current doc is annotated with: its lexicon, and its language and date when set. */
  #options() {
    const d = this.#doc;
    /** @type {Record<string, any>} */
    const opts = { lexicon: this.#lexicon.forAnnotation(d.id) };
    if (d.lang !== 'auto') opts.lang = d.lang;
    if (d.dct) opts.dct = d.dct;
    return opts;
  }

  /** Dismisses orphan `i` (the editor has seen that its words are gone). @param {number} i */
  dismissOrphan(i) {
    const o = this.#doc.orphans;
    if (!Number.isInteger(i) || i < 0 || i >= o.length) throw new RangeError(`dismissOrphan: no orphan ${i} (there are ${o.length})`);
    this.#commit('orphan', { orphans: o.filter((_, k) => k !== i) });
  }

  /**
   * Replaces the lexicon without an undo step: in the current state and in every state undo or
   * redo would bring back, each mapped by `fn` (what another tab learned, merged into each, so
   * undoing a correction here never unlearns what was learned there). Emits 'change' with reason
   * 'lexicon-sync' when the current lexicon changes. @param {(lexicon: Lexicon) => Lexicon} fn
   * @returns {boolean} whether the current lexicon changed
   */
  rebaseLexicon(fn) {
    /** @type {Map<Lexicon, Lexicon>} many states share one lexicon: map each once */
    const done = new Map();
    const map = (/** @type {Lexicon} */ l) => {
      let v = done.get(l);
      if (!v) {
        v = fn(l);
        if (!(v instanceof Lexicon)) throw new TypeError('rebaseLexicon: fn must return a Lexicon');
        done.set(l, v);
      }
      return v;
    };
    const next = map(this.#lexicon);
    this.#past = this.#past.map((st) => ({ doc: st.doc, lexicon: map(st.lexicon) }));
    this.#future = this.#future.map((st) => ({ doc: st.doc, lexicon: map(st.lexicon) }));
    if (next === this.#lexicon) return false;
    this.#lexicon = next;
    this.#emit('lexicon-sync');
    return true;
  }

  /** Steps back one change (text, corrections and lexicon together). @returns {boolean} whether it did */
  undo() {
    const prev = this.#past.pop();
    if (!prev) return false;
    this.#future.push({ doc: this.#doc, lexicon: this.#lexicon });
    this.#doc = this.#onCurrentText(prev.doc);
    this.#lexicon = prev.lexicon;
    this.#emit('undo');
    return true;
  }

  /** @returns {boolean} whether it did */
  redo() {
    const next = this.#future.pop();
    if (!next) return false;
    this.#past.push({ doc: this.#doc, lexicon: this.#lexicon });
    this.#doc = this.#onCurrentText(next.doc);
    this.#lexicon = next.lexicon;
    this.#emit('redo');
    return true;
  }

  // ---------------------------------------------------------------- internals

  /** A doc from the history as it applies now: itself, or (textHistory false) moved onto the current text. @param {Doc} doc */
  #onCurrentText(doc) {
    const text = this.#doc.text;
    if (this.#textHistory || doc.text === text) return doc;
    const moved = this.#moveTo(doc, text);
    return Object.freeze({ ...doc, text, corrections: Object.freeze(moved.corrections), orphans: Object.freeze(moved.orphans) });
  }

  /** @param {string} reason @param {Partial<Doc>} changes @param {Lexicon} [lexicon] */
  #commit(reason, changes, lexicon = this.#lexicon) {
    this.#past.push({ doc: this.#doc, lexicon: this.#lexicon });
    if (this.#past.length > UNDO_LIMIT) this.#past.shift();
    this.#future = [];
    const doc = { ...this.#doc, ...changes, updated: this.#now() };
    doc.corrections = Object.freeze([...doc.corrections]);
    doc.orphans = Object.freeze([...doc.orphans]);
    this.#doc = Object.freeze(doc);
    this.#lexicon = lexicon;
    this.#emit(reason);
  }

  /** @param {string} reason */
  #emit(reason) {
    const spans = this.spans;
    this.dispatchEvent(new CustomEvent('change', { detail: { reason, doc: this.#doc, spans, lexicon: this.#lexicon } }));
  }

  /** The automatic layer for the current doc and lexicon, from the cache or the engine. */
  #automatic() {
    const d = this.#doc;
    const lang = d.lang === 'auto' ? undefined : d.lang;
    const dct = d.dct ?? undefined;
    const lexKey = this.#lexicon.annotationKey(d.id);
    const i = this.#cache.findIndex((e) => e.text === d.text && e.lang === lang && e.dct === dct && e.lexKey === lexKey);
    if (i >= 0) {
      const e = this.#cache[i];
      if (i > 0) { this.#cache.splice(i, 1); this.#cache.unshift(e); }
      return e;
    }
    const entry = { text: d.text, lang, dct, lexKey, result: emptyResult(lang, d.dct), pending: false };
    if (d.text !== '') {
      try {
        const r = this.#annotate(d.text, this.#options());
        if (r && typeof (/** @type {any} */ (r)).then === 'function') {
          entry.pending = true;
          /** @type {Promise<Result>} */ (r).then(
            (res) => this.#arrived(entry, () => checkResult(res)),
            (err) => this.#arrived(entry, () => { throw err; }),
          );
        } else {
          entry.result = checkResult(r);
        }
      } catch (err) {
        entry.result = emptyResult(lang, d.dct, `annotation failed: ${/** @type {Error} */ (err)?.message ?? err}`);
        queueMicrotask(() => this.dispatchEvent(new CustomEvent('error', { detail: { error: err, message: entry.result.error } })));
      }
    }
    this.#cache.unshift(entry);
    if (this.#cache.length > CACHE_SIZE) this.#cache.pop();
    return entry;
  }

  /** An asynchronous annotation came back. */
  #arrived(entry, get) {
    try {
      entry.result = get();
    } catch (err) {
      entry.result = emptyResult(entry.lang, entry.dct ?? null, `annotation failed: ${err?.message ?? err}`);
      this.dispatchEvent(new CustomEvent('error', { detail: { error: err, message: entry.result.error } }));
    }
    entry.pending = false;
    if (this.#automatic() !== entry) return; // a later text or setting: nobody is waiting for it
    const imp = this.#pendingImport;
    if (imp && imp.doc === this.#doc) {
      this.#doc = Object.freeze({ ...this.#doc, corrections: Object.freeze(this.#importCorrections(imp.spans, entry.result)) });
    }
    this.#pendingImport = null;
    this.#emit('annotated');
  }

  /** The effective spans (recomputed when the doc or the automatic layer changed). */
  #state() {
    const doc = this.#doc;
    const result = this.#automatic().result;
    if (this.#view && this.#view.doc === doc && this.#view.result === result) return this.#view;
    const idx = cpIndex(doc.text);
    const sets = [];
    const rejected = new Set();
    for (const c of doc.corrections) {
      if (c.op === 'set') sets.push(c); else rejected.add(extentKey(c));
    }
    sets.sort((a, b) => a.start - b.start);
    /** @type {Map<string, Correction>} */
    const userAt = new Map();
    const user = sets.map((c) => {
      userAt.set(`${c.start}:${c.end}`, c);
      /** @type {Span} */
      const s = { start: c.start, end: c.end, kind: c.kind, text: doc.text.slice(idx.toU16(c.start), idx.toU16(c.end)) };
      if (c.value !== undefined) s.value = c.value;
      s.source = c.accepted ? 'accepted' : 'user';
      return Object.freeze(s);
    });
    // automatic spans that overlap no set correction and are not rejected (sets are sorted and
    // disjoint, so their ends are sorted too: one pointer walks them)
    const auto = [];
    let k = 0;
    for (const s of result.spans) {
      while (k < sets.length && sets[k].end <= s.start) k++;
      if (k < sets.length && sets[k].start < s.end) continue;
      if (rejected.size && rejected.has(extentKey(s))) continue;
      auto.push(s);
    }
    const spans = [];
    let i = 0, j = 0;
    while (i < auto.length || j < user.length) {
      if (j >= user.length || (i < auto.length && auto[i].start < user[j].start)) spans.push(auto[i++]);
      else spans.push(user[j++]);
    }
    this.#view = { doc, result, spans: Object.freeze(spans), userAt };
    return this.#view;
  }

  /** Index of the first span whose end is after `pos` (binary search). */
  #indexAt(spans, pos) {
    let lo = 0, hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].end <= pos) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** The spans overlapping `[o.start, o.end)`. */
  #overlapping(spans, o) {
    const out = [];
    for (let i = this.#indexAt(spans, o.start); i < spans.length && spans[i].start < o.end; i++) out.push(spans[i]);
    return out;
  }

  #checkExtent(start, end, where) {
    const n = cpIndex(this.#doc.text).length;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > n || start >= end) {
      throw new RangeError(`${where}: [${start}, ${end}) is not a non-empty extent of the text (0..${n} code points)`);
    }
  }

  #mustSpan(start, end, where) {
    this.#checkExtent(start, end, where);
    const s = this.spanAt(start, end);
    if (!s) throw new Error(`${where}: there is no span at exactly [${start}, ${end})`);
    return s;
  }

  /**
   * What an add/relabel/resize/value change teaches the lexicon. A date's value is never learned:
   * "lundi" or "3 novembre" mean another day in the next dispatch.
   */
  #learn(lexicon, text, kind, value) {
    // A name the engine knows as this kind already ("Damas", a place in its gazetteer, read as
    // the government in "Damas a annoncé") was misread in this context: learning it globally
    // would force that kind on it everywhere. Such a decision is kept to this dispatch; the
    // editor can make it global (lexicon panel, or the notice).
    let known = false;
    try { known = !!this.#knows(text, kind, this.#automatic().result.lang); } catch { known = false; }
    return lexicon.learnAdd(text, kind, kind === 'date' ? undefined : value, this.#doc.id,
      { scope: known ? this.#doc.id : 'global', learned: this.#now() });
  }


  /** Refuses an extent that covers no word character (only spaces or punctuation). */
  #checkWords(start, end, where) {
    const t = this.#doc.text;
    const idx = cpIndex(t);
    if (!/[\p{L}\p{N}]/u.test(t.slice(idx.toU16(start), idx.toU16(end)))) {
      throw new Error(`${where}: [${start}, ${end}) holds no letter or digit`);
    }
  }

  /** A correction anchored in the current text. @returns {Correction} */
  #corr(op, start, end, kind, value) {
    /** @type {any} */
    const c = { op, start, end, kind };
    if (value !== undefined && op === 'set') c.value = value;
    return Object.freeze(Object.assign(c, quoteOf(this.#doc.text, start, end)));
  }

  /** The correction moved to `r` in `text`, with its context taken afresh. */
  #requote(c, text, r) {
    return Object.freeze({ ...c, start: r[0], end: r[1], ...quoteOf(text, r[0], r[1]) });
  }

  /** Adds a 'set' correction; the 'set' corrections it overlaps go (the later one wins). */
  #placeSet(corrections, c) {
    const out = corrections.filter((x) => x.op !== 'set' || !overlaps(x, c));
    out.push(c);
    return out;
  }

  /** Removes the effective span `span` from `corrections` (see remove()). */
  #removeAt(span, corrections, lexicon) {
    const user = this.#state().userAt.get(`${span.start}:${span.end}`);
    if (!user) {
      return {
        corrections: [...corrections, this.#corr('reject', span.start, span.end, span.kind, undefined)],
        // one mention deleted: a record kept to this dispatch, never a global reject (removeAll
        // and rejectEverywhere are the editor's explicit "everywhere")
        lexicon: lexicon.learnReject(span.text, span.kind, this.#doc.id, { scope: this.#doc.id, learned: this.#now() }),
      };
    }
    let out = corrections.filter((c) => c !== user);
    // automatic spans the editor's span was hiding stay hidden: "delete" means no span here
    const sets = out.filter((c) => c.op === 'set');
    const rejected = new Set(out.filter((c) => c.op === 'reject').map(extentKey));
    for (const a of this.#overlapping(this.#automatic().result.spans, span)) {
      if (rejected.has(extentKey(a)) || sets.some((s) => overlaps(s, a))) continue;
      out = [...out, this.#corr('reject', a.start, a.end, a.kind, undefined)];
    }
    return { corrections: out, lexicon: user.accepted ? lexicon : lexicon.unlearnAdd(span.text, span.kind, this.#doc.id) };
  }

  /** Whole-word occurrences of `name` in the text, in code points. */
  #occurrences(name) {
    const text = this.#doc.text;
    const idx = cpIndex(text);
    const caps = /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
    const re = new RegExp(name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), caps ? 'gu' : 'giu');
    const out = [];
    for (const m of text.matchAll(re)) {
      const a = /** @type {number} */ (m.index), b = a + m[0].length;
      if (isWholeWordU16(text, a, b)) out.push({ start: idx.toCp(a), end: idx.toCp(b) });
    }
    return out;
  }

  /** Checks a doc given to load() and fills in defaults. */
  #cleanDoc(doc) {
    if (!doc || typeof doc !== 'object') throw new TypeError('load: expected a document object with a "text"');
    if (typeof doc.text !== 'string') throw new TypeError('load: the document has no text ("text" must be a string)');
    if (doc.id !== undefined && (typeof doc.id !== 'string' || doc.id === '')) throw new TypeError('load: "id" must be a non-empty string');
    if (doc.title !== undefined && doc.title !== null && typeof doc.title !== 'string') throw new TypeError('load: "title" must be a string');
    const text = doc.text;
    const lang = checkLang(doc.lang, 'load');
    const dct = checkDct(doc.dct, 'load');
    const now = this.#now();
    for (const key of ['corrections', 'orphans']) {
      if (doc[key] !== undefined && !Array.isArray(doc[key])) throw new TypeError(`load: "${key}" must be a list`);
    }
    const orphans = (doc.orphans ?? []).map((c, i) => this.#cleanCorrection(c, `load: orphan ${i}`, null));
    const n = cpIndex(text).length;
    const corrections = [];
    (doc.corrections ?? []).forEach((c, i) => {
      const where = `load: correction ${i}`;
      const cc = this.#cleanCorrection(c, where, text);
      const fits = cc.end <= n && cc.start < cc.end && text.slice(cpIndex(text).toU16(cc.start), cpIndex(text).toU16(cc.end)) === cc.exact;
      if (fits) { corrections.push(Object.freeze({ ...cc, ...quoteOf(text, cc.start, cc.end) })); return; }
      // offsets that do not match (an import, an older text): look for the quote
      const r = findQuote(text, cc, cc.start);
      if (r) corrections.push(Object.freeze({ ...cc, start: r[0], end: r[1], ...quoteOf(text, r[0], r[1]) }));
      else orphans.push(cc);
    });
    // overlapping 'set' corrections: the later one wins; the earlier is kept as an orphan
    const kept = [];
    for (let i = corrections.length - 1; i >= 0; i--) {
      const c = corrections[i];
      if (c.op === 'set' && kept.some((k) => k.op === 'set' && overlaps(k, c))) orphans.push(c); else kept.unshift(c);
    }
    return {
      id: doc.id ?? newId(), title: doc.title ?? '', text, lang, dct,
      corrections: kept, orphans, created: typeof doc.created === 'string' ? doc.created : now,
      updated: typeof doc.updated === 'string' ? doc.updated : now,
    };
  }

  /** @returns {Correction} */
  #cleanCorrection(c, where, text) {
    if (!c || typeof c !== 'object') throw new TypeError(`${where}: must be an object`);
    if (c.op !== 'set' && c.op !== 'reject') throw new Error(`${where}: "op" must be "set" or "reject", got ${JSON.stringify(c.op)}`);
    if (!Number.isInteger(c.start) || !Number.isInteger(c.end) || c.start < 0 || c.end <= c.start) {
      throw new RangeError(`${where}: [${c.start}, ${c.end}) is not a valid extent`);
    }
    checkKind(c.kind, where);
    let exact = c.exact;
    if (exact === undefined && text !== null && c.end <= cpIndex(text).length) exact = quoteOf(text, c.start, c.end).exact;
    if (typeof exact !== 'string' || exact === '') throw new Error(`${where}: "exact" (the quoted text) must be a non-empty string`);
    /** @type {any} */
    const out = { op: c.op, start: c.start, end: c.end, kind: c.kind };
    if (c.op === 'set' && c.value !== undefined && c.value !== null) out.value = checkValue(c.kind, c.value, where);
    if (c.op === 'set' && c.accepted === true) out.accepted = true;
    out.exact = exact;
    out.prefix = typeof c.prefix === 'string' ? c.prefix : '';
    out.suffix = typeof c.suffix === 'string' ? c.suffix : '';
    return Object.freeze(out);
  }

  /** Checks imported spans: in the text, known kinds, text matching, no overlaps. Sorted copy. */
  #checkSpans(text, spans) {
    if (!Array.isArray(spans)) throw new TypeError('load: the spans must be a list');
    const idx = cpIndex(text);
    const sorted = spans.map((s, i) => {
      const where = `load: span ${i}`;
      if (!s || typeof s !== 'object') throw new TypeError(`${where}: must be an object`);
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > idx.length || s.start >= s.end) {
        throw new RangeError(`${where}: [${s.start}, ${s.end}) is not a non-empty extent of the text (0..${idx.length} code points)`);
      }
      checkKind(s.kind, where);
      const covered = text.slice(idx.toU16(s.start), idx.toU16(s.end));
      if (typeof s.text === 'string' && s.text !== covered) {
        throw new Error(`${where} [${s.start}, ${s.end}) says ${JSON.stringify(s.text)} but the text there is ${JSON.stringify(covered)}`);
      }
      return { start: s.start, end: s.end, kind: s.kind, value: checkValue(s.kind, s.value, where) };
    }).sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].start < sorted[i - 1].end) {
        throw new Error(`load: spans [${sorted[i - 1].start}, ${sorted[i - 1].end}) and [${sorted[i].start}, ${sorted[i].end}) overlap`);
      }
    }
    return sorted;
  }

  /** Corrections that turn `auto` into exactly `exact` (both sorted, each non-overlapping). */
  #importCorrections(exact, auto) {
    const autoBy = new Map(auto.spans.map((s) => [extentKey(s), s]));
    const same = new Set();
    const sets = [];
    for (const e of exact) {
      const a = autoBy.get(extentKey(e));
      if (a && stable(a.value ?? undefined) === stable(e.value)) same.add(extentKey(e));
      else sets.push(this.#corr('set', e.start, e.end, e.kind, e.value));
    }
    const rejects = [];
    let k = 0;
    for (const a of auto.spans) {
      if (same.has(extentKey(a))) continue;
      while (k < sets.length && sets[k].end <= a.start) k++;
      if (k < sets.length && sets[k].start < a.end) continue;
      rejects.push(this.#corr('reject', a.start, a.end, a.kind, undefined));
    }
    return [...sets, ...rejects];
  }
}
