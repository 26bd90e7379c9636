"""The shapes of depeche's results (FORMAT.md), for type checkers and readers.

At run time they are plain dicts and lists, as ``json.loads`` makes them.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict, Union

__all__ = ["Dateline", "Result", "Span", "Value"]

#: A date's TIMEX3 value (``"2017-11-03"``), or a place's ``{country, lat, lon, ref}`` or an
#: actor's ``{canonical, type}`` (keys present when known).
Value = Union[str, Dict[str, Any]]


class _SpanKeys(TypedDict):
    start: int
    end: int
    kind: str
    text: str


class Span(_SpanKeys, total=False):
    """One actor, place or date: ``text`` is ``doc_text[start:end]`` (code points)."""

    value: Value
    source: str


class _DatelineKeys(TypedDict):
    start: int
    end: int


class Dateline(_DatelineKeys, total=False):
    """The wire dateline (``BEYROUTH, 3 nov 2017 (AFP) -``)."""

    place: str
    date: str
    agency: str


class Result(TypedDict):
    """FORMAT.md's result for one text."""

    lang: str
    dct: Optional[str]
    dateline: Optional[Dateline]
    spans: List[Span]
