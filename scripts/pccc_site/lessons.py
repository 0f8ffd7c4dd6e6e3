"""The lesson block set of the Skills section, defined once, and its checker.

Every page with ``kind: lesson`` is built from the same small, closed set of
Material admonitions and sections:

- ``!!! abstract`` (Objectives), once, before the first ``##`` heading;
- numbered steps (an ordered list) in the body;
- ``!!! danger`` for each life-safety point, at least one;
- ``!!! info "<fixed title>"`` where Vietnamese and international advice
  differ (optional, any number; its title is the only explicit title allowed);
- a summary section holding ``!!! failure`` (Common mistakes) and then
  ``!!! success`` (Key points);
- a final sources section listing every source, each tagged Vietnamese or
  international, with a link.

Untitled admonitions get their title from static-i18n (``mkdocs.yml``), so
the same block reads "Mục tiêu" in Vietnamese and "Objectives" in English.

``check_lesson`` returns every problem it finds as ``Problem(path, line,
message)``; a clean page gives an empty list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .pages import DOCS, front_matter, source_pages
from .sources import TAGS, allowed_urls


@dataclass(frozen=True)
class Block:
    type: str
    purpose: str
    minimum: int
    maximum: int | None  # None: no limit
    title: dict[str, str] | None = None  # None: no explicit title


@dataclass(frozen=True)
class Section:
    anchor: str
    title: dict[str, str]


BLOCKS: dict[str, Block] = {
    block.type: block
    for block in (
        Block("abstract", "objectives, before the first ## heading", 1, 1),
        Block("danger", "a life-safety point", 1, None),
        Block(
            "info",
            "where Vietnamese and international advice differ",
            0,
            None,
            title={
                "vi": "Khác biệt giữa hướng dẫn trong nước và quốc tế",
                "en": "Where Vietnamese and international advice differ",
            },
        ),
        Block("failure", "common mistakes, in the summary section", 1, 1),
        Block("success", "key points, in the summary section, after the common mistakes", 1, 1),
    )
}
SUMMARY = Section("tom-tat", {"vi": "Tóm tắt", "en": "Summary"})
SOURCES = Section("nguon", {"vi": "Nguồn", "en": "Sources"})
SUMMARY_BLOCKS = ("failure", "success")  # in this order, inside the summary section


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


_ADMONITION = re.compile(r'^(?P<indent>\s*)(?P<marker>!!!|\?\?\?\+?)\s+(?P<type>[a-z]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
_H2 = re.compile(r"^## (?P<title>.+?)\s*\{\s*#(?P<anchor>[a-z0-9-]+)\s*\}\s*$|^## (?P<bare>.+?)\s*$")
_ORDERED_ITEM = re.compile(r"^\s*\d+\.\s+\S")
_SOURCE_ITEM = re.compile(r"^- \\\[(?P<tag>[^\]\\]+)\\\] \[[^\]]+\]\((?P<link>[^)\s]+)\)")
_EXTERNAL_URL = re.compile(r"https?://[^\s)\"'<>]+")


@dataclass(frozen=True)
class _Admonition:
    line: int
    marker: str
    type: str
    title: str | None


@dataclass(frozen=True)
class _Heading:
    line: int
    title: str
    anchor: str | None


def _scan(markdown: str) -> tuple[list[_Admonition], list[_Heading], list[str]]:
    admonitions, headings, lines = [], [], markdown.splitlines()
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if in_fence:
            continue
        if match := _ADMONITION.match(line):
            admonitions.append(_Admonition(number, match["marker"], match["type"], match["title"]))
        elif match := _H2.match(line):
            title = (match["title"] or match["bare"]).strip()
            headings.append(_Heading(number, title, match["anchor"]))
    return admonitions, headings, lines


def _section_of(line: int, headings: list[_Heading]) -> str | None:
    """Anchor of the ``##`` section a line is in (None before the first)."""
    current = None
    for heading in headings:
        if heading.line > line:
            break
        current = heading.anchor
    return current


def _check_admonitions(admonitions, headings, language) -> list[tuple[int, str]]:
    problems = []
    first_h2 = headings[0].line if headings else None
    for admonition in admonitions:
        block = BLOCKS.get(admonition.type)
        if admonition.marker != "!!!":
            problems.append((admonition.line, f"use '!!! {admonition.type}', not a collapsible '{admonition.marker}' block"))
        if block is None:
            allowed = ", ".join(BLOCKS)
            problems.append((admonition.line, f"'{admonition.type}' is not a lesson block; use one of: {allowed}"))
            continue
        expected_title = block.title[language] if block.title else None
        if admonition.title != expected_title:
            if expected_title is None:
                problems.append((admonition.line, f"remove the title of '!!! {block.type}': the site translates it"))
            else:
                problems.append((admonition.line, f'title it exactly: !!! {block.type} "{expected_title}"'))
        section = _section_of(admonition.line, headings)
        if block.type == "abstract" and first_h2 is not None and admonition.line > first_h2:
            problems.append((admonition.line, "move '!!! abstract' above the first ## heading"))
        if block.type in SUMMARY_BLOCKS and section != SUMMARY.anchor:
            problems.append((admonition.line, f"move '!!! {block.type}' into the section '## ... {{ #{SUMMARY.anchor} }}'"))
    for block in BLOCKS.values():
        count = sum(1 for a in admonitions if a.type == block.type)
        if count < block.minimum:
            problems.append((1, f"add a '!!! {block.type}' block ({block.purpose})"))
        if block.maximum is not None and count > block.maximum:
            problems.append((1, f"keep only {block.maximum} '!!! {block.type}' block(s); found {count}"))
    order = [a.type for a in admonitions if a.type in SUMMARY_BLOCKS]
    if order == list(reversed(SUMMARY_BLOCKS)):
        problems.append((1, f"put '!!! {SUMMARY_BLOCKS[0]}' before '!!! {SUMMARY_BLOCKS[1]}'"))
    return problems


def _check_sections(headings, language) -> list[tuple[int, str]]:
    tail = [(h.anchor, h.title) for h in headings[-2:]]
    expected = [(s.anchor, f"{s.title[language]}") for s in (SUMMARY, SOURCES)]
    if tail == expected:
        return []
    wanted = " then ".join(f"'## {title} {{ #{anchor} }}'" for anchor, title in expected)
    line = headings[-1].line if headings else 1
    return [(line, f"end the lesson with {wanted}")]


def _sources_lines(lines, headings) -> list[tuple[int, str]]:
    if not headings or headings[-1].anchor != SOURCES.anchor:
        return []
    start = headings[-1].line
    return [(number, line) for number, line in enumerate(lines[start:], start=start + 1) if line.strip()]


def _check_sources(lines, headings, language) -> list[tuple[int, str]]:
    problems = []
    items = _sources_lines(lines, headings)
    tags = {names[language] for names in TAGS.values()}
    if not items and headings and headings[-1].anchor == SOURCES.anchor:
        problems.append((headings[-1].line, "list the sources under the sources heading"))
    for number, line in items:
        match = _SOURCE_ITEM.match(line)
        if not match or match["tag"] not in tags:
            problems.append((number, f"a source must read '- \\[tag\\] [title](link)' with a tag in {sorted(tags)}"))
    return problems


def _check_links(lines) -> list[tuple[int, str]]:
    allowed = allowed_urls()
    return [
        (number, f"{url} is not in docs/_data/sources.yml (only sources from the fact sheet may be cited)")
        for number, line in enumerate(lines, start=1)
        for url in _EXTERNAL_URL.findall(line)
        if url not in allowed
    ]


def check_lesson(markdown: str, language: str, path: str) -> list[Problem]:
    """Every departure of a lesson page (markers already expanded) from the block set."""
    admonitions, headings, lines = _scan(markdown)
    found = _check_admonitions(admonitions, headings, language)
    if not any(_ORDERED_ITEM.match(line) for line in lines):
        found.append((1, "add numbered steps (an ordered list: '1. ...')"))
    found += _check_sections(headings, language)
    found += _check_sources(lines, headings, language)
    found += _check_links(lines)
    return [Problem(path, line, message) for line, message in sorted(found)]


def check_sources_page(markdown: str, language: str, path: str) -> list[Problem]:
    """The sources rules alone, for pages of the section that are not lessons (the checklist)."""
    _, headings, lines = _scan(markdown)
    found = []
    if not headings or headings[-1].anchor != SOURCES.anchor:
        found.append((1, f"end the page with '## {SOURCES.title[language]} {{ #{SOURCES.anchor} }}'"))
    found += _check_sources(lines, headings, language)
    found += _check_links(lines)
    return [Problem(path, line, message) for line, message in sorted(found)]


# ---------------------------------------------------------------------------
# Where advice differs: a list of every difference box, for the Skills index
# ---------------------------------------------------------------------------

SKILLS = DOCS / "ky-nang"


def difference_sections(language: str, folder: Path = SKILLS) -> list[tuple[str, str, str]]:
    """(page title, section title, link) of each section holding a difference box, page by page."""
    found = []
    for page in source_pages():
        path = page.vi if language == "vi" else page.en
        meta = front_matter(path) if page.vi.parent == folder else {}
        if meta.get("kind") != "lesson":
            continue
        admonitions, headings, _ = _scan(path.read_text(encoding="utf-8"))
        boxed = {_section_of(a.line, headings) for a in admonitions if _is_difference_box(a, language)}
        found += [(meta["title"], h.title, f"{page.vi.name}#{h.anchor}") for h in headings if h.anchor in boxed]
    return found


def _is_difference_box(admonition: _Admonition, language: str) -> bool:
    return admonition.type == "info" and admonition.title == BLOCKS["info"].title[language]


def render_differences(_argument: str, language: str) -> str:
    """A list linking every section where Vietnamese and international advice differ."""
    by_page: dict[str, list[str]] = {}
    for page, section, link in difference_sections(language):
        by_page.setdefault(page, []).append(f"[{section}]({link})")
    return "".join(f"- {page}: {'; '.join(links)}\n" for page, links in by_page.items())
