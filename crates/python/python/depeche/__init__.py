"""depeche: the actors, places and dates of news dispatches, from depeche's Rust core.

This module is the package's Python face over the extension module ``depeche._depeche``:
it checks and converts arguments (a lexicon may be a dict, JSON text or a file; a reference
date may be a ``datetime.date``). A result is made of plain dicts and lists, exactly what
``json.loads`` makes of the command line's output for the same text. Results follow FORMAT.md: offsets count code points (Python ``str``
indices), spans are sorted and never overlap.

>>> import depeche
>>> r = depeche.annotate("BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris Deir Ezzor.")
>>> r["lang"], r["dct"]
('fr', '2017-11-03')
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import Any, Iterable, List, Mapping, Optional, Union

from ._depeche import Annotator as _NativeAnnotator
from ._depeche import __version__
from ._depeche import all_cores as _all_cores
from .types import Dateline, Result, Span

__all__ = [
    "Annotator",
    "Dateline",
    "Lexicon",
    "Result",
    "Span",
    "__version__",
    "annotate",
    "annotate_many",
]

#: An editor's lexicon (FORMAT.md): a mapping ``{"version": 1, "add": [...], "reject": [...]}``,
#: its JSON text, or the path of a JSON file (``os.PathLike``).
Lexicon = Union[Mapping[str, Any], str, bytes, "_os.PathLike[str]"]

#: A reference date: ``"YYYY-MM-DD"`` or a ``datetime.date``.
DateLike = Union[str, _dt.date]


def _lexicon_json(lexicon: Optional[Lexicon]) -> Optional[str]:
    """The lexicon as JSON text for the core, which checks and compiles it."""
    if lexicon is None:
        return None
    if isinstance(lexicon, str):
        return lexicon
    if isinstance(lexicon, bytes):
        return lexicon.decode("utf-8")
    if isinstance(lexicon, _os.PathLike):
        with open(lexicon, encoding="utf-8") as f:
            return f.read()
    if isinstance(lexicon, Mapping):
        try:
            return _json.dumps(lexicon, ensure_ascii=False)
        except (TypeError, ValueError, RecursionError) as e:
            raise ValueError(f"invalid lexicon: cannot be written as JSON ({e})") from None
    raise TypeError(
        "lexicon must be a dict, JSON text or a path to a JSON file, "
        f"not {type(lexicon).__name__}"
    )


def _dct(dct: Optional[DateLike]) -> Optional[str]:
    if dct is None or isinstance(dct, str):
        return dct
    if isinstance(dct, _dt.datetime):
        return dct.date().isoformat()
    if isinstance(dct, _dt.date):
        return dct.isoformat()
    raise TypeError(f"dct must be 'YYYY-MM-DD' or a datetime.date, not {type(dct).__name__}")


def _jobs(jobs: Optional[int]) -> int:
    if jobs is None:
        return _all_cores()
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int or None, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError(f"bad jobs {jobs} (expected a number of threads, 1 or more)")
    return jobs


class Annotator:
    """Annotates texts with an editor's lexicon compiled once.

    One annotator may be shared by many Python threads: it releases the GIL while it works.
    Raises ``ValueError`` (with the core's message) when the lexicon is invalid.
    """

    __slots__ = ("_native",)

    def __init__(self, lexicon: Optional[Lexicon] = None) -> None:
        self._native = _NativeAnnotator(_lexicon_json(lexicon))

    def annotate(
        self, text: str, lang: Optional[str] = None, dct: Optional[DateLike] = None
    ) -> Result:
        """FORMAT.md's result ``{lang, dct, dateline, spans}`` for one text.

        ``lang``: ``"fr"``, ``"en"``, ``"und"``, or ``None``/``"auto"`` to detect it.
        ``dct``: the reference date; ``None`` takes the dateline's, if any.
        """
        return self._native.annotate(text, lang, _dct(dct))

    def annotate_many(
        self,
        texts: Iterable[str],
        lang: Optional[str] = None,
        dct: Optional[DateLike] = None,
        jobs: Optional[int] = None,
    ) -> List[Result]:
        """The results of many texts, in order, on ``jobs`` threads (``None``: every core).

        The texts are annotated with the GIL released; ``lang`` and ``dct`` apply to all.
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError("texts must be an iterable of str, not one str")
        return self._native.annotate_many(list(texts), lang, _dct(dct), _jobs(jobs))

    def __repr__(self) -> str:
        lexicon = "with a lexicon" if self._native.has_lexicon else "built-in data only"
        return f"<depeche.Annotator {__version__}, {lexicon}>"


_default: Optional[Annotator] = None


def _annotator(lexicon: Optional[Lexicon]) -> Annotator:
    global _default
    if lexicon is not None:
        return Annotator(lexicon)
    if _default is None:
        _default = Annotator()
    return _default


def annotate(
    text: str,
    lang: Optional[str] = None,
    dct: Optional[DateLike] = None,
    lexicon: Optional[Lexicon] = None,
) -> Result:
    """FORMAT.md's result for one text; see :meth:`Annotator.annotate`.

    A lexicon given here is compiled for this call only: keep an :class:`Annotator` to
    annotate many texts with one.
    """
    return _annotator(lexicon).annotate(text, lang, dct)


def annotate_many(
    texts: Iterable[str],
    lang: Optional[str] = None,
    dct: Optional[DateLike] = None,
    jobs: Optional[int] = None,
    lexicon: Optional[Lexicon] = None,
) -> List[Result]:
    """The results of many texts, in order; see :meth:`Annotator.annotate_many`."""
    return _annotator(lexicon).annotate_many(texts, lang, dct, jobs)
