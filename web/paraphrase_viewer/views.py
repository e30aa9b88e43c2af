"""Routes: the form, the side-by-side result, and the JSON API."""

from __future__ import annotations

import re
from pathlib import PurePath

from flask import Blueprint, Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import Forbidden, RequestEntityTooLarge

import paraphrase
from paraphrase.derivation import derivation, derivation_csv
from paraphrase.score import EDIT_CLASSES, SHOWN_NOT_COUNTED
from paraphrase.scorers import SCORER_NOTES, installed, require_installed

from .inputs import Article, MissingInput, UnsupportedInput, from_form, from_text
from .rows import as_written, heatmap, rows

bp = Blueprint("viewer", __name__)


@bp.get("/")
def index():
    return render_template("index.html", pasted={}, **_limits())


@bp.post("/compare")
def compare():
    pasted = {field: request.form.get(field, "") for field in ("a", "b")}
    try:
        a, b = (from_form(field, request.files, request.form) for field in ("a", "b"))
        options = _options(request.form.get("scorer"))
        result = _compare(a, b, options)
    except (UnsupportedInput, paraphrase.UnsupportedFormatError) as error:
        return _form_error(str(error), pasted, 415, request.form.get("scorer"))
    except (MissingInput, paraphrase.ParaphraseError) as error:
        return _form_error(str(error), pasted, 400, request.form.get("scorer"))
    return render_result(result, options)


def render_result(result: paraphrase.Comparison, options: paraphrase.Options, report: bool = False) -> str:
    """The result page, or with ``report`` the standalone report (no controls, details open)."""
    laid_out = rows(result)
    return render_template("result.html", result=result, rows=laid_out, heatmap=heatmap(result, laid_out),
                           data=result.to_dict(), filters=FILTERS, about=_about(result, options), report=report,
                           written=as_written(result), derivation=derivation(result),
                           page_rows=len(laid_out) + 1 if report else current_app.config["PAGE_ROWS"],
                           derivation_csv=derivation_csv(result), evidence=paraphrase.EVIDENCE,
                           **_limits())


# What the class filter offers: the engine's pair classes, then the kinds of row.
FILTERS = (*EDIT_CLASSES, "moved", *SHOWN_NOT_COUNTED, "new material", "set aside")


@bp.post("/api/compare")
def api_compare():
    try:
        a, b, scorer = _api_inputs()
        result = _compare(a, b, _options(scorer))
    except (UnsupportedInput, paraphrase.UnsupportedFormatError) as error:
        return jsonify(error=str(error)), 415
    except (MissingInput, paraphrase.ParaphraseError) as error:
        return jsonify(error=str(error)), 400
    return jsonify(result.to_dict())


def _about(result: paraphrase.Comparison, used: paraphrase.Options) -> dict[str, object]:
    """What a saved report says about how it was made: when, by what, from what, with which thresholds."""
    from dataclasses import asdict
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    inputs = [{"name": doc.name, "characters": len(doc.text), "sentences": len(doc.sentences),
               "counted": len(doc.counted)} for doc in (result.a, result.b)]
    options = {k: v for k, v in asdict(used).items() if v is not None}
    stem = "-vs-".join(re.sub(r"[^\w.-]+", "_", PurePath(doc.name).stem)[:60] for doc in (result.a, result.b))
    return {"generated": now.strftime("%Y-%m-%d %H:%M UTC"), "version": paraphrase.__version__, "scorer": result.scorer,
            "inputs": inputs, "options": options, "constants": paraphrase.EVIDENCE_CONSTANTS, "stem": f"{stem}-{now:%Y-%m-%d}"}


def _options(scorer: object = None) -> paraphrase.Options:
    """The shipped thresholds of the chosen scorer (default lexical), capped in sentences."""
    if scorer is not None and not isinstance(scorer, str):
        raise MissingInput('"scorer" must be a name such as "lexical"')
    options = paraphrase.Options.for_scorer(scorer or "lexical", max_sentences=current_app.config["MAX_SENTENCES"])
    require_installed(options)
    return options


def _compare(a: Article, b: Article, options: paraphrase.Options) -> paraphrase.Comparison:
    # The library reads bytes as an upload and str as text; the sentence bound caps the work.
    return paraphrase.compare(a.source, b.source, names=(a.name, b.name), options=options)


def _api_inputs():
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise MissingInput('send a JSON object {"a": "...", "b": "..."}')
        return from_text("a", body.get("a")), from_text("b", body.get("b")), body.get("scorer")
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return (from_form("a", request.files, request.form), from_form("b", request.files, request.form),
                request.form.get("scorer"))
    raise UnsupportedInput(f"unsupported content type {request.mimetype or '(none)'}: send JSON or multipart/form-data")


def _form_error(message: str, pasted: dict[str, str], status: int, scorer: str | None = None):
    # The form again, as the editor filled it in.
    return render_template("index.html", error=message, pasted=pasted, **_limits(scorer)), status


def _limits(scorer: str | None = None) -> dict[str, object]:
    from paraphrase.readers import SUFFIXES, describe

    return {"max_bytes": current_app.config["MAX_CONTENT_LENGTH"], "max_sentences": current_app.config["MAX_SENTENCES"],
            "accept": ",".join(SUFFIXES), "formats": describe(), "scorers": {name: SCORER_NOTES[name] for name in installed()},
            "scorer": scorer or "lexical"}


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Forbidden)
    def forbidden(error):
        if request.path.startswith("/api/"):
            return jsonify(error=error.description), 403
        return render_template("index.html", error=error.description, pasted={}, **_limits()), 403

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(error):
        limit = f"{app.config['MAX_CONTENT_LENGTH'] / 2**20:g} MB"
        message = f"the upload is larger than the {limit} limit; choose smaller files or paste an excerpt"
        if request.path.startswith("/api/"):
            return jsonify(error=message), 413
        return render_template("index.html", error=message, pasted={}, **_limits()), 413
