from datetime import timedelta

import numpy as np
import pandas as pd

from paraphrase.archive.clusters import clusters
from paraphrase.archive.minhash import band_keys, signature
from paraphrase.archive.stages import pairs_partition


def test_signatures_are_stable_and_estimate_jaccard():
    a = {f"w{k}" for k in range(100)}
    b = {f"w{k}" for k in range(50, 150)}  # Jaccard 1/3
    assert np.array_equal(signature(a, 256), signature(set(sorted(a, reverse=True)), 256))
    estimate = float(np.mean(signature(a, 256) == signature(b, 256)))
    assert abs(estimate - 1 / 3) < 0.1


def test_a_reworded_sentence_shares_a_band_key_and_an_unrelated_one_does_not():
    source = "Russia intervened in the conflict in 2015, helping Assad retake much of the country."
    reworded = "In 2015, Russia intervened in the conflict, helping Assad reclaim much of the country."
    unrelated = "Wheat prices rose sharply in European markets after the harvest report."
    assert band_keys(source, 10, 3) & band_keys(reworded, 10, 3)
    assert not band_keys(source, 10, 3) & band_keys(unrelated, 10, 3)


def test_short_sentences_get_no_signature():
    assert band_keys("Police arrested two men.", 10, 3) == set()


def met(*pairs):
    """Rows of two documents that met on one band key: (id, date, role) for x and for y."""
    rows = [{"key": 1, "id_x": x[0], "date_x": x[1], "role_x": x[2], "id_y": y[0], "date_y": y[1], "role_y": y[2]}
            for x, y in pairs]
    return pd.DataFrame(rows).astype({"id_x": "string", "id_y": "string", "date_x": "string", "date_y": "string"})


def test_across_collections_targets_meet_sources():
    t, s1, s2 = ("t1", None, "target"), ("s1", None, "source"), ("s2", None, "source")
    pairs = pairs_partition(met((t, s1), (s1, t), (t, s2), (s1, s2), (t, t)), None, False)
    assert sorted(map(tuple, pairs.values.tolist())) == [("t1", "s1"), ("t1", "s2")]


def test_within_an_archive_the_earlier_document_is_the_source():
    late, early = ("late", "2024-12-01", "target"), ("early", "2024-11-01", "target")
    undated_a, undated_b = ("a", None, "target"), ("b", None, "target")
    pairs = pairs_partition(met((late, early), (early, late), (undated_a, undated_b), (undated_b, undated_a)), None, True)
    assert sorted(map(tuple, pairs.values.tolist())) == [("b", "a"), ("late", "early")]


def test_window_drops_sources_too_old_or_undated():
    new, old, undated = ("new", "2024-12-31", "target"), ("old", "2024-01-01", "target"), ("u", None, "target")
    recent = ("recent", "2024-12-20", "target")
    pairs = pairs_partition(met((new, old), (new, undated), (new, recent)), timedelta(days=30), True)
    assert pairs.values.tolist() == [["new", "recent"]]


def test_clusters_follow_chains_and_name_the_earliest_origin():
    records = [
        {"target": "b", "source": "a", "verdict": "rewording", "target_date": "2024-02-01", "source_date": "2024-01-01"},
        {"target": "c", "source": "b", "verdict": "rewording", "target_date": "2024-03-01", "source_date": "2024-02-01"},
        {"target": "y", "source": "x", "verdict": "partial", "target_date": None, "source_date": None},
    ]
    (group,) = clusters(records)
    assert group["origin"] == "a" and group["members"] == ["a", "b", "c"]
