import json

import pytest

from paraphrase.archive.inputs import read_documents
from paraphrase.errors import InputError


def test_json_lines_are_read_in_parts_with_every_record_once(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": n, "text": f"Story number {n}."}) + ("\n\n" if n % 3 == 0 else "\n") for n in range(7)]
    path.write_text("".join(lines), encoding="utf-8")
    frame = read_documents(path, partition_rows=2)
    assert frame.npartitions == 4
    assert frame.compute()["id"].tolist() == [str(n) for n in range(7)]


def test_a_bad_line_is_named_by_its_line_number_in_a_later_part(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b'{"id": 1, "text": "One."}\n\n{"id": 2, "text": "Two."}\n{"id": 3, "text": \xff}\n')
    with pytest.raises(InputError, match=r"archive.jsonl:4: not a line of UTF-8 JSON"):
        read_documents(path, partition_rows=1).compute(scheduler="sync")
