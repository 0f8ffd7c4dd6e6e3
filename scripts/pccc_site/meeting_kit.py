"""The meeting kit: one card per page, grouped like the navigation, with QR codes on demand.

The page ``tap-huan/bo-cong-cu-cuoc-hop`` holds the marker
``<!-- pccc:meeting-kit -->``. The marker leaves a placeholder; once every
page of the language is rendered, the hook replaces it with the kit. The
list is built from the navigation and the rendered tables of contents, so
pages added later appear without editing the kit. It is filled in after the
search index has read the page, so the titles it repeats stay out of search.

Each card holds the page's title and a closed disclosure with the QR codes
of the page and of each of its ``## `` sections, their names and
addresses. The codes are separate SVG files (``assets/qr/<hash>.svg``,
written by the hook) shown as ``<img loading="lazy">``: the browser fetches
one only when its disclosure is opened. The page itself stays small; a
filter box (``assets/javascripts/kit.js``) finds a card by its title or a
section name, and its print button fetches the codes that print before it
opens the browser's print dialog.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import qr

PLACEHOLDER = '<div class="pccc-kit" data-pccc-kit></div>'
IMAGE_DIR = "assets/qr"
STYLESHEET = "assets/stylesheets/kit.css"
SCRIPT = "assets/javascripts/kit.js"
_TAGS = re.compile(r"<[^>]+>")
TEXT = {
    "vi": {
        "page": "Cả trang",
        "alt": "Mã QR: {name}",
        "codes": "Mã QR của trang và {n} {unit}",
        "codes_one": "Mã QR của trang",
        "addresses": "Địa chỉ của trang và {n} {unit}",
        "unit": ("mục", "mục"),
        "addresses_one": "Địa chỉ của trang",
        "filter": "Lọc theo tên trang hoặc tên mục",
        "count": "{shown} trên {total} trang khớp.",
        "all": "Đang hiện cả {total} trang.",
        "none": "Không có trang nào khớp. Thử một từ khác, có dấu hay không dấu đều được.",
        "jump": "Các phần",
        "print": "In bộ công cụ",
    },
    "en": {
        "page": "Whole page",
        "alt": "QR code: {name}",
        "codes": "QR codes: the page and {n} {unit}",
        "codes_one": "QR code of the page",
        "addresses": "Addresses: the page and {n} {unit}",
        "unit": ("section", "sections"),
        "addresses_one": "Address of the page",
        "filter": "Filter by page or section name",
        "count": "{shown} of {total} pages match.",
        "all": "Showing all {total} pages.",
        "none": "No page matches. Try another word.",
        "jump": "Parts",
        "print": "Print the kit",
    },
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


@dataclass
class Kit:
    html: str
    images: dict[str, str]  # path under the site root -> SVG file text


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


def image_path(address: str) -> str:
    """Where the QR code of ``address`` is written, under the site root (named by a hash of the address)."""
    return f"{IMAGE_DIR}/{hashlib.sha256(address.encode('utf-8')).hexdigest()[:12]}.svg"


def svg_file(inline_svg: str) -> str:
    """A standalone SVG file from the inline SVG that ``qr.svg`` draws (which leaves out the namespace)."""
    if "xmlns=" in inline_svg:
        return inline_svg
    return inline_svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)


class _Builder:
    """Collects the HTML of the kit and the QR image files it refers to."""

    def __init__(self, site_url: str, relative, language: str):
        self.site_url, self.relative, self.language = site_url, relative, language
        self.words = TEXT[language]
        self.images: dict[str, str] = {}

    def qr_image(self, address: str, name: str) -> str:
        """An ``<img>`` of the address's QR code, fetched when shown; "" when no code is drawn."""
        drawn = qr.svg(address, self.language)
        if not drawn:
            return ""
        path = image_path(address)
        self.images[path] = svg_file(drawn)
        alt = html.escape(self.words["alt"].format(name=name), quote=True)
        return f'<img src="{html.escape(self.relative(path), quote=True)}" alt="{alt}" loading="lazy">'

    def code(self, name: str, link: str, address: str, css_class: str = "", alt_name: str = "") -> str:
        """One code of a card: the QR image, the name (a link when ``link``), the address as text."""
        label = f'<a href="{html.escape(link, quote=True)}">{html.escape(name)}</a>' if link else html.escape(name)
        attribute = f' class="{css_class}"' if css_class else ""
        return (
            f"<li{attribute}>{self.qr_image(address, alt_name or name)}{label} "
            f'<span class="pccc-address">{html.escape(address)}</span></li>'
        )

    def summary(self, sections: int, drawn: bool) -> str:
        key = "codes" if drawn else "addresses"
        if not sections:
            return self.words[f"{key}_one"]
        return self.words[key].format(n=sections, unit=self.words["unit"][sections != 1])

    def card(self, entry: Entry) -> str:
        page_link = self.relative(entry.url)
        heading = (
            f'<li class="pccc-kit__card"><a class="pccc-kit__title" href="{html.escape(page_link, quote=True)}">'
            f"{html.escape(entry.title)}</a>"
        )
        page_address = qr.public_address(self.site_url, entry.url)
        if not page_address:  # no public address in this build: nothing to scan or print
            return heading + "</li>"
        codes = [self.code(self.words["page"], "", page_address, "pccc-kit__page", entry.title)]
        for title, anchor in entry.sections:
            address = qr.public_address(self.site_url, f"{entry.url}#{anchor}")
            codes.append(self.code(title, f"{page_link}#{anchor}", address))
        drawn = "<img " in codes[0]
        return (
            heading + f'<details class="pccc-kit__codes"><summary>{html.escape(self.summary(len(entry.sections), drawn))}</summary>'
            f'<ul class="pccc-kit__code-list">{"".join(codes)}</ul></details></li>'
        )

    def filter_box(self) -> str:
        words = self.words
        attributes = "".join(f' data-{name}="{html.escape(words[name], quote=True)}"' for name in ("count", "all", "none"))
        return (
            f'<div class="pccc-kit__filter" hidden{attributes}>'
            f'<label for="pccc-kit-filter">{words["filter"]}</label>'
            '<input id="pccc-kit-filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="pccc-kit-count">'
            '<p id="pccc-kit-count" class="pccc-kit__count" role="status"></p>'
            f'<p><button type="button" class="md-button pccc-kit__print">{words["print"]}</button></p></div>'
        )

    def render(self, groups: list[Group]) -> str:
        jumps = "".join(f'<li><a href="#{group.anchor}">{html.escape(group.title)}</a></li>' for group in groups)
        parts = [
            f'<link rel="stylesheet" href="{html.escape(self.relative(STYLESHEET), quote=True)}">',
            f'<script defer src="{html.escape(self.relative(SCRIPT), quote=True)}"></script>',
            '<div class="pccc-kit">',
            self.filter_box(),
            f'<nav class="pccc-kit__jump" aria-label="{self.words["jump"]}"><ul>{jumps}</ul></nav>',
        ]
        for group in groups:
            parts.append(
                f'<section class="pccc-kit__group" aria-labelledby="{group.anchor}">'
                f'<h2 id="{group.anchor}">{html.escape(group.title)}</h2><ul class="pccc-kit__grid">'
            )
            parts.extend(self.card(entry) for entry in group.entries)
            parts.append("</ul></section>")
        parts.append("</div>")
        return "".join(parts)


def render(groups: list[Group], site_url: str, relative, language: str) -> Kit:
    """The kit's HTML and its QR image files; ``relative(url)`` turns a site path into a link from the kit page."""
    builder = _Builder(site_url, relative, language)
    return Kit(builder.render(groups), builder.images)


def fill(content: str, nav, site_url: str, relative, language: str) -> Kit | None:
    """The page content with its kit placeholder filled in, or None when the page has none."""
    if PLACEHOLDER not in content:
        return None
    kit = render(groups_from_nav(nav), site_url, relative, language)
    return Kit(content.replace(PLACEHOLDER, kit.html, 1), kit.images)


def write_images(site_dir: Path, images: dict[str, str]) -> None:
    for path, text in images.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
