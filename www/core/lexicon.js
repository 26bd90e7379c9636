// The editor's lexicon (FORMAT.md: {version: 1, add: [...], reject: [...]}) as an immutable
// value: every change returns a new Lexicon and leaves the old one as it was. That makes undo a
// matter of keeping the old reference (the session snapshots {doc, lexicon}), and lets callers
// compare lexicons by identity to know whether anything changed (a change that changes nothing
// returns the same instance).
// Learning keeps one decision per name, kind and scope: names compare by a simple fold (NFD, marks
// stripped, lower case, typographic apostrophes made plain, spaces collapsed), learning an add
// drops the rejects of that name and kind in the same scope, and learning a reject drops the adds.
// Trade-off: the fold here is deliberately simpler than the core's name key (no skeleton, no
// doubled letters): it only decides which entries replace which; the core does the matching.
// Each entry records where it applies and when it was learned (extra keys the core ignores):
// - `from`: the id of the doc it was learned from. The session annotates a doc without what was
//   learned in that same doc (its corrections say it already).
// - `scope`: "global" (every dispatch) or a doc id (that dispatch only: a record of the decision,
//   shown in the lexicon panel, given to no other dispatch). A global decision replaces the
//   local record of the same name in the doc it came from; a local one never touches global ones
//   (deleting one mention of a name here must not unlearn it everywhere).
// - `learned`: ISO time of the decision (absent in lexicons stored before it was kept).
// JSON: global entries in "add" and "reject" (what the command line reads); entries kept to one
// dispatch in "local" ({type: "add"|"reject", ...}), a key the command line ignores, so a lexicon
// exported from the page means the same thing to the command line. Lexicons written before scopes
// existed load with every entry global.

/** @typedef {import('./types.js').Kind} Kind */
/** @typedef {import('./types.js').LexiconData} LexiconData */
/** @typedef {import('./types.js').LexiconEntry} LexiconEntry */

export const KINDS = Object.freeze(['actor', 'place', 'date']);
/** The scope of an entry that applies to every dispatch. */
export const GLOBAL = 'global';

/**
 * The fold names are compared by.
 * @param {string} s
 */
export function foldName(s) {
  return String(s).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'").replace(/\s+/gu, ' ').trim();
}

const describe = (where, e) => {
  const t = e && typeof e === 'object' && typeof e.text === 'string' ? ` (${JSON.stringify(e.text.slice(0, 40))})` : '';
  return `lexicon ${where}${t}`;
};

/** Entries cleanEntry made: a new Lexicon keeps them as they are (changedFrom compares by identity). */
const CLEAN = new WeakSet();

/** Checks one entry; returns a clean frozen copy (the entry itself when it is one already). */
function cleanEntry(type, e, where) {
  if (CLEAN.has(e) && (type === 'reject' ? !('value' in e) : e.kind !== undefined)) return e;
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new Error(`${describe(where, e)}: must be an object with "text" and "kind"`);
  if (typeof e.text !== 'string' || e.text.trim() === '') throw new Error(`${describe(where, e)}: "text" must be a non-empty string`);
  const kind = type === 'reject' && e.kind === null ? undefined : e.kind;
  if ((type === 'add' || kind !== undefined) && !KINDS.includes(kind)) {
    throw new Error(`${describe(where, e)}: "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(e.kind)}`);
  }
  if (e.from !== undefined && typeof e.from !== 'string') throw new Error(`${describe(where, e)}: "from" must be a string (a document id)`);
  if (e.scope !== undefined && e.scope !== null && (typeof e.scope !== 'string' || e.scope === '')) {
    throw new Error(`${describe(where, e)}: "scope" must be "global" or a document id`);
  }
  if (e.learned !== undefined && e.learned !== null && typeof e.learned !== 'string') throw new Error(`${describe(where, e)}: "learned" must be an ISO date string`);
  /** @type {any} */
  const out = { text: e.text.trim() };
  if (kind !== undefined) out.kind = kind;
  if (type === 'add' && e.value !== undefined && e.value !== null) out.value = e.value;
  if (e.from !== undefined) out.from = e.from;
  out.scope = e.scope ?? GLOBAL;
  if (typeof e.learned === 'string') out.learned = e.learned;
  Object.freeze(out);
  CLEAN.add(out);
  return out;
}

const sameName = (a, b) => foldName(a) === foldName(b);
/** Does a reject of kind `rk` (undefined: every kind) cover kind `k` (undefined: every kind)? */
const covers = (rk, k) => rk === undefined || k === undefined || rk === k;
/** Entries equal apart from when they were learned. */
const sameDecision = (a, b) => JSON.stringify({ ...a, learned: 0 }) === JSON.stringify({ ...b, learned: 0 });

export class Lexicon {
  /** @type {readonly any[]} */ #add;
  /** @type {readonly any[]} */ #reject;
  /** @type {Map<string, string>} */ #keys = new Map();

  /**
   * @param {{add?:any[], reject?:any[]}} [data] entries already checked (use fromJSON for input)
   */
  constructor(data = {}) {
    this.#add = Object.freeze((data.add ?? []).map((e, i) => cleanEntry('add', e, `add[${i}]`)));
    this.#reject = Object.freeze((data.reject ?? []).map((e, i) => cleanEntry('reject', e, `reject[${i}]`)));
  }

  /**
   * Reads a lexicon from JSON text or a parsed object, with a message naming the bad entry.
   * @param {unknown} input
   * @returns {Lexicon}
   */
  static fromJSON(input) {
    let data = input;
    if (typeof input === 'string') {
      const t = input.replace(/^\uFEFF/, '');
      if (t.trim() === '') throw new Error('lexicon: the file is empty');
      try {
        data = JSON.parse(t);
      } catch (e) {
        throw new Error(`lexicon: not valid JSON (${/** @type {Error} */ (e).message})`);
      }
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new Error('lexicon: expected an object {"version": 1, "add": [...], "reject": [...]}');
    }
    const d = /** @type {any} */ (data);
    if (d.version !== 1) throw new Error(`lexicon: "version" must be 1, got ${JSON.stringify(d.version)}`);
    for (const key of ['add', 'reject', 'local']) {
      if (d[key] !== undefined && !Array.isArray(d[key])) throw new Error(`lexicon: "${key}" must be a list`);
    }
    const add = [...(d.add ?? [])], reject = [...(d.reject ?? [])];
    (d.local ?? []).forEach((e, i) => {
      if (!e || typeof e !== 'object' || (e.type !== 'add' && e.type !== 'reject')) {
        throw new Error(`${describe(`local[${i}]`, e)}: "type" must be "add" or "reject"`);
      }
      if (typeof e.scope !== 'string' || e.scope === '' || e.scope === GLOBAL) {
        throw new Error(`${describe(`local[${i}]`, e)}: "scope" must be the id of the dispatch it is kept to`);
      }
      const { type, ...rest } = e;
      (type === 'add' ? add : reject).push(rest);
    });
    return new Lexicon({ add, reject });
  }

  /** Number of entries (adds and rejects). */
  get size() {
    return this.#add.length + this.#reject.length;
  }

  /**
   * The entries for the UI list: adds first, then rejects; `index` is what remove/update take.
   * @returns {LexiconEntry[]}
   */
  entries() {
    const out = [];
    this.#add.forEach((e) => out.push({ index: out.length, type: 'add', ...e }));
    this.#reject.forEach((e) => out.push({ index: out.length, type: 'reject', ...e }));
    return out;
  }

  /**
   * The add entry for this name and kind, if any (in `scope` when given).
   * @param {string} text
   * @param {Kind} kind
   * @param {string} [scope]
   */
  findAdd(text, kind, scope) {
    return this.#add.find((e) => e.kind === kind && (scope === undefined || e.scope === scope) && sameName(e.text, text));
  }

  /**
   * The reject entry for this name that applies to `kind` (a reject without kind applies to all),
   * in `scope` when given.
   * @param {string} text
   * @param {Kind} [kind]
   * @param {string} [scope]
   */
  findReject(text, kind, scope) {
    return this.#reject.find((e) => (e.kind === undefined || e.kind === kind) && (scope === undefined || e.scope === scope) && sameName(e.text, text));
  }

  /**
   * The index (as entries() numbers them) of the entry of this type, name, kind and scope, or -1.
   * @param {'add'|'reject'} type @param {string} text @param {Kind|undefined} kind @param {string} scope
   */
  indexOf(type, text, kind, scope) {
    const list = type === 'add' ? this.#add : this.#reject;
    const i = list.findIndex((e) => e.kind === kind && e.scope === scope && sameName(e.text, text));
    return i < 0 ? -1 : type === 'add' ? i : this.#add.length + i;
  }

  /**
   * The entries of this lexicon that `older` did not have (learned or changed since), as
   * entries() gives them: what a notice says was learned.
   * @param {Lexicon} older
   * @returns {LexiconEntry[]}
   */
  changedFrom(older) {
    if (older === this) return [];
    const had = new Set(older instanceof Lexicon ? [...older.#add, ...older.#reject] : []);
    const all = [...this.#add, ...this.#reject];
    return this.entries().filter((_, i) => !had.has(all[i]));
  }

  #with(add, reject) {
    if (add.length === this.#add.length && reject.length === this.#reject.length
      && add.every((e, i) => e === this.#add[i]) && reject.every((e, i) => e === this.#reject[i])) {
      return this;
    }
    return new Lexicon({ add, reject });
  }

  /**
   * Learns "this name is a `kind`" (with an optional value). Replaces the add of the same name,
   * kind and scope; drops the rejects it contradicts (see #contradicted).
   * @param {string} text
   * @param {Kind} kind
   * @param {any} [value]
   * @param {string} [from] id of the doc it was learned from
   * @param {{scope?: string, learned?: string}} [meta] scope: "global" (default) or a doc id;
   *   learned: ISO time of the decision
   */
  learnAdd(text, kind, value, from, meta = {}) {
    const entry = cleanEntry('add', { text, kind, value, from, scope: meta.scope, learned: meta.learned }, 'add');
    const old = this.#add.find((e) => e.kind === kind && e.scope === entry.scope && sameName(e.text, text));
    const reject = this.#reject.filter((e) => !(covers(e.kind, kind) && this.#contradicted(e, entry)));
    const add = this.#add.filter((e) => e !== old && !(e.kind === kind && this.#subsumed(e, entry)));
    if (old && sameDecision(old, entry) && reject.length === this.#reject.length && add.length === this.#add.length - 1) return this;
    add.push(entry);
    return this.#with(add, reject);
  }

  /**
   * Learns "do not highlight this name as `kind`" (every kind when `kind` is undefined). Replaces
   * the reject of the same name, kind and scope; drops the adds it contradicts (of that kind, or
   * of any kind).
   * @param {string} text
   * @param {Kind} [kind]
   * @param {string} [from]
   * @param {{scope?: string, learned?: string}} [meta]
   */
  learnReject(text, kind, from, meta = {}) {
    const entry = cleanEntry('reject', { text, kind, from, scope: meta.scope, learned: meta.learned }, 'reject');
    const old = this.#reject.find((e) => e.kind === kind && e.scope === entry.scope && sameName(e.text, text));
    const add = this.#add.filter((e) => !(covers(kind, e.kind) && this.#contradicted(e, entry)));
    const reject = this.#reject.filter((e) => e !== old && !(e.kind === kind && this.#subsumed(e, entry)));
    if (old && sameDecision(old, entry) && add.length === this.#add.length && reject.length === this.#reject.length - 1) return this;
    reject.push(entry);
    return this.#with(add, reject);
  }

  /**
   * Does learning `entry` contradict `e` (an entry of the other type, same name, kind checked by
   * the caller)? A global entry contradicts global ones and the records of the doc it comes
   * from; a local one contradicts only the records of its own doc.
   */
  #contradicted(e, entry) {
    if (!sameName(e.text, entry.text)) return false;
    if (entry.scope === GLOBAL) return e.scope === GLOBAL || (entry.from !== undefined && e.scope === entry.from);
    return e.scope === entry.scope;
  }

  /** Is `e` (same type and kind) the local record that the global `entry` now replaces? */
  #subsumed(e, entry) {
    return entry.scope === GLOBAL && entry.from !== undefined && e.scope === entry.from && sameName(e.text, entry.text);
  }

  /**
   * Sets the scope of entry `i` (index from entries()): "global" or a doc id.
   * @param {number} i @param {string} scope
   */
  setScope(i, scope) {
    this.#check(i);
    const e = this.entries()[i];
    if (e.scope === scope) return this;
    const { index: _i, type, ...rest } = e;
    // learning it again in the new scope keeps one decision per name, kind and scope
    const without = this.remove(i);
    return type === 'add'
      ? without.learnAdd(rest.text, /** @type {Kind} */ (rest.kind), rest.value, rest.from, { scope, learned: rest.learned })
      : without.learnReject(rest.text, rest.kind, rest.from, { scope, learned: rest.learned });
  }

  /**
   * Forgets the add of this name and kind when it was learned from doc `from` (an editor deleting a
   * span they added themselves). Other docs' entries stay.
   * @param {string} text
   * @param {Kind} kind
   * @param {string} from
   */
  unlearnAdd(text, kind, from) {
    const add = this.#add.filter((e) => !(e.kind === kind && e.from === from && sameName(e.text, text)));
    return this.#with(add, [...this.#reject]);
  }

  /** @param {number} i index from entries() */
  #check(i) {
    if (!Number.isInteger(i) || i < 0 || i >= this.size) {
      throw new RangeError(`lexicon: no entry ${i} (there are ${this.size})`);
    }
  }

  /**
   * Removes entry `i` (index from entries()).
   * @param {number} i
   */
  remove(i) {
    this.#check(i);
    const n = this.#add.length;
    return this.#with(this.#add.filter((_, k) => k !== i), this.#reject.filter((_, k) => k + n !== i));
  }

  /**
   * Replaces entry `i` by `entry` ({type?, text, kind?, value?, from?, scope?, learned?}: a missing
   * scope is global); `type` may move it from
   * the adds to the rejects or back. The entry keeps its place in its list when the type stays.
   * @param {number} i
   * @param {{type?:'add'|'reject', text:string, kind?:Kind, value?:any, from?:string}} entry
   */
  update(i, entry) {
    this.#check(i);
    const n = this.#add.length;
    const wasAdd = i < n;
    const type = entry?.type ?? (wasAdd ? 'add' : 'reject');
    if (type !== 'add' && type !== 'reject') throw new Error(`lexicon entry ${i}: "type" must be "add" or "reject", got ${JSON.stringify(type)}`);
    const { type: _t, index: _i, ...rest } = /** @type {any} */ (entry);
    const clean = cleanEntry(type, rest, `entry ${i}`);
    const add = [...this.#add], reject = [...this.#reject];
    if (wasAdd) add.splice(i, 1); else reject.splice(i - n, 1);
    const at = wasAdd ? i : i - n;
    if (type === 'add') {
      if (wasAdd) add.splice(at, 0, clean); else add.push(clean);
    } else if (!wasAdd) reject.splice(at, 0, clean); else reject.push(clean);
    return this.#with(add, reject);
  }

  /**
   * FORMAT.md's lexicon (global entries in add and reject, with from, scope and learned), plus
   * "local": the entries kept to one dispatch, each with its type. @returns {LexiconData}
   */
  toJSON() {
    const g = (e) => e.scope === GLOBAL;
    /** @type {any} */
    const out = { version: 1, add: this.#add.filter(g).map((e) => ({ ...e })), reject: this.#reject.filter(g).map((e) => ({ ...e })) };
    const local = [...this.#add.filter((e) => !g(e)).map((e) => ({ type: 'add', ...e })), ...this.#reject.filter((e) => !g(e)).map((e) => ({ type: 'reject', ...e }))];
    if (local.length) out.local = local;
    return out;
  }

  /**
   * What the core is given to annotate doc `excludeFrom`: the entries whose scope is global or
   * that doc, except those learned from that doc (`from`, `scope` and `learned` stripped; the
   * core does not need them). Without a doc: the global entries.
   * @param {string} [excludeFrom]
   * @returns {LexiconData}
   */
  forAnnotation(excludeFrom) {
    const keep = (e) => (e.scope === GLOBAL || e.scope === excludeFrom) && (excludeFrom === undefined || e.from !== excludeFrom);
    const strip = ({ from, scope, learned, ...e }) => e;
    return { version: 1, add: this.#add.filter(keep).map(strip), reject: this.#reject.filter(keep).map(strip) };
  }

  /**
   * A string that is equal for two lexicons exactly when forAnnotation(excludeFrom) is: what the
   * session caches the automatic layer by. Memoised per instance.
   * @param {string} [excludeFrom]
   */
  annotationKey(excludeFrom) {
    const k = excludeFrom ?? '\u0000';
    let v = this.#keys.get(k);
    if (v === undefined) {
      v = JSON.stringify(this.forAnnotation(excludeFrom));
      this.#keys.set(k, v);
    }
    return v;
  }

  /**
   * Imports `other` into this lexicon: its entries are learned in order, so they win over ours
   * where they disagree (same name and kind).
   * @param {Lexicon} other
   */
  merge(other) {
    if (!(other instanceof Lexicon)) throw new TypeError('lexicon merge: expected a Lexicon (use Lexicon.fromJSON on the file first)');
    /** @type {Lexicon} */
    let out = this;
    for (const e of other.entries()) {
      const meta = { scope: e.scope, learned: e.learned };
      out = e.type === 'add' ? out.learnAdd(e.text, e.kind, e.value, e.from, meta) : out.learnReject(e.text, e.kind, e.from, meta);
    }
    return out;
  }

  /** An empty lexicon. */
  clear() {
    return this.size === 0 ? this : new Lexicon();
  }
}

/**
 * The key two tabs' entries are matched by: the folded name, the kind (a reject of every kind: *)
 * and the scope. @param {{text: string, kind?: string, scope?: string}} e
 */
export function entryKey(e) {
  return `${foldName(e.text)}\u0000${e.kind ?? '*'}\u0000${e.scope ?? GLOBAL}`;
}

const entryJSON = (/** @type {any} */ e) => (e ? JSON.stringify({ ...e, index: 0 }) : '');
const lexiconJSON = (/** @type {Lexicon} */ l) => JSON.stringify(l.toJSON());

/** Do two lexicons hold the same entries (learned times included)? @param {Lexicon} a @param {Lexicon} b */
export function sameLexicon(a, b) {
  return a === b || lexiconJSON(a) === lexiconJSON(b);
}

/**
 * Merges two tabs' lexicons entry by entry: `base` is what both started from (what this tab last
 * read or wrote), `ours` this tab's lexicon now, `theirs` the stored one now. For each entry (by
 * entryKey): what only one side changed (learned, edited, deleted) is taken from that side; when
 * both changed it, the later `learned` wins, and a change wins over a deletion. Nothing either
 * side learned is lost, and a deletion is not undone by a tab that never saw the entry change.
 * The result is learned again in the order of `learned`, so a later decision still replaces
 * what it contradicts (an add and a reject of the same name). When one side changed nothing, the
 * other is returned as it is.
 * @param {Lexicon} base @param {Lexicon} ours @param {Lexicon} theirs @returns {Lexicon}
 */
export function mergeLexicons(base, ours, theirs) {
  if (sameLexicon(theirs, base) || sameLexicon(theirs, ours)) return ours;
  if (sameLexicon(ours, base)) return theirs;
  const byKey = (/** @type {Lexicon} */ l) => new Map(l.entries().map((e) => [entryKey(e), e]));
  const b = byKey(base), o = byKey(ours), t = byKey(theirs);
  /** @type {LexiconEntry[]} */
  const picked = [];
  for (const k of new Set([...o.keys(), ...t.keys(), ...b.keys()])) {
    const was = entryJSON(b.get(k)), mine = o.get(k), other = t.get(k);
    const mineChanged = entryJSON(mine) !== was, otherChanged = entryJSON(other) !== was;
    let e;
    if (!mineChanged) e = other;
    else if (!otherChanged) e = mine;
    else if (!mine || !other) e = mine ?? other;
    else e = (other.learned ?? '') > (mine.learned ?? '') ? other : mine;
    if (e) picked.push(e);
  }
  const order = picked.map((e, i) => ({ e, i })).sort((x, y) => ((x.e.learned ?? '') < (y.e.learned ?? '') ? -1 : (x.e.learned ?? '') > (y.e.learned ?? '') ? 1 : x.i - y.i));
  let out = new Lexicon();
  for (const { e } of order) {
    const meta = { scope: e.scope, learned: e.learned };
    out = e.type === 'add' ? out.learnAdd(e.text, /** @type {Kind} */ (e.kind), e.value, e.from, meta) : out.learnReject(e.text, e.kind, e.from, meta);
  }
  if (sameLexicon(out, ours)) return ours;
  if (sameLexicon(out, theirs)) return theirs;
  return out;
}

/** Texts above this many UTF-16 units get no count for rejects (one scan of the text per entry). */
const COUNT_REJECTS_UNITS = 300_000;

/**
 * How often each entry applied in one dispatch, by entries() index: for an add, the spans of its
 * kind whose text is its name; for a reject, the whole-word occurrences of its name that are not
 * highlighted as a kind it rejects (what it kept unmarked, or the editor deleted). `null` for a
 * reject in a text too long to scan once per entry.
 * @param {Lexicon} lexicon
 * @param {string} text  the dispatch
 * @param {readonly {start:number, end:number, kind:Kind, text:string}[]} spans  its effective spans
 * @returns {(number|null)[]}
 */
export function countUses(lexicon, text, spans) {
  /** @type {Map<string, number>} kind + folded name -> spans */
  const byName = new Map();
  for (const s of spans) {
    const k = `${s.kind}\u0000${foldName(s.text)}`;
    byName.set(k, (byName.get(k) ?? 0) + 1);
  }
  /** @type {Set<string>} UTF-16 offsets of highlighted extents, with their kind */
  let marked = null;
  return lexicon.entries().map((e) => {
    if (e.type === 'add') return byName.get(`${e.kind}\u0000${foldName(e.text)}`) ?? 0;
    if (text.length > COUNT_REJECTS_UNITS) return null;
    if (!marked) {
      marked = new Set();
      let cp = 0, u = 0;
      for (const s of spans) { // sorted by start: one walk converts code points to UTF-16
        while (cp < s.start && u < text.length) { u += text.codePointAt(u) > 0xffff ? 2 : 1; cp++; }
        marked.add(`${u}:${s.text.length}:${s.kind}`);
      }
    }
    const name = e.text.trim().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');
    const caps = /\p{Lu}/u.test(e.text) && !/\p{Ll}/u.test(e.text);
    let n = 0;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${name}(?![\\p{L}\\p{M}\\p{N}])`, caps ? 'gu' : 'giu'))) {
      const at = /** @type {number} */ (m.index);
      const kinds = e.kind ? [e.kind] : KINDS;
      if (!kinds.some((k) => marked.has(`${at}:${m[0].length}:${k}`))) n++;
    }
    return n;
  });
}
