"""The sentence filter against a deliberately naive oracle: Dice of every sentence pair."""

from hypothesis import given, settings
from hypothesis import strategies as st

from paraphrase import DEFAULT_OPTIONS
from paraphrase.corpus import CorpusIndex, Record
from paraphrase.corpus.search import sentence_key
from paraphrase.tokens import content_terms

# Few words, so that sentences overlap a lot and many pairs sit near the bound.
WORDS = "harbor missile senate rebel budget drought vaccine tariff glacier verdict ferry quarry".split()
MIN_DICE = 1.0 - DEFAULT_OPTIONS.align_max_distance / DEFAULT_OPTIONS.content_weight

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(lambda w: " ".join(w).capitalize() + ".")
document = st.lists(sentence, min_size=1, max_size=4).map("\n".join)


def within_bound(x: set[str], y: set[str]) -> bool:
    return min(len(x), len(y)) >= DEFAULT_OPTIONS.min_content_words and 2 * len(x & y) / (len(x) + len(y)) >= MIN_DICE - 1e-9


def oracle(query: str, corpus: list[str]) -> set[int]:
    """Documents (1-based ids) holding a sentence within the bound of one of the query's."""
    ours = [content_terms(line) for line in query.splitlines()]
    return {k for k, text in enumerate(corpus, 1)
            if any(within_bound(x, content_terms(line)) for line in text.splitlines() for x in ours)}


@settings(max_examples=150, deadline=None)
@given(query=document, corpus=st.lists(document, min_size=1, max_size=12, unique=True), batch=st.integers(1, 4))
def test_the_sentence_filter_finds_exactly_the_documents_within_the_bound(query, corpus, batch):
    with CorpusIndex(":memory:", batch_size=batch) as index:  # small batches: postings get merged
        index.add([Record(f"d{k}", text) for k, text in enumerate(corpus, 1)])
        # No document can hold 2.0 of the article's weight: only sentence evidence ranks.
        found = {c.id for c in index.candidates(query, limit=len(corpus), min_score=2.0)}
    assert found == oracle(query, corpus)


def test_keys_order_by_document_then_sentence():
    keys = [sentence_key(1, 0, 9), sentence_key(1, 1, 3), sentence_key(2, 0, 255), sentence_key(2, 70000, 300)]
    assert keys == sorted(keys)
    assert sentence_key(2, 70000, 300) == sentence_key(2, 0xFFFF, 255)  # capped, never spilling over
