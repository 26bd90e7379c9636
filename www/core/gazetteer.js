// The gazetteer pack (`geo`, src/towns.rs) gives points to the towns the core's own gazetteer
// leaves out (US towns from a thousand people, elsewhere from five thousand). It is a big file
// and it only changes values, never which spans there are, so nothing waits for it: after the
// first result with a place, it is fetched in the background (once per page: the engine's pack
// loader shares one fetch among every element), kept by the service worker like a language's
// pack, and each session that showed a place annotates its text again when it has arrived (and
// says so only when a value changed).
//
// Why apart from the engine: the engine loads packs, the page and the host annotator each have
// their own session; this module ties the two, in the same way for both.
// When the pack cannot be fetched (offline, and not kept yet) places keep the points they have;
// a place shown later tries again, at most once a minute.

/** The gazetteer pack's code (src/towns.rs `PACK`). */
export const GAZETTEER = 'geo';

/** How long after a failed fetch a new place may ask again. */
export const RETRY_MS = 60_000;

/**
 * Follows a session: once its result has a place while the core lacks the gazetteer pack, loads
 * the pack and, when it has arrived, annotates the session's text again.
 * @param {{gazetteerMissing?: () => boolean, loadGazetteer?: () => Promise<boolean>}|null} engine
 * @param {EventTarget & {result: {spans: {kind: string}[]}, reannotate: (how?: {ifChanged?: boolean}) => void}} session
 * @param {{alive?: () => boolean, setTimeout?: (fn: () => void, ms: number) => any}} [how]
 *   `alive`: false once the session is gone (the element was removed): nothing is done then.
 * @returns {() => void} stops following
 */
export function followGazetteer(engine, session, how = {}) {
  const alive = how.alive ?? (() => true);
  const later = how.setTimeout ?? ((fn, ms) => setTimeout(fn, ms));
  if (!engine?.gazetteerMissing || !engine.loadGazetteer) return () => {};
  let stopped = false;
  let listening = false;
  const onChange = () => {
    if (!engine.gazetteerMissing()) return detach(); // loaded: results have its points now
    if (!session.result?.spans?.some((s) => s.kind === 'place')) return;
    detach();
    engine.loadGazetteer().then((arrived) => {
      if (stopped || !alive()) return;
      if (arrived) session.reannotate({ ifChanged: true });
      else later(attach, RETRY_MS);
    });
  };
  function attach() {
    if (stopped || listening) return;
    listening = true;
    session.addEventListener('change', onChange);
    onChange(); // the result already there
  }
  function detach() {
    if (!listening) return;
    listening = false;
    session.removeEventListener('change', onChange);
  }
  attach();
  return () => { stopped = true; detach(); };
}
