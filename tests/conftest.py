from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check behaviour, never speed: Hypothesis's per-example deadline would be a
# timing assertion that fails on a loaded machine (a first example also pays lazy imports).
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


def seed(number: str) -> Path:
    """The seed article whose file name starts with ``number`` ("000" .. "004")."""
    (path,) = SEEDS.glob(f"{number}_*.txt")
    return path


@pytest.fixture(scope="session")
def rewording_pair():
    """Seeds 000 (a rewording) and 001 (its source), compared once for the session."""
    import paraphrase

    return paraphrase.compare(seed("000"), seed("001"))
