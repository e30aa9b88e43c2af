"""What every response carries and what every form post must show: the viewer as a service.

The page's only script and style are inline (so a downloaded report opens offline); the
Content-Security-Policy allows exactly those two by their SHA-256 and nothing else: no
other script, no inline handler, no plugin, no framing. The same policy is written into
the page as a meta tag, so the offline report keeps it. A post whose Origin (or
Sec-Fetch-Site) says it came from another site is refused, so no other web page can
drive the server with a visitor's browser.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import urlsplit

from flask import Flask, Response, abort, request


def policy(app: Flask) -> str:
    """The Content-Security-Policy: the inline script and style by hash, nothing else."""
    script = _sha256(app.jinja_env.get_template("viewer.js").render())
    style = _sha256(app.jinja_env.get_template("viewer.css").render())
    return (f"default-src 'none'; script-src '{script}'; style-src '{style}'; img-src data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def install(app: Flask) -> None:
    """Headers on every response, and the same-origin rule on every post."""
    app.config["CSP"] = policy(app)
    app.jinja_env.globals["content_security_policy"] = app.config["CSP"]

    @app.before_request
    def same_origin_posts_only() -> None:
        if request.method == "POST" and not _same_origin():
            abort(403, "cross-site posts are refused: open the viewer's own page to compare")

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = app.config["CSP"] + "; frame-ancestors 'none'"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"  # "no-referrer" would make the Origin of our own posts "null"
        return response


def _same_origin() -> bool:
    # Browsers send Origin on every POST; tools such as curl send neither header.
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    return origin != "null" and urlsplit(origin).netloc == request.host
