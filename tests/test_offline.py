"""The engine runs with no network and no downloaded nltk data."""

import subprocess
import sys

from .conftest import seed

PROBE = """
import socket, sys
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
import nltk
nltk.download = lambda *a, **k: sys.exit("nltk.download called")
import paraphrase
from pathlib import Path
result = paraphrase.compare(Path(sys.argv[1]), Path(sys.argv[2]))
print(result.summary.verdict)
"""


def test_compare_needs_no_network_and_no_nltk_data(tmp_path):
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(seed("000")), str(seed("001"))],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "rewording"
