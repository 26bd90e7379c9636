// The review-mode keyboard: which key does what, in one table.
// Why: the help overlay ("?") and the key handler read the same table, so what the help says is
// what the keys do. Letters are matched on the character typed, and on the physical key when
// Alt changes the character (macOS Option+A gives "å").
// The caret (as INCEpTION's cursor mode): ← → move it word by word and a highlight is one stop
// (the caret on a highlight focuses it); Shift+← → grow a selection word by word from the caret,
// and on a focused highlight widen it (the same gesture: "take the next word"), so one scheme
// covers both. J/K, ↓/↑ and Tab go from highlight to highlight.
// Trade-off: [ ] { } need AltGr on some layouts; Shift+arrows and Ctrl+Shift+arrows do the same
// everywhere.

/** @typedef {{keys:string, help:string, cmd:string, arg?:any, match:(e:KeyboardEvent,k:string)=>boolean}} Binding */

const ctrl = (e) => e.ctrlKey || e.metaKey;
const plain = (e) => !ctrl(e) && !e.altKey;

/** @type {Binding[]} */
export const BINDINGS = [
  { keys: '→ / ←', help: 'caret to the next / previous word; a highlight is one stop (it takes the focus)', cmd: 'caret', arg: 1,
    match: (e, k) => plain(e) && !e.shiftKey && k === 'ArrowRight' },
  { keys: '', help: '', cmd: 'caret', arg: -1, match: (e, k) => plain(e) && !e.shiftKey && k === 'ArrowLeft' },
  { keys: 'Shift+→ / Shift+←', help: 'from the caret: select one more word after / before; on a highlight: widen it by one word at the end / start', cmd: 'extend', arg: 1,
    match: (e, k) => e.shiftKey && plain(e) && k === 'ArrowRight' },
  { keys: '', help: '', cmd: 'extend', arg: -1, match: (e, k) => e.shiftKey && plain(e) && k === 'ArrowLeft' },
  { keys: 'Tab / Shift+Tab, J / K, ↓ / ↑', help: 'next / previous highlight', cmd: 'move',
    match: (e, k) => plain(e) && !e.shiftKey && (k === 'j' || k === 'ArrowDown'), arg: 1 },
  { keys: '', help: '', cmd: 'move', arg: -1,
    match: (e, k) => plain(e) && !e.shiftKey && (k === 'k' || k === 'ArrowUp') },
  { keys: 'Home / End', help: 'first / last highlight', cmd: 'edge', arg: -1, match: (e, k) => plain(e) && k === 'Home' },
  { keys: '', help: '', cmd: 'edge', arg: 1, match: (e, k) => plain(e) && k === 'End' },
  { keys: 'A / P / D', help: 'caret word or selection → actor / place / date (whole words); on a highlight: change its kind (the gazetteer gives the value)', cmd: 'kind', arg: 'actor',
    match: (e, k) => !ctrl(e) && k === 'a' },
  { keys: 'Alt+A / Alt+P / Alt+D', help: 'same, with the exact characters selected', cmd: 'kind', arg: 'place',
    match: (e, k) => !ctrl(e) && k === 'p' },
  { keys: '', help: '', cmd: 'kind', arg: 'date', match: (e, k) => !ctrl(e) && k === 'd' },
  { keys: 'Backspace / Delete', help: 'delete the highlight', cmd: 'delete', match: (e, k) => plain(e) && (k === 'Backspace' || k === 'Delete') },
  { keys: '[ (or Shift+← on a highlight)', help: 'widen at the start by one word', cmd: 'resize', arg: 'widenStart',
    match: (e, k) => plain(e) && k === '[' },
  { keys: '] (or Shift+→ on a highlight)', help: 'widen at the end by one word', cmd: 'resize', arg: 'widenEnd',
    match: (e, k) => plain(e) && k === ']' },
  { keys: '{ or Ctrl+Shift+→', help: 'shrink at the start by one word', cmd: 'resize', arg: 'shrinkStart',
    match: (e, k) => (!ctrl(e) && k === '{') || (e.shiftKey && ctrl(e) && k === 'ArrowRight') },
  { keys: '} or Ctrl+Shift+←', help: 'shrink at the end by one word', cmd: 'resize', arg: 'shrinkEnd',
    match: (e, k) => (!ctrl(e) && k === '}') || (e.shiftKey && ctrl(e) && k === 'ArrowLeft') },
  { keys: 'V or Enter', help: 'correct the value (date, which place, which actor), for every mention of that entity; in a date, ↑ / ↓ step it', cmd: 'value',
    match: (e, k) => plain(e) && (k === 'v' || k === 'Enter') },
  { keys: 'N / Shift+N', help: 'a place: the next / previous place of that name in the gazetteer (which Tripoli), on every mention', cmd: 'reading', arg: 1,
    match: (e, k) => plain(e) && !e.shiftKey && k === 'n' },
  { keys: '', help: '', cmd: 'reading', arg: -1, match: (e, k) => plain(e) && e.shiftKey && k === 'n' },
  { keys: 'Y or Space', help: 'accept the highlight as it is (reviewed); again: take it back', cmd: 'accept',
    match: (e, k) => plain(e) && !e.shiftKey && (k === 'y' || k === ' ') },
  { keys: 'U / Shift+U', help: 'next highlight still to review or unresolved / next unresolved value (XXXX, none)', cmd: 'next', arg: 'review',
    match: (e, k) => plain(e) && !e.shiftKey && k === 'u' },
  { keys: '', help: '', cmd: 'next', arg: 'unresolved', match: (e, k) => plain(e) && e.shiftKey && k === 'u' },
  { keys: '/', help: 'find words or an entity in the text (Enter: next, Esc: go there)', cmd: 'find',
    match: (e, k) => !ctrl(e) && !e.altKey && k === '/' },
  { keys: '*', help: 'apply this highlight to every occurrence of the same words', cmd: 'all', match: (e, k) => !ctrl(e) && k === '*' },
  { keys: 'X', help: 'remove this highlight and every occurrence of the same words', cmd: 'removeAll', match: (e, k) => plain(e) && k === 'x' },
  { keys: 'R', help: 'reference date: change it (an assumed one too); Enter sets it, Esc back to the text', cmd: 'dct',
    match: (e, k) => plain(e) && !e.shiftKey && k === 'r' },
  { keys: 'L', help: 'what the last correction taught: keep it to this dispatch / make it every dispatch; after a delete: never mark the name', cmd: 'scope',
    match: (e, k) => plain(e) && !e.shiftKey && k === 'l' },
  { keys: 'Ctrl+Z', help: 'undo', cmd: 'undo', match: (e, k) => ctrl(e) && !e.shiftKey && k === 'z' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', help: 'redo', cmd: 'redo', match: (e, k) => ctrl(e) && ((e.shiftKey && k === 'z') || (!e.shiftKey && k === 'y')) },
  { keys: 'E or Esc', help: 'back to editing the text', cmd: 'edit', match: (e, k) => plain(e) && (k === 'e' || k === 'Escape') },
  { keys: '?', help: 'this help', cmd: 'help', match: (e, k) => !ctrl(e) && k === '?' },
];

/** The key name used for matching: letters lower-cased; physical letter when Alt altered it. */
export function keyName(e) {
  let k = e.key;
  if (e.altKey && /^Key[A-Z]$/.test(e.code) && !/^[a-z]$/i.test(k)) k = e.code.slice(3);
  return k.length === 1 ? k.toLowerCase() : k;
}

/** @returns {Binding|undefined} */
export function bindingFor(e) {
  const k = keyName(e);
  return BINDINGS.find((b) => b.match(e, k));
}

/** Rows for the help overlay. */
export function helpRows() {
  return BINDINGS.filter((b) => b.keys).map((b) => [b.keys, b.help]);
}

// ---- for= mode: shortcuts at the caret in the host's own editor --------------------------------
// Why these keys: in for= mode the caret is in the CMS's editor (CKEditor 5, TinyMCE,
// ProseMirror/Tiptap, Quill, Lexical), which owns plain keys, Ctrl/Cmd combinations and
// Alt+arrows. Alt+Shift+letter is the one family none of those editors binds by default:
// - CKEditor 5: Ctrl/Cmd+letters, Alt+0 (accessibility help), Alt+F9/F10 (menu/toolbar focus).
// - TinyMCE: "Access" is Alt+Shift on Windows/Linux (Ctrl+Option on macOS), used by the core for
//   Access+1..6 (headings), +7 (paragraph), +8 (div), +9 (address): digits only, no letter.
//   Alt+0, Alt+F9/F10/F11, Ctrl+F9 for help and focus; Ctrl/Cmd+letters for formats.
// - Quill 2: Ctrl/Cmd+B/I/U, Tab/Shift+Tab, Enter/Backspace/Delete variants, arrows.
// - ProseMirror (baseKeymap, example-setup): Mod-letters, Shift-Ctrl-digits/8/9/\, Alt-ArrowUp/
//   Down, macOS Ctrl-h/d/a/e/k and Alt-d/Backspace/Delete (Alt without Shift).
// - Tiptap 3 StarterKit: Mod-b/i/u/e/z/y, Mod-Shift-s/b/7/8/9/z, Mod-Alt-0..6/c, Shift-Enter.
// - Lexical: Ctrl/Cmd+a/b/i/u/z/y/c/x and Shift+Ctrl/Cmd+z, Alt/Ctrl+Backspace/Delete,
//   macOS Ctrl+o/h/d/k: no Alt+Shift letter.
// Browsers: Chrome (Windows/Linux) binds Alt+Shift+A (focus an inactive popup, for screen
// readers), Alt+Shift+B (bookmarks), Alt+Shift+T (toolbar), Alt+Shift+I (feedback). None of
// these is reserved (a page sees them first), but depeche keeps off B, T and I, and takes
// Alt+Shift+A only when it acts (a selection to add, or the caret on a highlight); otherwise the
// key goes on to the browser. Firefox uses Alt+Shift+letter for a page's own accesskey
// attributes, which a CMS page rarely sets on these letters.
// macOS: Option+Shift+letter types a character (Å, Î, ∏...) and changes `key`, so the letter is
// read from `code` when `key` is not a plain letter (keyName above); otherwise from `key`, so
// AZERTY and other layouts get the letter printed on the key.
// Known clash outside the defaults: WordPress's TinyMCE setup adds Access+letters of its own
// (A link, C centre, D strikethrough, X code, Z toolbar, P page break...): there the chip's
// buttons (mouse) and Alt+Shift+C stay, but the others shadow WordPress's while the caret is in
// the text.

/** @typedef {{keys:string, help:string, cmd:string, arg?:any, code:string}} HostBinding */

/** @type {HostBinding[]} */
export const HOST_BINDINGS = [
  { code: 'KeyA', cmd: 'kind', arg: 'actor', keys: 'Alt+Shift+A', help: 'selection → actor (whole words); caret on a highlight: make it an actor' },
  { code: 'KeyP', cmd: 'kind', arg: 'place', keys: 'Alt+Shift+P', help: 'selection → place; caret on a highlight: make it a place' },
  { code: 'KeyD', cmd: 'kind', arg: 'date', keys: 'Alt+Shift+D', help: 'selection → date; caret on a highlight: make it a date' },
  { code: 'KeyX', cmd: 'delete', keys: 'Alt+Shift+X', help: 'delete the highlight at the caret' },
  { code: 'KeyV', cmd: 'value', keys: 'Alt+Shift+V', help: 'correct the value of the highlight at the caret' },
  { code: 'KeyN', cmd: 'reading', arg: 1, keys: 'Alt+Shift+N', help: 'a place at the caret: the next place of that name (which Tripoli)' },
  { code: 'KeyC', cmd: 'enter', keys: 'Alt+Shift+C', help: 'move into the correction chip (Tab between its buttons, Esc back to the text)' },
  { code: 'KeyZ', cmd: 'undo', keys: 'Alt+Shift+Z', help: 'undo the last correction (the text keeps its own Ctrl+Z)' },
  { code: 'KeyY', cmd: 'redo', keys: 'Alt+Shift+Y', help: 'redo a correction' },
];

/**
 * The for= binding of a keydown in the host's editor: Alt+Shift+letter with no Ctrl/Cmd.
 * @param {KeyboardEvent} e @returns {HostBinding|undefined}
 */
export function hostBindingFor(e) {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.isComposing) return undefined;
  const k = /^[a-z]$/i.test(e.key) ? `Key${e.key.toUpperCase()}` : /^Key[A-Z]$/.test(e.code) ? e.code : '';
  return HOST_BINDINGS.find((b) => b.code === k);
}

/** Rows for the chip's help: the host shortcuts, then the single keys inside the chip. */
export function hostHelpRows() {
  const inChip = new Set(['kind', 'delete', 'resize', 'value', 'reading', 'accept', 'all', 'removeAll', 'undo', 'redo', 'help']);
  return [...HOST_BINDINGS.map((b) => [b.keys, b.help]),
    ...BINDINGS.filter((b) => b.keys && inChip.has(b.cmd)).map((b) => [b.keys, b.help]), ['Esc', 'back to the text, caret where it was']];
}
