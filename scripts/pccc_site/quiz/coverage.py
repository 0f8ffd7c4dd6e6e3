"""Which content pages and sections the questions cover.

Every Vietnamese page under ``docs/`` is a content page except those in
``EXCLUDED``. A question counts for the page and the H2 section its source
points at (an anchor below an H2 counts for that H2). Pages with fewer than
``MINIMUM`` questions are flagged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import QuizSet
from .sources import Site

MINIMUM = 3
# Pages that are not taught content, with the reason. A folder ends with "/".
EXCLUDED = {
    "index.md": "home page",
    "thuat-ngu.md": "glossary",
    "bao-tri.md": "maintainer guide",
    "trac-nghiem/": "the quizzes themselves",
    "tap-huan/": "trainer kit: how to run a session, not learning content",
}
TOP = "(top of page)"


@dataclass(frozen=True)
class SectionCoverage:
    anchor: str
    title: str
    questions: int


@dataclass(frozen=True)
class PageCoverage:
    page: str
    questions: int
    sections: tuple[SectionCoverage, ...]

    @property
    def flagged(self) -> bool:
        return self.questions < MINIMUM


def is_excluded(page: str) -> bool:
    return any(page == rule or (rule.endswith("/") and page.startswith(rule)) for rule in EXCLUDED)


def content_pages(docs: Path) -> list[str]:
    pages = []
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        if page.endswith(".en.md") or page.startswith("_") or "/_" in page or is_excluded(page):
            continue
        pages.append(page)
    return pages


def coverage(sets: list[QuizSet] | tuple[QuizSet, ...], docs: Path) -> list[PageCoverage]:
    site = Site(docs)
    per_page = Counter(q.page for quiz in sets for q in quiz.questions)
    per_section = Counter((q.page, site.h2_of(q.page, q.anchor) or TOP) for quiz in sets for q in quiz.questions)
    result = []
    for page in content_pages(docs):
        sections = [SectionCoverage(TOP, "", per_section[(page, TOP)])] if per_section[(page, TOP)] else []
        sections += [
            SectionCoverage(s.anchor, s.title, per_section[(page, s.anchor)])
            for s in site.sections(page, "vi")
            if s.level == 2
        ]
        result.append(PageCoverage(page, per_page[page], tuple(sections)))
    return result


def format_table(pages: list[PageCoverage]) -> str:
    width = max([len(p.page) for p in pages] + [len(f"  #{s.anchor}") for p in pages for s in p.sections] + [20])
    lines = [f"{'page / section':<{width}}  questions"]
    for page in pages:
        flag = f"  << fewer than {MINIMUM}" if page.flagged else ""
        lines.append(f"{page.page:<{width}}  {page.questions:>9}{flag}")
        for section in page.sections:
            lines.append(f"{'  #' + section.anchor:<{width}}  {section.questions:>9}  {section.title}")
    flagged = sum(1 for p in pages if p.flagged)
    lines.append("")
    lines.append(f"{len(pages)} content page(s), {flagged} with fewer than {MINIMUM} questions.")
    lines.append("Not counted: " + "; ".join(f"{rule} ({why})" for rule, why in EXCLUDED.items()) + ".")
    return "\n".join(lines)
