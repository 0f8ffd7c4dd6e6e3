"""The meeting kit: every page and every ``## `` section, with its address and QR code.

The page ``tap-huan/bo-cong-cu-cuoc-hop`` holds the marker
``<!-- pccc:meeting-kit -->``. The marker leaves a placeholder; once every
page of the language is rendered, the hook replaces it with one card per
page and per section, grouped like the navigation. The list is built from
the navigation and the rendered tables of contents, so pages added later
appear without editing the kit. It is filled in after the search index has
read the page, so the hundreds of titles it repeats do not pollute search.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .markers import marker
from .qr import address_link, public_address, svg

PLACEHOLDER = '<div class="pccc-kit" data-pccc-kit></div>'
_TAGS = re.compile(r"<[^>]+>")
TEXT = {
    "vi": {"page": "Cả trang", "section": "Mục"},
    "en": {"page": "Whole page", "section": "Section"},
}


@dataclass
class Entry:
    title: str
    url: str  # the page URL as MkDocs gives it
    sections: list[tuple[str, str]] = field(default_factory=list)  # (title, anchor)


@dataclass
class Group:
    title: str
    entries: list[Entry]

    @property
    def anchor(self) -> str:
        first = self.entries[0].url.split("/")
        slug = next((part for part in first if part and part != "en" and "." not in part), "")
        return f"kit-{slug or 'trang-chu'}"


@marker("meeting-kit")
def render_placeholder(_argument: str, _language: str) -> str:
    return PLACEHOLDER


def plain(title_html: str) -> str:
    return html.unescape(_TAGS.sub("", title_html)).strip()


def h2_sections(toc) -> list[tuple[str, str]]:
    """(text, id) of every level-2 heading in a MkDocs table of contents."""
    found = []
    for item in toc:
        if item.level == 2:
            found.append((plain(item.title), item.id))
        found.extend(h2_sections(item.children))
    return found


def _pages_under(item) -> list:
    if getattr(item, "is_page", False):
        return [item]
    return [page for child in getattr(item, "children", None) or [] for page in _pages_under(child)]


def groups_from_nav(nav) -> list[Group]:
    """One group per top-level navigation item (a section, or a page on its own)."""
    groups = []
    for item in nav.items:
        pages = _pages_under(item)
        if not pages:
            continue
        entries = [Entry(plain(page.title or ""), page.url, h2_sections(page.toc)) for page in pages]
        groups.append(Group(plain(item.title or ""), entries))
    return groups


def _card(heading: str, detail: str, href: str, address: str, language: str) -> str:
    detail_html = f'<span class="pccc-kit__section">{html.escape(detail)}</span>' if detail else ""
    return (
        f'<figure class="pccc-kit__card">{svg(address, language)}'
        f'<figcaption><a class="pccc-kit__title" href="{html.escape(href, quote=True)}">{html.escape(heading)}</a>'
        f"{detail_html}{address_link(address)}</figcaption></figure>"
    )


def render(groups: list[Group], site_url: str, relative, language: str) -> str:
    """HTML of the kit; ``relative(url)`` turns a site URL into a link from the kit page."""
    words = TEXT[language]
    jumps = " · ".join(f'<a href="#{group.anchor}">{html.escape(group.title)}</a>' for group in groups)
    parts = ['<div class="pccc-kit">', f'<p class="pccc-kit__jump">{jumps}</p>']
    for group in groups:
        parts.append(f'<h2 id="{group.anchor}">{html.escape(group.title)}</h2><div class="pccc-kit__grid">')
        for entry in group.entries:
            address = public_address(site_url, entry.url)
            parts.append(_card(entry.title, words["page"], relative(entry.url), address, language))
            for title, anchor in entry.sections:
                target = f"{entry.url}#{anchor}"
                detail = f"{words['section']}: {title}"
                parts.append(_card(entry.title, detail, relative(entry.url) + f"#{anchor}",
                                   public_address(site_url, target), language))
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def fill(content: str, nav, site_url: str, relative, language: str) -> str:
    """Replace the kit placeholder in a rendered page, if it has one."""
    if PLACEHOLDER not in content:
        return content
    return content.replace(PLACEHOLDER, render(groups_from_nav(nav), site_url, relative, language), 1)
