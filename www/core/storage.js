// Persistence: the editor's work survives a reload, a crash, a closed tab.
//
// - Dispatches go to IndexedDB (database "depeche", object store "docs" keyed by id, an index
//   on "updated"): a Doc can be megabytes, which localStorage (about 5 MB in all, synchronous)
//   cannot hold. Each record keeps the Doc and its exact effective spans, so a reload shows
//   the last state at once, before the engine has annotated anything. The history keeps the
//   newest 50 dispatches; saving a 51st drops the oldest, in the same transaction. A second
//   index ("summary": updated, title, size, span count) lets the history be listed from index
//   keys alone, without reading any text.
// - The lexicon and the preferences are small and needed synchronously at start-up: they go to
//   localStorage under "depeche.lexicon.v1" and "depeche.prefs.v1" (the lexicon as
//   Lexicon#toJSON writes it; one stored before entries had a scope loads as global). Stored JSON that cannot
//   be read is copied to a backup key before anything is returned, so it is never overwritten
//   unseen; the caller gets an empty value and a warning to show.
// - Nothing fails silently: every IndexedDB failure (no IndexedDB at all, private mode, quota
//   exceeded, a value that cannot be stored) rejects the promise with a StorageError whose
//   message says what could not be done and what to do; localStorage writes throw one.
// - The backends are injected (`createStorage({indexedDB, localStorage})`), so Node tests pass
//   in-memory fakes; in the page they default to the window's.
// - `autosaver(saveFn, delayMs, {target, onStatus})`: a debounced save that never runs two
//   saves at once, flushes at once when the page is hidden or left (pagehide, visibilitychange
//   to hidden: the last moments a browser reliably gives), and reports its state.
// - Spans are stored packed (`packSpans`): offsets and kinds in typed arrays, each distinct value
//   once. Storing is a structured clone on the main thread, and a 5 MB paste has 100,000 spans
//   or more: cloning that many small objects froze the page for a quarter of a second, copying
//   typed arrays takes a few milliseconds. Records saved before that (plain lists) still load.
// Trade-off: IndexedDB is asynchronous, so a save started in pagehide may be cut short by the
// browser; the debounce keeps that window to `delayMs` of typing at worst.

import { cpLength } from './offsets.js';
import { JOURNAL_KEY, journalOf, readJournal } from './journal.js';

/** @typedef {import('./types.js').Doc} Doc */
/** @typedef {import('./types.js').Span} Span */
/** @typedef {import('./types.js').LexiconData} LexiconData */

export const DB_NAME = 'depeche';
export const STORE = 'docs';
export const LEXICON_KEY = 'depeche.lexicon.v1';
export const PREFS_KEY = 'depeche.prefs.v1';
export const HISTORY_LIMIT = 50;
/** 2: records carry `rev` (indexed), so a save can refuse to overwrite another tab's. */
export const DB_VERSION = 2;

const KINDS = ['actor', 'place', 'date'];

/** What went wrong when storing or reading; `cause` is the browser's error. */
export class StorageError extends Error {
  /** @param {string} message @param {unknown} [cause] */
  constructor(message, cause) {
    super(message);
    this.name = 'StorageError';
    this.cause = cause;
  }
}

/**
 * A save refused because the stored dispatch changed since this page read it (another tab saved
 * it): `stored` is the revision found, `expected` the one this page had.
 */
export class ConflictError extends StorageError {
  /** @param {string} message @param {number} stored @param {number} expected */
  constructor(message, stored, expected) {
    super(message);
    this.name = 'ConflictError';
    this.conflict = true;
    this.stored = stored;
    this.expected = expected;
  }
}

/** @param {string} action @param {any} err */
function storageError(action, err) {
  if (err instanceof ConflictError) return err;
  const name = err && err.name;
  if (name === 'QuotaExceededError' || (err && err.code === 22)) {
    return new StorageError(
      `${action}: the browser's storage for this page is full. Export your work (JSON) and delete old dispatches from the history.`,
      err,
    );
  }
  if (name === 'DataCloneError') return new StorageError(`${action}: the dispatch holds a value that cannot be stored (${err.message})`, err);
  const detail = err ? `${name ? `${name}: ` : ''}${err.message ?? String(err)}` : 'unknown error';
  return new StorageError(`${action}: ${detail}`, err);
}

/** The window's localStorage, or null where reading it throws (sandboxed frames, cookies blocked). */
function defaultLocalStorage() {
  try {
    return /** @type {any} */ (globalThis).localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * A summary row of the history.
 * @typedef {{id: string, title: string, updated: string, size: number, spanCount: number}} DocSummary
 */

/**
 * @param {{indexedDB?: IDBFactory|null, localStorage?: Storage|null, dbName?: string,
 *          historyLimit?: number, now?: () => number}} [opts]
 */
export function createStorage(opts = {}) {
  const idb = 'indexedDB' in opts ? opts.indexedDB : /** @type {any} */ (globalThis).indexedDB ?? null;
  const ls = 'localStorage' in opts ? opts.localStorage : defaultLocalStorage();
  const dbName = opts.dbName ?? DB_NAME;
  const limit = opts.historyLimit ?? HISTORY_LIMIT;
  const now = opts.now ?? (() => Date.now());
  /** @type {Promise<IDBDatabase>|null} */
  let opening = null;
  let lastStamp = 0;
  /** @type {Map<string, number>} the latest save asked for, per doc id (sliced saves yield) */
  const latestSave = new Map();
  let saves = 0;

  /** @returns {Promise<IDBDatabase>} */
  function open() {
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      const action = 'Could not open the saved dispatches';
      if (!idb) {
        reject(new StorageError(`${action}: this browser offers no IndexedDB here (private browsing or a sandboxed frame?). Dispatches will not be kept: export them to save your work.`));
        return;
      }
      /** @type {IDBOpenDBRequest} */
      let req;
      try {
        req = idb.open(dbName, DB_VERSION);
      } catch (e) {
        reject(storageError(action, e));
        return;
      }
      req.onupgradeneeded = () => {
        const db = req.result;
        let store;
        if (!db.objectStoreNames.contains(STORE)) {
          store = db.createObjectStore(STORE, { keyPath: 'id' });
          store.createIndex('updated', 'updated');
          // The history list reads this index's keys only, never the records: listing 50
          // dispatches must not load 50 texts.
          store.createIndex('summary', ['updated', 'title', 'size', 'spanCount']);
        } else store = /** @type {IDBTransaction} */ (req.transaction).objectStore(STORE);
        // Version 2: each record's revision, read from this index's keys alone before a save
        // (reading the record would copy megabytes of text to learn one number).
        if (!store.indexNames.contains('rev')) store.createIndex('rev', ['id', 'rev']);
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the database: let it, and reopen on the next call.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(storageError(action, req.error));
    });
    opening.catch(() => {
      opening = null; // let a later call try again
    });
    return opening;
  }

  /**
   * Runs `body` in one transaction; resolves with what it `set`s once the transaction commits.
   * @template T
   * @param {IDBTransactionMode} mode @param {string} action
   * @param {(store: IDBObjectStore, set: (v: T) => void, abort: (e: unknown) => void) => void} body
   *   `abort(e)` from a request callback aborts the transaction and rejects with e's message.
   * @returns {Promise<T>}
   */
  async function run(mode, action, body) {
    const db = await open();
    return new Promise((resolve, reject) => {
      /** @type {IDBTransaction} */
      let tx;
      try {
        tx = db.transaction(STORE, mode);
      } catch (e) {
        reject(storageError(action, e));
        return;
      }
      /** @type {any} */
      let result;
      /** @type {unknown} */
      let cause = null;
      tx.oncomplete = () => resolve(result);
      tx.onabort = () => reject(storageError(action, cause ?? tx.error ?? new Error('the browser aborted the transaction')));
      const abort = (/** @type {unknown} */ e) => {
        cause = e;
        try {
          tx.abort();
        } catch {
          reject(storageError(action, e)); // the transaction had already finished
        }
      };
      try {
        body(tx.objectStore(STORE), (v) => {
          result = v;
        }, abort);
      } catch (e) {
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        reject(storageError(action, e));
      }
    });
  }

  /** A strictly increasing ISO time: two saves in the same millisecond still sort. */
  function stamp(after = 0) {
    const t = Math.max(now(), lastStamp + 1, after + 1);
    lastStamp = t;
    return new Date(t).toISOString();
  }

  /**
   * The transaction of saveDoc, with the spans packed: it reads two index keys (the newest stamp,
   * this record's revision), puts the record and commits at once, so the record is stored as
   * soon as the browser can, not when the page next runs a callback (a page that crashes a few
   * milliseconds later keeps it). `now`: the page is going away, so the record is put at once
   * (a request issued from a later callback would never be), stamped after this page's own
   * saves only, without the revision check. `expect`: the revision this page read (undefined:
   * no check); another one stored rejects with a ConflictError and writes nothing.
   * @returns {Promise<DocSummary & {rev: number}>}
   */
  function write(doc, spans, packed, size, action, now = false, expect = undefined) {
    return run('readwrite', action, (store, set, abort) => {
      const put = (/** @type {number} */ after, /** @type {number} */ rev) => {
        const summary = { id: doc.id, title: typeof doc.title === 'string' ? doc.title : '', updated: stamp(Number.isNaN(after) ? 0 : after), size, spanCount: spans.length, rev };
        set(summary);
        try {
          store.put({ ...summary, doc, spans: packed });
        } catch (e) {
          abort(e); // DataCloneError: a value that cannot be stored
          return;
        }
        // Commit now: nothing else goes into this transaction, and a page that dies before its
        // next callback must not leave it waiting (it would be aborted with the page).
        /** @type {any} */ (store.transaction).commit?.();
      };
      if (now) {
        put(NaN, (expect ?? 0) + 1);
        return;
      }
      // Stamp after the newest stored record, so a clock set back never files this save
      // under an older one (the history is ordered by this stamp).
      let newest = NaN, stored = 0, left = 2;
      const go = () => {
        if (--left) return;
        if (expect !== undefined && stored !== expect) {
          abort(new ConflictError(`${action}: another tab saved it since this one read it (revision ${stored}, this tab had ${expect}); reload it to see their work`, stored, expect));
          return;
        }
        put(newest, stored + 1);
      };
      const last = store.index('updated').openKeyCursor(null, 'prev');
      last.onsuccess = () => {
        const c = last.result;
        if (c) newest = Date.parse(String(c.key));
        go();
      };
      // The index holds [id, rev] for this id at most once: jump to the first key at or after [id].
      const rev = store.index('rev').openKeyCursor();
      let jumped = false;
      rev.onsuccess = () => {
        const c = rev.result;
        const key = /** @type {any[]|undefined} */ (c?.key);
        if (c && key && !jumped && String(key[0]) < doc.id) {
          jumped = true;
          c.continue([doc.id]);
          return;
        }
        if (key && key[0] === doc.id) stored = Number(key[1]) || 0;
        go();
      };
    });
  }

  /** Drops the oldest records beyond the limit (never `keep`), in a transaction of its own. */
  function trim(/** @type {string} */ keep) {
    return run('readwrite', 'Could not trim the history', (store) => {
      const count = store.count();
      count.onsuccess = () => {
        let extra = count.result - limit;
        if (extra <= 0) return;
        const cursor = store.index('updated').openCursor(); // oldest first
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c || extra <= 0) return;
          if (c.primaryKey !== keep) {
            c.delete();
            extra--;
          }
          c.continue();
        };
      };
    });
  }

  /** The record is stored; the history is trimmed after (a failed trim loses nothing). */
  const written = (/** @type {Promise<any>} */ p, /** @type {string} */ id, /** @type {boolean} */ now) =>
    p.then((summary) => (now ? summary : trim(id).then(() => summary, () => summary)));

  return {
    /** The database's name: what tabs.js names its locks and channel after. */
    name: dbName,

    /**
     * Saves a dispatch and its effective spans; the newest `historyLimit` are kept.
     * More than PACK_SLICE spans are packed a slice per task first, unless `now` (the page is
     * being hidden or closed: the transaction must start in this task). When a later save of
     * the same doc starts meanwhile, this one writes nothing (resolves with null): the later wins.
     * `rev`: the revision this page read or last saved (loadDoc and saveDoc give it; 0 for a
     * dispatch never stored): when another is stored, the save is refused with a ConflictError.
     * Resolves once the record is committed, with its summary and its new revision.
     * @param {Doc} doc @param {Span[]} spans @param {{now?: boolean, rev?: number}} [how]
     * @returns {Promise<(DocSummary & {rev: number})|null>}
     */
    saveDoc(doc, spans, how = {}) {
      const title = doc && typeof doc.title === 'string' && doc.title ? doc.title : 'dispatch';
      const action = `Could not save the dispatch "${title}"`;
      if (!doc || typeof doc.id !== 'string' || doc.id === '' || typeof doc.text !== 'string') {
        return Promise.reject(new StorageError(`${action}: it has no id or no text`));
      }
      if (!Array.isArray(spans)) return Promise.reject(new StorageError(`${action}: its spans are not a list`));
      const size = cpLength(doc.text);
      const expect = typeof how.rev === 'number' ? how.rev : undefined;
      // A 5 MB paste has 100,000 spans: they are packed a slice per task before the
      // transaction opens, so saving never holds the page for long.
      const seq = ++saves;
      latestSave.set(doc.id, seq);
      if (spans.length <= PACK_SLICE || how.now) {
        let packed;
        try {
          packed = packSpans(spans);
        } catch (e) {
          return Promise.reject(storageError(action, e));
        }
        return written(write(doc, spans, packed, size, action, !!how.now, expect), doc.id, !!how.now);
      }
      return packSpansInSlices(spans).then(
        (packed) => (latestSave.get(doc.id) === seq ? written(write(doc, spans, packed, size, action, false, expect), doc.id, false) : null),
        (e) => { throw storageError(action, e); },
      );
    },


    /** `rev`: the record's revision (0 for records saved before revisions were kept).
     * @param {string} id @returns {Promise<{doc: Doc, spans: Span[], updated: string, rev: number}|null>} */
    loadDoc(id) {
      return run('readonly', `Could not read the saved dispatch ${JSON.stringify(id)}`, (store, set) => {
        const req = store.get(id);
        req.onsuccess = () => {
          const r = req.result;
          if (!r) { set(null); return; }
          // Unpacked when read (the editor reopens a doc by its corrections and rarely asks).
          /** @type {Span[]|null} */ let spans = null;
          set({ doc: r.doc, get spans() { return (spans ??= unpackSpans(r.spans, r.doc?.text ?? '')); }, updated: r.updated, rev: Number(r.rev) || 0 });
        };
      });
    },

    /** The history, newest first. @returns {Promise<DocSummary[]>} */
    listDocs() {
      return run('readonly', 'Could not list the saved dispatches', (store, set) => {
        /** @type {DocSummary[]} */
        const out = [];
        set(out);
        const req = store.index('summary').openKeyCursor(null, 'prev');
        req.onsuccess = () => {
          const c = req.result;
          if (!c) return;
          const [updated, title, size, spanCount] = /** @type {any[]} */ (c.key);
          out.push({ id: /** @type {string} */ (c.primaryKey), title, updated, size, spanCount });
          c.continue();
        };
      });
    },

    /** @param {string} id @returns {Promise<void>} */
    deleteDoc(id) {
      return run('readwrite', `Could not delete the saved dispatch ${JSON.stringify(id)}`, (store) => {
        store.delete(id);
      });
    },

    /** Empties the history. @returns {Promise<void>} */
    clearDocs() {
      return run('readwrite', 'Could not clear the history', (store) => {
        store.clear();
      });
    },

    /** The id of the dispatch saved last, or null. @returns {Promise<string|null>} */
    lastDocId() {
      return run('readonly', 'Could not find the last dispatch', (store, set) => {
        set(null);
        const req = store.index('updated').openKeyCursor(null, 'prev');
        req.onsuccess = () => {
          if (req.result) set(/** @type {string} */ (req.result.primaryKey));
        };
      });
    },

    /**
     * The stored lexicon. Never throws: unreadable data is backed up and an empty lexicon
     * returned with a warning; invalid entries are left out (the whole stored copy backed up).
     * @returns {{data: LexiconData, warning: string|null}}
     */
    loadLexicon() {
      const empty = () => /** @type {LexiconData} */ ({ version: 1, add: [], reject: [] });
      const read = readKey(ls, LEXICON_KEY, 'lexicon', now());
      if (read.warning || read.value === undefined) return { data: empty(), warning: read.warning };
      const v = read.value;
      if (!isObject(v) || v.version !== 1 || !Array.isArray(v.add) || !Array.isArray(v.reject)) {
        const backup = backupKey(ls, LEXICON_KEY, read.raw, now());
        return { data: empty(), warning: `The saved lexicon is not a version 1 lexicon; it was set aside${backup}. Starting with an empty lexicon.` };
      }
      // Entries from before scopes were kept have no "scope": Lexicon.fromJSON reads them as global.
      const scopeOk = (e) => e.scope === undefined || (typeof e.scope === 'string' && e.scope !== '');
      const addOk = (e) => isObject(e) && typeof e.text === 'string' && e.text !== '' && KINDS.includes(e.kind) && scopeOk(e);
      const rejectOk = (e) => isObject(e) && typeof e.text === 'string' && e.text !== '' && (e.kind === undefined || KINDS.includes(e.kind)) && scopeOk(e);
      const add = v.add.filter(addOk);
      const reject = v.reject.filter(rejectOk);
      // "local": entries kept to one dispatch ({type, ..., scope: the dispatch's id})
      const rawLocal = Array.isArray(v.local) ? v.local : [];
      const local = rawLocal.filter((e) => isObject(e) && typeof e.scope === 'string' && e.scope !== 'global'
        && ((e.type === 'add' && addOk(e)) || (e.type === 'reject' && rejectOk(e))));
      const dropped = v.add.length - add.length + v.reject.length - reject.length + rawLocal.length - local.length
        + (v.local !== undefined && !Array.isArray(v.local) ? 1 : 0);
      if (dropped === 0) return { data: /** @type {LexiconData} */ (v), warning: null };
      const backup = backupKey(ls, LEXICON_KEY, read.raw, now());
      return {
        data: /** @type {LexiconData} */ ({ ...v, add, reject, ...(local.length ? { local } : {}) }),
        warning: `${dropped} entr${dropped === 1 ? 'y' : 'ies'} of the saved lexicon could not be read and ${dropped === 1 ? 'was' : 'were'} left out; the saved copy was set aside${backup}.`,
      };
    },

    /** Throws a StorageError when it cannot be stored. @param {LexiconData} data */
    saveLexicon(data) {
      writeKey(ls, LEXICON_KEY, data, 'Could not save the lexicon');
    },

    /** @returns {{data: Record<string, any>, warning: string|null}} */
    loadPrefs() {
      const read = readKey(ls, PREFS_KEY, 'preferences', now());
      if (read.warning || read.value === undefined) return { data: {}, warning: read.warning };
      if (!isObject(read.value)) {
        const backup = backupKey(ls, PREFS_KEY, read.raw, now());
        return { data: {}, warning: `The saved preferences are not an object; they were set aside${backup}. Using the defaults.` };
      }
      return { data: read.value, warning: null };
    },

    /** Throws a StorageError when it cannot be stored. @param {Record<string, any>} prefs */
    savePrefs(prefs) {
      writeKey(ls, PREFS_KEY, prefs, 'Could not save the preferences');
    },

    /**
     * Writes the journal of the open dispatch (core/journal.js), synchronously: for the moment the
     * page goes away, when the save to IndexedDB may not finish. Throws a StorageError.
     * @param {Doc} doc
     */
    writeJournal(doc) {
      writeKey(ls, JOURNAL_KEY, journalOf(doc), 'Could not write the journal of the last changes');
    },

    /**
     * The journal, or null (none, or one that cannot be read: it is removed, it only ever
     * duplicates a moment's changes). Never throws.
     * @returns {import('./journal.js').Journal|null}
     */
    readJournal() {
      if (!ls) return null;
      let raw = null;
      try { raw = ls.getItem(JOURNAL_KEY); } catch { return null; }
      if (raw === null) return null;
      let j = null;
      try { j = readJournal(JSON.parse(raw)); } catch { j = null; }
      if (!j) try { ls.removeItem(JOURNAL_KEY); } catch { /* nothing more to do */ }
      return j;
    },

    /**
     * Removes the journal once the store holds what it says: of dispatch `id`, not newer than
     * `updated` (the record just saved). Never throws.
     * @param {string} id @param {string} updated
     */
    dropJournal(id, updated) {
      const j = this.readJournal();
      if (j && j.id === id && !(j.updated > updated)) try { ls?.removeItem(JOURNAL_KEY); } catch { /* kept: harmless */ }
    },

    /** Removes the journal. Never throws. */
    clearJournal() {
      try { ls?.removeItem(JOURNAL_KEY); } catch { /* kept: harmless */ }
    },

    /** Closes the database (tests; a page never needs to). */
    async close() {
      if (!opening) return;
      const p = opening;
      opening = null;
      try {
        (await p).close();
      } catch {
        /* it never opened */
      }
    },
  };
}

/** @param {unknown} v @returns {v is Record<string, any>} */
function isObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads and parses a key. `value` undefined: nothing stored. A warning when the storage cannot be
 * read or the JSON is broken (then the raw text has been backed up).
 * @param {Storage|null|undefined} ls @param {string} key @param {string} what @param {number} t
 * @returns {{value?: any, raw?: string, warning: string|null}}
 */
function readKey(ls, key, what, t) {
  if (!ls) return { warning: `This browser does not let the page keep data here (localStorage is unavailable): the ${what} will not be kept after a reload.` };
  /** @type {string|null} */
  let raw;
  try {
    raw = ls.getItem(key);
  } catch (e) {
    return { warning: `Could not read the saved ${what} (${/** @type {Error} */ (e).message}); using the defaults.` };
  }
  if (raw === null) return { warning: null };
  try {
    return { value: JSON.parse(raw), raw, warning: null };
  } catch {
    const backup = backupKey(ls, key, raw, t);
    return { raw, warning: `The saved ${what} could not be read (broken JSON); it was set aside${backup}. Starting afresh.` };
  }
}

/** Copies a stored value that cannot be used to "<key>.backup-<time>"; says where, for the warning. */
function backupKey(/** @type {Storage} */ ls, /** @type {string} */ key, /** @type {string|undefined} */ raw, /** @type {number} */ t) {
  const name = `${key}.backup-${new Date(t).toISOString()}`;
  try {
    ls.setItem(name, raw ?? '');
    return ` under "${name}"`;
  } catch (e) {
    return ` (but it could not be copied to "${name}": ${/** @type {Error} */ (e).message}; it stays under "${key}" until the next save replaces it)`;
  }
}

/** @param {Storage|null|undefined} ls @param {string} key @param {unknown} value @param {string} action */
function writeKey(ls, key, value, action) {
  if (!ls) throw new StorageError(`${action}: this browser does not let the page keep data here (localStorage is unavailable). Export it to keep it.`);
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new StorageError(`${action}: ${/** @type {Error} */ (e).message}`, e);
  }
  try {
    ls.setItem(key, text);
  } catch (e) {
    throw storageError(action, e);
  }
}

/**
 * @typedef {{state: 'idle'|'pending'|'saving'|'saved'|'error', message: string|null, at: number}} SaveStatus
 *   pending: changes wait for the debounce; error: `message` says why (the changes stay pending
 *   and the next change or flush tries again).
 */

/**
 * A debounced saver. `schedule(payload)` after each change; the last payload is saved `delayMs`
 * after the changes stop, or at once on `flush()` and when `target` (the window) fires pagehide
 * or a visibilitychange to hidden. Saves never overlap: a change during a save is saved after it.
 * @template P
 * @param {(payload: P) => Promise<unknown>|unknown} saveFn
 * @param {number} [delayMs]
 * @param {{target?: EventTarget|null, onStatus?: (s: SaveStatus) => void,
 *          setTimer?: typeof setTimeout, clearTimer?: typeof clearTimeout}} [opts]
 */
export function autosaver(saveFn, delayMs = 800, opts = {}) {
  const onStatus = opts.onStatus ?? (() => {});
  const setTimer = opts.setTimer ?? setTimeout;
  const clearTimer = opts.clearTimer ?? clearTimeout;
  const target = opts.target ?? null;
  /** @type {any} */
  let timer = null;
  let pending = false;
  /** @type {P|undefined} */
  let payload;
  /** @type {Promise<void>|null} */
  let running = null;
  /** @type {SaveStatus} */
  let status = { state: 'idle', message: null, at: Date.now() };

  const report = (/** @type {SaveStatus['state']} */ state, /** @type {string|null} */ message = null) => {
    status = { state, message, at: Date.now() };
    try {
      onStatus(status);
    } catch {
      /* a broken status display must not stop saving */
    }
  };

  const onPageHide = () => void flush();
  const onVisibility = () => {
    const t = /** @type {any} */ (target);
    const state = t?.document?.visibilityState ?? t?.visibilityState;
    if (state === 'hidden') void flush();
  };
  if (target) {
    target.addEventListener('pagehide', onPageHide);
    target.addEventListener('visibilitychange', onVisibility);
  }

  /** Saves now what is pending; resolves with the status after it (never rejects). */
  async function flush() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    while (running) await running;
    if (!pending) return status;
    pending = false;
    const p = /** @type {P} */ (payload);
    report('saving');
    running = (async () => {
      try {
        await saveFn(p);
        report(pending ? 'pending' : 'saved');
      } catch (e) {
        if (!pending) pending = true; // keep the unsaved payload for the next try
        report('error', e instanceof Error ? e.message : String(e));
      }
    })();
    const done = running;
    await done;
    if (running === done) running = null;
    return status;
  }

  return {
    /** Records a change; saves after `delayMs` without another one. @param {P} [p] */
    schedule(p) {
      payload = p;
      pending = true;
      if (status.state !== 'saving') report('pending');
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => {
        timer = null;
        void flush();
      }, delayMs);
    },
    flush,
    /** @returns {SaveStatus} */
    get status() {
      return status;
    },
    /** True while a change has not been saved. */
    get dirty() {
      return pending || running !== null;
    },
    /** Stops the timer and removes the listeners (does not save: call flush first if needed). */
    dispose() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      if (target) {
        target.removeEventListener('pagehide', onPageHide);
        target.removeEventListener('visibilitychange', onVisibility);
      }
    },
  };
}

/** Kinds and sources by their number in packed spans. */
const PACKED_KINDS = ['actor', 'place', 'date'];
const SOURCES = ['', 'rule', 'lexicon', 'user'];

/** A key that is equal for equal values, cheap for the shapes the core writes. */
function valueKey(/** @type {any} */ v) {
  if (typeof v === 'string') return `s${v}`;
  if (isObject(v)) {
    const keys = Object.keys(v);
    if (keys.every((k) => ['country', 'lat', 'lon', 'ref', 'canonical', 'type'].includes(k))) {
      return `o${v.country}|${v.lat}|${v.lon}|${v.ref}|${v.canonical}|${v.type}|${keys.join(',')}`;
    }
  }
  return `j${JSON.stringify(v)}`;
}

/**
 * Spans in a form that stores fast: `{packed: 1, n, offsets: Uint32Array [start, end]*,
 * kinds: Uint8Array, sources: Uint8Array, values: any[] (distinct), valueIndex: Uint32Array
 * (0: none, i + 1: values[i]), extra: {[i]: {source}}}` for sources outside the usual ones.
 * The text of each span is taken from the document's text when unpacked.
 * @param {Span[]} spans
 */
export function packSpans(spans) {
  const n = spans.length;
  const offsets = new Uint32Array(2 * n);
  const kinds = new Uint8Array(n);
  const sources = new Uint8Array(n);
  const valueIndex = new Uint32Array(n);
  /** @type {any[]} */ const values = [];
  const seen = new Map();
  /** @type {Record<number, {source: string}>} */ const extra = {};
  for (let i = 0; i < n; i++) {
    const sp = spans[i];
    offsets[2 * i] = sp.start;
    offsets[2 * i + 1] = sp.end;
    kinds[i] = PACKED_KINDS.indexOf(sp.kind);
    const src = sp.source === undefined ? 0 : SOURCES.indexOf(sp.source);
    if (src < 0) extra[i] = { source: /** @type {string} */ (sp.source) };
    sources[i] = Math.max(src, 0);
    if (sp.value !== undefined) {
      const key = valueKey(sp.value);
      let at = seen.get(key);
      if (at === undefined) {
        at = values.length;
        values.push(sp.value);
        seen.set(key, at);
      }
      valueIndex[i] = at + 1;
    }
  }
  return { packed: 1, n, offsets, kinds, sources, values, valueIndex, extra };
}

/** Spans packed per task when there are more than this many (see packSpansInSlices). */
const PACK_SLICE = 20_000;

/**
 * `packSpans`, a slice of PACK_SLICE spans per task (a macrotask between slices), for
 * documents with a hundred thousand spans. Same result as packSpans.
 * @param {Span[]} spans
 */
export async function packSpansInSlices(spans) {
  const parts = [];
  for (let i = 0; i < spans.length; i += PACK_SLICE) {
    if (i) await new Promise((r) => setTimeout(r, 0));
    parts.push(packSpans(spans.slice(i, i + PACK_SLICE)));
  }
  const n = spans.length;
  const offsets = new Uint32Array(2 * n);
  const kinds = new Uint8Array(n);
  const sources = new Uint8Array(n);
  const valueIndex = new Uint32Array(n);
  /** @type {any[]} */ const values = [];
  const seen = new Map();
  /** @type {Record<number, {source: string}>} */ const extra = {};
  let at = 0;
  for (const p of parts) {
    offsets.set(p.offsets, 2 * at);
    kinds.set(p.kinds, at);
    sources.set(p.sources, at);
    // each slice numbered its own distinct values: renumber them into one list
    const map = p.values.map((v) => {
      const key = valueKey(v);
      let k = seen.get(key);
      if (k === undefined) { k = values.length; values.push(v); seen.set(key, k); }
      return k + 1;
    });
    for (let i = 0; i < p.n; i++) valueIndex[at + i] = p.valueIndex[i] ? map[p.valueIndex[i] - 1] : 0;
    for (const [i, x] of Object.entries(p.extra)) extra[at + Number(i)] = x;
    at += p.n;
  }
  return { packed: 1, n, offsets, kinds, sources, values, valueIndex, extra };
}

/**
 * The spans `packSpans` stored, with their texts cut from `text`; a plain list (records
 * saved before packing) is returned as it is.
 * @param {any} stored @param {string} text @returns {Span[]}
 */
export function unpackSpans(stored, text) {
  if (!stored || stored.packed !== 1) return stored;
  const { n, offsets, kinds, sources, values, valueIndex, extra } = stored;
  // Code point offsets → UTF-16 in one pass (offsets are sorted).
  const out = new Array(n);
  let cp = 0, u = 0;
  const unitAt = (target) => {
    if (target < cp) cp = u = 0; // not sorted: count again from the start
    while (cp < target && u < text.length) {
      const c = text.charCodeAt(u);
      u += c >= 0xd800 && c <= 0xdbff && u + 1 < text.length ? 2 : 1;
      cp++;
    }
    return u;
  };
  for (let i = 0; i < n; i++) {
    const start = offsets[2 * i], end = offsets[2 * i + 1];
    const us = unitAt(start);
    const ue = unitAt(end);
    /** @type {Span} */
    const sp = { start, end, kind: /** @type {any} */ (PACKED_KINDS[kinds[i]]), text: text.slice(us, ue) };
    if (valueIndex[i]) sp.value = values[valueIndex[i] - 1];
    const src = extra?.[i]?.source ?? SOURCES[sources[i]];
    if (src) sp.source = src;
    out[i] = sp;
  }
  return out;
}
