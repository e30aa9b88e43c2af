"""Random text, bytes and .docx-like zips: only InputError (or a 4xx) ever comes out."""

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paraphrase import InputError, compare
from paraphrase.read import load
from paraphrase.readers import SUFFIXES

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
names = st.sampled_from(["upload", *(f"upload{s}" for s in SUFFIXES), "LGPL-2.1"])


def offsets_are_exact(result):
    for document in (result.a, result.b):
        for sentence in document.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text


@FUZZ
@given(st.text(max_size=600), st.text(max_size=600))
def test_random_text_is_compared_or_refused(a, b):
    try:
        result = compare(a, b)
    except InputError as error:
        assert "empty" in str(error)  # the one way text can be refused
        return
    offsets_are_exact(result)


@FUZZ
@given(st.binary(max_size=2000), names)
def test_random_bytes_are_read_or_refused(data, name):
    try:
        load(data, name)
    except InputError:
        pass


xml_parts = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda body: b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              + body + b"</w:document>", st.binary(max_size=200)),
    st.sampled_from([b"<w:p><w:t>x", b"<!DOCTYPE x [<!ENTITY e 'a'>]><x>&e;</x>", b"\xff\xfe<\x00"]),
)


@st.composite
def docx_like(draw):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as archive:
        for name in draw(st.lists(st.sampled_from(["word/document.xml", "[Content_Types].xml", "x.bin"]),
                                  max_size=3, unique=True)):
            archive.writestr(name, draw(xml_parts))
    data = buffer.getvalue()
    cut = draw(st.integers(0, len(data)))
    return data if draw(st.booleans()) else data[:cut]  # sometimes truncated


@FUZZ
@given(docx_like())
def test_docx_like_zips_are_read_or_refused(data):
    try:
        load(data, "story.docx")
    except InputError:
        pass
