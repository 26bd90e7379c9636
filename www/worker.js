// The Web Worker that annotates big pastes off the main thread.
//
// Why: a 5 MB text takes the core a good fraction of a second; on the main
// thread that would freeze typing and scrolling. Here it runs in pieces
// (core/chunks.js) and posts progress after each one.
//
// Messages in:  {id, type: 'annotate', wasmUrl, text, opts, packs?}: `packs`, the bytes of the
//               language packs the page has loaded (core/packs.js), loaded here too (once each)
//               {id, type: 'languages', wasmUrl}
// Messages out: {id, type: 'progress', fraction, spans} … then {id, type: 'done', result}
//               {id, type: 'languages', languages}: the core's languages() (engine.js)
//               or {id, type: 'error', message, crashed?}
// `crashed: true` means the WebAssembly instance trapped (a WebAssembly.RuntimeError): it is
// corrupt, so this worker closes itself after saying so, and the engine starts a new one (with a
// fresh instance) for the next big text.
// Each progress message carries the spans of the piece just annotated (whole-text code points)
// and the final result none: the page deserialises a few thousand spans per message between
// frames instead of 100,000 at once when the result arrives (a long freeze on a 5 MB paste).

import init, { Annotator, languages, loadPack } from '../pkg/depeche.js';
import { annotateInChunks } from './core/chunks.js';

/** @type {Promise<unknown>|null} */
let ready = null;

self.addEventListener('message', async (ev) => {
  const m = ev.data;
  if (m?.type === 'languages') {
    try {
      ready ??= init({ module_or_path: m.wasmUrl });
      await ready;
      self.postMessage({ id: m.id, type: 'languages', languages: languages() });
    } catch (e) {
      ready = null;
      self.postMessage({ id: m.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (!m || m.type !== 'annotate') return;
  const { id } = m;
  let annotator = null;
  try {
    ready ??= init({ module_or_path: m.wasmUrl });
    await ready;
    // Loading a pack already loaded does nothing in the core.
    for (const bytes of m.packs ?? []) loadPack(bytes);
    annotator = new Annotator(m.opts.lexicon ?? undefined);
    const a = annotator;
    /** @type {any[]} */
    let pending = [];
    const result = await annotateInChunks(
      m.text,
      { lang: m.opts.lang, dct: m.opts.dct },
      (text, o) => a.annotate(text, { lang: o.lang, dct: o.dct || undefined }),
      {
        onSpans: (spans) => { pending = spans; },
        onProgress: (fraction) => { self.postMessage({ id, type: 'progress', fraction, spans: pending }); pending = []; },
      },
    );
    self.postMessage({ id, type: 'done', result });
  } catch (e) {
    const crashed = e instanceof WebAssembly.RuntimeError || (e instanceof Error && e.name === 'RuntimeError');
    if (!crashed) ready = null;
    self.postMessage({ id, type: 'error', message: e instanceof Error ? e.message : String(e), crashed });
    if (crashed) {
      annotator = null; // a trapped instance is not called again, not even to free
      self.close();
    }
  } finally {
    annotator?.free();
  }
});
