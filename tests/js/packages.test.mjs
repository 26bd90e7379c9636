// What the packages ship is what the README says they ship: `cargo package --list` and
// `npm pack --dry-run` against the README's "ships" lists (every file shipped matches a line of
// its list, every line ships at least one file), both declare the licences, and they carry one
// version. Why: a newsroom's legal team reads the licence first, and an integrator trusts the
// README's list of what is in the tarball; a list that drifts from the package says something false.

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CARGO = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');

/** The lines of the README's code block after `<!-- ships: NAME -->`. */
function shipsList(name) {
  const m = new RegExp(`<!-- ships: ${name} -->\\n\`\`\`\\n([\\s\\S]*?)\`\`\``).exec(README);
  assert.ok(m, `README has no "ships: ${name}" list`);
  return m[1].split('\n').map((l) => l.trim()).filter(Boolean);
}
/** A line of such a list as a test: a path, or a folder followed by `**`. */
const matcher = (line) => (line.endsWith('/**') ? (f) => f.startsWith(line.slice(0, -2)) : (f) => f === line);

function agree(files, list, what) {
  const ms = list.map((l) => [l, matcher(l)]);
  const unlisted = files.filter((f) => !ms.some(([, m]) => m(f)));
  assert.deepEqual(unlisted, [], `${what} ships files the README does not list`);
  const empty = ms.filter(([, m]) => !files.some(m)).map(([l]) => l);
  assert.deepEqual(empty, [], `${what}: README lines that ship nothing`);
}

test('npm pack ships what the README lists, licences included', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' } });
  const files = JSON.parse(out)[0].files.map((f) => f.path);
  agree(files, shipsList('npm'), 'npm pack');
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'data/LICENCES.md']) assert.ok(files.includes(f), f);
  assert.equal(PKG.license, 'MIT OR Apache-2.0');
  assert.notEqual(PKG.private, true, 'the npm package is publishable');
});

const cargo = (() => { try { execFileSync('cargo', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
test('cargo package ships what the README lists, licences included', { skip: cargo ? false : 'cargo is not installed' }, () => {
  const out = execFileSync('cargo', ['package', '-p', 'depeche', '--list', '--allow-dirty', '--offline'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // cargo adds its own bookkeeping files to every package
  const files = out.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'Cargo.toml.orig' && l !== '.cargo_vcs_info.json');
  agree(files, shipsList('crate'), 'cargo package');
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE', 'data/LICENCES.md']) assert.ok(files.includes(f), f);
  assert.match(CARGO, /^license = "MIT OR Apache-2\.0"$/m);
});

test('licence files, one version, one Node version', () => {
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) assert.ok(existsSync(join(ROOT, f)), f);
  assert.match(readFileSync(join(ROOT, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
  assert.match(readFileSync(join(ROOT, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
  const version = /^version = "([^"]+)"/m.exec(CARGO)[1];
  assert.equal(PKG.version, version, 'package.json and Cargo.toml carry one version');
  assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## (Unreleased|${version.replace(/\./g, '\\.')})`, 'm'));
  const node = /^>=(\d+)$/.exec(PKG.engines.node)?.[1];
  assert.ok(node, PKG.engines.node);
  assert.match(README, new RegExp(`Node\\.js\\s+${node} or newer`), 'the README names the Node version of engines');
  assert.ok(Number(process.versions.node.split('.')[0]) >= Number(node), `this Node (${process.version}) is older than engines says`);
});
