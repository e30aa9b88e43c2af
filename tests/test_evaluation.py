"""The metrics under the quality gate, checked on cases worked by hand."""

import pytest

from paraphrase.evaluation.calibrate import VerdictFit, fewest_false_derived_near_best
from paraphrase.evaluation.clough import Scored, degree
from paraphrase.evaluation.metrics import (accuracy, best_threshold, class_accuracies, confusion, direction_measures,
                                           f1, folds, macro_f1, spearman)


def test_accuracy_f1_and_macro_f1():
    gold = ["a", "a", "b", "b"]
    predicted = ["a", "b", "b", "b"]
    assert accuracy(gold, predicted) == 0.75
    assert f1(gold, predicted, "a") == pytest.approx(2 / 3)  # precision 1, recall 1/2
    assert f1(gold, predicted, "b") == pytest.approx(0.8)  # precision 2/3, recall 1
    assert macro_f1(gold, predicted, ["a", "b"]) == pytest.approx((2 / 3 + 0.8) / 2)
    assert confusion(gold, predicted, ["a", "b"]) == {"a": {"a": 1, "b": 1}, "b": {"a": 0, "b": 2}}


def test_spearman_handles_ties_with_average_ranks():
    assert spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [30, 20, 10]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(0.8660, abs=1e-4)


@pytest.mark.parametrize(
    "scores, gold, measure, cut",
    [
        ([0.1, 0.2, 0.8, 0.9], [True, True, False, False], "accuracy", 0.5),
        ([0.1, 0.2, 0.3], [False, False, False], "accuracy", 0.1 - 1e-9),  # predict none
        ([0.1, 0.1, 0.9], [True, False, True], "f1", 0.9),  # all positive maximises F1
    ],
)
def test_best_threshold_cuts_between_distinct_scores(scores, gold, measure, cut):
    assert best_threshold(scores, gold, measure) == pytest.approx(cut)


def test_folds_partition_the_indexes_reproducibly():
    parts = folds(23, 5)
    assert sorted(i for part in parts for i in part) == list(range(23))
    assert all(len(p) in (4, 5) for p in parts)
    assert [list(p) for p in parts] == [list(p) for p in folds(23, 5)]


@pytest.mark.parametrize("median, order, label", [
    (None, None, "non"), (0.0, 0.9, "cut"), (0.05, 0.9, "cut"),  # cut: the distance, whatever the order
    (0.3, 0.1, "light"), (0.06, 0.1001, "heavy"),  # beyond it: the words kept in order
])
def test_degree_reads_the_edit_class_bounds_in_words(median, order, label):
    # The scorer's own distance (here far beyond every bound) is not what a class reads.
    scored = Scored(answer=None, reused=1.0, source_reused=1.0, pairs=3, median_distance=0.9, median_order=order,
                    median_words=median)
    assert degree(scored, 0.05, 0.1) == label


def test_passage_measures_count_both_sides_or_the_suspicious_side_alone():
    from pathlib import Path

    from paraphrase.evaluation.corpora import Case, PanPair
    from paraphrase.evaluation.pan import Judged, passage_measures

    # A summary: 100 suspicious characters from 400 of the source. The detection covers
    # all of the summary and the first 100 characters of the source passage.
    pair = PanPair("summary", Path("s"), Path("r"), (Case((0, 100), (1000, 1400)),))
    judged = [Judged(pair, (Case((0, 100), (1000, 1100)),), True)]
    both = passage_measures(judged)
    assert both["recall"] == pytest.approx(200 / 500) and both["precision"] == 1.0
    suspicious = passage_measures(judged, ("suspicious",))
    assert suspicious["recall"] == 1.0 and suspicious["plagdet"] == 1.0


def test_each_evidence_kind_is_scored_by_its_pairs_share_inside_the_gold():
    from pathlib import Path

    from paraphrase.evaluation.corpora import Case, PanPair
    from paraphrase.evaluation.pan import Judged, _inside_gold, evidence_measures

    gold = (Case((0, 100), (0, 100)),)
    assert _inside_gold(Case((50, 150), (50, 150)), gold) == 0.5  # half of each side
    assert _inside_gold(Case((50, 150), (500, 600)), gold) == 0.0  # the source side elsewhere: no overlap
    pair = PanPair("random", Path("s"), Path("r"), gold)
    rows = [Judged(pair, (), True, evidence=(("close wording", True, 1.0), ("source order", False, 0.5))),
            Judged(pair, (), True, evidence=(("close wording", True, 0.5),)),
            Judged(PanPair("none", Path("s"), Path("r"), ()), (), True, evidence=(("source order", False, 0.0),))]
    measures = evidence_measures(rows)
    assert list(measures) == ["close wording", "source order"]  # in the table's order
    assert measures["close wording"] == {"pairs": 2, "firm": 2, "precision": 0.75}
    assert measures["source order"] == {"pairs": 2, "firm": 0, "precision": 0.25}


def test_the_degree_is_right_when_rewording_means_gold_covering_most_of_a_text():
    from pathlib import Path

    from paraphrase.evaluation.corpora import Case, PanPair
    from paraphrase.evaluation.pan import Judged, document_measures, three_way_f1

    def judged(subset, cases, flagged, rewording, lengths=(1000, 1000)):
        return Judged(PanPair(subset, Path("s"), Path("r"), cases), (), flagged, rewording=rewording, lengths=lengths)

    most_of_source = (Case((0, 100), (0, 300)), Case((500, 600), (400, 700)))  # 600 of the source's 1,000
    a_little = (Case((0, 100), (0, 100)),)
    rows = [judged("verbatim", most_of_source, True, True),  # right
            judged("verbatim", a_little, True, False),  # right
            judged("random", a_little, True, True),  # wrong: a rewording of 10%
            judged("random", a_little, False, False),  # not found: no degree
            judged("summary", most_of_source, True, False),  # summaries are not measured
            judged("none", (), False, False)]
    assert document_measures(rows)["degree_right"] == pytest.approx(2 / 3)
    # gold: rewording, partial, partial, partial, (summary left out), independent;
    # said: rewording, partial, rewording, independent, independent.
    f1 = {"rewording": 2 / 3, "partial": 2 * 1 / (2 * 1 + 0 + 2), "independent": 2 * 1 / (2 * 1 + 1 + 0)}
    assert three_way_f1(rows) == pytest.approx(sum(f1.values()) / 3)


def _fit(point, shares, false_derived, n=100):
    return VerdictFit(point, tuple((share, n) for share in shares), false_derived)


def test_the_verdict_fit_takes_the_fewest_false_derived_within_one_standard_error_of_the_best():
    best = _fit((0.35, 3, 1), (0.95, 0.95, 0.95, 0.95), false_derived=30)
    close = _fit((0.45, 3, 2), (0.95, 0.99, 0.90, 0.95), false_derived=5)  # 0.0025 less accurate
    far = _fit((0.5, 1000, 1000), (0.70, 1.0, 0.70, 1.0), false_derived=0)
    assert 0.0025 < best.standard_error < 0.15
    assert fewest_false_derived_near_best([best, close, far]) is close
    # With a thousand times the texts, the standard error shrinks below the gap: the best stands.
    many = [_fit(f.point, [share for share, _ in f.right], f.false_derived, n=100_000) for f in (best, close, far)]
    assert fewest_false_derived_near_best(many).point == best.point


def test_class_accuracies_give_each_class_its_share_right_and_its_size():
    assert class_accuracies([True, True, False, False, False], [True, False, False, False, True]) == \
        ((0.5, 2), (2 / 3, 3))
    assert class_accuracies([False, False], [False, True]) == ((1.0, 1), (0.5, 2))  # no positives: all right


def test_direction_measures_share_out_right_wrong_and_unsaid_and_the_headlines_apart():
    said = [("a_from_b", True), ("b_from_a", True), ("b_from_a", False), (None, False)]
    assert direction_measures(said, "a_from_b") == {"called_derived": 4, "right": 0.25, "wrong": 0.5, "unsaid": 0.25,
                                                    "headline_names": 2, "headline_right": 0.5}
    assert direction_measures([], "a_from_b")["right"] is None
