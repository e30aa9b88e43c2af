"""How many cores this process may run on: its CPU affinity (a container, ``taskset``),
not the machine's count, which ``os.cpu_count`` gives and a pool would oversubscribe."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on (at least one).

    >>> usable_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
