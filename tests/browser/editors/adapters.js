// Page-side helpers of the editor tests and benchmark: each editor's own API, behind one shape.
// Why: the tests ask every editor the same questions (what does it save? destroy it, create it
// again) and each editor answers through a different API; this module, imported into the recipe
// page (`import('/tests/browser/editors/adapters.js')`), keeps those differences in one place.
// The editor instances come from the recipes' own modules (`export const editor`): importing the
// recipe's URL again gives the same instance; importing it with a new query string runs the recipe
// again (a new editor, as reopening the article would).
// Trade-off: Quill has no destroy(): its container is replaced by a fresh one, as a page does.

/** @type {Record<string,string>} the URL of each editor's current recipe module */
const current = {};
let runs = 0;

const moduleOf = (name) => import(current[name] ?? `/cms/${name}.js`);
const editorOf = async (name) => (await moduleOf(name)).editor;
const byId = (id) => /** @type {any} */ (document.getElementById(id));

/** A detached element holding `html` (parsed inertly; the article's own markup). */
function parsed(html) {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

const A = {
  ckeditor5: {
    editable: () => document.querySelector('.ck-editor__editable'),
    end: (ed) => {
      ed.model.change((w) => w.setSelection(w.createPositionAt(ed.model.document.getRoot(), 'end')));
      ed.editing.view.focus();
    },
    save: (ed) => ed.getData(),
    destroy: (ed) => ed.destroy(),
  },
  tinymce: {
    editable: () => /** @type {HTMLIFrameElement} */ (document.querySelector('#body_ifr'))?.contentDocument?.body ?? null,
    save: (ed) => ed.getContent(),
    destroy: (ed) => ed.remove(),
    end: (ed) => { ed.focus(); const p = ed.getBody().lastChild; ed.selection.setCursorLocation(p, p.childNodes.length); },
  },
  'tinymce-inline': {
    editable: () => byId('body'),
    save: (ed) => ed.getContent(),
    destroy: (ed) => ed.remove(),
    end: (ed) => { ed.focus(); const p = ed.getBody().lastChild; ed.selection.setCursorLocation(p, p.childNodes.length); },
  },
  quill: {
    editable: () => document.querySelector('#editor .ql-editor'),
    end: (ed) => { ed.focus(); ed.setSelection(ed.getLength() - 1, 0); },
    save: (ed) => `${ed.getSemanticHTML()}\n${JSON.stringify(ed.getContents())}`,
    destroy: (ed) => {
      const fresh = document.createElement('div');
      fresh.id = 'editor';
      fresh.append(...parsed(ed.getSemanticHTML()).childNodes);
      const bar = ed.container.previousElementSibling;
      if (bar?.classList.contains('ql-toolbar')) bar.remove();
      ed.container.replaceWith(fresh);
    },
  },
  prosemirror: {
    editable: () => document.querySelector('#editor .ProseMirror'),
    save: async (view) => {
      const { DOMSerializer } = await import('prosemirror-model');
      const box = document.createElement('div');
      box.append(DOMSerializer.fromSchema(view.state.schema).serializeFragment(view.state.doc.content));
      return `${box.innerHTML}\n${JSON.stringify(view.state.doc.toJSON())}`;
    },
    destroy: (view) => view.destroy(),
    end: async (view) => {
      const { TextSelection } = await import('prosemirror-state');
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.atEnd(view.state.doc)));
    },
  },
  tiptap: {
    editable: () => document.querySelector('#editor .tiptap'),
    save: (ed) => `${ed.getHTML()}\n${JSON.stringify(ed.getJSON())}`,
    destroy: (ed) => ed.destroy(),
    end: (ed) => ed.commands.focus('end'),
  },
  lexical: {
    editable: () => byId('editor'),
    save: async (ed) => {
      const { $generateHtmlFromNodes } = await import('@lexical/html');
      const html = ed.getEditorState().read(() => $generateHtmlFromNodes(ed, null));
      return `${html}\n${JSON.stringify(ed.getEditorState().toJSON())}`;
    },
    destroy: (ed) => ed.setRootElement(null),
    end: async (ed) => {
      const { $getRoot } = await import('lexical');
      ed.focus();
      await new Promise((ok) => ed.update(() => { $getRoot().selectEnd(); }, { onUpdate: ok }));
    },
  },
  textarea: {
    editable: () => byId('body'),
    save: () => byId('body').value,
    destroy: () => {
      const old = byId('body');
      const fresh = /** @type {HTMLTextAreaElement} */ (old.cloneNode(false));
      fresh.value = old.value;
      old.replaceWith(fresh);
    },
    end: () => { const t = byId('body'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); },
  },
};

/** The element the journalist types in (the iframe's body for TinyMCE classic). */
export function editable(name) { return A[name].editable(); }

/** What the editor saves: its own serialisation (HTML, and its JSON where it has one). */
export async function save(name) {
  return A[name].save(name === 'textarea' ? null : await editorOf(name));
}

/** Focus the editor, the caret at the end of its text (through its own API: its selection model). */
export async function caretEnd(name) {
  await A[name].end(name === 'textarea' ? null : await editorOf(name));
}

/** Run the recipe's editor module (the -late.html pages leave it out: depeche starts first). */
export async function create(name) {
  if (name === 'textarea') return;
  await moduleOf(name);
}

/** Destroy the editor and create it again (the recipe runs again, as on reopening the article). */
export async function recreate(name) {
  await A[name].destroy(name === 'textarea' ? null : await editorOf(name));
  if (name === 'textarea') return;
  current[name] = `/cms/${name}.js?run=${++runs}`;
  await import(current[name]);
}

/** Highlights of a <depeche-annotator> as drawn: CSS highlights in the host's window, else marks. */
export function shown(el = document.querySelector('depeche-annotator'), host = null) {
  const out = [];
  const win = /** @type {any} */ (host?.ownerDocument?.defaultView ?? window);
  for (const kind of ['actor', 'place', 'date']) {
    for (const r of win.CSS?.highlights?.get(`${el.highlightPrefix}-${kind}`) ?? []) out.push({ kind, text: r.toString() });
  }
  for (const m of el.shadowRoot?.querySelectorAll('[part~="mark"]') ?? []) {
    const part = m.getAttribute('part').split(/\s+/).find((p) => /^mark-(actor|place|date)$/.test(p));
    out.push({ kind: part?.slice(5), text: m.textContent });
  }
  return out;
}
