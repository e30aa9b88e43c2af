"""How common a word is in general use of a language: ``wordfreq``'s Zipf frequency, read
from the tables wordfreq ships, without importing wordfreq for the words it need not cut.

Importing wordfreq loads the tokenizers it uses to cut a text into words (langcodes, ftfy,
regex): about 0.09 s, a sixth of a cold ``paraphrase compare``. The engine asks about
words it has already cut. A word of letters and digits (apostrophes inside, as in "obama's"),
a hyphenated run of such words, or a number, is what wordfreq would cut it into, so its
frequency is worked out here from the table as wordfreq works it out: a band of the
table per word, numbers' digits folded to 0 and weighed by wordfreq's estimate of how
often such a number is written, several words combined as ``1/f = 1/f1 + 1/f2``, rounded
to three significant figures. Anything else (other scripts, symbols, Chinese, a
language without a table) is asked of wordfreq itself. ``tests/test_frequency.py`` checks
that both give the same value on the words of each table, on numbers and on the seeds.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import msgpack  # wordfreq's own dependency: its tables are msgpack

# The languages whose words wordfreq cuts with its Unicode word rules (NFC, case-folded):
# for these, a word of letters is one word to it. Chinese and Japanese it segments.
WORD_RULE_LANGUAGES = frozenset({"en", "de", "fr", "es", "ru"})
# One word to wordfreq (the Unicode word rules): letters and digits, with an apostrophe
# between two letters or a point or comma between two digits.
_ONE_WORD = re.compile(r"(?:[^\W_]|(?<=[^\W\d_])'(?=[^\W\d_])|(?<=[0-9])[.,](?=[0-9]))+")
_DIGITS_RUN = re.compile(r"[0-9][0-9.,]+")  # wordfreq folds such a run's digits to 0
_PURE_DIGITS = re.compile(r"[0-9]+")
# wordfreq's estimate of how often a number is written (wordfreq/numbers.py, Apache-2.0):
# Benford's law on its first digit, and for four digits, how near it is to a recent year.
_FIRST_DIGIT = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)
_YEAR_LOG_PEAK, _NOT_YEAR, _REFERENCE_YEAR, _PLATEAU = -1.9185, 0.1, 2019, 20
# At most two letters before an apostrophe and a vowel are an elision to wordfreq
# ("l'homme", "d'alessandro", "o'hare"): a word of their own.
_ELISION = re.compile(r"([^\W_]{1,2})'(?=[AEHIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÅÏÖŒaehiouyáéíóúàèìòùâêîôûåïöœ])")
_UNSEEN = 1e-9  # wordfreq's floor for zipf_frequency: Zipf 0


def zipf(word: str, code: str) -> float:
    """``wordfreq.zipf_frequency(word, code)``: log10 of the word's frequency per billion
    words in the language ``code``, 0 for a word the table does not hold.

    >>> zipf("the", "en") > zipf("court", "en") > zipf("asbestos", "en") > zipf("qxzv", "en")
    True
    """
    parts = _parts(word) if code in WORD_RULE_LANGUAGES else None
    if parts is None:
        from wordfreq import zipf_frequency  # its tokenizers, for what ours does not cut alike

        return zipf_frequency(word, code)
    bands = _bands(code)
    one_over = 0.0
    for part in parts:
        folded = _DIGITS_RUN.sub(lambda run: re.sub(r"[0-9]", "0", run.group()), part)
        band = bands.get(folded)
        if band is None:
            return _rounded_zipf(_UNSEEN)
        frequency = 10 ** (-band / 100)
        if folded != part:
            frequency *= _number_frequency(part)
        one_over += 1.0 / frequency
    return _rounded_zipf(1.0 / one_over)


def frequency(word: str, code: str) -> float:
    """The table's frequency of ``word`` exactly as written (0 if it has none): for a
    language whose words are single characters, looked up without segmenting."""
    band = _bands(code).get(word)
    return 10 ** (-band / 100) if band is not None else 0.0


def _parts(word: str) -> list[str] | None:
    # The words wordfreq cuts ``word`` into, when its rules cut it as ours did; else None.
    text = unicodedata.normalize("NFC", word).casefold()
    if not text or max(text) >= "\u0590" or not all(c.isalpha() or c in "0123456789'.,-" for c in text):
        return None  # only Latin, Greek and Cyrillic letters and digits are cut alike
    parts = []
    for piece in text.split("-"):
        if not _ONE_WORD.fullmatch(piece):
            return None
        while elision := _ELISION.match(piece):  # "o'hare" is "o" and "hare" to wordfreq
            parts.append(elision.group(1))
            piece = piece[elision.end():]
        parts.append(piece)
    return parts


def _number_frequency(number: str) -> float:
    frequency = 1.0
    for run in _DIGITS_RUN.findall(number):
        for digits in _PURE_DIGITS.findall(run):
            frequency *= _year_frequency(digits) if len(digits) == 4 else _benford(digits)
    return frequency


def _benford(digits: str) -> float:
    return _FIRST_DIGIT[int(digits[0])] / float(10 ** (len(digits) - 1))


def _year_frequency(digits: str) -> float:
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        log_frequency = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU:
        log_frequency = _YEAR_LOG_PEAK
    else:
        log_frequency = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU))
    return float(10.0 ** log_frequency) + _NOT_YEAR * _benford(digits)


def _rounded_zipf(frequency: float) -> float:
    # wordfreq keeps three significant figures of a frequency, then rounds its Zipf value.
    frequency = max(frequency, _UNSEEN)
    rounded = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


@lru_cache(maxsize=None)
def _bands(code: str) -> dict[str, int]:
    """Each word of the language's table and its band: a frequency of 10^(-band/100)."""
    with gzip.open(_table_path(code), "rb") as packed:
        header, *bands = msgpack.unpackb(packed.read(), raw=False)
    if header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"wordfreq's table for {code!r} is in a format this version does not read: {header}")
    table: dict[str, int] = {}
    for band, words in enumerate(bands):
        table.update(dict.fromkeys(words, band))
    return table


def _table_path(code: str) -> Path:
    # wordfreq's "best" list: the large one where there is one. Found without importing it.
    spec = find_spec("wordfreq")
    assert spec is not None and spec.submodule_search_locations, "wordfreq is a dependency"
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    large = folder / f"large_{code}.msgpack.gz"
    return large if large.exists() else folder / f"small_{code}.msgpack.gz"
