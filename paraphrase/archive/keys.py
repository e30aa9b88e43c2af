"""Candidate keys of a document's sentences: pairs of their rarest content terms.

The engine aligns two sentences only if the Dice coefficient of their content terms
reaches ``t = 1 - align_max_distance / content_weight``; a sentence of n terms then
shares at least ``k = ceil(t n / (2 - t))`` terms with its partner, and two sentences of
three terms or more share at least two (one shared term gives Dice 2/6 at most). Order
all terms by document frequency, rarest first: the partners' two rarest shared terms
both lie within the first ``n - k + 2`` terms of each sentence, since the other shared
terms come after them. So a key for every pair of those first terms gives any two
sentences within the bound a key in common: exact, where MinHash bands only made it
likely. Keys of rare terms are selective; a pair of common terms is a key only for a
sentence made mostly of common words. Keys are stable 64-bit hashes, the same on every
worker.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from itertools import combinations
from typing import Iterable, Iterator, Mapping

from ..overlap import min_shared_terms, sentence_terms


def document_frequencies(texts: Iterable[str]) -> Counter[str]:
    """In how many of ``texts`` each content term appears."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set().union(*sentence_terms(text)))
    return counts


def pair_keys(text: str, df: Mapping[str, int], min_dice: float, min_terms: int = 3) -> set[int]:
    """The keys of every sentence of ``text`` with at least ``min_terms`` (>= 3) content terms."""
    return {key for key, _ in sentence_keys(text, df, min_dice, min_terms)}


def sentence_keys(text: str, df: Mapping[str, int], min_dice: float,
                  min_terms: int = 3) -> Iterator[tuple[int, str]]:
    """(key, the sentence's terms joined by spaces) for every key of every sentence of ``text``."""
    for terms in sentence_terms(text):
        if len(terms) >= max(min_terms, 3):
            spelled = " ".join(sorted(terms))
            yield from ((_key(a, b), spelled) for a, b in combinations(prefix(terms, df, min_dice), 2))


def dice(spelled_a: str, spelled_b: str) -> float:
    """Dice coefficient of two sentences' terms as ``sentence_keys`` spells them."""
    a, b = set(spelled_a.split()), set(spelled_b.split())
    return 2 * len(a & b) / (len(a) + len(b))


def prefix(terms: set[str], df: Mapping[str, int], min_dice: float) -> list[str]:
    """The rarest ``n - k + 2`` of a sentence's terms, rarest first (ties by the term)."""
    shared = max(2, min_shared_terms(len(terms), min_dice))
    return sorted(terms, key=lambda t: (df.get(t, 0), t))[: len(terms) - shared + 2]


def _key(a: str, b: str) -> int:
    digest = hashlib.blake2b(f"{a}\x00{b}".encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)
