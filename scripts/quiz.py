#!/usr/bin/env python3
"""Check the quiz files and report which pages they cover.

    python scripts/quiz.py check [PATH ...]   # default: every quizzes/*.yml
    python scripts/quiz.py coverage [--strict]
    python scripts/quiz.py codes              # the table of problem codes
    python scripts/quiz.py export --format moodle|gift [--lang vi|en] [PATH ...] > bank.xml

``check`` prints one problem per line, ``path:line:col: level [code] message``,
and exits 0 when there is no error (warnings allowed), 1 when there is any
error, 2 on bad usage. The build runs the same check before anything else.
``export`` writes the bank for an LMS to standard output (see
pccc_site/quiz/export.py); it refuses files that have errors.
"""

from __future__ import annotations

import argparse
import signal
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from pccc_site.quiz import coverage as coverage_report  # noqa: E402
from pccc_site.quiz.problems import codes_table  # noqa: E402
from pccc_site.quiz.sources import Site  # noqa: E402
from pccc_site.quiz.validate import DOCS, QUIZZES, SUFFIX, check, quiz_files  # noqa: E402

# pccc_site.quiz.export is imported by the export command only: with the QR code and
# MkDocs modules it needs, it would add about a tenth of a second to every check.
EXPORT_FORMATS = ("moodle", "gift")  # export.FORMATS (tests/test_quiz_cli.py keeps the two equal)


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
    export_command = commands.add_parser("export", parents=[site], help="write the bank as Moodle XML or GIFT to standard output")
    export_command.add_argument("paths", nargs="*", type=Path, metavar="PATH", help=f"quiz files or folders (default: {QUIZZES}/*{SUFFIX})")
    export_command.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="moodle (Moodle XML) or gift")
    export_command.add_argument("--lang", default="vi", choices=("vi", "en"), help="language of the text (default: %(default)s)")
    export_command.add_argument("--question", action="append", metavar="SET/QUESTION",
                                help="export only this question (repeat for more), e.g. to import it as a new version of one question")
    export_command.add_argument("--site-url", help="public address of the site, for source links (default: SITE_URL, else mkdocs.yml)")
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
    print(
        f"{report.files} file(s), {report.questions} question(s) in valid sets: "
        f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)",
        file=sys.stderr,
    )
    return 1 if report.errors else 0


def _refused(report, command: str) -> bool:
    """Print the errors and say so when the bank has any; ``command`` names the subcommand."""
    for problem in report.errors:
        print(problem, file=sys.stderr)
    if report.errors:
        print(f"quiz.py {command}: fix the errors above first (make check)", file=sys.stderr)
    return bool(report.errors)


def _coverage(args) -> int:
    report = check(quiz_files(args.quizzes), args.docs)
    if _refused(report, "coverage"):
        return 1
    pages = coverage_report.coverage(report.sets, args.docs)
    print(coverage_report.format_table(pages))
    flagged = [page for page in pages if page.flagged]
    return 1 if args.strict and flagged else 0


def _site_url(given: str | None) -> str:
    if given:
        return given
    from mkdocs.utils.yaml import yaml_load  # resolves !ENV [SITE_URL, default] as the build does

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return yaml_load(config)["site_url"]


def _only(sets, wanted: list[str] | None):
    """The sets restricted to the questions asked for, or an error message."""
    if not wanted:
        return sets
    from pccc_site.quiz import export as lms_export  # noqa: PLC0415  (see EXPORT_FORMATS)

    known = {lms_export.idnumber(s, q) for s in sets for q in s.questions}
    unknown = sorted(set(wanted) - known)
    if unknown:
        return f"no such question: {', '.join(unknown)} (write SET/QUESTION, e.g. kien-thuc-co-ban/so-bao-chay)"
    kept = [replace(s, questions=tuple(q for q in s.questions if lms_export.idnumber(s, q) in wanted)) for s in sets]
    return tuple(s for s in kept if s.questions)


def _export(args) -> int:
    from pccc_site.quiz import export as lms_export  # noqa: PLC0415  (see EXPORT_FORMATS)

    files = _expand(args.paths)
    if isinstance(files, str):
        print(f"quiz.py export: {files}", file=sys.stderr)
        return 2
    report = check(files, args.docs)
    if _refused(report, "export"):
        return 1
    sets = _only(report.sets, args.question)
    if isinstance(sets, str):
        print(f"quiz.py export: {sets}", file=sys.stderr)
        return 2
    site_url = _site_url(args.site_url)
    if not site_url:  # the source addresses in the bank would be empty
        print("quiz.py export: give the public address with --site-url or SITE_URL", file=sys.stderr)
        return 2
    try:
        text = lms_export.export(sets, args.format, args.lang, site_url, Site(args.docs))
    except lms_export.ExportError as error:
        print(f"quiz.py export: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad usage, 0 after --help
        return int(exit_.code or 0)
    if args.command == "check":
        return _check(args)
    if args.command == "coverage":
        return _coverage(args)
    if args.command == "export":
        return _export(args)
    print(codes_table())
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # `quiz.py codes | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
