"""Align the sentences of two documents: which sentence of one came from which of the other.

1. Every sentence pair is scored by content overlap, a block of sentences at a time in
   vectorised ``rapidfuzz.process.cdist`` calls, keeping each sentence's few nearest
   sentences of the other text (``nearest.py``; memory grows with the texts, not their
   product).
2. The few best candidates of each sentence get the full paraphrase distance, and so
   does each candidate joined with a neighbour (one sentence rewritten as two, or two
   as one), since neither half of a split sentence may pass alone (scored a block at a
   time, two vectorised ``cpdist`` calls per block: ``score.group_distances``). The scorer
   (``scorers.py``) then re-scores them all at once: the lexical one leaves them be.
3. Candidates are accepted best-first, each sentence once: order does not matter, so
   reordered sentences align, and a repeated sentence cannot be counted twice.
4. Each accepted group then absorbs an unaligned neighbour when that lowers its
   distance.
5. Each sentence still unaligned may be covered by several sentences of the other text,
   adjacent or not (a rewrite that moved facts across sentence boundaries; ``cover.py``).
6. Among the sentences still unaligned, single pairs beyond the alignment bound but
   within ``related_max_distance`` are matched the same way, as *related*: they share
   some details (often a fact retold in other words) without one being a rewrite of the
   other, so they are shown to an editor and counted as reuse only when they continue a
   run of pairs that count (``evidence.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Iterable, Iterator

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .alphabet import Alphabet
from .cores import matrix_workers
from .cover import COVER_CANDIDATES, covers
from .document import Document, Sentence, same_text
from .group import Group
from .nearest import Nearest, nearest
from .options import Options
from .score import JoinedCodes, content_bag, feature_distance, group_distances
from .scorers import Scorer, scorer_for
from .tokens import Features, concatenated

CANDIDATES_PER_SENTENCE = 3
SCORE_BLOCK = 1024  # candidate pairs scored at a time (with their joined neighbours)
# In the candidate search, numbers and names count twice: among sentences on one event,
# shared specifics single out the sentence a rewrite came from. (The distance that
# decides has its own, calibrated fact_weight.)
CANDIDATE_FACT_WEIGHT = 2.0


@dataclass(frozen=True)
class Alignment:
    """The aligned groups in the order of A, and the related pairs among what is left."""

    groups: list[Group]
    related: list[Group]


def align(a: Document, b: Document, options: Options, alphabet: Alphabet) -> Alignment:
    """The aligned groups of ``a`` and ``b`` and the related pairs, each in the order of ``a``."""
    # Identical texts align whole, however short their sentences ("Rates rose." twice).
    least = 0 if same_text(a, b) else options.min_content_words
    left = [s for s in a.counted if len(s.features.content) >= least]
    right = [s for s in b.counted if len(s.features.content) >= least]
    if not left or not right:
        return Alignment([], [])
    scorer = scorer_for(options)
    near = _nearest(left, right, options, alphabet)
    candidates = list(_scored_candidates(a, b, left, right, near, options, alphabet, scorer))
    scored = sorted((g for g in rescored(scorer, a, b, candidates, options) if g.distance <= _bound(g, options)),
                    key=_best_first)
    aligned = _match(g for g in scored if g.distance <= options.align_max_distance)
    merger = _Merger(a, b, aligned, options, alphabet, scorer)
    groups = [merger.grow(g) for g in aligned]
    taken = ({i for g in groups for i in g.a}, {j for g in groups for j in g.b})
    groups += covers(a, b, left, right, near, taken, options, alphabet, partial(rescored, scorer, a, b, options=options))
    groups.sort(key=lambda g: (g.a, g.b))
    related = _match((g for g in scored if g.distance > options.align_max_distance), taken=groups)
    related += _match(_same_short_sentences(a, b, least), taken=groups + related)
    return Alignment(groups, sorted(related, key=lambda g: g.a))


def _same_short_sentences(a: Document, b: Document, least: int) -> Iterator[Group]:
    """Pairs of the same sentence too short to align ("Preamble", "He declined to comment."):
    shown as related, so an editor does not read them as new on both sides."""
    short_b: dict[tuple[str, ...], list[int]] = {}
    for sentence in b.counted:
        if _short(sentence, least):
            short_b.setdefault(sentence.features.words, []).append(sentence.index)
    for sentence in a.counted:
        if _short(sentence, least):
            for j in short_b.get(sentence.features.words, ()):
                yield Group((sentence.index,), (j,), 0.0)


def _short(sentence: Sentence, least: int) -> bool:
    # Under ``least`` content words, one of them a word: a list's "1." says nothing.
    f = sentence.features
    words = sum(stem is not None and token.kind == "word" for token, stem in zip(f.word_tokens, f.stems))
    return 0 < words and len(f.content) < least


def overlap_matrix(a: Document, b: Document) -> np.ndarray:
    """Content overlap (0-1) of every sentence of ``a`` with every sentence of ``b``.

    The candidate search's measure, for pictures of a comparison: set-aside sentences
    score 0, and so do pairs below no cutoff.
    """
    alphabet = Alphabet()
    matrix = np.zeros((len(a.sentences), len(b.sentences)), dtype=np.float32)
    rows, columns = [s.index for s in a.counted], [s.index for s in b.counted]
    if rows and columns:
        matrix[np.ix_(rows, columns)] = process.cdist(
            [content_bag(a.sentences[i].features, alphabet, CANDIDATE_FACT_WEIGHT) for i in rows],
            [content_bag(b.sentences[j].features, alphabet, CANDIDATE_FACT_WEIGHT) for j in columns],
            scorer=Indel.normalized_similarity, dtype=np.float32, workers=matrix_workers(len(rows), len(columns)),
        )
    return matrix


def _best_first(group: Group) -> tuple[float, int, tuple[int, ...], tuple[int, ...]]:
    # Ties (identical sentences) go to the smaller group, then to document order.
    return group.distance, len(group.a) + len(group.b), group.a, group.b


def _nearest(left: list[Sentence], right: list[Sentence], options: Options, alphabet: Alphabet) -> Nearest:
    # Enough neighbours for the candidates and for the covers of unaligned sentences.
    bags_a = [content_bag(s.features, alphabet, CANDIDATE_FACT_WEIGHT) for s in left]
    bags_b = [content_bag(s.features, alphabet, CANDIDATE_FACT_WEIGHT) for s in right]
    return nearest(bags_a, bags_b, options.candidate_overlap, max(CANDIDATES_PER_SENTENCE, COVER_CANDIDATES))


def _scored_candidates(
    a: Document, b: Document, left: list[Sentence], right: list[Sentence], near: Nearest,
    options: Options, alphabet: Alphabet, scorer: Scorer,
) -> Iterator[Group]:
    # Lexical distances, for the pairs the scorer may still bring within their bound,
    # scored a block of candidates at a time (vectorised, in bounded memory).
    bounds = {bound: scorer.lexical_bound(bound, options)
              for bound in (options.related_max_distance, options.align_max_distance)}
    candidates = sorted(_candidates(near))
    joined = JoinedCodes(alphabet)
    for start in range(0, len(candidates), SCORE_BLOCK):
        groups: list[Group] = []
        for i, j in candidates[start:start + SCORE_BLOCK]:
            single = Group((left[i].index,), (right[j].index,), 0.0)
            groups += (single, *_joined_neighbours(a, b, single))
        sides = [(_parts(a, g.a), _parts(b, g.b)) for g in groups]
        for group, d in zip(groups, group_distances(sides, options, alphabet, joined).tolist()):
            if d <= bounds[_bound(group, options)]:
                yield Group(group.a, group.b, d)


def _parts(document: Document, indexes: tuple[int, ...]) -> list[Features]:
    return [document.sentences[i].features for i in indexes]


def _bound(group: Group, options: Options) -> float:
    # Single pairs are kept up to the related bound; joined ones only when they align.
    single = len(group.a) == len(group.b) == 1
    return options.related_max_distance if single else options.align_max_distance


def rescored(scorer: Scorer, a: Document, b: Document, groups: list[Group], options: Options) -> list[Group]:
    """``groups``, whose distances are lexical, with the scorer's distances (the lexical
    ones kept as their ``words``)."""
    if not scorer.blends or not groups:
        return groups
    texts = [(_texts(a, g.a), _texts(b, g.b)) for g in groups]
    distances = scorer.rescore(texts, np.array([g.distance for g in groups]), options)
    return [replace(g, distance=float(d), words=g.distance) for g, d in zip(groups, distances)]


def _texts(document: Document, indexes: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(document.read(i) for i in indexes)


def _joined_neighbours(a: Document, b: Document, group: Group) -> Iterator[Group]:
    (i,), (j,) = group.a, group.b
    for side, document, index in (("a", a, i), ("b", b, j)):
        before, after = document.counted_neighbours
        for neighbour in (before[index], after[index]):
            if neighbour is not None:
                grown = tuple(sorted((index, neighbour)))
                yield Group(grown, group.b, 0.0) if side == "a" else Group(group.a, grown, 0.0)


def _candidates(near: Nearest) -> set[tuple[int, int]]:
    # The best few per row and per column: enough to resolve near-ties between
    # paraphrases without scoring all n*m pairs with the full distance.
    k = CANDIDATES_PER_SENTENCE
    pairs = {(row, column) for row, columns in enumerate(near.rows) for column in columns[:k]}
    pairs.update((row, column) for column, rows in enumerate(near.columns) for row in rows[:k])
    return pairs


def _match(scored: Iterable[Group], taken: Iterable[Group] = ()) -> list[Group]:
    # Best first, each sentence once; sentences of the ``taken`` groups are not free.
    taken = list(taken)
    used_a = {i for g in taken for i in g.a}
    used_b = {j for g in taken for j in g.b}
    groups = []
    for group in scored:
        if used_a.isdisjoint(group.a) and used_b.isdisjoint(group.b):
            used_a.update(group.a)
            used_b.update(group.b)
            groups.append(group)
    return groups


class _Merger:
    """Grows 1:1 pairs into 1:2, 2:1 (up to ``max_group``) with adjacent unaligned sentences
    (counted ones: set-aside text between two sentences does not part them)."""

    def __init__(self, a: Document, b: Document, groups: list[Group], options: Options, alphabet: Alphabet,
                 scorer: Scorer) -> None:
        self.docs = {"a": a, "b": b}
        self.options = options
        self.alphabet = alphabet
        self.scorer = scorer
        self.taken: dict[str, set[int]] = {
            "a": {i for g in groups for i in g.a},
            "b": {j for g in groups for j in g.b},
        }

    def grow(self, group: Group) -> Group:
        while len(group.a) + len(group.b) < 2 * self.options.max_group:
            extensions = rescored(self.scorer, self.docs["a"], self.docs["b"], list(self._extensions(group)),
                                  self.options)
            better = min(extensions, key=lambda g: g.distance, default=None)
            if better is None or better.distance > group.distance - self.options.merge_gain:
                return group
            group = better
            self.taken["a"].update(group.a)
            self.taken["b"].update(group.b)
        return group

    def _extensions(self, group: Group) -> Iterator[Group]:
        for side in ("a", "b"):
            indexes = getattr(group, side)
            if len(indexes) >= self.options.max_group:
                continue
            before, after = self.docs[side].counted_neighbours
            for neighbour in (before[indexes[0]], after[indexes[-1]]):
                if neighbour is not None and neighbour not in self.taken[side]:
                    grown = tuple(sorted((*indexes, neighbour)))
                    a, b = (grown, group.b) if side == "a" else (group.a, grown)
                    yield Group(a, b, self._distance(a, b))

    def _distance(self, a: tuple[int, ...], b: tuple[int, ...]) -> float:
        fa = joined(self.docs["a"], a)
        fb = joined(self.docs["b"], b)
        return feature_distance(fa, fb, self.options, self.alphabet)


def joined(document: Document, indexes: tuple[int, ...]) -> Features:
    """The features of consecutive sentences read as one."""
    parts = [document.sentences[i].features for i in indexes]
    return parts[0] if len(parts) == 1 else concatenated(parts)
