"""Pause Python's cyclic garbage collector while the engine builds its many small objects.

Preparing and comparing two long texts allocates hundreds of thousands of tokens, tuples
and groups, none of them in reference cycles: reference counting frees them all. The
cyclic collector still walks them, and its passes grow with everything alive: on two
5,000-sentence texts they took a quarter of the comparison (about 1.3 s of 4.6 s), on two
500-sentence texts a sixth, on the seeds nothing measurable (``benchmarks/bench_compare.py``).
The pause ends with the outermost paused call, in whatever thread; a collection then runs
as usual on the next allocations.
"""

from __future__ import annotations

import functools
import gc
import threading
from typing import Callable, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_lock = threading.Lock()
_depth = 0  # paused calls running, in every thread
_paused = False  # whether the collector was enabled when the first of them began


def paused(function: Callable[P, T]) -> Callable[P, T]:
    """``function`` run with the cyclic collector paused (if it was enabled)."""

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        _enter()
        try:
            return function(*args, **kwargs)
        finally:
            _leave()

    return run


def _enter() -> None:
    global _depth, _paused
    with _lock:
        if _depth == 0 and gc.isenabled():
            gc.disable()
            _paused = True
        _depth += 1


def _leave() -> None:
    global _depth, _paused
    with _lock:
        _depth -= 1
        if _depth == 0 and _paused:
            gc.enable()
            _paused = False
