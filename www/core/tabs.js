// Several tabs of the page on one browser profile: one writer per dispatch, and word of what the
// others saved.
//
// Why: every tab used to save its own copy of the open dispatch and of the lexicon, so the last
// one to save won and the other's work was lost (issue 11, part 2). Now a tab writes a dispatch
// only while it holds that dispatch's Web Lock ("<store>:doc:<id>"); a second tab opening the
// same dispatch gets no lock, shows it read-only and follows what the writer saves, until the
// writer goes away (its lock is then granted to the follower, which takes over by itself) or the
// person asks to take over (the lock is stolen; the old writer is told it lost it). Tabs tell each
// other what they saved on a BroadcastChannel ("<store>.tabs"): {type: 'saved', id, rev} after a
// dispatch, {type: 'lexicon'} after the lexicon.
//
// Trade-offs: read-only followers rather than merging two tabs' corrections: corrections are
// anchored by quote in a text that either tab may edit, and merging text edits would need a
// different data model; one writer with an explicit "take over" loses nothing silently and is easy
// to explain. Where Web Locks are missing, every tab may write, and storage's revision check
// (saveDoc's `rev`) refuses a save made on a stale copy instead: the notice then comes on the
// second save rather than when the tab opens. Without BroadcastChannel, followers do not refresh
// until they take over (which reads the stored dispatch first).

/**
 * @typedef {{type: 'saved', id: string, rev: number} | {type: 'lexicon'}} TabMessage
 */

/**
 * @param {{name: string, locks?: LockManager|null, Channel?: typeof BroadcastChannel|null,
 *          onLost?: (id: string) => void, onGranted?: (id: string) => void,
 *          onMessage?: (msg: TabMessage) => void}} opts
 *   name: the store's name (the lock and channel names start with it); onLost: another tab took
 *   over dispatch `id`; onGranted: the tab that wrote `id` left, this one writes it now;
 *   onMessage: what another tab posted.
 */
export function createTabs(opts) {
  const g = /** @type {any} */ (globalThis);
  const locks = 'locks' in opts ? opts.locks : g.navigator?.locks ?? null;
  const Channel = 'Channel' in opts ? opts.Channel : g.BroadcastChannel ?? null;
  const noop = () => {};
  const onLost = opts.onLost ?? noop, onGranted = opts.onGranted ?? noop, onMessage = opts.onMessage ?? noop;
  /** @type {BroadcastChannel|null} */
  let channel = null;
  try {
    channel = Channel ? new Channel(`${opts.name}.tabs`) : null;
  } catch {
    channel = null;
  }
  if (channel) channel.onmessage = (ev) => { if (ev.data && typeof ev.data.type === 'string') onMessage(ev.data); };

  /**
   * The dispatch this tab claims: `held` true (it writes), false (another tab does), undefined (not
   * known yet); `free` ends the hold; `stop` withdraws a request still waiting.
   * @typedef {{id: string, held: boolean|undefined, ready: Promise<boolean>, free: () => void, stop: AbortController}} Claim
   */
  /** @type {Claim|null} */
  let claim = null;
  const lockName = (/** @type {string} */ id) => `${opts.name}:doc:${id}`;

  /** Holds the lock of `c` until freed; `how`: ifAvailable (a first try), steal, or wait. */
  function request(/** @type {Claim} */ c, /** @type {'try'|'steal'|'wait'} */ how) {
    return new Promise((resolve) => {
      /** @type {LockOptions} */
      const o = how === 'try' ? { ifAvailable: true } : how === 'steal' ? { steal: true } : { signal: c.stop.signal };
      /** @type {LockManager} */ (locks).request(lockName(c.id), o, (lock) => {
        if (!lock || claim !== c) { resolve(false); return undefined; } // taken, or this claim is over
        c.held = true;
        resolve(true);
        if (how === 'wait') onGranted(c.id);
        return new Promise((free) => { c.free = () => free(undefined); });
      }).catch((e) => {
        // Stolen by another tab (or the wait withdrawn): this tab no longer writes it.
        resolve(false);
        if (claim !== c || c.stop.signal.aborted) return;
        const was = c.held;
        c.held = false;
        if (was) {
          onLost(c.id);
          wait(c);
        }
        void e;
      });
    });
  }

  /** Waits for the lock of `c` (the writer leaving), with a fresh signal. */
  function wait(/** @type {Claim} */ c) {
    c.stop = new AbortController();
    void request(c, 'wait');
  }

  function release() {
    const c = claim;
    claim = null;
    if (!c) return;
    c.stop.abort();
    c.free();
  }

  return {
    /** Can this tab tell other tabs anything, and does it lock? (false: storage's revisions guard alone) */
    get locking() { return !!locks; },

    /**
     * Claims dispatch `id` for writing (dropping the previous claim): resolves true when this tab
     * writes it, false when another one does (this one then waits for it to leave).
     * @param {string} id @returns {Promise<boolean>}
     */
    claim(id) {
      if (claim && claim.id === id) return claim.ready;
      release();
      /** @type {Claim} */
      const c = { id, held: locks ? undefined : true, ready: Promise.resolve(true), free: noop, stop: new AbortController() };
      claim = c;
      if (!locks) return c.ready;
      c.ready = request(c, 'try').then((held) => {
        if (claim !== c) return false;
        c.held = held;
        if (!held) wait(c);
        return held;
      });
      return c.ready;
    },

    /**
     * Takes dispatch `id` over from the tab that writes it (which is told, and follows).
     * @param {string} id @returns {Promise<boolean>}
     */
    takeOver(id) {
      if (!locks) return this.claim(id);
      if (claim?.id === id && claim.held) return Promise.resolve(true);
      release();
      /** @type {Claim} */
      const c = { id, held: undefined, ready: Promise.resolve(false), free: noop, stop: new AbortController() };
      claim = c;
      c.ready = request(c, 'steal');
      return c.ready;
    },

    /** Does this tab write `id`? true, false, or undefined while the claim is pending. @param {string} id */
    holds(id) {
      if (!locks) return true;
      return claim && claim.id === id ? claim.held : false;
    },

    /** Resolves when the claim of `id` is settled: true when this tab writes it. @param {string} id */
    writable(id) {
      if (!locks) return Promise.resolve(true);
      return claim && claim.id === id ? claim.ready.then(() => claim?.id === id && claim.held === true) : Promise.resolve(false);
    },

    /** Tells the other tabs. @param {TabMessage} msg */
    post(msg) {
      try {
        channel?.postMessage(msg);
      } catch {
        /* a closed channel: nobody to tell */
      }
    },

    /** Lets the dispatch go (another tab waiting for it gets it). */
    release,

    close() {
      release();
      try { channel?.close(); } catch { /* already closed */ }
      channel = null;
    },
  };
}
