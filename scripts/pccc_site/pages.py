"""The site's source pages and the rules every page follows.

Vietnamese is the source language: ``docs/x.md`` is Vietnamese and
``docs/x.en.md`` its English twin (static-i18n's suffix structure). File
names, slugs and section anchors are ASCII and never translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parents[2] / "docs"
TRANSLATIONS = ("en",)

# Front matter: these keys are written in each language; every other key is
# language-neutral and must be identical in both files of a page.
TRANSLATED_KEYS = {"title", "description"}
REQUIRED_KEYS = {"title", "description", "kind"}
KINDS = {"home", "section", "guide", "document", "lesson", "plan", "role", "quiz", "glossary", "tool", "checklist"}

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_H2 = re.compile(r"^## (?P<text>.+?)\s*$", re.MULTILINE)
_EXPLICIT_ID = re.compile(r"\{\s*#(?P<id>[a-z0-9-]+)\s*\}$")


@dataclass(frozen=True)
class SourcePage:
    vi: Path
    en: Path

    @property
    def name(self) -> str:
        return self.vi.relative_to(DOCS).as_posix()


def source_pages(docs: Path = DOCS) -> list[SourcePage]:
    """Every Vietnamese page with the path its English twin must have."""
    pages = []
    for path in sorted(docs.rglob("*.md")):
        if any(path.name.endswith(f".{lang}.md") for lang in TRANSLATIONS):
            continue
        if "_data" in path.relative_to(docs).parts:
            continue
        pages.append(SourcePage(vi=path, en=path.with_name(path.stem + ".en.md")))
    return pages


def orphan_translations(docs: Path = DOCS) -> list[Path]:
    """English files with no Vietnamese page beside them."""
    return [p for p in sorted(docs.rglob("*.en.md")) if not p.with_name(p.name[: -len(".en.md")] + ".md").exists()]


def front_matter(path: Path) -> dict:
    match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return yaml.safe_load(match.group(1)) or {} if match else {}


def h2_headings(path: Path) -> list[tuple[str, str | None]]:
    """(heading text, explicit id or None) for every ``## `` heading outside code fences."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)
    headings = []
    for match in _H2.finditer(text):
        explicit = _EXPLICIT_ID.search(match.group("text"))
        headings.append((match.group("text"), explicit.group("id") if explicit else None))
    return headings
