"""The README and the maintainer's guide: every YAML example is valid, every
command works as written, and `make serve` installs no test tool."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import quiz as quiz_cli  # scripts/quiz.py
import yaml

from pccc_site.pages import KINDS, REQUIRED_KEYS
from pccc_site.quiz.problems import CODES
from pccc_site.quiz.validate import check, quiz_files

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = ["README.md", "docs/bao-tri.md", "docs/bao-tri.en.md"]
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[a-z]*)\n(?P<body>.*?)^(?P=indent)```", re.MULTILINE | re.DOTALL)
QUESTIONS_HOST = "kien-thuc-co-ban.yml"  # the set the guide adds its example question to


def _blocks(language: str) -> list[tuple[str, str]]:
    """(document, body) of every fenced block of ``language`` in the README and the guide."""
    found = []
    for name in DOCUMENTS:
        for match in FENCE.finditer((ROOT / name).read_text(encoding="utf-8")):
            if match.group("lang") == language:
                found.append((name, textwrap.dedent(match.group("body"))))
    return found


def _yaml_examples(kind: str) -> list[tuple[str, str]]:
    examples = []
    for name, body in _blocks("yaml"):
        if body.startswith("---\n"):
            found = "front-matter"
        else:
            data = yaml.safe_load(body)
            found = "set" if isinstance(data, dict) and "questions" in data else "questions" if isinstance(data, list) else "other"
        if found == kind and body not in {seen for _, seen in examples}:  # the guide's twins share examples
            examples.append((name, body))
    return examples


def test_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 120


def test_every_yaml_example_is_a_kind_the_tests_check():
    assert _yaml_examples("other") == []
    assert len(_yaml_examples("questions")) >= 2  # the README's, the guide's
    assert len(_yaml_examples("set")) >= 1
    assert len(_yaml_examples("front-matter")) >= 2


@pytest.mark.parametrize(("document", "body"), _yaml_examples("front-matter"))
def test_front_matter_examples_have_the_required_keys(document, body):
    meta = yaml.safe_load(body.split("---\n")[1])
    assert REQUIRED_KEYS <= meta.keys(), document
    assert meta["kind"] in KINDS, document


def _bank_with(tmp_path: Path, questions: list[str] = (), sets: list[str] = ()) -> Path:
    """A copy of quizzes/ with the example questions added to one set and the example sets beside it."""
    folder = tmp_path / "quizzes"
    shutil.copytree(ROOT / "quizzes", folder)
    host = folder / QUESTIONS_HOST
    for snippet in questions:
        # The guide shows a question indented as in the set's file, ready to paste at its end.
        host.write_text(host.read_text(encoding="utf-8").rstrip("\n") + "\n" + textwrap.indent(snippet, "  "), encoding="utf-8")
    for body in sets:
        (folder / f"{yaml.safe_load(body)['id']}.yml").write_text(body, encoding="utf-8")
    return folder


def _errors(folder: Path) -> list[str]:
    report = check(quiz_files(folder), ROOT / "docs", base=folder.parent)
    return [str(problem) for problem in report.errors]


@pytest.mark.parametrize(("document", "body"), _yaml_examples("questions"))
def test_question_examples_pass_the_check_added_to_the_bank(tmp_path, document, body):
    assert _errors(_bank_with(tmp_path, questions=[body])) == []


@pytest.mark.parametrize(("document", "body"), _yaml_examples("set"))
def test_quiz_set_examples_pass_the_check_beside_the_bank(tmp_path, document, body):
    assert _errors(_bank_with(tmp_path, sets=[body])) == []


def test_the_guide_question_is_indented_as_the_set_it_goes_into():
    host = (ROOT / "quizzes" / QUESTIONS_HOST).read_text(encoding="utf-8").split("\nquestions:\n", 1)[1]
    host_indent = re.match(r" *", host).group(0)
    checked = 0
    for name in DOCUMENTS[1:]:
        for match in FENCE.finditer((ROOT / name).read_text(encoding="utf-8")):
            first = match.group("body").splitlines()[0]
            if match.group("lang") == "yaml" and first.lstrip().startswith("- id:"):
                assert first[len(match.group("indent")):].startswith(host_indent + "- id:"), name
                checked += 1
    assert checked == 2


def test_error_line_examples_have_the_format_the_check_prints():
    examples = _blocks("text")
    assert examples
    for document, body in examples:
        for line in body.splitlines():
            match = re.fullmatch(r"quizzes/[a-z0-9-]+\.yml:\d+:\d+: (error|warning) \[(?P<code>[a-z0-9-]+)\] .+", line)
            assert match, (document, line)
            assert match.group("code") in CODES


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300, **kwargs)


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE))


def _check_command(line: str) -> None:
    """Run ``line`` (or, for what cannot run in a test, check what it names exists)."""
    words = shlex.split(line.split(" #", 1)[0].replace("\\", "/"), posix=True)
    while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
        words.pop(0)  # an environment variable for the command
    if words[:1] == ["make"]:
        target, variables = words[1:2], words[2:]  # `make serve PORT=8001`
        assert target and target[0] in _make_targets(), line
        assert all(re.fullmatch(r"[A-Z_]+=\S+", variable) for variable in variables), line
        result = _run(["make", "-n", *target, *variables])
        assert result.returncode == 0, (line, result.stderr)
    elif words[:2] in (["py", "-m"],) and words[2:] == ["venv", ".venv"]:
        pass  # the Windows Python launcher; the venv module is the one `make` uses
    elif words[:1] and words[0].startswith("$env:"):
        assert re.fullmatch(r'\$env:[A-Z_0-9]+ = "[^"]*"', line), line
    elif words[:1] in ([".venv/bin/python"], [".venv/Scripts/python"]):
        _check_python(words[1:], line)
    else:
        raise AssertionError(f"no way to check this command; add one to tests/test_maintainer_docs.py: {line}")


def _check_python(args: list[str], line: str) -> None:
    if ">" in args:
        args = args[: args.index(">")]
    if args[:1] == ["scripts/quiz.py"]:
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(io.StringIO()):
            returncode = quiz_cli.main(args[1:])  # as `python scripts/quiz.py ...`, without a new interpreter
        assert returncode == 0, line
        if args[1] in {"codes", "coverage", "export"}:
            assert output.getvalue().strip(), line
    elif args[:4] == ["-m", "pip", "install", "-r"]:
        assert (ROOT / args[4]).is_file(), line
    elif args[:3] == ["-m", "mkdocs", "serve"]:
        help_text = _run([sys.executable, "-m", "mkdocs", "serve", "--help"]).stdout
        for option in args[3:]:
            if option.startswith("--"):
                assert option in help_text, line
    elif args[:2] == ["-m", "pytest"]:
        for option in args[2:]:
            assert option.startswith("--ignore=") and (ROOT / option.split("=", 1)[1]).is_dir(), line
    else:
        raise AssertionError(f"no way to check this command; add one to tests/test_maintainer_docs.py: {line}")


COMMANDS = list({
    line.strip(): (name, line.strip())  # a command shown in both languages is run once
    for language in ("sh", "powershell")
    for name, body in reversed(_blocks(language))
    for line in body.splitlines()
    if line.strip() and not line.strip().startswith("#")
}.values())


def test_the_docs_show_commands():
    assert {name for name, _ in COMMANDS} >= {"README.md", "docs/bao-tri.md"}


@pytest.mark.parametrize(("document", "line"), COMMANDS)
def test_every_command_in_a_code_block_works_as_written(document, line):
    _check_command(line)


def test_every_make_command_in_the_text_is_a_target():
    for name in DOCUMENTS:
        for target in re.findall(r"`(?:[A-Z_]+=\S+ )?make ([a-z-]+)`", (ROOT / name).read_text(encoding="utf-8")):
            assert target in _make_targets(), (name, target)


def _requirements(name: str) -> list[str]:
    return [line for line in (ROOT / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-test.txt"])
def test_requirements_are_pinned_exactly(name):
    for line in _requirements(name):
        assert re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][A-Za-z0-9.]*|-r requirements\.txt", line), (name, line)


def test_serving_needs_no_test_tool_and_testing_adds_them():
    serve = {line.split("==")[0].lower() for line in _requirements("requirements.txt")}
    test = _requirements("requirements-test.txt")
    assert not serve & {"pytest", "playwright", "axe-playwright-python", "greenlet"}
    assert "-r requirements.txt" in test
    assert {"pytest", "playwright", "axe-playwright-python"} <= {line.split("==")[0].lower() for line in test}


@pytest.mark.parametrize(("target", "installs_test_tools"), [("serve", False), ("build", False), ("check", False), ("offline", False), ("test", True), ("test-fast", True)])
def test_make_targets_install_only_what_they_need(target, installs_test_tools):
    plan = _run(["make", "-n", "-B", target]).stdout
    assert "-r requirements.txt" in plan
    assert ("-r requirements-test.txt" in plan) == installs_test_tools
