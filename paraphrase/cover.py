"""Sentences rewritten from several, non-adjacent sentences of the other text.

A rewrite that restructures moves facts across sentence boundaries: "The Elm Street
library, which opened in 1964, will close" takes its content from the first and the
third sentence of its source. After the contiguous alignment, each sentence still
unaligned is covered by the sentences of the other text that hold most of its content
words (greedily, up to ``max_group``, adjacent or not but within ``cover_span``
sentences of each other, already aligned or not: one sentence may feed several), and the
cover aligns when its distance to the sentence (the
engine scorer's) is within ``align_max_distance``.

In a cover, numbers count by place, not value: restructuring rewrites often update a
figure ("voted 7 to 2" -> "voted 6 to 3"), and the changed figures are flagged as
changed facts rather than left to keep the sentence unaligned.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterator

from .alphabet import Alphabet
from .document import Document, Sentence
from .group import Group
from .nearest import Nearest
from .options import Options
from .score import feature_distance
from .scorers import scorer_for
from .tokens import Features, concatenated

COVER_CANDIDATES = 5  # sentences of the other text considered for one cover
NUMBER = "#"


def covers(
    a: Document, b: Document, left: list[Sentence], right: list[Sentence], near: Nearest,
    taken: tuple[set[int], set[int]], options: Options, alphabet: Alphabet,
    rescore: Callable[[list[Group]], list[Group]] = lambda found: found,
) -> list[Group]:
    """The covers that align, best first, for sentences not ``taken``; a sentence that
    feeds an accepted cover is no longer a target itself. ``rescore`` turns the lexical
    distances into the engine scorer's (``align.rescored``)."""
    accepted = []
    used_a, used_b = set(taken[0]), set(taken[1])
    found = rescore(list(_candidates(a, b, left, right, near, taken, options, alphabet)))
    for cover in sorted((c for c in found if c.distance <= options.align_max_distance), key=lambda c: c.distance):
        target_free = (cover.a[0] not in used_a) if len(cover.a) == 1 else (cover.b[0] not in used_b)
        if target_free:
            accepted.append(cover)
            used_a.update(cover.a)
            used_b.update(cover.b)
    return accepted


def _candidates(
    a: Document, b: Document, left: list[Sentence], right: list[Sentence], near: Nearest,
    taken: tuple[set[int], set[int]], options: Options, alphabet: Alphabet,
) -> Iterator[Group]:
    for row, sentence in enumerate(left):
        if sentence.index not in taken[0]:
            found = _cover(sentence, right, near.rows[row], b, options, alphabet)
            if found:
                yield Group((sentence.index,), found[0], found[1], cover=True)
    for column, sentence in enumerate(right):
        if sentence.index not in taken[1]:
            found = _cover(sentence, left, near.columns[column], a, options, alphabet)
            if found:
                yield Group(found[0], (sentence.index,), found[1], cover=True)


def _cover(
    target: Sentence, others: list[Sentence], nearest: list[int], other: Document, options: Options,
    alphabet: Alphabet,
) -> tuple[tuple[int, ...], float] | None:
    if len(nearest) < 2:  # a cover needs two sentences sharing content
        return None
    best = nearest[:COVER_CANDIDATES]
    chosen = _greedy(set(target.features.content), [others[k] for k in best], options.max_group, options.cover_span)
    if len(chosen) < 2:  # one sentence alone was already tried by the alignment
        return None
    indexes = tuple(sorted(s.index for s in chosen))
    parts = [by_place(other.sentences[i].features) for i in indexes]
    d = feature_distance(by_place(target.features), concatenated(parts), options, alphabet)
    return (indexes, d) if d <= scorer_for(options).lexical_bound(options.align_max_distance, options) else None


def _greedy(wanted: set[str], candidates: list[Sentence], limit: int, span: int) -> list[Sentence]:
    # Each step takes the sentence adding most of the wanted content words; a sentence
    # must add two or more, so that one shared word does not pull a sentence in, and lie
    # within ``span`` sentences of those already chosen.
    chosen: list[Sentence] = []
    left = set(wanted)
    contents = [set(s.features.content) for s in candidates]
    free = list(range(len(candidates)))
    while len(chosen) < limit:
        near = [k for k in free if _within(chosen + [candidates[k]], span)]
        # max() keeps the first of equal gains: the candidate with more overlap.
        pick = max(near, key=lambda k: len(left & contents[k]), default=None)
        if pick is None or len(left & contents[pick]) < 2:
            break
        chosen.append(candidates[pick])
        free.remove(pick)
        left -= contents[pick]
    return chosen


def _within(sentences: list[Sentence], span: int) -> bool:
    indexes = [s.index for s in sentences]
    return max(indexes) - min(indexes) <= span


def by_place(f: Features) -> Features:
    """The sentence's features with every number read as one placeholder."""
    numbers = {fact.key for fact in f.facts if fact.kind == "number"}
    if not numbers:
        return f
    return replace(f, words=tuple(NUMBER if w in numbers else w for w in f.words),
                   stems=tuple(NUMBER if c in numbers else c for c in f.stems))

