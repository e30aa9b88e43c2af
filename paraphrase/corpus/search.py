"""The candidate search: which corpus documents may hold sentences an article reuses.

It reads the index's postings (per content term, the sentences holding it, as keys that
pack a document id, the sentence's number and its count of distinct terms) and ranks
documents on two kinds of evidence:

* **Sentence filter, exact for single sentences.** The engine aligns sentence x with y only
  if their content-term Dice reaches ``t = 1 - align_max_distance / content_weight`` (the
  distance's word-order part cannot make up more). Dice >= t means they share at least
  ``k = ceil(t |x| / (2 - t))`` terms, so y holds one of the ``|x| - k + 1`` rarest terms of
  x: whatever k terms it shares, they cannot all be among the ``k - 1`` commonest. Looking
  up those rarest terms finds every such y, and the commonest terms, with the longest
  postings, are never read. Hits among them bound the overlap from above (``hits + k - 1``),
  which, with the size bounds Dice implies, drops most sentences before the engine sees them.
  (Exact on sets of terms: a content word repeated within both sentences can let the
  engine's multiset overlap pass where the set bound does not; and a sentence rewritten as
  two, which the engine aligns as a group, is found through either half only when that
  half passes alone.)
* **Share held**: the share of the article's term weight (IDF) a document holds, which a
  rewrite of a whole article keeps even when each sentence is reworded. Terms in more than
  ``max_df_share`` of the documents are not looked up for it.

Documents with a sentence that passes the filter rank first; the engine re-ranks them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

from ..overlap import min_shared_terms

DOCUMENT_SHIFT = 24  # key = document id << 24 | sentence number << 8 | distinct terms
SENTENCE_MASK = 0xFFFF
SIZE_MASK = 0xFF


def sentence_key(document_id: int, number: int, size: int) -> int:
    """The posting key of a document's sentence ``number`` with ``size`` distinct terms."""
    return document_id << DOCUMENT_SHIFT | min(number, SENTENCE_MASK) << 8 | min(size, SIZE_MASK)


@dataclass(frozen=True)
class Query:
    """An article's sentences as sets of content terms, with what the index knows of them."""

    sentences: list[set[str]]
    df: dict[str, int]  # documents holding each term (absent: none)
    documents: int  # in the index
    min_dice: float  # the engine's bound, as a content-term Dice
    min_terms: int  # sentences with fewer distinct terms never align
    max_df_share: float

    @property
    def terms(self) -> set[str]:
        return set().union(*self.sentences) if self.sentences else set()

    def weight(self, term: str) -> float:
        return math.log((self.documents + 1) / self.df.get(term, 0.5))

    def probes(self, sentence: set[str]) -> list[str]:
        """The rarest terms of ``sentence`` that any partner within the bound must hold."""
        if len(sentence) < self.min_terms:
            return []
        shared = max(1, min_shared_terms(len(sentence), self.min_dice))
        rarest = sorted(sentence, key=lambda t: (self.df.get(t, 0), t))[: len(sentence) - shared + 1]
        return [t for t in rarest if t in self.df]

    def common(self) -> set[str]:
        return {t for t, df in self.df.items() if df > max(1, self.max_df_share * self.documents)}


Postings = Callable[[Iterable[str]], dict[str, np.ndarray]]


def rank(query: Query, postings: Postings, size: int, limit: int, min_score: float,
         eligible: np.ndarray | None = None) -> list[tuple[int, float]]:
    """The best ``limit`` (document id, score) pairs; ``size`` bounds document ids, and
    only documents marked in ``eligible`` (a boolean array over ids, if given) compete."""
    probes = [query.probes(s) for s in query.sentences]
    looked_up = postings(query.terms)
    score = _share_held(query, looked_up, size)
    evidence = np.zeros(size)
    for sentence, probe in zip(query.sentences, probes):
        if probe:
            evidence += _sentence_evidence(query, sentence, probe, looked_up, size) ** 2
    score += evidence
    if eligible is not None:
        score[~eligible] = evidence[~eligible] = 0.0
    keep = np.flatnonzero((evidence > 0) | (score >= min_score))
    ranked = sorted(keep, key=lambda i: (evidence[i] == 0, -score[i], i))[:limit]
    return [(int(i), float(score[i])) for i in ranked]


def _share_held(query: Query, looked_up: dict[str, np.ndarray], size: int) -> np.ndarray:
    """Per document, the share of the article's term weight it holds (common terms count in the whole)."""
    held = np.zeros(size)
    every = query.terms
    for term in (every - query.common()) & looked_up.keys():
        # Fancy-index += adds once per distinct document, however many of its sentences hold the term.
        held[(looked_up[term] >> np.uint64(DOCUMENT_SHIFT)).astype(np.int64)] += query.weight(term)
    total = sum(query.weight(t) for t in every)
    return held / total if total else held


def _sentence_evidence(query: Query, sentence: set[str], probe: list[str], looked_up: dict[str, np.ndarray],
                       size: int) -> np.ndarray:
    """Per document, the best Dice of ``sentence`` with one of its sentences, where it reaches the bound."""
    best = np.zeros(size)
    lists = [looked_up[t] for t in probe if t in looked_up]
    if not lists:
        return best
    keys, hits = np.unique(np.concatenate(lists), return_counts=True)
    n, t = len(sentence), query.min_dice
    sizes = (keys & np.uint64(SIZE_MASK)).astype(np.int64)
    # Cheap bounds first: the k - 1 terms not looked up can add at most k - 1 to the overlap.
    possible = (hits + n - len(probe) >= t * (n + sizes) / 2 - 1e-9) & (sizes >= query.min_terms)
    keys, hits, sizes = keys[possible], hits[possible], sizes[possible]
    for term in sentence.difference(probe) & looked_up.keys():  # then the exact overlap
        hits += _holds(looked_up[term], keys)
    dice = 2 * hits / (n + sizes)
    within = dice >= t - 1e-9
    documents = (keys[within] >> np.uint64(DOCUMENT_SHIFT)).astype(np.int64)
    np.maximum.at(best, documents, dice[within])
    return best


def _holds(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each of ``keys`` is in ``sorted_keys`` (postings are stored in key order)."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: np.ndarray = sorted_keys[at] == keys
    return found
