"""Recognise web and news boilerplate and set it aside, with the reason, without deleting it.

Rules work on lines first (a photo caption is a whole line, however many sentences it
has), then on single segments. Set-aside text stays in the output but never counts
towards similarity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from .agencies import AGENCY_NAMES, PHOTO_AGENCIES
from .languages import ENGLISH, Language, language
from .segment import COPY_MARKERS, COPYRIGHT_MARK, DATELINE, Span, lines
from .tokens import normalize

# The photo agencies, longest first ("AP Photo" before "AP"), any space read as white space;
# inline, as written or in capitals, case-sensitive.
_LONGEST_FIRST = sorted(PHOTO_AGENCIES, key=len, reverse=True)
_PHOTO_AGENCIES = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in _LONGEST_FIRST)
_PHOTO_AGENCIES_INLINE = "|".join(re.escape(form) for name in _LONGEST_FIRST
                                  for form in dict.fromkeys((name, name.upper())))
_CREDIT = re.compile(
    r"\((?:photo\s*|image\s*|picture\s*)?credits?\s*:[^)]*\)\s*$"
    r"|^\(?\s*(?:photo|image|picture|credit|source)s?\s*(?:credit)?\s*:"
    rf"|\((?:{_PHOTO_AGENCIES})\b[^)]*\)\s*$",  # "(AP Photo/...)", not "(Apr. 18, 2006)"
    re.IGNORECASE,
)
# An embedded post: its picture's link, or its attribution line ("— Jane Doe (@jdoe) November
# 30, 2024"); two patterns, so that the link is found by its words.
_SOCIAL_LINK = re.compile(r"pic\.twitter\.com/", re.IGNORECASE)
_SOCIAL_ATTRIBUTION = re.compile(r"^\W*[-—–]\s.*\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_SHARE = re.compile(r"^(?:you can\s+)?share\s+(?:this|the)\s+(?:story|article|post)\b", re.IGNORECASE)
_SOURCE_CREDIT = re.compile(
    r"^(?=(?:as\s+)?(?:originally\s+)?(?:reported|published|first\s+appeared)\s)(?!.*,\s+(?-i:[a-z]))"
    r"(?:as\s+)?(?:originally\s+)?(?:reported|published|first\s+appeared)\s+(?:by|in|on)\s+\S.{0,60}$",
    re.IGNORECASE,
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PLACE = r"(?!" + _WEEKDAY + r")[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"  # "Syria", "New Jersey"
_MONTH = (r"(?:Jan\.?|January|Feb\.?|February|March|April|May|June|July|Aug\.?|August|Sept?\.?|September"
          r"|Oct\.?|October|Nov\.?|November|Dec\.?|December)")
_LINE_BREAKS = re.compile(r"\s*[\n\r\u2028\u2029]\s*")
# A credit or a notice names; an article sentence that opens like one goes on with a verb
# ("Copyright rules were changed", "Reporting by the BBC was criticised").
_NO_VERB = r"(?!.*\b(?-i:is|are|was|were|has|had|have)\b)"
_BYLINE = re.compile(r"^[Bb][Yy]\s+(?:[A-Z][\w.'’-]*\s*){1,4}"
                     r"(?:(?:,\s*|\s*(?:and|&)\s+)(?:[A-Z][\w.'’-]*\s*){1,4}){0,3}"
                     r"(?:$|[,|/•·–—-]\s*\S.{0,60}$)(?<![.!?])")
# A wire story's catchline, above its byline: a word in capitals, then a word or few
# ("COURT Stabbing", "FLOODS Rail"). Only above a byline: a web page's headings open so too.
_CATCHLINE = re.compile(r"^[A-Z][A-Z'’-]+(?:\s+[A-Z][\w'’-]*){0,3}$")
# The writer's note closing a column ("Jane Smith is a freelance journalist based in
# Beirut."): the last paragraph, one sentence naming the writer's trade. Two pieces by one
# writer share it, as they share a byline. A past tense tells of a journalist in the news
# ("... is a journalist who was detained in Tehran").
_AUTHOR_BIO = re.compile(r"^(?!.*\b(?:was|were|had)\b)[—–-]?\s*(?:[A-Z][\w.'’-]*\s+){1,3}is\s+(?:a|an|the)\s+"
                         r"(?:[\w'’-]+\s+){0,6}?"
                         r"(?:reporter|correspondent|editor|writer|journalist|columnist|author|contributor|"
                         r"producer|photographer|broadcaster)\b[^.!?]{0,150}[.!]?$")
# Line rules: a pattern and the reason a line it finds is set aside.
_Rules = tuple[tuple[re.Pattern[str], str], ...]
# Newsroom furniture that fills a whole line: agency slug lines, end-of-copy markers,
# embargo lines ("EMBARGOED UNTIL 00.01 TUESDAY"), notes to editors ("Eds: UPDATES with
# details."), a wire story's update tags ("(Adds quotes from ministry, paragraphs 4-6)"),
# rules, bylines, credit lines ("Reuters contributed to this report."), correction notes
# ("This article was amended on ..."), copyright notices, photo credits standing alone ("Getty Images",
# "Image source, Reuters": the BBC's form, beside "Image caption, ..."), and photo captions
# that carry no credit in parentheses: agency file photos ("FILE - ..."), an agency
# credit written inline ("... REUTERS/Firas Makdesi"), or the caption's closing dateline
# after a place set off by commas ("... in Aleppo, Syria, Saturday, Nov. 30, 2024."),
# which article sentences do not use ("... debuted at 7:00 PM, Friday, September 7,
# 1979." is not a caption). Each language adds its bylines, photo credits and copyright
# notices (``_language_lines``).
_NEWSROOM_LINES: _Rules = (
    (re.compile(r"^\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{2,4}:?\s"), "agency slug line"),
    (COPY_MARKERS, "end-of-copy marker"),
    (re.compile(r"^(?:strictly\s+)?(?:under\s+)?embargo(?:ed)?\s*(?::|until\b|till\b|to\b).{0,70}$", re.IGNORECASE),
     "embargo line"),
    (re.compile(r"^(?:eds|editors?|editor['’]s\s+notes?|notes?\s+to\s+editors?)\s*(?::.{0,200})?$", re.IGNORECASE),
     "note to editors"),
    (re.compile(r"^\((?:adds|updates|recasts|corrects|changes|refiles|repeats|fixes|rewrites|removes|clarifies)\b"
                r"[^()]{0,150}\)$", re.IGNORECASE), "update tag"),
    (re.compile(r"^[-=_*~#\s]{3,}$"), "rule"),
    (_BYLINE, "byline"),
    # (Reuters puts it in brackets: "(Reporting by Jane Smith; Editing by Tom Brown)")
    (re.compile(r"^[(\s–—-]*(?:additional\s+)?(?:reporting|writing|editing|compiled|written)\s+by\s+(?-i:[A-Z])"
                + _NO_VERB + r".{0,200}$", re.IGNORECASE), "credit line"),
    (re.compile(r"^to\s+contact\s+the\s+(?:reporters?|editors?|writers?)\b.{0,200}$", re.IGNORECASE), "credit line"),
    (re.compile(r"^(?:this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)\b.{0,250}"
                r"|(?:correction|clarification)\s*:.{0,250})$", re.IGNORECASE), "correction note"),
    # (two patterns, not one alternation: the second is found by its words, not tried at
    # every character of every line)
    (re.compile(rf"^(?:copyright|{COPYRIGHT_MARK})\s+(?:{COPYRIGHT_MARK}|\d{{4}}|(?-i:[A-Z]))" + _NO_VERB + r".{0,150}$",
                re.IGNORECASE),
     "copyright notice"),
    (re.compile(r"all rights reserved\.?$", re.IGNORECASE), "copyright notice"),
    (re.compile(r"^(?:this\s+material\s+)?may\s+not\s+be\s+published,\s+broadcast,\s+rewritten,?\s+or\s+redistributed"
                r"(?:\s+without\s+permission)?\.?$", re.IGNORECASE), "copyright notice"),  # AP's, wrapped or alone
    (re.compile(r"^FILE(?:\s+PHOTO)?\s*[-–—:]\s"), "photo caption"),
    (re.compile(r"^(?:image|media|video)\s+caption\s*,", re.IGNORECASE), "photo caption"),
    (re.compile(r"^(?:image|media|video)\s+source\s*,", re.IGNORECASE), "photo credit"),
    (re.compile(rf"^(?:{_PHOTO_AGENCIES})(?:\s*(?:/|via)\s*\S.{{0,40}})?$", re.IGNORECASE), "photo credit"),
    # (a credit inline, as written or in capitals, then the photographer's name ending the
    # line: "... in Aleppo. REUTERS/Mahmoud Hasano/File Photo"; not "a Reuters/Ipsos poll")
    (re.compile(rf"\b(?:{_PHOTO_AGENCIES_INLINE})/(?:[A-Z][\w.'’-]*[\s/]*){{1,6}}$"), "photo caption"),
    (re.compile(r",\s+" + _PLACE + r",\s+(?:" + _WEEKDAY + r",\s+)?" + _MONTH + r"\s+\d{1,2},\s+\d{4}\.?\s*$"),
     "photo caption"),
    # A staff credit standing for a byline: "Court Reporter", "Press Association", "PA
    # Reporter" (after the photo credits: "Reuters" alone is one).
    (re.compile(rf"^(?:(?:{AGENCY_NAMES})(?:\s+(?:Media|Wire))?|(?:[A-Z][\w'’]*\s+){{0,3}}(?:Reporter|Correspondent))"
                r"(?:\s+(?:Reporter|Correspondent|Staff))?$"), "byline"),
)
# A web page's furniture that fills a whole line, around the article it holds: links to
# other articles ("Read more: ...", "See also: ..."), lines that point elsewhere ("Follow
# AP's coverage at https://..."), newsletter prompts, when it was published or updated
# ("Updated 3:45 PM EST, Sat November 30, 2024": a time, a day or a date right after the
# word, so "Updated figures show ..." stays), reading and listening times, a print
# edition's note ("A version of this article appears in print on ..."), topic tags
# ("Tags: Syria, Aleppo"), cookie notices, prompts to comment and share counts.
_PAGE_LINES: _Rules = (
    (re.compile(r"^(?:read\s+more|related|see\s+also|also\s+read|read\s+next|more\s+on\s+this\s+story)\s*[:|»›]\s*\S.{0,150}$",
                re.IGNORECASE), "link to another article"),
    (re.compile(r"^(?:follow|subscribe|contact\s+(?:us|(?:the\s+)?(?:reporter|writer|author))"
                r"|for\s+more\s+(?:news|stories|coverage))\b.{0,150}(?:https?://|www\.|\S@\S|(?<!\S)@\w)",
                re.IGNORECASE), "promotional line"),
    (re.compile(r"^(?:sign up|subscribe|register)\b.{0,80}\b(?:newsletters?|alerts|updates|briefing|inbox)\b.{0,40}$",
                re.IGNORECASE), "newsletter prompt"),
    (re.compile(r"^(?:get|receive)\b.{0,60}\b(?:newsletters?|inbox|alerts)\b.{0,20}$", re.IGNORECASE),
     "newsletter prompt"),
    # (the words first: the lookaheads scan the line, and most lines open otherwise)
    (re.compile(r"^(?=(?:first\s+)?(?:published|updated|posted|last\s+(?:modified|updated))\b)"
                r"(?!.*,\s+(?-i:[a-z]))(?!.*\b(?:the|a|was|were|is|are|has|had)\b)"
                r"(?:first\s+)?(?:published|updated|posted|last\s+(?:modified|updated))(?:\s+(?:on|at))?\s*:?\s*"
                r"(?:\d{1,2}[:.]\d{2}|(?:" + _WEEKDAY + r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\d{1,2}\s+" + _MONTH + r"|"
                + _MONTH + r"\s+\d{1,2}\b|\d{4}-\d{2}-\d{2}).{0,100}$", re.IGNORECASE), "timestamp"),
    (re.compile(r"^(?:listen\s+to\s+this\s+(?:article|story)\b.{0,30}|\d{1,3}\s*min(?:ute)?s?\s+(?:read|listen))$",
                re.IGNORECASE), "reading time"),
    (re.compile(r"^a\s+version\s+of\s+this\s+(?:article|story)\s+appear(?:s|ed)\s+in\s+print\b.{0,250}$", re.IGNORECASE),
     "print edition note"),
    (re.compile(r"^(?:tags|topics|filed\s+under|categories|category)\s*:\s*\S.{0,150}$", re.IGNORECASE), "topic tags"),
    (re.compile(r"^we\s+use\s+cookies\b.{0,200}$", re.IGNORECASE), "cookie notice"),
    (re.compile(r"^(?:(?:let\s+us\s+know|tell\s+us|share\s+your\s+(?:thoughts|views)|have\s+your\s+say)\b.{0,60}"
                r"\bcomments?\b.{0,20}|leave\s+a\s+comment|comments\s+are\s+closed\.?)$", re.IGNORECASE), "comments prompt"),
    (re.compile(r"^this\s+(?:article|story)\s+has\s+been\s+shared\b.{0,40}$", re.IGNORECASE), "share count"),
)
# A byline's name: one to four capitalised words, in any script the table writes.
_NAME_WORDS = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w.'’-]*\s*){1,4}"
# A sentence crediting a reporter or an agency ("Associated Press writer Maya Gebeily
# contributed to this report."), read sentence by sentence: wire copy often runs it on at
# the end of the last paragraph.
_CONTRIBUTED = re.compile(r"\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\W*$", re.IGNORECASE)
_CONTRIBUTED_MAX = 160  # characters: a credit names a few people, a place, an agency
_DANGLING = re.compile(r"^(?:\S+\s+){0,4}(?:on|by|at|in|from|to|via|the|a|an)\s*:?$", re.IGNORECASE)


def paragraphs_of(text: str, code: str = "en") -> list[Span]:
    """The paragraphs of a text in the language ``code`` (``segment.lines``), a line of
    furniture kept apart from the paragraph before it: wire copy wraps its credit and
    copyright lines like its story ("Reporting by Jane Smith; Editing by" / "Tom Brown")."""
    rules = _language_lines(code)
    return lines(text, apart=lambda line: _line_reason(line, "", rules) is not None)


def reasons(text: str, spans: list[Span], paragraphs: list[Span] | None = None, code: str = "en") -> list[str | None]:
    """For each segment of a text in the language ``code``, why it is set aside, or None
    when it is article text (``paragraphs``: ``paragraphs_of(text, code)``, when the caller has them)."""
    paragraphs = paragraphs_of(text, code) if paragraphs is None else paragraphs
    line_reasons = dict(_line_reasons(text, paragraphs, _language_lines(code)))
    line_of = _line_index(paragraphs, spans)
    furniture = page_furniture(code)
    found = [line_reasons.get(line_of[i]) or _segment_reason(text[s:e], furniture) for i, (s, e) in enumerate(spans)]
    return _mark_repeats(text, spans, found)


@lru_cache(maxsize=64)
def page_furniture(code: str) -> frozenset[str]:
    """The whole segments that are page furniture in a text in ``code``, in their matching
    form: the language's own (``languages.py``) and English's, which pages in every
    language carry ("Share", "Advertisement")."""
    return frozenset(normalize(segment) for segment in ENGLISH.furniture | language(code).furniture)


def _line_reasons(text: str, paragraphs: list[Span], newsroom_lines: _Rules) -> Iterator[tuple[Span, str]]:
    # A wrapped paragraph's lines read as one line.
    all_lines = [_LINE_BREAKS.sub(" ", text[start:end]) for start, end in paragraphs]
    for i, span in enumerate(paragraphs):
        following = all_lines[i + 1] if i + 1 < len(all_lines) else ""
        reason = _line_reason(all_lines[i], following, newsroom_lines)
        if reason:
            yield span, reason


@lru_cache(maxsize=64)
def _language_lines(code: str) -> _Rules:
    """The furniture lines of a text in ``code``: English's and the language's own bylines
    ("Von Anna Schmidt", "Автор: Иван Петров"), photo credits ("Photo: AP", "Foto: dpa"),
    copyright notices ("Tous droits réservés") and timestamps ("Mis à jour le 1 décembre
    2024"). English's apply to every text, as its page furniture does: pages in every
    language carry "Photo: Reuters"."""
    entries = (ENGLISH,) if code == ENGLISH.code else (ENGLISH, language(code))
    return _NEWSROOM_LINES + _PAGE_LINES + tuple(rule for entry in entries for rule in _entry_lines(entry))


def _entry_lines(entry: Language) -> Iterator[tuple[re.Pattern[str], str]]:
    """The line rules one entry of the languages table writes."""
    if entry.byline_word:
        yield re.compile(rf"^(?i:{entry.byline_word})\s*:?\s+{_NAME_WORDS}$"), "byline"
    if entry.credit_words:
        words = "|".join(map(re.escape, entry.credit_words))
        yield re.compile(rf"^\(?\s*(?:{words})\s*[:：]\s*\S.{{0,80}}$", re.IGNORECASE), "photo credit"
    if entry.rights_reserved:
        yield re.compile(rf"{re.escape(entry.rights_reserved)}\.?$", re.IGNORECASE), "copyright notice"
    if entry.timestamp_words:
        words = "|".join(map(re.escape, entry.timestamp_words))
        yield (re.compile(rf"^(?=(?:{words}))(?!.*,\s+(?-i:[a-zß-ÿа-я]))(?:{words})(?:\s+(?:am|le|el|в))?\s*[:：]?\s*\d.{{0,60}}$",
                          re.IGNORECASE), "timestamp")


def _line_reason(line: str, following: str, newsroom_lines: _Rules) -> str | None:
    for pattern, reason in newsroom_lines:
        if pattern.search(line):
            return reason
    if _CATCHLINE.match(line) and _BYLINE.match(following):
        return "catchline"
    if not following and _AUTHOR_BIO.match(line):
        return "author bio"
    if _SOCIAL_LINK.search(line) or _SOCIAL_ATTRIBUTION.search(line):
        return "embedded social media post"
    if _is_credit_only(line):
        return "photo credit"
    if _CREDIT.search(line) or _is_credit_only(following):
        return "photo caption"
    return None


def _is_credit_only(line: str) -> bool:
    return line.lstrip().startswith("(") and bool(_CREDIT.search(line))


def _line_index(all_lines: list[Span], spans: list[Span]) -> list[Span]:
    result, li = [], 0
    for start, _ in spans:
        while all_lines[li][1] < start:
            li += 1
        result.append(all_lines[li])
    return result


def _segment_reason(segment: str, furniture: frozenset[str]) -> str | None:
    if DATELINE.match(segment):
        return "dateline"
    bare = normalize(segment).strip(" .:!|•·-»›")
    if bare in furniture:
        return "page furniture"
    if _SHARE.search(segment):
        return "share prompt"
    if _SOURCE_CREDIT.match(segment):
        return "source credit"
    if len(segment) <= _CONTRIBUTED_MAX and _CONTRIBUTED.search(segment):
        return "credit line"
    if _DANGLING.match(segment):
        return "fragment of an embed"
    return None


def _mark_repeats(text: str, spans: list[Span], found: list[str | None]) -> list[str | None]:
    # A sentence printed twice (a caption repeated under a photo, a paste error) counts once.
    first_seen: dict[str, int] = {}
    for i, (start, end) in enumerate(spans):
        if found[i] is not None:
            continue
        key = " ".join(re.findall(r"\w+", normalize(text[start:end])))
        if key in first_seen:
            found[i] = f"repeat of sentence {first_seen[key]}"
        else:
            first_seen[key] = i
    return found


def kept(indexes: Iterable[int], found: list[str | None]) -> list[int]:
    """The indexes whose segments are article text."""
    return [i for i in indexes if found[i] is None]
