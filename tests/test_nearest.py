import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import Indel

from paraphrase.alphabet import Alphabet
from paraphrase.nearest import nearest

# Few distinct words, so that equal overlaps (ties) are common.
sentences = st.lists(st.lists(st.sampled_from("army palace city vote court fire rain".split()), max_size=6),
                     max_size=9)


def reference(matrix: np.ndarray, k: int) -> list[list[int]]:
    # One stable sort of each whole row: best first, ties to the earlier, positive only.
    return [[int(c) for c in np.argsort(-row, kind="stable")[:k] if row[c] > 0] for row in matrix]


@settings(max_examples=200, deadline=None)
@given(sentences, sentences, st.integers(1, 5), st.integers(1, 4), st.sampled_from([0.0, 0.3]))
def test_nearest_by_blocks_equals_one_sort_of_the_whole_matrix(a, b, k, block, cutoff):
    alphabet = Alphabet()
    bags_a, bags_b = [alphabet.bag(tuple(s)) for s in a], [alphabet.bag(tuple(s)) for s in b]
    found = nearest(bags_a, bags_b, cutoff, k, block=block)
    matrix = process.cdist(bags_a, bags_b, scorer=Indel.normalized_similarity, score_cutoff=cutoff,
                           dtype=np.float32).reshape(len(a), len(b))
    assert found.rows == reference(matrix, k)
    assert found.columns == reference(matrix.T, k)
