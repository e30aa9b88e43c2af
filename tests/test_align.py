import paraphrase

SOURCE = (
    "Insurgents stormed into Aleppo in a surprise offensive on Thursday.\n"
    "The Syrian General Command acknowledged that the army had lost dozens of service members.\n"
    "Iranian military advisers entered Syria on Saturday to help organise a counteroffensive from Hama.\n"
    "Russia intervened in the conflict in 2015, helping Assad retake much of the country."
)


def aligned(a, b):
    result = paraphrase.compare(a, b)
    return [(p.a, p.b) for p in result.pairs], result


def test_reordered_sentences_align_and_are_marked_moved():
    b = SOURCE.split("\n")
    pairs, result = aligned(SOURCE, "\n".join([b[3], b[0], b[1], b[2]]))
    assert sorted(pairs) == [((0,), (1,)), ((1,), (2,)), ((2,), (3,)), ((3,), (0,))]
    assert [p.moved for p in result.pairs] == [False, False, False, True]


def test_one_sentence_rewritten_as_two_aligns_as_a_group():
    rewritten = SOURCE.replace(
        "Iranian military advisers entered Syria on Saturday to help organise a counteroffensive from Hama.",
        "Iranian military advisers entered Syria on Saturday. They help organise a counteroffensive from Hama.",
    )
    pairs, _ = aligned(SOURCE, rewritten)
    assert ((2,), (2, 3)) in pairs


def test_a_repeated_sentence_is_counted_once():
    lines = SOURCE.split("\n")
    pairs, result = aligned(SOURCE, "\n".join([*lines, lines[1]]))
    assert len(pairs) == 4
    assert result.b.sentences[4].set_aside == "repeat of sentence 1"
    assert result.summary.b_reused == 1.0


def test_short_segments_never_align_on_a_shared_word():
    pairs, result = aligned("on\nHeadlines\nAleppo", SOURCE)
    assert pairs == []
    assert result.summary.verdict == "independent"


def test_unrelated_sentences_are_new_material():
    extra = "The weather in the capital was mild for the season, forecasters said."
    pairs, result = aligned(SOURCE, SOURCE + "\n" + extra)
    assert len(pairs) == 4
    assert result.unaligned_b == [4]
    assert result.unaligned_a == []
