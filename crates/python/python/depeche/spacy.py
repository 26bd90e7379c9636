"""depeche as a spaCy pipeline component: ``nlp.add_pipe("depeche")``.

The component runs depeche on ``doc.text`` and maps its spans onto spaCy's tokens with
``doc.char_span(..., alignment_mode="expand")`` (depeche's offsets are code points, as spaCy's
character offsets are). It sets:

- ``doc.spans[spans_key]`` (default ``"depeche"``): every actor, place and date, labelled
  ``ACTOR``, ``PLACE`` or ``DATE`` (``displacy.render(doc, style="span",
  options={"spans_key": "depeche"})`` shows them);
- ``doc.ents``: the same spans where they overlap none already there (``set_ents``);
- ``span._.depeche_value``: the value (a date's TIMEX3 string, a place's or actor's dict);
  ``span._.depeche``: depeche's span as it found it (exact offsets, text, source);
- ``doc._.depeche``: the whole result (``lang``, ``dct``, ``dateline``, ``spans``).

The reference date of a text is ``doc._.dct`` (``"YYYY-MM-DD"`` or a ``datetime.date``), set
before the pipeline runs, e.g. ``nlp.pipe(texts)`` after ``make_doc`` or with
``as_tuples=True`` and a callback; without it, the dispatch's dateline gives the date.

The config takes ``lang`` (``"fr"``, ``"en"``, ``"und"``; ``None`` detects it per text) and
``lexicon`` (an editor's lexicon: a dict, or the path of its JSON file). The package declares
the factory through the ``spacy_factories`` entry point, so installing it is enough.
"""

from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from . import Annotator

__all__ = ["DepecheComponent", "LABELS", "make_depeche"]

#: The label of each kind of span.
LABELS = {"actor": "ACTOR", "place": "PLACE", "date": "DATE"}

for _name in ("depeche", "dct"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("depeche", "depeche_value"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class DepecheComponent:
    """Puts depeche's actors, places and dates on a ``Doc`` (see the module's help)."""

    def __init__(
        self,
        name: str = "depeche",
        lang: Optional[str] = None,
        lexicon: Optional[Union[str, Path, Dict[str, Any]]] = None,
        spans_key: str = "depeche",
        set_ents: bool = True,
    ) -> None:
        self.name = name
        self.lang = lang
        self.spans_key = spans_key
        self.set_ents = set_ents
        if isinstance(lexicon, str):
            lexicon = Path(lexicon)
        self.annotator = Annotator(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        result = self.annotator.annotate(doc.text, self.lang, doc._.dct)
        return self._apply(doc, result)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Annotates ``docs`` a batch at a time, one core (spaCy's ``n_process`` shares out
        the cores); docs with the same reference date go to depeche together."""
        for batch in minibatch(docs, size=batch_size):
            by_dct: Dict[Any, list] = {}
            for i, doc in enumerate(batch):
                by_dct.setdefault(doc._.dct, []).append(i)
            results: list = [None] * len(batch)
            for dct, indexes in by_dct.items():
                texts = [batch[i].text for i in indexes]
                for i, r in zip(indexes, self.annotator.annotate_many(texts, self.lang, dct, 1)):
                    results[i] = r
            for doc, result in zip(batch, results):
                yield self._apply(doc, result)

    def _apply(self, doc: Doc, result: Dict[str, Any]) -> Doc:
        doc._.depeche = result
        spans = []
        for s in result["spans"]:
            span = doc.char_span(
                s["start"], s["end"], label=LABELS[s["kind"]], alignment_mode="expand"
            )
            if span is None:  # only whitespace under it: nothing to point at
                continue
            span._.depeche = s
            span._.depeche_value = s.get("value")
            spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            taken = set()
            for ent in doc.ents:
                taken.update(range(ent.start, ent.end))
            ents = list(doc.ents)
            for span in spans:
                tokens = range(span.start, span.end)
                if not taken.intersection(tokens):
                    taken.update(tokens)
                    ents.append(span)
            doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


@Language.factory(
    "depeche",
    default_config={"lang": None, "lexicon": None, "spans_key": "depeche", "set_ents": True},
    assigns=["doc.spans", "doc.ents", "doc._.depeche", "span._.depeche_value"],
)
def make_depeche(
    nlp: Language,
    name: str,
    lang: Optional[str],
    lexicon: Optional[Union[str, Dict[str, Any]]],
    spans_key: str,
    set_ents: bool,
) -> DepecheComponent:
    """The ``depeche`` factory: ``nlp.add_pipe("depeche", config={"lang": "fr"})``."""
    return DepecheComponent(name, lang, lexicon, spans_key, set_ents)
