"""Monolingual comparison beyond English: each language's article, a rewrite of it, and
an article on the same local story written apart. The sentences are the project's own."""

import json
import subprocess
import sys

import pytest

from paraphrase import Options, compare
from paraphrase.errors import OptionsError
from paraphrase.languages import LANGUAGES, detect
from paraphrase.score import NEAR_VERBATIM, edit_class, feature_distance
from paraphrase.alphabet import Alphabet
from paraphrase.segment import segments
from paraphrase.tokens import features, stem

# code: (article, a rewrite of it: sentences moved, words re-inflected or swapped, a
# clause recast; another article on the same story, written apart)
STORIES = {
    "de": (
        "Der Stadtrat hat am Montag mit sieben zu zwei Stimmen beschlossen, die Bibliothek in der Ulmenstraße zu "
        "schließen. Nach Angaben der Verwaltung würde die Sanierung des Gebäudes 2,3 Millionen Euro kosten. Die "
        "Bibliothek war 1964 eröffnet worden und wird vor allem von Schülern der umliegenden Schulen genutzt. Eine "
        "Bürgerinitiative kündigte noch am Abend Widerstand gegen die Entscheidung an.",
        "Nach Angaben der Verwaltung würde die Sanierung des Gebäudes 2,3 Millionen Euro kosten. Der Stadtrat hat "
        "am Montag mit sieben zu zwei Stimmen entschieden, die Bibliothek in der Ulmenstraße zu schließen. Die "
        "Bibliothek wurde 1964 eröffnet und wird vor allem von Schülern der umliegenden Schulen genutzt. Noch am "
        "Abend kündigte eine Bürgerinitiative Widerstand gegen diese Entscheidung an.",
        "Rund hundert Eltern protestierten am Dienstag vor dem Rathaus gegen das Aus für die Bücherei. Sie fordern, "
        "dass die Stadt einen neuen Standort für die Kinderabteilung sucht. Der Bürgermeister versprach, im Frühjahr "
        "mit den Familien über Alternativen zu sprechen.",
    ),
    "fr": (
        "Le conseil municipal a voté lundi, par sept voix contre deux, la fermeture de la bibliothèque de la rue des "
        "Ormes. Selon les services de la ville, la rénovation du bâtiment coûterait 2,3 millions d'euros. Ouverte en "
        "1964, la bibliothèque est surtout fréquentée par les élèves des écoles voisines. Un collectif d'habitants a "
        "annoncé dès lundi soir qu'il contesterait la décision.",
        "Selon les services de la ville, la rénovation du bâtiment coûterait 2,3 millions d'euros. Le conseil "
        "municipal a décidé lundi, par sept voix contre deux, la fermeture de la bibliothèque de la rue des Ormes. "
        "Ouverte en 1964, cette bibliothèque est surtout fréquentée par des élèves des écoles voisines. Dès lundi "
        "soir, un collectif d'habitants a annoncé qu'il contesterait cette décision.",
        "Une centaine de parents se sont rassemblés mardi devant la mairie pour défendre la médiathèque. Ils "
        "demandent à la ville de chercher un nouveau local pour la section jeunesse. Le maire a promis de recevoir "
        "les familles au printemps pour étudier d'autres solutions.",
    ),
    "es": (
        "El ayuntamiento aprobó el lunes, por siete votos contra dos, el cierre de la biblioteca de la calle de los "
        "Olmos. Según los técnicos municipales, la reforma del edificio costaría 2,3 millones de euros. La biblioteca, "
        "inaugurada en 1964, la usan sobre todo los alumnos de los colegios cercanos. Una asociación de vecinos anunció "
        "esa misma noche que recurrirá la decisión.",
        "Según los técnicos municipales, la reforma del edificio costaría 2,3 millones de euros. El ayuntamiento "
        "decidió el lunes, por siete votos contra dos, el cierre de la biblioteca de la calle de los Olmos. La "
        "biblioteca, inaugurada en 1964, la utilizan sobre todo los alumnos de los colegios cercanos. Esa misma noche "
        "una asociación de vecinos anunció que recurrirá la decisión.",
        "Un centenar de padres se concentraron el martes frente al consistorio para defender la sala infantil. Piden "
        "que la ciudad busque un nuevo local para los niños del barrio. El alcalde prometió reunirse con las familias "
        "en primavera para estudiar alternativas.",
    ),
    "ru": (
        "Городской совет в понедельник семью голосами против двух решил закрыть библиотеку на Вязовой улице. По "
        "данным мэрии, ремонт здания обошёлся бы в 2,3 миллиона евро. Библиотека открылась в 1964 году, и её "
        "посещают прежде всего ученики соседних школ. Инициативная группа жителей в тот же вечер заявила, что "
        "оспорит это решение.",
        "По данным мэрии, ремонт здания обошёлся бы в 2,3 миллиона евро. Городской совет в понедельник семью "
        "голосами против двух постановил закрыть библиотеку на Вязовой улице. Библиотека открылась в 1964 году, и её "
        "посещают прежде всего ученики соседней школы. В тот же вечер инициативная группа жителей заявила, что "
        "оспорит решение.",
        "Около сотни родителей во вторник вышли к зданию администрации в защиту детского читального зала. Они "
        "требуют, чтобы город нашёл для него новое помещение. Мэр пообещал весной встретиться с семьями и обсудить "
        "другие варианты.",
    ),
    "zh": (
        "市议会周一以七票对两票通过决定，关闭榆树街图书馆。据市政府估计，修缮这座建筑需要二百三十万欧元。"
        "该图书馆于1964年开放，主要读者是附近学校的学生。当晚，一个居民团体表示将对这一决定提出异议。",
        "据市政府估计，修缮这座建筑需要二百三十万欧元。市议会周一以七票对两票作出决定，关闭榆树街图书馆。"
        "该图书馆于1964年开放，主要读者为附近学校的学生。一个居民团体当晚表示将对这一决定提出异议。",
        "约一百名家长周二聚集在市政府门前，要求保留儿童阅览室。他们希望市里为孩子们另找一处新场地。"
        "市长承诺春天与家长们见面，商讨其他方案。",
    ),
}


@pytest.mark.parametrize("code", STORIES)
def test_each_language_is_detected(code):
    article, rewrite, other = STORIES[code]
    assert {detect(article), detect(rewrite), detect(other)} == {code}


def test_short_or_english_text_is_english():
    assert detect("Obama said.") == "en"  # too short for a guess: the default
    assert detect("The council voted on Monday to close the Elm Street library, officials said.") == "en"


@pytest.mark.parametrize("code", STORIES)
def test_a_rewrite_is_a_rewording_in_each_language(code):
    article, rewrite, _ = STORIES[code]
    result = compare(article, rewrite)
    assert (result.a.language, result.b.language) == (code, code)
    assert result.summary.verdict == "rewording", result.summary.message
    assert sorted((p.a, p.b) for p in result.pairs) == [((0,), (1,)), ((1,), (0,)), ((2,), (2,)), ((3,), (3,))]


@pytest.mark.parametrize("code", STORIES)
def test_another_article_on_the_story_is_independent_in_each_language(code):
    article, _, other = STORIES[code]
    assert compare(article, other).summary.verdict == "independent"


def test_sentences_are_split_by_the_language_s_own_rules():
    german = "Die Sitzung begann am 3. Oktober um 10 Uhr. Der Antrag Nr. 5 wurde abgelehnt."
    assert [german[s:e] for s, e in segments(german, code="de")] == [
        "Die Sitzung begann am 3. Oktober um 10 Uhr.", "Der Antrag Nr. 5 wurde abgelehnt."]
    chinese = STORIES["zh"][0]
    assert len(segments(chinese, code="zh")) == 4  # full stops with no space after them


def test_words_are_stemmed_in_their_language():
    assert stem("parlaments", "de") == stem("parlament", "de")
    assert stem("décidées", "fr") == stem("décidée", "fr")
    assert stem("библиотеку", "ru") == stem("библиотека", "ru")
    assert stem("parlaments") == "parlament"  # English: Porter, as before


def test_one_changed_chinese_character_is_a_near_verbatim_pair():
    a = features("市议会周一以七票对两票通过决定，关闭榆树街图书馆。", code="zh")
    b = features("市议会周二以七票对两票通过决定，关闭榆树街图书馆。", code="zh")
    d = feature_distance(a, b, Options(), Alphabet())
    assert 0.0 < d and edit_class(d, 1.0) == NEAR_VERBATIM  # whatever the order: the distance decides


def test_german_nouns_are_not_names_but_numbers_stay_facts():
    facts = features("Der Stadtrat hat 2,3 Millionen Euro für die Bibliothek der UNO bewilligt.", code="de").facts
    assert [(f.kind, f.text) for f in facts] == [("number", "2,3 Millionen"), ("name", "UNO")]


def test_the_language_option_overrides_detection_and_is_checked():
    result = compare("Obama sagte.", "Obama sagte.", options=Options(language="de"))
    assert (result.a.language, result.b.language) == ("de", "de")
    with pytest.raises(OptionsError, match="language must be auto or one of en, de"):
        Options(language="xx")
    assert set(LANGUAGES) >= {"en", "de", "fr", "es", "ru", "zh"}


ENGLISH = (
    "The city council voted seven to two on Monday to close the library on Elm Street. According to the city's "
    "staff, repairing the building would cost 2.3 million euros. The library opened in 1964 and is used mostly by "
    "pupils of the nearby schools. A residents' group announced that same evening that it would challenge the "
    "decision."
)


def test_a_translation_is_found_sentence_by_sentence(tmp_path):
    german, english = tmp_path / "bericht.txt", tmp_path / "report.txt"
    german.write_text(STORIES["de"][0], encoding="utf-8")
    english.write_text(ENGLISH, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "compare", str(german), str(english), "--format", "json"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["a"]["language"], data["b"]["language"]) == ("de", "en")
    # each sentence with its translation (the freest, the last one, may fall under the bound)
    pairs = [(p["a"], p["b"], p["class"]) for p in data["pairs"]]
    assert pairs[:3] == [([k], [k], "translation") for k in range(3)] and len(pairs) <= 4
    assert data["summary"]["verdict"] == "rewording" and "translations of each other" in data["summary"]["headline"]


def test_translated_pairs_count_only_with_a_firm_one():
    translated = compare(STORIES["de"][0], ENGLISH)
    best = max(1 - p.distance for p in translated.pairs)
    assert translated.summary.verdict == "rewording" and best >= Options().translation_firm_cosine
    # The same pairs, none firm: what two articles on one event share, shown but not counted.
    loose = compare(STORIES["de"][0], ENGLISH, options=Options(translation_firm_cosine=min(best + 0.01, 1.0)))
    assert loose.summary.verdict == "independent" and not loose.pairs
    assert [(p.a, p.b, p.edit_class) for p in loose.related] == [(p.a, p.b, "related") for p in translated.pairs]
    assert sum(p.firm for p in translated.pairs) == translated.summary.firm and not any(p.firm for p in loose.related)


def test_a_one_sentence_translation_is_its_one_firm_pair():
    first_english, first_german = ENGLISH.split(". ")[0] + ".", STORIES["de"][0].split(". ")[0] + "."
    translated = compare(first_german, first_english)
    assert (translated.summary.verdict, translated.summary.firm, len(translated.pairs)) == ("rewording", 1, 1)
    assert (translated.pairs[0].evidence, translated.pairs[0].firm) == ("translation", True)


@pytest.mark.parametrize("code", ["de", "fr", "es", "ru", "zh"])
def test_another_story_in_another_language_is_independent(code):
    _, _, other = STORIES[code]
    assert compare(ENGLISH, other).summary.verdict == "independent"


def test_a_changed_number_is_flagged_across_languages():
    changed = ENGLISH.replace("2.3 million", "3.2 million")
    pair = next(p for p in compare(STORIES["fr"][0], changed).pairs if p.a == (1,))
    assert [(c.a.text, c.b.text) for c in pair.changed_facts] == [("2,3 millions", "3.2 million")]


def test_without_the_encoder_two_languages_say_what_is_not_seen(monkeypatch):
    from paraphrase import translation

    monkeypatch.setattr(translation, "installed", lambda: False)
    result = compare(STORIES["de"][0], ENGLISH, names=("bericht", "report"))
    assert result.summary.verdict == "independent"
    assert "bericht (German) and report (English) are in different languages" in result.summary.details


def test_a_language_outside_the_table_is_compared_by_its_words():
    japanese = "市議会は月曜日に図書館の閉鎖を決めた。修繕には二百三十万ユーロかかるという。"
    result = compare(japanese, japanese.replace("月曜日", "火曜日"))
    assert result.a.language == "ja" and result.summary.verdict == "rewording"
