// What the editor tells the person: errors, announcements for screen readers, autosave status.
// Why: "errors are shown and the page keeps working" needs one visible place for every failure
// (engine, storage, import, bad values), and keyboard-only work needs a live region that says
// what a key did. Trade-off: errors stack until dismissed (nothing disappears on its own).

import { h } from './dom.js';

/**
 * @param {{errors:HTMLElement, live:HTMLElement, status:HTMLElement}} els
 */
export function createNotices(els) {
  let lastAnnounce = '';
  return {
    /** Show an error (Error or string) with a dismiss button; returns the row. */
    error(err, context = '') {
      const msg = err instanceof Error ? err.message : String(err);
      // Shown to the person; the console gets a warning with the stack for whoever debugs.
      if (err instanceof Error && err.name !== 'UserError') console.warn(err);
      const row = h('div', { class: 'dp-error', role: 'alert' },
        h('span', { class: 'dp-error-text', text: context ? `${context}: ${msg}` : msg }),
        h('button', { type: 'button', class: 'dp-error-dismiss', 'aria-label': 'Dismiss this message', text: '×',
          on: { click: () => { row.remove(); els.errors.hidden = !els.errors.childElementCount; } } }));
      els.errors.append(row);
      els.errors.hidden = false;
      while (els.errors.childElementCount > 8) els.errors.firstElementChild?.remove();
      return row;
    },
    clearErrors() { els.errors.replaceChildren(); els.errors.hidden = true; },
    /** Polite announcement in the live region (repeated texts still announce). */
    announce(msg) {
      const text = msg === lastAnnounce ? `${msg}\u00a0` : msg;
      lastAnnounce = text;
      els.live.textContent = text;
    },
    /** Autosave and background work status: "saved", "saving…", "error: …". */
    status(msg, isError = false) {
      els.status.textContent = msg;
      els.status.classList.toggle('dp-status-error', isError);
    },
  };
}

/** An error meant for the user (shown without a console stack). */
export class UserError extends Error {
  constructor(msg) { super(msg); this.name = 'UserError'; }
}
