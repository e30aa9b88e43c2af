import pytest

from paraphrase.tokens import features, normalize, tokenize


def test_normalisation_is_for_matching_only_and_keeps_offsets():
    text = "Assad’s “forces” — 1,000 fighters"
    for token in tokenize(text):
        assert text[token.start:token.end]  # every span slices the original
    assert [t.norm for t in tokenize(text)] == ["assad's", '"', "forces", '"', "-", "1000", "fighters"]
    assert normalize("ＡＢＣ “Quoted”") == 'abc "quoted"'


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u2060", "\ufeff", "\u200e", "\u202e", "\u2066", "\ufe0f",
                                       "\U000e0041"],
                         ids=["soft hyphen", "zero-width space", "word joiner", "zero-width no-break space",
                              "left-to-right mark", "right-to-left override", "left-to-right isolate",
                              "variation selector", "tag"])
def test_an_invisible_break_inside_a_word_leaves_one_word(invisible):
    text = f"Die Bundes{invisible}regierung hat die Maß{invisible}nahmen beschlossen {invisible}."
    tokens = tokenize(text)
    assert [t.norm for t in tokens] == ["die", "bundesregierung", "hat", "die", "massnahmen", "beschlossen", "."]  # casefolded
    assert text[tokens[1].start:tokens[1].end] == f"Bundes{invisible}regierung"  # the span is the word as written


def test_web_copy_hyphenated_with_soft_hyphens_is_the_same_text_as_without():
    import paraphrase

    hyphenated = ("Die Bundes\u00adregierung hat am Montag die Verlängerung der Maß\u00adnahmen beschlossen. "
                  "Der Kanzler sprach von einer schwierigen Ent\u00adscheidung.")
    result = paraphrase.compare(hyphenated, hyphenated.replace("\u00ad", ""))
    assert [p.edit_class for p in result.pairs] == ["identical", "identical"]


def test_a_copy_strewn_with_invisible_characters_inside_its_words_is_the_copy():
    import paraphrase

    wire = "The council voted on Monday to close the Elm Street library after officials said repairs would cost too much."
    strewn = " ".join(word[:2] + "\u200e" + word[2:] if len(word) > 3 else word for word in wire.split())
    assert [p.edit_class for p in paraphrase.compare(wire, strewn).pairs] == ["identical"]


def test_words_hyphenated_at_line_ends_read_as_the_words_and_compounds_keep_their_hyphen():
    import paraphrase

    flowing = "The council will reconstruct the well-known library building after repairs were costed on Monday."
    wrapped = "The council will recon-\nstruct the well-\nknown library build-\ning after repairs were costed on Monday."
    result = paraphrase.compare(flowing, wrapped)
    assert [p.edit_class for p in result.pairs] == ["identical"]
    assert result.b.sentences[0].text == wrapped  # shown as written
    words = result.b.sentences[0].features.words
    assert {"reconstruct", "building", "well", "known"} <= set(words) and "wellknown" not in words


def test_a_word_mixing_latin_and_look_alike_letters_reads_as_latin_and_another_scripts_word_stays():
    # Cyrillic "а" and "о", Greek "ν": the eye reads "vote" and "Moscow"; Russian "рот" stays Russian.
    tokens = tokenize("The cоuncіl νоted in Mоscоw. рот")
    assert [t.norm for t in tokens] == ["the", "council", "voted", "in", "moscow", ".", "рот"]


def test_greek_letters_of_scientific_notation_are_not_look_alikes():
    import paraphrase

    text = "The drug blocks NF-κB and TNFα in mice, the study found."
    assert paraphrase.compare(text, text.replace("mice", "rats")).summary.look_alikes == (0, 0)
    assert "κb" in [t.norm for t in tokenize(text)]  # read as written, not as "kb"
    assert paraphrase.compare(text, text.replace("drug", "drυg")).summary.look_alikes == (0, 1)  # a disguise


def test_a_copy_disguised_with_look_alike_letters_is_found_and_told():
    import paraphrase

    wire = ("The council voted on Monday to close the Elm Street library after officials said repairs "
            "would cost $2.3 million. The branch opened in 1964 and lent books to ten thousand readers.")
    disguised = wire.replace("o", "о").replace("e", "е").replace("C", "С")
    result = paraphrase.compare(wire, disguised, names=("wire", "story"))
    assert [p.edit_class for p in result.pairs] == ["identical", "identical"]
    assert result.summary.look_alikes == (0, 23)  # every word holding an "o", an "e" or a "C"
    assert "story writes 23 words with letters of another script that look like Latin ones" in result.summary.details
    assert "another script" not in paraphrase.compare(wire, wire).summary.details


@pytest.mark.parametrize(
    "text, numbers",
    [("1,000 fighters", ["1000"]), ("350km", ["350"]), ("2.5 million", ["2.5"]), ("in 2016 and", ["2016"])],
)
def test_numbers_are_compared_without_separators(text, numbers):
    assert [f.key for f in features(text).facts if f.kind == "number"] == numbers


def test_number_fact_is_shown_with_what_it_counts():
    (fact,) = [f for f in features("losses at around 1,000 fighters.").facts if f.kind == "number"]
    assert fact.text == "1,000 fighters"


def test_acronym_spelling_a_function_word_is_content():
    assert "US" in features("backed by the US and Türkiye").content
    assert "us" not in features("he told us nothing").content


def test_names_mid_sentence_and_known_names_at_the_start():
    names = [f.text for f in features("Video footage showed Bashar Assad in Aleppo.").facts if f.kind == "name"]
    assert names == ["Bashar", "Assad", "Aleppo"]  # "Video" starts the sentence and is a common word
    assert [f.text for f in features("Russia intervened.").facts] == ["Russia"]


def test_a_first_name_opening_a_sentence_is_part_of_the_name():
    # Punkt's text shows "mark" and "grace" in lower case; before a name they are its first word.
    names = [f.text for f in features("Mark Holden, 41, admitted the charge.").facts if f.kind == "name"]
    assert names == ["Mark", "Holden"]
    assert [f.text for f in features("Grace Smith said so.").facts if f.kind == "name"] == ["Grace", "Smith"]
    assert [f.text for f in features("Shares in Apple fell.").facts if f.kind == "name"] == ["Apple"]


@pytest.mark.parametrize("sentence, code", [
    ("Firstly, the council voted.", "en"), ("Happily, nobody was hurt.", "en"),
    ("Finalement, le conseil a voté.", "fr"), ("Finalmente, el consejo votó.", "es"),
])
def test_an_adverb_opening_a_sentence_is_not_a_name(sentence, code):
    # Punkt's training text never showed "firstly" in lower case, but it showed "first".
    assert [f.text for f in features(sentence, code=code).facts] == []


def test_a_name_that_looks_like_an_adverb_stays_a_name():
    assert [f.text for f in features("Kelly, 34, was charged.").facts if f.kind == "name"] == ["Kelly"]
    assert [f.text for f in features("Clément a voté.", code="fr").facts] == ["Clément"]


def test_content_words_are_stemmed_and_skip_function_words():
    assert features("The militants were attacking the cities").content == ("milit", "attack", "citi")


def test_features_hash_once_and_never_carry_a_hash_to_another_process(tmp_path):
    # A string's hash differs between processes: a pickled sentence (a pool's result) must
    # be hashed again where it lands, or the caches keyed on it would miss or mix.
    import os
    import pickle
    import subprocess
    import sys

    f = features("Mark Holden was jailed for six years on Monday.")
    assert hash(f) == hash(f) and "_hash" not in pickle.loads(pickle.dumps(f)).__dict__
    (tmp_path / "f.pickle").write_bytes(pickle.dumps(f))
    check = ("import pickle, sys; f = pickle.load(open(sys.argv[1], 'rb')); "
             "print(hash(f) == hash((f.tokens, f.words, f.stems, f.facts, f.quoted, f.language)))")
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", check, str(tmp_path / "f.pickle")], capture_output=True,
                             text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        assert run.stdout.strip() == "True"
