"""The library is fully typed (it ships py.typed) and the viewer type-checks."""

import subprocess
import sys

from .conftest import ROOT


def test_library_passes_mypy_strict_and_the_viewer_passes_mypy():
    for target, strict in (("paraphrase", ["--strict"]), ("web/paraphrase_viewer", [])):
        done = subprocess.run([sys.executable, "-m", "mypy", target, "--ignore-missing-imports", *strict],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout
