// The learning notice: one line under the toolbar saying what the last correction taught the
// lexicon, with "Undo" and the other scope ("This dispatch only" / "Every dispatch", or after
// deleting one mention "Never mark …").
// Why: learning used to be global and silent (issue 10): deleting one mention of a camp's name
// rejected it in every later dispatch, and nothing said so. Now every decision that reaches the
// lexicon is shown as it is made, and its reach is one click or one key (L) away.
// How: it watches the session's 'change' events and compares the lexicon before and after
// (Lexicon#changedFrom: entries are immutable, so identity says what is new). It offers actions
// only while its step is the last one: any other change (a later correction, undo, a text edit,
// another dispatch) hides it. "Undo" is the session's undo (the lexicon is in the undo history).
// Trade-off: only the last decision of a step is described (a step teaches one name, except
// "every occurrence", which teaches one name too).

import { h } from './dom.js';
import { clip } from './labels.js';

/** @typedef {import('../core/types.js').LexiconEntry} LexiconEntry */

/** Reasons that change what the editor sees without a new decision of theirs. */
const QUIET = new Set(['annotated', 'typing', 'configure']);

const a = (kind) => (kind === 'actor' ? 'an actor' : kind === 'place' ? 'a place' : kind === 'date' ? 'a date' : 'highlighted');

/**
 * What the notice says about one entry, and what its second button does.
 * @param {LexiconEntry} e
 * @returns {{text:string, other:string, otherHelp:string, act:'global'|'local'|'never'}}
 */
export function describeLearned(e) {
  const name = `“${clip(e.text, 50)}”`;
  const local = e.scope !== 'global';
  if (e.type === 'add') {
    return local
      ? { text: `${name} as ${a(e.kind)}: kept to this dispatch.`, other: 'Every dispatch', otherHelp: `Mark ${name} as ${a(e.kind)} in every dispatch (L)`, act: 'global' }
      : { text: `Learned: ${name} is ${a(e.kind)} in every dispatch.`, other: 'This dispatch only', otherHelp: 'Keep this correction to this dispatch (L)', act: 'local' };
  }
  if (local) {
    return { text: `Deleted ${name} in this dispatch only.`, other: `Never mark ${name}`, otherHelp: `Never mark ${name} as ${a(e.kind)}, in any dispatch (L)`, act: 'never' };
  }
  return { text: `${name} will not be marked as ${a(e.kind)} in any dispatch.`, other: 'This dispatch only', otherHelp: 'Keep this to this dispatch (L)', act: 'local' };
}

/**
 * @param {{session: () => any, notices: {announce:(m:string)=>void, error:(e:any, c?:string)=>any}}} deps
 * @returns {{el: HTMLElement, onChange: (reason:string, lexicon:any) => void, reset: () => void,
 *            scope: () => boolean, get visible(): boolean}}
 */
export function createLearnNotice(deps) {
  const text = h('span', { class: 'dp-learned-text' });
  const undo = h('button', { type: 'button', class: 'dp-learned-undo', text: 'Undo', title: 'Undo this correction and what it taught (Ctrl+Z)' });
  const other = h('button', { type: 'button', class: 'dp-learned-scope', 'aria-keyshortcuts': 'L' });
  const close = h('button', { type: 'button', class: 'dp-learned-close', text: '×', 'aria-label': 'Dismiss' });
  const el = h('div', { class: 'dp-learned', role: 'status', hidden: true }, text, undo, other, close);
  /** @type {any} */ let last = null; // the lexicon after the last change seen
  /** @type {LexiconEntry|null} */ let entry = null;
  let act = '';

  function hide() { el.hidden = true; entry = null; act = ''; }
  function show(/** @type {LexiconEntry} */ e) {
    const d = describeLearned(e);
    entry = e;
    act = d.act;
    text.textContent = d.text;
    other.textContent = d.other;
    other.title = d.otherHelp;
    el.hidden = false;
  }
  /** The notice's second choice (the button, or L): the other scope of what was learned. */
  function scope() {
    const s = deps.session();
    if (!s || !entry) return false;
    const e = entry;
    const lex = s.lexicon;
    const i = lex.indexOf(e.type, e.text, e.kind, e.scope);
    if (i < 0) { hide(); return false; }
    if (act === 'never') {
      s.rejectEverywhere(e.text, e.kind);
      deps.notices.announce(`“${clip(e.text, 50)}” will not be marked as ${a(e.kind)} in any dispatch.`);
    } else {
      s.setLexicon(lex.setScope(i, act === 'global' ? 'global' : e.from ?? s.doc.id));
      deps.notices.announce(act === 'global' ? `“${clip(e.text, 50)}”: every dispatch.` : `“${clip(e.text, 50)}”: this dispatch only.`);
    }
    return true;
  }
  undo.addEventListener('click', () => { const s = deps.session(); if (s?.canUndo) { s.undo(); deps.notices.announce('Undone.'); } });
  other.addEventListener('click', () => { try { scope(); } catch (err) { deps.notices.error(err, 'Lexicon'); } });
  close.addEventListener('click', hide);

  return {
    el,
    get visible() { return !el.hidden; },
    /** After each session change: show what it taught, or hide. */
    onChange(reason, lexicon) {
      const before = last;
      last = lexicon;
      if (QUIET.has(reason)) return;
      if (!before || reason === 'load' || reason === 'undo' || reason === 'redo' || lexicon === before) { hide(); return; }
      const learned = lexicon.changedFrom(before);
      if (!learned.length) { hide(); return; }
      // the most telling entry: a reject (a deletion) over the adds it replaced, else the last one
      show(learned.find((x) => x.type === 'reject') ?? learned[learned.length - 1]);
    },
    /** A new session or dispatch: nothing to say yet. */
    reset() { last = deps.session()?.lexicon ?? null; hide(); },
    scope,
  };
}
