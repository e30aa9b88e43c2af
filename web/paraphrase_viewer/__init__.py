"""The editor's viewer: upload or paste two articles, see them aligned side by side.

A thin Flask adapter over ``paraphrase.compare``. Uploads are read in memory and never
stored; nothing from one request is visible to another.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

DEFAULT_MAX_UPLOAD_MB = 5
# Sentences per article the viewer compares: bounds one request's work (about 1.5 s at
# 2,000 x 2,000 on one core). A longer article gets a 400 saying so.
DEFAULT_MAX_SENTENCES = 2000
# Rows of the aligned table laid out at first; the rest wait for "Show more rows", so a
# long comparison's page stays responsive (a saved report holds every row).
DEFAULT_PAGE_ROWS = 300


def standalone_report(result: Any, options: Any) -> str:
    """The comparison as the viewer's standalone HTML report (what its download button
    saves), for ``paraphrase compare --format html``: every row, no controls."""
    from .views import render_result

    app = create_app()
    with app.test_request_context("/"):
        return render_result(result, options, report=True)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The application, configured from ``test_config`` or the environment."""
    app = Flask(__name__)
    max_mb = float(os.environ.get("PARAPHRASE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    max_sentences = int(os.environ.get("PARAPHRASE_MAX_SENTENCES", DEFAULT_MAX_SENTENCES))
    app.config.from_mapping(MAX_CONTENT_LENGTH=int(max_mb * 2**20), MAX_SENTENCES=max_sentences,
                            PAGE_ROWS=DEFAULT_PAGE_ROWS)
    if test_config:
        app.config.from_mapping(test_config)

    from . import security, views

    app.register_blueprint(views.bp)
    views.register_error_handlers(app)
    security.install(app)
    return app
