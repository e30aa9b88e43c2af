"""The editor's viewer: upload or paste two articles, see them aligned side by side.

A thin Flask adapter over ``paraphrase.compare``. Uploads are read in memory and never
stored; nothing from one request is visible to another.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

DEFAULT_MAX_UPLOAD_MB = 5


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The application, configured from ``test_config`` or the environment."""
    app = Flask(__name__)
    max_mb = float(os.environ.get("PARAPHRASE_MAX_UPLOAD_MB", DEFAULT_MAX_UPLOAD_MB))
    app.config.from_mapping(MAX_CONTENT_LENGTH=int(max_mb * 2**20))
    if test_config:
        app.config.from_mapping(test_config)

    from . import views

    app.register_blueprint(views.bp)
    views.register_error_handlers(app)
    return app
