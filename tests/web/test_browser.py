"""End-to-end: the real server on loopback, driven in Debian's headless Chromium.

Selenium talks to Debian's chromedriver and chromium by path, so nothing is downloaded.
Screenshots are kept in artifacts/ for a person to look at.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

import paraphrase

from ..conftest import ROOT, seed

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "artifacts"
SCRIPT = '<script>alert("x")</script><img src=nothing onerror="alert(2)"> The mayor resigned on Monday after the vote.'


@pytest.fixture(scope="module")
def server():
    """The viewer under waitress, the production server, on a free loopback port."""
    import waitress
    from paraphrase_viewer import create_app

    wsgi = waitress.create_server(create_app(), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{wsgi.effective_port}"
    wsgi.close()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    assert Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), \
        "browser tests need Debian's chromium and chromium-driver (see the README's test command)"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1800", f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out waiting for the page")


def compare_seeds(browser, server, a="000", b="001"):
    """Upload two seeds through the form; the verdict section of the result page."""
    from selenium.webdriver.common.by import By

    browser.get(server)
    browser.find_element(By.ID, "file-a").send_keys(str(seed(a)))
    browser.find_element(By.ID, "file-b").send_keys(str(seed(b)))
    browser.find_element(By.ID, "compare-button").click()
    return wait_for(lambda: browser.find_elements(By.ID, "verdict"))[0]


def save_screenshot(browser, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    browser.save_screenshot(str(path))
    return path


def test_upload_seeds_see_verdict_diffs_and_partner(browser, server):
    from selenium.webdriver.common.by import By

    verdict = compare_seeds(browser, server)
    assert "000_86711bc330f5b00f.txt is a rewording of 001_c5228a29931e7031.txt" in verdict.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "td.side-a del")) > 20
    assert len(browser.find_elements(By.CSS_SELECTOR, "td.side-b ins")) > 20
    cell = browser.find_element(By.CSS_SELECTOR, "tr.row-pair td.side-a")
    cell.click()
    partner = browser.find_element(By.CSS_SELECTOR, f'td[data-row="{cell.get_attribute("data-row")}"][data-side="b"]')
    assert "partner" in partner.get_attribute("class")
    assert save_screenshot(browser, "viewer-seeds-000-001.png").stat().st_size > 10_000
    browser.find_element(By.ID, "view-written").click()
    save_screenshot(browser, "viewer-seeds-000-001-as-written.png")
    browser.find_element(By.ID, "view-aligned").click()


def test_related_sentences_show_side_by_side_and_highlight_their_partner(browser, server):
    from selenium.webdriver.common.by import By

    verdict = compare_seeds(browser, server, "001", "002")
    assert "are independent" in verdict.text and "1 related (sharing some details)" in verdict.text
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.row-related")
    assert len(rows) == 1 and all(r.find_element(By.CSS_SELECTOR, ".badge-related").text == "related" for r in rows)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", rows[0])
    rows[0].find_element(By.CSS_SELECTOR, "td.side-a").click()
    assert "partner" in rows[0].find_element(By.CSS_SELECTOR, "td.side-b").get_attribute("class")
    save_screenshot(browser, "viewer-related-001-002.png")
    browser.find_element(By.ID, "view-written").click()
    related = browser.find_elements(By.CSS_SELECTOR, "#column-a .sent.m-related")
    assert len(related) == 1
    related[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, "#column-b .sent.m-related.current")
    save_screenshot(browser, "viewer-related-001-002-as-written.png")


def test_a_shared_passage_too_weak_for_a_verdict_is_shown_with_its_pairs(browser, server):
    from selenium.webdriver.common.by import By

    # 001 and 003 are independent reports sharing one passage's phrasing: shown, said to be too little.
    verdict = compare_seeds(browser, server, "001", "003")
    assert "are independent" in verdict.text and "2 aligned pairs with too little evidence" in verdict.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.row-pair")) == 2
    gauge_a, gauge_b = browser.find_elements(By.CSS_SELECTOR, ".gauges")
    assert gauge_a.rect["y"] == gauge_b.rect["y"]  # side by side, not wrapped one under the other
    save_screenshot(browser, "viewer-seeds-001-003.png")
    browser.find_element(By.ID, "view-written").click()
    save_screenshot(browser, "viewer-seeds-001-003-as-written.png")


def test_filter_hides_rows_of_an_unchecked_class(browser, server):
    from selenium.webdriver.common.by import By

    compare_seeds(browser, server)
    browser.find_element(By.CSS_SELECTOR, '#filter input[value="paraphrase"]').click()
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.row-pair")
    hidden = [r for r in rows if not r.is_displayed()]
    shown = [r for r in rows if r.is_displayed()]
    assert hidden and shown
    assert all("paraphrase" in r.get_attribute("data-classes") for r in hidden)


def test_similarity_map_has_numbered_axes_a_hover_and_click_to_the_row(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    compare_seeds(browser, server)
    browser.find_element(By.CSS_SELECTOR, "#overview summary").click()
    canvas = browser.find_element(By.ID, "heatmap")
    heat = json.loads(browser.find_element(By.ID, "heatmap-data").get_attribute("textContent"))
    assert heat["a_index"][0] == 2 and 0 not in heat["a_index"]  # set-aside text is left out
    left, top, cell = 34, 22, (canvas.get_property("width") - 34) // len(heat["b_index"])
    width, height = canvas.get_property("width"), canvas.get_property("height")
    shown = canvas.size  # CSS pixels may differ from the canvas's own

    def point(row, column):  # the centre of a cell, relative to the canvas's centre
        x, y = left + (column + 0.5) * cell, top + (row + 0.5) * cell
        return int(x * shown["width"] / width - shown["width"] / 2), int(y * shown["height"] / height - shown["height"] / 2)

    # Sentence numbers drawn in the margins: the left and top strips are not blank.
    strips = browser.execute_script(
        "const c = arguments[0].getContext('2d');"
        "const count = (d) => { let n = 0; for (let k = 0; k < d.length; k += 4) if (d[k] < 200) n++; return n; };"
        "return [count(c.getImageData(0, 22, 30, 200).data), count(c.getImageData(34, 0, 200, 18).data)];", canvas)
    assert strips[0] > 20 and strips[1] > 20
    row = heat["a_index"].index(6)  # A6, the first aligned sentence of 000, against B0
    ActionChains(browser).move_to_element_with_offset(canvas, *point(row, 0)).perform()
    info = wait_for(lambda: browser.find_element(By.ID, "heat-info").text)
    assert info.startswith("A6 “Newly released video footage") and "× B0 “Video footage has emerged" in info
    ActionChains(browser).move_to_element_with_offset(canvas, *point(row, 0)).click().perform()
    selected = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "td.selected"))
    assert selected[0].get_attribute("data-row") == "pair-6"
    save_screenshot(browser, "viewer-similarity-map.png")


def test_script_in_an_article_shows_as_text_and_runs_nothing(browser, server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    browser.get(server)
    for field in ("a", "b"):
        browser.find_element(By.ID, f"text-{field}").send_keys(SCRIPT)
    browser.find_element(By.ID, "compare-button").click()
    wait_for(lambda: browser.find_elements(By.ID, "verdict"))
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    cell = browser.find_element(By.CSS_SELECTOR, "tr td.side-a")
    assert '<script>alert("x")</script>' in cell.text
    assert not browser.find_elements(By.CSS_SELECTOR, "td img")
    save_screenshot(browser, "viewer-escaped-script.png")


def test_downloads_json_and_a_report_that_opens_offline(browser, server, downloads):
    from selenium.webdriver.common.by import By

    compare_seeds(browser, server)
    all_rows = len(browser.find_elements(By.CSS_SELECTOR, "#aligned tbody tr"))
    browser.find_element(By.CSS_SELECTOR, "tr.row-pair td.side-a").click()  # a selection, not part of a report
    browser.find_element(By.CSS_SELECTOR, '#filter input[value="paraphrase"]').click()  # a view, not a deletion
    browser.get_log("browser")  # start the report's console log empty
    browser.find_element(By.ID, "download-json").click()
    browser.find_element(By.ID, "download-report").click()
    stem = f"000_86711bc330f5b00f-vs-001_c5228a29931e7031-{time.strftime('%Y-%m-%d', time.gmtime())}"
    json_file = wait_for(lambda: (downloads / f"{stem}.json").exists() and downloads / f"{stem}.json")
    report = wait_for(lambda: (downloads / f"{stem}.html").exists() and downloads / f"{stem}.html")
    time.sleep(0.5)
    assert json.loads(json_file.read_text(encoding="utf-8"))["summary"]["verdict"] == "rewording"
    html = report.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # nothing to fetch
    browser.get(report.as_uri())
    assert "is a rewording of" in browser.find_element(By.ID, "verdict").text
    assert not browser.find_elements(By.ID, "download-json")  # controls are left out
    shown = [r for r in browser.find_elements(By.CSS_SELECTOR, "#aligned tbody tr") if r.is_displayed()]
    assert len(shown) == all_rows  # every row, whatever the filter showed
    assert not browser.find_elements(By.CSS_SELECTOR, "td.selected, td.partner")
    about = browser.find_element(By.ID, "about").text
    assert "by paraphrase" in about and "000_86711bc330f5b00f" in about and "characters" in about
    assert "align_max_distance 0.475" in about and "run_window 3" in about
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    save_screenshot(browser, "viewer-offline-report.png")


def test_drop_a_file_onto_a_box(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    text = seed("001").read_text(encoding="utf-8")
    browser.execute_script(
        """const box = document.querySelector('.drop[data-field="a"]');
           const transfer = new DataTransfer();
           transfer.items.add(new File([arguments[0]], "dropped.txt", {type: "text/plain"}));
           box.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));""",
        text,
    )
    assert browser.find_element(By.ID, "chosen-a").text == "dropped.txt"
    browser.find_element(By.ID, "text-b").send_keys(text[:400])
    browser.find_element(By.ID, "compare-button").click()
    verdict = wait_for(lambda: browser.find_elements(By.ID, "verdict"))[0]
    assert "dropped.txt" in verdict.text


def test_oversized_files_are_stopped_before_sending_and_nothing_is_lost(browser, server, tmp_path):
    from selenium.webdriver.common.by import By

    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (2 * 1024 * 1024))  # 10 MB, over the 5 MB default
    browser.get(server)
    browser.find_element(By.ID, "text-b").send_keys("My pasted article.")
    browser.find_element(By.ID, "file-a").send_keys(str(big))
    browser.find_element(By.ID, "compare-button").click()
    warning = browser.find_element(By.ID, "size-warning")
    assert warning.is_displayed() and "larger than the 5 MB limit" in warning.text
    assert browser.find_element(By.ID, "text-b").get_attribute("value") == "My pasted article."


def test_the_form_says_comparing_while_the_server_works(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    browser.find_element(By.ID, "file-a").send_keys(str(seed("000")))
    browser.find_element(By.ID, "file-b").send_keys(str(seed("001")))
    # Hold the submission in the page once the viewer's own handler has run (the event
    # reaches the window last), so the state during a slow comparison can be looked at.
    browser.execute_script("window.addEventListener('submit', (event) => event.preventDefault());")
    progress = browser.find_element(By.ID, "progress")
    assert not progress.is_displayed()
    browser.find_element(By.ID, "compare-button").click()
    assert progress.is_displayed() and "Comparing" in progress.text
    assert not browser.find_element(By.ID, "compare-button").is_enabled()
    save_screenshot(browser, "viewer-comparing.png")


def test_a_restructured_rewrite_shows_each_sentence_with_its_sources(browser, server):
    from selenium.webdriver.common.by import By

    from ..test_evidence import LIBRARY, LIBRARY_RESTRUCTURED

    browser.get(server)
    browser.find_element(By.ID, "text-a").send_keys(LIBRARY)
    browser.find_element(By.ID, "text-b").send_keys(LIBRARY_RESTRUCTURED)
    browser.find_element(By.ID, "compare-button").click()
    verdict = wait_for(lambda: browser.find_elements(By.ID, "verdict"))[0]
    assert "rewordings of each other" in verdict.text
    cells = [c.text for c in browser.find_elements(By.CSS_SELECTOR, "tr.row-pair td.side-a")]
    assert len(cells) == 2 and all(c.startswith("A0+") for c in cells)  # the vote sentence feeds both
    assert any("…" in c and "repairs" not in c for c in cells)  # the sentence between is left out
    facts = " ".join(f.text for f in browser.find_elements(By.CSS_SELECTOR, ".fact-change"))
    assert "7 to 2 → 6 to 3" in facts and "2.3 million → 3.2 million" in facts
    save_screenshot(browser, "viewer-restructured-rewrite.png")
    browser.find_element(By.ID, "view-written").click()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#column-b .sent.linked")) == 2
    save_screenshot(browser, "viewer-restructured-rewrite-as-written.png")


def test_two_copies_of_one_file_are_the_same_text(browser, server):
    from selenium.webdriver.common.by import By

    verdict = compare_seeds(browser, server, "001", "001")
    headline = verdict.find_element(By.TAG_NAME, "h1").text
    assert headline == "001_c5228a29931e7031.txt and 001_c5228a29931e7031.txt are the same text"
    meters = [float(m.get_attribute("value")) for m in verdict.find_elements(By.TAG_NAME, "meter")]
    assert meters == [1.0, 1.0, 1.0, 1.0]  # sentences and words, each side


def test_the_command_line_writes_the_same_standalone_report(browser, tmp_path):
    import subprocess
    import sys

    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "paraphrase.cli", "compare", str(seed("000")), str(seed("001")),
                           "--format", "html", "-o", str(report)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == ""
    browser.get_log("browser")
    browser.get(report.as_uri())
    assert browser.find_element(By.CSS_SELECTOR, "#verdict h1").text == \
        "000_86711bc330f5b00f is a rewording of 001_c5228a29931e7031"
    assert not browser.find_elements(By.ID, "download-json") and not browser.find_elements(By.TAG_NAME, "header")
    assert len(browser.find_elements(By.CSS_SELECTOR, "tr.row-pair")) == len(paraphrase.compare(seed("000"), seed("001")).pairs)
    assert "by paraphrase" in browser.find_element(By.ID, "about").text  # open, with its header
    browser.find_element(By.CSS_SELECTOR, "tr.row-pair td.side-a").click()  # the script runs offline
    assert browser.find_elements(By.CSS_SELECTOR, "td.partner")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_each_article_as_written_links_shared_passages_and_steps_through_every_match(browser, server):
    from selenium.webdriver.common.by import By

    compare_seeds(browser, server)
    browser.find_element(By.ID, "view-written").click()
    assert browser.find_element(By.ID, "written").is_displayed()
    assert not browser.find_element(By.ID, "aligned").is_displayed()
    visible_in_column = (
        "const el = arguments[0], box = el.closest('.column').getBoundingClientRect(), r = el.getBoundingClientRect();"
        "return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;")
    # Short columns, so that the partner (at the end of B) starts out of view.
    browser.execute_script("for (const c of document.querySelectorAll('.column')) c.style.maxHeight = '180px';")
    last = browser.find_element(By.ID, "a-s27")  # "In 2015, Russia intervened", the end of both texts
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", last)
    assert not browser.execute_script(visible_in_column, browser.find_element(By.ID, "b-s15"))
    last.click()
    partner = browser.find_element(By.ID, "b-s15")
    assert "current" in partner.get_attribute("class")
    assert browser.execute_script(visible_in_column, partner)  # its column scrolled to it
    assert browser.execute_script("return document.getElementById('column-b').scrollTop") > 0
    matches = [row.get_attribute("data-match") for row in browser.find_elements(By.CSS_SELECTOR, "#match-list tbody tr")]
    assert len(matches) == len(paraphrase.compare(seed("000"), seed("001")).pairs)
    body = browser.find_element(By.TAG_NAME, "body")
    visited = set()
    for _ in matches:
        body.send_keys("n")
        visited.add(browser.find_element(By.CSS_SELECTOR, "#match-list tr.current").get_attribute("data-match"))
    assert visited == set(matches)
    assert browser.find_element(By.ID, "match-where").text.endswith(f"of {len(matches)}")
    save_screenshot(browser, "viewer-as-written-000-001.png")
    browser.find_element(By.ID, "view-aligned").click()
    assert browser.find_element(By.ID, "aligned").is_displayed() and not browser.find_element(By.ID, "written").is_displayed()


def test_a_run_of_identical_sentences_is_folded_and_opens_on_request(browser, server):
    from selenium.webdriver.common.by import By

    text = seed("001").read_text(encoding="utf-8")
    edited = text.replace("Video footage has emerged", "New video footage has emerged", 1)
    browser.get(server)
    browser.find_element(By.ID, "text-a").send_keys(text)
    browser.find_element(By.ID, "text-b").send_keys(edited)
    browser.find_element(By.ID, "compare-button").click()
    wait_for(lambda: browser.find_elements(By.ID, "verdict"))
    (fold,) = browser.find_elements(By.CSS_SELECTOR, "tr.row-fold button")
    folded = browser.find_elements(By.CSS_SELECTOR, "tr[data-folded]")
    assert len(folded) == 15 and fold.text.startswith("15 identical sentences")
    assert not any(row.is_displayed() for row in folded)
    fold.click()
    assert all(row.is_displayed() for row in folded) and fold.get_attribute("aria-expanded") == "true"


def test_a_long_comparison_shows_more_rows_on_request_and_reveals_a_partner_it_needs(browser):
    import waitress
    from paraphrase_viewer import create_app
    from selenium.webdriver.common.by import By

    wsgi = waitress.create_server(create_app({"PAGE_ROWS": 10}), host="127.0.0.1", port=0, threads=2)
    threading.Thread(target=wsgi.run, daemon=True).start()
    try:
        compare_seeds(browser, f"http://127.0.0.1:{wsgi.effective_port}")
        rows = browser.find_elements(By.CSS_SELECTOR, "#aligned tbody tr:not(.facts)")
        waiting = browser.find_elements(By.CSS_SELECTOR, "#aligned tbody tr[data-later]:not(.facts)")
        assert len(waiting) == len(rows) - 10
        assert browser.find_element(By.ID, "rows-left").text == f"{len(waiting)} more rows"
        browser.find_element(By.CSS_SELECTOR, "#overview summary").click()  # a map click needs a later row
        heat = json.loads(browser.find_element(By.ID, "heatmap-data").get_attribute("textContent"))
        last_row = heat["row_of_a"][str(heat["a_index"][-1])]
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {clientX: "
                               "arguments[0].getBoundingClientRect().right - 2, clientY: "
                               "arguments[0].getBoundingClientRect().bottom - 2}))",
                               browser.find_element(By.ID, "heatmap"))
        assert browser.find_element(By.ID, last_row).get_attribute("data-later") is None
        while browser.find_element(By.ID, "show-more").is_displayed():
            browser.find_element(By.ID, "show-more").click()
        assert not browser.find_elements(By.CSS_SELECTOR, "#aligned tbody tr[data-later]")
    finally:
        wsgi.close()


def test_the_editor_chooses_the_semantic_scorer_and_the_page_says_so(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    assert browser.find_element(By.CSS_SELECTOR, 'input[name="scorer"][value="lexical"]').is_selected()
    browser.find_element(By.CSS_SELECTOR, 'input[name="scorer"][value="semantic"]').click()
    browser.find_element(By.ID, "file-a").send_keys(str(seed("000")))
    browser.find_element(By.ID, "file-b").send_keys(str(seed("001")))
    browser.find_element(By.ID, "compare-button").click()
    verdict = wait_for(lambda: browser.find_elements(By.ID, "verdict"), timeout=60)[0]
    assert "rewordings of each other" in verdict.text  # which is the rewording, the specifics do not say here
    assert "(semantic scorer)" in browser.find_element(By.CSS_SELECTOR, "#about summary").text
    save_screenshot(browser, "viewer-semantic-scorer.png")


def test_an_article_and_its_translation_line_up_in_their_own_scripts(browser, server):
    from selenium.webdriver.common.by import By

    from ..test_languages import ENGLISH, STORIES

    browser.get(server)
    browser.find_element(By.ID, "text-a").send_keys(STORIES["ru"][0])
    browser.find_element(By.ID, "text-b").send_keys(ENGLISH.replace("2.3 million", "3.2 million"))
    browser.find_element(By.ID, "compare-button").click()
    verdict = wait_for(lambda: browser.find_elements(By.ID, "verdict"))[0]
    assert "translations of each other" in verdict.text
    cells = browser.find_elements(By.CSS_SELECTOR, "tr.row-pair td.side-a")
    assert {c.get_attribute("lang") for c in cells} == {"ru"} and "Городской совет" in cells[0].text
    assert not browser.find_elements(By.CSS_SELECTOR, "tr.row-pair del")  # words in two languages are not diffed
    facts = " ".join(f.text for f in browser.find_elements(By.CSS_SELECTOR, ".fact-change"))
    assert "2,3 миллиона → 3.2 million" in facts
    save_screenshot(browser, "viewer-translation-ru-en.png")


# The rule sets of WCAG 2.0 and 2.1, levels A and AA (contrast AA, labels, names, structure).
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def accessibility_violations(browser):
    """axe-core's WCAG 2.1 A and AA violations on the open page, as "rule: element" lines.

    axe-core's script comes inside the ``axe-core-python`` test package and is injected
    into the page: nothing is fetched.
    """
    import axe_core_python

    browser.execute_script((Path(axe_core_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8"))
    found = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then((r) => done(r.violations));", WCAG_AA)
    return [f"{v['id']}: {node['target']}" for v in found for node in v["nodes"]]


def test_form_result_views_and_report_pass_an_accessibility_audit(browser, server, tmp_path):
    import subprocess
    import sys

    from selenium.webdriver.common.by import By

    browser.get(server)
    assert accessibility_violations(browser) == []
    compare_seeds(browser, server)
    assert accessibility_violations(browser) == []
    browser.find_element(By.ID, "view-written").click()
    assert accessibility_violations(browser) == []
    report = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "paraphrase.cli", "compare", str(seed("001")), str(seed("003")),
                    "--format", "html", "-o", str(report)], check=True, timeout=120)
    browser.get(report.as_uri())
    assert accessibility_violations(browser) == []


def test_the_keyboard_reaches_a_shared_passage_with_visible_focus_and_opens_its_partner(browser, server):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.by import By

    compare_seeds(browser, server)
    browser.find_element(By.ID, "view-written").click()
    browser.execute_script("document.getElementById('column-a').focus()")
    browser.switch_to.active_element.send_keys(Keys.TAB)  # from the column to its first shared passage
    sentence = browser.switch_to.active_element
    assert "linked" in sentence.get_attribute("class")
    outline = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth)];", sentence)
    assert outline[0] != "none" and outline[1] >= 2  # the focus is visible
    sentence.send_keys(Keys.ENTER)
    assert "current" in sentence.get_attribute("class")
    assert browser.find_elements(By.CSS_SELECTOR, "#column-b .sent.current")
    row = browser.find_element(By.CSS_SELECTOR, "#match-list tbody tr:last-child")
    browser.execute_script("arguments[0].focus()", row)
    row.send_keys(Keys.ENTER)  # a row of the match list opens its match too
    assert "current" in row.get_attribute("class")
