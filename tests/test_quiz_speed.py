"""What keeps ``quiz.py check`` fast without changing what it reports.

The figures themselves are in ``python -m pccc_site.quiz.bench`` (from
scripts/); these tests keep the reasons for them in place: the check imports
only what it uses, reads the site's pages without expanding markers when the
page as written already has the anchor, leaves Python's garbage collector as
it found it, and the build checks the bank once, not once per language.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest

import quiz
from pccc_site.quiz import build, export, sources
from pccc_site.quiz.validate import check

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "quiz"


def test_a_check_imports_neither_the_export_nor_the_marker_renderers():
    """Sources found on the pages as written: no renderer, QR code or MkDocs module is loaded."""
    probe = (
        "import sys; sys.argv = ['quiz.py', 'check', '--docs', 'tests/fixtures/quiz/docs', 'tests/fixtures/quiz/valid'];"
        "sys.path.insert(0, 'scripts'); import quiz;"
        "assert quiz.main(sys.argv[1:]) == 0;"
        "print(sorted(name for name in ('pccc_site.quiz.export', 'pccc_site.renderers', 'jsonschema', 'segno', 'mkdocs') if name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_command_line_offers_exactly_the_export_formats():
    assert quiz.EXPORT_FORMATS == export.FORMATS


def _pages():
    docs = ROOT / "docs"
    for path in sorted(docs.rglob("*.md")):
        language = "en" if path.name.endswith(".en.md") else "vi"
        yield pytest.param(path, language, id=path.relative_to(docs).as_posix())


@pytest.mark.parametrize(("path", "language"), list(_pages()))
def test_every_anchor_of_a_page_as_written_is_on_the_expanded_page(path, language):
    """The source check trusts the written page first; expanding its markers must only add anchors."""
    assert sources._written_anchor_names(path) <= sources._anchor_names(path, language)


def test_a_source_anchor_that_only_a_marker_makes_is_still_found(tmp_path):
    docs = tmp_path / "docs"
    (docs / "p").mkdir(parents=True)
    for name in ("index.md", "index.en.md"):
        (docs / "p" / name).write_text("# Page\n\n<!-- pccc:glossary -->\n", encoding="utf-8")
    site = sources.Site(docs)
    made = sorted(sources._anchor_names(docs / "p" / "index.md", "vi") - sources._written_anchor_names(docs / "p" / "index.md"))
    assert made, "the glossary marker should make anchors of its own"
    assert site.has_anchor("p/index.md", "vi", made[0])
    assert not site.has_anchor("p/index.md", "vi", "no-such-anchor")


@pytest.mark.parametrize("enabled", [True, False])
def test_the_check_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        check([*sorted((FIXTURES / "valid").glob("*.yml")), FIXTURES / "no-such-file.yml"], FIXTURES / "docs")
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() == 0
    finally:
        (gc.enable if was else gc.disable)()


def test_the_build_checks_the_bank_once_and_again_only_when_a_file_changes(monkeypatch, tmp_path):
    calls = []
    real = build.check_bank
    monkeypatch.setattr(build, "check_bank", lambda: calls.append(1) or real())
    monkeypatch.setattr(build, "_checked", [])
    monkeypatch.setattr(build, "_bank", {})
    first = build.validate(print)
    second = build.validate(print)  # static-i18n's second language
    assert len(calls) == 1
    assert [quiz_set.id for quiz_set in second] == [quiz_set.id for quiz_set in first]
    edited = tmp_path / "quizzes"
    edited.mkdir()
    (edited / "a.yml").write_text("id: a\n", encoding="utf-8")
    monkeypatch.setattr(build, "QUIZZES", edited)
    build.validate(print)  # another quiz folder: other inputs
    assert len(calls) == 2
    build.validate(print)
    assert len(calls) == 2
    (edited / "a.yml").write_text("id: ab\n", encoding="utf-8")  # an edit changes the size and the time
    build.validate(print)
    assert len(calls) == 3
