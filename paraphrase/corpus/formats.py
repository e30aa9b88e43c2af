"""Check results for people and for pipelines: text, JSON, JUnit XML, GitHub annotations,
SARIF (code-scanning dashboards) and CSV (a desk's spreadsheet)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from typing import Any, Iterator, Sequence

from ..reading import LOOK_ALIKE_LETTERS
from .check import CHECK_SCHEMA, ArticleCheck, Policy, unused_entries

EXCERPT = 90


def render_text(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    return "\n".join(line for check in checks for line in _text(check, policy)) + "\n"


def _text(check: ArticleCheck, policy: Policy) -> Iterator[str]:
    status = "FAIL" if check.failed else "ok"
    yield (f"{check.label}: {status}, {check.failing_share:.0%} of its {len(check.document.counted)} sentences "
           f"come from the corpus (limit {policy.max_share:.0%}; in all {check.share:.0%}, credited {check.credited_share:.0%})")
    if check.period.describe():
        yield f"  {check.period.describe()}"
    if check.document.look_alikes:
        yield f"  {_look_alikes(check)}"
    for same in check.same_as:
        yield f"  the same document as corpus {same.key} (not counted as reuse)"
    for rank, match in enumerate(check.sources, 1):
        tags = [t for t in (match.accepted, "credited" if match.credited else None) if t]
        about = ", ".join(x for x in (match.document.source, match.document.date) if x)
        yield f"  {rank}. {match.document.key}{f' ({about})' if about else ''}: {match.share:.0%} of the article" + \
              (f" [{'; '.join(tags)}]" if tags else "")
        for pair in match.comparison.pairs:
            yield (f"       A{'+'.join(map(str, pair.a))} ↔ B{'+'.join(map(str, pair.b))}  {pair.distance:.2f} "
                   f"{pair.edit_class:13}  {pair.evidence or '':14}  {_excerpt(check.document.sentences[pair.a[0]].text)}")
    yield ""


def _look_alikes(check: ArticleCheck) -> str:
    n = check.document.look_alikes
    return f"{n} {'word' if n == 1 else 'words'} written with {LOOK_ALIKE_LETTERS} (a way to hide copying), " \
        "read as the Latin letters"


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"


def render_json(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    return json.dumps({
        "schema": CHECK_SCHEMA, "max_share": policy.max_share, "exempt_credited": policy.exempt_credited,
        "failed": sum(c.failed for c in checks), "articles": [c.to_dict() for c in checks],
        "unused_allowlist": [{"kind": kind, "entry": entry} for kind, entry in unused_entries(list(checks), policy)],
    }, ensure_ascii=False, indent=2) + "\n"


def render_junit(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    """One test case per article, so that any CI server lists them."""
    tests, failures = str(len(checks)), str(sum(c.failed for c in checks))
    suite = ET.Element("testsuite", name="paraphrase check", tests=tests, failures=failures, errors="0", skipped="0")
    for check in checks:
        case = ET.SubElement(suite, "testcase", classname="paraphrase.check", name=check.label)
        details = "\n".join(_text(check, policy))
        if check.failed:
            failure = ET.SubElement(case, "failure", type="RecycledCopy", message=_summary(check, policy))
            failure.text = details
        else:
            ET.SubElement(case, "system-out").text = details
    root = ET.Element("testsuites", name="paraphrase", tests=tests, failures=failures)
    root.append(suite)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def render_github(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    """Workflow commands that GitHub Actions shows as annotations on the article's lines."""
    lines = []
    for check in checks:
        level = "error" if check.failed else "notice"
        line = _first_reused_line(check)
        where = f"file={_escape_property(check.label)}" + (f",line={line}" if line else "")
        title = "Recycled copy" if check.failed else "Reuse within limits"
        lines.append(f"::{level} {where},title={title}::{_escape_data(_summary(check, policy))}")
    return "\n".join(lines) + "\n"


def _summary(check: ArticleCheck, policy: Policy) -> str:
    top = check.sources[0] if check.sources else None
    source = f"; most from {top.document.key} ({top.share:.0%})" if top else ""
    same = f"; the same document as corpus {', '.join(d.key for d in check.same_as)}" if check.same_as else ""
    disguise = f"; {_look_alikes(check)}" if check.document.look_alikes else ""
    return (f"{check.failing_share:.0%} of sentences come from the corpus, limit {policy.max_share:.0%}"
            f"{source}{same}{disguise}")


def _first_reused_line(check: ArticleCheck) -> int | None:
    starts = [check.document.sentences[i].start for m in check.sources for p in m.comparison.pairs for i in p.a]
    return check.document.text.count("\n", 0, min(starts)) + 1 if starts else None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULE = "recycled-copy"
LOOK_ALIKE_RULE = "look-alike-letters"


def render_sarif(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    """SARIF 2.1.0: one result per reused passage (a run of the article's sentences from one
    corpus document), at its lines and columns in the article."""
    from .. import __version__

    rule = {"id": RULE, "name": "RecycledCopy",
            "shortDescription": {"text": "Sentences reused from a corpus document"},
            "fullDescription": {"text": "The article's sentences align with a corpus document's (paraphrase check); "
                                        f"an article fails above {policy.max_share:.0%} of its sentences."},
            "defaultConfiguration": {"level": "error"}}
    disguise = {"id": LOOK_ALIKE_RULE, "name": "LookAlikeLetters",
                "shortDescription": {"text": f"Words written with {LOOK_ALIKE_LETTERS}"},
                "fullDescription": {"text": "Letters of another script that look like Latin ones, inside Latin words, "
                                            "are a way to hide copying from a checker; the check reads them as the "
                                            "Latin letters. They do not fail an article on their own."},
                "defaultConfiguration": {"level": "warning"}}
    results = [result for check in checks for result in (*_sarif_results(check), *_sarif_look_alikes(check))]
    run = {"tool": {"driver": {"name": "paraphrase", "version": __version__, "rules": [rule, disguise]}},
           "columnKind": "unicodeCodePoints", "results": results}
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _sarif_results(check: ArticleCheck) -> Iterator[dict[str, Any]]:
    text = check.document.text
    for match in check.sources:
        for first, last, pairs in _passages(match.comparison.pairs):
            start, end = check.document.sentences[first].start, check.document.sentences[last].end
            classes = ", ".join(sorted({p.edit_class for p in pairs}))
            status = match.accepted or ("credited" if match.credited else None)
            level = "note" if status else "error" if check.failed else "warning"
            yield {
                "ruleId": RULE, "level": level,
                "message": {"text": f"sentences {first}-{last} reuse {match.document.key} ({classes}; "
                                    f"{match.share:.0%} of the article from it)" + (f" [{status}]" if status else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": check.label},
                                                    "region": {**_line_column(text, start, "start"),
                                                               **_line_column(text, end, "end")}}}],
                "properties": {"source": match.document.key, "sourceDate": match.document.date,
                               "share": round(match.share, 4)},
            }


def _sarif_look_alikes(check: ArticleCheck) -> Iterator[dict[str, Any]]:
    # One result per article, at its first such word: a disguised text has hundreds.
    spans = check.document.look_alike_spans
    if not spans:
        return
    text = check.document.text
    (start, end), *_ = spans
    yield {
        "ruleId": LOOK_ALIKE_RULE, "level": "warning",
        "message": {"text": f'{_look_alikes(check)}; the first: "{text[start:end]}"'},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": check.label},
                                            "region": {**_line_column(text, start, "start"),
                                                       **_line_column(text, end, "end")}}}],
        "properties": {"words": len(spans)},
    }


def _passages(pairs: Sequence[Any]) -> Iterator[tuple[int, int, list[Any]]]:
    """Runs of pairs whose article sentences follow each other: (first, last, pairs)."""
    run: list[Any] = []
    for pair in sorted(pairs, key=lambda p: p.a):
        if run and pair.a[0] > max(i for p in run for i in p.a) + 1:
            yield min(run[0].a), max(i for p in run for i in p.a), run
            run = []
        run.append(pair)
    if run:
        yield min(run[0].a), max(i for p in run for i in p.a), run


def _line_column(text: str, offset: int, which: str) -> dict[str, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return {f"{which}Line": line, f"{which}Column": column}


CSV_COLUMNS = ("article", "failed", "source", "source_date", "article_sentences", "source_sentences", "distance",
               "class", "evidence", "accepted", "credited", "line", "text")


def render_csv(checks: Sequence[ArticleCheck], policy: Policy) -> str:
    """One row per reused sentence pair."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for check in checks:
        for match in check.sources:
            for pair in match.comparison.pairs:
                sentence = check.document.sentences[pair.a[0]]
                writer.writerow([check.label, check.failed, match.document.key, match.document.date or "",
                                 " ".join(map(str, pair.a)), " ".join(map(str, pair.b)), f"{pair.distance:.3f}",
                                 pair.edit_class, pair.evidence or "", match.accepted or "", match.credited,
                                 check.document.text.count("\n", 0, sentence.start) + 1, sentence.text])
    return out.getvalue()


FORMATS = {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github,
           "sarif": render_sarif, "csv": render_csv}
