# Type stubs of the extension module (crates/python/src/lib.rs); the package's own API is
# depeche/__init__.py, which converts arguments before they reach these methods.
from typing import List, Optional

from .types import Result

__version__: str

def all_cores() -> int: ...

class Annotator:
    def __init__(self, lexicon_json: Optional[str] = None) -> None: ...
    @property
    def has_lexicon(self) -> bool: ...
    def annotate(
        self, text: str, lang: Optional[str] = None, dct: Optional[str] = None
    ) -> Result: ...
    def annotate_many(
        self,
        texts: List[str],
        lang: Optional[str] = None,
        dct: Optional[str] = None,
        jobs: int = 1,
    ) -> List[Result]: ...
