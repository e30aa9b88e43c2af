import pytest

from paraphrase import DEFAULT_OPTIONS
from paraphrase.verdict import Shares, summarize


@pytest.mark.parametrize(
    "counted, aligned, verdict, direction",
    [
        ((22, 16), (20, 16), "rewording", "a_from_b"),  # A adds a lede to all of B
        ((16, 22), (16, 20), "rewording", "b_from_a"),
        ((5, 20), (5, 8), "rewording", "a_from_b"),  # A is an excerpt of B, reworded
        ((10, 10), (10, 10), "rewording", None),  # each is all of the other
        ((20, 20), (3, 3), "partial", None),
        ((30, 12), (2, 2), "partial", "b_from_a"),
        ((40, 40), (1, 1), "partial", None),  # one pair with evidence of reuse is enough
        ((20, 20), (0, 0), "independent", None),
        ((20, 0), (0, 0), "independent", None),
    ],
)
def test_verdict_and_direction_from_shares(counted, aligned, verdict, direction):
    pairs = ["light edit"] * min(aligned)
    summary = summarize(("A", "B"), Shares(counted, aligned), pairs, DEFAULT_OPTIONS)
    assert (summary.verdict, summary.direction) == (verdict, direction)


def test_message_names_the_derived_text_and_both_shares():
    summary = summarize(("000", "001"), Shares((22, 16), (20, 16)), ["light edit"] * 16, DEFAULT_OPTIONS)
    assert summary.message.startswith(
        "000 is a rewording of 001: 100% of 001's sentences reappear in 000, "
        "and 91% of 000's sentences come from 001"
    )
