// Small DOM helpers for the editor component.
// Why: every piece of the UI builds elements, and user text must reach the DOM only as text.
// `h()` makes that the easy path: strings become text nodes, never markup; there is no way to
// pass HTML through it. Trade-off: no templating, so views are built in code, which is verbose
// but keeps the component free of innerHTML and of any build step.

/**
 * Create an element. attrs: class, text, on:{event:fn}, dataset:{}, plus plain attributes
 * (aria-*, role, type, title...) set with setAttribute. Children: nodes or strings (as text).
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked' || k === 'disabled' || k === 'hidden') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null && c !== false) el.append(c);
  return el;
}

/** Query one element inside a root (never the whole document: the editor may live in a shadow root). */
export function $(root, sel) {
  const el = root.querySelector(sel);
  if (!el) throw new Error(`depeche: missing ${sel} in the editor's root`);
  return el;
}

/** Save text as a file: a Blob and a detached <a download> (the host page's DOM is not touched). */
export function download(filename, text, mime = 'text/plain') {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = h('a', { href: url, download: filename, hidden: true });
  try { a.click(); } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Read a File as text (UTF-8). */
export function readFile(file) {
  return file.text();
}

/** Debounce: run fn once, `ms` after the last call; `.flush()` runs a pending call now. */
export function debounce(fn, ms) {
  let t = 0, args = null;
  const run = () => { t = 0; const a = args; args = null; fn(...a); };
  const d = (...a) => { args = a; clearTimeout(t); t = setTimeout(run, ms); };
  d.flush = () => { if (t) { clearTimeout(t); run(); } };
  d.cancel = () => { clearTimeout(t); t = 0; args = null; };
  d.pending = () => t !== 0;
  return d;
}
