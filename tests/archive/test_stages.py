from datetime import timedelta

import pandas as pd

from paraphrase.archive.clusters import clusters
from hypothesis import given, settings
from hypothesis import strategies as st

from paraphrase import DEFAULT_OPTIONS
from paraphrase.archive.keys import document_frequencies, pair_keys
from paraphrase.archive.stages import pairs_partition
from paraphrase.tokens import content_terms

MIN_DICE = 1.0 - DEFAULT_OPTIONS.align_max_distance / DEFAULT_OPTIONS.content_weight
WORDS = "harbor missile senate rebel budget drought vaccine tariff glacier verdict ferry quarry canal pilot".split()
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=300, deadline=None)
@given(x=sentence, y=sentence, others=st.lists(sentence, max_size=6))
def test_two_sentences_within_the_bound_always_share_a_key(x, y, others):
    tx, ty = content_terms(x), content_terms(y)
    df = document_frequencies([x, y, *others])  # any order of the terms will do, as long as both use it
    within = min(len(tx), len(ty)) >= 3 and 2 * len(tx & ty) / (len(tx) + len(ty)) >= MIN_DICE - 1e-9
    if within:
        assert pair_keys(x, df, MIN_DICE) & pair_keys(y, df, MIN_DICE)


def test_a_reworded_sentence_shares_a_key_and_an_unrelated_one_does_not():
    source = "Russia intervened in the conflict in 2015, helping Assad retake much of the country."
    reworded = "In 2015, Russia intervened in the conflict, helping Assad reclaim much of the country."
    unrelated = "Wheat prices rose sharply in European markets after the harvest report."
    df = document_frequencies([source, reworded, unrelated])
    assert pair_keys(source, df, MIN_DICE) & pair_keys(reworded, df, MIN_DICE)
    assert not pair_keys(source, df, MIN_DICE) & pair_keys(unrelated, df, MIN_DICE)


def test_sentences_of_fewer_than_three_terms_get_no_key():
    assert pair_keys("Police arrested him.", {}, MIN_DICE) == set()


def test_keys_are_stable_across_processes():
    import subprocess
    import sys

    code = ("from paraphrase.archive.keys import pair_keys; "
            "print(sorted(pair_keys('Rebels stormed Aleppo on Thursday morning.', {}, 0.47)))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout for _ in range(2)}
    assert len(runs) == 1 and runs.pop().startswith("[")


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
