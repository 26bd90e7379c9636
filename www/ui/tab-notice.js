// The notice a tab shows when another tab writes its dispatch: one line saying so, and "Take over".
// Why: a second tab on the same dispatch is read-only (core/tabs.js); without a word the person
// would press keys that do nothing. The line says why and offers the one way out, and says so
// again when this tab gets the dispatch back. Trade-off: it stays until the situation changes
// (no dismiss button while the tab is read-only: it would hide why keys do nothing).

import { h } from './dom.js';

/**
 * @param {{takeOver: () => void}} deps
 * @returns {{el: HTMLElement, show: (text: string, offerTakeOver: boolean) => void, hide: () => void}}
 */
export function createTabNotice(deps) {
  const text = h('span', { class: 'dp-learned-text dp-tab-notice-text' });
  const take = h('button', { type: 'button', class: 'dp-take-over', text: 'Take over', title: 'Edit this dispatch here; the other tab becomes read-only' });
  const close = h('button', { type: 'button', class: 'dp-learned-close', text: '×', 'aria-label': 'Dismiss' });
  const el = h('div', { class: 'dp-learned dp-tab-notice', role: 'status', hidden: true }, text, take, close);
  take.addEventListener('click', () => deps.takeOver());
  close.addEventListener('click', () => { el.hidden = true; });
  return {
    el,
    show(message, offerTakeOver) {
      text.textContent = message;
      take.hidden = !offerTakeOver;
      close.hidden = offerTakeOver;
      el.hidden = false;
    },
    hide() { el.hidden = true; },
  };
}
