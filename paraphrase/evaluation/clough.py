"""Clough & Stevenson 2011: each answer compared with the Wikipedia text it was written from.

The engine's document verdict gives the binary label (independent = non, otherwise
plagiarised); its aligned pairs then give the degree, read in words with the bounds of
the sentence edit classes: a median lexical distance up to ``near_verbatim_max`` is cut;
else a median order distance (the words, every one in order) up to
``light_edit_order_max`` is light, beyond it heavy.

The answers also give texts written independently on one topic: two answers to the same
task, one or both written without the source ("non"), share the topic and its terms but
not their wording. :func:`independent_pairs` counts how many of those the verdict calls
derived.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..options import Options
from ..pipeline import compare
from ..verdict import A_FROM_B, INDEPENDENT, decide, names_derived
from .corpora import CLOUGH_MISSOURCED, Answer, clough_answers
from .metrics import accuracy, confusion, direction_measures, f1, macro_f1

CLASSES = ("cut", "light", "heavy", "non")


@dataclass(frozen=True)
class Scored:
    """What the engine measured of one answer; labels follow from these and the options."""

    answer: Answer
    # Read from the pairs that count without their context (Comparison.own_evidence):
    reused: float  # share of the answer's sentences found in the source
    source_reused: float  # share of the source's sentences found in the answer
    pairs: int
    median_distance: float | None  # of those pairs (the scorer's); None when none aligned
    median_order: float | None  # of those pairs' order distances (score.order_distance)
    firm: int = 0  # aligned pairs that are evidence of reuse on their own
    median_words: float | None = None  # of those pairs' lexical distances (Pair.word_distance)
    direction: str | None = None  # the verdict's: A_FROM_B is right (the answer is derived)
    names_derived: bool = False  # the headline names which text is the rewording (verdict.names_derived)


def score_answers(data: Path, options: Options) -> list[Scored]:
    return [_score(answer, options) for answer in clough_answers(data)]


def _score(answer: Answer, options: Options) -> Scored:
    result = compare(answer.path, answer.source, options=options)
    # The verdict's evidence and the degree of editing: pairs that count without their context.
    own = [p for p in result.pairs if not p.context]
    return Scored(answer, *result.own_evidence(), _median([p.distance for p in own]),
                  _median([p.order_distance for p in own]), result.summary.firm,
                  _median([p.word_distance for p in own]), result.summary.direction,
                  names_derived(result.summary, options))


def _median(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def label(scored: Scored, options: Options) -> str:
    """The four-way label implied by the engine's verdict and its pairs' medians."""
    if decide(scored.reused, scored.source_reused, scored.pairs, options, scored.firm) == INDEPENDENT:
        return "non"
    return degree(scored, options.near_verbatim_max, options.light_edit_order_max)


def degree(scored: Scored, near_verbatim_max: float, light_edit_order_max: float) -> str:
    """Cut, light or heavy, read with the bounds of the sentence edit classes."""
    if scored.median_words is None or scored.median_order is None:
        return "non"
    if scored.median_words <= near_verbatim_max:
        return "cut"
    return "light" if scored.median_order <= light_edit_order_max else "heavy"


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
    result["direction"] = direction_measures(
        [(s.direction, s.names_derived) for s, p in zip(rows, predicted) if p != "non" and s.answer.category != "non"],
        A_FROM_B)
    result["without_missourced"] = metrics([rows[k].answer.category for k in kept], [predicted[k] for k in kept])
    result["errors"] = [
        {"file": s.answer.file, "gold": s.answer.category, "predicted": p, "reused": round(s.reused, 2),
         "median_distance": None if s.median_distance is None else round(s.median_distance, 3),
         "median_word_distance": None if s.median_words is None else round(s.median_words, 3),
         "median_order": None if s.median_order is None else round(s.median_order, 3)}
        for s, p in zip(rows, predicted) if p != s.answer.category
    ]
    return result


@dataclass(frozen=True)
class AnswerPair:
    """Two answers to one task, one or both written independently ("non"), as the engine saw them."""

    task: str
    both_non: bool
    reused: tuple[float, float]  # shares of each answer's sentences found in the other
    pairs: int
    firm: int

    def called_derived(self, options: Options) -> bool:
        return decide(*self.reused, self.pairs, options, self.firm) != INDEPENDENT


def score_independent_pairs(data: Path, options: Options) -> list[AnswerPair]:
    """Every pair of answers to one task where at least one was written without the source."""
    by_task: dict[str, list[Answer]] = {}
    for answer in clough_answers(data):
        by_task.setdefault(answer.task, []).append(answer)
    rows = []
    for task, answers in by_task.items():
        for x, y in itertools.combinations(answers, 2):
            if "non" in (x.category, y.category):
                result = compare(x.path, y.path, options=options)
                a_share, b_share, pairs = result.own_evidence()
                rows.append(AnswerPair(task, x.category == y.category, (a_share, b_share), pairs, result.summary.firm))
    return rows


def independent_pairs(rows: Sequence[AnswerPair], options: Options) -> dict[str, Any]:
    """How many of the answer pairs the verdict calls derived; two "non" answers apart."""
    both = [r for r in rows if r.both_non]
    return {"pairs": len(rows), "called_derived": _derived_share(rows, options),
            "both_non_pairs": len(both), "both_non_called_derived": _derived_share(both, options)}


def _derived_share(rows: Sequence[AnswerPair], options: Options) -> float:
    return sum(r.called_derived(options) for r in rows) / len(rows) if rows else 0.0
