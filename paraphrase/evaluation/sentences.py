"""MRPC and STS-B: ``paraphrase.distance`` on labelled sentence pairs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..alphabet import Alphabet
from ..options import Options
from ..score import feature_distance
from ..scorers import scorer_for
from ..tokens import features
from .corpora import SentencePair, mrpc_pairs, stsb_pairs
from .metrics import accuracy, best_threshold, f1, folds, pearson, spearman

MRPC_FOLDS = 10
# A sentence's features, once however many weightings the calibration tries on it.
_features = lru_cache(maxsize=1 << 15)(features)


def distances(pairs: Sequence[SentencePair], options: Options) -> np.ndarray:
    """The paraphrase distance of every pair by the options' scorer (one alphabet, so
    words are coded once)."""
    alphabet = Alphabet()
    lexical = np.array([feature_distance(_features(p.first), _features(p.second), options, alphabet) for p in pairs])
    return scorer_for(options).rescore([((p.first,), (p.second,)) for p in pairs], lexical, options, every_pair=True)


def mrpc_cross_validated(d: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    """Accuracy and F1 when each fold is judged by the threshold fitted on the other folds."""
    predicted = np.zeros(len(gold), bool)
    cuts = []
    for held_out in folds(len(gold), MRPC_FOLDS):
        training = np.ones(len(gold), bool)
        training[held_out] = False
        cut = best_threshold(d[training], gold[training])
        predicted[held_out] = d[held_out] <= cut
        cuts.append(cut)
    return {
        "accuracy": accuracy(gold, predicted), "f1": f1(gold, predicted, True),
        "threshold_mean": float(np.mean(cuts)), "threshold_spread": float(np.ptp(cuts)),
    }


def evaluate_mrpc(data: Path, options: Options) -> dict[str, Any]:
    pairs = mrpc_pairs(data)
    d = distances(pairs, options)
    gold = np.array([p.label == 1 for p in pairs])
    result = mrpc_cross_validated(d, gold)
    shipped = d <= options.align_max_distance
    result.update(
        pairs=len(pairs),
        majority_accuracy=max(gold.mean(), 1 - gold.mean()),
        # The shipped align_max_distance was fitted on all of train: in-sample, for reference.
        shipped_threshold=options.align_max_distance,
        shipped_accuracy=accuracy(gold, shipped), shipped_f1=f1(gold, shipped, True),
    )
    return result


def evaluate_stsb(data: Path, options: Options, part: str = "dev") -> dict[str, Any]:
    pairs = stsb_pairs(data, part)
    similarity = 1.0 - distances(pairs, options)
    gold = [p.label for p in pairs]
    news = [k for k, p in enumerate(pairs) if p.genre == "news"]
    return {
        "pairs": len(pairs), "spearman": spearman(similarity, gold), "pearson": pearson(similarity, gold),
        "news_pairs": len(news),
        "news_spearman": spearman(similarity[news], [gold[k] for k in news]),
        "news_pearson": pearson(similarity[news], [gold[k] for k in news]),
    }
