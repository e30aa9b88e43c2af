"""Small, dependency-free metrics: accuracy, F1, confusion, correlations, threshold fits."""

from __future__ import annotations

from typing import Hashable, Sequence, Union

import numpy as np

Numbers = Union[Sequence[float], np.ndarray]
Labels = Union[Sequence[Hashable], np.ndarray]

def accuracy(gold: Labels, predicted: Labels) -> float:
    return float(sum(bool(g == p) for g, p in zip(gold, predicted)) / len(gold))


def class_accuracies(gold: Sequence[bool], predicted: Sequence[bool]) -> tuple[tuple[float, int], ...]:
    """The accuracy on positives, then on negatives, each with how many there are (a class
    absent counts as all right, of one); their mean is the balanced accuracy."""
    shares = []
    for value in (True, False):
        judged = [p for g, p in zip(gold, predicted) if g == value]
        shares.append((sum(p == value for p in judged) / len(judged) if judged else 1.0, max(len(judged), 1)))
    return tuple(shares)


def f1(gold: Labels, predicted: Labels, positive: Hashable) -> float:
    tp = sum(g == p == positive for g, p in zip(gold, predicted))
    fp = sum(p == positive != g for g, p in zip(gold, predicted))
    fn = sum(g == positive != p for g, p in zip(gold, predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(gold: Labels, predicted: Labels, labels: Sequence[Hashable]) -> float:
    return sum(f1(gold, predicted, label) for label in labels) / len(labels)


def confusion(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """Rows are gold labels, columns predicted ones."""
    return {g: {p: sum(1 for x, y in zip(gold, predicted) if x == g and y == p) for p in labels} for g in labels}


def direction_measures(said: Sequence[tuple[str | None, bool]], right: str) -> dict[str, float | int | None]:
    """How often the verdict names the right text as derived, over pairs it calls derived:
    ``said`` holds, for each, the direction it gave (None: none) and whether its headline
    names the derived text ("B is a rewording of A"); ``right`` is the gold's direction."""
    n = len(said)
    named = [direction for direction, in_headline in said if in_headline]
    return {
        "called_derived": n,
        "right": sum(direction == right for direction, _ in said) / n if n else None,
        "wrong": sum(direction not in (right, None) for direction, _ in said) / n if n else None,
        "unsaid": sum(direction is None for direction, _ in said) / n if n else None,
        "headline_names": len(named),
        "headline_right": sum(direction == right for direction in named) / len(named) if named else None,
    }


def pearson(x: Numbers, y: Numbers) -> float:
    return float(np.corrcoef(np.asarray(x, float), np.asarray(y, float))[0, 1])


def spearman(x: Numbers, y: Numbers) -> float:
    return pearson(_ranks(x), _ranks(y))


def _ranks(values: Numbers) -> np.ndarray:
    # Average ranks, so that ties (many pairs share a distance) are treated fairly.
    array = np.asarray(values, float)
    order = np.argsort(array, kind="stable")
    ranks = np.empty(len(array))
    ranks[order] = np.arange(len(array))
    for value in np.unique(array):
        tied = array == value
        ranks[tied] = ranks[tied].mean()
    return ranks


def best_threshold(scores: Numbers, gold: Labels, measure: str = "accuracy") -> float:
    """The cut ``t`` that maximises accuracy (or F1) of predicting ``score <= t`` as positive.

    Cuts lie midway between consecutive distinct scores; all are tried at once with
    cumulative counts, so a fit over thousands of pairs is instant.
    """
    order = np.argsort(np.asarray(scores, float), kind="stable")
    ranked = np.asarray(scores, float)[order]
    positives = np.asarray(gold, bool)[order]
    predicted = np.arange(len(ranked) + 1)  # the k lowest scores predicted positive
    tp = np.concatenate([[0], np.cumsum(positives)])
    fp = predicted - tp
    fn = positives.sum() - tp
    tn = len(ranked) - predicted - fn
    value = (tp + tn) / len(ranked) if measure == "accuracy" else 2 * tp / np.maximum(2 * tp + fp + fn, 1)
    valid = np.concatenate([[True], ranked[1:] != ranked[:-1], [True]])  # cut between distinct scores only
    k = int(np.argmax(np.where(valid, value, -1.0)))
    if k == 0:
        return float(ranked[0]) - 1e-9
    if k == len(ranked):
        return float(ranked[-1])
    return float((ranked[k - 1] + ranked[k]) / 2)


def folds(n: int, k: int, seed: int = 0) -> list[np.ndarray]:
    """``k`` disjoint index sets covering ``range(n)``, shuffled reproducibly."""
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]
