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


def test_two_sentences_with_page_furniture_between_them_rewritten_as_one_align_as_a_group():
    # An advertisement (or a caption) set between two sentences on the web page does not
    # part them: the rewrite that joins them aligns with both.
    page = SOURCE.replace("on Saturday to help", "on Saturday.\nAdvertisement\nThey were sent to help")
    joined = SOURCE.replace("\n" + SOURCE.split("\n")[3], "")
    pairs, result = aligned(page, joined)
    assert result.a.sentences[3].set_aside == "page furniture"
    assert ((2, 4), (2,)) in pairs


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


def test_two_copies_of_a_text_are_the_same_text_however_short_or_quoted():
    # (Lines that end without a comma or a function word: a blank line after each cannot
    # change how they are read.)
    for text in ("Rates rose.", "Hello world.", '"We will win," he said.', "Share\nHeadlines\nAleppo"):
        pairs, result = aligned(text, text.replace("\n", "\n\n"))
        assert result.summary.identical, text
        assert result.summary.headline == "A and B are the same text"
    pairs, result = aligned("Rates rose.", "Rates rose. Shares fell.")
    assert pairs == [] and result.summary.verdict == "independent"  # short sentences align only in copies


def test_the_same_short_sentence_on_both_sides_is_related_not_new_on_both():
    pairs, result = aligned("Preamble\n1.\n" + SOURCE, "Preamble\n1.\nPrices rose. Shares fell in Tokyo.")
    assert pairs == [] and result.summary.verdict == "independent"
    assert [(p.a, p.b, p.distance, p.edit_class) for p in result.related] == [((0,), (0,), 0.0, "related")]
    assert 0 in result.unaligned_a and 0 in result.unaligned_b  # shown, not counted on its own
    # Inside a rewording it counts, like any related pair there.
    pairs, result = aligned("Preamble\n" + SOURCE, "Preamble\n" + SOURCE.replace("dozens of", "many"))
    assert ((0,), (0,)) in pairs and result.summary.verdict == "rewording"


def test_unrelated_sentences_are_new_material():
    extra = "The weather in the capital was mild for the season, forecasters said."
    pairs, result = aligned(SOURCE, SOURCE + "\n" + extra)
    assert len(pairs) == 4
    assert result.unaligned_b == [4]
    assert result.unaligned_a == []


# Two sentences on one fact, written apart: distance 0.52, beyond the alignment bound.
RETOLD = (
    "Russia intervened in the conflict in 2015, helping Assad retake much of the country from Jabhat al-Nusra.",
    "Moscow intervened militarily in Syria in 2015, helping the government of Bashar Assad defeat al-Nusra.",
)


def test_a_retold_fact_on_its_own_is_related_not_aligned_nor_counted():
    a_distance = paraphrase.distance(*RETOLD)
    options = paraphrase.DEFAULT_OPTIONS
    assert options.align_max_distance < a_distance <= options.related_max_distance
    result = paraphrase.compare(RETOLD[0], RETOLD[1])
    assert result.pairs == ()
    assert [(p.a, p.b, p.edit_class) for p in result.related] == [((0,), (0,), "related")]
    assert (result.summary.a_reused, result.summary.verdict) == (0.0, "independent")
    assert result.unaligned_a == [0] and result.unaligned_b == [0]  # new material all the same
    assert "Shown, not counted: 1 related" in result.summary.message


def test_an_aligned_sentence_is_never_also_related():
    lines = SOURCE.split("\n")
    result = paraphrase.compare(SOURCE, "\n".join([lines[3], RETOLD[1], *lines[:3]]))
    in_pairs = {j for p in result.pairs for j in p.b}
    assert in_pairs.isdisjoint(j for p in result.related for j in p.b)
    assert {i for p in result.pairs for i in p.a}.isdisjoint(i for p in result.related for i in p.a)


def test_related_bound_at_the_alignment_bound_shows_nothing_related():
    options = paraphrase.DEFAULT_OPTIONS.replace(related_max_distance=paraphrase.DEFAULT_OPTIONS.align_max_distance)
    assert paraphrase.compare(RETOLD[0], RETOLD[1], options=options).related == ()
