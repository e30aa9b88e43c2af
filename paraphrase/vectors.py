"""Sentence vectors kept per process, for the models that embed sentences.

Encoding is nearly all the cost of a comparison that uses a model, and the same sentences
come back: an article checked against many corpus documents, a source compared with many
rewrites. Each model keeps one cache; the viewer compares on several threads.
"""

from __future__ import annotations

import multiprocessing
import threading
from typing import Any, Callable, Iterable

import numpy as np

from .cores import usable_cores


def model_threads() -> int:
    """The threads a model encodes on: every core the process may use in the main process
    (a check, a comparison, the viewer), one in a worker process, where the pool
    (``batch``, ``scan``, the benchmarks) already runs one worker per core."""
    if multiprocessing.parent_process() is not None:
        return 1
    return usable_cores()


class VectorCache:
    """The vectors of the texts encoded so far; past ``limit`` it starts afresh."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def vectors(self, texts: Iterable[str], encode: Callable[[list[str]], Any]) -> dict[str, np.ndarray]:
        """The vector of each of ``texts``; those not encoded yet, by ``encode`` in one batch."""
        wanted = set(texts)
        with self._lock:
            missing = sorted(t for t in wanted if t not in self._vectors)
            if len(self._vectors) + len(missing) > self.limit:
                self._vectors.clear()
                missing = sorted(wanted)
            if missing:
                self._vectors.update(zip(missing, encode(missing)))
            return {text: self._vectors[text] for text in wanted}

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()
