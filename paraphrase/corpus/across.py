"""The candidate search across languages: ranking corpus documents by what a translation keeps.

A translation shares almost no content terms with its original, so neither the sentence
filter nor the share of term weight (``search.py``) finds it. What survives translation is
names and numbers: "Merkel", "Aleppo", "NATO", "2013", "3,5" (German for 3.5). Each of
the article's capitalised words and numbers is an *anchor*, looked up in the index under
every form it may take in a document of another language: as written, stemmed by each
language's stemmer, transliterated between Cyrillic and Latin letters, and numbers written
with a decimal point or a decimal comma. A document's score is the share of the article's
anchor weight (IDF, as in ``search.py``) it holds; the engine, comparing by meaning,
re-ranks what this finds. Measured on the WMT news (``paraphrase eval``, section
``check_across``): the README's Languages section gives the numbers.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Callable, Iterable, Iterator

import numpy as np

from ..languages import LANGUAGES
from ..tokens import STOPWORDS, number_value, stem, stopwords, tokenize
from .search import DOCUMENT_SHIFT

MIN_ANCHORS = 2  # a document must hold two of the article's anchors: one name is a topic, not a source
MIN_LETTERS = 3  # shorter capitalised words ("Mr", "Le") are too often function words

# Russian letters as Latin (a simplified BGN/PCGN table) and back: names cross scripts.
_CYRILLIC = {letter: latin.strip("_") for letter, latin in zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", (
    "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya").split())}  # ъ, ь: nothing
_LATIN = [("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"),
          ("ya", "я"), *zip("abcdefghijklmnopqrstuvwxyz", (
              "а б к д е ф г х и дж к л м н о п к р с т у в в кс и з").split())]
_LATIN_RUN = re.compile("|".join(sorted((latin for latin, _ in _LATIN), key=len, reverse=True)))
_TO_CYRILLIC = dict(_LATIN)


def anchors(text: str, code: str) -> list[frozenset[str]]:
    """The distinct names and numbers of ``text`` (in language ``code``), each as the set of
    index terms it may be stored under in another language's document.

    >>> sorted(anchors("Обама встретился с Меркель.", "ru")[1])
    ['merkel', 'меркел', 'меркель']
    """
    found: dict[str, frozenset[str]] = {}
    for raw, norm, kind in _anchor_tokens(text, code):
        found.setdefault(norm, _number_forms(norm, code) if kind == "number" else _name_forms(raw, norm))
    return list(found.values())


# A name's first letters: "Merkel", "Merkels" and "Меркель" are one key, "merke"; an
# inflection that changes them ("Обамой", "obamo") is missed.
KEY_LETTERS = 5


def anchor_keys(text: str, code: str) -> set[str]:
    """The names and numbers of ``text`` in one spelling for every language, for the archive
    scan (which pairs documents by the keys they share, with no index to look forms up in):
    a name in Latin letters without accents, cut to its first ``KEY_LETTERS``; a number
    written the English way.

    >>> sorted(anchor_keys("Меркель и Обама встретились в 2013 году.", "ru"))
    ['#2013', 'merke', 'obama']
    """
    keys = set()
    for _, norm, kind in _anchor_tokens(text, code):
        if kind == "number":
            keys.add("#" + number_value(norm, code))
        else:
            latin = "".join(_CYRILLIC.get(letter, letter) for letter in norm)
            keys.add("".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))[:KEY_LETTERS])
    return keys


def _anchor_tokens(text: str, code: str) -> Iterator[tuple[str, str, str]]:
    """(as written, normalised, kind) of each number and capitalised word of ``text``."""
    for token in tokenize(text):
        raw = text[token.start:token.end]
        if token.kind == "number" or (token.kind == "word" and raw[0].isupper() and len(raw) >= MIN_LETTERS
                                      and not _function_word(token.norm, code)):
            yield raw, token.norm, token.kind


def _function_word(norm: str, code: str) -> bool:
    return norm in stopwords(code) or norm in STOPWORDS


def _number_forms(key: str, code: str) -> frozenset[str]:
    value = number_value(key, code)
    comma = value.replace(".", ",") if "." in value else re.sub(r"(?<=\d)(?=(\d{3})+$)", ".", value)
    return frozenset({key, value, comma})


def _name_forms(raw: str, norm: str) -> frozenset[str]:
    if raw.isupper() and len(raw) > 1:  # an acronym is stored as written
        return frozenset({raw, _transliterated(norm).upper()})
    spellings = {norm, _transliterated(norm)}
    return frozenset(spellings | {stem(s, code) for s in spellings for code in _STEMMED})


_STEMMED = tuple(code for code, entry in LANGUAGES.items() if entry.stemmer)


def _transliterated(word: str) -> str:
    """``word`` in the other script: Cyrillic letters as Latin, Latin ones as Cyrillic."""
    if any(letter in _CYRILLIC for letter in word):
        return "".join(_CYRILLIC.get(letter, letter) for letter in word)
    return _LATIN_RUN.sub(lambda match: _TO_CYRILLIC[match.group()], word)


Postings = Callable[[Iterable[str]], dict[str, np.ndarray]]


def rank_across(article_anchors: list[frozenset[str]], df: dict[str, int], documents: int, postings: Postings,
                size: int, limit: int, eligible: np.ndarray, max_df_share: float) -> list[tuple[int, float]]:
    """The best ``limit`` (document id, score) pairs among the documents marked in ``eligible``."""
    common = max(1, max_df_share * documents)
    looked_up = postings({form for forms in article_anchors for form in forms if 0 < df.get(form, 0) <= common})
    held, count = np.zeros(size), np.zeros(size, dtype=np.int64)
    total = 0.0
    for forms in article_anchors:
        present = [form for form in forms if form in looked_up]
        if not present:
            continue
        # The forms' documents may overlap: counted at most once each, the weight stays positive.
        weight = math.log((documents + 1) / min(sum(df[form] for form in present), documents))
        total += weight
        holders = np.unique(np.concatenate([looked_up[form] for form in present]) >> np.uint64(DOCUMENT_SHIFT))
        holders = holders.astype(np.int64)
        held[holders] += weight
        count[holders] += 1
    if not total:
        return []
    score = np.where(eligible & (count >= MIN_ANCHORS), held / total, 0.0)
    ranked = sorted(np.flatnonzero(score), key=lambda i: (-score[i], i))[:limit]
    return [(int(i), float(score[i])) for i in ranked]

