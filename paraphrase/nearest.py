"""Each sentence's nearest sentences in the other text, by content overlap, in bounded memory.

The candidate search needs, for every sentence of A, the few sentences of B that share
most of its content words, and the same for every sentence of B. The overlap of every
pair is scored by one vectorised ``rapidfuzz.process.cdist`` call per block of A's
sentences (sorted word-code strings: their Indel similarity is the Dice overlap); a block
gives its rows' best and updates the columns' best so far, then is dropped. Memory grows
with the documents (a block, and ``k`` neighbours a sentence), not with their product.
Order is exact: best first, ties to the earlier sentence, as one stable sort of the whole
matrix would give.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from .cores import matrix_workers

ROW_BLOCK = 256  # sentences of A scored against all of B at a time


@dataclass(frozen=True)
class Nearest:
    """Positions (in the lists scored) of each sentence's nearest sentences in the other
    text, best first, only those sharing some content (overlap above the cutoff)."""

    rows: list[list[int]]  # for each sentence of A, sentences of B
    columns: list[list[int]]  # for each sentence of B, sentences of A


def nearest(bags_a: list[str], bags_b: list[str], cutoff: float, k: int, block: int = ROW_BLOCK) -> Nearest:
    """The ``k`` nearest of each bag (sorted word codes) among the other side's bags,
    scored ``block`` bags of A at a time."""
    rows: list[list[int]] = []
    best_values = np.zeros((0, len(bags_b)), dtype=np.float32)  # the columns' best so far
    best_rows = np.zeros((0, len(bags_b)), dtype=np.int64)
    for start in range(0, len(bags_a), block):
        scores = process.cdist(bags_a[start:start + block], bags_b, scorer=Indel.normalized_similarity,
                               score_cutoff=cutoff, dtype=np.float32,
                               workers=matrix_workers(min(block, len(bags_a) - start), len(bags_b)))
        # A copy, so that the whole block's order is freed before the columns' is made.
        best = np.argsort(-scores, axis=1, kind="stable")[:, :k].copy()
        rows += _positive(best, np.take_along_axis(scores, best, axis=1))
        # Earlier rows come first in the merge, so a stable sort keeps ties to the earlier.
        order = np.argsort(-scores, axis=0, kind="stable")[:k]
        values = np.concatenate([best_values, np.take_along_axis(scores, order, axis=0)])
        indexes = np.concatenate([best_rows, order + start])
        keep = np.argsort(-values, axis=0, kind="stable")[:k]
        best_values = np.take_along_axis(values, keep, axis=0)
        best_rows = np.take_along_axis(indexes, keep, axis=0)
    return Nearest(rows, _positive(best_rows.T, best_values.T) if len(bags_a) else [[] for _ in bags_b])


def _positive(order: np.ndarray, values: np.ndarray) -> list[list[int]]:
    """Each line of ``order`` (indexes, best first) cut to those whose value (the same
    place in ``values``) is positive."""
    return [[int(i) for i, v in zip(line, line_values) if v > 0]
            for line, line_values in zip(order.tolist(), values.tolist())]
