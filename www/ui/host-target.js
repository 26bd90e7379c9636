// Finding and keeping the host of `for=` mode: which element of the page depeche annotates.
// Why: a CMS builds its editor's editable element itself, late (after depeche's script may have
// run), sometimes inside an iframe (TinyMCE classic), and destroys and rebuilds it on a
// reconfiguration or a route change. The integrator can't give that generated element an id,
// and must never be left with depeche silently annotating an element that is gone. So:
// - `for` is an id or a CSS selector, looked up in the element's own tree (a shadow root of the
//   host's component), then in the document; an <iframe> target means its document's body (same
//   origin only); a `host` property gives an Element directly, wherever it is.
// - Nothing matches yet: the watcher says so (state 'waiting') and waits for the page to build it.
// - The host leaves the page (or its iframe is reloaded, or its iframe document's body replaced):
//   state 'lost', then it waits again and takes the next element that matches (state 'found').
// - An element that can hold no text (an <img>, a <select>, a cross-origin iframe) is refused
//   with a message that says what to point at instead.
// Trade-offs: the document is watched with one MutationObserver (childList, subtree); a batch of
// mutations that all happen inside the current host (typing) is dismissed after one `contains`
// per record. While waiting, id/class/contenteditable changes are watched too. An element given
// through `host` is not looked up again once lost: the integrator sets the next one.

/** Elements that hold no text depeche could annotate. */
const NOT_TEXT = new Set(['IMG', 'VIDEO', 'AUDIO', 'CANVAS', 'SELECT', 'OPTION', 'HR', 'BR', 'PICTURE', 'SOURCE', 'TRACK',
  'EMBED', 'OBJECT', 'SVG', 'svg', 'MATH', 'math', 'SCRIPT', 'STYLE', 'TEMPLATE', 'LINK', 'META', 'HEAD', 'HTML', 'WBR', 'AREA', 'MAP']);
const TEXT_INPUTS = new Set(['text', 'search', '']);

/** @typedef {{host: Element, frame: HTMLIFrameElement|null}} Found */

/**
 * Is `value` an id rather than a selector? (No selector punctuation, no space.)
 * @param {string} value
 */
const looksLikeId = (value) => !/[\s#.[\]:>+~*,()='"|^$]/.test(value);

/**
 * What an element given as a target means: itself, or an iframe's body; or why it can't be.
 * @param {Element} el
 * @returns {{found?: Found, error?: string, later?: boolean}}
 *   later: an iframe whose document is not there yet (it is loading): look again when it loads
 */
export function hostOf(el) {
  if (!el || typeof el !== 'object' || el.nodeType !== 1) return { error: 'the host must be an element' };
  const tag = el.tagName;
  if (tag === 'IFRAME' || tag === 'FRAME') {
    let doc = null;
    try { doc = /** @type {HTMLIFrameElement} */ (el).contentDocument; } catch { doc = null; }
    if (!doc) return { error: 'that <iframe> is from another origin (or sandboxed): depeche can only annotate an iframe of the same origin as the page' };
    // TinyMCE and its kin fill a blank iframe (or load one): wait until it has an editable body or content
    if (!doc.body || (!doc.body.firstChild && !doc.body.isContentEditable && doc.designMode !== 'on')) return { later: true };
    return { found: { host: doc.body, frame: /** @type {HTMLIFrameElement} */ (el) } };
  }
  if (NOT_TEXT.has(tag)) return { error: `a <${tag.toLowerCase()}> holds no text to annotate: point depeche at the element that holds the article's text (its editable element)` };
  if (tag === 'INPUT' && !TEXT_INPUTS.has((/** @type {HTMLInputElement} */ (el).getAttribute('type') ?? '').toLowerCase())) {
    return { error: `an <input type="${/** @type {HTMLInputElement} */ (el).type}"> holds no text to annotate` };
  }
  /** @type {any} */ const view = el.ownerDocument?.defaultView;
  let frame = null;
  try { frame = view && view !== view.parent ? view.frameElement : null; } catch { frame = null; }
  return { found: { host: el, frame } };
}

/**
 * Look the target up now.
 * @param {Node} scope the <depeche-annotator> element (its root node is searched first)
 * @param {string|Element} spec an id, a CSS selector, or an element
 * @returns {{found?: Found, error?: string, later?: boolean, frameToWatch?: HTMLIFrameElement}}
 */
export function resolveTarget(scope, spec) {
  if (typeof spec !== 'string') return hostOf(spec);
  const value = spec.trim();
  if (!value) return { error: 'the for attribute is empty: give an id or a CSS selector' };
  const root = /** @type {any} */ (scope.getRootNode?.() ?? null);
  const doc = /** @type {Document} */ (scope.ownerDocument ?? scope);
  const roots = root && root !== doc ? [root, doc] : [doc];
  let el = null;
  if (looksLikeId(value)) for (const r of roots) { el = r.getElementById?.(value) ?? null; if (el) break; }
  if (!el) {
    for (const r of roots) {
      try { el = r.querySelector(value); } catch {
        if (looksLikeId(value)) break; // an id that is not there (yet)
        return { error: `for="${value}" is neither an element id nor a valid CSS selector` };
      }
      if (el) break;
    }
  }
  if (!el) return {};
  const r = hostOf(el);
  if (r.later) return { later: true, frameToWatch: /** @type {HTMLIFrameElement} */ (el) };
  return r;
}

/**
 * Watch for the target: call back when it is found, lost, or not there.
 * @param {Element} scope the <depeche-annotator> element
 * @param {string|Element} spec
 * @param {{found:(f:Found)=>void, lost:(host:Element, why:string)=>void, waiting:()=>void, error:(message:string)=>void}} on
 * @returns {{current:()=>Found|null, check:()=>void, stop:()=>void}}
 */
export function watchTarget(scope, spec, on) {
  const doc = /** @type {Document} */ (scope.ownerDocument);
  /** @type {Found|null} */ let cur = null;
  let stopped = false, queued = false, said = '';
  /** @type {MutationObserver|null} */ let pageMo = null;
  /** @type {MutationObserver|null} */ let frameMo = null;
  /** @type {HTMLIFrameElement|null} */ let loadFrame = null;
  const onLoad = () => check();

  /** Watch the page (and an iframe's document) for what could change the answer. */
  let watchedFor = /** @type {any} */ (undefined);
  const observe = (frameToWatch = null) => {
    if (watchedFor === (cur ?? frameToWatch)) return;
    watchedFor = cur ?? frameToWatch;
    pageMo?.disconnect();
    pageMo = new MutationObserver((records) => {
      const h = cur?.host;
      if (h && records.every((r) => h.contains(r.target))) return; // typing in the host
      schedule();
    });
    const opts = cur ? { childList: true, subtree: true }
      : { childList: true, subtree: true, attributes: true, attributeFilter: ['id', 'class', 'contenteditable'] };
    const root = scope.getRootNode();
    pageMo.observe(doc, opts);
    if (root !== doc && root.nodeType === 11) pageMo.observe(root, opts);
    // an iframe: its body may be replaced or made editable, and the iframe reloaded
    frameMo?.disconnect();
    frameMo = null;
    const frame = cur?.frame ?? frameToWatch;
    let frameDoc = null;
    try { frameDoc = frame?.contentDocument ?? null; } catch { frameDoc = null; }
    if (frameDoc?.documentElement) {
      frameMo = new MutationObserver(() => { if (!cur || frameDoc.body !== cur.host) schedule(); });
      frameMo.observe(frameDoc.documentElement, cur ? { childList: true }
        : { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    }
    watchLoad(frame);
  };
  const watchLoad = (frame) => {
    if (loadFrame === frame) return;
    loadFrame?.removeEventListener('load', onLoad);
    loadFrame = frame;
    frame?.addEventListener('load', onLoad);
  };
  const schedule = () => {
    if (queued || stopped) return;
    queued = true;
    queueMicrotask(() => { queued = false; check(); });
  };

  /** Is the current host still the page's? */
  const alive = (f) => {
    if (!f.host.isConnected) return false;
    if (f.frame) {
      if (!f.frame.isConnected) return false;
      let d = null;
      try { d = f.frame.contentDocument; } catch { d = null; }
      if (!d || d !== f.host.ownerDocument || d.body !== f.host) return false;
    }
    return true;
  };

  function check() {
    if (stopped) return;
    if (cur) {
      if (alive(cur)) return;
      const gone = cur.host;
      cur = null;
      said = '';
      on.lost(gone, 'the element left the page');
      if (stopped) return;
      if (typeof spec !== 'string') { observe(); return; } // a `host` given: the integrator gives the next
    }
    const r = resolveTarget(scope, spec);
    if (r.error) {
      if (said !== r.error) { said = r.error; on.error(r.error); }
      observe();
      return;
    }
    if (r.found) {
      cur = r.found;
      said = '';
      observe();
      on.found(r.found);
      return;
    }
    if (said !== 'waiting') { said = 'waiting'; on.waiting(); }
    observe(r.frameToWatch ?? null);
  }

  check();
  return {
    current: () => cur,
    check,
    stop() {
      stopped = true;
      pageMo?.disconnect();
      frameMo?.disconnect();
      watchLoad(null);
    },
  };
}
