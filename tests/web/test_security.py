"""The viewer as a service: pasted text never reaches the disk, headers, origins, bounds."""

import html
import re
from pathlib import Path

import pytest

from ..conftest import seed

PASSWD = Path("/etc/passwd")


def passwd_lines():
    lines = [line for line in PASSWD.read_text().splitlines() if len(line) > 8]
    assert lines  # the regression needs a real file whose lines it can look for
    return lines


def leaks(body: str) -> list[str]:
    return [line for line in passwd_lines() if line in body]


@pytest.mark.parametrize("path", ["/etc/passwd", "/proc/self/status", "/proc/self/environ"])
def test_api_reads_a_pasted_path_as_text_never_the_file(client, path):
    # Regression: {"a": "/etc/passwd"} answered with the server's file split into sentences.
    response = client.post("/api/compare", json={"a": path, "b": "root"})
    body = response.get_data(as_text=True)
    assert not leaks(body) and "binary data" not in body and "Uid:" not in body
    if response.status_code == 200:
        assert response.get_json()["a"]["sentences"][0]["text"] == path


def test_form_reads_a_pasted_path_as_text_never_the_file(client):
    response = client.post("/compare", data={"a": "/etc/passwd", "b": "root:x:0:0"}, content_type="multipart/form-data")
    assert response.status_code in (200, 400)
    assert not leaks(response.get_data(as_text=True))


def test_a_long_one_paragraph_paste_is_compared(client):
    # Regression: a paste longer than 255 bytes was tried as a file name: OSError, 500.
    paragraph = seed("001").read_text(encoding="utf-8").replace("\n", " ")[:1500]
    response = client.post("/compare", data={"a": paragraph, "b": paragraph}, content_type="multipart/form-data")
    assert response.status_code == 200 and "rewording" in response.get_data(as_text=True)


def test_a_file_without_a_known_suffix_is_read_by_its_content(client):
    text = seed("001").read_bytes()
    response = client.post("/api/compare", data={"a": (__import__("io").BytesIO(text), "LGPL-2.1"), "b": text.decode()},
                           content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["a"]["name"] == "LGPL-2.1"


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/"), client.post("/api/compare", json={"a": "x"}),
                     client.post("/compare", data={"a": "A storm hit.", "b": "A storm hit."})):
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_the_page_satisfies_its_policy_no_inline_handlers_and_hashed_script(client, app):
    import base64
    import hashlib

    page = client.post("/compare", data={"a": seed("000").read_text(), "b": seed("001").read_text()}).get_data(as_text=True)
    assert not re.search(r"<[^>]+\son[a-z]+=", page)  # no onclick= and the like
    assert not re.search(r"<[^>]+\sstyle=", page)  # no style attributes
    policy = app.config["CSP"]
    for tag in ("script", "style"):
        for body in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert html.unescape(meta) == policy  # the meta copy travels with the offline report


@pytest.mark.parametrize("headers", [{"Origin": "https://evil.example"}, {"Origin": "null"},
                                     {"Sec-Fetch-Site": "cross-site"}])
def test_cross_site_posts_are_refused(client, headers):
    for path in ("/compare", "/api/compare"):
        response = client.post(path, json={"a": "A storm hit.", "b": "A storm hit."}, headers=headers)
        assert response.status_code == 403
        assert "cross-site" in response.get_data(as_text=True)


def test_same_origin_posts_and_tools_without_origin_are_accepted(client):
    body = {"a": "A storm hit the coast on Monday.", "b": "A storm hit the coast on Monday."}
    assert client.post("/api/compare", json=body, headers={"Origin": "http://localhost"}).status_code == 200
    assert client.post("/api/compare", json=body).status_code == 200


def test_work_per_request_is_bounded_by_sentences(app):
    app.config["MAX_SENTENCES"] = 10
    long_text = " ".join(f"Sentence number {i} tells of the storm." for i in range(11))
    response = app.test_client().post("/api/compare", json={"a": long_text, "b": "A storm."})
    assert response.status_code == 400
    assert "11 sentences, more than the 10 compared at most" in response.get_json()["error"]
