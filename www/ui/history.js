// The history panel: the last dispatches kept by storage, to reopen or delete.
// Why: "work is never lost" means the previous dispatches stay one click away. The list is read
// from storage after each save; the current dispatch is marked. Trade-off: titles only (the
// first line of each text), no search.

import { h } from './dom.js';
import { clip } from './labels.js';

/**
 * @param {HTMLDetailsElement} section
 * @param {{storage:any, notices:any, dialogs:any, current:()=>any, open:(id:string)=>void, newDoc:()=>void}} deps
 */
export function createHistoryPanel(section, deps) {
  const list = h('ol', { class: 'dp-history-list' });
  const note = h('p', { class: 'dp-note', text: deps.storage ? '' : 'Storage is unavailable: dispatches are not kept.' });
  section.replaceChildren(
    h('summary', {}, h('h2', { text: 'History' })),
    h('button', { type: 'button', class: 'dp-new', text: 'New dispatch', on: { click: () => deps.newDoc() } }),
    note, list);
  let seq = 0;
  async function refresh() {
    if (!deps.storage) return;
    const mine = ++seq;
    let docs;
    try { docs = await deps.storage.listDocs(); } catch (e) { deps.notices.error(e, 'History'); return; }
    if (mine !== seq) return;
    const cur = deps.current()?.id;
    list.replaceChildren(...docs.map((d) => h('li', { class: `dp-history-item${d.id === cur ? ' dp-current-doc' : ''}` },
      h('button', { type: 'button', class: 'dp-open', 'aria-current': d.id === cur ? 'true' : null,
        title: d.updated ? `last changed ${d.updated}` : null, on: { click: () => deps.open(d.id) } },
      h('span', { class: 'dp-history-title', text: clip(d.title || 'Untitled dispatch', 70) }),
      d.updated ? h('span', { class: 'dp-history-date', text: ` ${d.updated.slice(0, 16).replace('T', ' ')}` }) : null),
      h('button', { type: 'button', class: 'dp-delete-doc', text: 'Delete', 'aria-label': `Delete “${clip(d.title, 40)}” from history`,
        on: { click: async () => {
          if (!await deps.dialogs.confirm('Delete this dispatch?', `“${clip(d.title, 60)}” and its corrections leave the history.`, 'Delete')) return;
          try {
            await deps.storage.deleteDoc(d.id);
            deps.notices.announce('Deleted from history.');
          } catch (e) { deps.notices.error(e, 'History'); }
          refresh();
        } } }))));
  }
  return { refresh };
}
