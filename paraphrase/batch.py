"""Many comparisons in one run: each document read and prepared once, pairs spread over cores.

Preparing a document (reading, sentences, features) costs about as much as comparing two
prepared ones, and a batch often pairs one source with many rewrites; so each process
keeps the documents it prepared (``PREPARED_PER_PROCESS``, the most recent) and reads a
file once however many of its pairs hold it. The pairs run on a process pool in runs of
consecutive pairs (a source listed with its rewrites stays in one process); the engine
keeps no state between comparisons. Results come back in the order of the pairs, as each
is ready.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from .comparison import Comparison
from .cores import usable_cores
from .document import Document, prepare
from .errors import InputError
from .options import DEFAULT_OPTIONS, Options
from .pipeline import compare_documents
from .read import load, read_bytes

PREPARED_PER_PROCESS = 64  # prepared documents each process keeps, the most recently used
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PairResult:
    """One pair of a batch: its comparison (or what ``convert`` made of it), or why it could not be compared."""

    a: Path
    b: Path
    comparison: Any  # a Comparison, what ``convert`` made of it, or None
    error: str | None = None  # an InputError's message, naming the file


def compare_pairs(pairs: Sequence[tuple[Path, Path]], options: Options | None = None,
                  workers: int | None = None, *,
                  convert: Callable[[Comparison], Any] | None = None) -> Iterator[PairResult]:
    """Compare each (A, B) pair of files; ``workers`` processes (default: every core, one
    process for a single pair).

    With ``convert``, a picklable function of a comparison (``Comparison.to_dict``,
    ``operator.attrgetter("summary")``), each result comes as what it returns, made in the
    process that compared the pair: what a report needs, several times cheaper to send
    between processes than the comparison with both prepared documents, and no word diff
    worked out that the report does not read.
    """
    options = options or DEFAULT_OPTIONS
    compared = partial(_compared, options=options, convert=convert)
    try:
        with _mapper(workers if workers is not None else (1 if len(pairs) < 2 else usable_cores())) as run:
            for (a, b), (comparison, error) in zip(pairs, run(compared, pairs)):
                yield PairResult(a, b, comparison, error)
    finally:
        _prepared.cache_clear()  # this process's documents (the pool's go with its processes)


def _compared(pair: tuple[Path, Path], options: Options,
              convert: Callable[[Comparison], Any] | None) -> tuple[Any, str | None]:
    a, b = (_prepared(path, options) for path in pair)
    if isinstance(a, str) or isinstance(b, str):
        return None, a if isinstance(a, str) else str(b)
    comparison = compare_documents(a, b, options)
    return convert(comparison) if convert else comparison, None


@lru_cache(maxsize=PREPARED_PER_PROCESS)
def _prepared(path: Path, options: Options) -> Document | str:
    try:
        return prepare(*load(path, path.name), options)
    except InputError as error:  # reported with each pair the file is in
        return str(error)


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
        lines = read_bytes(path).decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
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
