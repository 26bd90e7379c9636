// The committed WebAssembly core stays within the page's budget (scripts/page-budget.mjs), with
// the language packs outside it and each a small fetch, and the gazetteer pack (fetched in the
// background after the first place, www/core/gazetteer.js) within its own budget.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WASM_BUDGET, GAZETTEER_BUDGET, size, packSizes } from '../../scripts/page-budget.mjs';
import { GAZETTEER } from '../../www/core/gazetteer.js';

test('pkg/depeche_bg.wasm is at most 1 MB gzipped', () => {
  const { gz } = size('pkg/depeche_bg.wasm');
  assert.ok(gz <= WASM_BUDGET, `pkg/depeche_bg.wasm is ${gz} bytes gzipped, over the budget of ${WASM_BUDGET}`);
});

test('each language pack is a small fetch beside it', () => {
  const packs = packSizes().filter((p) => p.code !== GAZETTEER);
  assert.deepEqual(packs.map((p) => p.code), ['de', 'en', 'es', 'fr']);
  for (const p of packs) assert.ok(p.gz < 100_000, `${p.code}.pack: ${p.gz} bytes gzipped`);
});

test('the gazetteer pack is there, within its budget', () => {
  const geo = packSizes().find((p) => p.code === GAZETTEER);
  assert.ok(geo, `pkg/packs/${GAZETTEER}.pack is missing`);
  assert.ok(!geo.preload, 'not loaded with the module');
  assert.ok(geo.gz <= GAZETTEER_BUDGET, `${GAZETTEER}.pack: ${geo.gz} bytes gzipped, over ${GAZETTEER_BUDGET}`);
});
