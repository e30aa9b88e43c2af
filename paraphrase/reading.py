"""The text as the engine matches it, every character in its place, and its language.

Copy reaches a newsroom disguised or broken in ways the eye does not see: letters of
another script that look like Latin ones, words hyphenated at line ends by a justified
column or a PDF. Matching reads through them; the text is still shown as written, since
every substitution here is one character for one, so offsets stay those of the text.
(Invisible characters inside words are read through by the tokenizer, ``tokens.py``.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from .frequency import zipf
from .languages import LANGUAGES, detect

# Letters of other scripts that look like Latin ones, as written (upper and lower case
# apart: Greek "Ν" looks like "N", "ν" like "v"). A rewriter who swaps a few Latin letters
# for these makes the words unreadable to matching and unchanged to the eye; in a word that
# also holds Latin letters they are read as the Latin ones. A word wholly in another
# script is left alone: it is that language's word ("рот" is Russian, not "pot").
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХІЈЅаеорсухіјѕԁһ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαεικνορτυχ",
    "ABEKMHOPCTYXIJSaeopcyxijsdh" "ABEZHIKMNOPTYXaeikvoptux",
)
# How every report names such letters.
LOOK_ALIKE_LETTERS = "letters of another script that look like Latin ones"
_LATIN = re.compile(r"[A-Za-z]")
_LOWER_LATIN = re.compile(r"[a-z]")
# Look-alikes other than lower-case Greek: the letters notation does not write.
_NOT_NOTATION = re.compile("[" + "".join(chr(c) for c in _LOOK_ALIKES if not "\u03b1" <= chr(c) <= "\u03c9") + "]")
_WORDS = re.compile(r"\w+")
_ANY_LOOK_ALIKE = re.compile("[" + "".join(map(chr, _LOOK_ALIKES)) + "]")


def look_alike(word: str) -> bool:
    """Whether a word as written mixes Latin letters with look-alikes of another script.

    Scientific notation writes lower-case Greek letters beside capital Latin ones ("κB"
    in "NF-κB", "TNFα"), which no disguise does: a word whose only look-alikes are
    lower-case Greek and whose Latin letters are all capitals is its own word.

    >>> look_alike("stаte"), look_alike("Тhe"), look_alike("κB"), look_alike("IκBα"), look_alike("κey")
    (True, True, False, False, True)
    """
    if word.isascii() or not _LATIN.search(word) or as_latin(word) == word:
        return False
    return _LOWER_LATIN.search(word) is not None or _NOT_NOTATION.search(word) is not None


def holds_look_alikes(text: str) -> bool:
    """Whether ``text`` holds any letter that ``look_alike`` words are made with (a quick
    test before reading every word)."""
    return _ANY_LOOK_ALIKE.search(text) is not None


# A word broken at a line end with a hyphen ("recon-" / "struct"), as justified columns and
# PDFs print it: the second part goes on in lower case.
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
_WORD_AT = re.compile(r"[^\W\d_]+")
_WORD_ENDING = re.compile(r"[^\W\d_]+$")
_SOFT_HYPHEN = "\u00ad"


def reading(text: str, code: str | None = None) -> tuple[str, str]:
    """What the engine matches of ``text``, every character in its place, and its language
    (``code``, else detected): ``read_as_latin``, then ``joined_at_line_ends``."""
    latin = read_as_latin(text)
    code = code or detect(latin)
    return joined_at_line_ends(latin, code), code


def joined_at_line_ends(text: str, code: str = "en") -> str:
    """``text`` with each word hyphenated at a line end read as one word where the language
    writes it so: the hyphen and the line break become soft hyphens, which a word holds
    invisibly. "build-" / "ing" is "building"; "well-" / "known" stays "well-known", since
    ``wordfreq`` sees "well-known" far more often than "wellknown".

    >>> joined_at_line_ends("The council will recon-\\nstruct the well-\\nknown hall.")
    'The council will recon\\xad\\xadstruct the well-\\nknown hall.'
    """
    if code not in LANGUAGES:
        return text
    pieces, done = [], 0
    for gap in _LINE_END_HYPHEN.finditer(text):  # found by the hyphen: most texts have none
        first = _WORD_ENDING.search(text, max(0, gap.start() - 40), gap.start())
        second = _WORD_AT.match(text, gap.end())
        if first and second and second.group()[0].islower() and _one_word(first.group().lower(), second.group(), code):
            pieces += [text[done:gap.start()], _SOFT_HYPHEN * (gap.end() - gap.start())]
            done = gap.end()
    return "".join(pieces) + text[done:] if pieces else text


@lru_cache(maxsize=4_096)
def _one_word(first: str, second: str, code: str) -> bool:
    return zipf(first + second, code) > zipf(f"{first}-{second}", code)


def read_as_latin(text: str) -> str:
    """``text`` with its ``look_alike`` words in Latin letters, every character in its place:
    what the sentence splitter and the language detector read, so that a disguised copy is
    split and told apart as its source is."""
    if not holds_look_alikes(text):
        return text
    return _WORDS.sub(lambda m: as_latin(m.group()) if look_alike(m.group()) else m.group(), text)


def as_latin(word: str) -> str:
    """A ``look_alike`` word in Latin letters."""
    return word.translate(_LOOK_ALIKES)
