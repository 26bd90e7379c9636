// The lexicon panel: what the editor taught depeche (names to add, highlights to reject).
// Why: learning is only trustworthy when it can be seen and undone: list, edit, delete, export,
// import, clear. Every change goes through the session (so it is undoable and re-annotates);
// the lexicon itself is an immutable value (core/lexicon.js). Each row says where the entry
// applies (every dispatch, or the one dispatch it is kept to: a select changes it), when it was
// learned, and how often it applied in the dispatch open now (countUses: the spans an add made,
// the mentions a reject kept unmarked).
// Trade-offs: editing is a small form per row (text, kind, add/reject), values are edited on the
// spans, not here; counts are for the dispatch open now, computed only while the panel is open.

import { h, download } from './dom.js';
import { KINDS, valueText, clip } from './labels.js';
import { Lexicon, countUses } from '../core/lexicon.js';

/** "12 Mar 2024, 09:30" in the reader's locale, or '' for an entry from before times were kept. */
function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  try {
    return d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  } catch { return d.toISOString().slice(0, 16).replace('T', ' '); }
}

/**
 * @param {HTMLDetailsElement} section
 * @param {{session:()=>any, notices:any, dialogs:any, save:()=>void}} deps
 */
export function createLexiconPanel(section, deps) {
  const count = h('span', { class: 'dp-count' });
  const list = h('ul', { class: 'dp-lexicon-list' });
  const file = h('input', { type: 'file', accept: '.json,application/json', class: 'dp-lexicon-file', hidden: true });
  const set = (lex, what) => {
    const s = deps.session();
    s.setLexicon(lex);
    deps.notices.announce(what);
  };
  const guard = (fn) => async (...a) => { try { await fn(...a); } catch (e) { deps.notices.error(e, 'Lexicon'); } };

  section.replaceChildren(
    h('summary', {}, h('h2', {}, 'Lexicon ', count)),
    h('p', { class: 'dp-note', text: 'Names your corrections taught. “Every dispatch” entries apply to the dispatches you open next; “this dispatch” ones only record a correction kept to its dispatch.' }),
    h('div', { class: 'dp-row' },
      h('button', { type: 'button', class: 'dp-lex-export', text: 'Export', on: { click: guard(() => {
        download('depeche-lexicon.json', `${JSON.stringify(deps.session().lexicon.toJSON(), null, 1)}\n`, 'application/json');
      }) } }),
      h('button', { type: 'button', class: 'dp-lex-import', text: 'Import…', on: { click: () => file.click() } }),
      h('button', { type: 'button', class: 'dp-lex-clear', text: 'Clear', on: { click: guard(async () => {
        const lex = deps.session().lexicon;
        if (!lex.size) return;
        if (!await deps.dialogs.confirm('Clear the lexicon?', `All ${lex.size} learned entries will be forgotten (Undo brings them back).`, 'Clear')) return;
        set(lex.clear(), 'Lexicon cleared.');
      }) } })),
    file, list);

  file.addEventListener('change', guard(async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    const other = Lexicon.fromJSON(await f.text());
    set(deps.session().lexicon.merge(other), `Imported ${other.size} lexicon entries.`);
  }));

  function editRow(li, e) {
    const text = h('input', { type: 'text', class: 'dp-lex-text', value: e.text, 'aria-label': 'Name' });
    const kind = h('select', { class: 'dp-lex-kind', 'aria-label': 'Kind' },
      ...(e.type === 'reject' ? [h('option', { value: '', text: 'any kind' })] : []),
      ...KINDS.map((k) => h('option', { value: k, text: k })));
    /** @type {HTMLSelectElement} */ (kind).value = e.kind ?? '';
    const type = h('select', { class: 'dp-lex-type', 'aria-label': 'Entry type' },
      h('option', { value: 'add', text: 'highlight' }), h('option', { value: 'reject', text: 'reject' }));
    /** @type {HTMLSelectElement} */ (type).value = e.type;
    const form = h('form', { class: 'dp-lex-edit' }, text, type, kind,
      h('button', { type: 'submit', text: 'Save' }),
      h('button', { type: 'button', text: 'Cancel', on: { click: () => refresh() } }));
    form.addEventListener('submit', guard((ev) => {
      ev.preventDefault();
      const t = /** @type {HTMLSelectElement} */ (type).value, k = /** @type {HTMLSelectElement} */ (kind).value;
      if (t === 'add' && !k) throw new Error('A name to highlight needs a kind.');
      const entry = { type: t, text: /** @type {HTMLInputElement} */ (text).value.trim(), ...(k ? { kind: k } : {}),
        ...(e.value !== undefined && t === 'add' && k === e.kind ? { value: e.value } : {}), ...(e.from ? { from: e.from } : {}),
        scope: e.scope, ...(e.learned ? { learned: e.learned } : {}) };
      set(deps.session().lexicon.update(e.index, entry), `Lexicon entry “${entry.text}” saved.`);
    }));
    li.replaceChildren(form);
    /** @type {HTMLElement} */ (text).focus();
  }

  /** The scope select of a row: every dispatch, or the one dispatch the entry is (or would be) kept to. */
  function scopeSelect(e, docId) {
    const local = e.scope !== 'global' ? e.scope : e.from ?? docId;
    const sel = /** @type {HTMLSelectElement} */ (h('select', { class: 'dp-lex-scope', 'aria-label': `Where “${clip(e.text, 40)}” applies` },
      h('option', { value: 'global', text: 'every dispatch' }),
      h('option', { value: local, text: local === docId ? 'this dispatch only' : 'its own dispatch only', title: local })));
    sel.value = e.scope === 'global' ? 'global' : local;
    sel.addEventListener('change', guard(() => {
      const lex = deps.session().lexicon;
      set(lex.setScope(e.index, sel.value), sel.value === 'global'
        ? `“${e.text}” now applies to every dispatch.` : `“${e.text}” now kept to ${local === docId ? 'this' : 'its own'} dispatch.`);
    }));
    return sel;
  }

  function refresh() {
    const s = deps.session();
    if (!s) return;
    const entries = s.lexicon.entries();
    count.textContent = `(${entries.length})`;
    const docId = s.doc.id;
    const uses = section.open ? countUses(s.lexicon, s.doc.text, s.spans) : [];
    list.replaceChildren(...entries.map((e) => {
      const li = h('li', { class: `dp-lex-entry dp-lex-${e.type}`, dataset: { scope: e.scope === 'global' ? 'global' : 'local' } });
      const n = uses[e.index];
      const learned = when(e.learned);
      li.append(
        h('span', { class: `dp-swatch ${e.kind ? `dp-${e.kind}` : ''}`, 'aria-hidden': 'true', text: e.type === 'reject' ? '✕' : (e.kind ?? '?')[0].toUpperCase() }),
        h('span', { class: 'dp-lex-name', text: clip(e.text, 50) }),
        h('span', { class: 'dp-lex-what', text: e.type === 'reject' ? ` not ${e.kind ?? 'highlighted'}` : ` ${e.kind}${e.value ? ` — ${valueText(e.kind, e.value)}` : ''}` }),
        h('button', { type: 'button', class: 'dp-lex-edit-btn', text: 'Edit', 'aria-label': `Edit lexicon entry ${e.text}`, on: { click: () => editRow(li, e) } }),
        h('button', { type: 'button', class: 'dp-lex-del', text: 'Delete', 'aria-label': `Delete lexicon entry ${e.text}`,
          on: { click: guard(() => set(deps.session().lexicon.remove(e.index), `Lexicon entry “${e.text}” deleted.`)) } }),
        h('span', { class: 'dp-lex-meta' },
          scopeSelect(e, docId),
          learned ? h('span', { class: 'dp-lex-when', text: `learned ${learned}`, title: e.learned }) : null,
          typeof n === 'number' ? h('span', { class: 'dp-lex-uses', text: e.type === 'add' ? `${n} here` : `${n} left unmarked here`,
            title: e.type === 'add' ? 'Highlights of this name and kind in the dispatch open now' : 'Mentions of this name not highlighted as this kind in the dispatch open now' }) : null));
      return li;
    }));
  }
  section.addEventListener('toggle', () => { if (section.open) refresh(); });
  return { refresh };
}
