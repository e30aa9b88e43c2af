"""The seed gold set: hand-labelled alignment and verdicts, guarded by pinned floors.

Raising a floor is a normal commit; lowering one needs a written reason in the commit.
"""

import pytest

from paraphrase.evaluation.seeds import evaluate_seeds

from .conftest import SEEDS

# Measured 1.000 and 1.000 (24 of 24 links): the synonym rewrite inside 000's run of 001's
# sentences counts through the run, and the 001/003 shared passage (beyond the calibrated
# align_max_distance) because each pair keeps two of the other's phrases; 001/003 stays
# independent, since such pairs are not firm. 5 related pairs the gold set does not link
# (same-event sentences sharing details in otherwise independent articles).
LINK_PRECISION_FLOOR = 0.95
LINK_RECALL_FLOOR = 1.0
LINK_RECALL_WITH_RELATED_FLOOR = 0.95


@pytest.fixture(scope="module")
def scores():
    return evaluate_seeds(SEEDS)


def test_alignment_links_meet_the_floors(scores):
    assert scores.precision >= LINK_PRECISION_FLOOR, scores.precision
    assert scores.recall >= LINK_RECALL_FLOOR, scores.recall


def test_gold_links_are_shown_aligned_or_related(scores):
    assert scores.recall_with_related >= LINK_RECALL_WITH_RELATED_FLOOR, scores.recall_with_related


def test_the_passage_003_shares_with_001_is_found_but_not_enough_to_call_them_derived(scores):
    (pair,) = [p for p in scores.pairs if (p.a[:3], p.b[:3]) == ("001", "003")]
    assert pair.gold <= pair.found
    assert pair.verdict == "independent"


def test_every_seed_pair_gets_its_expected_verdict(scores):
    wrong = [(p.a, p.b, p.verdict) for p in scores.pairs if not p.verdict_ok]
    assert wrong == []


def test_000_is_a_rewording_of_001(rewording_pair):
    summary = rewording_pair.summary
    assert (summary.verdict, summary.direction) == ("rewording", "a_from_b")
    # 000 adds a headline and a lede to 001, and drops more of its specifics ("Jabhat al-Nusra") than it adds.
    assert summary.b_reused > summary.a_reused
    assert "000_86711bc330f5b00f leaves out more of 001_c5228a29931e7031's names and numbers" in summary.details
    assert summary.message.startswith("000_86711bc330f5b00f is a rewording of 001_c5228a29931e7031")


def test_rewording_pair_keeps_exact_offsets(rewording_pair):
    for document in (rewording_pair.a, rewording_pair.b):
        for sentence in document.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text
    for pair in rewording_pair.pairs:
        a_span = rewording_pair.a.text[pair.diff[0].a_start:pair.diff[-1].a_end]
        assert a_span.startswith(rewording_pair.a.sentences[pair.a[0]].text)
        assert a_span.endswith(rewording_pair.a.sentences[pair.a[-1]].text)
