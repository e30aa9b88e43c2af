"""The library is fully typed (it ships py.typed) and the viewer type-checks."""

import subprocess
import sys

from .conftest import ROOT


def test_library_passes_mypy_strict_and_the_viewer_passes_mypy():
    # setup.cfg's [mypy] sections hold the settings: strict, except where Dask is untyped
    # and for the viewer's Flask handlers.
    for target in ("paraphrase", "web/paraphrase_viewer"):
        done = subprocess.run([sys.executable, "-m", "mypy", target], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stdout
