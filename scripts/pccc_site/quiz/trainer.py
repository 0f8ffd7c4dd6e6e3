"""The trainer's pages of each quiz set: printable sheet, answer key, meeting mode.

Each set gets three generated pages in both languages, beside its quiz page:

- ``trac-nghiem/<id>/phieu/``: the blank learner sheet (sheets.py);
- ``trac-nghiem/<id>/dap-an/``: the answer key (sheets.py);
- ``trac-nghiem/<id>/trinh-chieu/``: meeting mode, one question at a time (meeting.py).

They are kept out of the navigation and out of search (the quiz page already
holds the same questions); the quiz page's "for trainers" box links to them.
"""

from __future__ import annotations

import html
import re

import yaml

from . import links, meeting, sheets
from .links import SECTION, PageContext
from .model import QuizSet
from .sources import Site

KINDS = ("phieu", "dap-an", "trinh-chieu")
_PAGE = re.compile(rf"^{SECTION}/(?P<id>[a-z0-9-]+)/(?P<kind>{'|'.join(KINDS)})(?:\.(?P<language>en))?\.md$")
_QUIZ_PAGE = re.compile(rf"^{SECTION}/(?P<id>[a-z0-9-]+?)(?:\.en)?\.md$")
PANEL = {
    "vi": {"phieu": "In phiếu trắc nghiệm (không có đáp án)", "dap-an": "In đáp án cho người tập huấn",
           "trinh-chieu": "Trình chiếu trong cuộc họp (từng câu, chữ lớn)"},
    "en": {"phieu": "Print the question sheet (no answers)", "dap-an": "Print the answer key for trainers",
           "trinh-chieu": "Run it in a meeting (one question at a time, large type)"},
}


def pages(set_ids) -> list[str]:
    """Source paths of every trainer page, both languages, relative to docs/."""
    return [f"{SECTION}/{set_id}/{kind}{suffix}.md" for set_id in sorted(set_ids) for kind in KINDS for suffix in ("", ".en")]


def is_trainer_url(url: str) -> bool:
    """Whether a built page URL (``en/trac-nghiem/x/phieu/``) is one of these pages."""
    parts = url.strip("/").split("/")
    return len(parts) >= 3 and parts[-3] == SECTION and parts[-1].removesuffix(".html") in KINDS


RENDERERS = {"phieu": sheets.learner_sheet, "dap-an": sheets.answer_key, "trinh-chieu": meeting.meeting_page}


def page_source(bank: dict[str, QuizSet], src_uri: str, url: str, site_url: str, site: Site) -> str | None:
    """The Markdown source of a trainer page, or None if ``src_uri`` is not one."""
    match = _PAGE.match(src_uri)
    if not match or match.group("id") not in bank:
        return None
    language = match.group("language") or links.DEFAULT_LANGUAGE
    context = PageContext(bank[match.group("id")], language, url, site_url, site)
    meta, body = RENDERERS[match.group("kind")](context)
    return front_matter(meta) + body + "\n"


def front_matter(meta: dict) -> str:
    """Front matter of a generated page: kept out of search; titles escaped (templates print them raw)."""
    fields = {**meta, "title": html.escape(meta["title"], quote=True), "description": html.escape(meta["description"], quote=True)}
    fields.setdefault("kind", "tool")
    fields["search"] = {"exclude": True}
    return f"---\n{yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)}---\n\n"


def panel_links(set_ids, src_uri: str, page_url: str, language: str) -> str:
    """Links to a quiz page's trainer pages, for its "for trainers" box; "" on any other page."""
    match = _QUIZ_PAGE.match(src_uri)
    if not match or match.group("id") not in set_ids:
        return ""
    base = page_url[: -len(".html")] + "/" if page_url.endswith(".html") else page_url
    suffix = ".html" if page_url.endswith(".html") else "/"
    items = "".join(
        f'<li><a href="{links.relative(f"{base}{kind}{suffix}", page_url)}">{PANEL[language][kind]}</a></li>'
        for kind in KINDS
    )
    return f'<ul class="pccc-trainer__quiz">{items}</ul>'
