import codecs
import io

import pytest

from paraphrase import InputError
from paraphrase.read import decode, load

from .conftest import SHARED_DATA


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Café “quoted” text.".encode("utf-8"), "Café “quoted” text."),
        (codecs.BOM_UTF8 + "Café text.".encode("utf-8"), "Café text."),
        ("Café “quoted” — text.".encode("cp1252"), "Café “quoted” — text."),
        ("Café text.".encode("utf-16"), "Café text."),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "utf-16 with BOM"],
)
def test_decodes_common_encodings(data, expected):
    assert decode(data, "x") == expected


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"abc \x81\x8d\x8f\x90 def", "not text"),
    ],
    ids=["empty", "white space", "png", "control bytes", "undefined in cp1252"],
)
def test_bad_input_is_a_clear_input_error(data, problem):
    with pytest.raises(InputError, match=f"upload.bin: {problem}"):
        decode(data, "upload.bin")


def test_input_error_is_also_a_value_error():
    with pytest.raises(ValueError):
        decode(b"", "x")


def test_html_page_yields_article_text_without_scripts():
    html = (
        "<html><head><title>t</title><script>alert('x')</script></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Storm hits the coast</h1>"
        "<p>A powerful storm hit the northern coast on Monday, cutting power to thousands of homes "
        "and closing the main harbour for the day.</p>"
        "<p>Officials said repairs would take until the end of the week at the earliest.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    text = decode(html.encode("utf-8"), "page.html", suffix=".html")
    assert "powerful storm hit the northern coast" in text
    assert "alert" not in text


def test_html_without_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        decode(b"<html><body><script>x()</script></body></html>", "page.html", suffix=".html")


def test_docx_paragraphs_are_read(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("First paragraph of the story.")
    document.add_paragraph("Second paragraph, with a quote.")
    path = tmp_path / "story.docx"
    document.save(path)
    name, text = load(path, "A")
    assert name == "story"
    assert text == "First paragraph of the story.\n\nSecond paragraph, with a quote."


def test_broken_docx_is_an_input_error():
    with pytest.raises(InputError, match="not a readable .docx"):
        decode(b"PK\x03\x04 not really a zip", "story.docx", suffix=".docx")


def test_string_naming_a_file_is_read_as_a_path(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Text in a file.", encoding="utf-8")
    assert load(str(path), "A") == ("article", "Text in a file.")
    assert load("Text in a file.", "A") == ("A", "Text in a file.")


def test_missing_file_is_an_input_error(tmp_path):
    from pathlib import Path

    with pytest.raises(InputError, match="cannot read"):
        load(Path(tmp_path / "missing.txt"), "A")


def test_windows_1252_corpus_files_decode_without_replacement_characters():
    files = sorted((SHARED_DATA / "clough-stevenson-2011").glob("g*.txt"))
    if not files:
        pytest.skip("shared/data is not beside the checkout")
    cp1252 = [f for f in files if not _is_utf8(f.read_bytes())]
    assert len(cp1252) == 17  # as the corpus notes say
    for path in cp1252:
        assert "\ufffd" not in load(path, "x")[1]


def _is_utf8(data: bytes) -> bool:
    try:
        io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()
        return True
    except UnicodeDecodeError:
        return False
