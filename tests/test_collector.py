import gc

import pytest

from paraphrase import compare
from paraphrase.collector import paused


@pytest.fixture(autouse=True)
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_during_a_call_and_enabled_after():
    seen = []

    @paused
    def inner():
        seen.append(gc.isenabled())

    @paused
    def outer():
        inner()
        seen.append(gc.isenabled())

    outer()
    assert seen == [False, False]
    assert gc.isenabled()


def test_an_error_inside_still_enables_the_collector():
    @paused
    def failing():
        raise ValueError("boom")

    with pytest.raises(ValueError):
        failing()
    assert gc.isenabled()


def test_a_collector_disabled_by_the_caller_stays_disabled():
    gc.disable()
    paused(lambda: None)()
    assert not gc.isenabled()


def test_a_comparison_leaves_the_collector_as_it_found_it():
    compare("The council voted to close the library.", "The council voted to shut the library.")
    assert gc.isenabled()
