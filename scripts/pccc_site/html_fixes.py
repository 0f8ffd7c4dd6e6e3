"""Small, tested corrections to the HTML Material renders.

Each function takes a page's HTML and returns it changed; each exists for
one reason given in its docstring. They replace template overrides, which
cost an upgrade each.
"""

from __future__ import annotations

import re

_SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
_HEAD_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_CONFIG_BASE = re.compile(r'("base":\s*")([^"]*)(")')
_HEADER_SITE_NAME = re.compile(r'(<div class="md-header__topic">\s*<span class="md-ellipsis">)\s*(.*?)\s*(</span>)', re.DOTALL)
_LOGO_ALT = re.compile(r'(<a [^>]*class="md-header__button md-logo"[^>]*>\s*<img [^>]*?)alt="logo"')


def label_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name)."""
    return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{label}"', 1)


def drop_head_hreflang_links(html: str) -> str:
    """Remove the <head> hreflang links.

    Material's language-selector script fetches ``sitemap.xml`` beside every
    hreflang link; with static-i18n's relative links each page then logs a
    404. The language pairs stay in ``sitemap.xml`` and in the header switcher.
    Only the head is searched: the pattern's leading spaces, retried at every
    space of a whole page, cost more than the rest of these fixes together.
    """
    head, end, body = html.partition("</head>")
    return _HEAD_HREFLANG.sub("", head) + end + body


def point_search_at_language_root(html: str, language_root: str) -> str:
    """Make Material's JS load the search index of the page's own language.

    Material loads ``<base>/search/search_index.json`` and resolves result
    links against ``base``. ``language_root`` is the page's relative path to
    its language's root (``../`` for ``/en/foo/``): the English index lives
    there, with locations relative to it.
    """
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{language_root}{m.group(3)}", html, count=1)


def short_site_name(html: str, short_name: str) -> str:
    """Give the header's site name a short form for narrow screens (site.css picks one).

    At 360 px Material cuts the full name to "PCCC và CN…"; the short form
    fits. Both stay in the page; the hidden one is ``display: none``, so a
    screen reader reads only the one shown.
    """
    def both(match: re.Match) -> str:
        return (f'{match[1]}<span class="pccc-name-long">{match[2]}</span>'
                f'<span class="pccc-name-short">{short_name}</span>{match[3]}')

    return _HEADER_SITE_NAME.sub(both, html, count=1)


def empty_logo_alt(html: str) -> str:
    """Material writes ``alt="logo"`` (English) on the header logo, inside a link already named
    after the site: the image is decoration there, so its text alternative is empty."""
    return _LOGO_ALT.sub(r'\1alt=""', html, count=1)
