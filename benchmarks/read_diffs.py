"""What the benchmarks time when a comparison is shown: every pair's diff read.

``compare`` works a pair's word diff and changed facts out when they are first read; the
command line, the viewer and JSON read them all. Not a benchmark: imported by them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from paraphrase import Comparison


def read_diffs(result: Comparison) -> Comparison:
    """``result`` with every pair's word diff and changed facts worked out."""
    for pair in (*result.pairs, *result.related):
        pair.diff, pair.changed_facts
    return result
