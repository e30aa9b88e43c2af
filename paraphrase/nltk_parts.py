"""The modules of NLTK the engine uses, imported without the rest of NLTK.

``import nltk`` runs NLTK's package initialiser, which imports nearly all of NLTK (parsers,
corpus readers, translation metrics): 0.15 s of a 0.5 s cold ``paraphrase compare``. Punkt
and the Porter stemmer need a few of NLTK's modules and none of that initialiser. They are
loaded here with empty stand-ins for the packages ``nltk``, ``nltk.tokenize`` and
``nltk.stem``; then every NLTK module this added is taken out of ``sys.modules`` again, so an
``import nltk`` elsewhere in the process runs as usual, with modules of its own. Where NLTK
is imported already, or an NLTK release no longer loads so, its modules are imported the
usual way; so are the Snowball stemmers, which need NLTK's corpus package.
"""

from __future__ import annotations

import importlib
import sys
import threading
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem")
_LIGHT = ("nltk.tokenize.punkt", "nltk.stem.porter")  # they load without the initialisers
_LOCK = threading.Lock()  # sys.modules holds the stand-ins only while this is held


def nltk_module(name: str) -> ModuleType:
    """NLTK's module ``name``, such as ``"nltk.tokenize.punkt"``."""
    if name in _LIGHT:
        return _light_modules()[name]
    with _LOCK:
        return importlib.import_module(name)


@lru_cache(maxsize=None)
def _light_modules() -> dict[str, ModuleType]:
    with _LOCK:
        if "nltk" not in sys.modules:
            try:
                return _without_initialisers(_LIGHT)
            except ImportError:
                pass
        return {name: importlib.import_module(name) for name in _LIGHT}


def _without_initialisers(names: tuple[str, ...]) -> dict[str, ModuleType]:
    spec = find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("nltk is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    before = set(sys.modules)
    for package in _PACKAGES:
        stand_in = ModuleType(package)
        stand_in.__path__ = [str(root.joinpath(*package.split(".")[1:]))]
        sys.modules[package] = stand_in
    try:
        return {name: importlib.import_module(name) for name in names}
    finally:
        for added in set(sys.modules) - before:
            if added == "nltk" or added.startswith("nltk."):
                del sys.modules[added]
