"""Check results for people and for pipelines: text, JSON, JUnit XML, GitHub annotations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Iterator, Sequence

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
    for same in check.same_as:
        yield f"  the same document as corpus {same.key} (not counted as reuse)"
    for rank, match in enumerate(check.sources, 1):
        tags = [t for t in (match.accepted, "credited" if match.credited else None) if t]
        about = ", ".join(x for x in (match.document.source, match.document.date) if x)
        yield f"  {rank}. {match.document.key}{f' ({about})' if about else ''}: {match.share:.0%} of the article" + \
              (f" [{'; '.join(tags)}]" if tags else "")
        for pair in match.comparison.pairs:
            yield (f"       A{'+'.join(map(str, pair.a))} ↔ B{'+'.join(map(str, pair.b))}  {pair.distance:.2f} "
                   f"{pair.edit_class:13}  {_excerpt(check.document.sentences[pair.a[0]].text)}")
    yield ""


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
    return f"{check.failing_share:.0%} of sentences come from the corpus, limit {policy.max_share:.0%}{source}{same}"


def _first_reused_line(check: ArticleCheck) -> int | None:
    starts = [check.document.sentences[i].start for m in check.sources for p in m.comparison.pairs for i in p.a]
    return check.document.text.count("\n", 0, min(starts)) + 1 if starts else None


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATS = {"text": render_text, "json": render_json, "junit": render_junit, "github": render_github}
