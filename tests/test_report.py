from paraphrase.report import render_text, words


def test_plain_report_has_verdict_rows_new_material_and_set_aside(rewording_pair):
    text = render_text(rewording_pair, color=False, width=100)
    lines = text.splitlines()
    assert lines[0] == rewording_pair.summary.headline
    assert "A 15+16 ↔ B 7" in text  # two sentences aligned with one
    assert "Only in 000_86711bc330f5b00f (A)" in text
    assert "Set aside in 000_86711bc330f5b00f (A), not counted: page furniture ×8" in text
    assert "\x1b[" not in text
    assert all(len(line) <= 100 for line in lines[1:] if "│" in line)


def test_colour_report_marks_deletions_and_insertions(rewording_pair):
    text = render_text(rewording_pair, color=True, width=100)
    assert "\x1b[31;9m" in text and "\x1b[32;4m" in text
    assert "diff:" not in text  # colour already shows the diff


def test_punctuation_cut_by_the_diff_stays_attached_to_its_word():
    regrouped = words([("Syria", ""), (", advancing", "del")])
    assert [w.fragments for w in regrouped] == [(("Syria", ""), (",", "del")), (("advancing", "del"),)]
