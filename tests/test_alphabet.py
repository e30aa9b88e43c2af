from collections import Counter

import pytest

from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from paraphrase.alphabet import Alphabet

words = st.lists(st.sampled_from(["army", "city", "1000", "Assad", "palace", "took", "us", "US"]), max_size=20)


def naive_dice(a, b):
    """The oracle: twice the multiset intersection over the total size."""
    if not a and not b:
        return 1.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))


@given(words, words)
def test_indel_similarity_of_sorted_bags_is_the_dice_overlap(a, b):
    alphabet = Alphabet()
    assert Indel.normalized_similarity(alphabet.bag(a), alphabet.bag(b)) == pytest.approx(naive_dice(a, b), abs=1e-12)


@given(words)
def test_each_distinct_word_gets_one_code(a):
    alphabet = Alphabet()
    encoded = alphabet.encode(a)
    assert len(encoded) == len(a)
    assert len(set(encoded)) == len(set(a))
    assert alphabet.encode(tuple(a)) == encoded  # memoised form agrees


def test_codes_skip_the_surrogate_range():
    alphabet = Alphabet()
    encoded = alphabet.encode(f"w{k}" for k in range(60_000))
    assert not any(0xD800 <= ord(ch) < 0xE000 for ch in encoded)
    assert len(set(encoded)) == 60_000


def test_threads_adding_words_at_once_never_share_a_code():
    from concurrent.futures import ThreadPoolExecutor

    alphabet = Alphabet()
    batches = [[f"t{thread}w{k}" for k in range(2_000)] for thread in range(8)]
    with ThreadPoolExecutor(8) as pool:
        encoded = list(pool.map(lambda batch: alphabet.encode(tuple(batch)), batches))
    codes = "".join(encoded)
    assert len(set(codes)) == len(codes) == 16_000


def test_the_shared_alphabet_is_renewed_past_its_bounds_and_a_comparison_keeps_its_own(monkeypatch):
    import paraphrase.alphabet as module

    monkeypatch.setattr(module, "MAX_WORDS", 50)
    module.renew_shared()
    first = module.shared()
    before = first.encode(tuple(f"w{k}" for k in range(40)))
    assert module.shared() is first  # within its bounds: kept, with what it encoded
    first.encode(tuple(f"x{k}" for k in range(20)))
    renewed = module.shared()
    assert renewed is not first and renewed.encode(("w0",)) == "\u0100"  # a new alphabet, from its first code
    assert first.encode(tuple(f"w{k}" for k in range(40))) == before  # the old one still reads as it did
    module.renew_shared()
