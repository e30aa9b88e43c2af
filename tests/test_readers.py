"""The format table: each reader on real-looking files, and what it refuses."""

import io
import textwrap
import zipfile
import zlib

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from paraphrase import InputError, compare
from paraphrase.read import decode
from paraphrase.readers import READERS, SUFFIXES, reader_for
from paraphrase.segment import segments

from .conftest import seed

STORY = seed("001").read_text(encoding="utf-8")
# The story's sentences, each one line of the file (headings and captions left out).
STORY_SENTENCES = [s for line in STORY.splitlines() for s in [line.strip()] if len(s) > 40 and s[-1] in ".\"”"]


def words(text):
    return " ".join(text.split())


def test_every_suffix_belongs_to_one_reader():
    assert len(SUFFIXES) == len(set(SUFFIXES))
    for reader in READERS:
        for suffix in reader.suffixes:
            assert reader_for(b"plain words", suffix) is reader


# --- plain text and encodings ---------------------------------------------------------

RUSSIAN = "Повстанцы вошли в Алеппо в четверг. Армия отступила из города, сообщили военные. " * 4


@pytest.mark.parametrize(
    "data, expected",
    [
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (STORY[:600].encode("utf-16-le"), STORY[:600]),
        ("Die Straße in München wurde am Montag für den Verkehr gesperrt.".encode("cp1252"),
         "Die Straße in München wurde am Montag für den Verkehr gesperrt."),
        ("Zażółć gęślą jaźń, powiedział minister w środę.".encode("cp1250"),
         "Zażółć gęślą jaźń, powiedział minister w środę."),
    ],
    ids=["cp1251 russian", "utf-16 without BOM", "cp1252 german", "cp1250 polish"],
)
def test_encodings_are_detected(data, expected):
    assert decode(data, "x") == expected


def test_identical_texts_in_a_cyrillic_code_page_are_identical():
    # Regression: cp1251 became cp1252 mojibake, and two identical texts came out "independent".
    result = compare(RUSSIAN.encode("cp1251"), RUSSIAN.encode("utf-8"), names=("a.txt", "b.txt"))
    assert result.summary.verdict == "rewording"
    assert {p.edit_class for p in result.pairs} == {"identical"}


def test_a_few_nul_bytes_in_long_text_are_text_and_keep_offsets():
    data = STORY.encode("utf-8").replace(b". ", b".\x00 ", 3)
    text = decode(data, "old-corpus.txt")
    assert len(text) == len(data.decode("utf-8")) and "\x00" not in text


# --- agency wire copy -------------------------------------------------------------------

WIRE_PARAGRAPHS = [
    "A man accused of killing his neighbour in a row over a hedge told a jury he ``only "
    "wanted to talk''. John Smith, 54, denies murder at Lewes Crown Court.",
    "The court heard the dispute had gone on for three years and cost both families more "
    "than #20,000 in legal fees.",
    "The trial continues.",
]


def wire_story():
    """A story as an IPTC 7901 feed delivers it: slug, rule, byline, framed paragraphs."""
    body = "".join("\x19" + "\n".join(textwrap.wrap(p, 69)) + "<\n" for p in WIRE_PARAGRAPHS)
    rule = "-" * 40
    return f"14:05 03/04/00: Page 2 (HHH) COURTS Hedge\n{rule}\nBy Jane Smith, PA News\n{body}"


def test_agency_wire_copy_is_text_read_as_paragraphs():
    data = wire_story().encode("latin-1")
    text = decode(data, "wire")
    assert len(text) == len(data)  # one character for one: offsets are exact
    doc = compare(text, "\n\n".join(WIRE_PARAGRAPHS)).a
    counted = [words(s.text) for s in doc.counted]
    assert counted == [
        "A man accused of killing his neighbour in a row over a hedge told a jury he ``only wanted to talk''.",
        "John Smith, 54, denies murder at Lewes Crown Court.",
        "The court heard the dispute had gone on for three years and cost both families more than #20,000 in legal fees.",
        "The trial continues.",
    ]
    asides = {words(s.text): s.set_aside for s in doc.sentences if s.set_aside}
    assert set(asides.values()) == {"agency slug line", "rule", "byline"}


def test_wire_copy_and_its_web_version_are_the_same_sentences():
    result = compare(wire_story(), "\n\n".join(WIRE_PARAGRAPHS))
    # Copies of one text: even "The trial continues.", too short to align elsewhere, aligns.
    assert [p.edit_class for p in result.pairs] == ["identical"] * 4
    assert result.summary.a_counted == result.summary.b_counted == 4 and result.summary.identical


# --- hard-wrapped text ------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(range(len(STORY_SENTENCES))), min_size=1, max_size=5), min_size=1, max_size=6),
       st.integers(35, 100), st.booleans())
@example([[4]], 94, False)  # a line ending in a quotation closed after a comma: '... in the past,”'
def test_a_story_wrapped_and_unwrapped_gives_the_same_sentences(paragraph_picks, width, blank_lines):
    paragraphs = [" ".join(STORY_SENTENCES[i] for i in picks) for picks in paragraph_picks]
    separator = "\n\n" if blank_lines else "\n"
    plain = separator.join(paragraphs)
    wrapped = separator.join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
                             for p in paragraphs)
    assume(wrapped.count("\n") >= 2)  # two lines alone may as well be a heading and its paragraph
    assert [words(wrapped[s:e]) for s, e in segments(wrapped)] == [words(plain[s:e]) for s, e in segments(plain)]


# --- .docx ------------------------------------------------------------------------------

def docx_bytes(document_xml: bytes, extra_parts=()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document_xml)
        for name, data in extra_parts:
            archive.writestr(name, data)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_tables_are_read_with_the_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("The council published its figures on Monday.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Repairs would cost $2.3 million."
    table.cell(0, 1).text = "The branch opened in 1964."
    document.save(tmp_path / "t.docx")
    text = decode((tmp_path / "t.docx").read_bytes(), "t.docx", ".docx")
    assert text.split("\n\n") == ["The council published its figures on Monday.",
                                  "Repairs would cost $2.3 million.", "The branch opened in 1964."]


def test_docx_decompression_bomb_is_refused_before_inflating():
    bomb = docx_bytes(b"<w:document " + W.encode() + b"><w:body>" + b" " * (60 * 2**20) + b"</w:body></w:document>")
    assert len(bomb) < 2**20
    with pytest.raises(InputError, match="decompression bomb"):
        decode(bomb, "bomb.docx", ".docx")


@pytest.mark.parametrize(
    "xml, problem",
    [
        (b"<w:document " + W.encode() + b"><w:body><w:p>", "bad XML"),
        (b'<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><w:document ' + W.encode()
         + b"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>", "DTD"),
        (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document '
         + W.encode() + b"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>", "DTD"),
    ],
    ids=["bad xml", "external entity", "entity expansion"],
)
def test_malformed_docx_is_an_input_error_naming_the_file(xml, problem):
    with pytest.raises(InputError, match=f"story.docx: .*{problem}"):
        decode(docx_bytes(xml), "story.docx", ".docx")


def test_zip_without_a_word_document_is_an_input_error():
    with pytest.raises(InputError, match="no word/document.xml"):
        decode(_zip_of("notes.txt", b"hello"), "story.docx", ".docx")


def _zip_of(name, data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


# --- PDF --------------------------------------------------------------------------------

def pdf_of(paragraphs, columns=1):
    """A PDF made with fpdf2: one column of paragraphs, or two columns written line by
    line across the page, as many layout programs emit them."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    latin = [p.encode("latin-1", "replace").decode("latin-1") for p in paragraphs]
    if columns == 1:
        for paragraph in latin:
            pdf.multi_cell(0, 5, paragraph)
            pdf.ln(4)
    else:
        half = len(latin) // 2
        left, right = (textwrap.wrap(" ".join(part), 45) for part in (latin[:half], latin[half:]))
        for row in range(max(len(left), len(right))):
            for x, column in ((10, left), (110, right)):
                if row < len(column):
                    pdf.text(x, 20 + 5 * row, column[row])
    return bytes(pdf.output())


PARAGRAPHS = [p for p in STORY.split("\n") if p.strip()][:8]


@pytest.mark.parametrize("columns", [1, 2])
def test_pdf_text_comes_in_reading_order(columns):
    text = decode(pdf_of(PARAGRAPHS, columns), "story.pdf", ".pdf")
    expected = words(" ".join(PARAGRAPHS).encode("latin-1", "replace").decode("latin-1"))
    assert words(text) == expected


def test_pdf_compared_with_its_text_is_a_rewording():
    result = compare(pdf_of(PARAGRAPHS), "\n\n".join(PARAGRAPHS), names=("story.pdf", "story.txt"))
    assert result.summary.verdict == "rewording" and result.summary.a_reused >= 0.9


def test_pdf_decompression_bomb_is_refused():
    stream = zlib.compress(b" " * (100 * 2**20), 9)
    bomb = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
            b"4 0 obj<</Length " + str(len(stream)).encode() + b"/Filter/FlateDecode>>stream\n" + stream
            + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF")
    with pytest.raises(InputError, match="bomb.pdf: .*inflates to more than"):
        decode(bomb, "bomb.pdf", ".pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"%PDF-" + bytes(range(256)) * 4])
def test_broken_pdf_is_an_input_error(data):
    with pytest.raises(InputError, match="scan.pdf"):
        decode(data, "scan.pdf", ".pdf")
