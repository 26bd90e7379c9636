// The npm package as a CMS build gets it: `npm pack` makes a tarball holding the page, the
// element, the core and the declarations and nothing else (no tests, Rust sources or data); it
// installs into an empty project without the network (no runtime dependencies); Node imports it
// and annotates; and a TypeScript consumer type-checks against the declarations, with misuse
// rejected.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let dir;
let tarball;
let files;
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'depeche-pack-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], ROOT));
  tarball = join(dir, info.filename);
  files = info.files.map((f) => f.path).sort();
  const app = join(dir, 'cms');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cms-build', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--offline', tarball], app);
});
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('the package version is the crate version', () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(PKG.version, /^version = "([^"]+)"/m.exec(cargo)[1]);
});

test('the tarball holds the page, the element, the core and the declarations, and nothing else', () => {
  for (const f of ['package.json', 'README.md', 'index.html', 'sw.js', 'www/index.js', 'www/engine.js', 'www/worker.js',
    'www/offline.js', 'pkg/depeche.js', 'pkg/depeche_bg.wasm', 'pkg/depeche.d.ts', 'pkg/packs/es.pack', 'pkg/packs/de.pack',
    'types/index.d.ts', 'types/element.d.ts', 'types/offline.d.ts']) {
    assert.ok(files.includes(f), `${f} is not in the tarball`);
  }
  const stray = files.filter((f) => (/^(tests|src|data|target|benches|scripts|examples|docs|node_modules|\.ci)\//.test(f) && f !== 'data/LICENCES.md')
    || /^(Cargo\.|build\.rs|BENCHMARKS|QUALITY|package-lock)/.test(f));
  assert.deepEqual(stray, []);
  // Every module the page loads is in (the service worker's list is the shell).
  const sw = readFileSync(join(ROOT, 'sw.js'), 'utf8');
  for (const [, f] of sw.matchAll(/^\s+"([^"]+)",$/gm)) assert.ok(files.includes(f), `${f} (in sw.js) is not in the tarball`);
});

test('every export and declaration the package names exists in it', () => {
  const targets = [PKG.main, PKG.types];
  for (const [key, value] of Object.entries(PKG.exports)) {
    if (key.includes('*')) continue;
    for (const v of typeof value === 'string' ? [value] : Object.values(value)) targets.push(v);
  }
  for (const target of targets) {
    const f = target.replace(/^\.\//, '');
    assert.ok(files.includes(f), `${target} is exported but not in the tarball`);
  }
});

test('a project that installed the tarball imports it in Node and annotates', () => {
  const app = join(dir, 'cms');
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', 'depeche', 'package.json'), 'utf8'));
  assert.equal(installed.version, PKG.version);
  const script = `
    import { annotate, loadEngine, languages } from 'depeche';
    const text = "GENEVA, June 2, 2025 (Reuters) - The United Nations refugee agency said on Friday that more than 40,000 people had fled fighting in eastern Congo into Uganda since May.";
    const r = await annotate(text);
    const engine = await loadEngine();
    let error = null;
    try { await annotate(text, { lang: 'klingon' }); } catch (e) { error = e.message; }
    const codes = (await languages()).map((l) => l.code);
    console.log(JSON.stringify({ r, version: engine.version, error, again: (await annotate('Ils sont arrivés à Kinshasa.')).spans, codes, same: engine.languages.map((l) => l.code) }));
  `;
  writeFileSync(join(app, 'main.mjs'), script);
  const out = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.equal(out.r.lang, 'en');
  assert.equal(out.r.dct, '2025-06-02');
  const got = out.r.spans.map((s) => `${s.kind}:${s.text}`);
  for (const want of ['place:Congo', 'place:Uganda', 'actor:Reuters', 'date:June 2, 2025']) assert.ok(got.includes(want), `${want} not in ${got}`);
  assert.equal(out.r.spans.find((s) => s.text === 'Friday').value, '2025-05-30');
  assert.equal(out.version, PKG.version);
  assert.match(out.error, /bad lang 'klingon'/);
  assert.deepEqual(out.again.map((s) => s.text), ['Kinshasa']);
  assert.ok(out.codes.includes('fr') && out.codes.includes('en'), 'languages() lists the core\'s languages');
  assert.deepEqual(out.same, out.codes, 'the engine holds the same list');
});

const USAGE = `
import { annotate, loadEngine, languages, type Result, type Span, type Kind, type LexiconData, type Engine, type Language } from 'depeche';
import { DepecheAnnotator, type DepecheChangeDetail } from 'depeche/element';
import { registerOffline } from 'depeche/offline';

const result: Result = await annotate('PARIS, 3 mars 2025 (AFP) - ...', { lang: 'fr', dct: '2025-03-03' });
const kinds: Kind[] = result.spans.map((s: Span) => s.kind);
const engine: Engine = await loadEngine({ wasmUrl: '/static/depeche_bg.wasm' });
const big: Promise<Result> = engine.annotateLarge('...', {}, { onProgress: (f: number) => void f });
const lexicon: LexiconData = { version: 1, add: [{ text: 'Vigie Sahel', kind: 'actor' }], reject: [] };
engine.annotate('...', { lexicon });
const menu: string[] = engine.languages.map((l: Language) => l.code + ': ' + l.name);
const codes: string[] = (await languages()).map((l) => l.code);
engine.annotate('...', { lang: codes[0] });

const el = document.createElement('depeche-annotator');
const same: DepecheAnnotator = el;
el.text = 'BAMAKO, 9 avril 2025 (AFP) - ...';
const spans: Span[] = el.annotations;
el.addEventListener('depeche-change', (e) => {
  const detail: DepecheChangeDetail = e.detail;
  const n: number = detail.annotations.length + (detail.change?.type.length ?? 0);
  void n;
});
document.addEventListener('depeche-error', (e) => console.log(e.detail.message.toUpperCase()));
const json: string = el.export('json');
const brat = el.export('brat');
const ann: string = brat[1].text;
const readyEl: DepecheAnnotator = await el.ready;
const imported: Span[] = await el.import({ txt: 'x', ann: '' }, 'brat');
el.addEventListener('depeche-ready', (e) => e.detail.annotations.map((s) => s.start));
const again: Result = await el.annotate();
const reg: ServiceWorkerRegistration | null = await registerOffline();
void [kinds, big, same, spans, json, ann, again, reg, readyEl, imported, menu];

// Misuse the declarations must reject:
// @ts-expect-error a language is a code, a string (which codes: the core's languages())
await annotate('...', { lang: 42 });
// @ts-expect-error the text is a string
await annotate(42);
// @ts-expect-error not a format
el.export('pdf');
// @ts-expect-error brat exports files, not a string
const notString: string = el.export('brat');
// @ts-expect-error a kind is actor, place or date
const wrong: Kind = 'person';
// @ts-expect-error csv does not import
el.import('a,b', 'csv');
// @ts-expect-error annotations are read as spans
const count: number = el.annotations;
void [notString, wrong, count];
export {};
`;

for (const resolution of [{ module: 'nodenext', moduleResolution: 'nodenext' }, { module: 'esnext', moduleResolution: 'bundler' }]) {
  test(`a TypeScript consumer type-checks against the declarations (${resolution.moduleResolution})`, () => {
    assert.ok(existsSync(TSC), 'typescript is not installed: run npm ci');
    const app = join(dir, 'cms');
    writeFileSync(join(app, 'usage.ts'), USAGE);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { ...resolution, target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, types: [], skipLibCheck: false },
      files: ['usage.ts'],
    }));
    let out = '';
    try {
      execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    } catch (e) {
      out = `${e.stdout}${e.stderr}`;
    }
    assert.equal(out, '', out);
  });
}
