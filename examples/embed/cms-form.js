// The CMS form example's only script: loads the element, keeps a live count of the body's
// highlights from depeche-change events, and on submit puts the body's annotations (FORMAT.md
// spans, code point offsets into the body's text) into the hidden field `annotations`.
// Why: this is the part a CMS integrator writes; everything else is the element's. Trade-off: the
// submit waits for annotate() so a keystroke typed just before saving is not missed; the form is
// then submitted by script (form.submit() fires no second submit event).

import '../../www/depeche-annotator.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('article'));
const annotator = /** @type {import('../../types/element.d.ts').DepecheAnnotator} */ (form.querySelector('depeche-annotator'));
const hidden = /** @type {HTMLInputElement} */ (document.getElementById('annotations'));
const summary = /** @type {HTMLOutputElement} */ (document.getElementById('summary'));

/** "3 actors, 4 places, 2 dates" */
function count(spans) {
  const n = (kind) => spans.filter((s) => s.kind === kind).length;
  const say = (k, word) => `${n(k)} ${word}${n(k) === 1 ? '' : 's'}`;
  return `${say('actor', 'actor')}, ${say('place', 'place')}, ${say('date', 'date')}`;
}

annotator.addEventListener('depeche-ready', () => { summary.textContent = count(annotator.annotations); });
annotator.addEventListener('depeche-change', (e) => { summary.textContent = count(e.detail.annotations); });
annotator.addEventListener('depeche-error', (e) => { summary.textContent = `depeche: ${e.detail.message}`; });

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    await annotator.annotate();
    hidden.value = JSON.stringify(annotator.annotations);
  } catch (err) {
    // Saving the article matters more than its highlights: submit without them.
    hidden.value = '';
    console.warn('depeche: saved without annotations', err);
  }
  form.submit();
});

// After a save (this example posts back to itself): say what the server would have received.
const received = new URLSearchParams(location.search).get('annotations');
if (received !== null) {
  const notice = /** @type {HTMLElement} */ (document.getElementById('received'));
  let text;
  try {
    text = `Saved with ${count(JSON.parse(received))}.`;
  } catch {
    text = 'Saved without annotations.';
  }
  notice.textContent = text;
  notice.hidden = false;
}
