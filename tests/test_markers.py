"""Markers expand from data through one table of renderers; an unknown marker
stops the build with page and line; nothing imports the MkDocs hooks file."""

import subprocess
import sys
from pathlib import Path

import pytest

from pccc_site import renderers
from pccc_site.markers import MARKER, MarkerError
from pccc_site.renderers import RENDERERS, expand

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_unknown_marker_names_page_and_line_and_lists_the_known_markers():
    with pytest.raises(MarkerError) as error:
        expand("a\n\n<!-- pccc:nope -->\n", "vi", "x.md")
    message = str(error.value)
    assert message.startswith("x.md:3: unknown marker 'pccc:nope' (known: ")
    known = message.split("(known: ", 1)[1].rstrip(")").split(", ")
    assert known == sorted(RENDERERS)
    assert {"glossary", "documents-table", "role-tasks", "meeting-kit", "quiz-index"} <= set(known)


def test_glossary_renders_each_term_with_its_anchor_in_both_languages():
    vi = expand("<!-- pccc:glossary -->", "vi", "thuat-ngu.md")
    en = expand("<!-- pccc:glossary -->", "en", "thuat-ngu.en.md")
    assert "### PCCC { #pccc }" in vi
    assert "### Fire prevention and firefighting (PCCC) { #pccc }" in en


def test_a_bad_argument_names_page_line_and_marker():
    with pytest.raises(MarkerError, match=r"^y\.md:2: marker 'pccc:role-tasks khong-co'"):
        expand("x\n<!-- pccc:role-tasks khong-co -->", "vi", "y.md")


def test_the_quiz_index_renders_through_the_table():
    vi = expand("<!-- pccc:quiz-index -->", "vi", "trac-nghiem/index.md")
    assert "[Kiến thức cơ bản](kien-thuc-co-ban.md)" in vi


def test_text_without_markers_is_unchanged():
    assert expand("# Title\n<!-- a normal comment -->\n", "vi", "x.md") == "# Title\n<!-- a normal comment -->\n"


def test_every_marker_on_a_page_names_a_renderer_of_the_table():
    used = {
        (page.relative_to(DOCS).as_posix(), match.group("name"))
        for page in DOCS.rglob("*.md")
        for match in MARKER.finditer(page.read_text(encoding="utf-8"))
    }
    assert {name for _, name in used} <= set(RENDERERS), sorted(item for item in used if item[1] not in RENDERERS)


def test_every_table_entry_takes_an_argument_and_a_language():
    for name, render in RENDERERS.items():
        assert callable(render), name
        assert render.__code__.co_argcount == 2, name


def _fresh_python(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "scripts", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("first", ["pccc_site.quiz.sources", "pccc_site.quiz.build", "pccc_site.renderers", "pccc_site.quiz.validate"])
def test_modules_import_in_any_order_without_the_hooks_file(first):
    loaded = _fresh_python(f"import sys, {first}; print(sorted(sys.modules))")
    assert "mkdocs_hooks" not in loaded


def test_checking_the_quizzes_expands_markers_without_the_hooks_file():
    code = (
        "import sys\n"
        "from pccc_site.quiz.validate import QUIZZES, check, quiz_files\n"
        "report = check(quiz_files(QUIZZES))\n"
        "print(len(report.errors), 'mkdocs_hooks' in sys.modules)\n"
    )
    # The quiz sources cite anchors made by markers (glossary terms, plan tasks):
    # no error means the markers were expanded with the table.
    assert _fresh_python(code) == "0 False"


def test_the_table_module_does_not_load_the_quiz_package():
    # The quiz package reads pages through the table; the table reaches back only when
    # a page holds the quiz-index marker, so the two never import each other at load.
    assert _fresh_python("import sys, pccc_site.renderers; print('pccc_site.quiz' in sys.modules)") == "False"
    assert renderers.render_quiz_index is RENDERERS["quiz-index"]
