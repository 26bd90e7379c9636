// The page's modules take their languages from the core (core/languages.js, filled by the engine
// from `languages()`), so a language the core lists is one the store, the importers and the HTML
// export take, with no list of the widget's own; before an engine is loaded any code shaped like
// a language passes, and the core is the judge.

import { readPack } from './core.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { languages as coreLanguages } from '../../pkg/depeche.js';
import { loadEngine } from '../../www/engine.js';
import { setLanguages, languages, isDocLang, docLangList } from '../../www/core/languages.js';
import { Session } from '../../www/core/session.js';
import { makeDoc } from '../../www/formats/common.js';
import { exportHtml } from '../../www/formats/html.js';

const EO = { code: 'eo', name: 'Esperanto', english: 'Esperanto', values: {} };
const empty = (lang) => ({ lang: lang ?? 'und', dct: null, dateline: null, spans: [] });

test('before an engine: any code shaped like a language passes; the core judges it', () => {
  assert.deepEqual(languages(), []);
  assert.ok(isDocLang('auto') && isDocLang('und') && isDocLang('eo') && isDocLang('haw'));
  assert.ok(!isDocLang('EO') && !isDocLang('e') && !isDocLang('pt-BR') && !isDocLang(7));
  assert.equal(docLangList(), 'auto, und or a language code');
});

test('the engine registers the core\'s list once loaded, and holds it', async () => {
  // The core languages' packs come from disk; the others cannot be fetched here.
  const onDisk = (code) => (coreLanguages().some((l) => l.code === code && !l.pack) ? readPack(code) : Promise.reject(new Error('offline')));
  const engine = await loadEngine({ wasm: readFileSync(new URL('../../pkg/depeche_bg.wasm', import.meta.url)), readPack: onDisk });
  const core = coreLanguages();
  assert.deepEqual(engine.languages.map((l) => l.code), core.map((l) => l.code));
  assert.deepEqual(engine.languages, core, 'names and values as the core gives them');
  assert.equal(languages(), engine.languages, 'the page\'s modules see the same list');
  assert.equal(await engine.workerLanguages(), engine.languages, 'no Worker here: the same list');
  assert.equal(docLangList(), ['auto', ...core.map((l) => l.code), 'und'].join(', '));
  assert.ok(!isDocLang('zz'));
  for (const l of core.filter((x) => !x.pack)) assert.equal(engine.annotate('Texte.', { lang: l.code }).lang, l.code);
  // A language loaded on demand: the engine goes for its pack (a promise), here with nothing to fetch it from.
  for (const l of core.filter((x) => x.pack)) {
    await assert.rejects(engine.annotate('Texte.', { lang: l.code }), (e) => e.pack === l.code && e.message.includes(`${l.english} language pack`));
  }
});

test('a language the core lists is one the store, the importers and the HTML export take', () => {
  setLanguages([...coreLanguages(), EO]);
  const session = new Session({ annotate: (text, opts) => empty(opts.lang) });
  session.load({ id: 'd', text: 'Saluton, mondo.', lang: 'eo' });
  assert.equal(session.doc.lang, 'eo');
  assert.equal(session.result.lang, 'eo');
  session.setLang('und');
  session.setLang('auto');
  assert.throws(() => session.setLang('zz'), /language must be one of auto, .*eo, und, got "zz"/);

  const warnings = [];
  assert.equal(makeDoc({ text: 'x', lang: 'eo' }, { format: 'JSON import' }, warnings).lang, 'eo');
  assert.equal(makeDoc({ text: 'x', lang: 'zz' }, { format: 'JSON import' }, warnings).lang, 'auto');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /language "zz" is not one of auto, .*eo, und; detecting it instead/);

  const doc = (lang) => ({ id: 'a', title: 't', text: 'Saluton.', lang, dct: null, corrections: [], orphans: [] });
  const html = (lang, result) => exportHtml([{ doc: doc(lang), result, spans: [] }]).text.split('\n')[0];
  assert.equal(html('auto', empty('eo')), '<article class="depeche-dispatch" lang="eo" data-id="a">', 'the language found');
  assert.equal(html('eo', empty('und')), '<article class="depeche-dispatch" lang="eo" data-id="a">', 'else the language set');
  assert.equal(html('auto', empty('und')), '<article class="depeche-dispatch" data-id="a">', 'else none');
  assert.equal(html('und', null), '<article class="depeche-dispatch" data-id="a">');
});
