"""Posters: a lesson summed up on one A4 sheet, for a trainer to print and pin up.

A poster is an ordinary page, ``docs/tap-huan/ap-phich-<lesson>.md`` and its
English twin, written by hand inside ``<div class="pccc-poster" markdown>``:
the lesson's title, its figures (``<!-- pccc:figure slug -->``) and five to
seven short lines taken from the lesson. It ends with

    <!-- pccc:poster-qr ky-nang/<lesson>.md -->

which becomes the lesson's QR code and public address, so whoever reads the
sheet on the wall can open the whole lesson on a phone. The marker leaves a
placeholder; the hook fills it in once the site's address is known, with the
QR module's own functions. ``posters.css`` lays the page out on one A4 sheet
in print.
"""

from __future__ import annotations

import html
import re

from . import qr
from .pages import DOCS

DEFAULT_LANGUAGE = "vi"
TEXT = {
    "vi": "Quét mã để đọc cả bài:",
    "en": "Scan the code to read the whole lesson:",
}
_PLACEHOLDER = '<div class="pccc-poster__qr" data-pccc-poster-lesson="{url}"></div>'
_FILLED_LATER = re.compile(r'<div class="pccc-poster__qr" data-pccc-poster-lesson="(?P<url>[a-z0-9/-]+)"></div>')


def lesson_url(source: str, language: str) -> str:
    """The site URL of a lesson page in ``language``: ``ky-nang/x.md`` -> ``ky-nang/x/`` or ``en/ky-nang/x/``."""
    if not re.fullmatch(r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md", source) or source.endswith(".en.md"):
        raise ValueError(f"'{source}': name the lesson's Vietnamese file under docs/, e.g. ky-nang/so-cuu.md")
    if not (DOCS / source).exists():
        raise ValueError(f"'{source}' is not a page in docs/")
    path = source[: -len(".md")]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return path if language == DEFAULT_LANGUAGE else f"{language}/{path}"


def render_placeholder(argument: str, language: str) -> str:
    return "\n\n" + _PLACEHOLDER.format(url=lesson_url(argument, language)) + "\n\n"


def qr_block(site_url: str, url: str, language: str) -> str:
    """The lesson's QR code and address; nothing when the QR module gives no address to print."""
    address = qr.public_address(site_url, url)
    if not address:
        return ""
    return (
        f'<div class="pccc-poster__qr">{qr.svg(address, language)}'
        f"<p>{html.escape(TEXT[language])}<br>{qr.address_link(address)}{_preview_line(address, language)}</p></div>"
    )


def _preview_line(address: str, language: str) -> str:
    """In a local preview, the warning goes beside the code, on the same sheet (see ``qr.preview_note``)."""
    if not qr.is_loopback(address):
        return ""
    return f'<br><small class="pccc-poster__preview">{qr.TEXT[language]["preview"]}</small>'


def fill(content: str, site_url: str, language: str) -> str:
    """Replace each poster placeholder in a rendered page with the lesson's QR code and address."""
    return _FILLED_LATER.sub(lambda match: qr_block(site_url, match.group("url"), language), content)
