// The editor component: mounts the whole depeche editor into a root element it is given.
// Why: <depeche-annotator> (www/depeche-annotator.js; the page index.html is that element) hosts
// it in a shadow root, with options (panels, readonly, kinds, storage). So everything here queries inside `root`, keeps no
// globals, and styles hang off the root's `depeche` class. The Session is the single source of
// truth (recogito-style store + undo); this module wires views to it and turns keys, clicks and
// pastes into Session calls. It never writes user text as markup.
// Trade-offs: views are redrawn from the store after each change (simple, and fast enough with
// the block cache of render.js); the automatic layer of very large texts comes from the Web
// Worker (engine.annotateLarge) as a promise, which the Session awaits.

import { h, debounce } from './dom.js';
import { createTextView } from './render.js';
import { createNotices, UserError } from './notices.js';
import { createDialogs } from './dialogs.js';
import { bindingFor, helpRows } from './keymap.js';
import { renderLegend, renderEntities, renderOrphans } from './panels.js';
import { snapToWords, stepWord } from './extent.js';
import { KINDS, KIND_KEY, KIND_NAME, spanLabel, clip } from './labels.js';
import { createHistoryPanel } from './history.js';
import { createLexiconPanel } from './lexicon-panel.js';
import { createIoPanel } from './io.js';
import { createPopover, relabel, setValueEverywhere, refYear } from './popover.js';
import { stepReading } from './readings.js';
import { createLearnNotice } from './learn-notice.js';
import { withAssumedDct } from '../core/assume-dct.js';
import { unresolved } from './values.js';
import { wordAfter, wordBefore, findMatches, createSearchBar } from './find.js';
import { Session } from '../core/session.js';
import { AUTO, UND, isLanguage, languages } from '../core/languages.js';
import { Lexicon } from '../core/lexicon.js';
import { createTabs } from '../core/tabs.js';
import { LEXICON_KEY } from '../core/storage.js';
import { applyJournal } from '../core/journal.js';
import { createLexiconSync } from '../core/lexicon-sync.js';
import { followGazetteer } from '../core/gazetteer.js';
import { createTabNotice } from './tab-notice.js';

const TYPE_DEBOUNCE_MS = 150;
const LARGE_UNITS = 256 * 1024; // above this the automatic layer comes from the Web Worker
const LIVE_MIRROR_UNITS = 200_000; // above this, edit mode shows no live highlights
const BIG_PANEL_SPANS = 20_000; // above this, the entity panel is grouped in a task of its own
const TYPING_SAVE_MS = 400; // typing in a text above LIVE_MIRROR_UNITS is saved this long after, not at once

/**
 * @typedef {object} EditorOptions
 * @property {any|Promise<any>} engine   Engine from www/engine.js (or a promise of it)
 * @property {any|Promise<any>} storage  storage from www/core/storage.js (or a promise of it), or null
 * @property {'full'|'entities'|'none'} [panels]  side panels: full = history, lexicon, export/import
 *           and entities (the page); entities = entities + legend (default); none = the text only
 * @property {boolean} [readonly]   view only: review mode, no corrections, no edit mode
 * @property {string[]|null} [kinds] only these kinds are shown (null: all)
 * @property {string} [text]        start with this text (a new dispatch) instead of the last one
 * @property {boolean} [autofocus]  take the focus when ready (the page does; an embedded editor not)
 * @property {(error:any, context:string)=>void} [onError] every error the editor shows, also here
 * @property {{error:any, context:string}[]} [messages] errors to show from the start (the host's setup)
 */

/**
 * Mount the editor into `root`.
 * @param {HTMLElement} root
 * @param {EditorOptions} options
 * @returns {{ready:Promise<void>, session:()=>Session|null, setMode:(m:'edit'|'review')=>void,
 *            loadText:(text:string)=>void, destroy:()=>void}}
 */
export function mountEditor(root, options) {
  root.classList.add('depeche');
  const ui = buildLayout(root);
  /** What the last correction taught the lexicon, with Undo and its scope (learn-notice.js). */
  const learn = createLearnNotice({ session: () => session, notices: { announce: (m) => notices.announce(m), error: (e, c) => notices.error(e, c) } });
  ui.errors.after(learn.el);
  const notices = createNotices({ errors: ui.errors, live: ui.live, status: ui.status });
  const showError = notices.error;
  notices.error = (e, context = '') => { const row = showError(e, context); try { options.onError?.(e, context); } catch { /* the host's handler */ } return row; };
  let panels = options.panels ?? 'entities', readonly = !!options.readonly;
  // read-only as asked (the readonly attribute), or because another tab writes this dispatch
  let readonlyAsked = readonly, follower = false;
  for (const m of options.messages ?? []) notices.error(m.error, m.context);
  /** @type {Set<string>|null} */ let kinds = options.kinds ? new Set(options.kinds) : null;
  /** The effective spans of the kinds shown. */
  const shown = (spans) => (kinds ? spans.filter((s) => kinds.has(s.kind)) : spans);
  const dialogs = createDialogs(root);
  const isUser = (sp) => !!session?.isUserSpan(sp.start, sp.end);
  /** 'automatic' | 'accepted' | 'corrected' */
  const stateOf = (sp) => (session?.reviewState ? session.reviewState(sp.start, sp.end) : isUser(sp) ? 'corrected' : 'automatic');
  const review = createTextView(ui.review, { interactive: true, isUser, stateOf });
  const mirror = createTextView(ui.mirror, { interactive: false, isUser, stateOf });

  /** @type {Session|null} */ let session = null;
  let engine = null, storage = null;
  /** @type {'edit'|'review'} */ let mode = 'edit';
  /** @type {{start:number,end:number}|null} */ let focusExtent = null;
  let destroyed = false;
  let typingChange = false; // the change being handled comes from the textarea
  // Outside edit mode a huge text is not kept in the (hidden) textarea: a textarea holding
  // megabytes costs the browser ~150 ms of style work each time it restyles the page, which would
  // freeze it right after a 5 MB paste. The textarea is filled again when edit mode opens.
  let inputStale = false; // true: the textarea is empty on purpose and says nothing about the text
  const cleanups = [];

  function listen(target, type, fn, opts) {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  }
  const guard = (fn, context) => (...args) => {
    try {
      const r = fn(...args);
      if (r && typeof r.catch === 'function') r.catch((e) => notices.error(e, context));
      return r;
    } catch (e) { notices.error(e, context); }
  };

  // ---- the automatic layer ------------------------------------------------------------------
  // Small texts: the engine on this thread (a 50 KB dispatch takes a few ms). Large ones: the
  // engine's worker, with progress; the Session accepts a promise and redraws when it arrives.
  let largeAbort = null;
  function annotate(text, opts) {
    if (text.length <= LARGE_UNITS || !engine.annotateLarge) return engine.annotate(text, opts);
    largeAbort?.abort();
    const ctl = new AbortController();
    largeAbort = ctl;
    progress(0, 'Annotating');
    return engine.annotateLarge(text, opts, { signal: ctl.signal, onProgress: (f) => { if (largeAbort === ctl) progress(f, 'Annotating'); } })
      .finally(() => { if (largeAbort === ctl) { largeAbort = null; progress(1); } });
  }
  /** What the sessions annotate with: a reference date assumed when the text gives no year. */
  const annotateDated = withAssumedDct(annotate);
  function progress(f, what = '') {
    ui.progress.hidden = f >= 1;
    ui.progressBar.value = f;
    ui.progressLabel.textContent = f >= 1 ? '' : `${what}… ${Math.round(f * 100)} %`;
  }

  // ---- rendering ------------------------------------------------------------------------------
  let lastRefreshMs = 0, lastRenderMs = 0;
  function refresh(reason = '') {
    if (!session) return;
    const t0 = performance.now();
    const doc = session.doc, spans = shown(session.spans), result = session.result;
    if (mode === 'review' && session.pending && doc.text.length > LARGE_UNITS) {
      // The worker is annotating a big text: draw it once, with its spans, when they arrive
      // (drawing it twice costs seconds of style work for nothing).
      review.render('', []);
    } else if (mode === 'review') {
      const hadFocus = ui.review.contains(root.getRootNode().activeElement) || root.getRootNode().activeElement === document.body;
      const r0 = performance.now();
      review.render(doc.text, spans).then(() => restoreFocus(hadFocus));
      lastRenderMs = performance.now() - r0;
      restoreFocus(hadFocus);
    } else {
      if (reason !== 'typing') setInput(doc.text);
      if (ui.input.value === doc.text) drawMirror(doc.text, spans);
    }
    renderLegend(ui.legend, spans);
    schedulePanel();
    renderOrphans(ui.orphanSection, ui.orphans, doc.orphans ?? [], guard((i) => session.dismissOrphan(i), 'Orphans'));
    renderHeader(doc, result);
    ui.undo.disabled = !session.canUndo;
    ui.redo.disabled = !session.canRedo;
    ui.empty.hidden = doc.text.length > 0;
    if (mode === 'review') updateChip();
    lastRefreshMs = performance.now() - t0;
  }
  // The entity panel is drawn a frame after the text: a correction shows at once, the panel follows.
  // With a hundred thousand spans (a 5 MB paste) grouping them is a task of its own, and the
  // panel is drawn in the frame after it.
  let panelFrame = 0;
  function schedulePanel() {
    if (panelFrame) return;
    const drawPanel = (entities) => renderEntities(ui.entities, kinds ? entities.filter((x) => kinds.has(x.kind)) : entities, (s, e) => jumpTo(s, e));
    if (!session || session.spans.length <= BIG_PANEL_SPANS) {
      panelFrame = requestAnimationFrame(() => {
        panelFrame = 0;
        if (session && !destroyed) drawPanel(session.entities());
      });
      return;
    }
    panelFrame = -1;
    setTimeout(() => {
      if (!session || destroyed) { panelFrame = 0; return; }
      const spans = session.spans, entities = session.entities();
      requestAnimationFrame(() => {
        panelFrame = 0;
        if (!session || destroyed) return;
        if (session.spans !== spans) schedulePanel(); // changed meanwhile: group again
        else drawPanel(entities);
      });
    }, 0);
  }
  function drawMirror(text, spans) {
    // Big texts: no live highlights while typing (review mode draws them); no mirror text at all
    // above 1 MB, and no scroll sync (reading the textarea's scroll position lays it out).
    if (text.length > LIVE_MIRROR_UNITS) { mirror.render(text.length > LIVE_MIRROR_UNITS * 5 ? '' : text, []); return; }
    mirror.render(text, spans);
    syncScroll();
  }
  function renderHeader(doc, result) {
    ui.lang.value = doc.lang ?? 'auto';
    ui.detected.textContent = doc.lang === 'auto' || !doc.lang ? `detected: ${result?.lang ?? '?'}` : '';
    ui.dct.value = doc.dct ?? result?.dct ?? '';
    const fromDateline = !doc.dct && result?.dct && result?.dateline?.date === result.dct;
    // assumed: no year in the text and none set: the page chose one (core/assume-dct.js); R changes it
    const assumed = !doc.dct && !!(/** @type {any} */ (result))?.dct_assumed;
    ui.dctNote.textContent = doc.dct ? 'set by you' : assumed ? (result?.dateline ? 'assumed: the dateline has no year (R to change)' : 'assumed: today, no dateline (R to change)')
      : fromDateline ? 'from dateline' : result?.dct ? '' : 'none: dates keep unknown parts';
    ui.dct.classList.toggle('dp-dct-assumed', assumed);
    ui.dctClear.hidden = !doc.dct;
    let left = 0, all = 0;
    for (const sp of shown(session.spans)) { all++; if (stateOf(sp) === 'automatic') left++; }
    ui.toReview.textContent = all ? (left ? `${left} of ${all} to review` : `all ${all} reviewed`) : '';
  }

  // ---- focus (review mode) ----------------------------------------------------------------------
  function focusIndex() {
    if (!focusExtent) return -1;
    const spans = review.spans;
    let i = spans.findIndex((s) => s.start === focusExtent.start && s.end === focusExtent.end);
    if (i < 0) i = spans.findIndex((s) => s.end > focusExtent.start);
    if (i < 0) i = spans.length - 1;
    return i;
  }
  function restoreFocus(takeFocus) {
    for (const m of ui.review.querySelectorAll('mark[tabindex="0"]')) m.tabIndex = -1;
    const i = focusIndex();
    const m = i >= 0 ? review.mark(i) : null;
    if (!m) return;
    m.tabIndex = 0;
    if (takeFocus && mode === 'review') m.focus({ preventScroll: false });
  }
  function focusSpan(i) {
    const spans = review.spans;
    if (!spans.length) { notices.announce('No highlights.'); return; }
    i = Math.max(0, Math.min(spans.length - 1, i));
    focusExtent = { start: spans[i].start, end: spans[i].end };
    if (caret || mouseSelection) { caret = null; mouseSelection = false; clearSelection(); chip.hideAdd(); }
    restoreFocus(true);
    review.mark(i)?.scrollIntoView({ block: 'nearest' });
  }
  function focusedSpan() {
    const i = review.indexOf(root.getRootNode().activeElement);
    return i >= 0 ? review.spans[i] : null;
  }
  function jumpTo(start, end) {
    if (mode !== 'review') setMode('review');
    focusExtent = { start, end };
    const i = focusIndex();
    if (i >= 0) {
      review.mark(i)?.scrollIntoView({ block: 'center' });
      focusSpan(i);
    }
  }

  // ---- the correction chip (popover.js, the one for= mode uses) ------------------------------------
  // Beside the highlight the pointer rests on, else beside the focused one; an "add" chip beside
  // a selection made with the mouse. It never takes the focus by itself; its buttons run the same
  // commands as the keys.
  const chip = createPopover({
    parent: root, session: () => session, notices, engine: () => engine, readonly: () => readonly || mode !== 'review',
    rectOf: (ext) => {
      const i = spanIndexAt(ext);
      const m = i >= 0 && review.spans[i].start === ext.start && review.spans[i].end === ext.end ? review.mark(i) : null;
      return (m ?? review.domRange(ext.start, ext.end))?.getBoundingClientRect() ?? null;
    },
    onReturn: () => { if (focusIndex() >= 0) restoreFocus(true); else ui.review.focus(); },
    // ✕: the add chip's selection goes; the chip of a highlight goes until another is chosen
    // (the focus moves to the text itself, the highlight stays where Tab resumes)
    onClose: (which) => {
      hoverExt = null;
      if (which === 'add') { mouseSelection = false; caret = null; clearSelection(); return; }
      ui.review.focus({ preventScroll: true });
    },
    onDone: (cmd, ext) => {
      if (ext) focusExtent = ext;
      const a = root.getRootNode().activeElement;
      if (!chip.hasFocus() && (ui.review.contains(a) || !a || a === document.body)) restoreFocus(true);
      updateChip();
    },
    help: 'page',
  });
  /** @type {{start:number,end:number}|null} */ let hoverExt = null;
  let chipTimer = 0;
  const laterChip = (ms) => { clearTimeout(chipTimer); chipTimer = setTimeout(updateChip, ms); };
  function updateChip() {
    clearTimeout(chipTimer);
    if (!session || mode !== 'review' || readonly) { chip.hide(); chip.hideAdd(); return; }
    if (chip.hasFocus() || chip.formOpen) { chip.refresh(); return; }
    const sp = (hoverExt && session.spanAt(hoverExt.start, hoverExt.end)) || focusedSpan();
    if (sp) { chip.show(sp); return; }
    chip.hide();
    if (!mouseSelection) chip.hideAdd();
  }
  let mouseSelection = false; // the selection was made with the pointer: the add chip offers it
  function onReviewPointerUp() {
    setTimeout(() => {
      const ext = mode === 'review' && session ? selectionExtent(false) : null;
      mouseSelection = !!ext;
      if (ext) { caret = null; hoverExt = null; chip.hide(); chip.showAdd(ext); } else { chip.hideAdd(); updateChip(); }
    }, 0);
  }

  // ---- the caret (review mode) ------------------------------------------------------------------------
  // A word, or a selection of words from an anchor word to a head word, shown as the DOM selection
  // (so A/P/D add it exactly as they add a selection made with the mouse). A highlight is one stop:
  // the caret reaching it focuses it.
  /** @type {{anchor:{start:number,end:number}, head:{start:number,end:number}}|null} */ let caret = null;
  /** Index of the first shown span overlapping `ext` (or -1). */
  function spanIndexAt(ext) {
    const spans = review.spans;
    let lo = 0, hi = spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (spans[mid].end <= ext.start) lo = mid + 1; else hi = mid; }
    return lo < spans.length && spans[lo].start < Math.max(ext.end, ext.start + 1) ? lo : -1;
  }
  function caretExtent() {
    if (!caret) return null;
    return { start: Math.min(caret.anchor.start, caret.head.start), end: Math.max(caret.anchor.end, caret.head.end) };
  }
  function showCaret() {
    const ext = caretExtent();
    if (!ext || !session) return;
    const r0 = root.getRootNode();
    if (r0.activeElement !== ui.review) ui.review.focus({ preventScroll: true });
    const r = review.domRange(ext.start, ext.end);
    const sel = document.getSelection();
    if (r && sel) { sel.removeAllRanges(); sel.addRange(r); }
    const el = r?.startContainer.nodeType === 1 ? /** @type {Element} */ (r.startContainer) : r?.startContainer.parentElement;
    el?.scrollIntoView?.({ block: 'nearest' });
    mouseSelection = false;
    chip.hideAdd();
    const words = clip([...session.doc.text].slice(ext.start, ext.end).join(''), 60);
    const many = caret.anchor.start !== caret.head.start;
    ui.current.textContent = many ? `Selected “${words}”: A, P or D adds it` : `Caret on “${words}”: A, P or D adds it; Shift+→ takes the next word`;
    notices.announce(many ? `Selected: ${words}.` : `${words}.`);
  }
  /** ← / →: the caret to the next / previous word; onto a highlight: focus it. */
  function moveCaret(dir) {
    const text = session.doc.text;
    const sp = focusedSpan();
    const pos = sp ? (dir > 0 ? sp.end : sp.start) : caret ? (dir > 0 ? caret.head.end : caret.head.start)
      : focusExtent ? (dir > 0 ? focusExtent.start : focusExtent.end) : dir > 0 ? 0 : [...text].length;
    const w = dir > 0 ? wordAfter(text, pos) : wordBefore(text, pos);
    if (!w) { notices.announce(dir > 0 ? 'End of the text.' : 'Start of the text.'); return; }
    const i = spanIndexAt(w);
    if (i >= 0) { caret = null; focusSpan(i); return; }
    caret = { anchor: w, head: w };
    focusExtent = { start: w.start, end: w.start };
    hoverExt = null;
    showCaret();
    updateChip();
  }
  /** Shift+← / →: one more word in the selection (the head moves); on a highlight: widen it. */
  function extendCaret(dir) {
    if (focusedSpan()) return command('resize', dir > 0 ? 'widenEnd' : 'widenStart', null);
    if (!caret) {
      const ext = selectionExtent(false);
      if (ext) caret = { anchor: { start: ext.start, end: ext.start }, head: { start: ext.start, end: ext.end } };
      else return moveCaret(dir);
    }
    const text = session.doc.text;
    const w = dir > 0 ? wordAfter(text, caret.head.end) : wordBefore(text, caret.head.start);
    if (!w) { notices.announce(dir > 0 ? 'End of the text.' : 'Start of the text.'); return; }
    caret = { anchor: caret.anchor, head: w };
    showCaret();
  }

  // ---- find (/) -----------------------------------------------------------------------------------------
  /** @type {{start:number,end:number}[]} */ let hits = [];
  let hitAt = -1;
  const finder = createSearchBar({
    onQuery: (q) => {
      if (!session) return;
      hits = q.trim().length < (session.doc.text.length > LARGE_UNITS ? 2 : 1) ? [] : findMatches(session.doc.text, session.entities(), q);
      const from = caret ? caret.head.start : focusExtent?.start ?? 0;
      hitAt = hits.length ? Math.max(0, hits.findIndex((m) => m.end > from)) : -1;
      showHit();
    },
    onStep: (dir) => {
      if (!hits.length) { notices.announce('No match.'); return; }
      hitAt = (hitAt + dir + hits.length) % hits.length;
      showHit();
    },
    onClose: (go) => {
      finder.close();
      clearHit();
      const m = hits[hitAt];
      if (go && m) goTo(m); else if (focusIndex() >= 0) restoreFocus(true); else ui.review.focus();
    },
  });
  // in the toolbar: on a phone the toolbar stays on screen (sticky) while the matches scroll by
  ui.toolbar.append(finder.el);
  function clearHit() { try { /** @type {any} */ (globalThis).CSS?.highlights?.delete('dp-found'); } catch { /* no Highlight API */ } }
  function showHit() {
    finder.setCount(hitAt, hits.length);
    clearHit();
    const m = hits[hitAt];
    if (!m) return;
    const r = review.domRange(m.start, m.end);
    if (!r) return;
    try {
      const H = /** @type {any} */ (globalThis).Highlight;
      if (H) /** @type {any} */ (globalThis).CSS.highlights.set('dp-found', new H(r));
    } catch { /* no Highlight API: the scroll shows where */ }
    const el = r.startContainer.nodeType === 1 ? /** @type {Element} */ (r.startContainer) : r.startContainer.parentElement;
    el?.scrollIntoView?.({ block: 'center' });
    const words = clip([...session.doc.text].slice(m.start, m.end).join(''), 50);
    notices.announce(`${hitAt + 1} of ${hits.length}: ${words}.`);
  }
  /** Put the focus on a match: its highlight, or the caret on its words. */
  function goTo(m) {
    const i = spanIndexAt(m);
    if (i >= 0) { caret = null; focusSpan(i); return; }
    const ext = snapToWords(session.doc.text, m.start, m.end) ?? m;
    caret = { anchor: ext, head: ext };
    focusExtent = { start: ext.start, end: ext.start };
    showCaret();
  }

  /** Put `text` in the textarea (or empty it: a huge text outside edit mode). */
  function setInput(text) {
    if (mode !== 'edit' && text.length > LIVE_MIRROR_UNITS) {
      if (ui.input.value) ui.input.value = '';
      inputStale = true;
    } else {
      if (ui.input.value !== text) ui.input.value = text;
      inputStale = false;
    }
  }

  // ---- modes -----------------------------------------------------------------------------------
  function setMode(m, { flush = true, focus = true } = {}) {
    if (m === 'edit' && readonly) return;
    if (m === mode) return;
    if (m === 'review' && flush) flushTyping();
    mode = m;
    root.dataset.mode = m;
    ui.editPane.hidden = m !== 'edit';
    ui.review.hidden = m !== 'review';
    ui.modeEdit.setAttribute('aria-pressed', String(m === 'edit'));
    ui.modeReview.setAttribute('aria-pressed', String(m === 'review'));
    ui.reviewTools.hidden = m !== 'review' || readonly;
    ui.current.hidden = m !== 'review';
    if (m !== 'review') { chip.hide(); chip.hideAdd(); finder.close(); clearHit(); caret = null; hoverExt = null; mouseSelection = false; }
    if (m === 'review') {
      if (!session) return;
      setInput(session.doc.text);
      if (!(session.pending && session.doc.text.length > LARGE_UNITS)) review.render(session.doc.text, shown(session.spans)).then(() => restoreFocus(false));
      const i = focusIndex();
      if (!focus) { /* a host page's focus stays where it is */ } else if (i >= 0) focusSpan(i); else ui.review.focus();
      notices.announce(`Review mode: ${shown(session.spans).length} highlights. Press ? for keys.`);
    } else {
      if (session) setInput(session.doc.text);
      if (session) drawMirror(session.doc.text, shown(session.spans));
      if (focus) ui.input.focus();
      notices.announce('Edit mode.');
    }
  }

  // ---- edit mode --------------------------------------------------------------------------------
  // The first text of an empty dispatch is no undo step: undo never takes the text away.
  const typing = debounce(guard((text) => {
    if (session && text !== session.doc.text) {
      typingChange = true;
      try { if (session.doc.text === '' && !session.doc.corrections.length) session.load({ ...session.doc, text }, undefined, 'text'); else session.setText(text); } finally { typingChange = false; }
    }
  }, 'Text'), TYPE_DEBOUNCE_MS);
  function flushTyping() {
    if (session && !inputStale && ui.input.value !== session.doc.text) { typing.cancel(); guard(() => session.setText(ui.input.value))(); }
    else typing.cancel();
  }
  function syncScroll() {
    ui.mirror.scrollTop = ui.input.scrollTop;
    ui.mirror.scrollLeft = ui.input.scrollLeft;
  }
  /** Immediate mirror update while typing: old spans moved by the edit, spans it touched dropped. */
  function provisionalMirror(text) {
    if (!session || text.length > LIVE_MIRROR_UNITS) return;
    const old = mirror.text, spans = mirror.spans;
    let p = 0;
    const n = Math.min(old.length, text.length);
    while (p < n && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let q = 0;
    while (q < n - p && old.charCodeAt(old.length - 1 - q) === text.charCodeAt(text.length - 1 - q)) q++;
    // In code points: count on the common prefix and the changed middle.
    const cpLen = (s) => { let c = 0; for (const _ of s) c++; return c; };
    const pre = cpLen(old.slice(0, p));
    const oldEnd = pre + cpLen(old.slice(p, old.length - q));
    const delta = pre + cpLen(text.slice(p, text.length - q)) - oldEnd;
    const moved = [];
    for (const s of spans) {
      if (s.end <= pre) moved.push(s);
      else if (s.start >= oldEnd && (s.start > pre || oldEnd > pre)) moved.push({ ...s, start: s.start + delta, end: s.end + delta });
    }
    mirror.render(text, moved);
    syncScroll();
  }
  function onInput() {
    provisionalMirror(ui.input.value);
    typing(ui.input.value);
  }
  function onPaste(e) {
    const data = e.clipboardData?.getData('text/plain');
    if (data == null) return; // let the browser do it
    e.preventDefault();
    const text = data.replace(/\r\n?/g, '\n');
    const t = ui.input;
    // (Above LIVE_MIRROR_UNITS the paste stays a text change for now: a huge text loaded as a new
    // dispatch lost a correction made right before a reload in perf.test.mjs; to be looked at.)
    if (session && text && text.length <= LIVE_MIRROR_UNITS && (!inputStale || !t.value) && t.selectionStart === 0 && t.selectionEnd === t.value.length) { pasteAsNew(text); return; }
    typing.cancel();
    const next = t.value.slice(0, t.selectionStart) + text + t.value.slice(t.selectionEnd);
    if (next.length <= LIVE_MIRROR_UNITS) {
      t.setRangeText(text, t.selectionStart, t.selectionEnd, 'end');
      guard(() => session?.setText(t.value), 'Paste')();
      setMode('review');
      return;
    }
    // A huge paste: a visible textarea holding megabytes takes seconds to lay out, so it is
    // hidden first (review mode), then the session gets the text, then the hidden textarea.
    setMode('review', { flush: false });
    guard(() => session?.setText(next), 'Paste')();
    setInput(session?.doc.text ?? next);
  }
  /**
   * A paste that replaces the whole text is a new dispatch, not an undo step: the one it replaces
   * stays in the history as it was (saved now), and Ctrl+Z has nothing to take away.
   */
  function pasteAsNew(text) {
    const was = session.doc;
    typing.cancel();
    flushTyping();
    save.flush();
    focusExtent = null;
    caret = null;
    const fresh = was.text === '' && !was.corrections.length ? { ...was, text } : newDoc(text);
    session.load(fresh, undefined, 'text');
    setInput(session.doc.text);
    refresh('load');
    save();
    setMode('review');
    if (mode === 'review' && focusIndex() < 0) ui.review.focus();
    notices.announce(was.text ? 'Pasted as a new dispatch: the previous one is in the history.' : 'Pasted.');
  }
  function onEditKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); setMode('review'); }
  }

  // ---- review mode commands ----------------------------------------------------------------------
  function selectionExtent(exact) {
    const sel = /** @type {any} */ (root.getRootNode()).getSelection?.() ?? document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const r = review.rangeToCodePoints(sel.getRangeAt(0));
    if (!r) return null;
    if (exact) return r;
    return snapToWords(session.doc.text, r.start, r.end);
  }
  function clearSelection() {
    const sel = /** @type {any} */ (root.getRootNode()).getSelection?.() ?? document.getSelection();
    sel?.removeAllRanges();
  }
  function needSpan() {
    const s = focusedSpan();
    if (!s) throw new UserError('Focus a highlight first (Tab, or click it).');
    return s;
  }
  async function command(cmd, arg, e) {
    const s = session;
    if (readonly && !['move', 'edge', 'help', 'caret', 'find', 'next'].includes(cmd)) { notices.announce('View only.'); return; }
    switch (cmd) {
      case 'caret': moveCaret(arg); return;
      case 'extend': extendCaret(arg); return;
      case 'find': finder.open(); return;
      case 'scope': if (!learn.scope()) notices.announce('Nothing just learned to keep or extend.'); return;
      case 'dct': {
        ui.dct.focus();
        const r = /** @type {any} */ (s.result);
        notices.announce(`Reference date ${ui.dct.value || 'none'}${!s.doc.dct && r?.dct_assumed ? ' (assumed)' : ''}: type a date, Enter to set it, Esc back to the text.`);
        return;
      }
      case 'next': nextToReview(arg); return;
      case 'accept': {
        const sp = needSpan();
        focusExtent = { start: sp.start, end: sp.end };
        const st = s.accept(sp.start, sp.end);
        notices.announce(st === 'accepted' ? `Accepted ${sp.kind} ${clip(sp.text, 60)}. ${s.unreviewed} left to review.`
          : st === 'corrected' ? `${clip(sp.text, 60)} is corrected: reviewed already.` : `${clip(sp.text, 60)}: no longer accepted.`);
        return;
      }
      case 'move': {
        const i = review.indexOf(root.getRootNode().activeElement);
        if (i < 0) { focusSpan(arg > 0 ? Math.max(0, focusIndex()) : Math.max(0, focusIndex())); return; }
        focusSpan(i + arg); return;
      }
      case 'edge': focusSpan(arg < 0 ? 0 : review.spans.length - 1); return;
      case 'kind': {
        const ext = selectionExtent(!!e?.altKey);
        if (ext) {
          s.add(ext.start, ext.end, arg);
          clearSelection();
          caret = null;
          mouseSelection = false;
          chip.hideAdd();
          focusExtent = ext;
          const added = s.spans.find((x) => x.start === ext.start && x.end === ext.end);
          notices.announce(`Added ${arg}: ${clip(added?.text ?? '', 60)}`);
          refresh('add');
          return;
        }
        const sp = focusedSpan();
        if (!sp) { notices.error(new UserError(`Select words, or focus a highlight, then press ${KIND_KEY[arg]}.`)); return; }
        if (sp.kind === arg) { notices.announce(`Already ${arg}.`); return; }
        focusExtent = { start: sp.start, end: sp.end };
        relabel(s, sp, arg, engine, notices);
        return;
      }
      case 'delete': {
        const sp = needSpan();
        focusExtent = { start: sp.end, end: sp.end };
        s.remove(sp.start, sp.end);
        notices.announce(`Deleted ${sp.kind} ${sp.text}.`);
        return;
      }
      case 'resize': {
        const sp = needSpan();
        const ext = stepWord(s.doc.text, sp.start, sp.end, arg);
        if (!ext) { notices.announce(arg.startsWith('widen') ? 'No word to take.' : 'Only one word left.'); return; }
        focusExtent = ext;
        s.resize(sp.start, sp.end, ext.start, ext.end);
        const now = review.spans.find((x) => x.start === ext.start && x.end === ext.end);
        notices.announce(`Now “${now?.text ?? ''}”.`);
        return;
      }
      case 'value': {
        const sp = needSpan();
        let readings = [];
        try { readings = sp.kind === 'date' ? [] : (engine.senses?.(sp.text, s.result.lang) ?? []); } catch { readings = []; }
        const r = await dialogs.editValue(sp, readings.filter((x) => x.kind === sp.kind), { refYear: refYear(s) });
        if (!r) return;
        focusExtent = { start: sp.start, end: sp.end };
        setValueEverywhere(s, sp, r.value, notices);
        return;
      }
      case 'reading': {
        const sp = needSpan();
        focusExtent = { start: sp.start, end: sp.end };
        stepReading(s, sp, arg, engine, notices);
        return;
      }
      case 'all': {
        const sp = needSpan();
        const before = s.spans.length;
        s.applyToAll(sp.start, sp.end);
        notices.announce(`Applied ${sp.kind} “${sp.text}” to every occurrence (${s.spans.length - before >= 0 ? '+' : ''}${s.spans.length - before}).`);
        return;
      }
      case 'removeAll': {
        const sp = needSpan();
        focusExtent = { start: sp.end, end: sp.end };
        const n = s.removeAll(sp.start, sp.end);
        notices.announce(`Removed “${sp.text}” everywhere (${n}).`);
        return;
      }
      case 'undo': if (s.canUndo) { s.undo(); notices.announce('Undone.'); } else notices.announce('Nothing to undo.'); return;
      case 'redo': if (s.canRedo) { s.redo(); notices.announce('Redone.'); } else notices.announce('Nothing to redo.'); return;
      case 'edit': setMode('edit'); return;
      case 'help': await dialogs.help(helpRows()); return;
    }
  }
  /** U: the next highlight still to review (automatic) or with an unresolved value; Shift+U: unresolved only. */
  function nextToReview(what) {
    const spans = review.spans;
    if (!spans.length) { notices.announce('No highlights.'); return; }
    const cur = review.indexOf(root.getRootNode().activeElement);
    const pos = caret ? caret.head.end : focusExtent?.start ?? 0;
    let from = cur >= 0 ? cur + 1 : spans.findIndex((x) => x.end > pos);
    if (from < 0) from = 0;
    for (let k = 0; k < spans.length; k++) {
      const i = (from + k) % spans.length, sp = spans[i];
      if (unresolved(sp) || (what !== 'unresolved' && stateOf(sp) === 'automatic')) { focusSpan(i); return; }
    }
    notices.announce(what === 'unresolved' ? 'No unresolved value left.' : 'Nothing left to review.');
  }
  function onReviewKey(e) {
    if (!session || e.isComposing) return;
    if (e.key === 'Tab') {
      const spans = review.spans;
      const i = review.indexOf(root.getRootNode().activeElement);
      const next = i < 0 ? (e.shiftKey ? -1 : Math.max(0, focusIndex())) : i + (e.shiftKey ? -1 : 1);
      if (next < 0 || next >= spans.length) return; // leave the text
      e.preventDefault();
      focusSpan(next);
      return;
    }
    const b = bindingFor(e);
    if (!b) return;
    if (readonly && !['move', 'edge', 'help', 'caret', 'find', 'next'].includes(b.cmd)) return; // view only: the host page keeps its keys
    if (b.cmd === 'accept' && e.key === ' ' && !focusedSpan()) return; // Space on the text scrolls it
    e.preventDefault();
    e.stopPropagation();
    guard(() => command(b.cmd, b.arg, e), 'Correction')();
  }
  function onReviewFocus(e) {
    const i = review.indexOf(e.target);
    if (i < 0) return;
    const sp = review.spans[i];
    focusExtent = { start: sp.start, end: sp.end };
    for (const m of ui.review.querySelectorAll('mark[tabindex="0"]')) if (m !== e.target) m.tabIndex = -1;
    /** @type {HTMLElement} */ (e.target).closest('mark').tabIndex = 0;
    ui.current.textContent = spanLabel(sp, stateOf(sp));
    caret = null;
    hoverExt = null;
    updateChip();
  }
  function toolbarKind(kind) {
    // The toolbar button took the focus; the selection (if any) is still in the text.
    guard(() => command('kind', kind, null), 'Correction')();
  }

  // ---- header ------------------------------------------------------------------------------------
  listen(ui.lang, 'change', guard(() => session?.setLang(ui.lang.value), 'Language'));
  listen(ui.dct, 'change', guard(() => {
    const v = ui.dct.value;
    if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UserError(`“${v}” is not a date (YYYY-MM-DD).`);
    session?.setDct(v || null);
  }, 'Reference date'));
  listen(ui.dctClear, 'click', guard(() => session?.setDct(null), 'Reference date'));
  // R took the focus to the date: Enter (after its change) or Esc goes back to the text
  listen(ui.dct, 'keydown', (e) => {
    if ((e.key !== 'Enter' && e.key !== 'Escape') || mode !== 'review') return;
    e.preventDefault();
    if (e.key === 'Enter') ui.dct.dispatchEvent(new Event('change'));
    if (focusIndex() >= 0) restoreFocus(true); else ui.review.focus();
  });
  listen(ui.modeEdit, 'click', () => setMode('edit'));
  listen(ui.modeReview, 'click', () => setMode('review'));
  listen(ui.undo, 'click', guard(() => session?.undo(), 'Undo'));
  listen(ui.redo, 'click', guard(() => session?.redo(), 'Redo'));
  listen(ui.helpBtn, 'click', () => dialogs.help(helpRows()));
  for (const b of ui.kindButtons) listen(b, 'click', () => toolbarKind(b.dataset.kind));
  for (const b of ui.cmdButtons) listen(b, 'click', () => guard(() => command(b.dataset.cmd, b.dataset.arg, null), 'Correction')());
  // Toolbar buttons must not steal the text selection on mousedown.
  listen(ui.toolbar, 'mousedown', (e) => { if (/** @type {Element} */ (e.target).closest('button')) e.preventDefault(); });

  listen(ui.input, 'input', onInput);
  listen(ui.input, 'paste', onPaste);
  listen(ui.input, 'keydown', onEditKey);
  listen(ui.input, 'scroll', syncScroll);
  listen(ui.review, 'keydown', onReviewKey);
  listen(ui.review, 'focusin', onReviewFocus);
  listen(ui.review, 'focusout', () => laterChip(0));
  listen(ui.review, 'mouseover', (e) => {
    if (pointerKind === 'touch') return; // a tap's mouseover is no hover: its chip would never leave
    const i = review.indexOf(e.target);
    const sp = i >= 0 ? review.spans[i] : null;
    if (sp && (!hoverExt || hoverExt.start !== sp.start || hoverExt.end !== sp.end)) { hoverExt = { start: sp.start, end: sp.end }; if (!mouseDown) laterChip(120); }
  });
  listen(ui.review, 'mouseout', (e) => {
    const to = /** @type {Node|null} */ (e.relatedTarget);
    if (to && (chip.contains(to) || (review.indexOf(to) >= 0 && review.indexOf(to) === review.indexOf(e.target)))) return;
    if (hoverExt) { hoverExt = null; laterChip(300); }
  });
  for (const c of [chip.el, chip.addEl]) {
    listen(c, 'mouseenter', () => clearTimeout(chipTimer));
    listen(c, 'mouseleave', () => { hoverExt = null; laterChip(300); });
  }
  // The pointer: a press anywhere in the text (on a highlight too) and a drag select words, drawn
  // by the editor (Chromium starts no native selection from a press on a <mark>); a press
  // without a drag focuses the highlight under it, or puts the caret on the word under it.
  let mouseDown = false;
  /** @type {{at:number, x:number, y:number, moved:boolean, target:EventTarget|null}|null} */ let press = null;
  listen(ui.review, 'mousedown', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.altKey || !session || mode !== 'review') return;
    const at = review.offsetAtPoint(e.clientX, e.clientY);
    if (at < 0) return;
    e.preventDefault();
    mouseDown = true;
    chip.hideAdd();
    mouseSelection = false;
    press = { at, x: e.clientX, y: e.clientY, moved: false, target: e.target };
  });
  let dragFrame = 0;
  listen(window, 'mousemove', (e) => {
    if (!press || !(e.buttons & 1)) return;
    if (!press.moved && Math.abs(e.clientX - press.x) + Math.abs(e.clientY - press.y) < 4) return;
    press.moved = true;
    const x = e.clientX, y = e.clientY;
    if (dragFrame) return;
    dragFrame = requestAnimationFrame(() => {
      dragFrame = 0;
      if (!press) return;
      const at = review.offsetAtPoint(x, y);
      if (at < 0 || at === press.at) return;
      const r = review.domRange(Math.min(at, press.at), Math.max(at, press.at));
      if (root.getRootNode().activeElement !== ui.review) ui.review.focus({ preventScroll: true });
      const sel = document.getSelection();
      if (r && sel) { sel.removeAllRanges(); sel.addRange(r); }
      caret = null;
      hoverExt = null;
      chip.hide();
    });
  });
  listen(window, 'mouseup', () => {
    if (!mouseDown) return;
    mouseDown = false;
    const p = press;
    press = null;
    if (p && !p.moved) {
      const i = review.indexOf(p.target);
      if (i >= 0) { focusSpan(i); return; }
      const word = wordAtOffset(p.at);
      if (word) {
        caret = { anchor: word, head: word };
        focusExtent = { start: word.start, end: word.start };
        showCaret();
        // a finger's tap on a word also offers to add it (a mouse click only puts the caret there)
        if (pointerKind === 'touch' && !readonly) { mouseSelection = true; chip.showAdd(word); }
      }
      return;
    }
    onReviewPointerUp();
  });
  listen(ui.review, 'scroll', () => chip.place(), { passive: true });
  listen(window, 'resize', () => chip.place());
  listen(window, 'scroll', () => chip.place(), { passive: true }); // a phone scrolls the page, not the text box

  // ---- touch (review mode) ---------------------------------------------------------------------------
  // A tap is handled as a click above (the browser's compatibility mouse events): it focuses the
  // highlight under it (its chip opens beside it, not on hover only) or puts the caret on a word
  // and offers the add chip for it. A long press (LONG_PRESS_MS without moving) selects the word
  // under the finger, in a highlight too, and moving the finger then extends the selection word by
  // word instead of scrolling; lifting it shows the add chip. A finger that moves before that
  // scrolls, as everywhere. A selection the browser makes by itself (its own long press, its
  // selection handles) gets the add chip too (selectionchange). The long press is timed here, not
  // left to the browser: its gesture differs between platforms, and this one is the same in tests.
  const LONG_PRESS_MS = 450, SLOP = 10;
  let pointerKind = 'mouse'; // what pressed last: 'mouse' | 'touch' | 'pen' | 'key'
  /** @type {{x:number, y:number, timer:any, selecting:boolean, anchor:{start:number,end:number}|null, ext:{start:number,end:number}|null}|null} */
  let touch = null;
  let touchFrame = 0, longPressAt = 0, selTimer = 0;
  /** The word around the code point `at` (or the next one), or null. */
  function wordAtOffset(at) {
    const text = session.doc.text;
    try {
      const before = wordBefore(text, at + 1);
      return before && before.start <= at && before.end >= at ? before : wordAfter(text, at);
    } catch { return null; }
  }
  function cancelTouch() { if (touch) clearTimeout(touch.timer); touch = null; }
  function selectByTouch(ext) {
    if (!touch) return;
    touch.ext = ext;
    if (root.getRootNode().activeElement !== ui.review) ui.review.focus({ preventScroll: true });
    const r = review.domRange(ext.start, ext.end);
    const sel = document.getSelection();
    if (r && sel) { sel.removeAllRanges(); sel.addRange(r); }
    caret = null;
    hoverExt = null;
    mouseSelection = false;
    chip.hide();
    chip.hideAdd();
  }
  listen(ui.review, 'pointerdown', (e) => { pointerKind = e.pointerType || 'mouse'; }, { capture: true });
  listen(ui.review, 'keydown', () => { pointerKind = 'key'; }, { capture: true });
  listen(ui.review, 'touchstart', (e) => {
    pointerKind = 'touch';
    cancelTouch();
    if (e.touches.length !== 1 || !session || mode !== 'review' || readonly) return;
    const t = e.touches[0];
    touch = { x: t.clientX, y: t.clientY, selecting: false, anchor: null, ext: null, timer: 0 };
    touch.timer = setTimeout(() => {
      if (!touch || !session || mode !== 'review') return;
      // where the finger is, found only now: a swipe (most touches) costs no layout reads
      const at = review.offsetAtPoint(touch.x, touch.y);
      const w = at >= 0 ? wordAtOffset(at) : null;
      if (!w) { cancelTouch(); return; }
      touch.selecting = true;
      touch.anchor = w;
      longPressAt = Date.now();
      selectByTouch(w);
    }, LONG_PRESS_MS);
  }, { passive: true });
  listen(ui.review, 'touchmove', (e) => {
    if (!touch) return;
    const t = e.touches[0];
    if (!touch.selecting) { if (Math.abs(t.clientX - touch.x) + Math.abs(t.clientY - touch.y) > SLOP) cancelTouch(); return; }
    if (e.cancelable) e.preventDefault(); // the finger selects: no scrolling
    const x = t.clientX, y = t.clientY;
    if (touchFrame) return;
    touchFrame = requestAnimationFrame(() => {
      touchFrame = 0;
      if (!touch?.anchor) return;
      const at = review.offsetAtPoint(x, y);
      const w = at >= 0 ? wordAtOffset(at) : null;
      if (!w) return;
      const ext = { start: Math.min(touch.anchor.start, w.start), end: Math.max(touch.anchor.end, w.end) };
      if (!touch.ext || touch.ext.start !== ext.start || touch.ext.end !== ext.end) selectByTouch(ext);
    });
  }, { passive: false });
  listen(ui.review, 'touchend', (e) => {
    const t = touch;
    cancelTouch();
    if (!t?.selecting) return; // a tap: the click follows
    if (e.cancelable) e.preventDefault(); // no click after a long press
    cancelAnimationFrame(touchFrame);
    touchFrame = 0;
    if (!t.ext || !session) return;
    mouseSelection = true;
    chip.showAdd(t.ext);
    const words = clip(review.domRange(t.ext.start, t.ext.end)?.toString() ?? '', 60);
    notices.announce(`Selected: ${words}. Add it as an actor, a place or a date.`);
  }, { passive: false });
  listen(ui.review, 'touchcancel', cancelTouch);
  // the browser's own long-press menu would cover the add chip
  listen(ui.review, 'contextmenu', (e) => { if (touch?.selecting || Date.now() - longPressAt < 1500) e.preventDefault(); });
  listen(document, 'selectionchange', () => {
    if (pointerKind !== 'touch' || touch || mode !== 'review' || !session || readonly) return;
    clearTimeout(selTimer);
    selTimer = setTimeout(() => {
      if (touch || pointerKind !== 'touch' || mode !== 'review') return;
      const ext = selectionExtent(false);
      const cur = chip.addExtent;
      if (!ext || (cur && cur.start === ext.start && cur.end === ext.end)) return;
      caret = null;
      mouseSelection = true;
      chip.hide();
      chip.showAdd(ext);
    }, 250);
  });

  // ---- autosave ------------------------------------------------------------------------------------
  // Saved means stored: a change is written at once (the changes of one task in one save, those
  // made while a save runs in the next one), and "saved" shows only once the IndexedDB transaction
  // has committed, so a tab that crashes a moment after a correction still has it. Typing in a
  // text above LIVE_MIRROR_UNITS is saved TYPING_SAVE_MS later (each save copies the text).
  // A huge dispatch's spans are packed over several tasks (storage.saveDoc); when the page is being
  // hidden or closed there is no time for that: the save (or the one still packing) starts now.
  // Only the tab that holds a dispatch's lock saves it (core/tabs.js; see "several tabs").
  let saveNow = false;
  let packing = 0; // saves not yet written
  /** Per dispatch id, the `updated` of the version the store holds (read or saved by this tab). */
  const storedAt = new Map();
  const saveUrgently = () => {
    // The IndexedDB save below may be cut short as the page goes: its small parts are journaled
    // at once, synchronously (core/journal.js), and applied at the next start if it was.
    const d = session?.doc;
    if (d && storage && !follower && !readonly && storedAt.get(d.id) !== d.updated && (d.text || d.corrections.length)) {
      try { storage.writeJournal(session.doc); } catch { /* the save below still runs */ }
    }
    if (packing && !save.pending()) save();
    saveNow = true;
    try { save.flush(); } finally { saveNow = false; }
  };
  const save = (() => {
    let queued = false, timer = 0, again = false;
    /** @type {Promise<void>|null} */ let running = null;
    const track = (/** @type {Promise<void>} */ p) => {
      running = p.finally(() => {
        running = null;
        if (again) { again = false; start(); }
      });
    };
    const start = () => {
      queued = false;
      clearTimeout(timer);
      timer = 0;
      if (running) { again = true; return; }
      track(saveOnce());
    };
    /** Saves soon: `delayMs` 0, in a microtask (the changes of this task together). */
    const s = (delayMs = 0) => {
      if (delayMs > 0) {
        if (!queued) { queued = true; timer = setTimeout(start, delayMs); }
        return;
      }
      if (timer) { clearTimeout(timer); timer = 0; queued = false; }
      if (!queued) { queued = true; queueMicrotask(() => { if (queued && !timer) start(); }); }
    };
    s.pending = () => queued || again;
    /** Starts the save now, in this task (the page is going away: even beside one that runs). */
    s.flush = () => {
      if (!queued && !again) return;
      queued = false;
      again = false;
      clearTimeout(timer);
      timer = 0;
      const p = saveOnce();
      if (!running) track(p);
    };
    return s;
  })();
  async function saveOnce() {
    if (!session || !storage) return;
    let doc = session.doc;
    if (!doc.text && !doc.corrections.length) return; // an empty new dispatch is not history
    if (tabs && tabs.holds(doc.id) !== true) {
      if (!(await tabs.writable(doc.id))) return; // another tab writes it: this one follows
      if (session.doc.id !== doc.id) { save(); return; }
      doc = session.doc;
    }
    const spans = session.spans;
    packing++;
    try {
      notices.status('saving…');
      const done = await storage.saveDoc(doc.title ? doc : { ...doc, title: titleOf(doc.text) }, spans, { now: saveNow, rev: revs.get(doc.id) });
      if (done === null) return; // a later save of this doc took over
      revs.set(doc.id, done.rev);
      storedAt.set(doc.id, doc.updated);
      storage.dropJournal(doc.id, doc.updated);
      tabs?.post({ type: 'saved', id: doc.id, rev: done.rev });
      if (!save.pending()) notices.status('saved');
      history?.refresh();
    } catch (e) {
      if (/** @type {any} */ (e)?.conflict) { conflicted(doc.id); return; }
      notices.status(`error: ${e?.message ?? e}`, true);
    } finally {
      packing--;
    }
  }

  // ---- several tabs ----------------------------------------------------------------------------------
  // One writer per dispatch (core/tabs.js): a tab that opens a dispatch another tab writes shows
  // it read-only, follows what that tab saves, and gets it when that tab leaves or on "Take over".
  // The lexicon is merged with the stored one on every save (core/lexicon-sync.js).
  /** @type {ReturnType<typeof createTabs>|null} */ let tabs = null;
  /** @type {ReturnType<typeof createLexiconSync>|null} */ let lexSync = null;
  /** Another tab announced a lexicon write that this one could not read yet (see the storage event). */ let lexiconDue = false;
  /** @type {string|null} the dispatch this tab claimed */ let claimed = null;
  /** The stored revision of each dispatch this tab read or wrote: a save on an older one is refused. */
  const revs = new Map();
  const tabNotice = createTabNotice({ takeOver: () => { takeOver().catch((e) => notices.error(e, 'Take over')); } });
  learn.el.after(tabNotice.el); // after the learning notice (which tests and styles find first)
  function setFollower(on, message = '') {
    if (on) typing.cancel();
    follower = on;
    if (message) tabNotice.show(message, on); else tabNotice.hide();
    configure({});
  }
  let reloading = Promise.resolve();
  /** Shows the stored copy of dispatch `id` (when it is still the open one). */
  function showStored(id) {
    reloading = reloading.then(async () => {
      const r = await storage.loadDoc(id);
      if (!r || destroyed || session?.doc.id !== id) return;
      revs.set(id, r.rev);
      storedAt.set(id, r.doc.updated);
      session.load(r.doc);
      setInput(session.doc.text);
    }).catch((e) => notices.error(e, 'Reading what the other tab saved'));
    return reloading;
  }
  async function claimDoc(id) {
    claimed = id;
    const held = await tabs.claim(id);
    if (claimed !== id || destroyed) return;
    if (held) { if (follower) setFollower(false); return; }
    setFollower(true, 'This dispatch is open in another tab, which saves it: here it is read-only and shows what is saved there.');
    await showStored(id);
  }
  async function takeOver() {
    const id = session?.doc.id;
    if (!id || !tabs) return;
    claimed = id;
    if (!(await tabs.takeOver(id))) throw new UserError('This dispatch could not be taken over; try again.');
    await showStored(id);
    setFollower(false, 'You edit this dispatch here now; the other tab shows it read-only.');
    notices.announce('You can edit this dispatch here now.');
  }
  function conflicted(id) {
    if (session?.doc.id !== id) return;
    setFollower(true, 'Another tab saved this dispatch since this one read it: your last change was not saved here, so as not to overwrite theirs. This is what is stored.');
    void showStored(id);
  }
  const tabEvents = {
    onLost(id) {
      if (session?.doc.id !== id) return;
      setFollower(true, 'Another tab took this dispatch over: here it is read-only and shows what is saved there.');
      void showStored(id);
    },
    onGranted(id) {
      if (session?.doc.id !== id) return;
      void showStored(id).then(() => { if (session?.doc.id === id) setFollower(false, 'The other tab let this dispatch go: you can edit it here again.'); });
    },
    onMessage(msg) {
      // The message can come before the stored lexicon reaches this tab's process (localStorage
      // is synchronised across processes afterwards): then the 'storage' event below pulls it.
      if (msg.type === 'lexicon') { lexiconDue = !lexSync?.pull(); return; }
      if (msg.type === 'saved') {
        history?.refresh();
        if (follower && session?.doc.id === msg.id && msg.rev !== revs.get(msg.id)) void showStored(msg.id);
      }
    },
  };

  // ---- side panels ----------------------------------------------------------------------------------
  let history = null, lexiconPanel = null, io = null;

  // ---- session lifecycle -------------------------------------------------------------------------------
  function newDoc(text = '') {
    const now = new Date().toISOString();
    return { id: `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, title: '',
      text, lang: 'auto', dct: null, corrections: [], orphans: [], created: now, updated: now };
  }
  function onChange(ev) {
    const reason = typingChange ? 'typing' : ev?.detail?.reason ?? '';
    // what another tab learned is no decision of this one: the learning notice stays quiet
    learn.onChange(reason === 'lexicon-sync' ? 'annotated' : reason, session.lexicon);
    refresh(reason);
    lexiconPanel?.refresh();
    if (tabs && session.doc.id !== claimed) void claimDoc(session.doc.id).catch((e) => notices.error(e, 'Tabs'));
    if (reason === 'lexicon-sync') return;
    lexSync?.save();
    save(reason === 'typing' && session.doc.text.length > LIVE_MIRROR_UNITS ? TYPING_SAVE_MS : 0);
  }
  /** Open a doc (from history, an import, or a new one). */
  async function open(doc, spans) {
    save.flush();
    flushTyping();
    focusExtent = null;
    session.load(doc, spans);
    setInput(session.doc.text);
    refresh('load');
    save();
  }

  const ready = (async () => {
    ui.status.textContent = 'loading…';
    try {
      storage = await options.storage;
      if (storage && !destroyed) tabs = createTabs({ name: storage.name ?? 'depeche', ...tabEvents });
    } catch (e) { notices.error(e, 'Storage (work will not be saved)'); }
    let lexData = null;
    try {
      const lex = storage ? storage.loadLexicon() : null;
      lexData = lex?.data ?? null;
      if (lex?.warning) notices.error(lex.warning, 'Lexicon');
    } catch (e) { notices.error(e, 'Lexicon'); }
    engine = await options.engine;
    fillLanguages(ui.lang, engine?.languages ?? languages());
    ui.input.placeholder = inputPlaceholder(engine?.languages ?? languages());
    let lexicon;
    try { lexicon = Lexicon.fromJSON(lexData ?? { version: 1, add: [], reject: [] }); } catch (e) {
      notices.error(e, 'Lexicon (starting empty)');
      lexicon = Lexicon.fromJSON({ version: 1, add: [], reject: [] });
    }
    // knows: a name the gazetteers have as that kind; what is taught about it stays in its dispatch
    const knows = (text, kind, lang) => (engine?.senses?.(text, isLanguage(lang) ? lang : undefined) ?? []).some((r) => r.kind === kind);
    session = new Session({ annotate: annotateDated, lexicon, knows });
    if (storage) lexSync = createLexiconSync({ storage, session: () => session, initial: lexicon, tell: () => tabs?.post({ type: 'lexicon' }), onError: (e) => notices.error(e, 'Lexicon') });
    // a lexicon another tab announced, once localStorage has it here: take it in, and save what
    // this tab learned meanwhile merged with it (a write that crossed ours puts it back). Only
    // when announced: a page that just opened must not take in, re-annotate and save over a
    // dispatch the page it replaces is still writing (a reload right after a correction).
    if (storage) {
      listen(window, 'storage', (e) => {
        if (!lexiconDue || (e.key !== null && !e.key.endsWith(LEXICON_KEY))) return;
        lexiconDue = !lexSync?.pull();
        lexSync?.save();
      });
    }
    session.addEventListener('change', onChange);
    // points for small towns: the gazetteer pack, fetched after the first place (core/gazetteer.js)
    const followed = session;
    followGazetteer(engine, followed, { alive: () => session === followed && !destroyed });
    session.addEventListener('error', (e) => {
      if (e.detail?.error?.name === 'AbortError') return;
      notices.error(e.detail?.message ?? e.detail?.error ?? 'annotation failed', 'Engine');
    });
    history = createHistoryPanel(ui.historySection, { storage, notices, dialogs, current: () => session?.doc,
      open: guard(async (id) => { const r = await storage.loadDoc(id); if (!r) throw new UserError('That dispatch is gone.'); revs.set(id, r.rev); await open(r.doc); setMode('review'); }, 'History'),
      newDoc: guard(async () => { await open(newDoc('')); setMode('edit'); }, 'History') });
    lexiconPanel = createLexiconPanel(ui.lexiconSection, { session: () => session, notices, dialogs, save: () => save() });
    io = createIoPanel(ui.ioSection, { session: () => session, storage, notices, annotate: annotateDated,
      Session, Lexicon, openImported: guard(async (items) => {
        for (const it of items.slice(0, -1)) {
        const t = new Session({ annotate: annotateDated, lexicon: session.lexicon });
        t.load(it.doc, it.spans);
        if (t.pending) await new Promise((ok) => t.addEventListener('change', ok, { once: true }));
        await storage?.saveDoc(t.doc.title ? t.doc : { ...t.doc, title: titleOf(t.doc.text) }, t.spans);
      }
        const last = items[items.length - 1];
        await open(last.doc, last.spans);
        setMode('review');
      }, 'Import') });
    let doc = null, journaled = false;
    if (typeof options.text !== 'string') try {
      const id = storage ? await storage.lastDocId() : null;
      const r = id ? await storage.loadDoc(id) : null;
      doc = r?.doc ?? null;
      if (r) { revs.set(r.doc.id, r.rev); storedAt.set(r.doc.id, r.doc.updated); }
      // Changes of the last moments that the save at pagehide did not store (core/journal.js).
      const j = storage?.readJournal();
      if (j) {
        const mine = j.id === doc?.id ? doc : j.id === id ? null : await storage.loadDoc(j.id).then((x) => x?.doc ?? null);
        const back = applyJournal(mine, j);
        if (back.doc) {
          doc = back.doc;
          journaled = true; // saved below, which drops the journal
          notices.announce('Your last changes, made as the page was closing, were restored.');
        } else {
          if (back.lost) notices.error(new UserError(`${back.lost} correction${back.lost === 1 ? '' : 's'} made as the page was closing could not be restored: the text they were made on was not saved.`), 'Restoring the last dispatch');
          storage.clearJournal();
        }
      }
    } catch (e) { notices.error(e, 'Restoring the last dispatch'); }
    session.load(typeof options.text === 'string' ? newDoc(options.text.replace(/\r\n?/g, '\n')) : doc ?? newDoc(''));
    setInput(session.doc.text);
    notices.status(doc ? 'restored' : 'ready');
    if (journaled) save();
    refresh('load');
    history.refresh();
    lexiconPanel.refresh();
    const focus = !!options.autofocus;
    if (readonly || session.doc.text) setMode('review', { focus }); else if (focus) ui.input.focus();
    root.dataset.ready = 'true';
  })().catch((e) => { notices.error(e, 'Starting the editor'); notices.status('not ready', true); });

  // The last moments a browser reliably gives: save now.
  listen(window, 'pagehide', saveUrgently);
  listen(document, 'visibilitychange', () => { if (document.visibilityState === 'hidden') saveUrgently(); });

  /** Show or hide the parts the options choose (at mount, and when the element's attributes change). */
  function configure(o = {}) {
    if ('panels' in o) panels = o.panels ?? 'entities';
    if ('readonly' in o) readonlyAsked = !!o.readonly;
    readonly = readonlyAsked || follower;
    if ('kinds' in o) kinds = o.kinds ? new Set(o.kinds) : null;
    const full = panels === 'full';
    ui.side.hidden = panels === 'none';
    for (const s of [ui.historySection, ui.lexiconSection, ui.ioSection]) s.hidden = !full;
    ui.title.hidden = !full;
    ui.statusWrap.hidden = !storage && !full;
    for (const b of [ui.modeEdit, ui.modeReview, ui.undo, ui.redo]) b.hidden = readonly;
    ui.reviewTools.hidden = readonly || mode !== 'review';
    root.classList.toggle('dp-readonly', readonly);
    root.classList.toggle('dp-no-panels', panels === 'none');
    if (readonly && mode === 'edit') setMode('review', { focus: false });
    if (session) refresh('configure');
  }
  configure({});
  ready.then(() => configure({}));

  return {
    ready,
    session: () => session,
    configure,
    setMode,
    get mode() { return mode; },
    /** Time the last redraw after a change took (ms): the text view alone, and everything
     *  (text view, focus with the layout it forces, legend, header); the panel follows a frame later. */
    stats: () => ({ lastRefreshMs, lastRenderMs }),
    loadText: (text) => {
      ui.input.value = text.replace(/\r\n?/g, '\n');
      inputStale = false;
      flushTyping();
      if (session) setInput(session.doc.text);
    },
    /** Hand what is typed but not yet annotated (debounce) to the session now. */
    flush: () => flushTyping(),
    destroy() {
      destroyed = true;
      saveUrgently();
      tabs?.close();
      for (const c of cleanups) c();
      session?.removeEventListener('change', onChange);
      root.replaceChildren();
      root.classList.remove('depeche');
    },
  };
}

function titleOf(text) {
  // The first non-blank line, found without splitting a 5 MB text into lines.
  for (let at = 0; at < text.length;) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const line = text.slice(at, nl).trim();
    if (line) return clip(line.slice(0, 1000), 80);
    at = nl + 1;
  }
  return 'Untitled dispatch';
}

/**
 * The language menu: auto, each language the core knows under its own name (marked with its
 * `lang`, its English name as the tooltip), then other (und). Before the engine is loaded: auto
 * and other.
 * @param {HTMLSelectElement} sel @param {readonly import('../core/languages.js').Language[]} list
 */
export function fillLanguages(sel, list) {
  const value = sel.value;
  const opts = [[AUTO, 'auto', ''], ...list.map((l) => [l.code, l.name || l.code, l.english ?? '']), [UND, 'other', '']];
  sel.replaceChildren(...opts.map(([v, t, title]) => h('option', { value: v, text: t, ...(title && title !== t ? { title } : {}), ...(v !== AUTO && v !== UND ? { lang: v } : {}) })));
  if (value && opts.some(([v]) => v === value)) sel.value = value;
}

/**
 * The text box's hint, naming the languages the core knows (in English, as the page's words):
 * "Paste or type a dispatch in French or English…".
 * @param {readonly import('../core/languages.js').Language[]} list
 */
export function inputPlaceholder(list) {
  const names = list.map((l) => l.english || l.name || l.code);
  const which = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
  return which ? `Paste or type a dispatch in ${which}…` : 'Paste or type a dispatch…';
}

/** Build the editor's DOM inside root; returns handles to its parts. */
function buildLayout(root) {
  const kindButtons = KINDS.map((k) => h('button', { type: 'button', class: `dp-kind-btn dp-${k}`, dataset: { kind: k },
    title: `${KIND_NAME[k]} (${KIND_KEY[k]})`, 'aria-keyshortcuts': KIND_KEY[k] },
  h('span', { class: `dp-swatch dp-${k}`, 'aria-hidden': 'true', text: KIND_KEY[k] }), ` ${KIND_NAME[k]}`));
  const cmd = (c, label, keys, arg) => h('button', { type: 'button', class: 'dp-cmd', dataset: { cmd: c, ...(arg ? { arg } : {}) }, title: `${label} (${keys})`, 'aria-keyshortcuts': keys, text: label });
  const cmdButtons = [cmd('delete', 'Delete', 'Delete'), cmd('value', 'Value…', 'V'), cmd('accept', '✓ Accept', 'Y'), cmd('all', 'All occurrences', '*'), cmd('removeAll', 'Remove all', 'X'),
    cmd('next', 'Next to review', 'U', 'review'), cmd('find', 'Find…', '/')];
  const sel = h('select', { class: 'dp-lang', 'aria-label': 'Language' });
  fillLanguages(sel, []);
  const parts = {
    modeEdit: h('button', { type: 'button', class: 'dp-mode dp-mode-edit', 'aria-pressed': 'true', text: 'Edit', title: 'Edit the text (E)' }),
    modeReview: h('button', { type: 'button', class: 'dp-mode dp-mode-review', 'aria-pressed': 'false', text: 'Review', title: 'Review and correct (Esc)' }),
    lang: sel,
    detected: h('span', { class: 'dp-detected' }),
    dct: h('input', { type: 'date', class: 'dp-dct', 'aria-label': 'Reference date' }),
    dctNote: h('span', { class: 'dp-dct-note' }),
    dctClear: h('button', { type: 'button', class: 'dp-dct-clear', text: 'use dateline', hidden: true }),
    undo: h('button', { type: 'button', class: 'dp-undo', text: 'Undo', title: 'Undo (Ctrl+Z)', disabled: true }),
    redo: h('button', { type: 'button', class: 'dp-redo', text: 'Redo', title: 'Redo (Ctrl+Shift+Z)', disabled: true }),
    helpBtn: h('button', { type: 'button', class: 'dp-help-btn', text: '?', 'aria-label': 'Keyboard help', title: 'Keyboard help (?)' }),
    legend: h('ul', { class: 'dp-legend', 'aria-label': 'Highlights per kind' }),
    errors: h('div', { class: 'dp-errors', hidden: true, 'aria-live': 'assertive' }),
    progress: h('div', { class: 'dp-progress', hidden: true }),
    progressBar: h('progress', { class: 'dp-progress-bar', max: '1', value: '0' }),
    progressLabel: h('span', { class: 'dp-progress-label' }),
    mirror: h('div', { class: 'dp-mirror dp-textbox', 'aria-hidden': 'true', part: 'text mirror' }),
    input: /** @type {HTMLTextAreaElement} */ (h('textarea', { class: 'dp-input dp-textbox', spellcheck: 'false',
      part: 'text input', 'aria-label': 'Dispatch text (edit mode; Esc to review)', placeholder: inputPlaceholder([]) })),
    review: h('div', { class: 'dp-review dp-textbox', tabindex: '0', role: 'region', hidden: true, part: 'text review',
      'aria-label': 'Dispatch text, review mode: Tab moves between highlights, ? for keys', 'aria-roledescription': 'annotated text' }),
    empty: h('p', { class: 'dp-empty-hint', text: 'Paste a dispatch to start: highlights appear as you type; Esc switches to review.' }),
    current: h('span', { class: 'dp-current', 'aria-hidden': 'true' }),
    entities: h('div', { class: 'dp-entity-list' }),
    orphans: h('ul', { class: 'dp-orphans' }),
    historySection: h('details', { class: 'dp-history', open: true }),
    lexiconSection: h('details', { class: 'dp-lexicon' }),
    ioSection: h('details', { class: 'dp-io', open: true }),
    live: h('div', { class: 'dp-live dp-sr', 'aria-live': 'polite', role: 'status' }),
    status: h('span', { class: 'dp-status', 'aria-live': 'off' }),
    toReview: h('span', { class: 'dp-to-review', title: 'Highlights neither accepted (Y) nor corrected; U goes to the next one' }),
    kindButtons, cmdButtons,
  };
  parts.progress.append(parts.progressBar, parts.progressLabel);
  parts.orphanSection = h('section', { class: 'dp-orphan-section', hidden: true, 'aria-label': 'Lost corrections' },
    h('h3', { text: 'Lost corrections' }),
    h('p', { class: 'dp-note', text: 'Their words are no longer in the text.' }), parts.orphans);
  parts.editPane = h('div', { class: 'dp-edit' }, parts.mirror, parts.input);
  parts.reviewTools = h('div', { class: 'dp-review-tools', hidden: true, role: 'group', 'aria-label': 'Corrections' }, ...kindButtons, ...cmdButtons);
  parts.toolbar = h('div', { class: 'dp-toolbar', role: 'toolbar', 'aria-label': 'Editor', part: 'toolbar' },
    h('span', { class: 'dp-modes', role: 'group', 'aria-label': 'Mode' }, parts.modeEdit, parts.modeReview),
    parts.reviewTools, parts.undo, parts.redo, parts.helpBtn);
  parts.title = h('h1', { class: 'dp-title' }, 'depeche', h('span', { class: 'dp-subtitle', text: ' actors · places · dates' }));
  parts.statusWrap = h('span', { class: 'dp-status-wrap' }, 'Autosave: ', parts.status);
  parts.side = h('aside', { class: 'dp-side', 'aria-label': 'Entities and tools', part: 'panel' },
    h('section', { class: 'dp-entities-section' }, h('h2', { text: 'Entities' }), parts.entities),
    parts.orphanSection, parts.historySection, parts.lexiconSection, parts.ioSection);
  root.replaceChildren(
    h('header', { class: 'dp-header', part: 'header' },
      parts.title,
      h('label', { class: 'dp-field-inline' }, h('span', { text: 'Language ' }), parts.lang), parts.detected,
      h('label', { class: 'dp-field-inline' }, h('span', { text: 'Reference date ' }), parts.dct), parts.dctNote, parts.dctClear,
      parts.toReview, parts.statusWrap),
    parts.toolbar,
    parts.errors,
    h('div', { class: 'dp-main' },
      h('section', { class: 'dp-doc', 'aria-label': 'Dispatch' },
        parts.legend, parts.progress, parts.empty, parts.editPane, parts.review, parts.current),
      parts.side),
    parts.live);
  root.dataset.mode = 'edit';
  return parts;
}
