"""The Zipf frequencies read from wordfreq's tables are wordfreq's own, without its import."""

import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq

from paraphrase.frequency import WORD_RULE_LANGUAGES, frequency, zipf
from paraphrase.tokens import tokenize

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("0*.txt"))
SPECIAL = ["US", "NATO", "Obama's", "o'neill", "l'homme", "d'alessandro", "it's", "well-known", "x-ray",
           "1964", "2019", "2031", "2087", "2.3", "5.25", "1000", "3,200", "0.5", "7", "34", "90mph", "2024-25",
           "naïve", "Straße", "ΑΘΗΝΑ", "Москва", "北京", "déjà", "'quoted'", "", "--", "qxzvvb", "café",
           "o'hare", "d'archiac", "o'brien's", "qa'ida", "rock'n'roll", "'90s", "3.5km", "350km", "covid19",
           "2nd", "x²", "u.s"]


@pytest.mark.parametrize("code", sorted(WORD_RULE_LANGUAGES))
def test_every_tenth_word_of_the_table_has_wordfreqs_value(code):
    words = list(wordfreq.iter_wordlist(code))[::10] + SPECIAL
    differ = [(w, zipf(w, code), wordfreq.zipf_frequency(w, code)) for w in words
              if zipf(w, code) != wordfreq.zipf_frequency(w, code)]
    assert not differ, differ[:10]


def test_the_seeds_words_have_wordfreqs_value():
    norms = {t.norm for path in SEEDS for t in tokenize(path.read_text(encoding="utf-8")) if t.kind != "punct"}
    assert len(norms) > 500
    assert all(zipf(w, "en") == wordfreq.zipf_frequency(w, "en") for w in norms)


def test_a_language_segmented_by_characters_is_looked_up_as_written():
    assert frequency("的", "zh") == wordfreq.get_frequency_dict("zh")["的"] > 0
    assert frequency("no-such-character", "zh") == 0.0


def test_comparing_english_articles_does_not_import_wordfreq():
    code = ("import sys, paraphrase; from pathlib import Path; r = paraphrase.compare(*map(Path, sys.argv[1:3])); "
            "assert r.summary.verdict == 'rewording'; print('wordfreq' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code, str(SEEDS[0]), str(SEEDS[1])],
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_names_with_an_elision_are_cut_as_wordfreq_cuts_them_without_it():
    # One such name once had wordfreq imported, and its table loaded a second time.
    from paraphrase.frequency import _parts

    assert _parts("o'hare") == ["o", "hare"] and _parts("o'brien's") == ["o'brien's"]
    assert _parts("350km") == ["350km"] and _parts("北京") is None
