"""Clough & Stevenson 2011: each answer compared with the Wikipedia text it was written from.

The engine's document verdict gives the binary label (independent = non, otherwise
plagiarised); the median distance of its aligned pairs then gives the degree, read with
the same bounds as the sentence edit classes: up to ``near_verbatim_max`` is cut, up to
``light_edit_max`` light, beyond it heavy.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..options import Options
from ..pipeline import compare
from ..verdict import INDEPENDENT, decide
from .corpora import CLOUGH_MISSOURCED, Answer, clough_answers
from .metrics import accuracy, confusion, f1, macro_f1

CLASSES = ("cut", "light", "heavy", "non")


@dataclass(frozen=True)
class Scored:
    """What the engine measured of one answer; labels follow from these and the options."""

    answer: Answer
    reused: float  # share of the answer's sentences found in the source
    source_reused: float  # share of the source's sentences found in the answer
    pairs: int
    median_distance: float | None  # of the aligned pairs; None when none aligned


def score_answers(data: Path, options: Options) -> list[Scored]:
    return [_score(answer, options) for answer in clough_answers(data)]


def _score(answer: Answer, options: Options) -> Scored:
    result = compare(answer.path, answer.source, options=options)
    distances = [p.distance for p in result.pairs]
    median = statistics.median(distances) if distances else None
    return Scored(answer, result.summary.a_reused, result.summary.b_reused, len(result.pairs), median)


def label(scored: Scored, options: Options) -> str:
    """The four-way label implied by the engine's verdict and its pairs' median distance."""
    if decide(scored.reused, scored.source_reused, scored.pairs, options) == INDEPENDENT:
        return "non"
    return degree(scored.median_distance, options.near_verbatim_max, options.light_edit_max)


def degree(median_distance: float | None, near_verbatim_max: float, light_edit_max: float) -> str:
    """Cut, light or heavy, read with the bounds of the sentence edit classes."""
    if median_distance is None:
        return "non"
    if median_distance <= near_verbatim_max:
        return "cut"
    return "light" if median_distance <= light_edit_max else "heavy"


def metrics(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    binary_gold = [g != "non" for g in gold]
    binary_predicted = [p != "non" for p in predicted]
    return {
        "answers": len(gold),
        "binary_accuracy": accuracy(binary_gold, binary_predicted),
        "binary_f1": f1(binary_gold, binary_predicted, True),
        "four_class_accuracy": accuracy(gold, predicted),
        "four_class_macro_f1": macro_f1(gold, predicted, CLASSES),
        "confusion": confusion(gold, predicted, CLASSES),
    }


def evaluate_clough(data: Path, options: Options, scored: Iterable[Scored] | None = None) -> dict[str, Any]:
    """Metrics with the shipped options, on all 95 answers and without the two mis-sourced ones."""
    rows = list(scored) if scored is not None else score_answers(data, options)
    predicted = [label(s, options) for s in rows]
    result = metrics([s.answer.category for s in rows], predicted)
    kept = [k for k, s in enumerate(rows) if s.answer.file not in CLOUGH_MISSOURCED]
    result["without_missourced"] = metrics([rows[k].answer.category for k in kept], [predicted[k] for k in kept])
    result["errors"] = [
        {"file": s.answer.file, "gold": s.answer.category, "predicted": p, "reused": round(s.reused, 2),
         "median_distance": None if s.median_distance is None else round(s.median_distance, 3)}
        for s, p in zip(rows, predicted) if p != s.answer.category
    ]
    return result
