"""Punkt and the Porter stemmer load without NLTK's package initialiser, and leave no trace
in ``sys.modules`` that would change a later ``import nltk``."""

import subprocess
import sys

from paraphrase.nltk_parts import nltk_module

from .conftest import seed

# Run in a new interpreter: the test session may have imported the whole of NLTK already.
PROBE = """
import sys
from pathlib import Path
import paraphrase
from paraphrase.segment import tokenizer
from paraphrase.tokens import stem

result = paraphrase.compare(Path(sys.argv[1]), Path(sys.argv[2]))
print(result.summary.verdict, stem("reporters"))
print(sorted(name for name in sys.modules if name.split(".")[0] == "nltk"))
light = tokenizer()

import nltk  # the whole of it, as a program using the library might
from nltk.tokenize.punkt import PunktSentenceTokenizer
from paraphrase.segment import punkt_parameters

print(callable(nltk.word_tokenize), nltk.tokenize.punkt.PunktSentenceTokenizer is PunktSentenceTokenizer)
full = PunktSentenceTokenizer(punkt_parameters())
texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:]]
print(all(list(light.span_tokenize(text)) == list(full.span_tokenize(text)) for text in texts))
"""


def test_the_engine_runs_without_importing_nltk_whole():
    files = [str(seed(name)) for name in ("000", "001", "002", "003", "004")]
    done = subprocess.run([sys.executable, "-c", PROBE, *files], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    verdict, modules, whole_nltk, same_sentences = done.stdout.splitlines()
    assert verdict == "rewording report"
    assert modules == "[]"  # nothing left behind for a later import to trip on
    assert whole_nltk == "True True"
    assert same_sentences == "True"  # the light Punkt splits as NLTK's own


def test_snowball_stemmers_come_from_nltk_as_imported():
    # They need NLTK's corpus package, so the whole of NLTK is imported for them.
    module = nltk_module("nltk.stem.snowball")
    assert module is sys.modules["nltk.stem.snowball"]
    assert module.SnowballStemmer("german").stem("Häuser") == "haus"
