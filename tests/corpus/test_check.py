import json
import re

import pytest
from lxml import etree

import paraphrase
from paraphrase.corpus import CorpusIndex, Record
from paraphrase.corpus.allowlist import Allowlist
from paraphrase.corpus.check import Policy, check_article
from paraphrase.corpus.credits import attributes_statement, find_credits

from ..conftest import ROOT, seed
from .conftest import run

JUNIT_XSD = ROOT / "tests" / "corpus" / "junit.xsd"


def test_000_against_001_to_004_fails_with_001_first(wire_index):
    done = run("check", seed("000"), "--against", wire_index, "--format", "json")
    assert done.returncode == 1
    (article,) = json.loads(done.stdout)["articles"]
    assert article["failed"] and article["failing_share"] > 0.3
    top = article["sources"][0]
    assert top["id"].endswith("001_c5228a29931e7031.txt")
    pairs = [(p["a"], p["b"]) for p in top["comparison"]["pairs"]]
    assert ([6], [0]) in pairs and ([15, 16], [7]) in pairs  # the engine's 000-001 alignment


def test_000_disguised_with_look_alike_letters_fails_as_000_does(wire_index, tmp_path):
    # Every "a", "e" and "o" swapped for its Cyrillic look-alike: once checked as 0% reused.
    disguised = tmp_path / "000.txt"
    disguised.write_text(seed("000").read_text(encoding="utf-8").translate(str.maketrans("aeo", "\u0430\u0435\u043e")),
                         encoding="utf-8")
    plain, hidden = (json.loads(run("check", path, "--against", wire_index, "--format", "json").stdout)["articles"][0]
                     for path in (seed("000"), disguised))
    assert hidden["failed"] and hidden["failing_share"] == plain["failing_share"] > 0.3
    assert hidden["sources"][0]["id"] == plain["sources"][0]["id"]
    assert plain["look_alikes"] == 0 and hidden["look_alikes"] > 100
    said = run("check", disguised, "--against", wire_index).stdout
    assert f"{hidden['look_alikes']} words written with letters of another script that look like Latin ones" in said


def test_every_pipeline_format_says_an_article_holds_look_alike_letters(wire_index, tmp_path):
    import jsonschema

    disguised = tmp_path / "000.txt"
    disguised.write_text(seed("000").read_text(encoding="utf-8").replace("Syrian", "Syri\u0430n"), encoding="utf-8")
    said = "words written with letters of another script that look like Latin ones"
    github = run("check", disguised, "--against", wire_index, "--format", "github").stdout
    assert re.search(rf"::error file=[^:]+::.*; \d+ {said}", github)
    junit = run("check", disguised, "--against", wire_index, "--format", "junit").stdout
    assert re.search(rf'<failure type="RecycledCopy" message="[^"]*; \d+ {said}', junit)
    log = json.loads(run("check", disguised, "--against", wire_index, "--format", "sarif").stdout)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    (found,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "look-alike-letters"]
    region = found["locations"][0]["physicalLocation"]["region"]
    line = disguised.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "Syri\u0430n"
    assert found["level"] == "warning" and found["properties"]["words"] > 1
    plain = json.loads(run("check", seed("000"), "--against", wire_index, "--format", "sarif").stdout)
    assert all(r["ruleId"] == "recycled-copy" for r in plain["runs"][0]["results"])


def test_002_against_001_003_004_is_clean(tmp_path):
    index = tmp_path / "wire.db"
    assert run("index", "add", index, seed("001"), seed("003"), seed("004")).returncode == 0
    done = run("check", seed("002"), "--against", index)
    assert done.returncode == 0, done.stdout
    assert ": ok, 0% of its 17 sentences come from the corpus" in done.stdout


def test_a_folder_can_stand_in_for_an_index(tmp_path):
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for n in ("001", "003"):
        (corpus / seed(n).name).write_bytes(seed(n).read_bytes())
    done = run("check", seed("000"), "--against", corpus)
    assert done.returncode == 1
    assert re.search(r"001_c5228a29931e7031\.txt: \d+% of the article", done.stdout)


def test_an_unreadable_article_is_reported_and_the_others_still_checked(wire_index, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = run("check", empty, seed("000"), "--against", wire_index, "--format", "json")
    assert done.returncode == 2
    assert done.stderr.strip() == f"paraphrase: {empty}: empty"
    assert [a["name"] for a in json.loads(done.stdout)["articles"]] == ["000_86711bc330f5b00f"]


def test_several_articles_one_report(wire_index):
    done = run("check", seed("000"), seed("000"), "--against", wire_index, "--max-share", "0.99")
    assert done.returncode == 0
    assert len(re.findall(r": ok, \d+% of its 22 sentences", done.stdout)) == 2


def test_junit_xml_parses_and_validates(wire_index, tmp_path):
    report = tmp_path / "report.xml"
    done = run("check", seed("000"), seed("004"), "--against", wire_index, "--format", "junit", "--output", report)
    assert done.returncode == 1
    tree = etree.parse(str(report))
    assert etree.XMLSchema(etree.parse(str(JUNIT_XSD))).validate(tree)
    cases = tree.findall(".//testcase")
    assert [c.find("failure") is not None for c in cases] == [True, False]  # 004 is the corpus's own copy


def test_github_annotations_point_at_the_first_reused_line(wire_index):
    done = run("check", seed("000"), "--against", wire_index, "--format", "github")
    line = done.stdout.strip()
    assert re.match(rf"::error file={re.escape(str(seed('000')))},line=13,title=Recycled copy::\d+%25 of sentences", line)


def test_allowlisted_match_stops_failing(wire_index, tmp_path):
    allow = tmp_path / "allow.toml"
    allow.write_text(f'[[matches]]\narticle = "000_86711bc330f5b00f"\ndocument = "{seed("001")}"\n'
                     'reason = "licensed syndication"\n', encoding="utf-8")
    done = run("check", seed("000"), "--against", wire_index, "--allowlist", allow)
    assert done.returncode == 0
    assert "[licensed syndication]" in done.stdout and ": ok, 0% of its 22 sentences" in done.stdout


@pytest.mark.parametrize("article", ["{path}", "000_86711bc330f5b00f", "*/000_*.txt", "000_*"])
def test_a_match_names_the_article_by_its_printed_path_its_name_or_a_glob(wire_index, tmp_path, article):
    allow = tmp_path / "allow.toml"
    article = article.format(path=seed("000"))
    allow.write_text(f'[[matches]]\narticle = "{article}"\ndocument = "{seed("001")}"\n', encoding="utf-8")
    done = run("check", seed("000"), "--against", wire_index, "--allowlist", allow)
    assert done.returncode == 0, done.stdout
    assert done.stderr == ""  # the entry applied: no warning


@pytest.mark.parametrize("content, message", [
    ('documents = "wire-1"\n', "documents must be a list of strings, got 'wire-1'"),
    ('sources = ["Reuters", 3]\n', "sources must be a list of strings"),
    ('[[matches]]\narticle = "a"\n', "matches[0]: document is missing"),
    ('[[matches]]\narticle = "a"\ndocument = 7\n', "matches[0]: document must be a string, got 7"),
    ('[[matches]]\narticle = "a"\ndocument = "b"\nwhy = "x"\n', "matches[0]: unknown key(s) why"),
    ('matches = ["a"]\n', "matches must be [[matches]] tables"),
])
def test_every_allowlist_value_has_its_type_checked(wire_index, tmp_path, content, message):
    allow = tmp_path / "allow.toml"
    allow.write_text(content, encoding="utf-8")
    done = run("check", seed("000"), "--against", wire_index, "--allowlist", allow)
    assert done.returncode == 2 and message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_allowlist_entries_that_accept_nothing_are_listed(wire_index, tmp_path):
    allow = tmp_path / "allow.toml"
    allow.write_text(f'sources = ["Reuters"]\n[[matches]]\narticle = "seeds/000_86711bc330f5b00f"\n'
                     f'document = "{seed("001")}"\n', encoding="utf-8")  # no such article label or name
    done = run("check", seed("000"), "--against", wire_index, "--allowlist", allow, "--format", "json")
    assert done.returncode == 1
    assert json.loads(done.stdout)["unused_allowlist"] == [
        {"kind": "sources", "entry": "Reuters"},
        {"kind": "matches", "entry": f"seeds/000_86711bc330f5b00f -> {seed('001')}"}]
    assert done.stderr.count("paraphrase: warning: allowlist ") == 2


def test_accept_appends_the_failing_matches_and_the_next_check_passes(wire_index, tmp_path):
    allow = tmp_path / "allow.toml"
    allow.write_text('sentences = ["Reporting by our staff."]\n', encoding="utf-8")
    first = run("check", seed("000"), "--against", wire_index, "--allowlist", allow, "--accept", allow)
    assert first.returncode == 1 and "accepted 1 match(es)" in first.stderr
    again = run("check", seed("000"), "--against", wire_index, "--allowlist", allow)
    assert again.returncode == 0, again.stdout
    assert "Reporting by our staff." in allow.read_text(encoding="utf-8")  # appended, nothing lost


def test_allowlist_with_an_unknown_key_is_a_clear_error(wire_index, tmp_path):
    allow = tmp_path / "allow.toml"
    allow.write_text('source = ["Reuters"]\n', encoding="utf-8")
    done = run("check", seed("000"), "--against", wire_index, "--allowlist", allow)
    assert done.returncode == 2 and "unknown key(s) source" in done.stderr


WIRE = ("Syrian rebels stormed the city of Aleppo on Saturday after a surprise offensive, residents said. "
        "The army said dozens of soldiers had been killed in the fighting around the city.")
REWRITE = ("ALEPPO (Reuters) - Rebels stormed Aleppo on Saturday after their surprise offensive, residents said. "
           "The army said that dozens of its soldiers had been killed in fighting around the city. "
           "Our correspondent saw smoke over the old town.")


def credited_index():
    index = CorpusIndex(":memory:")
    index.add([Record("wire-1", WIRE, "2024-11-30", "Reuters"), Record("other", "Markets rose in Tokyo today.")])
    return index


def test_credited_wire_copy_is_reported_and_can_be_exempted():
    index = credited_index()
    strict = check_article(REWRITE, index, policy=Policy(max_share=0.3))
    assert strict.failed and strict.credited_share == strict.share > 0.5
    assert strict.sources[0].credited
    exempt = check_article(REWRITE, index, policy=Policy(max_share=0.3, exempt_credited=True))
    assert not exempt.failed and exempt.failing_share == 0.0


def test_uncredited_copy_from_a_named_agency_still_fails_when_exempting():
    index = credited_index()
    uncredited = REWRITE.replace("(Reuters) ", "")
    assert check_article(uncredited, index, policy=Policy(max_share=0.3, exempt_credited=True)).failed


@pytest.mark.parametrize(
    "text, agencies",
    [("BEIRUT (Reuters) - Text.", {"Reuters"}), ("Text. Reuters contributed to this report.", {"Reuters"}),
     ("Text. Additional reporting by AFP.", {"AFP"}), ("Text. (AP) more.", {"AP"}), ("No credit here.", set()),
     ("London (PA) - Text.", {"PA"})],
)
def test_credits_are_found_in_datelines_and_credit_lines(text, agencies):
    assert find_credits(text).agencies == agencies


def test_a_sentence_quoting_a_statement_is_credited():
    assert attributes_statement("The army would regroup, according to a statement from the ministry.")
    assert not attributes_statement("The army would regroup.")


def test_allowlisted_source_and_sentence():
    allow = Allowlist.of(sources=["Reuters"], sentences=["Reporting by our staff."])
    assert allow.accepts("a", "a.txt", "wire-1", "REUTERS") == ("accepted source REUTERS", ("sources", "Reuters"))
    assert allow.accepts_sentence("Reporting  by our STAFF.") == ("sentences", "Reporting by our staff.")


def test_the_limit_comes_from_the_options_given():
    # Regression: check_article ignored check_max_share in its options (Policy() read the default).
    from paraphrase import DEFAULT_OPTIONS

    index = credited_index()
    assert check_article(REWRITE, index).failed
    lenient = DEFAULT_OPTIONS.replace(check_max_share=0.99)
    assert not check_article(REWRITE, index, options=lenient).failed


def test_an_article_found_in_the_corpus_is_the_same_document_not_reuse(wire_index, tmp_path):
    # The same article re-saved: other white space, and a furniture line the cleaner sets aside.
    text = seed("001").read_text(encoding="utf-8")
    resaved = tmp_path / "001-resaved.txt"
    resaved.write_text("Advertisement\n\n" + text.replace(". ", ".  "), encoding="utf-8")
    done = run("check", resaved, "--against", wire_index, "--format", "json")
    assert done.returncode == 0, done.stdout
    (article,) = json.loads(done.stdout)["articles"]
    assert [d.endswith("001_c5228a29931e7031.txt") for d in article["same_as"]] == [True]
    assert all(not s["id"].endswith("001_c5228a29931e7031.txt") for s in article["sources"])
    text_report = run("check", resaved, "--against", wire_index).stdout
    assert "the same document as corpus " in text_report and ": ok, " in text_report


def test_an_updated_story_is_still_reuse_of_the_earlier_version(wire_index, tmp_path):
    # A wire "new lead": one sentence added to the indexed story.
    update = tmp_path / "001-update.txt"
    update.write_text("Government forces retook two villages overnight, officials said.\n\n"
                      + seed("001").read_text(encoding="utf-8"), encoding="utf-8")
    done = run("check", update, "--against", wire_index, "--format", "json")
    assert done.returncode == 1
    (article,) = json.loads(done.stdout)["articles"]
    assert article["same_as"] == [] and article["sources"][0]["id"].endswith("001_c5228a29931e7031.txt")


SARIF_SCHEMA = ROOT / "tests" / "corpus" / "sarif-2.1.0.json"


def test_sarif_validates_and_points_at_each_reused_passage(wire_index, tmp_path):
    import jsonschema

    report = tmp_path / "check.sarif"
    done = run("check", seed("000"), "--against", wire_index, "--format", "sarif", "--output", report)
    assert done.returncode == 1
    log = json.loads(report.read_text(encoding="utf-8"))
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    assert results and all(r["ruleId"] == "recycled-copy" and r["level"] == "error" for r in results)
    text = seed("000").read_text(encoding="utf-8")
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    lines = text.split("\n")
    first_line = lines[region["startLine"] - 1]
    assert first_line[region["startColumn"] - 1:].startswith("Newly released video footage")  # A6, the first reused
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(seed("000"))


def test_the_passages_of_one_source_are_runs_of_consecutive_sentences(wire_index):
    done = run("check", seed("000"), "--against", wire_index, "--format", "sarif")
    (top_source,) = {r["properties"]["source"] for r in json.loads(done.stdout)["runs"][0]["results"]}
    passages = [r["message"]["text"].split(" reuse ")[0] for r in json.loads(done.stdout)["runs"][0]["results"]]
    pairs = json.loads(run("check", seed("000"), "--against", wire_index, "--format", "json").stdout)
    reused = sorted({i for p in pairs["articles"][0]["sources"][0]["comparison"]["pairs"] for i in p["a"]})
    runs = []
    for i in reused:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    assert passages == [f"sentences {r[0]}-{r[-1]}" for r in runs]
    assert top_source.endswith("001_c5228a29931e7031.txt")


def test_csv_has_one_row_per_reused_sentence_pair(wire_index):
    import csv
    import io

    done = run("check", seed("000"), "--against", wire_index, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    pairs = json.loads(run("check", seed("000"), "--against", wire_index, "--format", "json").stdout)
    expected = sum(len(s["comparison"]["pairs"]) for s in pairs["articles"][0]["sources"])
    assert len(rows) == expected > 10
    assert rows[0]["article"] == str(seed("000")) and rows[0]["class"] in ("identical", "near-verbatim", "light edit", "paraphrase")
    assert rows[0]["text"].startswith("Newly released video footage")
    assert rows[0]["evidence"] == "shared phrases" and {row["evidence"] for row in rows} <= set(paraphrase.EVIDENCE)


def test_check_with_the_semantic_scorer_says_so_and_finds_the_source(wire_index):
    done = run("check", seed("000"), "--against", wire_index, "--format", "json", "--scorer", "semantic")
    assert done.returncode == 1, done.stderr
    (article,) = json.loads(done.stdout)["articles"]
    assert article["scorer"] == "semantic" and article["exact_search"] is False
    assert article["sources"][0]["id"].endswith("001_c5228a29931e7031.txt")
    assert article["sources"][0]["comparison"]["scorer"] == "semantic"


RATES_WIRE = ("The Bank of England held interest rates at 5.25% on Thursday. "
              "Governor Andrew Bailey said inflation was still too high to cut borrowing costs. "
              "Mortgage holders will have to wait longer for relief.")
RATES_OWN = ("Interest rates were kept at 5.25% by the Bank of England on Thursday. "
             "Homeowners hoping for cheaper loans were disappointed. "
             "Shops reported weak sales in the run-up to Christmas.")


def test_a_document_that_shares_only_weak_evidence_is_no_source():
    # One aligned pair stating the same fact in other words: compare calls the two
    # independent, so the check must not count the pair (a third of the article) either.
    index = CorpusIndex(":memory:")
    index.add([Record("wire-rates", RATES_WIRE)])
    result = check_article(RATES_OWN, index, policy=Policy(max_share=0.3))
    assert not result.failed and result.sources == () and result.share == 0.0
    copied = RATES_OWN.replace("Shops reported weak sales in the run-up to Christmas.",
                               "Mortgage holders will have to wait a little longer for relief.")
    assert check_article(copied, index, policy=Policy(max_share=0.3)).failed


STORIES = {  # five wire stories on five subjects, two sentences each
    "harbour": "The harbour authority approved a new container terminal on the eastern quay. "
               "Dredging of the shipping channel will begin in the spring and last two years.",
    "orchestra": "The city orchestra named a Finnish conductor as its new music director. "
                 "She will lead twelve concerts in her first season, including a Sibelius cycle.",
    "vaccine": "Health officials opened walk-in vaccination clinics in three northern districts. "
               "Pharmacists reported queues of elderly residents outside before the doors opened.",
    "marathon": "Heavy rain forced organisers to shorten the marathon course by four kilometres. "
                "The winner crossed the finish line in the park shortly after ten in the morning.",
    "bakery": "A family bakery that has fed the market square since 1902 will close next month. "
              "The owners blamed the rising price of flour and electricity for ovens.",
}


def _compiled_index():
    index = CorpusIndex(":memory:")
    index.add([Record(name, text) for name, text in STORIES.items()])
    return index, " ".join(STORIES.values())  # an article pieced together from all five


def test_an_article_drawn_from_more_documents_than_the_candidates_finds_them_all():
    from paraphrase import DEFAULT_OPTIONS

    index, article = _compiled_index()
    found = check_article(article, index, options=DEFAULT_OPTIONS.replace(check_candidates=2))
    assert sorted(s.document.key for s in found.sources) == sorted(STORIES)  # 2, then 4, then 8 compared
    assert not found.notes and found.share == 1.0


def test_a_check_that_stops_with_every_candidate_a_source_says_so(monkeypatch):
    from paraphrase import DEFAULT_OPTIONS
    from paraphrase.corpus import check

    monkeypatch.setattr(check, "MORE_CANDIDATES", 2)  # 1, then 2 compared: both sources
    index, article = _compiled_index()
    found = check_article(article, index, options=DEFAULT_OPTIONS.replace(check_candidates=1))
    assert len(found.sources) == 2
    assert [note for note in found.notes if "raise check_candidates" in note]


def test_an_article_that_is_all_furniture_passes_with_a_note_that_nothing_was_checked():
    index, _ = _compiled_index()
    found = check_article("Advertisement\nShare on Facebook\n", index)
    assert not found.failed and not found.sources
    assert found.notes == ("no article text: all 2 of its sentences are set aside, so nothing was checked",)
