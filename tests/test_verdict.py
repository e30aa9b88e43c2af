import pytest

import paraphrase
from paraphrase import DEFAULT_OPTIONS
from paraphrase.verdict import Shares, names_derived, summarize


@pytest.mark.parametrize(
    "counted, aligned, firm, specifics, verdict, direction",
    [
        # Each mostly the other's: the one that dropped more of the other's names and numbers is the rewording.
        ((22, 16), (20, 16), 16, (3.0, 14.0), "rewording", "a_from_b"),  # A drops a group's name B gives
        ((16, 22), (16, 20), 16, (14.0, 3.0), "rewording", "b_from_a"),
        ((22, 16), (20, 16), 16, (3.0, 3.5), "rewording", None),  # less than a word's weight apart
        ((22, 16), (20, 16), 16, (0.0, 0.0), "rewording", None),  # the shares alone do not say
        ((5, 20), (5, 8), 0, (0.0, 9.0), "rewording", "a_from_b"),  # A is an excerpt of B, reworded: by the shares
        ((5, 20), (5, 8), 0, (9.0, 0.0), "rewording", "a_from_b"),  # ... whatever the specifics
        ((10, 10), (10, 10), 10, (0.0, 0.0), "rewording", None),  # each is all of the other
        ((20, 20), (3, 3), 0, (0.0, 0.0), "partial", None),  # three pairs with evidence, none firm alone
        ((30, 12), (2, 2), 2, (0.0, 0.0), "partial", None),  # passages shared: the shares do not say
        ((30, 12), (2, 2), 2, (6.0, 0.0), "partial", "b_from_a"),  # B left out A's specifics
        ((12, 30), (2, 2), 2, (6.0, 0.0), "partial", "b_from_a"),  # ... whichever text is shorter
        ((40, 40), (2, 2), 2, (0.0, 0.0), "partial", None),  # two firm pairs are enough
        ((40, 40), (1, 1), 1, (0.0, 0.0), "independent", None),  # one firm pair alone is not
        ((40, 40), (2, 2), 0, (0.0, 0.0), "independent", None),  # nor two pairs of weaker evidence
        ((4, 4), (2, 2), 0, (0.0, 0.0), "rewording", None),  # ... unless they hold most of a text
        ((2, 6), (1, 3), 0, (0.0, 0.0), "independent", None),  # one weak pair never does, one sentence read as three
        ((2, 6), (1, 3), 1, (0.0, 0.0), "rewording", None),  # one firm pair holding most of a text does
        ((20, 20), (0, 0), 0, (0.0, 0.0), "independent", None),
        ((20, 0), (0, 0), 0, (0.0, 0.0), "independent", None),
    ],
)
def test_verdict_and_direction_from_shares(counted, aligned, firm, specifics, verdict, direction):
    pairs = ["paraphrase"] * min(aligned)
    summary = summarize(("A", "B"), Shares(counted, aligned, firm=firm, specifics=specifics), pairs, DEFAULT_OPTIONS)
    assert (summary.verdict, summary.direction) == (verdict, direction)
    assert summary.to_dict()["firm_pairs"] == firm


@pytest.mark.parametrize(
    "counted, aligned, firm, length, verdict",
    [
        ((10, 10), (4, 4), 2, (0.7, 0.3), "rewording"),  # few sentences, but the long ones
        ((10, 10), (6, 6), 2, (0.3, 0.3), "partial"),  # most sentences, but the short ones
        ((40, 40), (1, 1), 0, (0.8, 0.1), "independent"),  # length never makes too little evidence enough
    ],
)
def test_rewording_is_most_of_a_text_by_length(counted, aligned, firm, length, verdict):
    pairs = ["paraphrase"] * min(aligned)
    summary = summarize(("A", "B"), Shares(counted, aligned, firm=firm, text=length), pairs, DEFAULT_OPTIONS)
    assert summary.verdict == verdict
    assert (summary.to_dict()["a_text_reused"], summary.to_dict()["b_text_reused"]) == length


def test_a_text_made_mostly_of_the_others_long_sentences_is_a_rewording():
    from paraphrase import compare

    source = ("The regional council voted on Tuesday evening to close the old hospital on the hill by the "
              "end of next year, after an inspection found the building beyond any reasonable repair. "
              "Patients will be moved in stages to the new clinic near the station, which opened in the "
              "spring and still has two empty wards waiting for staff and equipment. Unions were not "
              "consulted. The vote was close. A petition has four thousand names. Its founder plans a march.")
    derived = ("Hospital on the hill to shut within a year. Local families have mixed feelings about it. "
               "The regional council voted on Tuesday evening to close the old hospital on the hill by the "
               "end of next year, after inspectors found the building beyond any reasonable repair. "
               "Patients will be moved in stages to the new clinic near the station, which opened in the "
               "spring and still has two empty wards. The mayor declined to comment.")
    summary = compare(derived, source).summary
    assert (summary.a_aligned, summary.a_counted, summary.b_aligned, summary.b_counted) == (2, 5, 2, 6)
    assert summary.a_text > 0.7 and summary.b_text > 0.7  # under half of each one's sentences, most of its text
    # Neither leaves out a name or number of the other's: which is the rewording is not said.
    assert summary.verdict == "rewording" and summary.headline == "A and B are rewordings of each other"


def test_the_direction_is_read_the_way_the_details_say():
    # Most of each text by length, under half of each by sentences: the specifics decide,
    # as the details say; most of each by sentences, not by length: the shares decide.
    by_length = summarize(("A", "B"), Shares((10, 10), (4, 3), firm=3, text=(0.7, 0.6), specifics=(0.0, 5.0)),
                          ["paraphrase"] * 3, DEFAULT_OPTIONS)
    assert by_length.direction == "a_from_b" and "A leaves out more of B's names and numbers" in by_length.details
    by_sentences = summarize(("A", "B"), Shares((10, 10), (9, 6), firm=6, text=(0.8, 0.3), specifics=(5.0, 0.0)),
                             ["paraphrase"] * 6, DEFAULT_OPTIONS)
    assert by_sentences.direction == "a_from_b" and "by the shares, A looks drawn from B" in by_sentences.details
    assert "names and numbers" not in by_sentences.details


def test_too_little_evidence_counts_the_firm_pairs_it_had():
    # The shipped thresholds ask two firm pairs: one is shown, and said, as too little.
    options = DEFAULT_OPTIONS
    summary = summarize(("A", "B"), Shares((40, 40), (2, 2), firm=1), ["light edit", "paraphrase"], options)
    assert summary.verdict == "independent"
    assert "2 aligned pairs with too little evidence of reuse (1 firm of the 2 needed: in close wording" in summary.details
    summary = summarize(("A", "B"), Shares((40, 40), (1, 1)), ["paraphrase"], options)
    assert "1 aligned pair with too little evidence of reuse (none firm: in close wording" in summary.details
    # Across languages a pair is firm by its meaning, and the details say so.
    summary = summarize(("A", "B"), Shares((40, 40), (1, 1), firm=1), ["translation"], options)
    assert summary.verdict == "independent"
    assert "(1 firm of the 2 needed: as close in meaning as a translation)" in summary.details


def test_message_names_the_derived_text_and_both_shares():
    shares = Shares((22, 16), (20, 16), specifics=(7.0, 14.2))
    summary = summarize(("000", "001"), shares, ["light edit"] * 16, DEFAULT_OPTIONS)
    assert summary.headline == "000 is a rewording of 001"
    assert summary.details.startswith("91% of 000's text (91% of its sentences, 0% of its informative words) comes "
                                      "from 001; 100% of 001's text (100% of its sentences, 0% of its informative "
                                      "words) reappears in 000; 000 leaves out more of 001's names and numbers "
                                      "than the reverse")
    assert summary.message == f"{summary.headline}. {summary.details}"


def test_identical_texts_are_said_to_be_the_same_text():
    summary = summarize(("a", "b"), Shares((5, 5), (5, 5)), ["identical"] * 5, DEFAULT_OPTIONS)
    assert summary.identical and summary.headline == "a and b are the same text"
    nearly = summarize(("a", "b"), Shares((5, 5), (5, 5)), ["identical"] * 4 + ["light edit"], DEFAULT_OPTIONS)
    assert not nearly.identical and "rewording" in nearly.headline


def test_partial_reuse_names_no_source_in_the_headline_and_reads_the_direction_from_the_specifics():
    # A passage set into a longer text is a larger share of its source: the shares say
    # which text is shorter, not which took from the other.
    summary = summarize(("gpl-2", "gpl-3"), Shares((100, 120), (20, 40)), ["paraphrase"] * 20, DEFAULT_OPTIONS)
    assert summary.verdict == "partial" and summary.headline == "gpl-2 and gpl-3 share passages"
    assert summary.direction is None and "by the shares" not in summary.details
    shares = Shares((100, 120), (20, 40), specifics=(0.0, 8.0))  # gpl-2's sentences leave out gpl-3's specifics
    summary = summarize(("gpl-2", "gpl-3"), shares, ["paraphrase"] * 20, DEFAULT_OPTIONS)
    assert summary.headline == "gpl-2 and gpl-3 share passages" and summary.direction == "a_from_b"
    assert summary.details.startswith("20% of gpl-2's text (20% of its sentences, 0% of its informative words) "
                                      "reappears in gpl-3")
    assert "gpl-2 leaves out more of gpl-3's names and numbers than the reverse" in summary.details


def test_most_of_a_text_inside_a_longer_one_is_said_without_a_direction_in_the_headline():
    # 69% of GPL-2 is in GPL-3, 34% of GPL-3 in GPL-2: GPL-3 grew from GPL-2, which the
    # shares alone cannot tell from GPL-2 cut down from GPL-3.
    shares = Shares((100, 200), (63, 66), text=(0.69, 0.34))
    summary = summarize(("GPL-2", "GPL-3"), shares, ["paraphrase"] * 63, DEFAULT_OPTIONS)
    assert summary.verdict == "rewording" and summary.direction == "a_from_b"
    assert summary.headline == "Most of GPL-2 reappears in GPL-3"
    assert summary.details.startswith("69% of GPL-2's text (63% of its sentences, 0% of its informative words) "
                                      "reappears in GPL-3")
    assert "by the shares, GPL-2 looks drawn from GPL-3, or GPL-3 built up from it" in summary.details
    assert "comes from" not in summary.details
    assert not names_derived(summary, DEFAULT_OPTIONS)


def test_only_a_headline_saying_which_is_the_rewording_names_the_derived_text():
    mutual = summarize(("A", "B"), Shares((10, 12), (10, 10), specifics=(4.0, 0.0)), ["paraphrase"] * 10,
                       DEFAULT_OPTIONS)
    assert mutual.headline == "B is a rewording of A" and names_derived(mutual, DEFAULT_OPTIONS)
    undecided = summarize(("A", "B"), Shares((10, 12), (10, 10)), ["paraphrase"] * 10, DEFAULT_OPTIONS)
    assert undecided.headline == "A and B are rewordings of each other"
    assert not names_derived(undecided, DEFAULT_OPTIONS)
    shared = summarize(("A", "B"), Shares((10, 10), (4, 4), firm=2), ["paraphrase"] * 4, DEFAULT_OPTIONS)
    assert shared.verdict == "partial" and not names_derived(shared, DEFAULT_OPTIONS)


def test_an_independent_verdict_gives_the_share_of_the_text_first_as_the_gauges_do():
    shares = Shares((16, 22), (2, 2), text=(0.18, 0.07))
    summary = summarize(("001", "003"), shares, ["paraphrase"], DEFAULT_OPTIONS)
    assert summary.verdict == "independent"
    assert summary.details.startswith("18% of 001's text (12% of its sentences) and 7% of 003's (9% of its "
                                      "sentences) reappear in the other")


def test_a_text_that_is_all_furniture_is_said_to_have_no_article_text():
    result = paraphrase.compare("Advertisement\nShare on Facebook\n", "The army regained the city in 2016.",
                                names=("page", "story"))
    assert result.summary.verdict == "independent"
    assert result.summary.details == "page has no article text: every sentence is set aside", result.summary.message
