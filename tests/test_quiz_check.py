"""The quiz checker, driven by fixture files.

tests/fixtures/quiz/valid/*.yml must pass without a single problem.
Each tests/fixtures/quiz/invalid/<name>.yml is checked on its own and must
give exactly the (line:column code) list in <name>.expected, in order.
Each folder under invalid/ is checked as one group against its ``expected``
file (for problems across files). Sources resolve against the small site in
tests/fixtures/quiz/docs/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pccc_site.quiz.problems import CODES
from pccc_site.quiz.validate import check

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
DOCS = FIXTURES / "docs"
VALID = sorted((FIXTURES / "valid").glob("*.yml"))
INVALID = sorted([*(FIXTURES / "invalid").glob("*.yml"), *(FIXTURES / "invalid").glob("*.yaml")])
GROUPS = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
# Codes whose input is made by a test instead of a committed fixture, with that test.
GENERATED = {"file-too-large": "test_quiz_load.py::test_a_file_over_the_limit_is_refused_before_it_is_read"}


def _expected(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_fixture_has_no_problem(path):
    report = check([path], DOCS)
    assert [str(p) for p in report.problems] == []
    assert len(report.sets) == 1


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_invalid_fixture_gives_exactly_the_expected_problems(path):
    report = check([path], DOCS, base=path.parent)
    found = [f"{p.line}:{p.column} {p.code}" for p in report.problems]
    assert found == _expected(path.with_suffix(".expected")), "\n".join(map(str, report.problems))


@pytest.mark.parametrize("folder", GROUPS, ids=[p.name for p in GROUPS])
def test_invalid_group_gives_exactly_the_expected_problems(folder):
    report = check(sorted(folder.rglob("*.yml")), DOCS, base=folder)
    found = [f"{p.path}:{p.line}:{p.column} {p.code}" for p in report.problems]
    assert found == _expected(folder / "expected")


def test_every_code_has_a_fixture_and_every_fixture_code_is_known():
    seen = {line.split()[-1] for path in list((FIXTURES / "invalid").rglob("*.expected")) + [g / "expected" for g in GROUPS] for line in _expected(path)}
    assert seen - set(CODES) == set(), "a fixture expects a code that problems.CODES does not list"
    assert set(CODES) - seen - set(GENERATED) == set(), "add an invalid fixture for these codes"


def test_each_invalid_fixture_says_why_it_is_invalid():
    for path in INVALID:
        text = path.read_bytes()
        if text.strip():
            assert text.startswith(b"# Invalid on purpose: "), path.name


def test_problems_come_sorted_and_all_at_once():
    report = check(INVALID, DOCS)
    lines = [(p.path, p.line, p.column) for p in report.problems]
    assert lines == sorted(lines)
    files_with_problems = {p.path for p in report.problems}
    assert len(files_with_problems) == len(INVALID)


def test_a_file_with_errors_gives_no_quiz_set():
    report = check([FIXTURES / "invalid" / "no-correct-answer.yml", *VALID], DOCS)
    assert sorted(quiz.id for quiz in report.sets) == sorted(p.stem for p in VALID)


def test_warnings_alone_still_give_a_quiz_set():
    report = check([FIXTURES / "invalid" / "answer-position-bias.yml"], DOCS)
    assert report.errors == [] and len(report.warnings) == 1
    assert [quiz.id for quiz in report.sets] == ["answer-position-bias"]


def test_messages_say_how_to_fix_and_never_show_python_internals():
    report = check(INVALID, DOCS)
    for problem in report.problems:
        assert ":" in problem.message, problem  # "what: how to fix"
        for internal in ("Traceback", "NoneType", "dict", "jsonschema", "is not of type", "ValidationError"):
            assert internal not in problem.message, problem
