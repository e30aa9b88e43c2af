from dataclasses import replace

import pytest

from paraphrase import DEFAULT_OPTIONS, compare
from paraphrase import document
from paraphrase.document import forget_prepared, prepare

TEXT = "The council voted on Monday to close the library. Officials said repairs would cost more."


@pytest.fixture(autouse=True)
def nothing_kept():
    forget_prepared()
    yield
    forget_prepared()


def test_a_text_prepared_again_is_the_kept_document():
    first = prepare("A", TEXT, DEFAULT_OPTIONS)
    assert prepare("A", TEXT, DEFAULT_OPTIONS) is first
    assert prepare("B", TEXT, DEFAULT_OPTIONS) is not first  # the name is part of the document
    assert prepare("A", TEXT, replace(DEFAULT_OPTIONS, max_segment_chars=500)) is not first
    forget_prepared()
    assert prepare("A", TEXT, DEFAULT_OPTIONS) is not first


def test_kept_documents_hold_at_most_their_budget_of_text(monkeypatch):
    monkeypatch.setattr(document, "KEPT_CHARACTERS", 2 * len(TEXT))
    first = prepare("1", TEXT, DEFAULT_OPTIONS)
    prepare("2", TEXT, DEFAULT_OPTIONS)
    prepare("3", TEXT, DEFAULT_OPTIONS)  # the oldest goes
    assert sum(len(d.text) for d in document._kept.values()) <= 2 * len(TEXT)
    assert prepare("1", TEXT, DEFAULT_OPTIONS) is not first
    long = TEXT * 3
    prepare("long", long, DEFAULT_OPTIONS)  # larger than the budget: never kept
    assert all(d.text != long for d in document._kept.values())


def test_a_comparison_with_kept_documents_is_the_same_comparison():
    rewrite = "On Monday the council voted to shut the library. Repairs would cost more, officials said."
    fresh = compare(TEXT, rewrite).to_dict()
    assert compare(TEXT, rewrite).to_dict() == fresh
