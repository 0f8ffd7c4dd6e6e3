"""The quiz bank in the site build, as plain functions the MkDocs hooks call.

- ``validate`` checks every quiz file before anything is built and raises
  ``QuizBuildError`` listing every problem, exactly as ``quiz.py check`` prints
  them.
- Each set becomes two generated pages, ``trac-nghiem/<id>.md`` and
  ``trac-nghiem/<id>.en.md``: the hooks add them to the build's files
  before static-i18n sorts files by language, and ``page_source`` supplies
  their content. Nothing generated is written to ``docs/``.
- Each set also gets its trainer pages (printable sheet, answer key, meeting
  mode: trainer.py), generated the same way, kept out of the navigation and
  linked from the quiz page's "for trainers" box (``panel_links``).
- ``add_to_nav`` lists the sets under the quiz section of the navigation.
- The ``<!-- pccc:quiz-index -->`` marker renders the table of sets.

Generated pages assume directory URLs (MkDocs' default, used by this site).
"""

from __future__ import annotations

import re
from typing import Callable

from . import links, trainer
from .links import DEFAULT_LANGUAGE, SECTION
from .load import load_file
from .model import QuizSet, quiz_set
from .render import index_markdown, page_markdown
from .schema_check import schema_problems
from .sources import Site
from .validate import DOCS, QUIZZES, check_bank, quiz_files  # noqa: F401  (QUIZZES: watched by the hooks)
_PAGE = re.compile(rf"^{SECTION}/(?P<id>[a-z0-9-]+?)(?:\.(?P<language>en))?\.md$")
_bank: dict[str, QuizSet] = {}
_checked: list[tuple] = []  # what the last successful check read (file, modified, size), to check once per build


def _inputs() -> tuple:
    """Every file the check reads: the quiz files, and the pages and data files their sources point into."""
    roots = [QUIZZES, DOCS]  # docs/ holds the data files too (docs/_data)
    files = sorted(path for root in roots if root.is_dir() for path in root.rglob("*") if path.is_file())
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


class QuizBuildError(Exception):
    """The quiz files have errors; the message lists every one."""


def validate(warn: Callable[[str], None]) -> tuple[QuizSet, ...]:
    """Check the bank; static-i18n builds once per language, so an unchanged bank is checked once."""
    inputs = _inputs()
    if _checked and _checked[0] == inputs and _bank:
        return tuple(_bank.values())
    report = check_bank()
    if report.errors:
        lines = [str(problem) for problem in report.problems]
        raise QuizBuildError(
            f"{len(report.errors)} error(s) in the quiz files; nothing was built. "
            "Fix them (make check shows the same list):\n" + "\n".join(lines)
        )
    for problem in report.warnings:
        warn(str(problem))
    _bank.clear()
    _bank.update((quiz.id, quiz) for quiz in report.sets)
    _checked[:] = [inputs]
    return report.sets


def quiz_pages() -> list[str]:
    """Source paths of the quiz pages, both languages, relative to docs/."""
    return [f"{SECTION}/{quiz.id}{suffix}.md" for quiz in in_menu_order(_bank.values()) for suffix in ("", ".en")]


def in_menu_order(sets) -> list[QuizSet]:
    return sorted(sets, key=lambda quiz: quiz.menu_position)


def generated_pages() -> list[str]:
    """Source paths of every generated page: quiz pages and their trainer pages."""
    return quiz_pages() + trainer.pages(_bank)


def page_source(src_uri: str, url: str, site_url: str = "") -> str | None:
    """The Markdown source of a generated page, or None for any other page.

    ``url`` is the page's URL relative to the site root (``en/trac-nghiem/x/``);
    ``site_url`` the public address of the site (for printed addresses).
    """
    match = _PAGE.match(src_uri)
    if not match or match.group("id") not in _bank:
        return trainer.page_source(_bank, src_uri, url, site_url, Site(DOCS))
    language = match.group("language") or DEFAULT_LANGUAGE
    depth = url.count("/")
    assets_root = "../" * depth
    links_root = "../" * (depth - (0 if language == DEFAULT_LANGUAGE else 1))
    quiz, site = _bank[match.group("id")], Site(DOCS)
    address = (lambda question: links.source_address(site_url, question, language)) if site_url else None
    href = None
    if url.endswith(".html"):  # the offline bundle: links name the page's file
        context = links.PageContext(quiz, language, url, site_url, site)
        href = lambda question: context.href(question.page, question.anchor)  # noqa: E731
    return page_markdown(quiz, language, site, links_root, assets_root, address, href)


def panel_links(src_uri: str, url: str, language: str) -> str:
    """On a quiz page, the links to its trainer pages (for the "for trainers" box); "" elsewhere."""
    return trainer.panel_links(_bank, src_uri, url, language)


def add_to_nav(nav: list | None) -> None:
    """Append every set's page after the quiz section's index page (idempotent)."""
    section = _find_section(nav or [], f"{SECTION}/index.md")
    if section is None:
        return
    for src_uri in quiz_pages():
        if not src_uri.endswith(".en.md") and src_uri not in section:
            section.append(src_uri)


def _find_section(items: list, page: str) -> list | None:
    if page in items:
        return items
    for item in items:
        children = list(item.values())[0] if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(children, list):
            found = _find_section(children, page)
            if found is not None:
                return found
    return None


def _sets_without_sources() -> list[QuizSet]:
    """Sets whose files pass the shape check, read without resolving sources.

    Used when the index is rendered outside a build (the source check itself
    expands the quiz index page while it looks for anchors).
    """
    sets = []
    for path in quiz_files(QUIZZES):
        doc = load_file(path)
        if doc.data is not None and not doc.problems:
            schema_problems(doc)
            if not doc.problems:
                sets.append(quiz_set(doc.data))
    return sets


def render_index(_argument: str, language: str) -> str:
    sets = in_menu_order(_bank.values() if _bank else _sets_without_sources())
    return index_markdown(sets, language)
