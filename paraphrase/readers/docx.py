"""Word documents (.docx): paragraphs and table cells in document order, read safely.

A .docx is a zip of XML parts. The zip's directory is checked before anything is
inflated (a 2 MB file can hold a 2 GB part), and the XML is parsed without a DTD:
Word never writes one, and one is how entity expansion and external entities get in.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

MAX_UNCOMPRESSED_BYTES = 200 * 2**20  # all parts together, as the zip directory declares them
MAX_RATIO = 200  # inflated / compressed size of any one part; text XML rarely passes 20
_MAIN_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def sniff(data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04"


def extract(data: bytes, name: str) -> str:
    """The text of a .docx's paragraphs and table cells, one paragraph a line."""
    xml = _main_part(data, name)
    return "\n\n".join(_paragraphs(_parse(xml, name)))


def _main_part(data: bytes, name: str) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sizes(archive, name)
            return archive.read(_MAIN_PART)
    except KeyError:
        raise InputError(f"{name}: not a readable .docx file (no {_MAIN_PART})") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as error:
        raise InputError(f"{name}: not a readable .docx file ({error})") from None


def _check_sizes(archive: zipfile.ZipFile, name: str) -> None:
    parts = archive.infolist()
    if sum(p.file_size for p in parts) > MAX_UNCOMPRESSED_BYTES:
        raise InputError(f"{name}: .docx expands to more than {MAX_UNCOMPRESSED_BYTES // 2**20} MB; refused")
    for part in parts:
        if part.file_size > MAX_RATIO * max(part.compress_size, 1024):
            raise InputError(f"{name}: .docx part {part.filename} is compressed {part.file_size // max(part.compress_size, 1)}"
                             " to 1, like a decompression bomb; refused")


def _parse(xml: bytes, name: str) -> "Element":
    from lxml import etree

    if b"<!DOCTYPE" in xml[:4096].upper():
        raise InputError(f"{name}: .docx holds a DTD (entities), which Word never writes; refused")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"{name}: not a readable .docx file (bad XML: {error})") from None


def _paragraphs(root: "Element") -> list[str]:
    # Every w:p in document order, tables' cells included; w:t runs joined, tabs and breaks kept.
    found = []
    for paragraph in root.iter(f"{_W}p"):
        text = "".join(_run_text(node) for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"))
        if text.strip():
            found.append(text)
    return found


def _run_text(node: "Element") -> str:
    if node.tag == f"{_W}t":
        return node.text or ""
    return "\t" if node.tag == f"{_W}tab" else "\n"

