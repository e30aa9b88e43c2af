import textwrap

import pytest

from paraphrase.clean import paragraphs_of, reasons
from paraphrase.segment import segments

from .conftest import seed


def set_aside(text):
    paragraphs = paragraphs_of(text)
    spans = segments(text, paragraphs=paragraphs)
    return {text[s:e]: why for (s, e), why in zip(spans, reasons(text, spans, paragraphs))}


def above_text_in(code, line):
    """What is set aside, sentence by sentence, when ``line`` is a paragraph above one of
    article text in a text read as the language ``code``."""
    text = f"{line}\n\nDie Armee eroberte die Stadt 2016 zurück."
    paragraphs = paragraphs_of(text, code)
    spans = segments(text, paragraphs=paragraphs, code=code)
    return dict(zip((text[s:e] for s, e in spans), reasons(text, spans, paragraphs, code)))


def above_article_text(line):
    """What is set aside, sentence by sentence, when ``line`` stands above two article sentences."""
    return set_aside(f"{line}\nThe army regained the city in 2016.\nIt held the city until this week.")


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Advertisement", "page furniture"),
        ("Continue Reading", "page furniture"),
        ("Connect with us", "page furniture"),
        ("on", "page furniture"),
        ("You can share this story on social media:", "share prompt"),
        ("As reported by The Jerusalem Post", "source credit"),
        ("Footage posted on", "fragment of an embed"),
        ("(photo credit: screenshot)", "photo credit"),
    ],
)
def test_boilerplate_lines_are_set_aside_with_their_reason(line, reason):
    found = above_article_text(line)
    assert found[line] == reason
    assert found["The army regained the city in 2016."] is None


def test_a_caption_above_a_credit_line_is_a_caption():
    text = "Assad speaks to a journalist, March 2024.\n(photo credit: screenshot)\nThe palace was taken."
    found = set_aside(text)
    assert found["Assad speaks to a journalist, March 2024."] == "photo caption"
    assert found["The palace was taken."] is None


def test_every_sentence_of_an_embedded_post_is_set_aside():
    found = set_aside(seed("003").read_text(encoding="utf-8"))
    tweet = [s for s, why in found.items() if why == "embedded social media post"]
    # Two sentences ("... above the Citadel.Civilians, ...": no space after the stop), the
    # picture's link and the attribution line.
    assert len(tweet) == 4
    assert any(s.startswith("Absolutely wild scenes") for s in tweet)
    assert any(s.startswith("Civilians, minorities") for s in tweet)


def test_repeated_sentences_count_once():
    found = set_aside(seed("004").read_text(encoding="utf-8"))
    repeats = [why for why in found.values() if why and why.startswith("repeat of sentence")]
    assert len(repeats) == 2


def test_article_text_is_never_set_aside_in_the_source_seed():
    assert all(why is None for why in set_aside(seed("001").read_text(encoding="utf-8")).values())


OPENING_LIKE_FURNITURE = [
    "By Saturday, the Syrian General Command acknowledged that the insurgents had entered the city.",
    "By the time police arrived the men had gone.",
    "Reporters were told the copyright case would be heard in March.",
    "Embargoed goods were seized at the port on Monday.",
    "Embargo talks will resume in Geneva.",
    "Editors at the paper said the story was accurate.",
    "Ed: it is not nostalgia, it is how we work now.",  # a speaker named Ed, in a transcript
    "Follow the river north for two miles to reach the camp.",  # no link to follow
    "Related talks ended on Friday without a deal.",
    "Correction officers at the prison went on strike.",
    "Reuters reporters saw the fighters enter the citadel.",
    "Updated figures released on Monday show growth in 2024.",  # no time or date after "Updated"
    "By Saturday and Sunday the rebels held the city.",
    "Posted on Monday, the video was seen by millions.",
    "Published in 1998, the report found flaws in the design.",
    "Copyright rules were changed in 2019, the minister said.",
    "Reporting by the BBC was criticised by the minister.",
    "Editing by hand took the team three weeks.",
    "Follow the money, the prosecutor told the jury.",
    "Get the alerts switched on before the storm, officials said.",
]


@pytest.mark.parametrize("line", OPENING_LIKE_FURNITURE)
def test_sentences_that_open_like_furniture_still_count(line):
    assert set_aside(f"{line}\nThe army regained the city in 2016.")[line] is None


@pytest.mark.parametrize("line", OPENING_LIKE_FURNITURE)
def test_sentences_that_open_like_furniture_still_count_in_hard_wrapped_copy(line):
    # Opening a line after one that ends a sentence, its first line read alone may look
    # like a whole line of furniture ("By Saturday, the Syrian General Command"); the
    # paragraph it then opens does not.
    wrapped = (textwrap.fill("The army regained the city in 2016 after a siege of the eastern districts of the town.", 44)
               + "\n" + textwrap.fill(f"{line} Officials said the fighting had stopped by the end of the week.", 44))
    found = {sentence.replace("\n", " "): why for sentence, why in set_aside(wrapped).items()}
    assert found[line] is None, found


@pytest.mark.parametrize("line, reason", [
    ("10:42 03/12/24: Syria-Aleppo/", "agency slug line"),
    ("MORE", "end-of-copy marker"),
    ("(MORE)", "end-of-copy marker"),
    ("-ends-", "end-of-copy marker"),
    ("ENDIT", "end-of-copy marker"),
    ("NNNN", "end-of-copy marker"),
    ("-30-", "end-of-copy marker"),
    ("# # #", "end-of-copy marker"),
    ("LONDON, Dec 5 (Reuters) -", "dateline"),
    ("EMBARGOED UNTIL 00.01 TUESDAY MARCH 3", "embargo line"),
    ("Embargo: 0001 Tuesday March 3", "embargo line"),
    ("Eds: UPDATES with details. With AP Photos.", "note to editors"),
    ("Editor's note: This story has been updated to correct the spelling of a name.", "note to editors"),
    ("Notes to editors", "note to editors"),
    ("(Adds quotes from ministry, paragraphs 4-6)", "update tag"),
    ("(Updates with details)", "update tag"),
    ("----------", "rule"),
    ("By Staff Writer | Updated 15 March 2024", "byline"),
    ("By Suleiman Al-Khalidi", "byline"),
    ("By SARAH EL DEEB and BASSEM MROUE", "byline"),
    ("By Maya Gebeily, Suleiman Al-Khalidi and Tom Perry", "byline"),
    ("(Reporting by Jane Smith in London; Additional reporting by Tom Brown; Editing by Alex Richardson)",
     "credit line"),
    ("To contact the reporter on this story: Jane Smith in London at jsmith@bloomberg.net", "credit line"),
    ("Follow Jane Smith on Twitter: @janesmith", "promotional line"),
    ("Contact us at editors@example.com.", "promotional line"),
    ("Get our Breaking News Alerts", "newsletter prompt"),
    ("Court Reporter", "byline"),
    ("Daily Mail Reporter", "byline"),
    ("Press Association", "byline"),
    ("PA Reporter", "byline"),
    ("Pic: SWNS", "photo credit"),
    ("Scroll down for video", "page furniture"),
    ("View comments", "page furniture"),
    ("Reporting by Suleiman Al-Khalidi; Editing by Alex Richardson", "credit line"),
    ("Additional reporting by Maya Gebeily in Beirut", "credit line"),
    ("Associated Press writer Maya Gebeily in Beirut contributed to this report.", "credit line"),
    ("This article was amended on 5 December 2024 to correct the spelling of a name.", "correction note"),
    ("Correction: An earlier version of this story misstated the date of the vote.", "correction note"),
    ("Read more: Syrian rebels seize Aleppo in surprise offensive", "link to another article"),
    ("Related: Who are the rebels who took Aleppo?", "link to another article"),
    ("Follow AP's coverage of the war at https://apnews.com/hub/syria", "promotional line"),
    ("Contact the reporter at jdoe@example.com", "promotional line"),
    ("Image caption, Rebel fighters on a tank in Aleppo", "photo caption"),
    ("Image source, Getty Images", "photo credit"),
    ("Getty Images", "photo credit"),
    ("Picture: PA", "photo credit"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "page furniture"),
    ("Explore more on these topics", "page furniture"),
    ("Updated 3:45 PM EST, Sat November 30, 2024", "timestamp"),
    ("Last modified on Sat 30 Nov 2024 17.02 GMT", "timestamp"),
    ("Listen to this article · 5:12 min", "reading time"),
    ("A version of this article appears in print on Dec. 1, 2024, Section A, Page 1 of the New York edition.",
     "print edition note"),
    ("Tags: Syria, Aleppo, rebels", "topic tags"),
    ("We use cookies to improve your experience on our site.", "cookie notice"),
    ("Let us know in the comments below.", "comments prompt"),
    ("This story has been shared 1,234 times.", "share count"),
    ("Get the latest headlines delivered to your inbox", "newsletter prompt"),
    ("Copyright 2024 The Associated Press. All rights reserved.", "copyright notice"),
    ("© 2024 Guardian News & Media Limited", "copyright notice"),
    ("may not be published, broadcast, rewritten or redistributed.", "copyright notice"),
    ("Sign up for our daily newsletter to get the headlines in your inbox", "newsletter prompt"),
    ("FILE - Syrian President Bashar Assad speaks during a meeting in Damascus, Syria, Jan. 21, 2023.",
     "photo caption"),
    ("Rebel fighters stand on a tank in Aleppo. REUTERS/Mahmoud Hasano", "photo caption"),
    ("Rebel fighters stand on a tank in Aleppo. REUTERS/Mahmoud Hasano/File Photo", "photo caption"),
    ("Crowds gather in the square. Getty Images/AFP", "photo caption"),
    ("Opposition fighters celebrate at the citadel in Aleppo, Syria, Saturday, Nov. 30, 2024.", "photo caption"),
    ("A man walks past a damaged building in Aleppo, Syria, December 1, 2024.", "photo caption"),
])
def test_newsroom_furniture_lines_are_set_aside(line, reason):
    found = above_article_text(line)
    assert [why for s, why in found.items() if s in line] and all(
        why == reason for s, why in found.items() if s in line)
    assert found["The army regained the city in 2016."] is None


def test_the_markers_ending_hard_wrapped_wire_copy_are_set_aside():
    # PA style: paragraphs indented, lines wrapped at 70 columns, "MORE" and "ends" at the
    # foot, which the rules for wrapped lines would otherwise join to the line above
    # ("MORE" would not have fitted on it) and to each other ("ends" goes on in lower case).
    wire = ("   Rail passengers face a week of disruption after floods washed away\n"
            "part of the main line between Exeter and Plymouth, Network Rail said\n"
            "today.\n"
            "   Buses will replace trains between Exeter St Davids and Newton Abbot.\n"
            "   MORE\n"
            "   ends\n")
    found = set_aside(wire)
    assert list(found.items())[1:] == [
        ("Buses will replace trains between Exeter St Davids and Newton Abbot.", None),
        ("MORE", "end-of-copy marker"), ("ends", "end-of-copy marker")]


def test_a_wire_storys_catchline_above_its_byline_is_set_aside_and_a_pages_heading_counts():
    story = "   A man who stabbed his neighbour was jailed for eight years today.\n"
    assert list(set_aside("COURT Stabbing\nBy Court Reporter, PA News\n" + story).values()) == [
        "catchline", "byline", None]
    assert set_aside("NASA Mission\n" + story)["NASA Mission"] is None


def test_a_columns_closing_author_bio_is_set_aside_and_a_sentence_about_a_journalist_counts():
    bio = "Jane Smith is a freelance journalist based in Beirut."
    assert set_aside(f"The army regained the city in 2016.\n{bio}")[bio] == "author bio"
    assert set_aside(f"{bio}\nThe army regained the city in 2016.")[bio] is None  # not the last paragraph
    detained = "Maria Lopez is a journalist who was detained in Tehran for a year."
    assert set_aside(f"The army regained the city in 2016.\n{detained}")[detained] is None


def test_a_wire_storys_wrapped_credit_and_copyright_lines_are_set_aside():
    # Reuters style, wrapped at 65 columns: the credit line runs onto a second line, and
    # the copyright notice, opening with "(c)", must not be read as going on in lower case.
    wire = ("LONDON, Dec 5 (Reuters) - The Bank of England kept interest rates\n"
            "unchanged on Thursday, saying inflation was still too high to\n"
            "justify a cut despite signs that the economy was slowing.\n"
            "Reporting by Jane Smith; Editing by\n"
            "Tom Brown\n"
            "(c) Copyright Thomson Reuters 2024. Click For Restrictions -\n"
            "https://agency.thomsonreuters.com/en.html\n")
    found = list(set_aside(wire).items())
    assert [why for _, why in found] == ["dateline", None, "credit line", "copyright notice", "copyright notice"], found


@pytest.mark.parametrize("line", [
    "More than 20 people were hurt.",
    "Ends and means were debated.",
    "The war began on March 15, 2011.",
    "The rebels entered Aleppo on Saturday, Nov. 30, the ministry said.",
    "Assad fled to Moscow, officials said on Sunday.",
    "The file was sent to prosecutors in May.",
    "AP reporters saw the fighters enter the citadel.",
    "ESPN debuted at 7:00 PM, Friday, September 7, 1979.",
    "A Reuters/Ipsos poll released on Tuesday showed 40% approval.",
    "The AP/NORC poll found most voters undecided.",
    "Forearm support prevents strain, a study found (April 2006)",
    "The talks resumed in the capital (Paris) on Monday",
])
def test_article_sentences_that_end_like_captions_still_count(line):
    assert set_aside(f"{line}\nThe army regained the city in 2016.")[line] is None


@pytest.mark.parametrize("line, reason", [("more", "page furniture"), ("More", "page furniture"),
                                          ("MORE", "end-of-copy marker")])
def test_a_web_pages_more_link_is_furniture_and_a_wire_storys_more_a_marker(line, reason):
    assert set_aside(f"The army entered the city on Friday.\n{line}\nIt regained it in 2016.")[line] == reason


@pytest.mark.parametrize("code, line", [
    ("de", "Anzeige"), ("de", "Lesen Sie auch:"), ("fr", "Lire aussi"), ("fr", "Publicité"),
    ("es", "Publicidad"), ("es", "Lee también"), ("ru", "Читайте также"), ("ru", "Реклама"),
    ("zh", "相关阅读"), ("de", "Advertisement"),  # English furniture on a German page too
])
def test_page_furniture_is_read_in_the_texts_language(code, line):
    assert above_text_in(code, line)[line] == "page furniture"


def test_another_languages_furniture_is_an_english_texts_words():
    # "Anzeige" is German furniture; in an English text it is a word like any other.
    assert set_aside("Anzeige\nThe army regained the city in 2016.")["Anzeige"] is None


def test_a_german_pages_furniture_is_set_aside_when_its_language_is_detected():
    from paraphrase.document import prepare
    from paraphrase.options import DEFAULT_OPTIONS

    page = ("Die Stadtverwaltung hat am Montag beschlossen, die Bibliothek in der Ulmenstraße zu schließen.\n"
            "Anzeige\n"
            "Die Reparaturen würden nach Angaben der Verwaltung mehr als zwei Millionen Euro kosten.\n")
    document = prepare("seite", page, DEFAULT_OPTIONS)
    assert document.language == "de"
    assert [s.set_aside for s in document.sentences] == [None, "page furniture", None]


@pytest.mark.parametrize("code, line, reason", [
    ("de", "Von Anna Schmidt", "byline"),
    ("de", "Foto: Michael Kappeler/dpa", "photo credit"),
    ("de", "Alle Rechte vorbehalten.", "copyright notice"),
    ("fr", "Par Jean Dupont", "byline"),
    ("fr", "Photo : AFP", "photo credit"),
    ("fr", "Tous droits réservés.", "copyright notice"),
    ("es", "Por Juan Pérez", "byline"),
    ("es", "Foto: EFE", "photo credit"),
    ("es", "Todos los derechos reservados", "copyright notice"),
    ("ru", "Автор: Иван Петров", "byline"),
    ("ru", "Фото: ТАСС", "photo credit"),
    ("zh", "图片来源：新华社", "photo credit"),
    ("zh", "版权所有", "copyright notice"),
    ("de", "Aktualisiert am 30.11.2024, 15:45 Uhr", "timestamp"),
    ("fr", "Mis à jour le 1 décembre 2024 à 15h45", "timestamp"),
    ("es", "Actualizado el 30 nov 2024 - 15:45 CET", "timestamp"),
    ("ru", "Опубликовано 30 ноября 2024, 15:45", "timestamp"),
    ("zh", "发布时间：2024-11-30 15:45", "timestamp"),
])
def test_newsroom_lines_are_read_in_the_texts_language(code, line, reason):
    assert above_text_in(code, line)[line] == reason


@pytest.mark.parametrize("code, line", [
    ("de", "Von Berlin aus fuhr der Zug weiter nach Hamburg."),
    ("de", "Bild der Zerstörung in der Altstadt."),
    ("fr", "Par ailleurs, le ministre a démissionné."),
    ("es", "Por la mañana, el ministro dimitió."),
    ("fr", "Publié le 30 novembre 2024, le rapport montre une hausse des prix."),
    ("de", "Aktualisiert wurde die Liste 2023 zuletzt."),  # no date right after the word
    ("en", "Von Trapp Family"),  # another language's byline word is an English text's word
])
def test_sentences_that_open_like_another_languages_furniture_still_count(code, line):
    assert above_text_in(code, line)[line] is None
