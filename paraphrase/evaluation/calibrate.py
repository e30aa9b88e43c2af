"""Fit the shipped thresholds on labelled data, in a fixed order, and print them.

    python -m paraphrase.evaluation.calibrate --data ../shared/data

1. Distance weights (``content_weight``, ``fact_weight``): the grid point with the best
   MRPC 10-fold cross-validated accuracy plus STS-B *train* Spearman.
2. ``align_max_distance``: the STS-B *train* threshold that best separates pairs scored
   3 or more ("roughly equivalent, but some important information differs") from the
   rest. A derived sentence may change facts (they are flagged); MRPC's "paraphrase"
   demands equivalence, so its threshold would leave such rewrites unaligned.
   ``related_max_distance``: the same fit at 2 or more ("not equivalent, but share some
   details"), the bound for showing two unaligned sentences as related.
3. ``partial_share`` and ``min_partial_pairs``: the best binary accuracy (reuse or not),
   balanced between reuse and none and between two corpora: the Clough & Stevenson
   answers, each compared with its source (short answers wholly rewritten, or written
   independently on the same topic), and the PAN-13 quality-gate sample (40 pairs per
   subset: long documents holding a few reused passages, or none).
4. ``near_verbatim_max`` and ``light_edit_max``: the best three-way accuracy (cut, light,
   heavy) of the answers' median pair distance, among plagiarised answers.

Steps 3 and 4 are also cross-validated, leaving one of the five tasks out at a time, so
that the Clough numbers reported are not judged by thresholds fitted on the same answers.
``rewording_share`` (0.5, "most of a text") is a definition, not fitted: no corpus here
labels partial reuse apart from rewording.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from ..alphabet import Alphabet
from ..options import DEFAULT_OPTIONS, Options
from ..score import feature_distance
from ..tokens import Features, features
from ..verdict import INDEPENDENT, decide
from .clough import Scored, degree, label, metrics, score_answers
from .corpora import mrpc_pairs, pan13_pairs, stsb_pairs
from .pan import CI_SAMPLE, Judged, judge, sample
from .metrics import accuracy, balanced_accuracy, best_threshold, spearman
from .sentences import mrpc_cross_validated

CONTENT_WEIGHTS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
FACT_WEIGHTS = (1.0, 2.0, 3.0)
SHARES = tuple(round(0.05 * k, 2) for k in range(1, 11))
MIN_PAIRS = (1, 2, 3, 4, 1000)  # 1000: a share alone decides


@dataclass(frozen=True)
class Calibration:
    options: Options
    grid: list[dict[str, float]]
    clough_cross_validated: dict[str, Any]


def calibrate(data: Path) -> Calibration:
    """Run the four steps and return the fitted options."""
    grid = list(_weight_grid(data))
    best = max(grid, key=lambda row: row["mrpc_cv_accuracy"] + row["stsb_train_spearman"])
    options = DEFAULT_OPTIONS.replace(content_weight=best["content_weight"], fact_weight=best["fact_weight"])
    options = options.replace(align_max_distance=round(_fit_sts_level(data, options, ALIGN_STS_LEVEL), 3),
                              related_max_distance=round(_fit_sts_level(data, options, RELATED_STS_LEVEL), 3))
    scored = score_answers(data, options)
    documents = [as_document(judge(p, options)) for p in sample(pan13_pairs(data), CI_SAMPLE)]
    options = fit_clough(scored, options, documents)
    return Calibration(options, grid, clough_cross_validated(scored, options, documents))


Document = tuple[float, float, int, bool]  # shares reused, aligned pairs, gold: reuse


def as_document(judged: Judged) -> Document:
    return (*judged.reused, judged.pairs, bool(judged.pair.cases))


def _weight_grid(data: Path) -> Iterator[dict[str, float]]:
    mrpc = mrpc_pairs(data)
    stsb = stsb_pairs(data, "train")
    mrpc_features = [(features(p.first), features(p.second)) for p in mrpc]
    stsb_features = [(features(p.first), features(p.second)) for p in stsb]
    gold = np.array([p.label == 1 for p in mrpc])
    for content_weight, fact_weight in itertools.product(CONTENT_WEIGHTS, FACT_WEIGHTS):
        options = DEFAULT_OPTIONS.replace(content_weight=content_weight, fact_weight=fact_weight)
        cv = mrpc_cross_validated(_distances(mrpc_features, options), gold)
        similarity = 1 - _distances(stsb_features, options)
        yield {
            "content_weight": content_weight, "fact_weight": fact_weight,
            "mrpc_cv_accuracy": cv["accuracy"], "stsb_train_spearman": spearman(similarity, [p.label for p in stsb]),
        }


def _distances(pairs: Sequence[tuple[Features, Features]], options: Options) -> np.ndarray:
    alphabet = Alphabet()
    return np.array([feature_distance(a, b, options, alphabet) for a, b in pairs])


ALIGN_STS_LEVEL = 3.0  # "roughly equivalent, but some important information differs"
RELATED_STS_LEVEL = 2.0  # "not equivalent, but share some details"


def _fit_sts_level(data: Path, options: Options, level: float) -> float:
    """The distance that best separates STS-B train pairs scored ``level`` or more from the rest."""
    pairs = stsb_pairs(data, "train")
    d = _distances([(features(p.first), features(p.second)) for p in pairs], options)
    return best_threshold(d, [p.label >= level for p in pairs])


def fit_clough(scored: Sequence[Scored], options: Options, documents: Sequence[Document] = ()) -> Options:
    """Steps 3 and 4 on the given answers (and, for step 3, PAN-13 documents)."""
    gold_answers = [s.answer.category != "non" for s in scored]
    gold_documents = [d[3] for d in documents]

    def binary_accuracy(share_pairs: tuple[float, int]) -> tuple[float, float]:
        # Each corpus weighs alike, and within each, reuse and no reuse weigh alike.
        fitted = options.replace(partial_share=share_pairs[0], min_partial_pairs=share_pairs[1])
        answers = balanced_accuracy(gold_answers, [label(s, fitted) != "non" for s in scored])
        if not documents:
            return answers, -share_pairs[0]
        pan = balanced_accuracy(gold_documents, [decide(a, b, n, fitted) != INDEPENDENT for a, b, n, _ in documents])
        return (answers + pan) / 2, -share_pairs[0]

    share, pairs = max(itertools.product(SHARES, MIN_PAIRS), key=binary_accuracy)
    options = options.replace(partial_share=share, min_partial_pairs=pairs)
    near, light = _fit_degree([s for s in scored if s.answer.category != "non"], options)
    return options.replace(near_verbatim_max=near, light_edit_max=light)


def _fit_degree(plagiarised: Sequence[Scored], options: Options) -> tuple[float, float]:
    medians = sorted({round(s.median_distance, 3) for s in plagiarised if s.median_distance is not None})
    cuts = [m for m in medians if m <= options.align_max_distance]
    gold = [s.answer.category for s in plagiarised]

    def three_way(bounds: tuple[float, float]) -> tuple[float, float]:
        return accuracy(gold, [degree(s.median_distance, *bounds) for s in plagiarised]), -bounds[1]

    return max(((a, b) for a in cuts for b in cuts if a <= b), key=three_way)


def clough_cross_validated(scored: Sequence[Scored], options: Options,
                           documents: Sequence[Document] = ()) -> dict[str, Any]:
    """Leave one task out: fit steps 3-4 on four tasks (and the PAN-13 documents), label the fifth."""
    gold, predicted = [], []
    for task in sorted({s.answer.task for s in scored}):
        fitted = fit_clough([s for s in scored if s.answer.task != task], options, documents)
        held_out = [s for s in scored if s.answer.task == task]
        gold += [s.answer.category for s in held_out]
        predicted += [label(s, fitted) for s in held_out]
    return metrics(gold, predicted)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fit the shipped thresholds on labelled data.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    result = calibrate(args.data)
    print("Distance weights (MRPC 10-fold CV accuracy + STS-B train Spearman):")
    for row in result.grid:
        print("  content_weight {content_weight:.1f}  fact_weight {fact_weight:.0f}  "
              "mrpc_cv_accuracy {mrpc_cv_accuracy:.4f}  stsb_train_spearman {stsb_train_spearman:.4f}".format(**row))
    cv = result.clough_cross_validated
    print(f"Clough & Stevenson, leave one task out: binary accuracy {cv['binary_accuracy']:.4f}, "
          f"four-class accuracy {cv['four_class_accuracy']:.4f}")
    print("\nCalibrated values (paste into paraphrase/options.py):")
    for name in ("content_weight", "fact_weight", "align_max_distance", "related_max_distance",
                 "partial_share", "min_partial_pairs",
                 "near_verbatim_max", "light_edit_max"):
        print(f"{name} = {getattr(result.options, name)}")


if __name__ == "__main__":
    main()
