// The core says which languages it knows (`languages()`, from its registry of locales), so that
// the widget keeps no list of its own: each entry has its code, its name in itself and in
// English, and how a date value is said in it, and every code it lists is one `annotate`
// accepts as `lang`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import init, { annotate, languages } from '../../pkg/depeche.js';
import * as glue from '../../pkg/depeche.js';
import { initCore, readPack } from './core.mjs';

const wasm = readFileSync(new URL('../../pkg/depeche_bg.wasm', import.meta.url));
await initCore(glue);

test('languages() lists the registry: code, names and value words for each', () => {
  const list = languages();
  assert.ok(Array.isArray(list) && list.length >= 2);
  const codes = list.map((l) => l.code);
  assert.equal(new Set(codes).size, codes.length, 'no code twice');
  assert.ok(!codes.includes('und'), 'und is no language of the registry');
  for (const l of list) {
    assert.match(l.code, /^[a-z]{2,3}$/);
    assert.ok(l.name && l.english, `${l.code}: names`);
    assert.equal(l.values.months.length, 12, `${l.code}: months`);
    assert.equal(l.values.days.length, 7, `${l.code}: days`);
    // A pack language (pkg/packs/<code>.pack) is refused until its pack is loaded (lang-packs.test.mjs).
    if (l.pack) assert.throws(() => annotate('Texte.', { lang: l.code }), new RegExp(`PACK_MISSING ${l.code}:`));
    else assert.equal(annotate('Texte.', { lang: l.code }).lang, l.code);
  }
});

test('a code the registry does not list is refused with a message', () => {
  assert.throws(() => annotate('Texte.', { lang: 'xx' }), /lang/);
});
