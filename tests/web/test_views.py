import io
import re

import pytest

import paraphrase
from paraphrase import compare

from ..conftest import seed

SCRIPT = '<script>alert("x")</script> The mayor <b onmouseover="alert(1)">resigned</b> on Monday after the vote.'


def upload(name, data):
    return (io.BytesIO(data), name)


def seeds_form():
    return {"a": upload("000.txt", seed("000").read_bytes()), "b": upload("001.txt", seed("001").read_bytes())}


def test_index_shows_the_form_with_both_boxes(client):
    page = client.get("/").get_data(as_text=True)
    assert 'action="/compare"' in page and 'enctype="multipart/form-data"' in page
    assert page.count('type="file"') == 2 and page.count("<textarea") == 2


def test_compare_uploaded_files_shows_verdict_rows_and_diffs(client):
    response = client.post("/compare", data=seeds_form(), content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "000.txt is a rewording of 001.txt" in page
    result = compare(seed("000"), seed("001"))
    assert page.count('class="row-pair"') == len(result.pairs) > 10
    assert page.count('class="row-related"') == len(result.related)
    assert "<del>" in page and "<ins>" in page
    assert "new in A" in page and "page furniture" in page
    assert 'id="heatmap"' in page and 'id="comparison-data"' in page
    counts = ", ".join(f"{n} {c}" for c, n in result.summary.classes.items())
    assert f"<dt>Aligned pairs</dt><dd>{len(result.pairs)} ({counts})</dd>" in page
    why = re.search(r"<dt>Evidence</dt><dd>(.*?)</dd>", page).group(1)
    assert re.sub(r"<[^>]+>", "", why) == ", ".join(f"{n} {k}" for k, n in result.summary.evidence.items()) + \
        f"; {result.summary.firm} firm (evidence of reuse on its own)"
    # A long name is cut in the gauges' label (viewer.css) and whole in its title.
    assert '<dt title="000.txt">A: 000.txt</dt>' in page and '<dt title="001.txt">B: 001.txt</dt>' in page


def test_independent_texts_show_their_alike_pairs_as_too_little_to_show_reuse(client):
    result = compare(seed("001"), seed("003"))
    assert result.summary.verdict == "independent" and result.pairs  # pairs alike, too few to count
    form = {"a": upload("001.txt", seed("001").read_bytes()), "b": upload("003.txt", seed("003").read_bytes())}
    page = client.post("/compare", data=form, content_type="multipart/form-data").get_data(as_text=True)
    assert page.count('informative words, alike, too little to show reuse"') == 2  # each text's gauge says so
    assert f"<dd>{len(result.pairs)} with too little evidence of reuse (" in page
    rewording = client.post("/compare", data=seeds_form(), content_type="multipart/form-data").get_data(as_text=True)
    assert "too little" not in rewording


def test_words_written_with_look_alike_letters_are_marked_and_told(client):
    wire = "The council voted on Monday to close the Elm Street library. Officials said repairs would cost $2.3 million."
    disguised = wire.replace("Street", "Str\u0435\u0435t").replace("repairs", "r\u0435pairs")
    form = {"a": upload("wire.txt", wire.encode()), "b": upload("story.txt", disguised.encode("utf-8"))}
    page = client.post("/compare", data=form, content_type="multipart/form-data").get_data(as_text=True)
    assert "story.txt writes 2 words with letters of another script that look like Latin ones" in page
    marked = re.findall(r'<mark class="look-alike" title="written with letters of another script[^"]*">([^<]*)</mark>', page)
    # B's words only (A's plain "Street" is not marked), in both reading views
    assert marked == ["Str\u0435\u0435t", "r\u0435pairs"] * 2


def test_a_pair_counted_by_its_context_says_so(client):
    from ..test_evidence import CLOSURE, CLOSURE_REWRITE, LEAK, LEAK_REWORDED

    a = CLOSURE.replace(LEAK + " ", "") + " " + LEAK  # the reworded sentence moved to the top of B
    b = LEAK_REWORDED + " " + CLOSURE_REWRITE.replace(LEAK_REWORDED + " ", "")
    page = client.post("/compare", data={"a": a, "b": b}, content_type="multipart/form-data").get_data(as_text=True)
    labels = re.findall(r'<span class="label evidence[^"]*" title="why it counts: ([^"]*)">([^<]*)</span>', page)
    assert [kind for _, kind in labels].count("reused passage") == 1
    assert ("little shared wording of its own; counted because it sits inside a passage the other pairs show "
            "was reused", "reused passage") in labels


def test_compare_pasted_text(client):
    text = seed("001").read_text(encoding="utf-8")
    response = client.post("/compare", data={"a": text, "b": text}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert "article A and article B are the same text" in response.get_data(as_text=True)


def test_article_text_is_escaped_never_markup(client):
    response = client.post("/compare", data={"a": SCRIPT, "b": SCRIPT}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    body = page.split("<main>")[1]
    assert "<script>alert" not in body and "<b onmouseover" not in body
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in body
    data = re.search(r'<script type="application/json" id="comparison-data"[^>]*>(.*?)</script>', page, re.S).group(1)
    assert "<" not in data  # tojson escapes markup inside the embedded JSON


@pytest.mark.parametrize(
    "files, status, message",
    [
        ({"a": upload("empty.txt", b""), "b": upload("001.txt", b"Some text here.")}, 400, "empty.txt: empty"),
        ({"a": upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), "b": upload("b.txt", b"Text.")}, 415,
         "photo.txt: binary data, not text"),
        ({"a": upload("scan.pdf", b"%PDF-1.4"), "b": upload("b.txt", b"Text.")}, 400, "scan.pdf: not a readable PDF"),
        ({"a": "", "b": "Text."}, 400, "article A: choose a file or paste the text"),
    ],
    ids=["empty", "binary", "pdf", "nothing"],
)
def test_bad_input_gets_a_page_naming_the_file_and_problem(client, files, status, message):
    response = client.post("/compare", data=files, content_type="multipart/form-data")
    assert response.status_code == status
    assert message in response.get_data(as_text=True)


def test_error_page_keeps_what_the_editor_pasted(client):
    response = client.post("/compare", data={"a": "My pasted draft <i>text</i>.", "b": ""},
                           content_type="multipart/form-data")
    assert response.status_code == 400
    assert "My pasted draft &lt;i&gt;text&lt;/i&gt;." in response.get_data(as_text=True)


def test_oversized_upload_is_413_with_a_readable_page(client):
    big = {"a": upload("big.txt", b"word " * 20_000), "b": upload("b.txt", b"Text.")}
    response = client.post("/compare", data=big, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "larger than the 0.0625 MB limit" in response.get_data(as_text=True)


def test_api_json_body(client):
    a, b = seed("000").read_text(encoding="utf-8"), seed("001").read_text(encoding="utf-8")
    response = client.post("/api/compare", json={"a": a, "b": b})
    assert response.status_code == 200
    data = response.get_json()
    assert data["schema"] == "paraphrase.comparison/1"
    assert data["summary"]["verdict"] == "rewording"


def test_api_multipart_files(client):
    response = client.post("/api/compare", data=seeds_form(), content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["a"]["name"] == "000.txt"


@pytest.mark.parametrize(
    "kwargs, status, error",
    [
        ({"json": {"a": "Text."}}, 400, "article B: expected text"),
        ({"json": ["a", "b"]}, 400, "send a JSON object"),
        ({"data": "a=1", "content_type": "text/plain"}, 415, "unsupported content type text/plain"),
        ({"data": {"a": upload("x.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), "b": "Text."},
          "content_type": "multipart/form-data"}, 415, "x.exe: binary data, not text"),
        ({"data": {"a": upload("big.txt", b"w " * 40_000), "b": "x"}, "content_type": "multipart/form-data"}, 413,
         "larger than"),
        ({"data": {"a": upload("e.txt", b"  "), "b": "Text."}, "content_type": "multipart/form-data"}, 400,
         "e.txt: empty"),
    ],
    ids=["missing b", "not an object", "plain text body", "exe", "too large", "empty file"],
)
def test_api_errors_are_json_with_the_right_status(client, kwargs, status, error):
    response = client.post("/api/compare", **kwargs)
    assert response.status_code == status
    assert error in response.get_json()["error"]


def test_requests_share_nothing(client):
    first = client.post("/api/compare", json={"a": "The mayor resigned on Monday.", "b": "The mayor quit on Monday."})
    second = client.post("/api/compare", json={"a": "Storms hit the coast.", "b": "Prices rose in May."})
    assert "mayor" in str(first.get_json()) and "mayor" not in str(second.get_json())


def test_get_on_compare_is_not_allowed(client):
    assert client.get("/compare").status_code == 405


def test_a_long_comparison_lays_out_its_first_rows_and_offers_the_rest():
    from paraphrase_viewer import create_app, standalone_report

    app = create_app({"TESTING": True, "PAGE_ROWS": 10})
    page = app.test_client().post("/compare", data=seeds_form(), content_type="multipart/form-data").get_data(as_text=True)
    later = re.findall(r'<tr id="[^"]+" class="row-[^"]*"[^>]* data-later="(\d+)"', page)
    rows = len(re.findall(r'<tr id="', page))
    assert rows > 20 and len(later) == rows - 10 and sorted(set(later)) == [str(k) for k in range(1, -(-rows // 10))]
    assert 'id="show-more"' in page
    report = standalone_report(compare(seed("000"), seed("001")), paraphrase.DEFAULT_OPTIONS)
    assert not re.search(r'<tr[^>]* data-later=', report) and 'id="show-more"' not in report
    assert "row-aside hidden" not in report  # no filter to untick in a report: every row shows


def test_a_report_lists_the_calibrated_thresholds_and_the_fixed_evidence_constants():
    from paraphrase_viewer import standalone_report

    report = standalone_report(compare(seed("000"), seed("001")), paraphrase.DEFAULT_OPTIONS)
    about = re.search(r'<details class="about".*?</details>', report, re.S).group(0)
    assert f"align_max_distance {paraphrase.DEFAULT_OPTIONS.align_max_distance}" in about
    for name, value in paraphrase.EVIDENCE_CONSTANTS.items():
        assert f"{name} {value}" in about


def test_form_offers_each_installed_scorer_and_the_page_names_the_one_used(client):
    page = client.get("/").get_data(as_text=True)
    assert 'name="scorer" value="lexical" checked' in page and 'name="scorer" value="semantic"' in page
    form = {**seeds_form(), "scorer": "semantic"}
    result = client.post("/compare", data=form, content_type="multipart/form-data").get_data(as_text=True)
    assert "(semantic scorer)" in result and '"scorer": "semantic"' in result
    assert "(lexical scorer)" in client.post("/compare", data=seeds_form(),
                                             content_type="multipart/form-data").get_data(as_text=True)


@pytest.mark.parametrize("scorer, error", [("neural", "scorer must be one of lexical, semantic"),
                                           (7, '"scorer" must be a name')])
def test_api_scorer_must_be_a_known_name(client, scorer, error):
    response = client.post("/api/compare", json={"a": "The mayor resigned.", "b": "The mayor quit.", "scorer": scorer})
    assert response.status_code == 400 and error in response.get_json()["error"]


def test_api_says_which_scorer_it_used(client):
    body = {"a": "The palace seemed to have been vacant.", "b": "The palace appeared to be unoccupied."}
    assert client.post("/api/compare", json=body).get_json()["scorer"] == "lexical"
    assert client.post("/api/compare", json={**body, "scorer": "semantic"}).get_json()["scorer"] == "semantic"


WRAPPED = ("The city council voted on Monday evening to close the\nold library on Elm Street, which opened "
           "in 1964. Its members\nwere split.\n\nRepairs to the roof and the heating would have cost\n"
           "more than two million dollars, officials said. Work starts in May.")
UNWRAPPED = WRAPPED.replace("\n\n", "\n").replace("the\nold", "the old").replace("members\nwere", "members were") \
    .replace("cost\n", "cost ").replace("1964. Its", "1964.\nIts")


@pytest.mark.parametrize("text, sizes", [
    (WRAPPED, [2, 2]),  # blank lines end paragraphs; the hard wrapping inside them does not
    (UNWRAPPED, [1, 1, 2]),  # no blank lines: a line break between two sentences ends one
])
def test_each_article_as_written_keeps_its_paragraphs(text, sizes):
    from paraphrase.document import prepare
    from paraphrase_viewer.rows import paragraphs

    document = prepare("A", text, paraphrase.DEFAULT_OPTIONS)
    grouped = paragraphs(document, [s.index for s in document.sentences])
    assert [len(p) for p in grouped] == sizes and sum(grouped, []) == list(range(len(document.sentences)))


def test_the_seeds_as_written_have_one_paragraph_a_line(client):
    form = {"a": upload("001.txt", seed("001").read_bytes()), "b": upload("000.txt", seed("000").read_bytes())}
    page = client.post("/compare", data=form, content_type="multipart/form-data").get_data(as_text=True)
    column = page[page.index('id="column-a"'):page.index('id="column-b"')]
    lines = [line for line in seed("001").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert column.count('<p class="paragraph">') == len(lines)
