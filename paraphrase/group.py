"""A group of aligned sentences: the unit that alignment, evidence and the verdict pass on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """Aligned sentence indexes on each side, in document order, and their distance."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    distance: float  # the scorer's (scorers.py)
    cover: bool = False  # one sentence covered by several of the other text (cover.py)
    # The lexical distance, when ``distance`` is another scorer's: how far apart the words
    # are, which edit classes and firm evidence read whatever the scorer.
    words: float | None = None

    @property
    def word_distance(self) -> float:
        """The lexical distance of the group (``distance`` itself for the lexical scorer)."""
        return self.distance if self.words is None else self.words
