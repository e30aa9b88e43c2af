import json

import pytest

from ..conftest import seed


@pytest.fixture(scope="session")
def cluster():
    """A real two-worker Dask cluster on this machine, as the CI runs it."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local.scheduler_address


def reprint(text, k):
    """A lightly edited copy, as a second title would run a story."""
    return text.replace("Syrian", "Syria's" if k % 2 else "Syrian").replace("said", "stated") + f"\nReprinted, edition {k}."


@pytest.fixture
def archive(tmp_path):
    """The seeds, two reprints of 001 a few days later, and the dates that order them."""
    rows = [{"id": f"seed-{n}", "text": seed(n).read_text(encoding="utf-8"), "date": f"2024-11-{20 + i:02d}",
             "source": "seeds"} for i, n in enumerate(("001", "000", "002", "003", "004"))]
    base = rows[0]["text"]
    rows += [{"id": f"reprint-{k}", "text": reprint(base, k), "date": f"2024-12-{k:02d}", "source": "partner"}
             for k in (1, 2)]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path, {r["id"]: r for r in rows}
