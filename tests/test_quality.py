"""Quality gate: the engine's measured accuracy on labelled corpora, with pinned floors.

Each floor is the value measured when it was last set, less NOISE (0.005) for floating
point differences across platforms; the runs are deterministic. Raising a floor is a
normal commit; lowering one needs a written reason in the commit message.

The corpora are read from ../shared/data beside the checkout; CI has them there, and the
gate fails rather than skips when they are missing.
"""

import json
import subprocess
import sys

import pytest

from paraphrase import DEFAULT_OPTIONS
from paraphrase.evaluation.calibrate import calibrate
from paraphrase.evaluation.run import evaluate

from .conftest import SEEDS, SHARED_DATA

NOISE = 0.005
FLOORS = {
    ("clough_stevenson", "binary_accuracy"): 0.947,
    ("clough_stevenson", "four_class_accuracy"): 0.800,
    ("clough_stevenson", "four_class_macro_f1"): 0.763,
    ("clough_stevenson", "cross_validated", "binary_accuracy"): 0.905,
    # Lowered from 0.726 on purpose: hard-wrapped answers are now read as paragraphs, not
    # one segment a line, and the refit bounds give one answer of 95 another degree.
    ("clough_stevenson", "cross_validated", "four_class_accuracy"): 0.716,
    ("clough_stevenson", "without_missourced", "binary_accuracy"): 0.968,
    ("mrpc", "accuracy"): 0.728,
    ("mrpc", "f1"): 0.808,
    ("stsb", "spearman"): 0.763,
    ("stsb", "news_spearman"): 0.710,
}


pytestmark = pytest.mark.shared_data


@pytest.fixture(scope="module")
def results():
    assert SHARED_DATA.is_dir(), f"the quality gate needs the labelled corpora in {SHARED_DATA}"
    return evaluate(SHARED_DATA, DEFAULT_OPTIONS, SEEDS)


@pytest.mark.parametrize("key", FLOORS, ids=".".join)
def test_measure_stays_above_its_floor(results, key):
    value = results
    for part in key:
        value = value[part]
    assert value >= FLOORS[key] - NOISE, f"{'.'.join(key)} = {value:.4f}, floor {FLOORS[key]}"


def test_shipped_thresholds_are_what_the_calibration_procedure_fits():
    fitted = calibrate(SHARED_DATA).options
    assert fitted == DEFAULT_OPTIONS


def test_eval_command_prints_the_documented_json_keys():
    done = subprocess.run(
        [sys.executable, "-m", "paraphrase.cli", "eval", "--data", str(SHARED_DATA), "--format", "json"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for corpus, key in [("clough_stevenson", "binary_accuracy"), ("clough_stevenson", "four_class_accuracy"),
                        ("mrpc", "accuracy"), ("mrpc", "f1"), ("stsb", "spearman")]:
        assert 0.0 <= data[corpus][key] <= 1.0
    assert "Clough & Stevenson" in done.stderr  # progress goes to standard error


def test_eval_without_corpora_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "eval", "--data", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("not found (give the folder holding the labelled corpora with --data)")
