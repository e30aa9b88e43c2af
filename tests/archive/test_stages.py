import random
from datetime import timedelta
from itertools import combinations

import numpy as np
import pandas as pd

from paraphrase.archive.clusters import clusters
from hypothesis import given, settings
from hypothesis import strategies as st

from paraphrase import DEFAULT_OPTIONS
from paraphrase.archive.keys import TermCounts, term_counts, most_shared, pair_keys, signature
from paraphrase.archive.stages import KEY_COLUMNS, Keying, pairs_partition
from paraphrase.tokens import content_terms

MIN_DICE = 1.0 - DEFAULT_OPTIONS.align_max_distance / DEFAULT_OPTIONS.content_weight
WORDS = "harbor missile senate rebel budget drought vaccine tariff glacier verdict ferry quarry canal pilot".split()
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda w: " ".join(w).capitalize() + ".")


@settings(max_examples=300, deadline=None)
@given(x=sentence, y=sentence, others=st.lists(sentence, max_size=6))
def test_two_sentences_within_the_bound_always_share_a_key(x, y, others):
    tx, ty = content_terms(x), content_terms(y)
    df = term_counts([x, y, *others])  # any order of the terms will do, as long as both use it
    within = min(len(tx), len(ty)) >= 3 and 2 * len(tx & ty) / (len(tx) + len(ty)) >= MIN_DICE - 1e-9
    if within:
        assert pair_keys(x, df, MIN_DICE) & pair_keys(y, df, MIN_DICE)


def test_a_reworded_sentence_shares_a_key_and_an_unrelated_one_does_not():
    source = "Russia intervened in the conflict in 2015, helping Assad retake much of the country."
    reworded = "In 2015, Russia intervened in the conflict, helping Assad reclaim much of the country."
    unrelated = "Wheat prices rose sharply in European markets after the harvest report."
    df = term_counts([source, reworded, unrelated])
    assert pair_keys(source, df, MIN_DICE) & pair_keys(reworded, df, MIN_DICE)
    assert not pair_keys(source, df, MIN_DICE) & pair_keys(unrelated, df, MIN_DICE)


def test_sentences_of_fewer_than_three_terms_get_no_key():
    assert pair_keys("Police arrested him.", TermCounts({}, 0), MIN_DICE) == set()


def test_keys_are_stable_across_processes():
    import subprocess
    import sys

    code = ("from paraphrase.archive.keys import TermCounts, pair_keys; "
            "print(sorted(pair_keys('Rebels stormed Aleppo on Thursday morning.', TermCounts({}, 0), 0.47)))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout for _ in range(2)}
    assert len(runs) == 1 and runs.pop().startswith("[")


def rows(*sentences, role="target"):
    """Key rows as keys_partition writes them, from (key, id, date, terms)."""
    records = []
    for key, name, date, terms in sentences:
        day = None if date is None else (pd.Timestamp(date) - pd.Timestamp(0)).days
        sign = signature(set(terms.split()))
        records.append((key, name, day, role == "source", sign.size, *sign.words))
    return pd.DataFrame.from_records(records, columns=list(KEY_COLUMNS)).astype(KEY_COLUMNS)


def found(met, window=None, self_join=True, max_bucket=200):
    window = None if window is None else timedelta(days=window)
    return sorted(map(tuple, pairs_partition(met, window, self_join, Keying(MIN_DICE, max_bucket)).values.tolist()))


SAME = "aleppo assad retak russia"


def test_across_collections_targets_meet_sources():
    met = pd.concat([rows((1, "t1", None, SAME)), rows((1, "s1", None, SAME), (1, "s2", None, SAME), role="source")])
    assert found(met, self_join=False) == [("t1", "s1"), ("t1", "s2")]


def test_within_an_archive_the_earlier_document_is_the_source():
    met = rows((1, "late", "2024-12-01", SAME), (1, "early", "2024-11-01", SAME), (2, "a", None, SAME),
               (2, "b", None, SAME), (3, "c", "2024-11-01", SAME), (3, "early", "2024-11-01", SAME))
    assert found(met) == [("b", "a"), ("early", "c"), ("late", "early")]


def test_window_drops_sources_too_old_or_undated():
    met = rows(*[(1, name, date, SAME) for name, date in
                 [("new", "2024-12-31"), ("old", "2024-01-01"), ("u", None), ("recent", "2024-12-20")]])
    assert found(met, window=30) == [("new", "recent")]
    newer_source = pd.concat([rows((1, "t", "2024-12-01", SAME)), rows((1, "s", "2024-12-02", SAME), role="source")])
    assert found(newer_source, window=30, self_join=False) == []


def test_pairs_partition_keeps_documents_whose_sentences_met_within_the_bound():
    far = "aleppo wheat harvest price"  # Dice 1/4 with SAME
    met = rows((7, "b", None, SAME), (7, "a", None, SAME), (7, "c", None, far), (9, "d", None, SAME))  # 9: no bucket
    assert found(met) == [("b", "a")]


def test_pairs_partition_skips_buckets_of_too_many_documents():
    met = rows(*[(7, f"doc-{n}", None, SAME) for n in range(4)])
    assert len(found(met, max_bucket=4)) == 6 and found(met, max_bucket=3) == []


terms = st.sets(st.sampled_from(WORDS), min_size=3, max_size=10).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.sampled_from([None, "2024-01-01", "2024-01-20"]),
                          terms), max_size=25), st.sampled_from([None, 10]))
def test_pairs_partition_keeps_every_pair_a_naive_walk_keeps(sentences, window):
    """Oracle: every two rows of a key, the rules written out, the signatures' bound on shared
    terms; and every pair within the bound by the exact terms is among them."""
    sentences = [(key, f"doc-{doc}", date, text) for key, doc, date, text in sentences]
    bounded, exact = set(), set()
    for (kx, x, dx, tx), (ky, y, dy, ty) in combinations(sentences, 2):
        if kx != ky or x == y:
            continue
        later = (dx > dy) if dx and dy and dx != dy else (x > y)
        (target, t_date), (source, s_date) = ((x, dx), (y, dy)) if later else ((y, dy), (x, dx))
        if window and not (t_date and s_date and 0 <= (pd.Timestamp(t_date) - pd.Timestamp(s_date)).days <= window):
            continue
        a, b = set(tx.split()), set(ty.split())
        if 2 * shared_bound(a, b) >= MIN_DICE * (len(a) + len(b)):
            bounded.add((target, source))
        if 2 * len(a & b) >= MIN_DICE * (len(a) + len(b)):
            exact.add((target, source))
    kept = set(found(rows(*sentences), window))
    assert kept == bounded and exact <= kept


def shared_bound(a, b):
    sa, sb = signature(a), signature(b)
    words = np.array([sa.words], np.uint64), np.array([sb.words], np.uint64)
    return int(most_shared(words[0], np.array([sa.size]), words[1], np.array([sb.size]))[0])


def test_signatures_never_count_fewer_shared_terms_than_there_are():
    vocabulary = [f"term{n}" for n in range(2000)]  # enough to collide within 256 bits
    rng = random.Random(1)
    for _ in range(500):
        a, b = set(rng.sample(vocabulary, rng.randint(3, 40))), set(rng.sample(vocabulary, rng.randint(3, 40)))
        b |= set(rng.sample(sorted(a), rng.randint(0, len(a))))
        assert shared_bound(a, b) >= len(a & b)


def test_common_pairs_make_no_key_only_when_asked():
    text = "Percent year state new report rose."
    counts = TermCounts(dict.fromkeys(content_terms(text), 500), sentences=1000)  # each pair: 250 expected
    assert pair_keys(text, counts, MIN_DICE)
    assert not pair_keys(text, counts, MIN_DICE, max_together=200)
    assert pair_keys(text, counts, MIN_DICE, max_together=250)


def test_clusters_follow_chains_and_name_the_earliest_origin():
    records = [
        {"target": "b", "source": "a", "verdict": "rewording", "target_date": "2024-02-01", "source_date": "2024-01-01"},
        {"target": "c", "source": "b", "verdict": "rewording", "target_date": "2024-03-01", "source_date": "2024-02-01"},
        {"target": "y", "source": "x", "verdict": "partial", "target_date": None, "source_date": None},
    ]
    (group,) = clusters(records)
    assert group["origin"] == "a" and group["members"] == ["a", "b", "c"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=40).map(sorted), st.integers(1, 50))
def test_bucket_pairs_are_every_two_rows_of_a_key_whatever_the_block(keys, block):
    from paraphrase.archive.stages import _bucket_pairs

    got = [(int(i), int(j)) for left, right in _bucket_pairs(pd.Series(keys, dtype="int64"), block)
           for i, j in zip(left, right)]
    assert sorted(got) == [(i, j) for i, j in combinations(range(len(keys)), 2) if keys[i] == keys[j]]


def test_a_pair_with_too_little_evidence_is_no_record():
    from types import SimpleNamespace

    from paraphrase.archive.stages import align_pair
    from paraphrase.document import prepare

    from ..test_evidence import RATES_A, RATES_B

    row = SimpleNamespace(target="b", source="a", target_date=None, source_date=None)
    source = prepare("a", RATES_A, DEFAULT_OPTIONS)
    # One fact restated in other words: compare aligns it, and calls the two independent.
    assert align_pair(prepare("b", RATES_B, DEFAULT_OPTIONS), source, row, DEFAULT_OPTIONS) is None
    copied = RATES_B.replace("Shops reported weak sales in the run-up to Christmas.",
                             "Mortgage holders will have to wait a little longer for relief.")
    copied = copied.replace("Some analysts warned that the economy could slip into recession.",
                            "Economists now expect the first rate cut in the summer.")  # two firm pairs
    assert align_pair(prepare("b", copied, DEFAULT_OPTIONS), source, row, DEFAULT_OPTIONS)["verdict"] == "rewording"
