from hypothesis import given
from hypothesis import strategies as st

from paraphrase.alphabet import Alphabet
from paraphrase.diff import word_diff
from paraphrase.tokens import tokenize

pieces = st.sampled_from(["the", "army", "Assad’s", "palace", "1,000", "fell", ",", ".", "“", "”", " ", "  ", "-"])
texts = st.lists(pieces, min_size=1, max_size=30).map("".join).filter(lambda t: t.strip())


def diff(a, b):
    a, b = a.strip(), b.strip()
    return a, b, word_diff(tokenize(a), [(0, len(a))], tokenize(b), [(0, len(b))], Alphabet())


@given(texts, texts)
def test_opcodes_tile_both_texts_exactly(a, b):
    a, b, ops = diff(a, b)
    assert "".join(a[op.a_start:op.a_end] for op in ops) == a
    assert "".join(b[op.b_start:op.b_end] for op in ops) == b
    for op in ops:
        assert op.tag in ("equal", "replace", "delete", "insert")
        if op.tag == "equal":  # equal after normalisation: quotes, case
            assert norms(a[op.a_start:op.a_end]) == norms(b[op.b_start:op.b_end])


def norms(text):
    return [t.norm for t in tokenize(text)]


@given(texts, texts)
def test_diff_is_deterministic(a, b):
    assert diff(a, b) == diff(a, b)


def test_words_are_never_split():
    a, b, ops = diff("the militants entered", "the militias entered")
    assert [(op.tag, a[op.a_start:op.a_end], b[op.b_start:op.b_end]) for op in ops] == [
        ("equal", "the ", "the "), ("replace", "militants ", "militias "), ("equal", "entered", "entered"),
    ]


def test_paraphrase_diff_stays_word_by_word_not_one_block():
    a, b, ops = diff(
        "The jihadists were seen exploring dimly lit dining rooms.",
        "The jihadists could be seen wandering through darkened dining rooms.",
    )
    assert [op.tag for op in ops] == ["equal", "replace", "equal", "replace", "equal"]


def test_a_comparisons_diffs_read_later_elsewhere_are_the_same():
    # compare() leaves each pair's diff until it is read: in another thread, or in another
    # process (a pool returns the comparison pickled), it must come out the same.
    import pickle
    from concurrent.futures import ThreadPoolExecutor
    from pathlib import Path

    import paraphrase

    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("00[01]_*.txt"))
    first, second, third = (paraphrase.compare(*seeds) for _ in range(3))
    expected = [(p.diff, p.changed_facts) for p in first.pairs]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(lambda p: (p.diff, p.changed_facts), second.pairs)) == expected
    assert [(p.diff, p.changed_facts) for p in pickle.loads(pickle.dumps(third)).pairs] == expected
    assert len(expected) > 10
