"""Each sentence's nearest sentences in the other text, by content overlap, in bounded memory.

The candidate search needs, for every sentence of A, the few sentences of B that share
most of its content words, and the same for every sentence of B. The overlap of every
pair is scored by one vectorised ``rapidfuzz.process.cdist`` call per block of A's
sentences (sorted word-code strings: their Indel similarity is the Dice overlap); a block
gives its rows' best and updates the columns' best so far, then is dropped. Only the pairs
above the cutoff are sorted (a few in a thousand between news articles). Memory grows
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
    # The columns' best so far, as parallel arrays (column, score, row), k at most a column.
    best: tuple[np.ndarray, np.ndarray, np.ndarray] = (
        np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
    for start in range(0, len(bags_a), block):
        scores = process.cdist(bags_a[start:start + block], bags_b, scorer=Indel.normalized_similarity,
                               score_cutoff=cutoff, dtype=np.float32,
                               workers=matrix_workers(min(block, len(bags_a) - start), len(bags_b)))
        # Only pairs sharing content are kept, a few in a thousand: those are sorted, not the block.
        row, column = np.nonzero(scores)
        score = scores[row, column]
        rows += _best_of_each(row, score, column, k, len(scores))
        column, score, row = (np.concatenate([was, now]) for was, now in zip(best, (column, score, row + start)))
        keep = _first_of_each(column, score, row, k)
        best = (column[keep], score[keep], row[keep])
    return Nearest(rows, _best_of_each(*best, k, len(bags_b)))


def _best_of_each(group: np.ndarray, score: np.ndarray, member: np.ndarray, k: int, groups: int) -> list[list[int]]:
    """For each group 0 .. ``groups`` - 1, its ``k`` best members: highest score first, ties to
    the lower member (what one stable sort of the whole matrix gives)."""
    keep = _first_of_each(group, score, member, k)
    bounds = np.searchsorted(group[keep], np.arange(groups + 1))
    members = member[keep].tolist()
    return [members[bounds[g]:bounds[g + 1]] for g in range(groups)]


def _first_of_each(group: np.ndarray, score: np.ndarray, member: np.ndarray, k: int) -> np.ndarray:
    """The positions of each group's ``k`` best members, ordered by group, then best first."""
    order = np.lexsort((member, -score, group))
    grouped = group[order]
    rank = np.arange(len(order)) - np.searchsorted(grouped, grouped)
    kept: np.ndarray = order[rank < k]
    return kept
