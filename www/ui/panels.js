// Read-only views of the store: the legend (counts per kind), the entity panel, the orphans.
// Why: they redraw from session.spans / session.entities() / doc.orphans after every change and
// hold no state of their own; clicks are passed back to the editor as callbacks.
// Trade-off: the entity panel is redrawn whole on each change (it is small next to the text,
// and capped for huge texts).
// The entity panel is one tab stop (a roving tabindex): Tab lands on the last mention used,
// arrow keys move between mentions, Home/End go to the first/last, Enter jumps to it. It keeps
// the mention it was on, and the focus, across redraws.

import { h } from './dom.js';
import { KINDS, KIND_KEY, KIND_NAME, valueText, clip } from './labels.js';

// A 5 MB paste has tens of thousands of mentions: the panel shows the first ones (the text shows all).
const MAX_ENTITIES = 300;
const MAX_MENTIONS = 40;
// ...and, for a kind with more than BIG_KIND mentions (a 5 MB paste, not a dispatch), at most
// MAX_BUTTONS mention buttons: 300 × 40 × 3 buttons cost the browser a frame of style and layout
// work of ~100 ms for a list nobody reads to the end.
const BIG_KIND = 5000;
const MAX_BUTTONS = 600;

/** Legend: one swatch per kind with its letter, name and count. */
export function renderLegend(el, spans) {
  let actor = 0, place = 0, date = 0;
  for (let i = 0; i < spans.length; i++) {
    const k = spans[i].kind;
    if (k === 'actor') actor++; else if (k === 'place') place++; else if (k === 'date') date++;
  }
  const n = { actor, place, date };
  el.replaceChildren(...KINDS.map((k) => h('li', { class: `dp-legend-item dp-${k}`, dataset: { kind: k } },
    h('span', { class: `dp-swatch dp-${k}`, 'aria-hidden': 'true', text: KIND_KEY[k] }),
    h('span', { class: 'dp-legend-name', text: KIND_NAME[k] }),
    h('span', { class: 'dp-count', text: String(n[k]) }))));
}

/**
 * Entity panel: a section per kind, one row per entity (label, value, mentions).
 * @param {HTMLElement} el
 * @param {{kind:string,key:string,label:string,value:any,mentions:{start:number,end:number,text:string}[]}[]} entities
 * @param {(start:number,end:number)=>void} onMention
 */
export function renderEntities(el, entities, onMention) {
  const parts = [];
  for (const kind of KINDS) {
    const list = entities.filter((e) => e.kind === kind);
    const ul = h('ul', { class: 'dp-entities' });
    const rows = list.slice(0, MAX_ENTITIES);
    let all = 0, total = 0;
    for (const ent of list) all += ent.mentions.length;
    for (const ent of rows) total += Math.min(MAX_MENTIONS, ent.mentions.length);
    // Over budget: the same number of buttons for every entity (at least 3).
    const perEntity = all > BIG_KIND && total > MAX_BUTTONS ? Math.max(3, Math.floor(MAX_BUTTONS / rows.length)) : MAX_MENTIONS;
    for (const ent of rows) {
      let v = valueText(kind, ent.value);
      if (kind === 'actor' && ent.value?.canonical === ent.label) v = ent.value?.type ?? '';
      const mentions = h('span', { class: 'dp-mentions' });
      const cap = Math.min(MAX_MENTIONS, perEntity);
      ent.mentions.slice(0, cap).forEach((m, i) => mentions.append(h('button', {
        type: 'button', class: `dp-mention dp-${kind}`, text: clip(m.text, 30),
        'aria-label': `${m.text}, mention ${i + 1} of ${ent.mentions.length} of ${ent.label}`,
        dataset: { start: String(m.start), end: String(m.end) },
        on: { click: () => onMention(m.start, m.end) },
      })));
      if (ent.mentions.length > cap) mentions.append(h('span', { class: 'dp-note', text: `and ${ent.mentions.length - cap} more` }));
      ul.append(h('li', { class: 'dp-entity', dataset: { kind } },
        h('span', { class: 'dp-entity-label', text: clip(ent.label, 60) }),
        v ? h('span', { class: 'dp-entity-value', text: v }) : null,
        mentions));
    }
    parts.push(h('section', { class: `dp-entity-group dp-group-${kind}`, 'aria-label': `${KIND_NAME[kind]}s` },
      h('h3', {}, h('span', { class: `dp-swatch dp-${kind}`, 'aria-hidden': 'true', text: KIND_KEY[kind] }),
        `${KIND_NAME[kind]}s `, h('span', { class: 'dp-count', text: `(${list.length})` })),
      list.length ? ul : h('p', { class: 'dp-empty', text: 'none' }),
      list.length > MAX_ENTITIES ? h('p', { class: 'dp-note', text: `and ${list.length - MAX_ENTITIES} more` }) : null));
  }
  const hadFocus = el.contains(/** @type {any} */ (el.getRootNode()).activeElement);
  el.replaceChildren(...parts);
  rove(el, hadFocus);
}

/** The entity panel's roving tabindex: one mention button is tabbable, arrows move between them. */
function rove(el, refocus) {
  const buttons = /** @type {HTMLButtonElement[]} */ ([...el.querySelectorAll('button.dp-mention')]);
  const cur = buttons.find((b) => `${b.dataset.start}:${b.dataset.end}` === el.dataset.current) ?? buttons[0];
  for (const b of buttons) b.tabIndex = b === cur ? 0 : -1;
  if (!el.dataset.rove) {
    el.dataset.rove = '1';
    el.setAttribute('role', 'toolbar');
    el.setAttribute('aria-orientation', 'vertical');
    el.setAttribute('aria-label', 'Entity mentions: arrow keys move, Enter jumps to the mention in the text');
    el.addEventListener('focusin', (e) => {
      const b = /** @type {Element} */ (e.target).closest?.('button.dp-mention');
      if (!b) return;
      el.dataset.current = `${/** @type {HTMLElement} */ (b).dataset.start}:${/** @type {HTMLElement} */ (b).dataset.end}`;
      for (const x of el.querySelectorAll('button.dp-mention[tabindex="0"]')) if (x !== b) /** @type {HTMLElement} */ (x).tabIndex = -1;
      /** @type {HTMLElement} */ (b).tabIndex = 0;
    });
    el.addEventListener('keydown', (e) => {
      const k = e.key;
      if (e.ctrlKey || e.metaKey || e.altKey || !['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(k)) return;
      const all = /** @type {HTMLElement[]} */ ([...el.querySelectorAll('button.dp-mention')]);
      const i = all.indexOf(/** @type {HTMLElement} */ (e.target));
      if (i < 0 || !all.length) return;
      const j = k === 'Home' ? 0 : k === 'End' ? all.length - 1 : i + (k === 'ArrowDown' || k === 'ArrowRight' ? 1 : -1);
      e.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, j))].focus();
    });
  }
  if (refocus && cur) cur.focus();
}

/** Orphans: corrections whose words are gone, each with a dismiss button. */
export function renderOrphans(section, list, orphans, onDismiss) {
  section.hidden = !orphans.length;
  list.replaceChildren(...orphans.map((o, i) => h('li', { class: 'dp-orphan' },
    h('span', { class: `dp-swatch dp-${o.kind}`, 'aria-hidden': 'true', text: KIND_KEY[o.kind] ?? '?' }),
    h('span', { text: `${o.op === 'reject' ? 'rejected' : o.kind} “${clip(o.exact, 50)}”` }),
    h('button', { type: 'button', class: 'dp-dismiss', text: 'Dismiss', 'aria-label': `Dismiss the lost correction “${o.exact}”`,
      on: { click: () => onDismiss(i) } }))));
}
