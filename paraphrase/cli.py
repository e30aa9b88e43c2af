"""The ``paraphrase`` command: a thin adapter over the library's public functions."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from typing import NoReturn, Sequence

EXIT_OK, EXIT_FAIL_ON, EXIT_ERROR = 0, 1, 2
DEFAULT_PORT = 8765

COMPARE_EXAMPLE = """\
example:
  paraphrase compare seeds/000_86711bc330f5b00f.txt seeds/001_c5228a29931e7031.txt

exit status: 0 compared (and --fail-on not met), 1 --fail-on met, 2 usage or input error"""

SERVE_EXAMPLE = """\
example:
  paraphrase serve --port 8765

Then open http://127.0.0.1:8765 in a browser. Served by waitress; uploads are read in
memory and never stored. PARAPHRASE_MAX_UPLOAD_MB sets the upload limit (default 5)."""

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
    compare = commands.add_parser(
        "compare", help="compare two articles sentence by sentence",
        description="Align the sentences of two articles, score each pair and give a verdict.",
        epilog=COMPARE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    compare.add_argument("a", help="article A: a .txt, .html or .docx file, or - for standard input")
    compare.add_argument("b", help="article B, likewise")
    compare.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    compare.add_argument("--fail-on", choices=("rewording", "partial"),
                         help="exit 1 when the verdict is this or stronger (partial includes rewording)")
    compare.add_argument("--options", metavar="FILE", help="a TOML file overriding shipped thresholds")
    compare.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                         help="colour the text output (default: auto, on a terminal unless NO_COLOR is set)")
    compare.set_defaults(run=_compare)

    serve = commands.add_parser(
        "serve", help="run the editor's viewer in a browser",
        description="Serve the side-by-side viewer with a production WSGI server (waitress).",
        epilog=SERVE_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    serve.add_argument("--threads", type=int, default=4, help="worker threads (default: 4)")
    serve.set_defaults(run=_serve)

    evaluate = commands.add_parser(
        "eval", help="measure detection quality on labelled corpora",
        description="Score the engine on Clough & Stevenson, MRPC and STS-B (and the seed gold set).",
        epilog=EVAL_EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("--data", default=os.environ.get("PARAPHRASE_DATA", "../shared/data"),
                          help="folder of the labelled corpora (default: $PARAPHRASE_DATA or ../shared/data)")
    evaluate.add_argument("--seeds", help="also score a folder of seed articles with its gold.json")
    evaluate.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    evaluate.add_argument("--options", metavar="FILE", help="a TOML file overriding shipped thresholds")
    evaluate.set_defaults(run=_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import ParaphraseError

    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ParaphraseError as error:
        print(f"paraphrase: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `paraphrase compare ... | head` is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from . import Options, compare
    from .report import render_text
    from .verdict import PARTIAL, REWORDING

    if args.a == "-" and args.b == "-":
        raise _usage("only one of A and B can be standard input")
    options = Options.from_file(args.options) if args.options else None
    a, name_a = _source(args.a)
    b, name_b = _source(args.b)
    result = compare(a, b, options=options, names=(name_a, name_b))
    if args.format == "json":
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        print(render_text(result, color=_use_color(args.color), width=width), end="")
    failing = {"rewording": {REWORDING}, "partial": {REWORDING, PARTIAL}}.get(args.fail_on or "", set())
    return EXIT_FAIL_ON if result.summary.verdict in failing else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import waitress
    from paraphrase_viewer import create_app

    print(f"paraphrase viewer on http://{args.host}:{args.port} (Ctrl-C to stop)", file=sys.stderr)
    waitress.serve(create_app(), host=args.host, port=args.port, threads=args.threads, ident="paraphrase")
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import DEFAULT_OPTIONS, Options
    from .evaluation.run import evaluate, render

    options = Options.from_file(args.options) if args.options else DEFAULT_OPTIONS
    seeds = Path(args.seeds) if args.seeds else None
    results = evaluate(Path(args.data), options, seeds, progress=lambda stage: print(stage, file=sys.stderr))
    print(json.dumps(results, indent=2) if args.format == "json" else render(results), end="" if args.format == "text" else "\n")
    return EXIT_OK


def _source(arg: str) -> tuple[object, str | None]:
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
