"""PAN-13 text alignment: the engine's aligned passages against the gold reused passages.

Each suspicious document is compared with its source (A = suspicious, B = source). Every
aligned pair becomes a detection: the span of its sentences on each side; detections
whose suspicious spans lie within ``MERGE_GAP`` characters of each other are merged, as
PAN systems do, so that one reused passage cut into sentences counts once.

The passage measures are PAN's (Potthast et al. 2010), character-level over both sides
(and, as #12's targets are also stated, over the suspicious side alone):

* recall: per gold case, the share of its characters inside detections that overlap it,
  averaged over cases;
* precision: per detection, the share of its characters inside the cases it overlaps,
  averaged over detections;
* granularity: the mean number of detections per detected case (1 is best);
* plagdet: F1 / log2(1 + granularity).

The document measures read the engine's verdict: a pair with gold cases is *detected*
when the verdict is not ``independent``; a pair without is a *false positive* when it is.
The *degree* of a detected pair is right when the verdict says ``rewording`` exactly when
the gold passages cover ``rewording_share`` (half) or more of one text's characters: "most
of a text", the verdict's definition. It is not measured on the summaries: a summary
holds all of its source (the gold covers the whole source) in a tenth of its length, and
whether that is "most of a text" is a definition the corpus does not settle. Over the
pairs but the summaries, the three verdicts are also scored against the gold's as one
macro-F1 (no case: independent; cases covering most of a text: rewording; else partial).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..comparison import Comparison, Pair
from ..errors import InputError
from ..evidence import EVIDENCE
from ..options import DEFAULT_OPTIONS, Options
from ..pipeline import compare
from ..verdict import A_FROM_B, INDEPENDENT, PARTIAL, REWORDING, names_derived
from .corpora import PAN13_SUBSETS, Case, PanPair, pan13_pairs
from .metrics import direction_measures, macro_f1

MERGE_GAP = 300  # characters between two detections on the suspicious side
CI_SAMPLE = 40  # pairs per subset in the quality gate; the benchmark runs all 5,185
SEED = 13

Span = tuple[int, int]


@dataclass(frozen=True)
class Judged:
    """One pair as the engine saw it: its gold cases, its detections and its verdict."""

    pair: PanPair
    detections: tuple[Case, ...]
    flagged: bool  # the verdict is not independent
    reused: tuple[float, float] = (0.0, 0.0)  # shares of sentences aligned without their context (own_evidence)
    pairs: int = 0  # aligned pairs that count without their context
    firm: int = 0  # of those, pairs that are evidence of reuse on their own
    refused: bool = False  # a text the readers refuse (the corpus holds a few binary files)
    rewording: bool = False  # the verdict is rewording
    lengths: tuple[int, int] = (0, 0)  # characters of the suspicious and the source text
    direction: str | None = None  # the verdict's: A_FROM_B is right (the suspicious text is derived)
    names_derived: bool = False  # the headline names which text is the rewording (verdict.names_derived)
    # Each counted pair's evidence kind (evidence.EVIDENCE), whether it is firm, and the share
    # of its characters inside the gold cases it overlaps: how far each kind is to be trusted.
    evidence: tuple[tuple[str, bool, float], ...] = ()


def sample(pairs: Sequence[PanPair], per_subset: int | None, seed: int = SEED) -> list[PanPair]:
    """``per_subset`` pairs of each subset, drawn reproducibly (all pairs when None).

    The reuse subsets are drawn from their pairs with gold cases (the summary subset also
    holds pairs without), the no-plagiarism subset from all of its pairs.
    """
    if per_subset is None:
        return list(pairs)
    rng = random.Random(seed)
    chosen: list[PanPair] = []
    for kind in PAN13_SUBSETS.values():
        pool = [p for p in pairs if p.subset == kind and (bool(p.cases) or kind == "none")]
        chosen += rng.sample(pool, min(per_subset, len(pool)))
    return chosen


def judge(pair: PanPair, options: Options) -> Judged:
    try:
        result = compare(pair.suspicious, pair.source, options=options)
    except InputError:  # judged as finding nothing, and counted
        return Judged(pair, (), False, refused=True)
    s = result.summary
    a_share, b_share, pairs = result.own_evidence()  # what the verdict's thresholds are fitted on
    evidence = tuple((p.evidence or "", p.firm, _inside_gold(_pair_case(result, p), pair.cases)) for p in result.pairs)
    return Judged(pair, tuple(detections(result)), s.verdict != INDEPENDENT, (a_share, b_share), pairs, s.firm,
                  rewording=s.verdict == REWORDING, lengths=(len(result.a.text), len(result.b.text)),
                  direction=s.direction, names_derived=names_derived(s, options), evidence=evidence)


def detections(result: Comparison, gap: int = MERGE_GAP) -> list[Case]:
    """The aligned pairs of ``result`` as passages (A = suspicious side), merged within ``gap``."""
    spans = sorted(_pair_case(result, p) for p in result.pairs)
    merged: list[Case] = []
    for case in spans:
        last = merged[-1] if merged else None
        if last and case.suspicious[0] - last.suspicious[1] <= gap:
            merged[-1] = Case(_hull(last.suspicious, case.suspicious), _hull(last.source, case.source))
        else:
            merged.append(case)
    return merged


def _pair_case(result: Comparison, pair: Pair) -> Case:
    """The characters a pair spans in the suspicious text (A) and in the source (B)."""
    return Case(_span(result.a.sentences, pair.a), _span(result.b.sentences, pair.b))


def _inside_gold(detection: Case, cases: Sequence[Case]) -> float:
    """The share of a detection's characters inside the gold cases it overlaps (PAN's precision)."""
    return _covered(detection, [c for c in cases if _overlaps(c, detection)]) / _size(detection)


def evidence_measures(judged: Sequence[Judged]) -> dict[str, dict[str, float | int]]:
    """Per evidence kind, in ``EVIDENCE``'s order: the counted pairs that carry it, how many
    of them are firm, and their mean precision (``_inside_gold``)."""
    by_kind: dict[str, list[tuple[bool, float]]] = {}
    for j in judged:
        for kind, firm, inside in j.evidence:
            by_kind.setdefault(kind, []).append((firm, inside))
    return {kind: {"pairs": len(rows), "firm": sum(firm for firm, _ in rows),
                   "precision": sum(inside for _, inside in rows) / len(rows)}
            for kind in EVIDENCE if (rows := by_kind.get(kind))}


def _span(sentences: Sequence[Any], indexes: tuple[int, ...]) -> Span:
    return min(sentences[i].start for i in indexes), max(sentences[i].end for i in indexes)


def _hull(x: Span, y: Span) -> Span:
    return min(x[0], y[0]), max(x[1], y[1])


SIDES = ("suspicious", "source")


def passage_measures(judged: Sequence[Judged], sides: Sequence[str] = SIDES) -> dict[str, float]:
    """PAN's macro recall, precision, granularity and plagdet over all cases and detections,
    counting the characters of ``sides``."""
    cases = [(k, c) for k, j in enumerate(judged) for c in j.pair.cases]
    found = [(k, d) for k, j in enumerate(judged) for d in j.detections]
    by_pair: dict[int, list[Case]] = {}
    for k, d in found:
        by_pair.setdefault(k, []).append(d)
    recalls, detected_by = [], []
    for k, case in cases:
        hits = [d for d in by_pair.get(k, []) if _overlaps(case, d)]
        recalls.append(_covered(case, hits, sides) / _size(case, sides))
        if hits:
            detected_by.append(len(hits))
    gold_of = {k: list(j.pair.cases) for k, j in enumerate(judged)}
    precisions = [_covered(d, [c for c in gold_of[k] if _overlaps(c, d)], sides) / _size(d, sides) for k, d in found]
    recall = sum(recalls) / len(recalls) if recalls else 1.0
    precision = sum(precisions) / len(precisions) if precisions else (1.0 if not cases else 0.0)
    granularity = sum(detected_by) / len(detected_by) if detected_by else 1.0
    return {"recall": recall, "precision": precision, "granularity": granularity,
            "plagdet": plagdet(recall, precision, granularity)}


def plagdet(recall: float, precision: float, granularity: float) -> float:
    """F1 of recall and precision, discounted by granularity as PAN does.

    >>> round(plagdet(0.9, 0.9, 1.0), 3), round(plagdet(0.9, 0.9, 2.0), 3)
    (0.9, 0.568)
    """
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return f1 / math.log2(1 + granularity)


def _overlaps(x: Case, y: Case) -> bool:
    return _meet(x.suspicious, y.suspicious) > 0 and _meet(x.source, y.source) > 0


def _meet(x: Span, y: Span) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _size(case: Case, sides: Sequence[str] = SIDES) -> int:
    return sum(getattr(case, side)[1] - getattr(case, side)[0] for side in sides)


def _covered(case: Case, others: Iterable[Case], sides: Sequence[str] = SIDES) -> int:
    """Characters of ``case``, on ``sides``, inside any of ``others``."""
    others = list(others)
    return sum(_union_inside(getattr(case, side), [getattr(o, side) for o in others]) for side in sides)


def _union_inside(span: Span, spans: list[Span]) -> int:
    clipped = sorted((max(s[0], span[0]), min(s[1], span[1])) for s in spans)
    total, reach = 0, span[0]
    for start, end in clipped:
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total


def document_measures(judged: Sequence[Judged]) -> dict[str, float | int]:
    reused = [j for j in judged if j.pair.cases]
    clean = [j for j in judged if not j.pair.cases]
    measures: dict[str, float | int] = {"pairs": len(judged), "refused": sum(j.refused for j in judged)}
    if reused:
        measures["detected"] = sum(j.flagged for j in reused) / len(reused)
    if clean:
        measures["false_positives"] = sum(j.flagged for j in clean) / len(clean)
    found = [j for j in reused if j.flagged and j.pair.subset != "summary"]
    if found:
        measures["degree_right"] = sum(j.rewording == _mostly_reused(j) for j in found) / len(found)
    return measures


VERDICTS = (INDEPENDENT, PARTIAL, REWORDING)


def three_way_f1(judged: Sequence[Judged]) -> float:
    """Macro-F1 of the verdict (independent, partial, rewording) against the gold's, the
    summaries left out: no case is independent, a case covering most of a text a rewording."""
    rows = [j for j in judged if j.pair.subset != "summary"]
    gold = [REWORDING if j.pair.cases and _mostly_reused(j) else PARTIAL if j.pair.cases else INDEPENDENT
            for j in rows]
    said = [REWORDING if j.rewording else PARTIAL if j.flagged else INDEPENDENT for j in rows]
    return macro_f1(gold, said, VERDICTS)


def _mostly_reused(judged: Judged) -> bool:
    """Whether the gold passages cover most of one text's characters (the verdict's rewording share)."""
    cases = judged.pair.cases
    covered = (_union_inside((0, judged.lengths[0]), [c.suspicious for c in cases]),
               _union_inside((0, judged.lengths[1]), [c.source for c in cases]))
    return any(n >= DEFAULT_OPTIONS.rewording_share * total for n, total in zip(covered, judged.lengths) if total)


def evaluate_pan(data: Path, options: Options, per_subset: int | None = CI_SAMPLE,
                 judge_all: Callable[[list[PanPair]], list[Judged]] | None = None) -> dict[str, Any]:
    """Document and passage measures per subset and over all pairs.

    ``per_subset`` pairs are drawn from each subset (None: the whole corpus); ``judge_all``
    may judge the pairs in parallel (the benchmark does), by default one after another.
    """
    pairs = sample(pan13_pairs(data), per_subset)
    return measure(judge_all(pairs) if judge_all else [judge(p, options) for p in pairs], per_subset)


def measure(judged: Sequence[Judged], per_subset: int | None) -> dict[str, Any]:
    """The measures of :func:`evaluate_pan` for pairs already judged."""
    results: dict[str, Any] = {"sample_per_subset": per_subset}
    for kind in PAN13_SUBSETS.values():
        rows = [j for j in judged if j.pair.subset == kind]
        results[kind] = {**document_measures(rows), **(_passages(rows) if kind != "none" else {})}
    # Over all pairs, as PAN measures: a detection in a no-plagiarism pair counts against precision.
    results["overall"] = _passages(judged)
    results["evidence"] = evidence_measures(judged)
    results["overall"]["direction"] = direction_measures(
        [(j.direction, j.names_derived) for j in judged if j.pair.cases and j.flagged], A_FROM_B)
    degree = document_measures(judged).get("degree_right")
    if degree is not None:
        results["overall"]["degree_right"] = degree
        results["overall"]["three_way_f1"] = three_way_f1(judged)
    return results


def _passages(judged: Sequence[Judged]) -> dict[str, Any]:
    """The passage measures on both sides, with those of the suspicious side alone."""
    return {**passage_measures(judged), "suspicious_side": passage_measures(judged, ("suspicious",))}
