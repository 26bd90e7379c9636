// The review-mode keyboard: which key does what, in one table.
// Why: the help overlay ("?") and the key handler read the same table, so what the help says is
// what the keys do. Letters are matched on the character typed, and on the physical key when
// Alt changes the character (macOS Option+A gives "å").
// Trade-off: [ ] { } need AltGr on some layouts; Shift+arrows do the same everywhere.

/** @typedef {{keys:string, help:string, cmd:string, arg?:any, match:(e:KeyboardEvent,k:string)=>boolean}} Binding */

const ctrl = (e) => e.ctrlKey || e.metaKey;
const plain = (e) => !ctrl(e) && !e.altKey;

/** @type {Binding[]} */
export const BINDINGS = [
  { keys: 'Tab / Shift+Tab, → / ←, J / K', help: 'next / previous highlight', cmd: 'move',
    match: (e, k) => plain(e) && !e.shiftKey && (k === 'ArrowRight' || k === 'j' || k === 'ArrowDown'), arg: 1 },
  { keys: '', help: '', cmd: 'move', arg: -1,
    match: (e, k) => plain(e) && !e.shiftKey && (k === 'ArrowLeft' || k === 'k' || k === 'ArrowUp') },
  { keys: 'Home / End', help: 'first / last highlight', cmd: 'edge', arg: -1, match: (e, k) => plain(e) && k === 'Home' },
  { keys: '', help: '', cmd: 'edge', arg: 1, match: (e, k) => plain(e) && k === 'End' },
  { keys: 'A / P / D', help: 'selection → actor / place / date (whole words); on a highlight: change its kind', cmd: 'kind', arg: 'actor',
    match: (e, k) => !ctrl(e) && k === 'a' },
  { keys: 'Alt+A / Alt+P / Alt+D', help: 'same, with the exact characters selected', cmd: 'kind', arg: 'place',
    match: (e, k) => !ctrl(e) && k === 'p' },
  { keys: '', help: '', cmd: 'kind', arg: 'date', match: (e, k) => !ctrl(e) && k === 'd' },
  { keys: 'Backspace / Delete', help: 'delete the highlight', cmd: 'delete', match: (e, k) => plain(e) && (k === 'Backspace' || k === 'Delete') },
  { keys: '[ or Shift+←', help: 'widen at the start by one word', cmd: 'resize', arg: 'widenStart',
    match: (e, k) => (plain(e) && k === '[') || (e.shiftKey && !ctrl(e) && !e.altKey && k === 'ArrowLeft') },
  { keys: '] or Shift+→', help: 'widen at the end by one word', cmd: 'resize', arg: 'widenEnd',
    match: (e, k) => (plain(e) && k === ']') || (e.shiftKey && !ctrl(e) && !e.altKey && k === 'ArrowRight') },
  { keys: '{ or Ctrl+Shift+→', help: 'shrink at the start by one word', cmd: 'resize', arg: 'shrinkStart',
    match: (e, k) => (!ctrl(e) && k === '{') || (e.shiftKey && ctrl(e) && k === 'ArrowRight') },
  { keys: '} or Ctrl+Shift+←', help: 'shrink at the end by one word', cmd: 'resize', arg: 'shrinkEnd',
    match: (e, k) => (!ctrl(e) && k === '}') || (e.shiftKey && ctrl(e) && k === 'ArrowLeft') },
  { keys: 'V or Enter', help: 'correct the value (date, which place, which actor)', cmd: 'value',
    match: (e, k) => plain(e) && (k === 'v' || k === 'Enter') },
  { keys: '*', help: 'apply this highlight to every occurrence of the same words', cmd: 'all', match: (e, k) => !ctrl(e) && k === '*' },
  { keys: 'X', help: 'remove this highlight and every occurrence of the same words', cmd: 'removeAll', match: (e, k) => plain(e) && k === 'x' },
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
