"""Many comparisons in one run: each document read and prepared once, pairs spread over cores.

Preparing a document (reading, sentences, features) costs several times comparing two
prepared ones, and a batch often pairs one source with many rewrites; so the distinct
files are prepared first, once each, and the pairs are then compared from the prepared
documents. Both steps run on a process pool (the engine keeps no state between
comparisons); results come back in the order of the pairs, as each is ready.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from .comparison import Comparison
from .document import Document, prepare
from .errors import InputError
from .options import DEFAULT_OPTIONS, Options
from .pipeline import compare_documents
from .read import load

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PairResult:
    """One pair of a batch: its comparison, or why it could not be compared."""

    a: Path
    b: Path
    comparison: Comparison | None
    error: str | None = None  # an InputError's message, naming the file


def compare_pairs(pairs: Sequence[tuple[Path, Path]], options: Options | None = None,
                  workers: int | None = None) -> Iterator[PairResult]:
    """Compare each (A, B) pair of files; ``workers`` processes (default: every core, one
    process for a single pair)."""
    options = options or DEFAULT_OPTIONS
    files = sorted({path for pair in pairs for path in pair})
    with _mapper(workers if workers is not None else (1 if len(pairs) < 2 else os.cpu_count() or 1)) as run:
        prepared = dict(zip(files, run(partial(_prepared, options=options), files)))
        outcomes = run(partial(_compared, options=options), [(prepared[a], prepared[b]) for a, b in pairs])
        for (a, b), (comparison, error) in zip(pairs, outcomes):
            yield PairResult(a, b, comparison, error)


def _prepared(path: Path, options: Options) -> Document | str:
    try:
        return prepare(*load(path, path.name), options)
    except InputError as error:  # reported with each pair the file is in
        return str(error)


def _compared(documents: tuple[Document | str, Document | str], options: Options) -> tuple[Comparison | None, str | None]:
    a, b = documents
    if isinstance(a, str) or isinstance(b, str):
        return None, a if isinstance(a, str) else str(b)
    return compare_documents(a, b, options), None


Mapper = Callable[[Callable[[T], R], Iterable[T]], Iterator[R]]


@contextmanager
def _mapper(workers: int) -> Iterator[Mapper[Any, Any]]:
    """An ordered, lazy map: the builtin one for one worker, else a process pool's."""
    if workers <= 1:
        yield map
        return
    with ProcessPoolExecutor(workers) as pool:
        yield lambda function, items: pool.map(function, items, chunksize=8)


def read_pairs(path: Path) -> list[tuple[Path, Path]]:
    """The (A, B) files of a pairs file: one "A<TAB>B" line per pair, paths relative to the
    pairs file's folder; blank lines and lines starting with # are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the pairs file ({error})") from None
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not all(f.strip() for f in fields):
            raise InputError(f"{path}:{number}: expected two file names separated by a tab")
        pairs.append((path.parent / fields[0].strip(), path.parent / fields[1].strip()))
    if not pairs:
        raise InputError(f"{path}: no pairs")
    return pairs
