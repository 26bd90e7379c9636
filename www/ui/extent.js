// Span extents by words for the keyboard: snap a selection, widen/shrink by one word.
// Why: the review keys speak in words ("[", "]", A/P/D on a selection); core/words.js knows what
// a word is. This maps the keymap's command names onto it. Offsets are code points.

import { snapToWords as snap, resizeByWord } from '../core/words.js';

/** Snap [start,end) out to whole words; null when the selection holds no word. */
export function snapToWords(text, start, end) {
  const r = snap(text, start, end);
  return r && { start: r[0], end: r[1] };
}

const OPS = {
  widenStart: ['start', 'widen'], widenEnd: ['end', 'widen'],
  shrinkStart: ['start', 'shrink'], shrinkEnd: ['end', 'shrink'],
};

/** One word step: 'widenStart' | 'widenEnd' | 'shrinkStart' | 'shrinkEnd'; null when impossible. */
export function stepWord(text, start, end, op) {
  const [side, how] = OPS[op];
  const r = resizeByWord(text, start, end, side, how);
  return r && { start: r[0], end: r[1] };
}
