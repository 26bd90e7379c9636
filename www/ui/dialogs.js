// Modal dialogs of the editor: a span's value, a confirmation, the keyboard help.
// Why: correcting a value ("which Tripoli", "which date") needs a small form with validation,
// reachable by keyboard (V or Enter on a span) and returning focus where it was. Native
// <dialog> gives focus trapping and Esc for free. Trade-off: one dialog open at a time.
// The value fields themselves (valueForm) are shared with the correction chip of popover.js,
// which shows them inline, without a modal: one set of fields and checks for both.

import { h } from './dom.js';
import { ACTOR_TYPES, KIND_NAME } from './labels.js';
import { formatPopulation } from './readings.js';

// TIMEX3 values the core writes: 2017-11-03, XXXX-11-03, 2017-11, 2017, 2017-W44,
// 2017-11-03T15:00, 2017-11-01TNI, PRESENT_REF/PAST_REF/FUTURE_REF, durations P3D.
const TIMEX = /^(?:(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W\d{2}(?:-WE)?|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT))?|PRESENT_REF|PAST_REF|FUTURE_REF|P(?:\d+(?:\.\d+)?[YMWDH]|T\d+[HMS])+|\d{2}|\d{3})$/;

/** @returns {string|null} an error message for a date value, or null when it is valid. */
export function dateValueError(v) {
  if (!TIMEX.test(v)) return 'Expected an ISO date or TIMEX3 value, e.g. 2023-03-14, 2023-03, XXXX-03-14, 2023-W11.';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return `${v.slice(0, 10)} is not a calendar date.`;
  } else if (/^(?:\d{4}|XXXX)-(\d{2})/.test(v) && !/^(?:\d{4}|XXXX)-(0[1-9]|1[0-2])/.test(v)) return 'The month must be 01 to 12.';
  return null;
}

/**
 * A date value one step on (dir 1) or back (dir -1), for ↑ and ↓ in the value field: an unknown
 * year (XXXX) becomes `refYear` first; then the finest part known moves (day, month or year).
 * The value unchanged when it has no such part.
 * @param {string} v @param {1|-1} dir @param {string|null} [refYear]
 */
export function stepDate(v, dir, refYear) {
  if (/^XXXX-\d{2}(?:-\d{2})?(?:T|$)/.test(v) && refYear && /^\d{4}$/.test(refYear)) return refYear + v.slice(4);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(T.*)?$/.exec(v);
  if (!m) return v;
  const [, y, mo, d, rest = ''] = m;
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  if (d) {
    const t = new Date(Date.UTC(+y, +mo - 1, +d + dir));
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}${rest}`;
  }
  if (mo) {
    const t = new Date(Date.UTC(+y, +mo - 1 + dir, 1));
    return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}${rest}`;
  }
  return `${pad(+y + dir, 4)}${rest}`;
}


/**
 * The gazetteer's readings of a name as a radio group; choosing one calls `fill`.
 * Nothing when there are fewer than two readings (nothing to choose between).
 */
function readingChoices(readings, fill, describe, isCurrent) {
  if (readings.length < 2) return h('div', { hidden: true });
  const group = h('fieldset', { class: 'dp-readings' }, h('legend', { text: 'Readings in the gazetteer' }));
  readings.slice(0, 12).forEach((r, i) => {
    const input = h('input', { type: 'radio', name: 'dp-reading', value: String(i), class: 'dp-reading' });
    if (isCurrent(r)) /** @type {HTMLInputElement} */ (input).checked = true;
    input.addEventListener('change', () => fill(r));
    group.append(h('label', { class: 'dp-field dp-reading-row' }, input, h('span', { text: describe(r) })));
  });
  return group;
}

function field(label, input) {
  return h('label', { class: 'dp-field' }, h('span', { text: label }), input);
}

/**
 * The fields that correct a span's value, shared by the page's dialog and the for= chip's inline
 * form: `body` to show, `submit()` to read it (throws an Error with a message the person can act
 * on; returns `{value}`, undefined = no value). `readings`: the gazetteer's readings of the name
 * (engine.senses), offered as choices that fill the fields ("Tripoli, Libya" or "Tripoli, Lebanon").
 * `opts.refYear`: the year ↑/↓ put in place of an unknown one (XXXX) in a date's field.
 * @returns {{title:string, body:HTMLElement, submit:()=>{value:any}}}
 */
export function valueForm(span, readings = [], opts = {}) {
  const v = span.value;
  if (span.kind === 'date') {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', name: 'value', class: 'dp-in-date', value: typeof v === 'string' ? v : '',
      placeholder: '2023-03-14', spellcheck: 'false', autocomplete: 'off', 'aria-keyshortcuts': 'ArrowUp ArrowDown',
      title: '↑ / ↓: a day (or month, or year) later / earlier; an unknown year XXXX becomes the reference year' }));
    // ↑ / ↓ step the date: fixing "the day before" or an unknown year takes one key, not ten.
    input.addEventListener('keydown', (e) => {
      if ((e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const next = stepDate(input.value.trim(), e.key === 'ArrowUp' ? 1 : -1, opts.refYear);
      if (next === input.value.trim()) return;
      e.preventDefault();
      input.value = next;
    });
    return { title: `Date value of “${span.text}”`, body: field('ISO / TIMEX3 value', input), submit: () => {
      const s = input.value.trim();
      if (!s) return { value: undefined };
      const e = dateValueError(s);
      if (e) throw new Error(e);
      return { value: s };
    } };
  }
  if (span.kind === 'place') {
    const o = v && typeof v === 'object' ? v : {};
    const country = h('input', { type: 'text', class: 'dp-in-country', value: o.country ?? '', maxlength: '2',
      placeholder: 'SY', autocomplete: 'off', spellcheck: 'false' });
    const ref = h('input', { type: 'text', class: 'dp-in-ref', value: o.ref ?? '', placeholder: 'geonames:170794',
      autocomplete: 'off', spellcheck: 'false' });
    /** @type {{lat?: number, lon?: number}} */
    let picked = {};
    const choices = readingChoices(readings, (r) => {
      country.value = r.value.country ?? '';
      ref.value = r.value.ref ?? '';
      picked = { lat: r.value.lat, lon: r.value.lon };
    }, (r) => [r.country_name ?? r.value.country, r.place_kind,
      r.population ? `${formatPopulation(r.population)} inhabitants` : '', r.value.ref].filter(Boolean).join(' · '),
    (r) => r.value.ref === o.ref && r.value.country === o.country);
    return { title: `Place: which “${span.text}”?`, body: h('div', {}, choices, field('Country (ISO 3166 alpha-2)', country), field('Reference (gazetteer id)', ref)), submit: () => {
      const c = country.value.trim().toUpperCase();
      if (c && !/^[A-Z]{2}$/.test(c)) throw new Error('The country is two letters (ISO 3166-1 alpha-2), e.g. LY.');
      const r = ref.value.trim();
      if (r && !/^[a-z0-9_-]+:\S+$/i.test(r)) throw new Error('The reference looks like source:id, e.g. geonames:2210247.');
      const out = { ...o };
      delete out.country; delete out.ref;
      if (r !== (o.ref ?? '') || c !== (o.country ?? '')) {
        delete out.lat; delete out.lon;
        if (picked.lat !== undefined && picked.lon !== undefined) { out.lat = picked.lat; out.lon = picked.lon; }
      }
      if (c) out.country = c;
      if (r) out.ref = r;
      return { value: Object.keys(out).length ? out : undefined };
    } };
  }
  const o = v && typeof v === 'object' ? v : {};
  const canonical = h('input', { type: 'text', class: 'dp-in-canonical', value: o.canonical ?? span.text, autocomplete: 'off' });
  const type = h('select', { class: 'dp-in-type' }, h('option', { value: '', text: '(unknown)' }),
    ...ACTOR_TYPES.map((t) => h('option', { value: t, text: t.replace('_', ' ') })));
  /** @type {HTMLSelectElement} */ (type).value = o.type ?? '';
  const choices = readingChoices(readings, (r) => {
    canonical.value = r.value.canonical ?? '';
    /** @type {HTMLSelectElement} */ (type).value = r.value.type ?? '';
  }, (r) => [r.value.canonical, (r.value.type ?? '').replace('_', ' ')].filter(Boolean).join(' · '),
  (r) => r.value.canonical === o.canonical);
  return { title: `Actor: who is “${span.text}”?`, body: h('div', {}, choices, field('Canonical name', canonical), field('Type', type)), submit: () => {
    const c = canonical.value.trim();
    if (!c) throw new Error('The canonical name cannot be empty.');
    const out = { ...o, canonical: c };
    const t = /** @type {HTMLSelectElement} */ (type).value;
    if (t) out.type = t; else delete out.type;
    return { value: out };
  } };
}

/** @param {HTMLElement} host element the dialogs are appended to (inside the editor root) */
export function createDialogs(host) {
  const dialog = h('dialog', { class: 'dp-dialog', 'aria-labelledby': '' });
  host.append(dialog);

  /** Show `body` in the dialog; resolve with the submit result or null on cancel. */
  function show(title, body, onSubmit, okLabel = 'Save') {
    return new Promise((resolve) => {
      const err = h('p', { class: 'dp-dialog-error', role: 'alert', hidden: true });
      const heading = h('h2', { class: 'dp-dialog-title', text: title });
      const cancel = h('button', { type: 'button', class: 'dp-cancel', text: 'Cancel' });
      const form = h('form', { method: 'dialog', class: 'dp-form' }, heading, body, err,
        h('div', { class: 'dp-dialog-buttons' },
          cancel,
          h('button', { type: 'submit', class: 'dp-ok', text: okLabel })));
      let done = false;
      const back = /** @type {HTMLElement|null} */ (/** @type {any} */ (host.getRootNode()).activeElement ?? null);
      const finish = (value) => {
        if (done) return;
        done = true;
        dialog.removeEventListener('close', onClose);
        if (dialog.open) dialog.close();
        back?.focus?.();
        resolve(value);
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        let value;
        try {
          value = onSubmit();
        } catch (x) {
          err.textContent = x instanceof Error ? x.message : String(x);
          err.hidden = false;
          return;
        }
        finish(value);
      });
      cancel.addEventListener('click', () => finish(null));
      dialog.replaceChildren(form);
      // Esc (cancel) or any other close: nothing chosen. The close event comes a task later.
      const onClose = () => { if (!dialog.open) finish(null); };
      dialog.addEventListener('close', onClose);
      dialog.returnValue = '';
      dialog.showModal();
      /** @type {HTMLElement|null} */ (form.querySelector('input,select,button.dp-ok'))?.focus();
    });
  }

  return {
    get element() { return dialog; },
    /**
     * Edit the value of a span; resolves with the new value (undefined = no value) or null on
     * cancel. `readings`: the gazetteer's readings of the name (engine.senses), offered as
     * choices that fill the fields ("Tripoli, Libya" or "Tripoli, Lebanon").
     */
    editValue(span, readings = [], opts = {}) {
      const f = valueForm(span, readings, opts);
      return show(f.title, f.body, f.submit);
    },
    /** Ask a yes/no question; resolves true on confirm. */
    confirm(title, message, okLabel = 'OK') {
      return show(title, h('p', { text: message }), () => true, okLabel).then((r) => r === true);
    },
    /** The keyboard help (review mode). */
    help(rows) {
      const table = h('table', { class: 'dp-help' },
        h('tbody', {}, ...rows.map(([k, what]) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', { text: k })), h('td', { text: what })))));
      return show('Keyboard (review mode)', table, () => true, 'Close');
    },
    kindName: (k) => KIND_NAME[k],
  };
}
