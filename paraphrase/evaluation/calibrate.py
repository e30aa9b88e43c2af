"""Fit the shipped thresholds on labelled data, in a fixed order, and print them.

    python -m paraphrase.evaluation.calibrate --data ../shared/data [--scorer semantic]

1. Distance weights (``content_weight``, ``fact_weight``; for the semantic scorer, the
   lexical share of its blend, ``semantic_weight``, the lexical weights kept as shipped):
   the grid point with the best MRPC 10-fold cross-validated accuracy plus STS-B *train*
   Spearman.
2. ``align_max_distance``: the STS-B *train* threshold that best separates pairs scored
   3 or more ("roughly equivalent, but some important information differs") from the
   rest. A derived sentence may change facts (they are flagged); MRPC's "paraphrase"
   demands equivalence, so its threshold would leave such rewrites unaligned.
   ``related_max_distance``: the same fit at 2 or more ("not equivalent, but share some
   details"), the bound for showing two unaligned sentences as related.
3. ``partial_share``, ``min_partial_pairs`` and ``min_firm_pairs``: the binary accuracy
   (reuse or not), balanced between reuse and none and between two corpora: the Clough &
   Stevenson answers, each compared with its source (short answers wholly rewritten, or
   written independently on the same topic), with the pairs of answers to one task
   written independently as more texts that must not be called derived; and the PAN-13
   quality-gate sample (40 pairs per subset: long documents holding a few reused
   passages, or none). Firm pairs (close wording, or two shared phrases:
   ``evidence.is_firm``) are counted apart, since one of them may be enough where one
   weaker pair is not. Of the points within one standard error of the best accuracy
   (its four class accuracies read as binomial estimates), the one that calls the
   fewest independent texts derived is taken: points that close are not told apart by
   this much data (the semantic scorer's best two differed by 0.001 and called 63 and
   17 independent texts derived), and a false "derived" is the costlier error for a
   newsroom.
4. ``near_verbatim_max`` and ``light_edit_order_max``: the best three-way accuracy (cut,
   light, heavy) among plagiarised answers of their pairs' median lexical distance (cut)
   and median order distance (light or heavy: the words, every one in order; a light
   revision keeps its source's clauses, a heavy one restructures them). Both are read in
   words whatever the scorer, as the edit classes are (``pipeline._pair``): a scorer of
   meaning finds which sentences align, not how their words differ. Then
   ``close_wording_max``, the evidence rules' bound: the same accuracy with the median
   distance (the scorer's) read for light or heavy too.

Steps 3 and 4 are also cross-validated, leaving one of the five tasks out at a time, so
that the Clough numbers reported are not judged by thresholds fitted on the same answers.
``rewording_share`` (0.5, "most of a text", read on each text's length) is a definition,
not fitted; ``pan.document_measures`` measures it against PAN-13's gold passages.
"""

from __future__ import annotations

import argparse
import itertools
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from ..options import Options
from ..verdict import INDEPENDENT, decide
from .clough import AnswerPair, Scored, degree, label, metrics, score_answers, score_independent_pairs
from .corpora import mrpc_pairs, pan13_pairs, stsb_pairs
from .pan import CI_SAMPLE, Judged, judge, sample
from .metrics import accuracy, best_threshold, class_accuracies, spearman
from .sentences import distances, mrpc_cross_validated

CONTENT_WEIGHTS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
FACT_WEIGHTS = (1.0, 2.0, 3.0)
SEMANTIC_WEIGHTS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
# The weights step 1 fits, per scorer.
WEIGHTS = {"lexical": ("content_weight", "fact_weight"), "semantic": ("semantic_weight",)}
SHARES = tuple(round(0.05 * k, 2) for k in range(1, 11))
MIN_PAIRS = (1, 2, 3, 4, 1000)  # 1000: a share alone decides
MIN_FIRM_PAIRS = (1, 2, 1000)  # 1000: firm pairs count as any other


@dataclass(frozen=True)
class Calibration:
    options: Options
    grid: list[dict[str, float]]
    clough_cross_validated: dict[str, Any]


def calibrate(data: Path, scorer: str = "lexical") -> Calibration:
    """Run the four steps for ``scorer`` and return the fitted options."""
    grid = list(_weight_grid(data, Options.for_scorer(scorer)))
    best = max(grid, key=lambda row: row["mrpc_cv_accuracy"] + row["stsb_train_spearman"])
    options = Options.for_scorer(scorer, **{name: best[name] for name in WEIGHTS[scorer]})
    options = options.replace(align_max_distance=round(_fit_sts_level(data, options, ALIGN_STS_LEVEL), 3),
                              related_max_distance=round(_fit_sts_level(data, options, RELATED_STS_LEVEL), 3))
    scored = score_answers(data, options)
    documents = [as_document(judge(p, options)) for p in sample(pan13_pairs(data), CI_SAMPLE)]
    pairs = score_independent_pairs(data, options)
    options = fit_clough(scored, options, documents, pairs)
    return Calibration(options, grid, clough_cross_validated(scored, options, documents, pairs))


Document = tuple[float, float, int, int, bool]  # shares reused, aligned pairs, firm pairs, gold: reuse


def as_document(judged: Judged) -> Document:
    return (*judged.reused, judged.pairs, judged.firm, bool(judged.pair.cases))


def _weight_grid(data: Path, base: Options) -> Iterator[dict[str, float]]:
    mrpc = mrpc_pairs(data)
    stsb = stsb_pairs(data, "train")
    gold = np.array([p.label == 1 for p in mrpc])
    for weights in _grid_points(base.scorer):
        options = base.replace(**weights)
        cv = mrpc_cross_validated(distances(mrpc, options), gold)
        similarity = 1 - distances(stsb, options)
        yield {**weights, "mrpc_cv_accuracy": cv["accuracy"],
               "stsb_train_spearman": spearman(similarity, [p.label for p in stsb])}


def _grid_points(scorer: str) -> Iterator[dict[str, float]]:
    if scorer == "semantic":
        yield from ({"semantic_weight": w} for w in SEMANTIC_WEIGHTS)
    else:
        for content_weight, fact_weight in itertools.product(CONTENT_WEIGHTS, FACT_WEIGHTS):
            yield {"content_weight": content_weight, "fact_weight": fact_weight}


ALIGN_STS_LEVEL = 3.0  # "roughly equivalent, but some important information differs"
RELATED_STS_LEVEL = 2.0  # "not equivalent, but share some details"


def _fit_sts_level(data: Path, options: Options, level: float) -> float:
    """The distance that best separates STS-B train pairs scored ``level`` or more from the rest."""
    pairs = stsb_pairs(data, "train")
    return best_threshold(distances(pairs, options), [p.label >= level for p in pairs])


def fit_clough(scored: Sequence[Scored], options: Options, documents: Sequence[Document] = (),
               pairs: Sequence[AnswerPair] = ()) -> Options:
    """Steps 3 and 4 on the given answers (and, for step 3, PAN-13 documents and pairs of
    answers written independently)."""
    share, least, firm = _fit_verdict(scored, options, documents, pairs)
    options = options.replace(partial_share=share, min_partial_pairs=least, min_firm_pairs=firm)
    plagiarised = [s for s in scored if s.answer.category != "non"]
    near, light = _fit_degree(plagiarised, options)
    return options.replace(near_verbatim_max=near, light_edit_order_max=light,
                           close_wording_max=_fit_close_wording(plagiarised, options, near))


@dataclass(frozen=True)
class VerdictFit:
    """How one point of step 3's grid judges the texts: the share of each class judged
    right, per corpus (reuse, then none), and how many independent texts it calls derived."""

    point: tuple[float, int, int]  # partial_share, min_partial_pairs, min_firm_pairs
    right: tuple[tuple[float, int], ...]  # (share judged right, texts) per corpus and class
    false_derived: int

    @property
    def accuracy(self) -> float:
        """Balanced between reuse and none within each corpus, then between corpora."""
        return sum(share for share, _ in self.right) / len(self.right)

    @property
    def standard_error(self) -> float:
        """Of ``accuracy``, each class's share read as a binomial estimate (add-one
        smoothed, so that a class judged all right is not certain)."""
        variance = sum(p * (1 - p) / n for p, n in ((((share * n + 1) / (n + 2)), n) for share, n in self.right))
        return math.sqrt(variance) / len(self.right)


def _fit_verdict(scored: Sequence[Scored], options: Options, documents: Sequence[Document],
                 pairs: Sequence[AnswerPair]) -> tuple[float, int, int]:
    """Step 3: the grid's point, as ``fewest_false_derived_near_best`` picks it."""
    fits = [_verdict_fit(point, scored, options, documents, pairs)
            for point in itertools.product(SHARES, MIN_PAIRS, MIN_FIRM_PAIRS)]
    return fewest_false_derived_near_best(fits).point


def fewest_false_derived_near_best(fits: Sequence[VerdictFit]) -> VerdictFit:
    """Of the fits within one standard error of the most accurate, the one calling the
    fewest independent texts derived (then the more accurate, then the lower share)."""
    best = max(fits, key=lambda f: (f.accuracy, -f.point[0]))
    close = [f for f in fits if f.accuracy >= best.accuracy - best.standard_error]
    return min(close, key=lambda f: (f.false_derived, -f.accuracy, f.point[0]))


def _verdict_fit(point: tuple[float, int, int], scored: Sequence[Scored], options: Options,
                 documents: Sequence[Document], pairs: Sequence[AnswerPair]) -> VerdictFit:
    fitted = options.replace(partial_share=point[0], min_partial_pairs=point[1], min_firm_pairs=point[2])
    # Clough & Stevenson: answers against their source, and pairs of answers written
    # independently (no reuse, like the "non" answers against the source).
    answers = [(s.answer.category != "non", label(s, fitted) != "non") for s in scored]
    answers += [(False, p.called_derived(fitted)) for p in pairs]
    corpora = [answers]
    if documents:
        corpora.append([(gold, decide(a, b, n, fitted, firm) != INDEPENDENT) for a, b, n, firm, gold in documents])
    right = tuple(share for corpus in corpora for share in class_accuracies(*zip(*corpus)))
    false_derived = sum(found for corpus in corpora for gold, found in corpus if not gold)
    return VerdictFit(point, right, false_derived)


def _fit_degree(plagiarised: Sequence[Scored], options: Options) -> tuple[float, float]:
    gold = [s.answer.category for s in plagiarised]

    def three_way(point: tuple[float, float]) -> tuple[float, float]:
        return accuracy(gold, [degree(s, *point) for s in plagiarised]), -point[1]

    distances = _bounds((s.median_words for s in plagiarised), options)
    return max(itertools.product(distances, _bounds((s.median_order for s in plagiarised), options)), key=three_way)


def _fit_close_wording(plagiarised: Sequence[Scored], options: Options, near: float) -> float:
    """The distance (the scorer's) that best tells light revisions from heavy ones (cut as
    ``near`` reads it, in words)."""
    gold = [s.answer.category for s in plagiarised]

    def read(s: Scored, bound: float) -> str:
        if s.median_words is None or s.median_distance is None:
            return "non"
        return "cut" if s.median_words <= near else "light" if s.median_distance <= bound else "heavy"

    def three_way(bound: float) -> tuple[float, float]:
        return accuracy(gold, [read(s, bound) for s in plagiarised]), -bound

    return max((b for b in _bounds((s.median_distance for s in plagiarised), options) if b >= near), key=three_way,
               default=near)


def _bounds(medians: Iterable[float | None], options: Options) -> list[float]:
    # The candidate bounds: each median seen, within the alignment bound.
    return sorted({round(m, 3) for m in medians if m is not None and m <= options.align_max_distance}) or [0.0]


def clough_cross_validated(scored: Sequence[Scored], options: Options, documents: Sequence[Document] = (),
                           pairs: Sequence[AnswerPair] = ()) -> dict[str, Any]:
    """Leave one task out: fit steps 3-4 on four tasks' answers and answer pairs (and the
    PAN-13 documents), label the fifth task's answers and answer pairs."""
    gold, predicted, derived = [], [], []
    for task in sorted({s.answer.task for s in scored}):
        fitted = fit_clough([s for s in scored if s.answer.task != task], options, documents,
                            [p for p in pairs if p.task != task])
        held_out = [s for s in scored if s.answer.task == task]
        gold += [s.answer.category for s in held_out]
        predicted += [label(s, fitted) for s in held_out]
        derived += [p.called_derived(fitted) for p in pairs if p.task == task]
    result = metrics(gold, predicted)
    if pairs:
        result["independent_pairs_called_derived"] = sum(derived) / len(derived)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fit the shipped thresholds on labelled data.")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--scorer", choices=list(WEIGHTS), default="lexical")
    args = parser.parse_args(argv)
    result = calibrate(args.data, args.scorer)
    print("Distance weights (MRPC 10-fold CV accuracy + STS-B train Spearman):")
    for row in result.grid:
        print("  " + "  ".join(f"{key} {value:.4f}" for key, value in row.items()))
    cv = result.clough_cross_validated
    print(f"Clough & Stevenson, leave one task out: binary accuracy {cv['binary_accuracy']:.4f}, "
          f"four-class accuracy {cv['four_class_accuracy']:.4f}")
    where = "Options in paraphrase/options.py" if args.scorer == "lexical" else \
        f'SCORER_THRESHOLDS["{args.scorer}"] in paraphrase/options.py'
    print(f"\nCalibrated values (paste into {where}):")
    for name in (*WEIGHTS[args.scorer], *FITTED):
        print(f"{name} = {getattr(result.options, name)}")


# What steps 2-4 fit, for every scorer.
FITTED = ("align_max_distance", "related_max_distance", "partial_share", "min_partial_pairs",
          "min_firm_pairs", "near_verbatim_max", "light_edit_order_max", "close_wording_max")


if __name__ == "__main__":
    main()
