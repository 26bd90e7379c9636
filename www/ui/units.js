// Span edges between code points (the model, FORMAT.md) and UTF-16 units (the DOM), in bulk.
// Why: the renderer converts every span edge of a text at once; core/offsets.js builds one map
// per text (cached) and answers each offset in O(log k), O(1) for texts without emoji.
// Trade-off: a thin wrapper, so the UI has one place that decides how selections snap
// (start down, end up: a selection never cuts an emoji in half).

import { offsetMap } from '../core/offsets.js';

/** Code-point offsets -> UTF-16 offsets. */
export function toUnits(text, cps) {
  const m = offsetMap(text);
  return cps.map((c) => m.toUtf16(c));
}

/** UTF-16 [start, end] -> code points, the start snapped down and the end up. */
export function toCodePoints(text, [a, b]) {
  const m = offsetMap(text);
  return [m.toCodePoint(a, 'down'), m.toCodePoint(b, 'up')];
}
