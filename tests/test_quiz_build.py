"""The quiz bank in the built site: pages, index, navigation, assets, and a build that refuses errors."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

import quiz
from bench_projects import copy_site
from pccc_site.quiz.validate import check_bank

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "docs" / "assets" / "quiz"
BUDGET_GZIP_BYTES = 8 * 1024


def build_copy(project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def _html(site, url: str) -> str:
    return (site.root / url / "index.html").read_text(encoding="utf-8")


def _sets():
    report = check_bank()
    assert report.errors == []
    return report.sets


def test_the_real_bank_has_no_error_and_no_warning():
    report = check_bank()
    assert [str(p) for p in report.problems] == []
    assert report.sets


def test_every_real_quiz_file_names_the_schema_for_editors():
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./schema.json\n"), path.name


def test_every_set_has_a_page_in_both_languages(site):
    for quiz_set in _sets():
        vi, en = _html(site, f"trac-nghiem/{quiz_set.id}"), _html(site, f"en/trac-nghiem/{quiz_set.id}")
        assert '<html lang="vi"' in vi and '<html lang="en"' in en
        assert f"<h1>{quiz_set.title['vi']}</h1>" in vi and f"<h1>{quiz_set.title['en']}</h1>" in en
        for html_text in (vi, en):
            assert html_text.count('class="pccc-quiz__question"') == len(quiz_set.questions)
            assert f'data-version="{quiz_set.version}"' in html_text


def test_nothing_generated_is_in_docs():
    for quiz_set in _sets():
        assert not (ROOT / "docs" / "trac-nghiem" / f"{quiz_set.id}.md").exists()
        assert not (ROOT / "docs" / "trac-nghiem" / f"{quiz_set.id}.en.md").exists()


def test_the_index_lists_every_set_with_its_questions_and_time(site):
    drawn = {"vi": "chọn từ", "en": "drawn from"}  # a pooled set shows "20 (chọn từ 36)"
    for url, minutes in (("trac-nghiem", "phút"), ("en/trac-nghiem", "min")):
        page = _html(site, url)
        for quiz_set in _sets():
            language = "en" if url.startswith("en/") else "vi"
            row = re.search(rf'<a href="{quiz_set.id}/">{re.escape(quiz_set.title[language])}</a></td>\s*<td>([^<]+)</td>\s*<td>(\d+) {minutes}</td>', page)
            assert row, f"{url}: no row for {quiz_set.id}"
            total = len(quiz_set.questions)
            count = str(total) if not quiz_set.pool else f"{quiz_set.pool} ({drawn[language]} {total})"
            assert row.groups() == (count, str(quiz_set.minutes))


def _nav_entry(page: str, href: str) -> str:
    """The text of the primary navigation's link to ``href``."""
    nav = page.split('class="md-nav md-nav--primary"', 1)[1]
    match = re.search(rf'<a href="{re.escape(href)}" class="md-nav__link">(.*?)</a>', nav, re.DOTALL)
    assert match, href
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def test_quiz_pages_are_in_the_navigation_in_both_languages(site):
    for quiz_set in _sets():
        assert _nav_entry(_html(site, "ky-nang"), f"../trac-nghiem/{quiz_set.id}/") == quiz_set.title["vi"]
        assert _nav_entry(_html(site, "en/ky-nang"), f"../trac-nghiem/{quiz_set.id}/") == quiz_set.title["en"]


def test_the_index_and_the_menu_list_sets_in_their_order_with_the_basics_first(site):
    expected = [quiz.id for quiz in sorted(_sets(), key=lambda quiz: quiz.menu_position)]
    assert expected[0] == "kien-thuc-co-ban"
    for url in ("trac-nghiem", "en/trac-nghiem"):
        page = _html(site, url)
        content = page.split('class="md-content"', 1)[1]
        index_order = re.findall(r'<td><a href="([a-z0-9-]+)/">', content)
        nav = page.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-content"', 1)[0]
        menu_order = [href for href in re.findall(r'<a href="([a-z0-9-]+)/" class="md-nav__link">', nav) if href in expected]
        assert index_order == expected, url
        assert menu_order == expected, url


def test_sets_without_an_order_come_after_the_others_by_id():
    first, = [quiz for quiz in _sets() if quiz.id == "kien-thuc-co-ban"]
    unordered = [replace(quiz, order=None) for quiz in _sets() if quiz.id != "kien-thuc-co-ban"]
    ordered = sorted([*unordered, first], key=lambda quiz: quiz.menu_position)
    assert [quiz.id for quiz in ordered] == ["kien-thuc-co-ban", *sorted(quiz.id for quiz in unordered)]


def test_source_links_in_quiz_pages_lead_to_existing_sections(site):
    for quiz_set in _sets():
        for url in (f"trac-nghiem/{quiz_set.id}/", f"en/trac-nghiem/{quiz_set.id}/"):
            for href in re.findall(r'class="pccc-quiz__source">[^<]*<a href="([^"]+)"', _html(site, url)):
                path, anchor = href.split("#")
                target = (site.root / url / path / "index.html").resolve()
                assert target.is_file(), (url, href)
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (url, href)


def test_quiz_assets_only_on_quiz_pages(site):
    quiz_pages = {f"{prefix}trac-nghiem/{s.id}/" for s in _sets() for prefix in ("", "en/")}
    for url in site.pages():
        page = _html(site, url)
        has_assets = "assets/quiz/quiz.js" in page or "assets/quiz/quiz.css" in page
        assert has_assets == (url in quiz_pages), url
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert not any("quiz" in entry for entry in config.get("extra_css", []) + config.get("extra_javascript", []))


def test_quiz_script_and_style_fit_the_budget():
    total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in (ASSETS / "quiz.js", ASSETS / "quiz.css"))
    assert total <= BUDGET_GZIP_BYTES, f"{total} bytes gzipped"


def test_the_script_holds_no_interface_text():
    script = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    strings = re.findall(r'"([^"\\]*)"', code)
    words = [s for s in strings if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", s) and s != "use strict"]
    assert words == []


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory):
    project = copy_site(tmp_path_factory.mktemp("broken"))
    shutil.copy(Path(__file__).parent / "fixtures" / "quiz" / "invalid" / "no-correct-answer.yml", project / "quizzes")
    (project / "quizzes" / "khac-ten.yml").write_text("id: [\n", encoding="utf-8")
    shutil.copy(Path(__file__).parent / "fixtures" / "quiz" / "invalid" / "number-too-long.yml", project / "quizzes")
    return project


def test_a_broken_quiz_stops_the_build_with_the_checkers_messages(broken_project, tmp_path, capsys):
    site_dir = tmp_path / "site"
    result = build_copy(broken_project, site_dir)
    assert result.returncode != 0
    assert not site_dir.exists(), "nothing may be written"
    cwd = Path.cwd()
    try:
        os.chdir(broken_project)
        assert quiz.main(["check", "--docs", "docs", "quizzes"]) == 1
    finally:
        os.chdir(cwd)
    expected = capsys.readouterr().out.splitlines()
    assert len(expected) >= 3
    for line in expected:
        assert line in result.stderr
    assert "quizzes/no-correct-answer.yml:13:7: error [no-correct-answer]" in result.stderr
    assert "quizzes/number-too-long.yml:5:10: error [bad-value] a number written with 5,000 characters" in result.stderr
    assert "Traceback" not in result.stderr
