"""Many comparisons: the 95 Clough & Stevenson answer/source pairs, against difflib in the same process.

    python benchmarks/bench_batch.py [--data ../shared/data]

Runs, best of 3 each:

* difflib: ``difflib.SequenceMatcher`` over each pair's words (read from the files), the
  baseline a naive tool would run;
* in-process: ``paraphrase.compare`` on each pair, one after another (a source is
  prepared for its first answer and kept for the next 18: ``document.prepare``); the
  verdict, shares and aligned pairs, with each pair's word diff left until it is read;
* in-process, every diff read: the same, reading each pair's diff and changed facts, as
  the command line, the viewer and JSON do;
* in-process, each file prepared once: ``paraphrase.batch.compare_pairs`` on one core,
  what ``--pairs`` runs in each worker (it returns the JSON form, diffs included);
* batch command: ``paraphrase compare --pairs`` in a new process, wall clock including
  start-up (every core), as a pipeline would run it;
* one process per pair: ``paraphrase compare A B`` 95 times (run once: it is slow), what
  was needed before ``--pairs``;
* copy-spotter, a peer, on the same pairs (UTF-8 copies of the files, the only encoding
  it reads): its score alone, and its score with the blocks it highlights, timed in its
  own environment (``peer_copy_spotter.py``; skipped, with how to
  install it, when ``--peers`` names no such interpreter).

Each in-process run starts with no document kept (``forget_prepared``), so that the
second and third runs do not reuse the first's.

Targets (issue #14): the in-process run at most 2x difflib and within 2x of copy-spotter,
the batch command under 1 s.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "benchmarks" / ".peers" / "bin" / "python"
sys.path.insert(0, str(ROOT))

import paraphrase  # noqa: E402
from read_diffs import read_diffs  # noqa: E402  (beside this script)
from paraphrase.batch import compare_pairs  # noqa: E402
from paraphrase.document import forget_prepared  # noqa: E402
from paraphrase.evaluation.corpora import clough_answers  # noqa: E402


def best_of(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        forget_prepared()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--peers", type=Path, default=PEERS,
                        help="the Python of the peers' environment (default: benchmarks/.peers)")
    args = parser.parse_args()
    pairs = [(answer.path, answer.source) for answer in clough_answers(args.data)]
    texts = [(a.read_text(encoding="utf-8", errors="replace"), b.read_text(encoding="utf-8", errors="replace"))
             for a, b in pairs]
    command = [sys.executable, "-m", "paraphrase.cli", "compare"]

    baseline = best_of(lambda: [difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
                                for a, b in texts])
    in_process = best_of(lambda: [paraphrase.compare(a, b) for a, b in pairs])
    with_diffs = best_of(lambda: [read_diffs(paraphrase.compare(a, b)) for a, b in pairs])
    prepared_once = best_of(lambda: list(compare_pairs(pairs, workers=1)))
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "pairs.tsv"
        listing.write_text("".join(f"{a.resolve()}\t{b.resolve()}\n" for a, b in pairs), encoding="utf-8")
        batch = best_of(lambda: subprocess.run([*command, "--pairs", str(listing)], check=True,
                                               capture_output=True))
        peer = copy_spotter(args.peers, texts, Path(folder))
    one_by_one = best_of(lambda: [subprocess.run([*command, str(a), str(b)], capture_output=True) for a, b in pairs],
                         repeat=1)

    print(f"{len(pairs)} pairs                      seconds   ratio to difflib")
    for name, seconds in (("difflib on words", baseline), ("compare, in-process", in_process),
                          ("compare, every diff read", with_diffs),
                          ("files prepared once, in-process", prepared_once),
                          ("compare --pairs, new process", batch), ("one process per pair", one_by_one),
                          *([("copy-spotter: score", peer[0]), ("copy-spotter: score, highlights", peer[1])]
                            if peer else [])):
        print(f"{name:32} {seconds:8.3f}   {seconds / baseline:8.1f}x")
    print(f"(cores: {len(os.sched_getaffinity(0))}; best of 3, one process per pair run once)")
    if peer:
        print(f"compare, in-process: {in_process / peer[0]:.1f}x copy-spotter's score; with every diff read "
              f"{with_diffs / peer[1]:.1f}x its score and highlights (copy-spotter in its own environment)")
    else:
        print(f"copy-spotter skipped: no {args.peers}; python3 -m venv benchmarks/.peers && "
              "benchmarks/.peers/bin/pip install -r benchmarks/peers.txt")


def copy_spotter(python: Path, texts: list[tuple[str, str]], folder: Path) -> tuple[float, float] | None:
    """copy-spotter's best times on the pairs, score alone and with its highlights, run by
    ``python`` (None when it is not there)."""
    if not python.exists():
        return None
    names: dict[str, Path] = {}
    for text in {text for pair in texts for text in pair}:
        names[text] = folder / f"{len(names)}.txt"
        names[text].write_text(text, encoding="utf-8")
    listing = folder / "peer-pairs.tsv"
    listing.write_text("".join(f"{names[a]}\t{names[b]}\n" for a, b in texts), encoding="utf-8")
    done = subprocess.run([str(python), str(ROOT / "benchmarks" / "peer_copy_spotter.py"), str(listing)],
                          capture_output=True, text=True, check=True)
    score, highlights = (float(word) for word in done.stdout.split())
    return score, highlights


if __name__ == "__main__":
    main()
