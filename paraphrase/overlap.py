"""What the engine's alignment bound implies about the content terms two sentences share.

The distance is ``content_weight * (1 - Dice) + (1 - content_weight) * (1 - sequence)``
over content terms, so a pair within ``align_max_distance`` has a Dice of at least
``Options.min_content_dice``, whatever its word order. Both candidate stages (the wire
check's sentence filter, the archive scan's keys) rest on that bound, seen as sets of
terms per sentence.
"""

from __future__ import annotations

import math
from typing import Iterator

from .segment import segments
from .reading import reading
from .tokens import content_terms


def sentence_terms(text: str, code: str | None = None) -> Iterator[set[str]]:
    """The distinct content terms of each sentence of ``text`` (the engine's segments), read
    in the language ``code`` (detected when not given)."""
    read, code = reading(text, code)  # as the engine reads it (document.py)
    for start, end in segments(read, code=code):
        yield content_terms(read[start:end], code)


def min_shared_terms(size: int, min_dice: float) -> int:
    """The fewest terms a sentence of ``size`` terms shares with any partner within ``min_dice``.

    Dice >= t and overlap <= the partner's size give overlap >= t * size / (2 - t).

    >>> min_shared_terms(10, 0.472)
    4
    """
    return math.ceil(min_dice * size / (2 - min_dice) - 1e-9)
