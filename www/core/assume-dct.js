// A reference date for every dispatch, in the page (issue 10, part 5).
// Why: wire dispatches often have a dateline with a day and a month but no year ("PARIS, 3 mars
// (AFP) -"), or no dateline at all; the core then keeps every date's year unknown ("XXXX-03-05"),
// as FORMAT.md says, and the editor had to fix each one. The page knows what the core does not:
// today's date. So when neither the text nor the editor gives a year, the page assumes one:
// - a dateline with a day and a month: the latest such date not after today (a dispatch is read
//   the day it is written, or later);
// - no dateline, or one without a day and month: today.
// The assumed date is passed to the engine as `dct`, and the result says so (`dct_assumed: true`),
// so the header shows it as assumed and the exports mark it. The core and the command line do
// not change: without a reference date they keep XXXX.
// Trade-off: a dispatch with no year costs two passes of the engine (the first one finds the
// dateline); the session caches the result, so corrections never pay for it again.

/** @typedef {import('./types.js').Result} Result */
/** @typedef {import('./types.js').AnnotateFn} AnnotateFn */

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()) {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Is YYYY-MM-DD a real day? */
function real(y, m, d) {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The reference date the page assumes for a result without one, or null when the dateline gives
 * a year (nothing to assume).
 * @param {Result['dateline']} dateline  the core's dateline (its `date` is "XXXX-MM-DD" without a year)
 * @param {string} today  YYYY-MM-DD
 * @returns {string|null}
 */
export function assumeDct(dateline, today) {
  const [ty, tm, td] = today.split('-').map(Number);
  const m = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(dateline?.date ?? '');
  if (!m) return today; // no dateline, or one without a day and a month
  if (m[1] !== 'XXXX') return null;
  const mo = Number(m[2]), d = Number(m[3]);
  // the latest such day not after today: this year's, else an earlier year's (29 February: up to 8 years back)
  for (let y = mo < tm || (mo === tm && d <= td) ? ty : ty - 1; y > ty - 9; y--) {
    if (real(y, mo, d)) return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  }
  return today;
}

/**
 * `annotate` with an assumed reference date: when the caller gives none and the result has none,
 * annotates again with the assumed one and marks the result `dct_assumed: true`.
 * Works with an engine that returns a Result or a Promise of one.
 * @param {AnnotateFn} annotate
 * @param {() => string} [today]  YYYY-MM-DD (tests pin it)
 * @returns {AnnotateFn}
 */
export function withAssumedDct(annotate, today = () => localToday()) {
  return (text, opts = {}) => {
    const first = annotate(text, opts);
    if (opts.dct || text === '') return first;
    /** @param {Result} r */
    const settle = (r) => {
      if (!r || r.dct || !Array.isArray(r.spans)) return r;
      const dct = assumeDct(r.dateline ?? null, today());
      if (!dct) return r;
      const mark = (/** @type {Result} */ x) => (x && Array.isArray(x.spans) ? { ...x, dct, dct_assumed: true } : x);
      const again = annotate(text, { ...opts, dct });
      return again && typeof (/** @type {any} */ (again).then) === 'function' ? /** @type {Promise<Result>} */ (again).then(mark) : mark(/** @type {Result} */ (again));
    };
    return first && typeof (/** @type {any} */ (first).then) === 'function' ? /** @type {Promise<Result>} */ (first).then(settle) : settle(/** @type {Result} */ (first));
  };
}
