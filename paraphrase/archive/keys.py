"""Candidate keys of a document's sentences: pairs of their rarest content terms.

The engine aligns two sentences only if the Dice coefficient of their content terms
reaches ``t = 1 - align_max_distance / content_weight``; a sentence of n terms then
shares at least ``k = ceil(t n / (2 - t))`` terms with its partner, and two sentences of
three terms or more share at least two (one shared term gives Dice 2/6 at most). Order
all terms by the number of sentences holding them, rarest first: the partners' two
rarest shared terms both lie within the first ``n - k + 2`` terms of each sentence,
since the other shared terms come after them. So a key for every pair of those first terms gives any two
sentences within the bound a key in common: exact, where MinHash bands only made it
likely. Keys are stable 64-bit hashes, the same on every worker.

A pair of common terms ("percent", "year") would gather a bucket that grows with the
archive, and a bucket's work grows with its square. So a pair expected in more than
``max_together`` sentences (were its terms independent) makes no key: two sentences
then meet only if their two rarest shared terms are not both common. That is the one
approximation, the pairwise form of the document-frequency cut of Elsayed, Lin and Oard
(2008); without ``max_together`` the keys are exact.

Sentences that meet are compared by a 512-bit signature of their terms (a bit per term
hash), which gives an upper bound of their shared terms: collisions only add bits in
common, and the terms a sentence lost to its own collisions are added back. The bound
never drops a pair within the bound; the engine then decides on each candidate.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Iterable, Iterator, Mapping, NamedTuple

import numpy as np

from ..overlap import min_shared_terms, sentence_terms


@dataclass(frozen=True)
class TermCounts:
    """How many sentences hold each content term, out of how many sentences."""

    frequency: Mapping[str, int]
    sentences: int

    def expected_together(self, a: str, b: str) -> float:
        """Sentences expected to hold both terms, were they independent: a key's bucket."""
        return self.frequency.get(a, 0) * self.frequency.get(b, 0) / max(self.sentences, 1)


def term_counts(texts: Iterable[str]) -> TermCounts:
    """In how many sentences of ``texts`` each content term appears."""
    counts: Counter[str] = Counter()
    sentences = 0
    for text in texts:
        for terms in sentence_terms(text):
            counts.update(terms)
            sentences += 1
    return TermCounts(counts, sentences)


def pair_keys(text: str, counts: TermCounts, min_dice: float, min_terms: int = 3,
              max_together: float | None = None) -> set[int]:
    """The keys of every sentence of ``text`` with at least ``min_terms`` (>= 3) content terms."""
    return {key for keys, _ in sentence_keys(text, counts, min_dice, min_terms, max_together) for key in keys}


def sentence_keys(text: str, counts: TermCounts, min_dice: float, min_terms: int = 3,
                  max_together: float | None = None) -> Iterator[tuple[list[int], Signature]]:
    """(keys, signature) of every sentence of ``text`` with at least ``min_terms`` (>= 3) terms."""
    for terms in sentence_terms(text):
        if len(terms) >= max(min_terms, 3):
            keys = [_key(a, b) for a, b in combinations(prefix(terms, counts.frequency, min_dice), 2)
                    if max_together is None or counts.expected_together(a, b) <= max_together]
            if keys:
                yield keys, signature(terms)


def prefix(terms: set[str], frequency: Mapping[str, int], min_dice: float) -> list[str]:
    """The rarest ``n - k + 2`` of a sentence's terms, rarest first (ties by the term)."""
    shared = max(2, min_shared_terms(len(terms), min_dice))
    return sorted(terms, key=lambda t: (frequency.get(t, 0), t))[: len(terms) - shared + 2]


SIGNATURE_WORDS = 8  # 512 bits: two sentences of 12 terms share a bit by chance 0.28 times


class Signature(NamedTuple):
    words: tuple[int, ...]  # SIGNATURE_WORDS words of 64 bits, a bit per term hash
    size: int  # the number of terms


def signature(terms: set[str]) -> Signature:
    words = [0] * SIGNATURE_WORDS
    for term in terms:
        bit = _hash(term) % (64 * SIGNATURE_WORDS)
        words[bit >> 6] |= 1 << (bit & 63)
    return Signature(tuple(words), len(terms))


def most_shared(words_a: np.ndarray, sizes_a: np.ndarray, words_b: np.ndarray, sizes_b: np.ndarray) -> np.ndarray:
    """Upper bounds of the terms shared by sentences a and b, from signatures (rows of uint64 words).

    Each shared term sets a bit both hold; shared terms that collide are among the terms
    either sentence lost to its own collisions.
    """
    common = np.bitwise_count(words_a & words_b).sum(axis=1, dtype=np.int64)
    lost_a = sizes_a - np.bitwise_count(words_a).sum(axis=1, dtype=np.int64)
    lost_b = sizes_b - np.bitwise_count(words_b).sum(axis=1, dtype=np.int64)
    return np.minimum(common + np.minimum(lost_a, lost_b), np.minimum(sizes_a, sizes_b))


def _key(a: str, b: str) -> int:
    return _signed((_hash(a) * 0x9E3779B97F4A7C15 + _hash(b)) & 0xFFFFFFFFFFFFFFFF)


def anchor_key(anchor: str) -> int:
    """The key of a name or number shared across languages (``corpus.across.anchor_keys``)."""
    return _signed(_hash("anchor:" + anchor))


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value  # a signed 64-bit key


@lru_cache(maxsize=1 << 18)
def _hash(term: str) -> int:
    """A 64-bit hash of a term, the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
