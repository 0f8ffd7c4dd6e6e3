"""The site's pages and section anchors that a question's ``source`` may name.

A source is ``page.md#anchor`` with the page relative to ``docs/``. The
page must exist in both languages (``x.md`` and ``x.en.md``) and the anchor
must be on both: an explicit ``{ #anchor }`` attribute (on a heading or a
block), an ``id="..."`` in raw HTML, or the id Python-Markdown gives a heading
without one. Markers are expanded first with the same renderers the build
uses, so anchors that data files generate (the glossary's terms) count.

Expanding markers means importing every renderer (QR codes, the meeting kit,
the legal data), a large share of ``quiz.py check``'s start-up. A marker only
adds text, so an anchor already on the page as written is on the expanded page
too: ``has_anchor`` looks at the written page first and expands only when the
anchor is not there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..markers import MARKER, MarkerError

LANGUAGES = ("vi", "en")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.DOTALL | re.MULTILINE)
_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{:?[^}\n]*?#(?P<id>[A-Za-z0-9_-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"\bid=[\"'](?P<id>[A-Za-z0-9_-]+)[\"']")
_TRAILING_ATTRS = re.compile(r"\s*\{:?[^}]*\}\s*$")


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str  # the heading's text, or the anchor for anchors not on a heading
    level: int  # 1-6 for headings, 0 for other anchors


def page_path(page: str, language: str) -> str:
    return page if language == "vi" else page[: -len(".md")] + f".{language}.md"


class Site:
    """Pages under one ``docs/`` folder, read once each."""

    def __init__(self, docs: Path):
        self.docs = docs.resolve()

    def exists(self, page: str, language: str) -> bool:
        return _exists(self.docs / page_path(page, language), self.docs)

    def sections(self, page: str, language: str) -> list[Section]:
        return _sections(self.docs / page_path(page, language), language)

    def anchors(self, page: str, language: str) -> dict[str, Section]:
        return {section.anchor: section for section in self.sections(page, language)}

    def has_anchor(self, page: str, language: str, anchor: str) -> bool:
        path = self.docs / page_path(page, language)
        return anchor in _written_anchor_names(path) or anchor in _anchor_names(path, language)

    def title(self, page: str, language: str) -> str:
        return _title(self.docs / page_path(page, language))

    def h2_of(self, page: str, anchor: str) -> str | None:
        """The H2 section (its anchor) that contains ``anchor`` on the Vietnamese page."""
        current = None
        for section in self.sections(page, "vi"):
            if section.level == 2:
                current = section.anchor
            if section.anchor == anchor:
                return current if section.level != 1 else None
        return None


@lru_cache(maxsize=1024)
def _exists(path: Path, docs: Path) -> bool:
    return path.is_file() and docs in path.resolve().parents


@lru_cache(maxsize=256)
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=256)
def _title(path: Path) -> str:
    match = _FRONT_MATTER.match(_read(path))
    meta = yaml.safe_load(match.group(1)) if match else None
    return str(meta["title"]) if isinstance(meta, dict) and meta.get("title") else path.stem


@lru_cache(maxsize=256)
def _sections(path: Path, language: str) -> list[Section]:
    text = _FRONT_MATTER.sub("", _read(path), count=1)
    try:
        text = _expand(text, language, path.name)
    except (MarkerError, OSError):
        pass  # the build reports the page's own marker errors
    return _sections_of(text)


def _expand(text: str, language: str, source: str) -> str:
    if not MARKER.search(text):
        return text
    from ..renderers import expand  # noqa: PLC0415  (every renderer's imports: only for a page with markers)

    return expand(text, language, source)


def _sections_of(text: str) -> list[Section]:
    """The sections of Markdown ``text`` whose markers are already expanded."""
    from markdown.extensions.toc import slugify  # noqa: PLC0415  (Markdown's import: only when a page is read)

    text = _FENCE.sub("", text)
    found: list[tuple[int, Section]] = []
    taken: list[tuple[int, int]] = []
    for match in _HEADING.finditer(text):
        raw = match.group("text")
        explicit = _ATTR_ID.search(raw)
        title = _TRAILING_ATTRS.sub("", raw).strip()
        anchor = explicit.group("id") if explicit else slugify(title, "-")
        found.append((match.start(), Section(anchor, _plain(title), len(match.group("level")))))
        taken.append(match.span())
    for pattern in (_ATTR_ID, _HTML_ID):
        for match in pattern.finditer(text):
            if not any(start <= match.start() < end for start, end in taken):
                found.append((match.start(), Section(match.group("id"), match.group("id"), 0)))
    return [section for _, section in sorted(found, key=lambda item: item[0])]


@lru_cache(maxsize=256)
def _anchor_names(path: Path, language: str) -> frozenset[str]:
    return frozenset(section.anchor for section in _sections(path, language))


@lru_cache(maxsize=256)
def _written_anchor_names(path: Path) -> frozenset[str]:
    """The anchors of the page as written, its markers left out (not yet expanded)."""
    text = MARKER.sub("", _FRONT_MATTER.sub("", _read(path), count=1))
    return frozenset(section.anchor for section in _sections_of(text))


def _plain(markdown_text: str) -> str:
    """Heading text without Markdown emphasis, code ticks or link syntax."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    return re.sub(r"[*_`]", "", text).strip()
