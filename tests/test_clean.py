import pytest

from paraphrase.clean import reasons
from paraphrase.segment import segments

from .conftest import seed


def set_aside(text):
    spans = segments(text)
    return {text[s:e]: why for (s, e), why in zip(spans, reasons(text, spans))}


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "page furniture"),
        ("Continue Reading", "page furniture"),
        ("Connect with us", "page furniture"),
        ("on", "page furniture"),
        ("You can share this story on social media:", "share prompt"),
        ("As reported by The Jerusalem Post", "source credit"),
        ("Footage posted on", "fragment of an embed"),
        ("(photo credit: screenshot)", "photo credit"),
    ],
)
def test_boilerplate_lines_are_set_aside_with_their_reason(line, reason):
    text = f"{line}\nThe army regained the city in 2016.\nIt held the city until this week."
    found = set_aside(text)
    assert found[line] == reason
    assert found["The army regained the city in 2016."] is None


def test_a_caption_above_a_credit_line_is_a_caption():
    text = "Assad speaks to a journalist, March 2024.\n(photo credit: screenshot)\nThe palace was taken."
    found = set_aside(text)
    assert found["Assad speaks to a journalist, March 2024."] == "photo caption"
    assert found["The palace was taken."] is None


def test_every_sentence_of_an_embedded_post_is_set_aside():
    found = set_aside(seed("003").read_text(encoding="utf-8"))
    tweet = [s for s, why in found.items() if why == "embedded social media post"]
    assert len(tweet) == 3
    assert any(s.startswith("Absolutely wild scenes") for s in tweet)


def test_repeated_sentences_count_once():
    found = set_aside(seed("004").read_text(encoding="utf-8"))
    repeats = [why for why in found.values() if why and why.startswith("repeat of sentence")]
    assert len(repeats) == 2


def test_article_text_is_never_set_aside_in_the_source_seed():
    assert all(why is None for why in set_aside(seed("001").read_text(encoding="utf-8")).values())


@pytest.mark.parametrize("line", [
    "By Saturday, the Syrian General Command acknowledged that the insurgents had entered the city.",
    "By the time police arrived the men had gone.",
    "Reporters were told the copyright case would be heard in March.",
])
def test_sentences_that_open_like_furniture_still_count(line):
    assert set_aside(f"{line}\nThe army regained the city in 2016.")[line] is None
