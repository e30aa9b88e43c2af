import pytest
from hypothesis import given
from hypothesis import strategies as st

from paraphrase.segment import segments

from .conftest import seed


def sentences(text):
    return [text[s:e] for s, e in segments(text)]


def test_abbreviations_do_not_end_sentences():
    text = "The U.S. Army said Gen. Smith arrived at 5 p.m. on Friday. Mr. Jones left. Dr. Lee stayed."
    assert sentences(text) == [
        "The U.S. Army said Gen. Smith arrived at 5 p.m. on Friday.",
        "Mr. Jones left.",
        "Dr. Lee stayed.",
    ]


def test_a_full_stop_with_no_space_after_it_ends_a_sentence_before_a_capital():
    text = "Java has its own language.It was written in 1995. The U.S.Army left at 9 a.m.Then see www.Guardian.co.uk."
    assert sentences(text) == [
        "Java has its own language.", "It was written in 1995.",
        "The U.S.Army left at 9 a.m.Then see www.Guardian.co.uk.",
    ]


def test_a_lower_case_letter_alone_before_a_full_stop_ends_a_sentence_before_a_capital():
    # A word cut before the stop leaves a letter Punkt reads as an initial; "v." is not one.
    text = "Trains run 365 days a. Most of them are full. Roe v. Wade was decided in 1973."
    assert sentences(text) == ["Trains run 365 days a.", "Most of them are full.", "Roe v. Wade was decided in 1973."]
    german = "Das gilt für alle, d. h. Menschen und Tiere. Es regnet."  # every noun capitalised
    assert [german[s:e] for s, e in segments(german, code="de")] == [
        "Das gilt für alle, d. h. Menschen und Tiere.", "Es regnet."]


@pytest.mark.parametrize("dateline", [
    "LONDON (Reuters) -", "LONDON, Dec 5 (Reuters) -", "WASHINGTON (AP) —", "SAN FRANCISCO, Calif. —",
    "BEIRUT, Lebanon, Dec. 5 (AP) —", "London, Dec. 5 (PA) --", "DETROIT ( AP )--", "BERLIN (dpa) -",
])
def test_an_agency_dateline_is_a_segment_of_its_own(dateline):
    text = f"{dateline} The Bank of England raised rates on Thursday. Its governor spoke."
    assert sentences(text) == [dateline, "The Bank of England raised rates on Thursday.", "Its governor spoke."]


@pytest.mark.parametrize("text", [
    "NATO - the alliance of 32 countries - met on Monday.",  # the story's first word in lower case
    "The council (AP) - no dateline here - met.",  # not where a paragraph opens
    "Amnesty International (AI) - The group said so.",  # a place not in capitals needs an agency
])
def test_a_dash_after_capitals_elsewhere_is_no_dateline(text):
    assert sentences(text)[0].startswith(text.split(" ")[0] + " ")


def test_line_breaks_are_boundaries_and_headlines_are_segments():
    text = "Connect with us\n\nHeadlines\nTerrorists Storm Palace (Video)\nPublished\n\nFirst sentence. Second one."
    assert sentences(text) == [
        "Connect with us", "Headlines", "Terrorists Storm Palace (Video)", "Published",
        "First sentence.", "Second one.",
    ]


def test_lines_broken_at_no_fixed_width_are_joined_where_a_sentence_goes_on_in_lower_case():
    # Wire copy edited after it was wrapped, or text copied from a PDF: the lines have no
    # common width, but a line that starts in lower case continues an unfinished sentence.
    text = ("LIBRARY TO CLOSE\nThe council voted on Monday\nto close the Elm Street library. Officials\n"
            "said repairs would cost\n$2.3 million.\nThe branch opened in 1964.")
    assert [s.replace("\n", " ") for s in sentences(text)] == [
        "LIBRARY TO CLOSE", "The council voted on Monday to close the Elm Street library.",
        "Officials said repairs would cost $2.3 million.", "The branch opened in 1964.",
    ]


def test_a_line_after_a_comma_or_a_function_word_goes_on_whatever_its_case():
    # Pasted copy broken at no fixed width, where a name starts a line.
    text = ("COURT TOLD OF RAID\nThe raid was led by\nDetective Sergeant Ann Lee, who told\n"
            "the court that the men fled to\nLiverpool. Her colleague,\nConstable Ian Bell,\n"
            "stayed behind. The judge told\nBell he had acted bravely.\nWitnesses\nTwo neighbours saw the van.")
    assert [s.replace("\n", " ") for s in sentences(text)] == [
        "COURT TOLD OF RAID",
        "The raid was led by Detective Sergeant Ann Lee, who told the court that the men fled to Liverpool.",
        "Her colleague, Constable Ian Bell, stayed behind.", "The judge told Bell he had acted bravely.",
        "Witnesses", "Two neighbours saw the van.",
    ]


def test_short_wire_paragraphs_do_not_hide_the_wrapping_of_a_longer_one():
    # One-line paragraphs end with their sentences; they say nothing of how the text was
    # broken, and once outnumbered the one wrapped line.
    text = ("LONDON (Reuters) - Rates were held on Thursday.\n\nThe pound rose.\n\nMarkets fell.\n\n"
            "Governor Andrew Bailey said inflation was still too high to cut the\n"
            "cost of borrowing this year.")
    assert [s.replace("\n", " ") for s in sentences(text)][-1] == \
        "Governor Andrew Bailey said inflation was still too high to cut the cost of borrowing this year."


def test_a_full_line_that_leaves_its_sentence_unfinished_goes_on():
    # Text filled to a width by hand or by an editor's fill command (licences, e-mailed
    # releases) ends lines short of it now and then; a line that is full enough and ends
    # mid-sentence still goes on, capital or not, and a short heading stays apart.
    text = ("FREE SOFTWARE\n"
            "The licences for most programs are written to take away the freedom to\n"
            "share and change them.  By contrast, the General Public\n"
            "Licence is meant to guarantee that freedom for every user of the\n"
            "software it covers, whoever sells or gives it away.  This\n"
            "General Public Licence applies to most programs written by the Free\n"
            "Software Foundation and to any other program whose authors use it.")
    assert [" ".join(s.split()) for s in sentences(text)] == [
        "FREE SOFTWARE",
        "The licences for most programs are written to take away the freedom to share and change them.",
        "By contrast, the General Public Licence is meant to guarantee that freedom for every user of the "
        "software it covers, whoever sells or gives it away.",
        "This General Public Licence applies to most programs written by the Free Software Foundation and to any "
        "other program whose authors use it.",
    ]


def test_a_line_opening_with_a_mark_is_a_list_item_not_a_continuation():
    text = ("Creating a business web site: a guide in four parts for the owners of small firms who sell online.\n"
            ": Tells you how to choose the keywords you should optimise your site for. Choosing Keywords\n"
            ": Tells you why you need a domain name of your own to rank highly in searches. Domain Names\n"
            ": Tells you how to name your web site with an eye on the search engines. Naming Your Site")
    assert not [s for s in sentences(text) if "\n:" in s]


def test_a_line_in_lower_case_after_a_finished_sentence_is_its_own_paragraph():
    text = "Prices rose\nin March, the report said.\nfull report\nTax\ncuts are due\nin May."
    assert [s.replace("\n", " ") for s in sentences(text)] == [
        "Prices rose in March, the report said.", "full report", "Tax cuts are due in May.",
    ]


def test_hard_cases_from_the_seeds_stay_whole():
    found = sentences(seed("001").read_text(encoding="utf-8"))
    for fragment in (
        "some 350km to the south.",
        "The Hayat Tahrir-al-Sham (HTS) terrorist group",
        "Islamic State (IS, formerly ISIS), and dozens",
        "“The Syrian army will once again beat these terrorist groups as in the past,” he told",
    ):
        assert sum(fragment in s for s in found) == 1, fragment
    assert len(found) == 16


def test_quoted_sentence_keeps_its_attribution():
    text = "“We will win,” he said. Then he left."
    assert sentences(text) == ["“We will win,” he said.", "Then he left."]


def test_overlong_segment_is_cut_at_white_space():
    text = " ".join(["word"] * 1000)
    spans = segments(text, max_chars=500)
    assert all(e - s <= 500 for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text


@given(st.text(alphabet=st.sampled_from("ab .?!\n\u201c\u201d,U.S"), max_size=300))
def test_spans_slice_the_text_in_order_without_overlap(text):
    spans = segments(text, max_chars=100)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)  # a sentence may hold a line break it was wrapped at
    assert "".join(covered.split()) == "".join(text.split())
