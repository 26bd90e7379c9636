// Re-anchoring: corrections follow their words through edits of the text (TextQuoteSelector).
import test from 'node:test';
import assert from 'node:assert/strict';
import { quoteOf, reanchor, findQuote, commonEnds } from '../../www/core/anchor.js';

const cp = (text, needle, from = 0) => {
  const u = text.indexOf(needle, from);
  assert.ok(u >= 0, `${JSON.stringify(needle)} not in text`);
  return Array.from(text.slice(0, u)).length;
};
const sliceCp = (text, [a, b]) => Array.from(text).slice(a, b).join('');
const item = (text, needle, from = 0) => {
  const s = cp(text, needle, from);
  return { start: s, end: s + Array.from(needle).length, ...quoteOf(text, s, s + Array.from(needle).length) };
};

test('quoteOf takes the exact text and 32 code points of context, emoji counted as one', () => {
  const t = '😀'.repeat(40) + 'Alep' + '🇸🇾'.repeat(20);
  const q = quoteOf(t, 40, 44);
  assert.equal(q.exact, 'Alep');
  assert.equal(Array.from(q.prefix).length, 32);
  assert.equal(q.prefix, '😀'.repeat(32));
  assert.equal(Array.from(q.suffix).length, 32);
  assert.deepEqual(quoteOf('Alep', 0, 4), { exact: 'Alep', prefix: '', suffix: '' });
  assert.throws(() => quoteOf('Alep', 2, 9), /outside the text/);
});

test('a correction survives an edit of the words before it', () => {
  const old = 'Hier soir, des frappes ont visé Idleb selon le ministère.';
  const neu = 'Dans la nuit de lundi, plusieurs frappes aériennes ont visé Idleb selon le ministère.';
  const it = item(old, 'Idleb');
  const [r] = reanchor(old, neu, [it]);
  assert.equal(sliceCp(neu, r), 'Idleb');
  assert.deepEqual(r, [cp(neu, 'Idleb'), cp(neu, 'Idleb') + 5]);
});

test('items before the edit keep their offsets, items after shift, items inside are searched', () => {
  const old = 'Damas et Homs, puis Hama et Alep.';
  const neu = 'Damas et Homs, puis hier Hama et Alep.';
  const items = ['Damas', 'Homs', 'Hama', 'Alep'].map((n) => item(old, n));
  const r = reanchor(old, neu, items);
  assert.deepEqual(r.map((x) => sliceCp(neu, x)), ['Damas', 'Homs', 'Hama', 'Alep']);
  assert.deepEqual(r[0], [0, 5]);
  assert.deepEqual(r[3], [items[3].start + 5, items[3].end + 5]);
});

test('a correction whose words were deleted is gone (null), even when the name occurs elsewhere', () => {
  const old = 'Raqqa est tombée. Les combats à Deir ez-Zor continuent. Raqqa reste calme.';
  const neu = 'Raqqa est tombée. Raqqa reste calme.';
  const [gone, first, second] = reanchor(old, neu, [item(old, 'Deir ez-Zor'), item(old, 'Raqqa'), item(old, 'Raqqa', 5)]);
  assert.equal(gone, null);
  assert.deepEqual(first, [0, 5]);
  assert.equal(sliceCp(neu, second), 'Raqqa');
  assert.equal(second[0], cp(neu, 'Raqqa', 5));
});

test('an edit inside the quote loses it; an edit of one word of a name keeps nothing stale', () => {
  const old = 'Le ministre Jean Dupont a parlé.';
  const neu = 'Le ministre Jean Durand a parlé.';
  assert.deepEqual(reanchor(old, neu, [item(old, 'Jean Dupont')]), [null]);
});

test('duplicate names: the occurrence whose context matches wins, not the nearest', () => {
  const old = 'Le président Macron a reçu Brigitte Macron et le Premier ministre.';
  // both occurrences are inside the edited region; the text before them was rewritten so that the
  // president's "Macron" now sits where Brigitte's was
  const neu = 'Hier, après une longue réunion, le président Macron a reçu Brigitte Macron et le Premier ministre.';
  const [pres, wife] = reanchor(old, neu, [item(old, 'Macron'), item(old, 'Macron', 20)]);
  assert.equal(pres[0], cp(neu, 'président Macron') + 'président '.length);
  assert.equal(wife[0], cp(neu, 'Brigitte Macron') + 'Brigitte '.length);
  // and when the two sentences swap places, each follows its own context
  const old2 = 'Brigitte Macron était là. Le président Macron aussi.';
  const new2 = 'Le président Macron aussi. Brigitte Macron était là.';
  const [w, p] = reanchor(old2, new2, [item(old2, 'Macron'), item(old2, 'Macron', 12)]);
  assert.equal(w[0], cp(new2, 'Brigitte Macron') + 'Brigitte '.length);
  assert.equal(p[0], cp(new2, 'président Macron') + 'président '.length);
});

test('emoji and CRLF typed before a span keep code point offsets right', () => {
  const old = 'AFP - Les forces kurdes entrent dans Raqqa.';
  const neu = '🔴🇸🇾 URGENT\r\nAFP - Les forces kurdes entrent dans Raqqa.';
  const [r] = reanchor(old, neu, [item(old, 'Raqqa')]);
  assert.deepEqual(r, [cp(neu, 'Raqqa'), cp(neu, 'Raqqa') + 5]);
  assert.equal(r[0], item(old, 'Raqqa').start + 12, '🔴 is 1 code point, the flag 2, " URGENT" 7, CR LF 2');
  // replacing one emoji by another right before a span: the common prefix must not split a pair
  const a = 'x😀 Alep', b = 'x😁 Alep';
  assert.deepEqual(commonEnds(a, b), { prefix: 1, suffix: 5 });
  assert.deepEqual(reanchor(a, b, [item(a, 'Alep')]), [[3, 7]]);
  assert.deepEqual(reanchor(a, 'x😀😀 Alep', [item(a, 'Alep')]), [[4, 8]]);
});

test('two items with the same extent move together; two items never share one occurrence', () => {
  const old = 'A Tripoli, la police. Tripoli encore.';
  const neu = 'Selon la police, Tripoli encore.';
  const a = item(old, 'Tripoli'), b = { ...a }, c = item(old, 'Tripoli', 5);
  const [ra, rb, rc] = reanchor(old, neu, [a, b, c]);
  assert.deepEqual(ra, rb);
  assert.ok(ra === null || rc === null || ra[0] !== rc[0], 'one occurrence, two different corrections');
  assert.equal(rc && sliceCp(neu, rc), 'Tripoli', 'the one whose context survived keeps it');
});

test('the whole text replaced: many items placed in one pass', () => {
  const names = Array.from({ length: 40 }, (_, i) => `Nom${i}`);
  const old = names.map((n) => `texte ${n} fin.`).join(' ');
  const neu = 'Préambule. ' + names.slice().reverse().map((n) => `autre ${n} suite.`).join(' ');
  const items = names.map((n) => item(old, `${n} `)).map((it) => ({ ...it, end: it.end - 1, exact: it.exact.trim() }));
  const r = reanchor(old, neu, items);
  names.forEach((n, i) => assert.equal(sliceCp(neu, r[i]), n));
});

test('findQuote locates a quote by context anywhere in a text', () => {
  const t = 'Alep. Les rebelles tiennent Alep. Alep est calme.';
  const r = findQuote(t, { exact: 'Alep', prefix: 'rebelles tiennent ', suffix: '. Alep' });
  assert.equal(r[0], cp(t, 'Alep', 3));
  assert.equal(findQuote(t, { exact: 'Homs' }), null);
});

test('5 MB of text with 1,000 items: an edit re-anchors on the fast path', () => {
  const para = 'Les forces gouvernementales ont repris Deir ez-Zor 🇸🇾 selon l\u2019OSDH. ';
  const old = para.repeat(Math.ceil(5_000_000 / para.length));
  const step = Math.floor(old.length / 1000 / para.length) * para.length;
  const items = Array.from({ length: 1000 }, (_, k) => ({ u: k * step + para.indexOf('Deir') }));
  // code points of each item: count the flags before it (each flag is 2 code points, 4 UTF-16 units)
  const perPara = para.length - Array.from(para).length;
  const cpItems = items.map(({ u }) => {
    const start = u - (u / para.length | 0) * perPara;
    return { start, end: start + 'Deir ez-Zor'.length };
  });
  const mid = Math.floor(old.length / 2 / para.length) * para.length;
  const neu = old.slice(0, mid) + 'INSERTION ' + old.slice(mid);
  const t0 = performance.now();
  const r = reanchor(old, neu, cpItems);
  const ms = performance.now() - t0;
  const midCp = mid - (mid / para.length) * perPara;
  r.forEach((x, k) => assert.deepEqual(x, cpItems[k].start < midCp ? [cpItems[k].start, cpItems[k].end] : [cpItems[k].start + 10, cpItems[k].end + 10]));
  console.log(`# reanchor 5 MB, 1000 items: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 1500, `took ${ms} ms`);
});

test('a whole 5 MB text replaced, 1,000 items of one common name: placed in bounded time', () => {
  const para = 'Les forces de Damas avancent vers Homs. ';
  const old = para.repeat(1000);
  const items = Array.from({ length: 1000 }, (_, k) => item(old, 'Damas', k * para.length));
  const neu = ('Texte nouveau : ' + para).repeat(Math.ceil(5_000_000 / (para.length + 16)));
  const t0 = performance.now();
  const r = reanchor(old, neu, items);
  const ms = performance.now() - t0;
  console.log(`# reanchor, whole 5 MB text replaced, 1000 items: ${ms.toFixed(0)} ms`);
  assert.ok(r.every((x) => x && sliceCp(neu, x) === 'Damas'));
  assert.ok(ms < 5000, `took ${ms} ms`);
});
