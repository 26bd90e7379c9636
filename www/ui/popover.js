// The correction chip: a small non-modal popover beside one highlight (or beside a selection, to
// add a missed name), with the corrections of review mode as buttons and single keys.
// Why: in for= mode the text belongs to the host's editor (CKEditor, TinyMCE, ProseMirror...):
// depeche cannot make its words focusable or read plain keys there. The chip lives in depeche's
// own shadow root, drawn `position: fixed` from a screen rect it is given, and never takes the
// focus by itself (a press on its buttons is kept from moving the focus), so the host's caret
// and selection stay where the person left them. It enters the focus only when asked (the
// "enter" shortcut, or its value form, which needs typing), and hands it back on Esc.
// The same chip serves the page's review mode (editor.js), beside the focused highlight.
// What it knows: a Session, a span (or an extent to add), a way to get a screen rect for it, and
// who to tell. Keys inside it are keymap.js's review-mode table (one table for both), the value
// form is dialogs.js's valueForm (one set of fields and checks for both).
// Trade-offs: one chip per instance; it follows its span across corrections by extent, and
// hides when the span is gone. `position: fixed` is wrong under an ancestor with a transform
// (as the for= overlays are).

import { h } from './dom.js';
import { UserError } from './notices.js';
import { valueForm, stepDate } from './dialogs.js';
import { bindingFor, hostHelpRows, helpRows } from './keymap.js';
import { stepWord } from './extent.js';
import { KINDS, KIND_KEY, KIND_NAME, clip } from './labels.js';
import { valueInWords, valueFor } from './values.js';
import { placeReadings, readingsLine, stepReading } from './readings.js';

/** @typedef {import('../core/types.js').Span} Span */
/** @typedef {{start:number, end:number}} Extent */

const GAP = 6; // px between the text and the chip
const EDGE = 4; // px kept between the chip and the edges of the screen
const RESIZE = ['widenStart', 'widenEnd', 'shrinkStart', 'shrinkEnd'];

/**
 * One line saying what a span's value is, in words and in ISO ("vendredi 3 novembre 2017 ·
 * 2017-11-03", "Mali · 16.77° N, 3.01° W · ML · geonames:2449067", "Islamic State · armed
 * group"), and whether it needs a look (unresolved date parts, no value, unreadable).
 * `lang`: the dispatch's language, for the words (values.js says whose words when the core has none for it).
 */
export function describeValue(span, lang) {
  const d = valueInWords(span, lang);
  const text = [d.words, d.iso].filter(Boolean).join(' · ');
  return { text: text || (span.kind === 'date' ? 'no date value' : span.kind === 'place' ? 'no country or reference' : 'no canonical name'), flag: d.flag };
}

/**
 * Relabel `sp` as `kind` with the value the gazetteer (or another mention of the same name)
 * gives it (values.js valueFor), and say so. Shared by the chip and the page's keys.
 */
export function relabel(s, sp, kind, engine, notices) {
  const value = valueFor(s, engine, sp, kind);
  s.relabel(sp.start, sp.end, kind, value);
  const d = value === undefined ? '' : describeValue({ ...sp, kind, value }, s.result?.lang).text;
  notices.announce(`${clip(sp.text, 60)}: now ${kind}${d ? ` (${clip(d, 60)})` : ''}.`);
}

/**
 * Set a value on `at` and on every other mention of its entity (one undo step), and say so.
 * A session without setEntityValue sets it on `at` alone.
 */
export function setValueEverywhere(s, at, value, notices) {
  const n = s.setEntityValue ? s.setEntityValue(at.start, at.end, value) : (s.setValue(at.start, at.end, value), 1);
  notices.announce(n > 1 ? `Value of ${clip(at.text, 40)} set on its ${n} mentions.` : `Value of ${clip(at.text, 40)} set.`);
  return n;
}

/** The year that ↑/↓ put in place of an unknown one: the reference date's, else this year. */
export function refYear(s) {
  const d = s?.doc?.dct ?? s?.result?.dct ?? null;
  return typeof d === 'string' && /^\d{4}/.test(d) ? d.slice(0, 4) : String(new Date().getFullYear());
}

const STATE_NAME = { automatic: 'automatic', accepted: '✓ accepted', corrected: '✎ corrected' };

/** The command a keymap.js binding means inside the chip, or null (not a chip key). */
export function chipCommand(b) {
  if (!b) return null;
  switch (b.cmd) {
    case 'kind': return b.arg;
    case 'delete': case 'value': case 'all': case 'removeAll': case 'undo': case 'redo': case 'help': case 'accept': return b.cmd;
    case 'resize': return b.arg;
    case 'extend': return b.arg > 0 ? 'widenEnd' : 'widenStart';
    case 'reading': return b.arg > 0 ? 'nextReading' : 'prevReading';
    default: return null;
  }
}

/**
 * @param {{
 *   parent: Node,                                  where the chips go (a shadow root or an element)
 *   session: () => any,                            the Session (or null before it exists)
 *   notices: {announce:(m:string)=>void, error:(e:any, c?:string)=>any},
 *   engine?: () => any,                            for the gazetteer's readings (engine.senses)
 *   readonly?: () => boolean,
 *   rectOf: (ext: Extent) => DOMRect|null,         the extent's box in the chip's viewport
 *   onReturn?: () => void,                         Esc (or a value saved): give the focus back
 *   onDone?: (cmd: string, ext: Extent|null) => void, after a correction (ext: where the span is now)
 *   onClose?: (which: 'chip'|'add') => void,       a chip closed by its ✕ (default: onReturn)
 *   help?: 'host'|'page',
 * }} opts
 */
export function createPopover(opts) {
  const readonly = opts.readonly ?? (() => false);
  const win = /** @type {Window} */ ((opts.parent.ownerDocument ?? /** @type {any} */ (opts.parent)).defaultView ?? window);

  // ---- the DOM -----------------------------------------------------------------------------------
  const cmdButton = (cmd, label, keys, extra = {}) => h('button', { type: 'button', class: `dp-chip-btn dp-chip-${cmd}`, dataset: { cmd },
    title: `${label} (${keys})`, 'aria-keyshortcuts': keys, 'aria-label': label, ...extra });
  const kindButtons = KINDS.map((k) => {
    const b = cmdButton(k, `Make it ${k === 'actor' ? 'an' : 'a'} ${k}`, KIND_KEY[k], { class: `dp-chip-btn dp-chip-kind dp-${k}` });
    // its name is its visible word ("Actor"), the title says what it does: a spoken name that
    // differs from the visible text fails WCAG 2.5.3 (label in name) for voice control users
    b.removeAttribute('aria-label');
    b.append(h('span', { class: `dp-swatch dp-${k}`, 'aria-hidden': 'true', text: KIND_KEY[k] }), ` ${KIND_NAME[k]}`);
    return b;
  });
  // a button with a visible word is named by it (WCAG 2.5.3); its title says what it does
  const label = (b, t) => { b.textContent = t; b.removeAttribute('aria-label'); return b; };
  const buttons = {
    value: label(cmdButton('value', 'Correct the value', 'V'), 'Value…'),
    delete: label(cmdButton('delete', 'Delete this highlight', 'Delete'), 'Delete'),
    all: label(cmdButton('all', 'Apply to every occurrence', '*'), 'All'),
    removeAll: label(cmdButton('removeAll', 'Remove every occurrence', 'X'), 'Remove all'),
    accept: label(cmdButton('accept', 'Accept as it is (reviewed)', 'Y'), '✓ Accept'),
    widenStart: label(cmdButton('widenStart', 'Widen at the start by one word', '['), '[+'),
    shrinkStart: label(cmdButton('shrinkStart', 'Shrink at the start by one word', '{'), '[−'),
    shrinkEnd: label(cmdButton('shrinkEnd', 'Shrink at the end by one word', '}'), '−]'),
    widenEnd: label(cmdButton('widenEnd', 'Widen at the end by one word', ']'), '+]'),
    undo: label(cmdButton('undo', 'Undo the last correction', opts.help === 'host' ? 'Ctrl+Z in the chip, Alt+Shift+Z in the text' : 'Ctrl+Z'), '↶'),
    redo: label(cmdButton('redo', 'Redo', opts.help === 'host' ? 'Ctrl+Y in the chip, Alt+Shift+Y in the text' : 'Ctrl+Y'), '↷'),
    help: label(cmdButton('help', 'Keys', '?'), '?'),
  };
  // ✕ on both chips: a finger has no Esc (and on a phone the chip may cover the next lines)
  const closeButton = () => h('button', { type: 'button', class: 'dp-chip-btn dp-chip-close', text: '✕', title: 'Close (Esc)', 'aria-label': 'Close' });
  const chipClose = closeButton();
  const head = {
    swatch: h('span', { class: 'dp-swatch', 'aria-hidden': 'true' }),
    kind: h('span', { class: 'dp-chip-kind-name' }),
    text: h('q', { class: 'dp-chip-text' }),
    value: h('span', { class: 'dp-chip-value' }),
    flag: h('span', { class: 'dp-chip-flag', hidden: true }),
    state: h('span', { class: 'dp-chip-state' }),
    readings: h('span', { class: 'dp-chip-readings', hidden: true }),
  };
  const form = h('form', { class: 'dp-chip-form', hidden: true, 'aria-label': 'Value' });
  const helpBox = h('div', { class: 'dp-chip-help', hidden: true });
  const tools = h('div', { class: 'dp-chip-tools', role: 'toolbar', 'aria-label': 'Corrections' },
    h('span', { class: 'dp-chip-row' }, ...kindButtons, buttons.value, buttons.accept, buttons.delete, buttons.all, buttons.removeAll),
    h('span', { class: 'dp-chip-row' }, buttons.widenStart, buttons.shrinkStart, buttons.shrinkEnd, buttons.widenEnd, buttons.undo, buttons.redo, buttons.help));
  const el = h('div', { class: 'depeche dp-chip', role: 'group', 'aria-label': 'Correct this highlight', hidden: true },
    h('div', { class: 'dp-chip-head' }, head.swatch, head.kind, head.text, head.state, head.value, head.flag, head.readings, chipClose), tools, form, helpBox);

  const addButtons = KINDS.map((k) => {
    const b = cmdButton(k, `Add as ${k === 'actor' ? 'an' : 'a'} ${k}`, opts.help === 'host' ? `Alt+Shift+${KIND_KEY[k]}` : KIND_KEY[k], { class: `dp-chip-btn dp-chip-kind dp-${k}` });
    b.append(h('span', { class: `dp-swatch dp-${k}`, 'aria-hidden': 'true', text: KIND_KEY[k] }), ` ${KIND_NAME[k]}`);
    return b;
  });
  const addClose = closeButton();
  const addEl = h('div', { class: 'depeche dp-chip dp-chip-add', role: 'group', 'aria-label': 'Add the selected words', hidden: true },
    h('span', { class: 'dp-chip-kind-name', text: 'Add as' }), h('span', { class: 'dp-chip-tools', role: 'toolbar', 'aria-label': 'Add as' }, ...addButtons), addClose);
  opts.parent.appendChild(el);
  opts.parent.appendChild(addEl);

  /** @type {Span|null} */ let span = null;
  /** @type {Extent|null} */ let addExt = null;
  let formOpen = false, busy = false;

  // ---- showing ------------------------------------------------------------------------------------
  function fill() {
    if (!span) return;
    const k = span.kind;
    head.swatch.className = `dp-swatch dp-${k}`;
    head.swatch.textContent = KIND_KEY[k];
    head.kind.textContent = KIND_NAME[k];
    head.text.textContent = clip(span.text, 40);
    const s = opts.session();
    const d = describeValue(span, s?.result?.lang);
    head.value.textContent = d.text;
    head.flag.textContent = d.flag ? `⚠ ${d.flag}` : '';
    head.flag.hidden = !d.flag;
    // a place whose name has namesakes: which one it is, and the next one a key away
    const line = readingsLine(placeReadings(s, span, opts.engine?.()), opts.help === 'host' ? 'Alt+Shift+N' : 'N');
    head.readings.textContent = line;
    head.readings.hidden = !line;
    const state = s?.reviewState?.(span.start, span.end) ?? '';
    head.state.textContent = STATE_NAME[state] ?? '';
    el.dataset.state = state;
    buttons.accept.setAttribute('aria-pressed', String(state === 'accepted'));
    buttons.accept.hidden = !s?.accept;
    el.dataset.kind = k;
    el.setAttribute('aria-label', `Correct ${k} “${clip(span.text, 40)}”`);
    for (const b of kindButtons) b.setAttribute('aria-pressed', String(b.dataset.cmd === k));
    buttons.undo.disabled = !s?.canUndo;
    buttons.redo.disabled = !s?.canRedo;
  }

  /**
   * The part of the viewport the person sees, in the coordinates `position: fixed` uses: the
   * visual viewport (smaller than the layout one while a phone's on-screen keyboard is up, or
   * when zoomed), else the window.
   */
  function visible() {
    const vv = win.visualViewport;
    return vv ? { x: vv.offsetLeft, y: vv.offsetTop, w: vv.width, h: vv.height } : { x: 0, y: 0, w: win.innerWidth, h: win.innerHeight };
  }
  /**
   * Put `node` beside the box `r`, wholly on screen: below it, or above when only that fits, or
   * on the side with more room, clamped to the visible viewport (a phone 390 px wide included;
   * the chip's rows wrap, styles.js). Taller than the room: it scrolls inside. While its value
   * form is open or it holds the focus it stays in view even when its highlight scrolls away
   * (the on-screen keyboard takes half the screen and the browser scrolls to the field).
   */
  function placeAt(node, r) {
    const v = visible();
    const keep = formOpen || hasFocus();
    if (!keep && (!r || r.bottom < v.y || r.top > v.y + v.h || (!r.width && !r.height))) { node.style.visibility = 'hidden'; return; }
    node.style.visibility = '';
    node.style.maxHeight = `${Math.max(80, Math.floor(v.h - 2 * EDGE))}px`;
    node.style.overflowY = 'auto';
    const w = node.offsetWidth, ht = node.offsetHeight;
    const lo = v.y + EDGE, hi = v.y + v.h - EDGE; // the visible band, vertically
    const box = r ?? { top: lo, bottom: lo, left: v.x + EDGE };
    const below = box.bottom + GAP, above = box.top - GAP - ht;
    let top;
    if (below + ht <= hi) top = below;
    else if (above >= lo) top = above;
    else top = hi - box.bottom > box.top - lo ? below : above; // the side with more room, clamped
    top = Math.max(lo, Math.min(top, hi - ht));
    const left = Math.max(v.x + EDGE, Math.min(box.left, v.x + v.w - w - EDGE));
    node.style.left = `${Math.round(left)}px`;
    node.style.top = `${Math.round(top)}px`;
  }
  function place() {
    if (span && !el.hidden) placeAt(el, opts.rectOf(span));
    if (addExt && !addEl.hidden) placeAt(addEl, opts.rectOf(addExt));
  }

  /** Show the chip for `s` (a span of the session). Does not take the focus. */
  function show(s) {
    if (readonly() || !s) { hide(); return; }
    hideAdd();
    const same = span && span.start === s.start && span.end === s.end;
    if (!same) closeForm(false);
    span = s;
    fill();
    el.hidden = false;
    place();
  }
  function hide() {
    if (el.hidden && !span) return;
    if (formOpen) closeForm(false);
    helpBox.hidden = true;
    el.hidden = true;
    span = null;
  }
  /** Show the add chip over the extent `ext` (code points, whole words). */
  function showAdd(ext) {
    if (readonly() || !ext) { hideAdd(); return; }
    if (span && !hasFocus()) hide();
    addExt = { start: ext.start, end: ext.end };
    addEl.hidden = false;
    placeAt(addEl, opts.rectOf(addExt));
  }
  function hideAdd() {
    if (addEl.hidden && !addExt) return; // (setting `hidden` again would restyle it: at every key)
    addEl.hidden = true;
    addExt = null;
  }
  /** The span shown now, re-read from the session (it may have changed since). */
  function current() {
    const s = opts.session();
    if (!span || !s) return null;
    return s.spanAt(span.start, span.end) ?? null;
  }
  /** After a change of the session: follow the span (same extent), or hide when it is gone. */
  function refresh() {
    if (busy) return;
    if (!span) { if (addExt) place(); return; }
    const now = current();
    if (!now) { hide(); return; }
    span = now;
    fill();
    place();
  }

  // ---- commands ---------------------------------------------------------------------------------------
  /**
   * Run a chip command: actor | place | date | value | delete | all | removeAll | widenStart |
   * widenEnd | shrinkStart | shrinkEnd | undo | redo | help. Errors go to the notices.
   */
  function run(cmd) {
    busy = true; // the session's 'change' comes before done(): the chip follows the span there
    try { return runNow(cmd); } catch (e) { opts.notices.error(e, 'Correction'); return undefined; } finally { busy = false; }
  }
  function runNow(cmd) {
    const s = opts.session();
    if (!s) return;
    if (readonly()) { opts.notices.announce('View only.'); return; }
    if (cmd === 'help') { showHelp(); return; }
    if (cmd === 'undo' || cmd === 'redo') {
      const can = cmd === 'undo' ? s.canUndo : s.canRedo;
      if (!can) { opts.notices.announce(cmd === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'); return; }
      s[cmd]();
      opts.notices.announce(cmd === 'undo' ? 'Correction undone.' : 'Correction redone.');
      done(cmd, span);
      return;
    }
    if (!el.hidden || span) {
      const sp = current();
      if (!sp) throw new UserError('That highlight is gone.');
      return onSpan(s, sp, cmd);
    }
    if (addExt && KINDS.includes(cmd)) return add(addExt, cmd);
  }
  /** Add `ext` as `kind` (the add chip, or a shortcut on a selection). */
  function add(ext, kind) {
    const s = opts.session();
    if (!s || readonly()) return;
    s.add(ext.start, ext.end, kind);
    const added = s.spanAt(ext.start, ext.end);
    opts.notices.announce(`Added ${kind}: ${clip(added?.text ?? '', 60)}.`);
    hideAdd();
    done(kind, ext);
  }
  function onSpan(s, sp, cmd) {
    const at = { start: sp.start, end: sp.end };
    if (KINDS.includes(cmd)) {
      if (sp.kind === cmd) { opts.notices.announce(`Already ${cmd === 'actor' ? 'an' : 'a'} ${cmd}.`); return; }
      relabel(s, sp, cmd, opts.engine?.(), opts.notices);
      return done(cmd, at);
    }
    switch (cmd) {
      case 'value': openValue(); return;
      case 'nextReading': case 'prevReading':
        if (stepReading(s, sp, cmd === 'nextReading' ? 1 : -1, opts.engine?.(), opts.notices)) return done('value', at);
        return;
      case 'accept': {
        if (!s.accept) return;
        const st = s.accept(sp.start, sp.end);
        opts.notices.announce(st === 'accepted' ? `Accepted ${sp.kind} ${clip(sp.text, 60)}.` : st === 'corrected' ? `${clip(sp.text, 60)} is corrected: reviewed already.` : `${clip(sp.text, 60)}: no longer accepted.`);
        return done(cmd, at);
      }
      case 'delete':
        s.remove(sp.start, sp.end);
        opts.notices.announce(`Deleted ${sp.kind} ${clip(sp.text, 60)}.`);
        return done(cmd, null);
      case 'all': {
        const n = s.applyToAll(sp.start, sp.end);
        opts.notices.announce(`${KIND_NAME[sp.kind]} “${clip(sp.text, 40)}” applied to every occurrence (${n} changed).`);
        return done(cmd, at);
      }
      case 'removeAll': {
        const n = s.removeAll(sp.start, sp.end);
        opts.notices.announce(`Removed “${clip(sp.text, 40)}” everywhere (${n}).`);
        return done(cmd, null);
      }
      default:
        if (RESIZE.includes(cmd)) {
          const ext = stepWord(s.doc.text, sp.start, sp.end, cmd);
          if (!ext) { opts.notices.announce(cmd.startsWith('widen') ? 'No word to take.' : 'Only one word left.'); return; }
          s.resize(sp.start, sp.end, ext.start, ext.end);
          const now = s.spanAt(ext.start, ext.end);
          opts.notices.announce(`Now “${clip(now?.text ?? '', 60)}”.`);
          return done(cmd, ext);
        }
    }
  }
  /** After a correction: follow the span to its new extent (or hide), tell the owner. */
  function done(cmd, ext) {
    const s = opts.session();
    const now = ext && s ? s.spanAt(ext.start, ext.end) : null;
    if (span || !el.hidden) {
      if (now) { span = now; fill(); place(); } else if (cmd !== 'undo' && cmd !== 'redo') hide(); else refresh();
    } else if (now && KINDS.includes(cmd)) show(now);
    opts.onDone?.(cmd, now ? { start: now.start, end: now.end } : null);
  }

  // ---- the value form ------------------------------------------------------------------------------------
  function openValue() {
    const sp = current();
    if (!sp) throw new UserError('Put the caret on a highlight first.');
    const s = opts.session();
    let readings = [];
    try {
      const eng = opts.engine?.();
      readings = sp.kind === 'date' || !eng?.senses ? [] : (eng.senses(sp.text, s.result.lang) ?? []).filter((r) => r.kind === sp.kind);
    } catch { readings = []; }
    const f = valueForm(sp, readings, { refYear: refYear(s) });
    const err = h('p', { class: 'dp-chip-error', role: 'alert', hidden: true });
    const cancel = h('button', { type: 'button', class: 'dp-chip-cancel', text: 'Cancel' });
    // A date steps by a day (or month, or year) with buttons too: ↑ / ↓ need a keyboard, and
    // typing an ISO date on a phone's keyboard is ten taps where "the day before" is one.
    const dateInput = /** @type {HTMLInputElement|null} */ (f.body.querySelector('.dp-in-date'));
    const step = (dir, text, title) => {
      const b = h('button', { type: 'button', class: `dp-chip-step dp-chip-step-${dir > 0 ? 'later' : 'earlier'}`, text, title });
      b.onclick = () => { if (dateInput) dateInput.value = stepDate(dateInput.value.trim(), dir, refYear(s)); };
      return b;
    };
    const steps = dateInput ? h('span', { class: 'dp-chip-steps' }, step(-1, '− Earlier', 'A day (or month, or year) earlier (↓ in the field)'),
      step(1, 'Later +', 'A day (or month, or year) later (↑ in the field)')) : null;
    form.replaceChildren(h('p', { class: 'dp-chip-form-title', text: f.title }), f.body, ...(steps ? [steps] : []), err,
      h('span', { class: 'dp-chip-row' }, cancel, h('button', { type: 'submit', class: 'dp-chip-save', text: 'Save' })));
    form.onsubmit = (e) => {
      e.preventDefault();
      let r;
      try { r = f.submit(); } catch (x) { err.textContent = x instanceof Error ? x.message : String(x); err.hidden = false; return; }
      try {
        const at = current();
        if (!at) throw new UserError('That highlight is gone.');
        busy = true;
        try { setValueEverywhere(s, at, r.value, opts.notices); } finally { busy = false; }
        closeForm(true);
        done('value', { start: at.start, end: at.end });
      } catch (x) { opts.notices.error(x, 'Correction'); }
    };
    cancel.onclick = () => closeForm(true);
    formOpen = true;
    form.hidden = false;
    tools.hidden = true;
    helpBox.hidden = true;
    const first = /** @type {HTMLElement|null} */ (form.querySelector('input:checked, input, select'));
    first?.focus();
    // a text field's value is selected: what is typed replaces it (no select-all on a phone)
    if (first instanceof win.HTMLInputElement && first.type === 'text') first.select();
    place();
  }
  /** Close the value form; `back`: give the focus back (to the host's caret). */
  function closeForm(back) {
    if (!formOpen) return;
    formOpen = false;
    form.hidden = true;
    form.replaceChildren();
    tools.hidden = false;
    place();
    if (back) opts.onReturn?.();
  }
  function showHelp() {
    const rows = opts.help === 'host' ? hostHelpRows() : helpRows();
    helpBox.replaceChildren(h('table', { class: 'dp-help' }, h('tbody', {},
      ...rows.map(([k, what]) => h('tr', {}, h('th', { scope: 'row' }, h('kbd', { text: k })), h('td', { text: what }))))));
    helpBox.hidden = !helpBox.hidden;
    place();
  }

  // ---- focus and keys ----------------------------------------------------------------------------------------
  function hasFocus() {
    const root = /** @type {any} */ (el.getRootNode());
    const a = root.activeElement;
    return !!a && (el.contains(a) || addEl.contains(a));
  }
  /** Move the focus into the chip (its current kind's button, or the add chip's first). */
  function enter() {
    if (!el.hidden && span) {
      const b = kindButtons.find((x) => x.dataset.cmd === span?.kind) ?? kindButtons[0];
      b.focus();
      return true;
    }
    if (!addEl.hidden) { addButtons[0].focus(); return true; }
    return false;
  }
  // A press on a button keeps the focus where it is (the host's caret); fields take it.
  const keepFocus = (e) => {
    const t = /** @type {Element} */ (e.target);
    if (t.closest?.('input, select, textarea, label')) return;
    e.preventDefault();
  };
  for (const node of [el, addEl]) {
    node.addEventListener('mousedown', keepFocus);
    node.addEventListener('pointerdown', keepFocus);
    node.addEventListener('click', (e) => {
      const b = /** @type {HTMLElement|null} */ (/** @type {Element} */ (e.target).closest?.('button[data-cmd]'));
      if (!b || !node.contains(b)) return;
      e.stopPropagation();
      if (node === addEl) { if (addExt) run(b.dataset.cmd ?? ''); return; }
      run(b.dataset.cmd ?? '');
    });
    node.addEventListener('keydown', (e) => onKey(/** @type {KeyboardEvent} */ (e), node));
  }
  /** ✕: the chip goes; its owner decides where the focus goes (else as Esc: back to the text). */
  const closed = (which) => { if (opts.onClose) opts.onClose(which); else opts.onReturn?.(); };
  addClose.addEventListener('click', (e) => { e.stopPropagation(); hideAdd(); closed('add'); });
  chipClose.addEventListener('click', (e) => { e.stopPropagation(); hide(); closed('chip'); });
  // The on-screen keyboard coming up (or a pinch zoom) moves the visible part of the screen:
  // the chip follows it, so the value form being typed in stays in view.
  const vv = win.visualViewport;
  const follow = () => { if (!el.hidden || !addEl.hidden) place(); };
  vv?.addEventListener('resize', follow);
  vv?.addEventListener('scroll', follow);
  function onKey(e, node) {
    if (e.isComposing) return;
    const t = /** @type {HTMLElement} */ (e.target);
    const inField = !!t.closest?.('input, select, textarea');
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (formOpen) closeForm(true);
      else { helpBox.hidden = true; opts.onReturn?.(); }
      return;
    }
    if (inField) return; // typing a value
    if (!e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'Home' || e.key === 'End')) {
      const list = [...node.querySelectorAll('button[data-cmd]')].filter((b) => !/** @type {HTMLButtonElement} */ (b).disabled && !b.closest('[hidden]'));
      const i = list.indexOf(t);
      const j = e.key === 'Home' ? 0 : e.key === 'End' ? list.length - 1 : i + (e.key === 'ArrowRight' ? 1 : -1);
      /** @type {HTMLElement|undefined} */ (list[Math.max(0, Math.min(list.length - 1, j))])?.focus();
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && t.matches?.('button')) return; // the button's own click
    const cmd = chipCommand(bindingFor(e));
    if (!cmd) return;
    if (node === addEl && !KINDS.includes(cmd)) return;
    e.preventDefault();
    e.stopPropagation();
    run(cmd);
    // the chip is gone (its span deleted): the focus goes back to the host
    if (el.hidden && addEl.hidden) opts.onReturn?.();
  }

  return {
    el, addEl,
    show, hide, showAdd, hideAdd, refresh, place, run, add, enter, openValue, hasFocus,
    /** The span the chip shows (as it was last drawn), or null. */
    get span() { return el.hidden ? null : span; },
    /** The extent the add chip offers, or null. */
    get addExtent() { return addEl.hidden ? null : addExt; },
    get formOpen() { return formOpen; },
    /** Is the pointer's target (or an event's path) inside a chip? */
    contains: (n) => !!n && (el.contains(n) || addEl.contains(n)),
    destroy() { vv?.removeEventListener('resize', follow); vv?.removeEventListener('scroll', follow); el.remove(); addEl.remove(); span = null; addExt = null; },
  };
}
