import json
import random
import subprocess
import sys

import pytest

from ..conftest import ROOT, seed


def run(*args, cwd=None, timeout=120):
    """The command in a real process, as a pipeline runs it."""
    return subprocess.run([sys.executable, "-m", "paraphrase.cli", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=timeout)


@pytest.fixture
def wire_index(tmp_path):
    """An index of seeds 001-004: the corpus 000 was rewritten from."""
    path = tmp_path / "wire.db"
    done = run("index", "add", path, *(seed(n) for n in ("001", "002", "003", "004")))
    assert done.returncode == 0, done.stderr
    return path


def synthetic_jsonl(path, count, seed_value=0):
    """``count`` short documents shuffled from the seeds' sentences, as JSON Lines."""
    from paraphrase.segment import segments

    sentences = []
    for number in ("000", "001", "002", "003", "004"):
        text = seed(number).read_text(encoding="utf-8")
        sentences += [text[s:e] for s, e in segments(text)]
    rng = random.Random(seed_value)
    with open(path, "w", encoding="utf-8") as out:
        for k in range(count):
            body = " ".join(rng.sample(sentences, 6)) + f" Item {k} of the synthetic wire."
            out.write(json.dumps({"id": f"syn-{k}", "text": body, "date": "2024-11-30", "source": "Synthetic"}) + "\n")
    return path
