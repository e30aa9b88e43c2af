"""copy-spotter's comparison of the pairs listed in a file, timed in its own environment.

    benchmarks/.peers/bin/python benchmarks/peer_copy_spotter.py pairs.tsv

copy-spotter (MIT, https://github.com/Wazzabeee/copy-spotter) pins nltk 3.6.6 and
beautifulsoup4 4.10.0, so it is installed beside the engine, never with it:

    python3 -m venv benchmarks/.peers && benchmarks/.peers/bin/pip install -r benchmarks/peers.txt

``pairs.tsv`` holds one "A<TAB>B" line per pair (UTF-8 text files: copy-spotter reads no
other encoding). As its command does, each file's words are read once; then, per pair,
its similarity score alone, and its score with the matching blocks it highlights (on a
parsed empty page, not written to disk). Prints the best of three runs of each, in
seconds, on one line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup
from scripts.html_writing import get_span_blocks
from scripts.processing_files import get_words_from_txt_file
from scripts.similarity import difflib_overlap

BLOCK_SIZE = 2  # copy-spotter's default: two consecutive words make a match


def run(pairs: list[tuple[str, str]], highlight: bool) -> None:
    words = {name: get_words_from_txt_file(name) for pair in pairs for name in pair}
    for a, b in pairs:
        difflib_overlap(words[a], words[b])
        if highlight:
            get_span_blocks(BeautifulSoup("", "html.parser"), words[a], words[b], BLOCK_SIZE)


def best_of_three(pairs: list[tuple[str, str]], highlight: bool) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        run(pairs, highlight)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    pairs = [(a, b) for a, b in (line.split("\t") for line in lines)]
    print(best_of_three(pairs, highlight=False), best_of_three(pairs, highlight=True))


if __name__ == "__main__":
    main()
