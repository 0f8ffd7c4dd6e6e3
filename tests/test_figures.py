"""Figures: every file in docs/_figures follows the rules, the checker catches
each broken rule with file and line, and the build keeps the page's language."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pccc_site import figures
from pccc_site.markers import MarkerError
from pccc_site.renderers import expand
from pccc_site.pages import source_pages

FIXTURES = Path(__file__).parent / "fixtures" / "figures"
MARKER = re.compile(r"^<!-- pccc:figure (?P<slug>[a-z0-9-]+) -->$", re.MULTILINE)


def _report(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


def _problems(name: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in figures.check(FIXTURES / "bad" / name)]


def _has(problems, line: int, fragment: str) -> bool:
    return any(at == line and fragment in message for at, message in problems)


# --- The checker -----------------------------------------------------------


def test_a_figure_that_follows_the_rules_passes():
    assert figures.check_all(FIXTURES / "good") == []


def test_a_label_without_its_english_twin_is_named_with_its_line():
    problems = _problems("missing-english.svg")
    assert _has(problems, 5, '1 <text lang="vi"> but 0 <text lang="en">')
    assert _has(problems, 1, 'needs exactly one <desc lang="en">')
    assert _has(problems, 6, 'text "Vòi phun" has words but no lang')


def test_scripts_links_ids_styles_and_small_text_are_refused():
    problems = _problems("forbidden-content.svg")
    assert _has(problems, 1, "remove width from the root")
    assert _has(problems, 6, "<script> is not allowed")
    assert _has(problems, 7, "attribute 'id'")
    assert _has(problems, 7, "attribute 'style'")
    assert _has(problems, 7, "decimal number")
    assert _has(problems, 7, "unknown class purple")
    assert _has(problems, 8, "<image> is not allowed")
    assert _has(problems, 8, "attribute 'href'")
    assert _has(problems, 9, "font-size 10")


def test_a_wrong_name_and_a_wrong_width_are_refused():
    problems = _problems("Bad_Name.svg")
    assert _has(problems, 1, "file name 'Bad_Name.svg'")
    assert _has(problems, 1, 'viewBox is "0 0 400 120"')


def test_a_file_that_is_not_xml_is_named_with_its_line():
    assert _has(_problems("not-xml.svg"), 4, "not well-formed XML")


def test_a_figure_heavier_than_12_kb_gzipped_is_refused(tmp_path):
    heavy = (FIXTURES / "good" / "sample-figure.svg").read_text(encoding="utf-8")
    noise = "".join(f'<circle cx="{b % 360}" cy="{b % 97}" r="{b % 13 + 1}"/>' for b in os.urandom(6000))
    path = tmp_path / "heavy.svg"
    path.write_text(heavy.replace("</svg>", noise + "</svg>"), encoding="utf-8")
    assert any("bytes gzipped, more than 12288" in problem.message for problem in figures.check(path))


# --- Rendering -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "name", "label", "caption", "other"),
    [
        ("vi", "Bình chữa cháy", "Chốt an toàn", "Rút chốt trước khi phun.", "Safety pin"),
        ("en", "Fire extinguisher", "Safety pin", "Pull the pin before you spray.", "Chốt an toàn"),
    ],
)
def test_the_page_gets_its_own_language_only(language, name, label, caption, other):
    html = figures.render("sample-figure", language, FIXTURES / "good")
    assert html.startswith('<figure class="pccc-figure" id="hinh-sample-figure"><svg ')
    assert f'role="img" aria-label="{name}" data-search-exclude="true"' in html
    assert f"<figcaption>{caption}</figcaption></figure>" in html
    assert f">{label}</text>" in html and ">MFZ4</text>" in html
    assert other not in html
    assert "<title" not in html and "<desc" not in html and "lang=" not in html
    assert "\n" not in html


def test_a_marker_naming_no_figure_stops_the_build_with_page_and_line():
    with pytest.raises(MarkerError, match=r"ky-nang/x\.md:3: marker 'pccc:figure nope': .*no figure 'nope'"):
        expand("a\n\n<!-- pccc:figure nope -->\n", "vi", "ky-nang/x.md")


def test_a_figure_that_breaks_a_rule_stops_the_build_with_its_file_and_line():
    with pytest.raises(figures.FigureError, match=r"missing-english\.svg:5: "):
        figures.render("missing-english", "vi", FIXTURES / "bad")


# --- The figures of the site -------------------------------------------------


def _figure_markers(path: Path) -> list[str]:
    return MARKER.findall(path.read_text(encoding="utf-8"))


def test_every_figure_of_the_site_follows_the_rules():
    assert len(figures.all_figures()) >= 8
    assert figures.check_all() == [], _report(figures.check_all())


def test_a_page_and_its_translation_show_the_same_figures_in_the_same_order():
    differing = {
        page.name: (_figure_markers(page.vi), _figure_markers(page.en))
        for page in source_pages()
        if _figure_markers(page.vi) != _figure_markers(page.en)
    }
    assert differing == {}


def test_every_figure_is_shown_on_a_page_and_every_marker_stands_on_its_own_line():
    shown, loose = set(), []
    for page in source_pages():
        for path in (page.vi, page.en):
            text = path.read_text(encoding="utf-8")
            shown.update(MARKER.findall(text))
            loose += [f"{path.name}: {line}" for line in text.splitlines() if "pccc:figure" in line and not MARKER.fullmatch(line)]
    assert {path.stem for path in figures.all_figures()} - shown == set()
    assert loose == []
