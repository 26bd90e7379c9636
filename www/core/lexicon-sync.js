// The lexicon kept in step between tabs: saved by merging, never by replacing.
//
// Why: the lexicon is one localStorage value shared by every tab of the page, and each tab used
// to write its whole copy, so the last tab to save erased what the others had learned (issue 11,
// part 2). Now a tab remembers the stored lexicon it last read or wrote (`base`); to save, it
// reads the stored one again, merges it with its own entry by entry (mergeLexicons: three-way,
// the later `learned` wins where both changed an entry) and writes the result, all in one task
// (localStorage is synchronous, so no other tab of this renderer writes in between). It then tells
// the other tabs (tabs.js), which merge the stored lexicon into theirs the same way. What another
// tab learned goes into this tab's session without an undo step (Session#rebaseLexicon), into the
// undo history too, so undoing a correction here never unlearns what was learned there.
// Trade-off: deletions are found by comparing with `base` rather than kept as tombstones; two
// tabs in different renderer processes writing in the same few milliseconds could still miss
// each other's entry until the next save of either (which merges again and brings it back).

import { Lexicon, mergeLexicons, sameLexicon } from './lexicon.js';

/**
 * @param {{storage: {loadLexicon: () => {data: any, warning: string|null}, saveLexicon: (d: any) => void},
 *          session: () => any, initial: Lexicon, tell?: () => void, onError?: (e: unknown) => void}} deps
 *   initial: the lexicon the session started with (as loaded); tell: let the other tabs know.
 */
export function createLexiconSync(deps) {
  let base = deps.initial;
  /** @type {Lexicon|null} the session's lexicon last written or found equal to the stored one */
  let written = deps.initial;
  const onError = deps.onError ?? (() => {});

  /** The stored lexicon, or null when it cannot be read (then nothing is merged from it). */
  function stored() {
    try {
      const { data } = deps.storage.loadLexicon();
      return Lexicon.fromJSON(data);
    } catch {
      return null;
    }
  }

  /** Brings what other tabs stored into the session (no undo step); true when anything came. */
  function pull() {
    const s = deps.session();
    const theirs = stored();
    if (!s || !theirs || sameLexicon(theirs, base)) return false;
    const from = base;
    base = theirs;
    // the session's own unsaved entries stay: they differ from the new base and are saved next
    s.rebaseLexicon((/** @type {Lexicon} */ l) => mergeLexicons(from, l, theirs));
    if (sameLexicon(s.lexicon, theirs)) written = s.lexicon;
    return true;
  }

  return {
    pull,
    /** Saves the session's lexicon when it changed, merged with what other tabs stored. */
    save() {
      const s = deps.session();
      if (!s || s.lexicon === written) return;
      pull();
      const mine = s.lexicon;
      if (mine === written || sameLexicon(mine, base)) { written = mine; return; }
      try {
        deps.storage.saveLexicon(mine.toJSON());
      } catch (e) {
        onError(e);
        return;
      }
      base = mine;
      written = mine;
      deps.tell?.();
    },
    /** A lexicon was set from outside (an import replacing it): compare with the stored one from now. */
    get base() { return base; },
  };
}
