"""Score the engine against the hand-labelled alignment of the seed articles (seeds/gold.json).

A link is one (sentence of A, sentence of B) that say the same thing; a group of two
sentences aligned with one gives two links. Precision and recall are over links, summed
over all seed pairs, so a spurious link between two independent articles costs precision.
Related pairs (sentences sharing some details, never counted as reuse) are scored apart:
how many gold links are at least shown to an editor as aligned or related, and how many
related pairs the gold set does not list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..comparison import Pair
from ..document import Document
from ..options import Options
from ..pipeline import compare

Link = tuple[int, int]


@dataclass(frozen=True)
class PairResult:
    a: str
    b: str
    verdict: str
    verdict_ok: bool
    found: frozenset[Link]
    gold: frozenset[Link]
    related: frozenset[Link] = frozenset()


@dataclass(frozen=True)
class SeedScores:
    pairs: tuple[PairResult, ...]

    @property
    def precision(self) -> float:
        found = sum(len(p.found) for p in self.pairs)
        return sum(len(p.found & p.gold) for p in self.pairs) / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = sum(len(p.gold) for p in self.pairs)
        return sum(len(p.found & p.gold) for p in self.pairs) / gold if gold else 1.0

    @property
    def recall_with_related(self) -> float:
        """Share of gold links shown as aligned or related."""
        gold = sum(len(p.gold) for p in self.pairs)
        return sum(len((p.found | p.related) & p.gold) for p in self.pairs) / gold if gold else 1.0

    @property
    def related_outside_gold(self) -> int:
        """Related pairs between sentences the gold set does not link."""
        return sum(len(p.related - p.gold) for p in self.pairs)

    @property
    def verdict_accuracy(self) -> float:
        return sum(p.verdict_ok for p in self.pairs) / len(self.pairs)


def evaluate_seeds(seeds_dir: str | Path, options: Options | None = None) -> SeedScores:
    """Compare every labelled seed pair and score alignment links and verdicts."""
    seeds_dir = Path(seeds_dir)
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    return SeedScores(tuple(_score_pair(seeds_dir, entry, options) for entry in gold["pairs"]))


def _score_pair(seeds_dir: Path, entry: dict[str, Any], options: Options | None) -> PairResult:
    result = compare(seeds_dir / entry["a"], seeds_dir / entry["b"], options=options)
    gold = frozenset((sentence_named(result.a, a), sentence_named(result.b, b)) for a, b in entry["links"])
    verdict = result.summary.verdict
    return PairResult(entry["a"], entry["b"], verdict, verdict in entry["verdicts"], links(result.pairs), gold,
                      links(result.related))


def links(pairs: Iterable[Pair]) -> frozenset[Link]:
    """Every (A sentence, B sentence) link of the given pairs."""
    return frozenset((i, j) for pair in pairs for i in pair.a for j in pair.b)


def sentence_named(document: Document, opening: str) -> int:
    """The index of the one sentence that starts with ``opening``."""
    matches = [s.index for s in document.sentences if s.text.startswith(opening)]
    if len(matches) != 1:
        raise ValueError(f"{document.name}: {len(matches)} sentences start with {opening!r}")
    return matches[0]
