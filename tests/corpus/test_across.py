"""The wire check across languages: an index of English copy, articles translated from it."""

import json
import sqlite3

import pytest

from paraphrase import translation
from paraphrase.corpus import CorpusIndex, Record
from paraphrase.corpus.across import anchors
from paraphrase.corpus.check import check_article

from .conftest import run

# Written for these tests: a wire story, its German and Russian translations, and a
# story that shares the town's name and nothing else.
WIRE = ("Flood waters forced 2,300 residents of Passau from their homes on Tuesday. "
        "Mayor Jürgen Dupper said the Danube had risen to 12.8 metres, the highest level since 1501. "
        "Emergency crews from Bavaria and Austria worked through the night to reinforce the dykes. "
        "The German army sent 600 soldiers to help fill sandbags.")
GERMAN = ("Das Hochwasser hat am Dienstag 2.300 Einwohner von Passau aus ihren Häusern vertrieben. "
          "Oberbürgermeister Jürgen Dupper sagte, die Donau sei auf 12,8 Meter gestiegen, den höchsten Stand seit 1501. "
          "Rettungskräfte aus Bayern und Österreich arbeiteten die ganze Nacht, um die Deiche zu verstärken. "
          "Die Bundeswehr schickte 600 Soldaten, die beim Füllen von Sandsäcken helfen.")
RUSSIAN = ("Наводнение во вторник вынудило 2300 жителей Пассау покинуть свои дома. "
           "Мэр Юрген Дуппер сказал, что уровень Дуная поднялся до 12,8 метра, самого высокого с 1501 года. "
           "Спасатели из Баварии и Австрии всю ночь укрепляли дамбы. "
           "Немецкая армия направила 600 солдат, чтобы помочь наполнять мешки с песком.")
BRIDGE = ("The council of Passau voted on Monday to build a new bridge over the river Inn. "
          "Construction will start next spring and is expected to take three years to complete.")


@pytest.fixture
def english_wire():
    index = CorpusIndex(":memory:")
    index.add([Record("flood", WIRE), Record("bridge", BRIDGE)])
    yield index
    index.close()


def test_names_and_numbers_are_looked_up_as_another_language_writes_them():
    german = set().union(*anchors(GERMAN, "de"))
    assert {"2300", "12.8", "1501", "600", "passau", "dupper"} <= german  # "2.300", "12,8": decimal comma
    russian = set().union(*anchors(RUSSIAN, "ru"))
    assert {"2300", "12.8", "passau", "dupper"} <= russian  # "Пассау", "Дуппер": Cyrillic as Latin
    assert "passau" not in set().union(*anchors("Обычный день без имён.", "ru"))


@pytest.mark.parametrize("article, code", [(GERMAN, "de"), (RUSSIAN, "ru")])
def test_a_translation_finds_its_source_and_not_a_story_sharing_one_name(english_wire, article, code):
    found = [english_wire.document(c.id).key for c in english_wire.candidates(article, language=code)]
    assert found == ["flood"]


def test_the_index_keeps_each_documents_language(english_wire):
    english_wire.add([Record("hochwasser", GERMAN)])
    assert english_wire.stats().languages == {"en": 2, "de": 1}


def test_articles_in_the_corpus_language_are_not_searched_by_names_alone(english_wire):
    # Four of the flood story's names and numbers in a longer, different story: too little
    # of its words for the word search, and no search by names runs when every document is
    # in the article's language (it would find the flood story by those four).
    rival = ("Jürgen Dupper's choir from Bavaria will sing a mass first performed in 1501, the diocese announced. "
             "Tickets for the concert went on sale yesterday and sold out within an hour, organisers reported, "
             "while rehearsals continue every evening in the crypt under the direction of a visiting conductor.")
    assert english_wire.candidates(rival) == []


def test_the_check_reports_the_translated_source_with_its_pairs(english_wire):
    check = check_article(GERMAN, english_wire, name="hochwasser")
    assert check.failed and [m.document.key for m in check.sources] == ["flood"]
    pairs = check.sources[0].comparison.pairs
    assert {p.edit_class for p in pairs} == {"translation"} and len(pairs) == 4
    assert check.to_dict()["language"] == "de" and check.notes == ()


def test_without_the_encoder_the_check_says_what_it_could_not_compare(english_wire, monkeypatch):
    monkeypatch.setattr(translation, "installed", lambda: False)
    check = check_article(GERMAN, english_wire, name="hochwasser")
    assert not check.sources
    assert check.notes == ("1 corpus document(s) in another language compared by shared names and numbers only, "
                           "not by meaning: the translation extra is not installed: "
                           "pip install 'newsroom-paraphrase[translation]'",)


def test_check_command_across_languages(tmp_path):
    (tmp_path / "flood.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "hochwasser.txt").write_text(GERMAN, encoding="utf-8")
    assert run("index", "add", tmp_path / "wire.db", tmp_path / "flood.txt", tmp_path / "bridge.txt").returncode == 0
    stats = run("index", "stats", tmp_path / "wire.db")
    assert "languages: en 2" in stats.stdout
    done = run("check", tmp_path / "hochwasser.txt", "--against", tmp_path / "wire.db", "--format", "json")
    assert done.returncode == 1, done.stderr
    article = json.loads(done.stdout)["articles"][0]
    assert article["language"] == "de" and [s["id"] for s in article["sources"]] == [str(tmp_path / "flood.txt")]
    assert "translations of each other" in article["sources"][0]["comparison"]["summary"]["headline"]


def test_an_index_of_the_previous_schema_gains_languages_when_next_written(tmp_path):
    path = tmp_path / "old.db"
    with CorpusIndex(path) as index:
        index.add([Record("flood", WIRE)])
    with sqlite3.connect(path) as db:  # as version 2 wrote it: no language column
        db.executescript("DROP INDEX documents_language; ALTER TABLE documents DROP COLUMN language; "
                         "UPDATE meta SET value = '2' WHERE key = 'schema';")
    with CorpusIndex(path, read_only=True) as index:
        assert index.stats().languages == {"unknown": 1}
        assert [index.document(c.id).key for c in index.candidates(GERMAN)] == ["flood"]  # unknown: searched by names
    with CorpusIndex(path) as index:
        index.add([Record("hochwasser", GERMAN)])
        assert index.stats().languages == {"en": 1, "de": 1}
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("4",)


def test_a_language_given_for_the_article_is_not_forced_on_the_corpus(english_wire):
    from paraphrase import Options

    check = check_article(GERMAN, english_wire, name="hochwasser", options=Options(language="de"))
    assert [m.document.key for m in check.sources] == ["flood"]
    assert check.sources[0].comparison.b.language == "en"
