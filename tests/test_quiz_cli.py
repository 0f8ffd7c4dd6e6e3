"""The command line: output format, exit codes, coverage, and the maintainer's guide's table of codes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quiz
from pccc_site.quiz import coverage
from pccc_site.quiz.problems import CODES, codes_table

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
DOCS = str(FIXTURES / "docs")
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) \[(?P<code>[a-z0-9-]+)\] (?P<message>.+)$")


def test_clean_files_exit_0_and_print_no_problem(capsys):
    assert quiz.main(["check", "--docs", DOCS, str(FIXTURES / "valid")]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "2 file(s)" in err and "0 error(s)" in err


def test_errors_exit_1_one_problem_per_line(capsys):
    bad = FIXTURES / "invalid" / "wrong-type.yml"
    assert quiz.main(["check", "--docs", DOCS, str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["path"].endswith("wrong-type.yml") and match["level"] == "error"
    assert LINE.match(lines[0])["line"] == "5" and LINE.match(lines[0])["col"] == "10"


def test_warnings_alone_exit_0(capsys):
    assert quiz.main(["check", "--docs", DOCS, str(FIXTURES / "invalid" / "answer-position-bias.yml")]) == 0
    assert " warning [answer-position-bias] " in capsys.readouterr().out


def test_every_file_and_every_problem_is_reported_at_once(capsys):
    assert quiz.main(["check", "--docs", DOCS, str(FIXTURES / "invalid")]) == 1
    out = capsys.readouterr().out
    reported = {LINE.match(line)["path"].rsplit("/", 1)[-1] for line in out.splitlines()}
    assert reported >= {p.name for p in (FIXTURES / "invalid").glob("*.yml")}


def test_bad_usage_exits_2(capsys):
    assert quiz.main([]) == 2
    assert quiz.main(["frobnicate"]) == 2
    assert quiz.main(["check", "no/such/file.yml"]) == 2
    assert quiz.main(["coverage", "--bogus"]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_help_exits_0(capsys):
    assert quiz.main(["--help"]) == 0
    assert "check" in capsys.readouterr().out


def test_default_checks_the_real_quizzes(capsys):
    assert quiz.main(["check"]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


def test_runs_as_a_script_from_any_folder(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "quiz.py"), "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "moodle"], ["export", "--format", "gift"]])
def test_a_5000_digit_number_is_a_problem_with_its_position_not_a_traceback(command):
    """Python refuses to convert more than 4,300 digits: the file must still get file:line:col [code]."""
    hostile = FIXTURES / "invalid" / "number-too-long.yml"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "quiz.py"), *command, "--docs", DOCS, str(hostile)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    if command[0] == "export":
        assert result.stdout == "", "nothing may be exported from a file with errors"
    problems = result.stdout if command[0] == "check" else result.stderr
    assert "tests/fixtures/quiz/invalid/number-too-long.yml:5:10: error [bad-value] a number written with 5,000 characters" in problems


def test_coverage_lists_pages_and_sections_and_flags_thin_pages(tmp_path, capsys):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    shutil.copy(FIXTURES / "valid" / "day-du.yml", folder)
    assert quiz.main(["coverage", "--docs", DOCS, "--quizzes", str(folder)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^bai-hoc\.md\s+4$", out, re.MULTILINE)
    assert re.search(r"^  #muc-mot\s+3  Mục một$", out, re.MULTILINE)  # an anchor under a section counts for it
    assert re.search(r"^  #muc-hai\s+1  Mục hai$", out, re.MULTILINE)
    assert re.search(r"^chi-tieng-viet\.md\s+0  << fewer than 3$", out, re.MULTILINE)
    assert quiz.main(["coverage", "--strict", "--docs", DOCS, "--quizzes", str(folder)]) == 1


def test_coverage_refuses_to_count_a_broken_bank(tmp_path, capsys):
    folder = tmp_path / "quizzes"
    folder.mkdir()
    shutil.copy(FIXTURES / "invalid" / "no-correct-answer.yml", folder)
    assert quiz.main(["coverage", "--docs", DOCS, "--quizzes", str(folder)]) == 1
    assert "[no-correct-answer]" in capsys.readouterr().err


def test_coverage_excludes_the_listed_pages():
    pages = coverage.content_pages(ROOT / "docs")
    assert pages, "the site has content pages"
    for page in ("index.md", "thuat-ngu.md", "bao-tri.md", "trac-nghiem/index.md", "tap-huan/index.md"):
        assert page not in pages
    assert not any(page.endswith(".en.md") for page in pages)


def _guide_section(name: str) -> str:
    """The maintainer's guide's section on fixing errors (its table of codes)."""
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    start = text.index("{ #sua-loi }")
    end = text.find("\n## ", start + 1)
    return text[start: end if end > 0 else None]


def test_the_guide_documents_every_code_in_both_languages():
    for name in ("bao-tri.md", "bao-tri.en.md"):
        documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", _guide_section(name), re.MULTILINE))
        assert documented == set(CODES), name


def test_the_english_guide_table_is_the_current_one():
    assert codes_table() in _guide_section("bao-tri.en.md"), "paste the output of: .venv/bin/python scripts/quiz.py codes"


def test_every_code_has_a_meaning_and_a_fix():
    for name, code in CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name)
        assert code.level in {"error", "warning"}
        assert code.meaning.endswith(".") and code.fix.endswith(".")
