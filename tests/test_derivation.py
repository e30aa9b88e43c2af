"""The derivation table: each sentence of the derived text, in order, with its source or 'own material'."""

import csv
import io
import subprocess
import sys

import paraphrase
from paraphrase.derivation import OWN_MATERIAL, derivation

from .conftest import seed


def test_every_counted_sentence_of_the_derived_text_appears_in_order(rewording_pair):
    derived, other, rows = derivation(rewording_pair)
    assert (derived, other) == ("000_86711bc330f5b00f", "001_c5228a29931e7031")  # 000 is the rewording
    counted = [s.index for s in rewording_pair.a.counted]
    assert sorted({r.sentence for r in rows}) == counted
    assert [r.sentence for r in rows] == sorted(r.sentence for r in rows)
    own = [r.sentence for r in rows if r.edit_class == OWN_MATERIAL]
    assert own == rewording_pair.unaligned_a == [2, 5]
    linked = {r.sentence: r.sources for r in rows if r.edit_class != OWN_MATERIAL}
    assert linked[6] == (0,) and linked[8] == linked[9] == (2,)  # one sentence rewritten as two


def test_the_derived_side_follows_the_direction():
    result = paraphrase.compare(seed("001"), seed("000"))  # the rewording is B now
    derived, other, rows = derivation(result)
    assert derived == "000_86711bc330f5b00f" and rows[0].sentence == 2


def test_the_command_writes_it_as_csv():
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "compare", seed("000"), seed("001"),
                           "--format", "csv"], capture_output=True, text=True, timeout=120)
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert done.returncode == 0
    assert table[0]["class"] == OWN_MATERIAL and table[0]["text"].startswith("Terrorists Storm")
    assert {"derived", "sentence", "source_sentences", "class", "distance", "evidence"} <= set(table[0])
    counted = [row for row in table if row["class"] in paraphrase.EDIT_CLASSES]
    assert counted and all(row["evidence"] in paraphrase.EVIDENCE for row in counted)
    assert all(row["evidence"] == "" for row in table if row["class"] not in paraphrase.EDIT_CLASSES)
