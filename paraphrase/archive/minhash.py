"""MinHash band keys of a document's sentences: the candidate stage's signatures.

Each sentence's content terms get a MinHash signature of ``bands * rows`` values; each band
of ``rows`` values is hashed to one key. Two documents are candidates when a sentence of
one and a sentence of the other share a key, which happens with probability
``1 - (1 - J**rows)**bands`` for sentences with Jaccard similarity J: rewordings share
most content words, so they collide even when no sentence is copied word for word.
Hashes are stable across processes (crc32, a fixed seed), as a cluster requires.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np

from ..segment import segments
from ..tokens import content_terms

PRIME = (1 << 31) - 1  # a Mersenne prime: (a * h + b) stays below 2**63 for 32-bit h


@lru_cache(maxsize=8)
def _permutations(count: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20241130)
    return (rng.integers(1, PRIME, size=count, dtype=np.uint64), rng.integers(0, PRIME, size=count, dtype=np.uint64))


def signature(terms: set[str], count: int) -> np.ndarray:
    """The MinHash signature (``count`` values) of a set of terms."""
    a, b = _permutations(count)
    hashes = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in terms), dtype=np.uint64, count=len(terms))
    return ((np.outer(hashes, a) + b) % PRIME).min(axis=0)


def band_keys(text: str, bands: int, rows: int, min_terms: int = 5) -> set[int]:
    """The band keys of every sentence of ``text`` with at least ``min_terms`` content terms.

    Shorter sentences are left out: the Jaccard similarity of two sets of three or four
    words is mostly chance, and they would pair every story with every other.
    """
    keys: set[int] = set()
    for start, end in segments(text):
        terms = content_terms(text[start:end])
        if len(terms) >= min_terms:
            values = signature(terms, bands * rows).reshape(bands, rows)
            keys.update((band << 32) | zlib.crc32(row.tobytes()) for band, row in enumerate(values))
    return keys
