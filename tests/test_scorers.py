"""The scorer seam (paraphrase/scorers.py) and the semantic scorer behind it.

The semantic scorer's tests need its extra, which the test extra includes: they never skip.
"""

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pytest

from paraphrase import DEFAULT_OPTIONS, Options, OptionsError, compare
from paraphrase import scorers, vectors
from paraphrase.options import SCORER_THRESHOLDS

from .conftest import seed

# Seeds 000/001: a synonym rewrite the words alone only call related (the example).
PALACE_A = "The palace seemed to have been vacant prior to the recording of the video."
PALACE_B = "The palace appeared to have been unoccupied before the video was filmed."
OTHER = "Prices of bread and milk rose sharply across the country last month."


def test_lexical_scorer_is_the_default_and_changes_nothing():
    assert Options.for_scorer("lexical") == DEFAULT_OPTIONS
    assert DEFAULT_OPTIONS.scorer == "lexical" and DEFAULT_OPTIONS.lexical() is DEFAULT_OPTIONS
    lexical = np.array([0.0, 0.3, 0.9])
    assert scorers.scorer_for(DEFAULT_OPTIONS).rescore([(("a",), ("b",))] * 3, lexical, DEFAULT_OPTIONS) is lexical


def test_a_scorer_starts_from_its_calibrated_thresholds():
    semantic = Options.for_scorer("semantic")
    for name, value in SCORER_THRESHOLDS["semantic"].items():
        assert getattr(semantic, name) == value
    # The candidate stages search with the lexical bound whatever the scorer.
    assert semantic.min_content_dice == DEFAULT_OPTIONS.min_content_dice
    assert semantic.lexical().align_max_distance == DEFAULT_OPTIONS.align_max_distance


def test_options_file_names_a_scorer_and_the_command_line_wins(tmp_path):
    path = tmp_path / "options.toml"
    path.write_text('scorer = "semantic"\ncheck_max_share = 0.5\n')
    chosen = Options.from_file(path)
    assert chosen.scorer == "semantic" and chosen.check_max_share == 0.5
    assert chosen.align_max_distance == SCORER_THRESHOLDS["semantic"]["align_max_distance"]
    overridden = Options.from_file(path, scorer="lexical")
    assert overridden == DEFAULT_OPTIONS.replace(check_max_share=0.5)


@pytest.mark.parametrize("value, message", [("neural", "scorer must be one of lexical, semantic"),
                                            (3, "scorer must be one of")])
def test_unknown_scorer_is_an_options_error(tmp_path, value, message):
    path = tmp_path / "options.toml"
    path.write_text(f"scorer = {json.dumps(value)}\n")
    with pytest.raises(OptionsError, match=message):
        Options.from_file(path)


def test_semantic_weight_zero_is_refused():
    with pytest.raises(OptionsError, match="semantic_weight must be above 0"):
        Options.for_scorer("semantic", semantic_weight=0.0)


class _Meaning:
    """A stand-in scorer: every pair it may change comes out at distance 0.1."""

    name, exact, blends = "semantic", False, True

    def rescore(self, pairs, lexical, options):
        return np.where(lexical > 0, 0.1, lexical)

    def lexical_bound(self, bound, options):
        return 1.0


def test_the_engine_takes_its_distances_from_the_scorer(monkeypatch):
    # The seam: the alignment's candidates are re-scored, so a pair the words keep apart aligns.
    lexical = compare(PALACE_A, PALACE_B)
    assert not lexical.pairs and [p.edit_class for p in lexical.related] == ["related"]
    monkeypatch.setitem(scorers.SCORERS, "semantic", _Meaning())
    result = compare(PALACE_A, PALACE_B, options=Options.for_scorer("semantic"))
    assert [(p.a, p.b, p.distance) for p in result.pairs] == [((0,), (0,), 0.1)]
    assert result.scorer == "semantic" and result.to_dict()["scorer"] == "semantic"


def test_a_scorer_not_installed_is_refused_before_any_work(monkeypatch):
    monkeypatch.setattr(scorers, "installed", lambda: ["lexical"])
    with pytest.raises(OptionsError, match=r"pip install 'newsroom-paraphrase\[semantic\]'"):
        scorers.require_installed(Options.for_scorer("semantic"))


# --- The semantic scorer itself (the extra) --------------------------------------------

SEMANTIC = Options.for_scorer("semantic")


def test_semantic_scorer_brings_a_synonym_rewrite_within_the_alignment_bound():
    result = compare(f"{PALACE_A} {OTHER}", PALACE_B, options=SEMANTIC)
    # Aligned, not counted: alone, a pair alike in meaning shows no sign that one was
    # written from the other (evidence.py); in a run of the source's order it counts.
    (pair,) = result.related
    assert (pair.a, pair.b) == ((0,), (0,)) and pair.distance <= SEMANTIC.align_max_distance
    assert compare(PALACE_A, PALACE_B).related[0].distance > DEFAULT_OPTIONS.align_max_distance


def test_semantic_scorer_counts_a_synonym_rewrite_inside_a_rewritten_passage():
    before = ("Rebels entered the northern city of Aleppo on Friday after a surprise offensive.",
              "Rebel fighters entered the northern city of Aleppo on Friday after a surprise attack.")
    after = ("Government troops withdrew from several districts overnight, residents said.",
             "Government troops pulled out of several districts overnight, residents said.")
    a = " ".join((before[0], PALACE_A, after[0]))
    b = " ".join((before[1], PALACE_B, after[1]))
    result = compare(a, b, options=SEMANTIC)
    assert [(p.a, p.b) for p in result.pairs] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert result.summary.verdict == "rewording"


def test_distance_is_the_scorer_s_and_keeps_what_the_engine_would_not_relate_beyond_its_bound():
    from paraphrase import distance

    # Within the lexical related bound the blend decides, as in a comparison.
    assert distance(PALACE_A, PALACE_B, options=SEMANTIC) == compare(PALACE_A, PALACE_B, options=SEMANTIC).related[0].distance
    # Beyond it (few shared words), the engine never relates a pair; the distance stays
    # beyond that bound but orders such pairs by meaning.
    bound = SEMANTIC.lexical().related_max_distance
    near = ("The palace seemed vacant.", "The palace appeared unoccupied.")
    far = ("The palace seemed vacant.", OTHER)
    assert min(distance(*near), distance(*far)) > bound
    assert bound < distance(*near, options=SEMANTIC) < distance(*far, options=SEMANTIC)
    assert compare(*near, options=SEMANTIC).related == ()


def test_semantic_scorer_keeps_identical_sentences_identical():
    result = compare(PALACE_A, PALACE_A, options=SEMANTIC)
    assert result.pairs[0].edit_class == "identical" and result.pairs[0].distance == 0.0


def test_semantic_scorer_reads_the_edit_class_in_words():
    # One word added turns the meaning round (the blend puts the pair far apart), yet the
    # sentence was copied with a word changed: near-verbatim, as the lexical scorer says.
    a = "The council voted on Monday to close the Elm Street library after a long debate."
    b = "The council voted on Monday not to close the Elm Street library after a long debate."
    (lexical,) = compare(a, b).pairs
    (pair,) = compare(a, b, options=SEMANTIC).pairs
    assert pair.distance > 2 * SEMANTIC.near_verbatim_max and pair.word_distance == lexical.distance
    assert pair.edit_class == lexical.edit_class == "near-verbatim"


def test_semantic_scorer_reads_a_disguised_copy_as_the_copy():
    # Look-alike letters and invisible marks: the model sees the words the matching sees.
    disguised = seed("000").read_text(encoding="utf-8").translate(str.maketrans({"a": "\u0430", "e": "\u0435", "o": "\u043e",
                                                                                   "t": "t\u200e"}))
    plain, hidden = (compare(text, seed("001"), options=SEMANTIC).summary for text in (seed("000"), disguised))
    assert (hidden.verdict, hidden.a_reused, hidden.firm) == (plain.verdict, plain.a_reused, plain.firm)
    assert hidden.look_alikes[0] > 300 and plain.look_alikes == (0, 0)


def test_semantic_scorer_embeds_each_sentence_once_per_process():
    scorer = scorers.scorer_for(SEMANTIC)
    first = scorer.embed({PALACE_A, OTHER})
    again = scorer.embed({PALACE_A})
    assert again[PALACE_A] is first[PALACE_A]  # served from the cache, not re-embedded
    assert first[PALACE_A].shape == (384,) and abs(float(np.linalg.norm(first[PALACE_A])) - 1) < 1e-5


def test_a_sentence_s_vector_does_not_depend_on_what_it_is_encoded_with():
    # The cache keeps a vector whichever batch made it, and the batch size is a speed knob
    # (on this project's machine the bits are the same; a kernel chosen by shape may round apart).
    model = scorers.scorer_for(SEMANTIC)._encoder()
    others = [OTHER, PALACE_A + " " + OTHER, "Short.", *(f"Sentence number {n} of a longer batch." for n in range(40))]
    alone = model.encode([PALACE_A])[0]
    for batch in ([PALACE_A, *others[:3]], [*others, PALACE_A]):
        assert np.allclose(model.encode(batch)[batch.index(PALACE_A)], alone, atol=1e-6)


def test_a_model_encodes_on_every_core_in_the_main_process_and_on_one_in_a_worker():
    # A pool already runs one worker per core: more threads per worker would oversubscribe.
    with ProcessPoolExecutor(1) as pool:
        assert pool.submit(vectors.model_threads).result() == 1
    assert vectors.model_threads() == len(os.sched_getaffinity(0))


def test_semantic_scorer_refuses_a_model_it_was_not_calibrated_with(monkeypatch, tmp_path):
    other = tmp_path / "tokenizer.json"
    other.write_text(scorers.TOKENIZER.read_text(encoding="utf-8") + " ", encoding="utf-8")
    monkeypatch.setattr(scorers, "TOKENIZER", other)
    with pytest.raises(OptionsError, match="not the file the semantic scorer was calibrated with"):
        scorers.MiniLM()


@pytest.mark.skipif(not shutil.which("unshare"), reason="needs unshare (util-linux) for a process without network")
def test_semantic_compare_runs_with_the_network_unshared(tmp_path):
    # A network namespace of its own with nothing in it: any download would fail.
    command = [sys.executable, "-m", "paraphrase.cli", "compare", str(seed("000")), str(seed("001")),
               "--scorer", "semantic", "--format", "json"]
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path), "HF_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["unshare", "-rn", *command], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["scorer"] == "semantic" and data["summary"]["verdict"] == "rewording"


def test_cli_says_which_scorer_it_used(tmp_path):
    command = [sys.executable, "-m", "paraphrase.cli", "compare", "-", str(seed("001")), "--scorer", "semantic"]
    done = subprocess.run([*command, "--format", "json"], input=PALACE_B, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["scorer"] == "semantic"
    text = subprocess.run(command, input=PALACE_B, capture_output=True, text=True, timeout=300).stdout
    assert "Scored by the semantic scorer (its own thresholds)." in text.splitlines()[:8]

