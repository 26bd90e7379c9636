// The README's "Inside your CMS editor" recipes, turned into the pages the editor tests and the
// editor benchmark load. Why: the recipes are what integrators copy; running them as written is
// the only way to know they work. Each recipe is a fenced block after a `<!-- recipe: NAME -->`
// marker: an ```html block (the page's body) and an optional ```js block whose first line,
// `// /cms/FILE.js: ...`, says where the page loads it from. The pages fill in the recipe's
// placeholders: ARTICLE_HTML (escaped inside a textarea), ARTICLE_TEXT, ANNOTATIONS_JSON.
// Trade-off: the ES-module editors (ProseMirror, Tiptap, Lexical) get an import map in <head>
// that the README only describes; it is generated here (importmap.mjs) from node_modules/.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ROOT } from '../server.mjs';
import { importMap } from './importmap.mjs';

/** The editors, in the README's order. */
export const EDITORS = ['ckeditor5', 'tinymce', 'tinymce-inline', 'quill', 'prosemirror', 'tiptap', 'lexical', 'textarea'];

/** The bare specifiers each ES-module recipe imports (the import map's entries). */
const MODULE_ENTRIES = {
  prosemirror: ['prosemirror-state', 'prosemirror-view', 'prosemirror-model', 'prosemirror-schema-basic', 'prosemirror-example-setup'],
  tiptap: ['@tiptap/core', '@tiptap/starter-kit'],
  lexical: ['lexical', '@lexical/rich-text', '@lexical/history', '@lexical/html'],
};

/** A wire dispatch for these tests (invented people; French wire style), one string per paragraph. */
export const DISPATCH = [
  "LYON, 14 mars 2025 (AFP) - Le maire de Villeurbanne, Octave Delaunoy, a annoncé vendredi la fermeture du pont Lafayette après la crue du Rhône, selon la préfecture.",
  "La députée Mathilde Ferrandier a demandé au gouvernement un plan d'urgence pour Givors et Vienne, où les pompiers ont évacué 300 habitants dans la nuit de jeudi à vendredi.",
  "Le trafic ferroviaire entre Lyon et Grenoble restera interrompu jusqu'au 17 mars, a précisé la SNCF.",
];
/** What depeche must find in DISPATCH: [kind, text]. */
export const EXPECTED = [
  ['actor', 'Octave Delaunoy'], ['actor', 'Mathilde Ferrandier'], ['place', 'Villeurbanne'], ['place', 'Givors'],
  ['place', 'Grenoble'], ['date', '14 mars 2025'], ['date', '17 mars'],
];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The recipes of README.md: name -> {html, js: {path, source}|null}.
 * @returns {Record<string, {html:string|null, js:{path:string, source:string}|null}>}
 */
export function readRecipes(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')) {
  const start = readme.indexOf('## Inside your CMS editor');
  if (start < 0) throw new Error('README.md: no "## Inside your CMS editor" section');
  const end = readme.indexOf('\n## ', start + 3);
  const section = readme.slice(start, end < 0 ? undefined : end);
  /** @type {Record<string, any>} */
  const out = {};
  const parts = section.split(/<!-- recipe: ([\w-]+) -->/);
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i], body = parts[i + 1];
    const html = /```html\n([\s\S]*?)```/.exec(body)?.[1] ?? null;
    const jsBlock = /```js\n([\s\S]*?)```/.exec(body)?.[1] ?? null;
    let js = null;
    if (jsBlock) {
      const path = /^\/\/ (\/\S+\.js):/.exec(jsBlock)?.[1];
      if (!path) throw new Error(`README.md recipe ${name}: its js block does not start with "// /path.js:"`);
      js = { path, source: jsBlock };
    }
    out[name] = { html, js };
  }
  return out;
}

/** The import map script for an ES-module editor ('' for the others) and its CSP hash. */
export function importMapFor(name) {
  if (!MODULE_ENTRIES[name]) return { tag: '', hash: null };
  const json = JSON.stringify({ imports: importMap(MODULE_ENTRIES[name]).imports });
  return { tag: `<script type="importmap">${json}</script>`, hash: `'sha256-${createHash('sha256').update(json).digest('base64')}'` };
}

/**
 * The page of one recipe.
 * @param {string} name
 * @param {{paragraphs?:string[], annotations?:any[]|null, late?:boolean, recipes?:any}} [o]
 *   late: without the editor's own script (the test loads it later: depeche starts first)
 */
export function recipePage(name, { paragraphs = DISPATCH, annotations = null, late = false, recipes = readRecipes() } = {}) {
  const r = recipes[name];
  if (!r?.html) throw new Error(`README.md: no html block for the recipe ${name}`);
  const articleHtml = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  let body = r.html
    .replace(/(<textarea[^>]*>)ARTICLE_HTML(<\/textarea>)/g, (_, a, b) => a + escapeHtml(articleHtml) + b)
    .replace(/ARTICLE_HTML/g, articleHtml)
    .replace(/ARTICLE_TEXT/g, escapeHtml(paragraphs.join('\n\n')))
    .replace(/ANNOTATIONS_JSON/g, annotations ? escapeHtml(JSON.stringify(annotations)) : '');
  if (late && r.js) body = body.split('\n').filter((l) => !l.includes(`src="${r.js.path}"`)).join('\n');
  return `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>${name}</title>${importMapFor(name).tag}</head><body>\n${body}</body></html>\n`;
}

/**
 * Every page and script the recipes need, for serve()'s `pages`: /NAME.html, /NAME-late.html,
 * and the recipes' /cms/*.js.
 */
export function recipePages(extra = {}) {
  const recipes = readRecipes();
  /** @type {Record<string,string>} */
  const pages = {};
  for (const r of Object.values(recipes)) if (r.js) pages[r.js.path] = r.js.source;
  for (const name of EDITORS) {
    pages[`/${name}.html`] = recipePage(name, { recipes });
    pages[`/${name}-late.html`] = recipePage(name, { recipes, late: true });
  }
  return { ...pages, ...extra };
}

/** The strict CSP of the tests, with the import maps' hashes (an inline import map is a script). */
export function strictCsp() {
  const hashes = Object.keys(MODULE_ENTRIES).map((n) => importMapFor(n).hash).join(' ');
  return `script-src 'self' 'wasm-unsafe-eval' ${hashes}; style-src 'self'`;
}
