// The editor's lexicon (FORMAT.md: {version: 1, add: [...], reject: [...]}) as an immutable
// value: every change returns a new Lexicon and leaves the old one as it was. That makes undo a
// matter of keeping the old reference (the session snapshots {doc, lexicon}), and lets callers
// compare lexicons by identity to know whether anything changed (a change that changes nothing
// returns the same instance).
// Learning keeps one decision per name and kind: names compare by a simple fold (NFD, marks
// stripped, lower case, typographic apostrophes made plain, spaces collapsed), learning an add
// drops the rejects of that name and kind, and learning a reject drops the adds.
// Trade-off: the fold here is deliberately simpler than the core's name key (no skeleton, no
// doubled letters): it only decides which entries replace which; the core does the matching.
// `from` (the id of the doc an entry was learned from) is kept in the JSON: the core ignores it,
// and the session uses it to annotate a doc without what was learned in that same doc.

/** @typedef {import('./types.js').Kind} Kind */
/** @typedef {import('./types.js').LexiconData} LexiconData */
/** @typedef {import('./types.js').LexiconEntry} LexiconEntry */

export const KINDS = Object.freeze(['actor', 'place', 'date']);

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

/** Checks one entry; returns a clean frozen copy. */
function cleanEntry(type, e, where) {
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new Error(`${describe(where, e)}: must be an object with "text" and "kind"`);
  if (typeof e.text !== 'string' || e.text.trim() === '') throw new Error(`${describe(where, e)}: "text" must be a non-empty string`);
  const kind = type === 'reject' && e.kind === null ? undefined : e.kind;
  if ((type === 'add' || kind !== undefined) && !KINDS.includes(kind)) {
    throw new Error(`${describe(where, e)}: "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(e.kind)}`);
  }
  if (e.from !== undefined && typeof e.from !== 'string') throw new Error(`${describe(where, e)}: "from" must be a string (a document id)`);
  /** @type {any} */
  const out = { text: e.text.trim() };
  if (kind !== undefined) out.kind = kind;
  if (type === 'add' && e.value !== undefined && e.value !== null) out.value = e.value;
  if (e.from !== undefined) out.from = e.from;
  return Object.freeze(out);
}

const sameName = (a, b) => foldName(a) === foldName(b);

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
    for (const key of ['add', 'reject']) {
      if (d[key] !== undefined && !Array.isArray(d[key])) throw new Error(`lexicon: "${key}" must be a list`);
    }
    return new Lexicon({ add: d.add ?? [], reject: d.reject ?? [] });
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
   * The add entry for this name and kind, if any.
   * @param {string} text
   * @param {Kind} kind
   */
  findAdd(text, kind) {
    return this.#add.find((e) => e.kind === kind && sameName(e.text, text));
  }

  /**
   * The reject entry for this name that applies to `kind` (a reject without kind applies to all).
   * @param {string} text
   * @param {Kind} [kind]
   */
  findReject(text, kind) {
    return this.#reject.find((e) => (e.kind === undefined || e.kind === kind) && sameName(e.text, text));
  }

  #with(add, reject) {
    if (add.length === this.#add.length && reject.length === this.#reject.length
      && add.every((e, i) => e === this.#add[i]) && reject.every((e, i) => e === this.#reject[i])) {
      return this;
    }
    return new Lexicon({ add, reject });
  }

  /**
   * Learns "this name is a `kind`" (with an optional value). Replaces the add of the same name
   * and kind; drops rejects of that name for that kind or for every kind.
   * @param {string} text
   * @param {Kind} kind
   * @param {any} [value]
   * @param {string} [from] id of the doc it was learned from
   */
  learnAdd(text, kind, value, from) {
    const entry = cleanEntry('add', { text, kind, value, from }, 'add');
    const old = this.findAdd(text, kind);
    const reject = this.#reject.filter((e) => !((e.kind === undefined || e.kind === kind) && sameName(e.text, text)));
    if (old && JSON.stringify(old) === JSON.stringify(entry) && reject.length === this.#reject.length) return this;
    const add = this.#add.filter((e) => e !== old);
    add.push(entry);
    return this.#with(add, reject);
  }

  /**
   * Learns "do not highlight this name as `kind`" (every kind when `kind` is undefined). Replaces
   * the reject of the same name and kind; drops the adds of that name of that kind (any kind).
   * @param {string} text
   * @param {Kind} [kind]
   * @param {string} [from]
   */
  learnReject(text, kind, from) {
    const entry = cleanEntry('reject', { text, kind, from }, 'reject');
    const old = this.#reject.find((e) => e.kind === kind && sameName(e.text, text));
    const add = this.#add.filter((e) => !((kind === undefined || e.kind === kind) && sameName(e.text, text)));
    if (old && JSON.stringify(old) === JSON.stringify(entry) && add.length === this.#add.length) return this;
    const reject = this.#reject.filter((e) => e !== old);
    reject.push(entry);
    return this.#with(add, reject);
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
   * Replaces entry `i` by `entry` ({type?, text, kind?, value?, from?}); `type` may move it from
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

  /** FORMAT.md's lexicon, `from` kept. @returns {LexiconData} */
  toJSON() {
    return { version: 1, add: this.#add.map((e) => ({ ...e })), reject: this.#reject.map((e) => ({ ...e })) };
  }

  /**
   * What the core is given to annotate doc `excludeFrom`: every entry except those learned from
   * that doc (`from` stripped; the core does not need it).
   * @param {string} [excludeFrom]
   * @returns {LexiconData}
   */
  forAnnotation(excludeFrom) {
    const keep = (e) => excludeFrom === undefined || e.from !== excludeFrom;
    const strip = ({ from, ...e }) => e;
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
      out = e.type === 'add' ? out.learnAdd(e.text, e.kind, e.value, e.from) : out.learnReject(e.text, e.kind, e.from);
    }
    return out;
  }

  /** An empty lexicon. */
  clear() {
    return this.size === 0 ? this : new Lexicon();
  }
}
