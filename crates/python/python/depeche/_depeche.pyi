# Type stubs of the extension module (crates/python/src/lib.rs); the package's own API is
# depeche/__init__.py, which converts arguments and parses the JSON these methods return.
from typing import List, Optional

__version__: str

def all_cores() -> int: ...

class Annotator:
    def __init__(self, lexicon_json: Optional[str] = None) -> None: ...
    @property
    def has_lexicon(self) -> bool: ...
    def annotate_json(
        self, text: str, lang: Optional[str] = None, dct: Optional[str] = None
    ) -> str: ...
    def annotate_many_json(
        self,
        texts: List[str],
        lang: Optional[str] = None,
        dct: Optional[str] = None,
        jobs: int = 1,
    ) -> List[str]: ...
