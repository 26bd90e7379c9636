// Export and import panel: every format of formats/index.js, for this dispatch or the history.
// Why: the formats are adapters at the boundary (recogito's format adapter); this panel only
// gathers {doc, result, spans} items, hands them to a format and downloads what comes back, or
// reads files and hands the imported {doc, spans} to the editor, which loads them into the
// session (restoring the corrections exactly). Nothing is replaced before an import succeeds.
// Trade-off: the format of an imported file is chosen by its extension and, for .json, by a look
// at its content (W3C annotations have an "@context"); brat needs the .txt and .ann together.

import { h, download } from './dom.js';
import { UserError } from './notices.js';
import { FORMATS } from '../formats/index.js';

/**
 * @param {HTMLDetailsElement} section
 * @param {{session:()=>any, storage:any, notices:any, annotate:Function, Session:any,
 *          openImported:(items:{doc:any,spans:any[]|undefined}[])=>Promise<void>}} deps
 */
export function createIoPanel(section, deps) {
  const format = h('select', { class: 'dp-format', 'aria-label': 'Export format' },
    ...FORMATS.map((f) => h('option', { value: f.id, text: `${f.label} (.${f.ext})` })));
  const scope = h('select', { class: 'dp-scope', 'aria-label': 'What to export' },
    h('option', { value: 'doc', text: 'this dispatch' }), h('option', { value: 'all', text: 'every dispatch in history' }));
  const file = h('input', { type: 'file', multiple: true, class: 'dp-import-file', 'aria-label': 'Import files',
    accept: '.json,.jsonld,.jsonl,.ann,.txt,.conf,application/json' });
  const guard = (fn) => async (...a) => { try { await fn(...a); } catch (e) { deps.notices.error(e, 'Import/export'); } };

  section.replaceChildren(
    h('summary', {}, h('h2', { text: 'Export / import' })),
    h('div', { class: 'dp-row' }, format, scope,
      h('button', { type: 'button', class: 'dp-export', text: 'Export', on: { click: guard(() => exportNow()) } })),
    h('label', { class: 'dp-field' }, h('span', { text: 'Import JSON, W3C JSON-LD, or brat .txt + .ann (+ annotation.conf): ' }), file),
  );
  file.addEventListener('change', guard(async () => {
    const files = [...(file.files ?? [])];
    file.value = '';
    if (files.length) await importFiles(files);
  }));

  async function items(which) {
    const s = deps.session();
    if (which === 'doc') return [{ doc: s.doc, result: s.result, spans: s.spans }];
    if (!deps.storage) throw new UserError('Storage is unavailable: there is no history to export.');
    const out = [];
    for (const meta of await deps.storage.listDocs()) {
      if (meta.id === s.doc.id) { out.push({ doc: s.doc, result: s.result, spans: s.spans }); continue; }
      const rec = await deps.storage.loadDoc(meta.id);
      if (!rec) continue;
      const t = new deps.Session({ annotate: deps.annotate, lexicon: s.lexicon });
      t.load(rec.doc);
      if (t.pending) await new Promise((ok) => t.addEventListener('change', ok, { once: true }));
      out.push({ doc: t.doc, result: t.result, spans: t.spans });
    }
    if (!out.some((i) => i.doc.id === s.doc.id)) out.unshift({ doc: s.doc, result: s.result, spans: s.spans });
    return out;
  }

  async function exportNow() {
    const f = FORMATS.find((x) => x.id === /** @type {HTMLSelectElement} */ (format).value);
    if (!f) throw new UserError('Choose a format.');
    const list = await items(/** @type {HTMLSelectElement} */ (scope).value);
    const out = await f.export(list); // brat-zip: a Promise of {filename, data} (binary)
    for (const one of Array.isArray(out) ? out : [out]) download(one.filename, one.data ?? one.text, f.mime);
    deps.notices.announce(`Exported ${list.length} dispatch${list.length > 1 ? 'es' : ''} as ${f.label}.`);
  }

  /** Import files (picked together): returns the imported items after loading the last one. */
  async function importFiles(files) {
    const byName = new Map(files.map((f) => [f.name, f]));
    const results = [];
    const used = new Set();
    // brat's annotation.conf, when picked with the .txt and .ann: it keeps the reference dates
    const confFile = byName.get('annotation.conf');
    const conf = confFile ? await confFile.text() : undefined;
    if (confFile) used.add(confFile.name);
    for (const f of files) {
      if (used.has(f.name)) continue;
      const base = f.name.replace(/\.[^.]+$/, '');
      const ext = (f.name.match(/\.([^.]+)$/)?.[1] ?? '').toLowerCase();
      if (ext === 'ann' || ext === 'txt') {
        const ann = byName.get(`${base}.ann`), txt = byName.get(`${base}.txt`);
        if (ann && txt) {
          used.add(ann.name); used.add(txt.name);
          results.push(...fmt('brat').import({ txt: await txt.text(), ann: await ann.text(), ...(conf !== undefined ? { conf } : {}) }, base));
          continue;
        }
        if (ext === 'ann') throw new UserError(`${f.name}: a brat .ann file needs its .txt file (pick both).`);
        used.add(f.name);
        results.push({ doc: { id: '', title: base, text: (await f.text()).replace(/\r\n?/g, '\n'), lang: 'auto', dct: null, corrections: [], orphans: [] }, spans: undefined });
        continue;
      }
      used.add(f.name);
      results.push(...importJsonText(await f.text(), f.name));
    }
    if (!results.length) throw new UserError('Nothing to import in those files.');
    const items = importedItems(results);
    for (const r of results) for (const w of r.warnings ?? []) deps.notices.error(w, 'Import warning');
    await deps.openImported(items);
    deps.notices.announce(`Imported ${items.length} dispatch${items.length > 1 ? 'es' : ''}.`);
    return items;
  }

  return { importFiles, exportNow };
}

function fmt(id) {
  const f = FORMATS.find((x) => x.id === id);
  if (!f?.import) throw new UserError(`The ${id} format cannot be imported${f ? '' : ' (no such format)'}.`);
  return f;
}

/** A JSON text: W3C annotations (an "@context" or an Annotation type near the start) or depeche JSON. */
function importJsonText(text, name) {
  const w3c = /"@context"|"type"\s*:\s*"(?:Annotation|AnnotationCollection|AnnotationPage)"/.test(text.slice(0, 4096));
  return fmt(w3c ? 'w3c' : 'json').import(text, name);
}

/** The formats' import results as items ready for session.load: ids, dates, empty corrections. */
function importedItems(results) {
  const now = new Date().toISOString();
  return results.map((r) => ({
    doc: { ...r.doc, id: r.doc.id || `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
      created: r.doc.created ?? now, updated: now, corrections: r.doc.corrections ?? [], orphans: r.doc.orphans ?? [] },
    spans: r.spans,
    warnings: r.warnings ?? [],
  }));
}

/**
 * Import data given in code (the element's `import()`): a string (JSON, JSON-LD, JSON Lines), an
 * object (parsed JSON), or brat's `{txt, ann}`; `format` (json | w3c | brat) when known.
 * @returns {{doc:any, spans:any[]|undefined, warnings:string[]}[]}
 */
export function importData(data, format, name = 'import') {
  if (data == null) throw new UserError('Nothing to import.');
  let results;
  if (format === 'brat' || (typeof data === 'object' && 'txt' in data && 'ann' in data)) {
    if (typeof data !== 'object' || typeof data.txt !== 'string' || typeof data.ann !== 'string') throw new UserError('brat import needs {txt, ann} (two strings).');
    results = fmt('brat').import({ txt: data.txt, ann: data.ann, ...(typeof data.conf === 'string' ? { conf: data.conf } : {}) }, name);
  } else {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    results = format ? fmt(format).import(text, name) : importJsonText(text, name);
  }
  if (!results.length) throw new UserError('Nothing to import in that data.');
  return importedItems(results);
}
