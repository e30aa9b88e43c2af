"""Words, content stems and facts of a sentence, each with offsets into the original text.

Normalisation (NFKC, curly quotes and dashes, case folding) applies to what is matched,
never to the text itself, so every token keeps the exact span it was read from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Iterator, Mapping, NamedTuple, Sequence

from .languages import ENGLISH, Language, language
from .nltk_parts import nltk_module
from .quotes import Span, inside, overlapping
from .reading import as_latin, look_alike

if TYPE_CHECKING:
    from nltk.stem.api import StemmerI

# Chinese and Japanese put no spaces between words: each ideograph or kana is a token of
# its own (a character n-gram of one), so one changed character is one changed token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Invisible inside a word: Unicode's default-ignorable characters, such as a soft hyphen
# (web pages hyphenate German copy with them), zero-width spaces and joiners, direction
# marks and overrides, variation selectors and tags. A word holding them is one word, and
# they are not part of its matching form: "Bundes\u00adregierung" is "bundesregierung",
# and a copy strewn with them inside its words (a way to hide it) is the copy.
_INVISIBLE_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                     (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
                     (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0xE0000, 0xE0FFF))
_INVISIBLE = "".join(f"{chr(low)}-{chr(high)}" for low, high in _INVISIBLE_RANGES)  # a regex class's ranges
_LETTERS = rf"[^\W\d_{_CJK}]+"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)*|[{_CJK}]|{_LETTERS}(?:(?:['’]|[{_INVISIBLE}]+){_LETTERS})*|[^\w\s{_INVISIBLE}]")
_INVISIBLE_CHARACTER = re.compile(f"[{_INVISIBLE}]")
_NO_INVISIBLE = {c: None for low, high in _INVISIBLE_RANGES for c in range(low, high + 1)}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "−": "-"}) | _NO_INVISIBLE

# English function words: they carry grammar, not content, so they never count as
# evidence that two sentences share a source.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either
every few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me might more most must my myself neither no nor
not now of off on once only or other our ours ourselves out over own per same shall she
should so some such than that the their theirs them themselves then there these they this
those though through to too under until up upon us very was we were what when where
whether which while who whom whose why will with within without would yet you your yours
yourself yourselves 's said says say told according
""".split())


class Token(NamedTuple):
    start: int
    end: int
    norm: str  # NFKC, case-folded, straight quotes
    kind: str  # "number", "word" or "punct"


# Days and months are facts of their own kind: a changed day is a changed date, not a name.
_MONTHS = frozenset("""
january february march april june july august september october november december
""".split())  # not "may": "Theresa May" is a name
DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split()) | _MONTHS
# A time's "a.m." or "p.m." belongs to its number: "9 p.m." is one fact.
_CLOCK = re.compile(r"\s?[ap]\.?m\.?(?![^\W\d_])", re.IGNORECASE)


@dataclass(frozen=True)
class Fact:
    """A number, proper name or date word as written, with its span in the document."""

    kind: str  # "number", "name" or "date"
    key: str  # what is compared: digits without separators, or a name's stem
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Features:
    """What the matcher sees of one sentence."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]  # every word and number, in order, normalised
    stems: tuple[str | None, ...]  # per word: its content stem, or None for a function word
    facts: tuple[Fact, ...]
    quoted: tuple[bool, ...] = ()  # per word: inside quotation marks (empty: none is)
    language: str = "en"  # the code of the text's language (``languages.py``)

    @cached_property
    def word_tokens(self) -> tuple[Token, ...]:
        """The tokens of ``words``: punctuation left out."""
        return tuple(t for t in self.tokens if t.kind != "punct")

    @cached_property
    def content(self) -> tuple[str, ...]:
        """The stems of its content words and numbers, in order: what the matcher compares."""
        return tuple(stem for stem in self.stems if stem is not None)

    def __hash__(self) -> int:
        # The evidence's caches key on a sentence's features, over and over: hash them once.
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.tokens, self.words, self.stems, self.facts, self.quoted, self.language))

    def __getstate__(self) -> dict[str, object]:
        # Not the hash: a string's hash differs from one process to another.
        return {k: v for k, v in self.__dict__.items() if k != "_hash"}


def concatenated(parts: Sequence[Features]) -> Features:
    """The features of several sentences read as one."""
    quoted = any(p.quoted for p in parts)  # most sentences quote no one: keep () then
    return Features(
        tokens=tuple(chain.from_iterable(p.tokens for p in parts)),
        words=tuple(chain.from_iterable(p.words for p in parts)),
        stems=tuple(chain.from_iterable(p.stems for p in parts)),
        facts=tuple(chain.from_iterable(p.facts for p in parts)),
        quoted=tuple(chain.from_iterable(p.quoted or (False,) * len(p.words) for p in parts)) if quoted else (),
        language=parts[0].language if parts else "en",
    )


def invisible_removed(text: str) -> str:
    """``text`` without the characters a word holds invisibly (``_INVISIBLE_RANGES``)."""
    return text.translate(_NO_INVISIBLE) if _INVISIBLE_CHARACTER.search(text) else text


def normalize(text: str) -> str:
    """The matching form of ``text``: NFKC, straight quotes and dashes, case-folded."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word, number and punctuation tokens of ``text``; spans are shifted by ``offset``."""
    # The hottest loop of preparation: tuple.__new__ skips NamedTuple's Python-level __new__.
    new, read = tuple.__new__, _read
    return tuple([new(Token, (m.start() + offset, m.end() + offset, *read(m.group()))) for m in _TOKEN.finditer(text)])


def words_of(text: str) -> list[str]:
    """The normalised words of ``text`` (no numbers or punctuation), without their spans."""
    return [norm for norm, kind in map(_read, _TOKEN.findall(text)) if kind == "word"]


# Words recur (Zipf), so reading each distinct spelling once saves most of the work.
@lru_cache(maxsize=200_000)
def _read(raw: str) -> tuple[str, str]:
    """The normalised form and kind of one token as written."""
    kind = "number" if raw[0].isdigit() else "word" if raw[0].isalpha() else "punct"
    if kind == "word" and look_alike(raw):
        raw = as_latin(raw)
    norm = normalize(raw)
    if raw.isupper() and len(raw) > 1 and norm in STOPWORDS:
        norm = raw  # an acronym ("US", "IT") is not the function word it spells
    if kind == "number":
        norm = _number_key(norm)
    return norm, kind


def number_value(key: str, code: str) -> str:
    """A number's key written the English way, so that facts compare across languages:
    "2,3" in German is "2.3", "1.000" is "1000"."""
    if not language(code).decimal_comma:
        return key
    return re.sub(r"\.(?=\d{3}\b)", "", key).replace(",", ".")


def _number_key(norm: str) -> str:
    # "1,000" and "1000" are the same number; a lone decimal part stays.
    return re.sub(r",(?=\d{3}\b)", "", norm)


@lru_cache(maxsize=200_000)
def stem(word: str, code: str = "en") -> str:
    """The stem of a normalised word in the language ``code`` (Porter for English, Snowball
    for the others the table names), without a possessive ending."""
    if word.endswith("'s"):
        word = word[:-2]
    stemmer = _stemmer(language(code).stemmer)
    return word if stemmer is None else str(stemmer.stem(word))


@lru_cache(maxsize=None)
def _stemmer(name: str | None) -> "StemmerI | None":
    if name is None:
        return None
    if name == "porter":
        return nltk_module("nltk.stem.porter").PorterStemmer()
    return nltk_module("nltk.stem.snowball").SnowballStemmer(name)


@lru_cache(maxsize=None)
def stopwords(code: str = "en") -> frozenset[str]:
    """The function words of a language: the project's own list for English, the
    ``stop-words`` package's list (BSD-3-Clause) for the others; none for a language
    outside the table."""
    if code == ENGLISH.code:
        return STOPWORDS
    name = language(code).stopwords
    if name is None:
        return frozenset()
    from stop_words import get_stop_words  # its lists ship in the package

    return frozenset(normalize(word) for word in get_stop_words(name))


def features(text: str, offset: int = 0, quotations: Sequence[Span] = (), code: str = "en") -> Features:
    """Tokens, words, content stems and facts of one sentence starting at ``offset``, in the
    language ``code``; words inside the ``quotations`` spans (document offsets, sorted) are
    marked quoted."""
    tokens = tokenize(text, offset)
    word_tokens = [t for t in tokens if t.kind != "punct"]
    words = tuple(t.norm for t in word_tokens)
    stems = tuple(content_of(t.norm, t.kind, code) for t in word_tokens)
    facts = tuple(_facts(text, offset, tokens, code))
    near = overlapping(quotations, offset, offset + len(text))  # most sentences quote no one
    quoted = inside(near, (t.start for t in word_tokens)) if near else ()
    return Features(tokens, words, stems, facts, quoted, code)


def content_terms(text: str, code: str = "en") -> set[str]:
    """The distinct content stems and numbers of a whole text: what a corpus index stores."""
    return {term for term in (_content_term(raw, code) for raw in _TOKEN.findall(text)) if term is not None}


@lru_cache(maxsize=200_000)
def _content_term(raw: str, code: str) -> str | None:
    """The content stem of one token as written, or None for punctuation and function words."""
    norm, kind = _read(raw)
    return content_of(norm, kind, code)


@lru_cache(maxsize=200_000)  # called for every token of every sentence; words recur
def content_of(norm: str, kind: str, code: str = "en") -> str | None:
    """The content stem of a normalised token, or None for punctuation and function words."""
    if kind == "number" or norm.isupper():
        return norm
    spelt = language(code).number_words.get(norm)
    if spelt is not None:
        return spelt
    if kind == "word" and _bare(norm) not in stopwords(code):
        return stem(norm, code)
    return None


def _bare(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") else norm


@lru_cache(maxsize=200_000)
def is_name(raw: str, initial: bool, code: str = "en") -> bool:
    """Whether a word as written is a proper name (or an acronym).

    Mid-sentence capitals are names. At the start of a sentence every word is
    capitalised, so there a word is a name only if the Punkt model's training text
    never showed it in lower case, nor the word an adverb is made from ("Firstly":
    "first"). In a language that capitalises every noun (German), only acronyms are
    told apart.

    >>> is_name("Firstly", True), is_name("Kelly", True), is_name("Kelly", False)
    (False, True, True)
    """
    if not raw[0].isupper() or _bare(normalize(raw)) in stopwords(code):
        return False
    lang = language(code)
    if not lang.capitalised_names:
        return raw.isupper() and len(raw) > 1
    if not initial:
        return True
    seen, word = _lowercase_seen(lang.punkt), normalize(raw)
    return word not in seen and not any(base in seen for base in _adverb_bases(word, lang))


def _adverb_bases(word: str, lang: Language) -> Iterator[str]:
    """The words ``word`` may be an adverb of ("additionally": "additional", "addition")."""
    for ending, base in lang.adverb_endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:  # "Clément" is no adverb of "clé"
            yield word[:-len(ending)] + base


@lru_cache(maxsize=None)
def _lowercase_seen(punkt: str | None) -> frozenset[str]:
    from .segment import punkt_parameters

    if punkt is None:
        return frozenset()
    lowercase = nltk_module("nltk.tokenize.punkt")._ORTHO_LC
    return frozenset(word for word, flags in punkt_parameters(punkt).ortho_context.items() if flags & lowercase)


def _facts(text: str, offset: int, tokens: tuple[Token, ...], code: str = "en") -> Iterator[Fact]:
    first_word = next((i for i, t in enumerate(tokens) if t.kind != "punct"), -1)
    last, numbers = -1, language(code).number_words
    for i, token in enumerate(tokens):
        if token.kind == "number":
            end = _unit_end(tokens, i, text, offset, code)
            yield Fact("number", number_value(token.norm, code), text[token.start - offset:end - offset], token.start, end)
            continue
        if i <= last:  # the rest of a number spelt in several words
            continue
        if token.norm in numbers and (i == first_word or text[token.start - offset].islower()):
            value, last = _spelled(tokens, i, numbers)
            end = _unit_end(tokens, last, text, offset, code)
            yield Fact("number", value, text[token.start - offset:end - offset], token.start, end)
            continue
        if token.kind != "word" or not text[token.start - offset].isupper():  # most tokens: no fact
            continue
        raw = text[token.start - offset:token.end - offset]
        if is_name(raw, i == first_word and not _names_next(text, offset, tokens, i, code), code):
            kind = "date" if token.norm in DATE_WORDS else "name"
            yield Fact(kind, _name_key(token.norm, code), raw, token.start, token.end)


def _spelled(tokens: tuple[Token, ...], i: int, numbers: Mapping[str, str]) -> tuple[str, int]:
    """The value of the number spelt from token ``i`` ("six"; "twenty-five" whole) and the
    index of its last token."""
    value = numbers[tokens[i].norm]
    if i + 2 < len(tokens) and value.endswith("0") and int(value) >= 20 and tokens[i + 1].norm == "-":
        unit = numbers.get(tokens[i + 2].norm, "")
        if len(unit) == 1 and tokens[i + 1].start == tokens[i].end and tokens[i + 2].start == tokens[i + 1].end:
            return str(int(value) + int(unit)), i + 2
    return value, i


def _names_next(text: str, offset: int, tokens: tuple[Token, ...], i: int, code: str) -> bool:
    """Whether the word after token ``i``, with only a space between, is a name: a
    sentence's first word is then part of it ("Mark Holden", "Judge Peter Brown"), though
    Punkt's text showed it in lower case."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or nxt.kind != "word" or text[tokens[i].end - offset:nxt.start - offset] != " ":
        return False
    return is_name(text[nxt.start - offset:nxt.end - offset], False, code)


def name_key(name: str, code: str = "en") -> str:
    """The key a name's facts carry, its words' keys joined by a space as a changed fact
    joins them: "Russia's" -> "russia", "New Delhi" -> "new delhi"."""
    return " ".join(_name_key(t.norm, code) for t in tokenize(name) if t.kind == "word")


def _name_key(norm: str, code: str) -> str:
    return norm if norm.isupper() else stem(norm, code)  # an acronym as written


def _unit_end(tokens: tuple[Token, ...], i: int, text: str = "", offset: int = 0, code: str = "en") -> int:
    # "1,000 fighters", "350km": a number is shown with the word it counts; "9 p.m." whole.
    clock = _CLOCK.match(text, tokens[i].end - offset) if text else None
    if clock:
        return clock.end() + offset
    if i and tokens[i - 1].norm in _MONTHS:  # a day counts nothing: "March 14 last year"
        return tokens[i].end
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.kind == "word" and nxt.start - tokens[i].end <= 1 and _bare(nxt.norm) not in STOPWORDS \
            and nxt.norm not in _MONTHS and not _starts_a_name(text[nxt.start - offset:nxt.end - offset], code):
        return nxt.end  # not "29 June 2007", nor "2007 Free Software Foundation"
    return tokens[i].end


def _starts_a_name(word: str, code: str) -> bool:
    # A name is no unit (``is_name``; German nouns, capitalised all, are not names: "2,3
    # Millionen"), but a short word in capitals is ("5 MB", "40 GW").
    return is_name(word, False, code) and not (word.isupper() and len(word) <= 4)
