"""Readers for the labelled corpora in shared/data (read from a path, never copied)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

CLOUGH = "clough-stevenson-2011"
MRPC = "mrpc-train/msr_paraphrase_train.txt"
STSB_TRAIN = "sts-benchmark-train-dev/sts-train.csv"
STSB_DEV = "sts-benchmark-train-dev/sts-dev.csv"

# Two "cut" answers were copied from a different article than the supplied source, so
# no engine can find their source text in it (noted by the corpus' users).
CLOUGH_MISSOURCED = frozenset({"g2pE_taskc.txt", "g4pD_taskb.txt"})


@dataclass(frozen=True)
class Answer:
    file: str
    task: str
    category: str  # cut, light, heavy or non
    path: Path
    source: Path


@dataclass(frozen=True)
class SentencePair:
    first: str
    second: str
    label: float  # MRPC: 1 paraphrase, 0 not; STS-B: similarity 0-5
    genre: str = ""


def clough_answers(data: Path) -> list[Answer]:
    """The 95 answers with their labels and the Wikipedia source each was written from."""
    root = _exists(data / CLOUGH)
    with open(root / "file_information.csv", newline="", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["Category"] != "orig"]
    return [
        Answer(row["File"], row["Task"], row["Category"], root / row["File"], root / f"orig_task{row['Task']}.txt")
        for row in rows
    ]


def mrpc_pairs(data: Path) -> list[SentencePair]:
    """MRPC train: 4,076 news sentence pairs labelled paraphrase (1) or not (0)."""
    lines = _exists(data / MRPC).read_text(encoding="utf-8-sig").splitlines()[1:]
    fields = [line.split("\t") for line in lines if line.strip()]
    return [SentencePair(f[3], f[4], float(f[0])) for f in fields]


def stsb_pairs(data: Path, part: str = "dev") -> list[SentencePair]:
    """STS Benchmark train or dev: pairs scored 0-5, with their genre (news, captions, forum)."""
    path = _exists(data / (STSB_DEV if part == "dev" else STSB_TRAIN))
    fields = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [SentencePair(f[5], f[6], float(f[4]), f[0].removeprefix("main-")) for f in fields]


def _exists(path: Path) -> Path:
    if not path.exists():
        raise InputError(f"{path}: not found (give the folder holding the labelled corpora with --data)")
    return path


PAN13 = "pan13-text-alignment-train"
# The subsets in corpus order, with the kind of reuse each holds.
PAN13_SUBSETS = {
    "01-no-plagiarism": "none", "02-no-obfuscation": "verbatim", "03-random-obfuscation": "random",
    "04-translation-obfuscation": "translation", "05-summary-obfuscation": "summary",
}


@dataclass(frozen=True, order=True)
class Case:
    """One reused passage: character spans (start, end) in the suspicious and source texts."""

    suspicious: tuple[int, int]
    source: tuple[int, int]


@dataclass(frozen=True)
class PanPair:
    subset: str  # a kind of reuse, a value of PAN13_SUBSETS
    suspicious: Path
    source: Path
    cases: tuple[Case, ...]  # none for a pair without reuse


def pan13_pairs(data: Path) -> list[PanPair]:
    """The 5,185 PAN-13 text alignment training pairs, subset by subset, with their gold passages."""
    root = _exists(data / PAN13)
    return [_pan_pair(root, kind, xml) for folder, kind in PAN13_SUBSETS.items()
            for xml in sorted((root / folder).glob("*.xml"))]


def _pan_pair(root: Path, kind: str, xml: Path) -> PanPair:
    import xml.etree.ElementTree as ElementTree  # the corpus' own files, not user input

    document = ElementTree.parse(xml).getroot()
    features = [f.attrib for f in document.iter("feature") if f.get("name") == "plagiarism"]
    source = xml.stem.split("-", 2)[2] + ".txt"  # suspicious-documentNNNNN-source-documentMMMMM
    cases = tuple(Case(_span(f, "this"), _span(f, "source")) for f in features)
    return PanPair(kind, root / "susp" / document.attrib["reference"], root / "src" / source, cases)


def _span(feature: dict[str, str], side: str) -> tuple[int, int]:
    start = int(feature[f"{side}_offset"])
    return start, start + int(feature[f"{side}_length"])


PARALLEL_NEWS = "parallel-news"
PARALLEL_SETS = ("wmt-newstest2012-multiway-en-de-fr-es-ru", "wmt-newstest2013-multiway-en-de-fr-es-ru")
PARALLEL_LANGUAGES = ("en", "de", "fr", "es", "ru")


@dataclass(frozen=True)
class Article:
    """One WMT news article in one language: its sentences (``<seg>``) in order. The same
    ``docid`` and sentence position in another language is a professional translation."""

    docid: str
    origlang: str
    language: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)


def parallel_articles(data: Path, language: str) -> list[Article]:
    """The 151 articles of WMT newstest2012 and newstest2013 in ``language``, set by set."""
    import html
    import re

    root = _exists(data / PARALLEL_NEWS)
    doc = re.compile(r'<doc docid="([^"]*)"[^>]*origlang="([^"]*)"[^>]*>(.*?)</doc>', re.DOTALL)
    seg = re.compile(r"<seg id=\"\d+\">(.*?)</seg>")
    articles = []
    for folder in PARALLEL_SETS:
        setid = folder.split("-")[1]
        sgm = _exists(root / folder / f"{setid}-src.{language}.sgm").read_text(encoding="utf-8")
        for match in doc.finditer(sgm):
            sentences = tuple(html.unescape(s).strip() for s in seg.findall(match.group(3)))
            articles.append(Article(f"{setid}/{match.group(1)}", match.group(2), language, sentences))
    return articles
