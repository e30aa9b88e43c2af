"""The ``paraphrase`` command: a thin adapter over the library's public functions."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
from typing import TYPE_CHECKING, NoReturn, Sequence

if TYPE_CHECKING:
    from datetime import date, timedelta

    from .corpus import CorpusIndex
    from .corpus.check import ArticleCheck, Policy
    from .errors import InputError
    from .options import Options
    from .read import Source

EXIT_OK, EXIT_FAIL_ON, EXIT_ERROR = 0, 1, 2
DEFAULT_PORT = 8765
# waitress's own default (100 connections, idle ones kept 120 s) let a hundred idle
# clients lock everyone else out.
DEFAULT_CONNECTIONS = 1000
DEFAULT_CHANNEL_TIMEOUT = 30

COMPARE_EXAMPLE = """\
example:
  paraphrase compare seeds/000_86711bc330f5b00f.txt seeds/001_c5228a29931e7031.txt

exit status: 0 compared (and --fail-on not met), 1 --fail-on met, 2 usage or input error"""

SERVE_EXAMPLE = """\
example:
  paraphrase serve --port 8765

Then open http://127.0.0.1:8765 in a browser. Served by waitress; uploads are read in
memory and never stored. PARAPHRASE_MAX_UPLOAD_MB sets the upload limit (default 5)."""

INDEX_EXAMPLE = """\
example:
  paraphrase index add wire.db seeds/001_c5228a29931e7031.txt seeds/002_f17fd30403ef36f3.txt

Paths may be files ({formats}; any other name is read by its content), folders
(searched recursively for those suffixes) or JSON Lines
files with "id", "text" and optional "date", "source". A text file may start with front
matter ("---", "date: 2024-11-30", "source: Reuters", "---"); --date and --source give
what a file does not. Adding is incremental and idempotent: a text already in the index
is skipped, and an interrupted run resumes. A file that cannot be read (binary, empty, a
broken .docx) is reported on standard error and skipped, the others are added, and the
exit status is then 2."""

STATS_EXAMPLE = """\
example:
  paraphrase index stats wire.db"""

REMOVE_EXAMPLE = """\
example:
  paraphrase index remove wire.db seeds/002_f17fd30403ef36f3.txt

IDs are as indexed: a file's path as it was given to 'index add', or a JSON Lines "id"."""

PRUNE_EXAMPLE = """\
example:
  paraphrase index prune wire.db --older-than 90d

Removes the documents dated more than DAYS before today (or --as-of); undated documents
stay unless --undated is given. One transaction: a killed run removes nothing."""

CHECK_EXAMPLE = """\
example:
  paraphrase check seeds/000_86711bc330f5b00f.txt --against wire.db --max-share 0.3
  paraphrase check articles/*.txt --against wire.db --window 30d --format sarif --output check.sarif

An article's day is its front matter's date, else --date; corpus documents dated after
it are never its source, and --window counts only those dated within it.

exit status: 0 every article within the limit, 1 at least one over it, 2 usage or input
error (an unreadable article, or a corpus folder's unreadable file, is reported on standard
error and skipped; the others are still checked)"""

SCAN_EXAMPLE = """\
example:
  paraphrase scan seeds -o reused.jsonl --clusters reprints.jsonl

ARTICLES and SOURCES are folders, JSON Lines files ("id", "text", optional "date",
"source") or Parquet files with those columns. Without --against the archive is
compared with itself, the earlier document of each pair being the source (when dates do
not say, the engine's direction decides). Output:
one record per reused pair, as JSON Lines (.jsonl), a Parquet dataset (.parquet) or
CSV (.csv), put in place only when complete. Needs the archive extra:
  pip install 'newsroom-paraphrase[archive]'"""

EVAL_EXAMPLE = """\
example:
  paraphrase eval --data ../shared/data --seeds seeds

The folder holds the corpora as published: clough-stevenson-2011/, mrpc-train/,
sts-benchmark-train-dev/. Takes a few seconds."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, in the same form as every other error the command reports.
        self.exit(EXIT_ERROR, f"paraphrase: {message} (see 'paraphrase --help')\n")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(prog="paraphrase", description="Is this article a rewrite of that one?")
    parser.add_argument("--version", action="version", version=f"paraphrase {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for add_command in (_add_compare, _add_serve, _add_index, _add_check, _add_scan, _add_evaluate):
        add_command(commands)
    return parser


def _add_compare(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``compare`` command: compare A B, or many pairs with --pairs."""
    from .readers import describe

    compare = _command(commands, "compare", "compare two articles sentence by sentence", COMPARE_EXAMPLE,
                       "Align the sentences of two articles, score each pair and give a verdict.")
    compare.add_argument("a", nargs="?", help=f"article A: a file ({describe()}; other names are read by "
                         "content), or - for standard input")
    compare.add_argument("b", nargs="?", help="article B, likewise")
    compare.add_argument("--pairs", metavar="FILE", help="compare many pairs in one run: one 'A<TAB>B' line per pair, "
                         "paths relative to FILE's folder; one result line per pair, in order")
    compare.add_argument("--workers", type=_positive, metavar="N",
                         help="with --pairs, processes to use (default: every core)")
    compare.add_argument("--format", choices=("text", "json", "csv", "html"), default="text",
                         help="output format (default: text); csv is the derivation table (each sentence of the "
                              "derived text with its source); html the viewer's standalone report; with --pairs, "
                              "text is a tab-separated table and json JSON Lines")
    compare.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE instead of standard output")
    compare.add_argument("--fail-on", choices=("rewording", "partial"),
                         help="exit 1 when the verdict is this or stronger (partial includes rewording)")
    _options_argument(compare)
    compare.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="colour the text output (default: auto, on a terminal unless NO_COLOR is set)")
    compare.set_defaults(run=_compare)


def _add_serve(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``serve`` command: the viewer on waitress."""
    serve = _command(commands, "serve", "run the editor's viewer in a browser", SERVE_EXAMPLE,
                     "Serve the side-by-side viewer with a production WSGI server (waitress).")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    serve.add_argument("--threads", type=_positive, default=4, help="worker threads (default: 4)")
    serve.add_argument("--connection-limit", type=_positive, default=DEFAULT_CONNECTIONS,
                       help=f"open connections at most, idle ones included (default: {DEFAULT_CONNECTIONS})")
    serve.add_argument("--channel-timeout", type=_positive, default=DEFAULT_CHANNEL_TIMEOUT, metavar="SECONDS",
                       help=f"close a connection idle this long (default: {DEFAULT_CHANNEL_TIMEOUT})")
    serve.set_defaults(run=_serve)


def _add_index(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``index`` command: index add, remove, prune and stats."""
    from .readers import describe

    index = commands.add_parser("index", help="build and inspect a corpus index (SQLite)",
                                description="Build and inspect a corpus index for paraphrase check.")
    index_commands = index.add_subparsers(dest="index_command", required=True, parser_class=_Parser)
    add = _command(index_commands, "add", "add documents to an index, creating it if needed",
                   INDEX_EXAMPLE.format(formats=describe()))
    add.add_argument("index", help="the index file, e.g. wire.db")
    add.add_argument("paths", nargs="+", help="files, folders or .jsonl files to add")
    add.add_argument("--batch-size", type=_positive,
                     help="documents per transaction, what a killed run can lose (default: 2000)")
    add.add_argument("--date", help="the date of documents that give none (front matter or JSON Lines)")
    add.add_argument("--source", help="the source (agency) of documents that give none")
    add.set_defaults(run=_index_add)
    remove = _command(index_commands, "remove", "remove documents from an index by id", REMOVE_EXAMPLE)
    remove.add_argument("index", help="the index file")
    remove.add_argument("ids", nargs="+", metavar="ID", help="document ids as indexed")
    remove.set_defaults(run=_index_remove)
    prune = _command(index_commands, "prune", "remove documents older than a number of days", PRUNE_EXAMPLE)
    prune.add_argument("index", help="the index file")
    prune.add_argument("--older-than", type=_days, required=True, metavar="DAYS", help="e.g. 90d")
    prune.add_argument("--as-of", type=_day, metavar="YYYY-MM-DD", help="the day DAYS count back from (default: today)")
    prune.add_argument("--undated", action="store_true", help="also remove documents without a date")
    prune.set_defaults(run=_index_prune)
    stats = _command(index_commands, "stats", "what an index holds", STATS_EXAMPLE)
    stats.add_argument("index", help="the index file")
    stats.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    stats.set_defaults(run=_index_stats)


def _add_check(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``check`` command: articles against a corpus."""
    from .readers import describe

    check = _command(commands, "check", "flag articles that recycle copy from a corpus", CHECK_EXAMPLE,
                     "Find, for each article, the corpus documents it reuses and fail when too much is reused.")
    check.add_argument("articles", nargs="+", help=f"articles to check ({describe()} files, or - for standard input)")
    check.add_argument("--against", required=True, metavar="CORPUS",
                       help="an index built by 'paraphrase index add', or a folder or .jsonl file of documents")
    check.add_argument("--max-share", type=float, help="fail above this share of an article's sentences "
                       "from the corpus (default: check_max_share in the options, 0.3)")
    check.add_argument("--max-distance", type=float, help="align only sentence pairs within this distance "
                       "(default: align_max_distance in the options)")
    check.add_argument("--allowlist", metavar="FILE", help="a TOML file of accepted sources, documents, matches, sentences")
    check.add_argument("--accept", metavar="FILE", help="append a [[matches]] entry to the allowlist FILE for each "
                       "source of each failing article, so that the next check accepts them")
    check.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                       help="the publication day of articles whose front matter gives none; corpus documents "
                            "dated after an article are never its source")
    check.add_argument("--window", type=_days, metavar="DAYS",
                       help="count only corpus documents dated from DAYS (e.g. 30d) before the article to its day")
    check.add_argument("--exempt-credited", action="store_true",
                       help="do not fail on reuse the article credits (dateline, credit line, statement)")
    check.add_argument("--format", choices=("text", "json", "junit", "github", "sarif", "csv"), default="text",
                       help="output format (default: text)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    _options_argument(check)
    check.set_defaults(run=_check)


def _add_scan(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``scan`` command: an archive on Dask."""
    scan = _command(commands, "scan", "find all reused copy in an archive, on Dask", SCAN_EXAMPLE,
                    "Compare an archive with a source collection (or with itself) on a Dask scheduler.")
    scan.add_argument("articles", help="the archive: a folder, .jsonl or .parquet")
    scan.add_argument("--against", metavar="SOURCES", help="sources to compare with (default: the archive itself)")
    scan.add_argument("-o", "--output", required=True, help="results file, .jsonl, .parquet or .csv")
    scan.add_argument("--clusters", metavar="FILE", help="also write clusters of reprints (.jsonl or .parquet)")
    scan.add_argument("--window", type=_days, metavar="DAYS",
                      help="pair a document only with sources from up to this long before it, e.g. 30d")
    scan.add_argument("--scheduler", metavar="ADDRESS",
                      help="a Dask scheduler, e.g. tcp://host:8786 (default: this machine's cores)")
    scan.add_argument("--workers", type=_positive, help="local worker processes (default: one per core)")
    scan.add_argument("--max-together", type=_positive_number, metavar="SENTENCES",
                      help="no key for a pair of words expected together in more sentences than this "
                           "(default: 10); lower is faster on a large archive and misses more sentences "
                           "that share only common words")
    scan.add_argument("--across-languages", action="store_true",
                      help="also pair documents in different languages that share names and numbers, and compare "
                           "them by meaning (a translation of a wire story; needs the translation extra)")
    _options_argument(scan)
    scan.set_defaults(run=_scan)


def _add_evaluate(commands: "argparse._SubParsersAction[_Parser]") -> None:
    """The ``eval`` command: quality on the labelled corpora."""
    evaluate = _command(commands, "eval", "measure detection quality on labelled corpora", EVAL_EXAMPLE,
                        "Score the engine on Clough & Stevenson, MRPC and STS-B (and the seed gold set).")
    evaluate.add_argument("--data", default=os.environ.get("PARAPHRASE_DATA", "../shared/data"),
                          help="folder of the labelled corpora (default: $PARAPHRASE_DATA or ../shared/data)")
    evaluate.add_argument("--seeds", help="also score a folder of seed articles with its gold.json")
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    _options_argument(evaluate)
    evaluate.set_defaults(run=_evaluate)


def _command(group: "argparse._SubParsersAction[_Parser]", name: str, summary: str, example: str,
             description: str | None = None) -> argparse.ArgumentParser:
    """A subcommand whose help ends with a runnable example."""
    command: argparse.ArgumentParser = group.add_parser(
        name, help=summary, description=description or summary[0].upper() + summary[1:] + ".", epilog=example,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return command


def _options_argument(command: argparse.ArgumentParser) -> None:
    from .languages import AUTO, LANGUAGES
    from .options import SCORER_THRESHOLDS

    command.add_argument("--options", metavar="FILE", help="a TOML file overriding shipped thresholds")
    command.add_argument("--scorer", choices=list(SCORER_THRESHOLDS),
                         help="what scores sentence pairs: the words (lexical, the default) or the words and "
                              "their meaning (semantic: needs the semantic extra); overrides the options file's")
    command.add_argument("--language", choices=[AUTO, *LANGUAGES],
                         help="the texts' language: detected for each text (auto, the default) or this one for "
                              "all; overrides the options file's")


def _load_options(args: argparse.Namespace) -> "Options":
    """The options of --options, --scorer and --language, refused at once if the scorer is not installed."""
    from .options import Options
    from .scorers import require_installed

    options = Options.from_file(args.options, args.scorer) if args.options else Options.for_scorer(args.scorer or "lexical")
    if args.language:
        options = options.replace(language=args.language)
    require_installed(options)
    return options


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import ParaphraseError

    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ParaphraseError as error:
        print(f"paraphrase: {' '.join(str(error).splitlines())}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `paraphrase compare ... | head` is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # the file system said no (a full disk, a permission): still one line
        print(f"paraphrase: {error.filename or 'error'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("paraphrase: interrupted", file=sys.stderr)
        return 130


def _compare(args: argparse.Namespace) -> int:
    from . import compare
    from .report import render_text

    if args.pairs is not None:
        if args.a is not None:
            raise _usage("give either A and B or --pairs, not both")
        if args.output:
            raise _usage("--output is for one comparison; with --pairs, redirect standard output")
        return _compare_pairs(args)
    if args.a is None or args.b is None:
        raise _usage("compare needs A and B (or --pairs FILE)")
    if args.a == "-" and args.b == "-":
        raise _usage("only one of A and B can be standard input")
    options = _load_options(args)
    a, name_a = _source(args.a)
    b, name_b = _source(args.b)
    _writable(args.output)
    result = compare(a, b, options=options, names=(name_a, name_b))
    if args.format == "json":
        output = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        from .derivation import derivation_csv

        output = derivation_csv(result)
    elif args.format == "html":
        from paraphrase_viewer import standalone_report

        output = standalone_report(result, options)
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        output = render_text(result, color=_use_color(args.color) and not args.output, width=width)
    _emit(output, args.output)
    failing = _failing_verdicts(args.fail_on)
    return EXIT_FAIL_ON if result.summary.verdict in failing else EXIT_OK


BATCH_COLUMNS = ("a_file", "b_file", "verdict", "direction", "a_reused", "b_reused", "a_content_reused", "b_content_reused",
                 "a_text_reused", "b_text_reused")


def _failing_verdicts(fail_on: str | None) -> set[str]:
    """The verdicts that make compare exit 1: --fail-on's, and stronger ones."""
    from .verdict import PARTIAL, REWORDING

    return {"rewording": {REWORDING}, "partial": {REWORDING, PARTIAL}}.get(fail_on or "", set())


def _compare_pairs(args: argparse.Namespace) -> int:
    from operator import attrgetter
    from pathlib import Path

    from .batch import compare_pairs, read_pairs
    from .comparison import Comparison

    if args.format == "csv":
        raise _usage("--format csv is for one comparison; with --pairs use text or json")
    pairs = read_pairs(Path(args.pairs))
    options = _load_options(args)
    failing = _failing_verdicts(args.fail_on)
    progress = _Progress("compared", total=len(pairs))
    failed = unreadable = 0
    if args.format == "text":
        print("\t".join(BATCH_COLUMNS), flush=True)
    # The table prints only each pair's summary: the workers send no more (and work out no diff).
    as_json = args.format == "json"
    convert = Comparison.to_dict if as_json else attrgetter("summary")
    for done, pair in enumerate(compare_pairs(pairs, options, args.workers, convert=convert), 1):
        if pair.error is not None:
            print(f"paraphrase: {pair.error}", file=sys.stderr)
            unreadable += 1
        elif as_json:
            failed += pair.comparison["summary"]["verdict"] in failing
            print(json.dumps({"a_file": str(pair.a), "b_file": str(pair.b), **pair.comparison}, ensure_ascii=False))
        else:
            row = pair.comparison.to_dict()
            failed += row["verdict"] in failing
            print("\t".join([str(pair.a), str(pair.b), row["verdict"], row["direction"] or "-",
                             *(f"{row[k]:.4f}" for k in BATCH_COLUMNS[4:])]), flush=True)
        progress(done)
    progress.done()
    return EXIT_ERROR if unreadable else EXIT_FAIL_ON if failed else EXIT_OK


def _index_add(args: argparse.Namespace) -> int:
    from .corpus import CorpusIndex, read_records

    progress = _Progress("read")
    skipped = _Skipped()
    sizing = {"batch_size": args.batch_size} if args.batch_size is not None else {}
    with CorpusIndex(args.index, upgrading=_Upgrading(args.index), **sizing) as index:
        records = read_records(args.paths, date=args.date, source=args.source, unreadable=skipped)
        report = index.add(records, progress=progress)
        total = index.document_count()
    progress.done()
    print(f"{args.index}: added {report.added} document(s), {report.unchanged} already indexed; {total} in all"
          + (f"; {skipped.count} unreadable file(s) skipped" if skipped.count else ""))
    return EXIT_ERROR if skipped.count else EXIT_OK


class _Skipped:
    """Reports each unreadable corpus file on standard error (one line) and counts them.

    It is given the reader's error, or its message where it comes from another process
    (the scan's Dask workers)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: "InputError | str") -> None:
        self.count += 1
        print(f"paraphrase: {error}; skipped", file=sys.stderr)


def _index_remove(args: argparse.Namespace) -> int:
    with _writable_index(args.index) as index:
        removed = index.remove(args.ids)
        total = index.document_count()
    missing = len(set(args.ids)) - removed
    print(f"{args.index}: removed {removed} document(s); {total} in all")
    if missing:
        print(f"paraphrase: warning: {missing} of the ids given are not in {args.index}", file=sys.stderr)
    return EXIT_OK


def _index_prune(args: argparse.Namespace) -> int:
    from datetime import date

    cutoff = (args.as_of or date.today()) - args.older_than
    with _writable_index(args.index) as index:
        removed = index.prune(cutoff, undated=args.undated)
        total = index.document_count()
    kept = "" if args.undated else ", undated ones kept"
    print(f"{args.index}: removed {removed} document(s) dated before {cutoff}{kept}; {total} in all")
    return EXIT_OK


def _writable_index(path: str) -> "CorpusIndex":
    from pathlib import Path

    from .corpus import CorpusIndex

    if not Path(path).is_file():
        raise _usage(f"{path}: no such index")
    return CorpusIndex(path, upgrading=_Upgrading(path))


class _Upgrading:
    """Says on standard error that an older index is being brought to this version (one
    line, then a counter on a terminal): on a large index it takes minutes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.progress: _Progress | None = None

    def __call__(self, version: str, done: int, total: int) -> None:
        if self.progress is None:
            from .corpus.index import SCHEMA_VERSION

            print(f"paraphrase: {_built_older(self.path, version)}: reading its {total} document(s) again for "
                  f"schema {SCHEMA_VERSION}, once", file=sys.stderr)
            self.progress = _Progress("read again", total=total)
        self.progress(done)
        if done == total:
            self.progress.done()


def _index_stats(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from .corpus import CorpusIndex

    with CorpusIndex(args.index, read_only=True) as index:
        stats = index.stats()
    if args.format == "json":
        print(json.dumps(asdict(stats), indent=2))
        return EXIT_OK
    sources = ", ".join(f"{name} {n}" for name, n in stats.sources.items()) or "none"
    print(f"{args.index}: {stats.documents} documents, {stats.terms} distinct terms, "
          f"{stats.bytes_on_disk / 2**20:.1f} MiB on disk")
    print(f"sources: {sources}")
    print(f"languages: {', '.join(f'{code} {n}' for code, n in stats.languages.items()) or 'none'}")
    print(f"dates: {stats.first_date or '-'} to {stats.last_date or '-'}")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .corpus.check import failing_matches
    from .corpus.formats import FORMATS

    _writable(args.output)
    options = _load_options(args)
    if args.max_distance is not None:
        options = options.with_max_distance(args.max_distance)
    policy = _policy(args, options)
    skipped = _Skipped()
    with _open_corpus(args.against, skipped) as index:
        checks, unreadable = _check_each(args, index, policy, options)
    _emit(FORMATS[args.format](checks, policy), args.output)
    _warn_after_check(checks, policy)
    if args.accept:
        _accept(args.accept, failing_matches(checks))
    if unreadable or skipped.count:  # an article unchecked, or checked against part of the corpus
        return EXIT_ERROR
    return EXIT_FAIL_ON if any(c.failed for c in checks) else EXIT_OK


def _policy(args: argparse.Namespace, options: "Options") -> "Policy":
    from .corpus.allowlist import Allowlist
    from .corpus.check import Policy

    return Policy(
        max_share=options.check_max_share if args.max_share is None else _share(args.max_share),
        exempt_credited=args.exempt_credited,
        allowlist=Allowlist.load(args.allowlist) if args.allowlist else Allowlist(),
        window=args.window,
    )


def _check_each(args: argparse.Namespace, index: "CorpusIndex", policy: "Policy",
                options: "Options") -> tuple[list["ArticleCheck"], int]:
    """The checks of the articles that could be read, and how many could not."""
    from .corpus.check import check_article
    from .errors import InputError

    progress = _Progress("checked", total=len(args.articles))
    checks, unreadable = [], 0
    for done, article in enumerate(args.articles, 1):
        try:  # one unreadable article must not lose the others' results
            source, name, day = _dated_source(article, args.date)
            if args.window and day is None:
                print(f"paraphrase: warning: {article}: no date (front matter or --date): the window is not "
                      "applied", file=sys.stderr)
            checks.append(check_article(source, index, policy=policy, options=options, name=name, label=article,
                                        day=day))
        except InputError as error:
            print(f"paraphrase: {error}", file=sys.stderr)
            unreadable += 1
        progress(done)
    progress.done()
    return checks, unreadable


def _warn_after_check(checks: list["ArticleCheck"], policy: "Policy") -> None:
    """What the checks could not do, and the allowlist entries that accepted nothing."""
    from .corpus.check import unused_entries

    for check in checks:
        for note in check.notes:
            print(f"paraphrase: warning: {check.label}: {note}", file=sys.stderr)
    for kind, entry in unused_entries(checks, policy):
        print(f"paraphrase: warning: allowlist {kind} entry {entry!r} accepted nothing", file=sys.stderr)


def _accept(path: str, matches: list[tuple[str, str]]) -> None:
    from .corpus.allowlist import accepted_matches

    try:
        with open(path, "a", encoding="utf-8") as allowlist:
            allowlist.write(accepted_matches(matches))
    except OSError as error:
        raise _usage(f"{path}: cannot write the allowlist ({error.strerror or error})") from None
    print(f"paraphrase: {path}: accepted {len(matches)} match(es); the next check with --allowlist {path} "
          "accepts them", file=sys.stderr)


def _emit(text: str, output: str | None) -> None:
    """``text`` to the file ``output``, or to standard output."""
    if not output:
        print(text, end="")
        return
    from pathlib import Path

    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise _usage(f"{output}: cannot write the report ({error.strerror or error})") from None


def _share(value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise _usage(f"--max-share must be within [0, 1], got {value}")
    return value


def _open_corpus(against: str, skipped: _Skipped) -> "CorpusIndex":
    from pathlib import Path

    from .corpus import CorpusIndex, read_records

    path = Path(against)
    if path.is_dir() or path.suffix.lower() == ".jsonl":
        index = CorpusIndex(":memory:")  # a small corpus, indexed for this run only
        index.add(read_records([path], unreadable=skipped))
        return index
    index = CorpusIndex(against, read_only=True)
    _warn_if_older(index)
    return index


def _warn_if_older(index: "CorpusIndex") -> None:
    """An index of an older schema is searched as it was built: say so, and how to renew it."""
    from .corpus.index import SCHEMA_VERSION

    if index.schema != str(SCHEMA_VERSION):
        print(f"paraphrase: warning: {_built_older(index.path, index.schema)} and is searched as built, which may "
              f"rank some sources lower; the next 'paraphrase index add', 'remove' or 'prune' on it reads it again "
              f"for schema {SCHEMA_VERSION}", file=sys.stderr)


def _built_older(path: object, schema: str) -> str:
    """What the upgrade and the warning both say of an index of an older schema."""
    return f"{path} was built by an older version (index schema {schema})"


def _writable(path: str | None) -> None:
    """Fail now, not after the work, when ``path`` cannot be written."""
    from pathlib import Path

    if path is not None and not Path(path).resolve().parent.is_dir():
        raise _usage(f"{path}: no such folder {Path(path).parent}")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _positive_number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number above 0")
    return value


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535)")
    return int(text)


class _Progress:
    """A one-line counter on a terminal's standard error; silent when piped."""

    def __init__(self, verb: str, total: int | None = None) -> None:
        import time

        self.verb, self.total, self.shown = verb, total, False
        self.started = self.last = time.monotonic()
        self.live = sys.stderr.isatty()

    def __call__(self, count: int) -> None:
        import time

        now = time.monotonic()
        if not self.live or now - self.last < 0.2:
            return
        self.last, self.shown = now, True
        of = f"/{self.total}" if self.total else ""
        rate = count / max(now - self.started, 1e-9)
        print(f"\r{self.verb} {count}{of} ({rate:.0f}/s)", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def _serve(args: argparse.Namespace) -> int:
    import waitress
    from paraphrase_viewer import create_app

    print(f"paraphrase viewer on http://{args.host}:{args.port} (Ctrl-C to stop)", file=sys.stderr)
    waitress.serve(create_app(), host=args.host, port=args.port, threads=args.threads, ident="paraphrase",
                   connection_limit=args.connection_limit, channel_timeout=args.channel_timeout)
    return EXIT_OK


def _days(text: str) -> "timedelta":
    from datetime import timedelta

    digits = text[:-1] if text.endswith("d") else text
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days such as 30d")
    return timedelta(days=int(digits))


def _scan(args: argparse.Namespace) -> int:

    try:
        from .archive import scan
    except ImportError as error:
        raise _usage(f"scan needs the archive extra ({error.name} is missing): "
                     "pip install 'newsroom-paraphrase[archive]'") from error
    _writable(args.output)
    _writable(args.clusters)
    options = _load_options(args)
    bar: contextlib.AbstractContextManager[object] = contextlib.nullcontext()
    if sys.stderr.isatty() and not args.scheduler:  # Dask's bar follows the local scheduler's tasks
        from dask.diagnostics.progress import ProgressBar

        bar = ProgressBar(out=sys.stderr)  # type: ignore[no-untyped-call]
    with bar:
        report = scan(args.articles, args.against, output=args.output, window=args.window, clusters=args.clusters,
                      scheduler=args.scheduler, workers=args.workers, options=options,
                      **({} if args.max_together is None else {"max_together": args.max_together}),
                      across_languages=args.across_languages, progress=lambda message: print(message, file=sys.stderr))
    skipped = _Skipped()
    for message in report.unreadable:  # messages from the workers, each naming its file
        skipped(message)
    print(f"{report.output}: {report.reused_pairs:,} reused pair(s) among {report.candidate_pairs:,} candidates "
          f"({report.targets:,} articles{f', {report.sources:,} sources' if args.against else ''})"
          + ("" if options.scorer == "lexical" else f", scored by the {options.scorer} scorer")
          + (f"; {skipped.count} unreadable file(s) skipped" if skipped.count else ""))
    if report.clusters_output is not None:
        print(f"{report.clusters_output}: {report.clusters:,} cluster(s) of reprints")
    return EXIT_ERROR if skipped.count else EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .evaluation.run import evaluate, render

    options = _load_options(args)
    seeds = Path(args.seeds) if args.seeds else None
    results = evaluate(Path(args.data), options, seeds, progress=lambda stage: print(stage, file=sys.stderr))
    print(json.dumps(results, indent=2) if args.format == "json" else render(results), end="" if args.format == "text" else "\n")
    return EXIT_OK


def _dated_source(arg: str, day: date | None) -> tuple[Source, str | None, date | None]:
    """An article to check, its name, and its day: its front matter's, else ``day``."""
    from pathlib import Path

    from .corpus.records import calendar_day, file_record

    if arg == "-":
        return sys.stdin.buffer.read(), "stdin", day
    record = file_record(Path(arg))
    return record.text, Path(arg).stem, calendar_day(record.date) or day


def _day(text: str) -> date:
    from .corpus.records import calendar_day

    day = calendar_day(text)
    if day is None or len(text) != 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day such as 2024-11-30")
    return day


def _source(arg: str) -> tuple[Source, str | None]:
    from pathlib import Path

    if arg == "-":
        return sys.stdin.buffer.read(), "stdin"
    return Path(arg), None


def _usage(message: str) -> Exception:
    from .errors import InputError

    return InputError(message)


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


if __name__ == "__main__":
    sys.exit(main())
