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
        (bytes(__import__("random").Random(7).randbytes(2000)), "binary"),
        (b"\xff\xfe\x00\x00" + bytes(__import__("random").Random(7).randbytes(2000)), "binary"),
    ],
    ids=["empty", "white space", "png", "control bytes", "random bytes", "random bytes after a BOM"],
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


@pytest.mark.parametrize("text", ["/etc/passwd", "/proc/self/status", "word " * 60, "../" * 100 + "etc/hosts"],
                         ids=["etc-passwd", "proc", "longer than a file name", "relative"])
def test_text_that_names_a_file_is_read_as_text_never_opened(text):
    # Regression: a one-line str naming an existing file used to be read from disk, and one
    # longer than 255 bytes raised OSError (File name too long).
    assert load(text, "A") == ("A", text)


def test_a_path_is_a_file_and_its_name_keeps_every_dot_but_a_known_suffix(tmp_path):
    for file_name in ("article.txt", "Apache-2.0", "LGPL-2.1", "notes"):
        path = tmp_path / file_name
        path.write_text("Text in a file.", encoding="utf-8")
        assert load(path, "A") == (file_name.removesuffix(".txt"), "Text in a file.")


def test_bytes_are_an_upload_read_by_its_suffix_and_content():
    assert load("<p>not a page</p>".encode(), "notes.txt") == ("notes.txt", "<p>not a page</p>")
    page = b"<html><body><article><p>" + b"A storm hit the northern coast on Monday. " * 5 + b"</p></article></body></html>"
    assert "storm hit the northern coast" in load(page, "LGPL-2.1")[1]


def test_anything_else_is_a_type_error():
    with pytest.raises(TypeError, match="pathlib.Path"):
        load(42, "A")  # type: ignore[arg-type]


def test_missing_file_is_an_input_error(tmp_path):
    from pathlib import Path

    with pytest.raises(InputError, match="cannot read"):
        load(Path(tmp_path / "missing.txt"), "A")


@pytest.mark.parametrize("endless", [False, True], ids=["large file", "device without a size"])
def test_an_input_past_the_size_limit_is_refused_after_reading_one_byte_more(tmp_path, monkeypatch, endless):
    from pathlib import Path

    import paraphrase.read

    monkeypatch.setattr(paraphrase.read, "MAX_BYTES", 1000)
    path = Path("/dev/zero") if endless else tmp_path / "large.txt"
    if not endless:
        path.write_text("Rates rose. " * 100)
    elif not path.exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(InputError, match="larger than"):
        load(path, "A")


@pytest.mark.shared_data
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
