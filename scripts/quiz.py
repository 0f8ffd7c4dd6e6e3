#!/usr/bin/env python3
"""Check the quiz files and report which pages they cover.

    python scripts/quiz.py check [PATH ...]   # default: every quizzes/*.yml
    python scripts/quiz.py coverage [--strict]
    python scripts/quiz.py codes              # the table of problem codes

``check`` prints one problem per line, ``path:line:col: level [code] message``,
and exits 0 when there is no error (warnings allowed), 1 when there is any
error, 2 on bad usage. The build runs the same check before anything else.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pccc_site.quiz import coverage as coverage_report  # noqa: E402
from pccc_site.quiz.problems import codes_table  # noqa: E402
from pccc_site.quiz.validate import DOCS, QUIZZES, SUFFIX, check, quiz_files  # noqa: E402


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quiz.py", description="Check the quiz files in quizzes/ and report coverage.")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--docs", type=Path, default=DOCS, help="the site's docs folder, where sources point (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", parents=[site], help="report every problem in the quiz files")
    check_command.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=f"quiz files or folders (default: {QUIZZES}/*{SUFFIX})")
    coverage_command = commands.add_parser("coverage", parents=[site], help="questions per content page and section")
    coverage_command.add_argument("--quizzes", type=Path, default=QUIZZES, help="the quiz folder (default: %(default)s)")
    coverage_command.add_argument("--strict", action="store_true", help=f"exit 1 if a page has fewer than {coverage_report.MINIMUM} questions")
    commands.add_parser("codes", help="print the table of problem codes (Markdown)")
    return parser


def _expand(paths: list[Path]) -> list[Path] | str:
    if not paths:
        return quiz_files()
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(quiz_files(path))
        elif path.is_file():
            files.append(path)
        else:
            return f"no such file or folder: {path}"
    return files


def _check(args) -> int:
    files = _expand(args.paths)
    if isinstance(files, str):
        print(f"quiz.py check: {files}", file=sys.stderr)
        return 2
    report = check(files, args.docs)
    for problem in report.problems:
        print(problem)
    questions = sum(len(quiz.questions) for quiz in report.sets)
    print(
        f"{report.files} file(s), {questions} question(s) in valid sets: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def _coverage(args) -> int:
    report = check(quiz_files(args.quizzes), args.docs)
    if report.errors:
        for problem in report.errors:
            print(problem, file=sys.stderr)
        print("quiz.py coverage: fix the errors above first (python scripts/quiz.py check)", file=sys.stderr)
        return 1
    pages = coverage_report.coverage(report.sets, args.docs)
    print(coverage_report.format_table(pages))
    flagged = [page for page in pages if page.flagged]
    return 1 if args.strict and flagged else 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad usage, 0 after --help
        return int(exit_.code or 0)
    if args.command == "check":
        return _check(args)
    if args.command == "coverage":
        return _coverage(args)
    print(codes_table())
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # `quiz.py codes | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
