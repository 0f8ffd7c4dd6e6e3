"""QR codes of public page addresses, as inline SVG, and the "for trainers" panel.

A trainer projects a page; people scan its QR code and land on the same
page on their phone. The code encodes the page's PUBLIC address: the
configured ``site_url`` joined with the page URL, so building with another
``SITE_URL`` changes every code. Codes are drawn by segno at build time:
no outside service, no image file.

Which address is printed is decided once, by ``printed_site_url``: a
public ``SITE_URL`` is used as it is; an unset or loopback one gives no code
and no address at all, unless the build is a local preview (``mkdocs serve``,
or ``PCCC_PREVIEW=1`` for tests), where every code for a loopback address
carries a visible "local preview" note.

``PCCC_QR=0`` in the environment skips drawing the codes (the panel keeps
the address); the benchmark uses it to measure what the codes cost.
"""

from __future__ import annotations

import html
import ipaddress
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import segno

from . import disk_cache

PANEL_CLASS = "pccc-trainer"
TEXT = {
    "vi": {
        "summary": "Dành cho người tập huấn",
        "hint": "Quét mã để mở trang này trên điện thoại.",
        "label": "Mã QR của địa chỉ {address}",
        "preview": "Bản xem thử trên máy này: mã QR và địa chỉ chỉ mở được trên chính máy tính này. "
                   "Khi xuất bản, đặt SITE_URL là địa chỉ công khai của trang.",
    },
    "en": {
        "summary": "For trainers",
        "hint": "Scan the code to open this page on a phone.",
        "label": "QR code of the address {address}",
        "preview": "Local preview: this code and address open only on this computer. "
                   "To publish, set SITE_URL to the site's public address.",
    },
}


HOW_TO_SET = (
    "No QR code and no printed address in this build: SITE_URL is {state}. "
    "Set it to the public address, e.g. SITE_URL=https://pccc.example.gov.vn/ make build"
)


def enabled() -> bool:
    return os.environ.get("PCCC_QR", "1") != "0"


def is_loopback(site_url: str) -> bool:
    """True for an unset address and for addresses that open only on the computer itself."""
    host = urlsplit(site_url).hostname or ""
    if host in {"", "localhost"} or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def printed_site_url(site_url: str, serving: bool) -> str:
    """The one decision on which address QR codes and printed addresses use.

    A public ``site_url`` is used as is. An unset or loopback one is used
    only for a local preview (``serving``, or ``PCCC_PREVIEW=1``); otherwise
    "" and nothing is printed (see ``public_address``, ``svg``).
    """
    if not is_loopback(site_url):
        return site_url
    if serving or os.environ.get("PCCC_PREVIEW") == "1":
        return site_url
    return ""


def how_to_set(site_url: str) -> str:
    """One line for the build log when ``printed_site_url`` gives ""."""
    return HOW_TO_SET.format(state=f"a local address ({site_url})" if site_url else "not set")


def directory_url(page_url: str) -> str:
    """The address a page has on the public site, whatever ``use_directory_urls`` says.

    The offline build writes ``ky-nang/index.html`` and ``thuat-ngu.html``;
    the public site serves them as ``ky-nang/`` and ``thuat-ngu/``.
    """
    path, hash_mark, fragment = page_url.partition("#")
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path + hash_mark + fragment


def public_address(site_url: str, page_url: str) -> str:
    """Absolute public address of a page (``page_url`` as MkDocs gives it, may carry ``#anchor``).

    "" when ``site_url`` is "" (no address to print).
    """
    if not site_url:
        return ""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, directory_url(page_url).lstrip("/"))


_SVG_OPTIONS = {"light": "#fff", "omitsize": True, "svgclass": "pccc-qr"}
# Drawing a code is most of a build's time (segno tries all eight masks); the
# same address always gives the same drawing, so each is kept on disk, named
# by a hash of everything that shapes it, and drawn again only when that changes.
CACHE_DIR = Path(os.environ.get("PCCC_QR_CACHE", disk_cache.CACHE_ROOT / "qr"))


@lru_cache(maxsize=None)
def _svg_body(address: str) -> str:
    cached = CACHE_DIR / f"{disk_cache.key_of(segno.__version__, address, sorted(_SVG_OPTIONS.items()))}.svg"
    drawn = disk_cache.remembered(cached, lambda: segno.make(address, micro=False).svg_inline(**_SVG_OPTIONS).encode("utf-8"))
    return drawn.decode("utf-8")


def svg(address: str, language: str) -> str:
    """Inline SVG QR code of ``address`` with an accessible name, or "" when codes are off or no address."""
    if not enabled() or not address:
        return ""
    label = html.escape(TEXT[language]["label"].format(address=address), quote=True)
    return _svg_body(address).replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def address_link(address: str) -> str:
    if not address:
        return ""
    escaped = html.escape(address, quote=True)
    return f'<a class="pccc-address" href="{escaped}">{escaped}</a>'


def preview_note(address: str, language: str) -> str:
    """The visible note beside a code for a loopback address (a local preview), else ""."""
    if not address or not is_loopback(address):
        return ""
    return f'<p class="{PANEL_CLASS}__preview">{TEXT[language]["preview"]}</p>'


def trainer_panel(address: str, language: str, extra: str = "") -> str:
    """The collapsible "for trainers" area: QR code, the address as text, a hint, then ``extra`` HTML.

    Without an address (see ``printed_site_url``) only ``extra`` is left, or nothing.
    """
    text = TEXT[language]
    body = (
        f'<div class="{PANEL_CLASS}__body">{svg(address, language)}'
        f'<p>{text["hint"]}<br>{address_link(address)}</p></div>{preview_note(address, language)}'
        if address else ""
    )
    if not body and not extra:
        return ""
    return f'<details class="{PANEL_CLASS}"><summary>{text["summary"]}</summary>{body}{extra}</details>'



def insert_panel(page_html: str, panel: str) -> str:
    """Put ``panel`` at the end of the page's main article (Material's ``md-content__inner``)."""
    start = page_html.find('<article class="md-content__inner')
    end = page_html.rfind("</article>")
    if not panel or start < 0 or end < start:
        return page_html
    return page_html[:end] + panel + page_html[end:]
