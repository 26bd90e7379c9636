// The pure parts of for= mode's corrections: a DOM point of the host to an offset of the text
// depeche read, a selection to code points snapped to words, the span at the caret, the
// Alt+Shift keys, and what the chip says about a value (in words from the core's languages,
// registered here as the engine registers them when it loads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import init, { languages } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';
import { setLanguages } from '../../www/core/languages.js';
import { pointToU16, selectionExtent, spanAtCaret } from '../../www/ui/host-corrections.js';
import { hostBindingFor, HOST_BINDINGS, BINDINGS } from '../../www/ui/keymap.js';
import { describeValue, chipCommand } from '../../www/ui/popover.js';

await initCore(glue);
setLanguages(languages());

/** Segments as readHost makes them, over fake text nodes. */
function segsOf(parts) {
  const segs = [];
  let text = '';
  for (const p of parts) {
    if (p === '\n') { text += '\n'; continue; }
    segs.push({ node: { data: p }, at: text.length });
    text += p;
  }
  return { segs, text };
}

test('pointToU16: a text node of the segments maps to its offset in the text', () => {
  const { segs, text } = segsOf(['Floods in the north', '\n', 'GENEVA, ', '12 May', ' 2023']);
  assert.equal(text.slice(pointToU16(segs, segs[1].node, 0)), 'GENEVA, 12 May 2023');
  assert.equal(text.slice(pointToU16(segs, segs[2].node, 3)), 'May 2023');
  assert.equal(pointToU16(segs, segs[3].node, 99), text.length, 'an offset past the node is clamped');
  assert.equal(pointToU16([], {}, 0), 0);
});

test('pointToU16: any other point goes to the first segment at or after it (compare)', () => {
  const { segs, text } = segsOf(['one ', 'two ', 'three']);
  const order = new Map(segs.map((s, i) => [s.node, i]));
  // an element boundary between segment 1 and 2: segments 0 and 1 are before it
  const at = (k) => pointToU16(segs, { element: true }, 0, (n) => order.get(n) - k);
  assert.equal(text.slice(at(2)), 'three');
  assert.equal(text.slice(at(0)), 'one two three');
  assert.equal(at(3), text.length, 'after the last segment: the end of the text');
});

test('selectionExtent: UTF-16 to code points, snapped to whole words, never cutting a surrogate pair', () => {
  const text = '🌧️ Rain in Rwanda, said the United Nations.';
  const u = (w) => text.indexOf(w);
  const cp = (s) => [...text].slice(s.start, s.end).join('');
  assert.equal(cp(selectionExtent(text, u('wanda'), u('wanda') + 3)), 'Rwanda', 'a part of a word: the whole word');
  assert.equal(cp(selectionExtent(text, u('United') - 1, u('Nations') + 7)), 'United Nations', 'spaces and punctuation trimmed');
  assert.equal(cp(selectionExtent(text, u('Nations') + 7, u('United'))), 'United Nations', 'a backward selection');
  assert.equal(selectionExtent(text, u(', said'), u(', said') + 2), null, 'no word: nothing to add');
  assert.equal(selectionExtent(text, 5, 5), null, 'collapsed');
  assert.deepEqual(selectionExtent(text, 1, 2, false), { start: 0, end: 1 }, 'inside the pair: the whole emoji');
  const r = selectionExtent(text, u('Rain'), u('Rain') + 4);
  assert.deepEqual(r, { start: u('Rain') - 1, end: u('Rain') + 3 }, 'offsets are code points after the emoji');
  const fr = "l'armée malienne";
  const e = selectionExtent(fr, 3, 5);
  assert.equal([...fr].slice(e.start, e.end).join(''), 'armée', 'inside "l’armée": the word, not the elision');
});

test('spanAtCaret: the span holding the caret, edges included, the later one between two', () => {
  const spans = [{ start: 0, end: 6, kind: 'place' }, { start: 8, end: 19, kind: 'date' }, { start: 19, end: 22, kind: 'actor' }];
  assert.equal(spanAtCaret(spans, 0)?.kind, 'place');
  assert.equal(spanAtCaret(spans, 6)?.kind, 'place', 'just after a word');
  assert.equal(spanAtCaret(spans, 7), null);
  assert.equal(spanAtCaret(spans, 12)?.kind, 'date');
  assert.equal(spanAtCaret(spans, 19)?.kind, 'actor', 'two spans touch: the one that starts there');
  assert.equal(spanAtCaret(spans, 22)?.kind, 'actor');
  assert.equal(spanAtCaret(spans, 30), null);
  assert.equal(spanAtCaret([], 0), null);
});

test('hostBindingFor: Alt+Shift+letter only, from the key, or the physical key when Option changed it', () => {
  const ev = (o) => ({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, isComposing: false, key: 'A', code: 'KeyA', ...o });
  assert.equal(hostBindingFor(ev({}))?.arg, 'actor');
  assert.equal(hostBindingFor(ev({ key: 'Å', code: 'KeyA' }))?.arg, 'actor', 'macOS Option+Shift+A');
  assert.equal(hostBindingFor(ev({ key: 'A', code: 'KeyQ' }))?.arg, 'actor', 'AZERTY: the letter printed on the key');
  assert.equal(hostBindingFor(ev({ key: 'D', code: 'KeyD' }))?.arg, 'date');
  assert.equal(hostBindingFor(ev({ key: 'Z', code: 'KeyZ' }))?.cmd, 'undo');
  assert.equal(hostBindingFor(ev({ key: 'C', code: 'KeyC' }))?.cmd, 'enter');
  assert.equal(hostBindingFor(ev({ shiftKey: false, key: 'a' })), undefined, 'Alt alone');
  assert.equal(hostBindingFor(ev({ ctrlKey: true })), undefined, 'with Ctrl');
  assert.equal(hostBindingFor(ev({ metaKey: true })), undefined, 'with Cmd');
  assert.equal(hostBindingFor(ev({ key: '!', code: 'Digit1' })), undefined, 'TinyMCE\'s Access+1..9 stay the editor\'s');
  assert.equal(hostBindingFor(ev({ key: 'T', code: 'KeyT' })), undefined, 'Chrome\'s Alt+Shift+T stays the browser\'s');
  assert.equal(hostBindingFor(ev({ isComposing: true })), undefined);
  const codes = HOST_BINDINGS.map((b) => b.code);
  assert.equal(new Set(codes).size, codes.length, 'one binding per key');
  for (const c of ['KeyB', 'KeyI', 'KeyT']) assert.ok(!codes.includes(c), `${c} is the browser's`);
});

test('the chip: review-mode keys mean the same commands; values described, unresolved dates flagged', () => {
  const key = (key, o = {}) => BINDINGS.find((b) => b.match({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...o }, key));
  assert.equal(chipCommand(key('a')), 'actor');
  assert.equal(chipCommand(key('Delete')), 'delete');
  assert.equal(chipCommand(key('[')), 'widenStart');
  assert.equal(chipCommand(key('}')), 'shrinkEnd');
  assert.equal(chipCommand(key('*')), 'all');
  assert.equal(chipCommand(key('x')), 'removeAll');
  assert.equal(chipCommand(key('z', { ctrlKey: true })), 'undo');
  assert.equal(chipCommand(key('y', { ctrlKey: true })), 'redo');
  assert.equal(chipCommand(key('ArrowRight')), null, 'arrows move between the chip\'s buttons');
  assert.deepEqual(describeValue({ kind: 'date', value: '2023-05-12', text: '12 May' }, 'en'), { text: 'Friday 12 May 2023 · 2023-05-12', flag: '' }, 'in words and in ISO');
  assert.ok(describeValue({ kind: 'date', value: 'XXXX-05-12', text: '12 May' }).flag);
  assert.equal(describeValue({ kind: 'place', value: { country: 'RW', ref: 'geonames:202061' }, text: 'Kigali' }).text, 'Rwanda · RW · geonames:202061');
  assert.equal(describeValue({ kind: 'actor', value: { canonical: 'Red Cross', type: 'organisation' }, text: 'Red Cross' }).text, 'Red Cross · organisation');
});
