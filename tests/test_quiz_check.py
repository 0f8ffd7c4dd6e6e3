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


# The quick schema check (conforms.py) must answer exactly as jsonschema does.

def _jsonschema_conforms(data) -> bool:
    from pccc_site.quiz.schema_check import validator

    return next(validator().iter_errors(data), None) is None


def _variants(data):
    """Copies of a valid set with one thing changed at each place: a wrong type, a key removed or added."""
    import copy

    replacements = [None, True, 0, 2.0, -1, 10**6, "", " ", "x", "single", [], {}, {"vi": "a"}, {"vi": "a", "en": "b"}, [{"id": "a"}]]

    def walk(node, path):
        yield path, node
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, path + (key,))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, path + (index,))

    def changed(path, change):
        result = copy.deepcopy(data)
        parent = result
        for step in path[:-1]:
            parent = parent[step]
        change(parent, path[-1])
        return result

    for path, node in list(walk(data, ())):
        if not path:
            continue
        for value in replacements:
            yield changed(path, lambda parent, step, value=value: parent.__setitem__(step, copy.deepcopy(value)))
        yield changed(path, lambda parent, step: parent.pop(step))
        if isinstance(node, dict):
            for key in ("unknown", "answer", "options", "feedback_true", "hint", "vi"):
                yield changed(path, lambda parent, step, key=key: parent[step].__setitem__(key, "x"))


def test_the_quick_schema_check_answers_as_jsonschema_on_every_fixture_and_thousands_of_variants():
    from pccc_site.quiz.conforms import conforms
    from pccc_site.quiz.load import load_file

    datas = [load_file(path).data for path in [*VALID, *INVALID, *sorted((FIXTURES / "valid").glob("*.yml"))]]
    true_false = {"id": "d", "type": "true-false", "text": {"vi": "a", "en": "b"}, "answer": True,
                  "explanation": {"vi": "a", "en": "b"}, "source": "a.md#b"}
    for path in VALID:
        base = load_file(path).data
        datas += list(_variants({**base, "questions": [*base["questions"][:2], true_false]}))
    assert len(datas) > 2000
    disagreements = [data for data in datas if conforms()(data) != _jsonschema_conforms(data)]
    assert disagreements == []
    assert any(conforms()(data) for data in datas) and not all(conforms()(data) for data in datas)


def test_the_schema_is_a_valid_json_schema_that_the_quick_check_fully_understands():
    from jsonschema import Draft202012Validator

    from pccc_site.quiz.conforms import UnknownKeyword, compile_schema
    from pccc_site.quiz.schema_check import inlined_schema, schema

    Draft202012Validator.check_schema(schema())
    compile_schema(inlined_schema())
    with pytest.raises(UnknownKeyword):
        compile_schema({"type": "string", "format": "email"})
