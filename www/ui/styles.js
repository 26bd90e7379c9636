// The editor's styles as a JavaScript module, adopted as constructed stylesheets.
// Why: <depeche-annotator> lives in a shadow root on somebody else's page, often under a strict
// Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline'): a <style> element would be
// blocked, a <link> needs a URL next to the module. A CSSStyleSheet built in script and given to
// `adoptedStyleSheets` is neither, so CSP allows it, and one sheet object is shared by every
// instance of the page. Themable from outside through CSS custom properties (--depeche-actor,
// --depeche-place, --depeche-date and their -line colours, --depeche-font, --depeche-text-font,
// --depeche-bg, --depeche-color, --depeche-border, --depeche-muted, --depeche-focus,
// --depeche-height, --depeche-max-height) and ::part(text | toolbar | panel | header | mark).
// The `for=` mode's highlights use the CSS Custom Highlight API, whose ::highlight() rules must be
// in the host document's styles: `highlightSheet()` is ONE document-level constructed sheet holding
// only ::highlight(<prefix>-<kind>) rules, each instance adding and removing its own.
// Trade-off: CSS in a JS string has no CSS tooling; it is small and plain.

/** The editor's rules (scoped under the root's `.depeche` class; inside a shadow root anyway). */
export const EDITOR_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.depeche {
  --dp-actor: var(--depeche-actor, #d7e6ff); --dp-actor-line: var(--depeche-actor-line, #1f5fbf);
  --dp-place: var(--depeche-place, #d8f3dc); --dp-place-line: var(--depeche-place-line, #1b7a3a);
  --dp-date: var(--depeche-date, #ffe8c7);  --dp-date-line: var(--depeche-date-line, #a75a00);
  --dp-focus: var(--depeche-focus, #b3005f);
  --dp-border: var(--depeche-border, #c9ccd1);
  --dp-muted: var(--depeche-muted, #5b6270);
  font: var(--depeche-font, 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--depeche-color, #1d2128);
  display: flex; flex-direction: column; gap: .5rem;
  min-height: 0;
}
.depeche *, .depeche *::before, .depeche *::after { box-sizing: border-box; }
.depeche [hidden] { display: none !important; }
.depeche button, .depeche select, .depeche input { font: inherit; font-size: .9rem; }
.depeche button {
  border: 1px solid var(--dp-border); background: #f6f7f9; border-radius: 4px; padding: .15rem .55rem; cursor: pointer;
}
.depeche button:hover { background: #eceef2; }
.depeche button:disabled { opacity: .5; cursor: default; }
.depeche :focus-visible { outline: 3px solid var(--dp-focus); outline-offset: 2px; }
.depeche h1, .depeche h2, .depeche h3 { margin: 0; }
.depeche h2 { font-size: 1rem; display: inline; }
.depeche h3 { font-size: .92rem; margin: .5rem 0 .2rem; }
.depeche .dp-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.depeche .dp-note, .depeche .dp-empty { color: var(--dp-muted); font-size: .85rem; margin: .2rem 0; }

/* header and toolbar */
.depeche .dp-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem 1rem; }
.depeche .dp-title { font-size: 1.3rem; letter-spacing: .02em; }
.depeche .dp-subtitle { font-size: .85rem; font-weight: normal; color: var(--dp-muted); }
.depeche .dp-detected, .depeche .dp-dct-note { color: var(--dp-muted); font-size: .85rem; }
.depeche .dp-dct.dp-dct-assumed { border-style: dashed; font-style: italic; }
.depeche .dp-status-wrap { margin-left: auto; font-size: .85rem; color: var(--dp-muted); }
.depeche .dp-status-error { color: #b00020; font-weight: 600; }
.depeche .dp-toolbar { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; padding: .35rem; background: #f1f3f6; border-radius: 6px; }
.depeche .dp-review-tools { display: inline-flex; flex-wrap: wrap; gap: .35rem; }
.depeche .dp-mode[aria-pressed="true"] { background: #1d2128; color: #fff; border-color: #1d2128; }

/* errors and progress */
.depeche .dp-errors { display: flex; flex-direction: column; gap: .25rem; }
.depeche .dp-error { display: flex; gap: .5rem; align-items: start; background: #fdecee; border: 1px solid #e4a1ab; color: #7a0016; padding: .35rem .6rem; border-radius: 4px; }
.depeche .dp-error-text { flex: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.depeche .dp-progress { display: flex; gap: .5rem; align-items: center; font-size: .85rem; }
.depeche .dp-progress-bar { flex: 1; }

/* layout */
.depeche .dp-main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(16rem, 24rem); gap: 1rem; align-items: start; }
@media (max-width: 800px) { .depeche .dp-main { grid-template-columns: 1fr; } }
.depeche .dp-doc { display: flex; flex-direction: column; gap: .4rem; min-width: 0; }
.depeche .dp-side { display: flex; flex-direction: column; gap: .6rem; font-size: .9rem; max-height: 80vh; overflow: auto; }
.depeche .dp-side > * { border: 1px solid var(--dp-border); border-radius: 6px; padding: .5rem .6rem; }
.depeche .dp-side summary { cursor: pointer; }
.depeche .dp-row { display: flex; flex-wrap: wrap; gap: .35rem; margin: .35rem 0; }
.depeche .dp-field { display: flex; flex-direction: column; gap: .15rem; margin: .35rem 0; }
.depeche .dp-empty-hint { color: var(--dp-muted); margin: 0; }

/* the text boxes: textarea, its mirror, the review view share one geometry */
.depeche .dp-textbox {
  font: var(--depeche-text-font, 16px/1.6 Georgia, "Times New Roman", serif);
  padding: .8rem 1rem; border: 1px solid var(--dp-border); border-radius: 6px; margin: 0;
  white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; tab-size: 4; letter-spacing: normal;
}
.depeche .dp-edit { position: relative; height: var(--depeche-height, 65vh); min-height: 14rem; }
.depeche .dp-mirror, .depeche .dp-input {
  position: absolute; inset: 0; width: 100%; height: 100%; overflow-y: scroll; scrollbar-gutter: stable;
}
.depeche .dp-mirror { color: transparent; background: var(--depeche-bg, #fff); overflow: hidden; pointer-events: none; }
.depeche .dp-input { background: transparent; color: #1d2128; resize: none; caret-color: #000; z-index: 1; }
.depeche .dp-review { max-height: var(--depeche-max-height, 75vh); overflow-y: auto; background: var(--depeche-bg, #fff); }
.depeche .dp-review:focus-visible { outline-offset: -3px; }
.depeche .dp-block { content-visibility: auto; contain-intrinsic-size: auto 3em; }
.depeche .dp-current { min-height: 1.4em; font-size: .85rem; color: var(--dp-muted); }

/* highlights: colour + underline style + letter */
.depeche mark.dp-mark { color: inherit; border-radius: 2px; padding: 0; text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
.depeche mark.dp-actor { background: var(--dp-actor); text-decoration-color: var(--dp-actor-line); text-decoration-style: solid; }
.depeche mark.dp-place { background: var(--dp-place); text-decoration-color: var(--dp-place-line); text-decoration-style: double; }
.depeche mark.dp-date  { background: var(--dp-date);  text-decoration-color: var(--dp-date-line);  text-decoration-style: dotted; }
.depeche .dp-mirror mark.dp-mark { color: transparent; }
.depeche .dp-review mark.dp-mark::after {
  content: attr(data-k); font: 600 .62em/1 system-ui, sans-serif; vertical-align: super; margin-left: 1px;
  padding: 0 2px; border-radius: 3px; color: #fff; text-decoration: none; display: inline-block;
}
.depeche .dp-review mark.dp-actor::after { background: var(--dp-actor-line); }
.depeche .dp-review mark.dp-place::after { background: var(--dp-place-line); }
.depeche .dp-review mark.dp-date::after  { background: var(--dp-date-line); }
.depeche .dp-review mark.dp-user { box-shadow: inset 0 -1px 0 rgba(0, 0, 0, .35); }
.depeche .dp-review mark.dp-mark { cursor: pointer; }
.depeche .dp-review mark.dp-mark:focus { outline: 2px solid var(--dp-focus); outline-offset: 0; }
/* review state, by more than colour: automatic (no frame), accepted (solid frame, ✓ after the
   letter), corrected (dashed frame, ✎ after the letter) */
.depeche .dp-review mark.dp-mark[data-state="accepted"] { outline: 1.5px solid rgba(29, 33, 40, .6); outline-offset: 0; }
.depeche .dp-review mark.dp-mark[data-state="corrected"] { outline: 1.5px dashed rgba(29, 33, 40, .6); outline-offset: 0; }
.depeche .dp-review mark.dp-mark[data-state]:focus { outline: 2px solid var(--dp-focus); outline-offset: 0; }
.depeche .dp-review ::highlight(dp-found), .depeche ::highlight(dp-found) { background-color: #ffd84d; color: #000; }
.depeche .dp-to-review { font-size: .85rem; color: var(--dp-muted); }
.depeche .dp-find { display: flex; gap: .4rem; align-items: center; }
.depeche .dp-find-icon { font: 600 .9rem ui-monospace, monospace; color: var(--dp-muted); }
.depeche .dp-find-input { flex: 1; min-width: 8rem; padding: .2rem .4rem; }
.depeche .dp-find-count { font-size: .85rem; color: var(--dp-muted); min-width: 5rem; }
.depeche .dp-find { flex-wrap: wrap; flex-basis: 100%; }
.depeche .dp-find-buttons { display: flex; gap: .25rem; }

/* legend, swatches, entity panel */
.depeche .dp-legend { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; font-size: .9rem; }
.depeche .dp-legend-item { display: flex; gap: .3rem; align-items: center; }
.depeche .dp-swatch { display: inline-block; min-width: 1.3em; text-align: center; font: 600 .75rem/1.3 system-ui, sans-serif; border-radius: 3px; color: #fff; background: #888; }
.depeche .dp-swatch.dp-actor { background: var(--dp-actor-line); }
.depeche .dp-swatch.dp-place { background: var(--dp-place-line); }
.depeche .dp-swatch.dp-date { background: var(--dp-date-line); }
.depeche .dp-count { color: var(--dp-muted); }
.depeche .dp-entities { list-style: none; margin: 0; padding: 0; }
.depeche .dp-entity { padding: .25rem 0; border-top: 1px solid #eceef2; display: flex; flex-wrap: wrap; gap: .1rem .5rem; align-items: baseline; }
.depeche .dp-entity-label { font-weight: 600; }
.depeche .dp-entity-value { color: var(--dp-muted); font-size: .82rem; }
.depeche .dp-mentions { display: flex; flex-wrap: wrap; gap: .2rem; width: 100%; }
.depeche .dp-mention { font-size: .8rem; padding: 0 .35rem; border-radius: 3px; }
.depeche .dp-mention.dp-actor { background: var(--dp-actor); }
.depeche .dp-mention.dp-place { background: var(--dp-place); }
.depeche .dp-mention.dp-date { background: var(--dp-date); }
.depeche .dp-orphan-section { border-color: #e4a1ab; background: #fff8f8; }
.depeche .dp-orphans, .depeche .dp-lexicon-list, .depeche .dp-history-list { list-style: none; margin: 0; padding: 0; }
.depeche .dp-orphan, .depeche .dp-lex-entry, .depeche .dp-history-item { display: flex; gap: .4rem; align-items: baseline; padding: .2rem 0; border-top: 1px solid #eceef2; }
.depeche .dp-lex-entry > button, .depeche .dp-history-item > .dp-delete-doc, .depeche .dp-orphan > button { margin-left: auto; font-size: .78rem; }
.depeche .dp-lex-entry > .dp-lex-del { margin-left: 0; }
.depeche .dp-history-item .dp-open { flex: 1; text-align: left; background: none; border: none; padding: 0; }
.depeche .dp-history-item .dp-open[aria-current="true"] { font-weight: 600; }
.depeche .dp-history-date { color: var(--dp-muted); font-size: .78rem; }
.depeche .dp-lex-edit { display: flex; flex-wrap: wrap; gap: .25rem; }
.depeche .dp-lex-entry { flex-wrap: wrap; }
.depeche .dp-lex-meta { flex-basis: 100%; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; font-size: .78rem; color: var(--dp-muted); }
.depeche .dp-lex-meta select { font-size: .78rem; }
/* the learning notice (learn-notice.js) */
.depeche .dp-learned { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; background: #eef5ff; border: 1px solid #b9cde8; color: #0b2a4a; padding: .3rem .6rem; border-radius: 4px; margin: .25rem 0; }
.depeche .dp-learned[hidden] { display: none; }
.depeche .dp-learned-text { flex: 1; }

/* dialogs */
.depeche .dp-dialog { border: 1px solid var(--dp-border); border-radius: 8px; padding: 1rem 1.2rem; max-width: 32rem; }
.depeche .dp-dialog::backdrop { background: rgba(20, 24, 30, .35); }
.depeche .dp-dialog-title { font-size: 1.05rem; margin-bottom: .5rem; }
.depeche .dp-dialog-error { color: #b00020; }
.depeche .dp-dialog-buttons { display: flex; justify-content: flex-end; gap: .5rem; margin-top: .8rem; }
.depeche .dp-help { border-collapse: collapse; font-size: .9rem; }
.depeche .dp-help th { text-align: left; padding: .15rem .8rem .15rem 0; white-space: nowrap; font-weight: normal; }
.depeche .dp-help kbd { font: .85rem ui-monospace, monospace; background: #f1f3f6; border: 1px solid var(--dp-border); border-radius: 3px; padding: 0 .3rem; }

.depeche .dp-readings { border: 1px solid var(--dp-border, #ccc); border-radius: 6px; margin: 0 0 .75em; padding: .25em .75em .5em; }
.depeche .dp-readings legend { font-size: .85em; color: var(--dp-muted, #555); padding: 0 .25em; }
.depeche .dp-reading-row { display: flex; gap: .5em; align-items: baseline; flex-direction: row; margin: .2em 0; }
.depeche.dp-no-panels .dp-main { grid-template-columns: minmax(0, 1fr); }

/* the correction chip (popover.js): non-modal, beside a highlight; fixed from the text's rects */
.depeche.dp-chip {
  position: fixed; left: 0; top: 0; z-index: 2147483001; gap: .3rem; width: max-content; max-width: min(34rem, calc(100vw - 8px));
  padding: .35rem .45rem; background: var(--depeche-bg, #fff); border: 1px solid var(--dp-border); border-radius: 8px;
  box-shadow: 0 4px 14px rgba(20, 24, 30, .18); font-size: .85rem; line-height: 1.3;
}
.depeche.dp-chip[hidden] { display: none; }
.depeche.dp-chip[data-kind="actor"] { border-top: 3px solid var(--dp-actor-line); }
.depeche.dp-chip[data-kind="place"] { border-top: 3px double var(--dp-place-line); }
.depeche.dp-chip[data-kind="date"] { border-top: 3px dotted var(--dp-date-line); }
.depeche.dp-chip-add { flex-direction: row; align-items: center; flex-wrap: wrap; }
.depeche .dp-chip-head { display: flex; flex-wrap: wrap; gap: .15rem .45rem; align-items: baseline; }
.depeche .dp-chip-kind-name { font-weight: 600; }
.depeche .dp-chip-text { font-style: italic; }
.depeche .dp-chip-head .dp-chip-value { color: var(--dp-muted); font-family: ui-monospace, monospace; font-size: .8rem; }
.depeche .dp-chip-state { font-size: .75rem; color: var(--dp-muted); }
.depeche.dp-chip .dp-chip-accept[aria-pressed="true"] { background: #1d2128; color: #fff; border-color: #1d2128; }
.depeche .dp-chip-flag { color: #8a4b00; background: #fff3df; border-radius: 3px; padding: 0 .3rem; font-size: .78rem; }
.depeche .dp-chip-readings { flex-basis: 100%; font-size: .78rem; color: var(--dp-muted); }
.depeche .dp-chip-tools { display: flex; flex-direction: column; gap: .25rem; }
.depeche.dp-chip-add .dp-chip-tools { flex-direction: row; }
.depeche .dp-chip-row { display: flex; flex-wrap: wrap; gap: .25rem; align-items: center; }
.depeche.dp-chip button { font-size: .8rem; padding: .1rem .4rem; }
.depeche.dp-chip .dp-chip-kind[aria-pressed="true"] { background: #1d2128; color: #fff; border-color: #1d2128; }
.depeche.dp-chip button:focus-visible { outline: 3px solid var(--dp-focus); outline-offset: 1px; }
.depeche .dp-chip-form { display: flex; flex-direction: column; gap: .2rem; min-width: 16rem; }
.depeche .dp-chip-form .dp-field { margin: .15rem 0; }
.depeche .dp-chip-form-title { margin: 0; font-weight: 600; }
.depeche .dp-chip-error { color: #b00020; margin: 0; }
.depeche .dp-chip-help { max-height: 40vh; overflow: auto; }
.depeche .dp-chip-close { margin-left: auto; }
.depeche .dp-chip-head { position: relative; padding-right: 2rem; }
.depeche .dp-chip-head > .dp-chip-close { position: absolute; top: 0; right: 0; }
@media (pointer: coarse) { .depeche .dp-chip-head { padding-right: 48px; min-height: 44px; } }
.depeche .dp-chip-steps { display: flex; gap: .25rem; }
.depeche select, .depeche input { max-width: 100%; }

/* Phones (issue 10: every step by touch alone at 390×844). The side panels are under the text
   (the grid above) and grow with the page instead of scrolling inside it; the toolbar stays in
   reach (sticky) and keeps only what the chip does not offer: the per-highlight commands (kind,
   delete, value, accept, all, remove all) are in the chip beside the highlight, where the thumb is. */
@media (max-width: 800px) {
  .depeche .dp-main { grid-template-columns: minmax(0, 1fr); }
  .depeche .dp-side { max-height: none; overflow: visible; min-width: 0; }
  .depeche .dp-toolbar { position: sticky; top: 0; z-index: 3; }
  .depeche .dp-review:not(.dp-huge) { max-height: none; } /* one scroller, the page: a swipe never gets stuck in the text box */
  .depeche .dp-review-tools > .dp-kind-btn, .depeche .dp-review-tools > .dp-cmd:not([data-cmd="next"]):not([data-cmd="find"]) { display: none; }
  .depeche .dp-review mark.dp-mark, .depeche .dp-review .dp-block { scroll-margin-top: 7.5rem; }
  .depeche .dp-header { gap: .3rem .8rem; }
  .depeche .dp-status-wrap { margin-left: 0; }
}
/* Touch: targets of at least 44×44 CSS px (WCAG 2.5.5) on everything a finger presses; the
   chip's buttons wrap onto more rows rather than shrink. A long press in the review text is the
   editor's own word selection (editor.js), not the browser's callout. */
@media (pointer: coarse) {
  .depeche button, .depeche select, .depeche summary,
  .depeche input:not([type="radio"]):not([type="checkbox"]) { min-height: 44px; }
  .depeche button { min-width: 44px; }
  .depeche summary { padding-block: .5rem; }
  .depeche input[type="radio"], .depeche input[type="checkbox"] { width: 24px; height: 24px; }
  .depeche .dp-reading-row { min-height: 44px; align-items: center; }
  .depeche.dp-chip { font-size: .95rem; }
  .depeche.dp-chip button { font-size: .9rem; padding: .2rem .55rem; }
  .depeche .dp-chip-row { gap: .35rem; }
  .depeche .dp-mention { font-size: .85rem; }
  .depeche .dp-review { -webkit-touch-callout: none; }
}
`;

/** The `for=` mode's own shadow root: the legend/entities panel and the overlays. */
export const HOST_MODE_CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
/* The overlay is its own stacking context: it blends with the page under it as a whole, so
   the highlights tint the host's words instead of covering them. */
.dp-overlay { position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: hidden; pointer-events: none; z-index: 2147483000; mix-blend-mode: multiply; }
.dp-overlay[hidden] { display: none; }
.dp-overlay .dp-mirror { position: absolute; inset: 0; width: 100%; height: 100%; overflow: hidden; scrollbar-gutter: auto; margin: 0; color: transparent; background: transparent;
  white-space: pre-wrap; overflow-wrap: break-word; box-sizing: border-box; border-color: transparent; }
.dp-overlay .dp-mirror mark.dp-mark { color: transparent; mix-blend-mode: multiply; }
.dp-overlay .dp-box { position: absolute; mix-blend-mode: multiply; border-radius: 2px; }
.dp-overlay .dp-box.dp-actor { background: var(--depeche-actor, #d7e6ff); border-bottom: 2px solid var(--depeche-actor-line, #1f5fbf); }
.dp-overlay .dp-box.dp-place { background: var(--depeche-place, #d8f3dc); border-bottom: 3px double var(--depeche-place-line, #1b7a3a); }
.dp-overlay .dp-box.dp-date { background: var(--depeche-date, #ffe8c7); border-bottom: 2px dotted var(--depeche-date-line, #a75a00); }
.depeche.dp-host-panel .dp-side { max-height: none; }
/* Typing in the host must not re-lay out or repaint the panel beside it: the panel is its own
   layout and paint world, and the entity list is skipped while it is off screen (measured: the
   added main-thread time per key in a 5,000-word article halved, scripts/bench-typing.mjs). */
.depeche.dp-host-panel { contain: content; }
.depeche.dp-host-panel .dp-entities-section { content-visibility: auto; contain-intrinsic-size: auto 300px; }
`;

const cache = new Map();
/** A constructed stylesheet for `css`, made once per realm and shared by every instance. */
export function sheet(css) {
  let s = cache.get(css);
  if (!s) { s = new CSSStyleSheet(); s.replaceSync(css); cache.set(css, s); }
  return s;
}

/** The sheets an editor's shadow root adopts. */
export const editorSheets = () => [sheet(EDITOR_CSS)];
/** The sheets a `for=` instance's shadow root adopts (the editor's, for its panel, plus the overlays). */
export const hostModeSheets = () => [sheet(EDITOR_CSS), sheet(HOST_MODE_CSS)];

/** The ::highlight() rules of one instance: its prefix, one rule per kind, nothing else. */
export function highlightRules(prefix) {
  const rule = (k, bg, line, style) => `::highlight(${prefix}-${k}) { background-color: var(--depeche-${k}, ${bg}); `
    + `text-decoration: underline ${style} var(--depeche-${k}-line, ${line}) 2px; }`;
  return [rule('actor', '#d7e6ff', '#1f5fbf', 'solid'), rule('place', '#d8f3dc', '#1b7a3a', 'double'), rule('date', '#ffe8c7', '#a75a00', 'dotted')];
}

/** @type {WeakMap<Document, CSSStyleSheet>} */
const docSheets = new WeakMap();
/**
 * The document-level sheet of ::highlight() rules, adopted once by `doc` and shared by every
 * instance; `addHighlightRules` puts in one instance's rules and returns their removal.
 * @param {Document} doc
 */
export function highlightSheet(doc) {
  let s = docSheets.get(doc);
  if (!s) {
    const View = doc.defaultView;
    s = View ? new View.CSSStyleSheet() : new CSSStyleSheet();
    docSheets.set(doc, s);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, s];
  }
  return s;
}
/** @param {Document} doc @param {string} prefix @returns {() => void} removes them */
export function addHighlightRules(doc, prefix) {
  const s = highlightSheet(doc);
  const texts = highlightRules(prefix);
  for (const t of texts) s.insertRule(t, s.cssRules.length);
  return () => {
    for (let i = s.cssRules.length - 1; i >= 0; i--) {
      if (s.cssRules[i].cssText.includes(`(${prefix}-`)) s.deleteRule(i);
    }
  };
}
