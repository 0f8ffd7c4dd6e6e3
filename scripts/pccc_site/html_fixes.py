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


def label_search_dialog(html: str, label: str) -> str:
    """Give Material's search dialog an accessible name (axe: aria-dialog-name)."""
    return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG} aria-label="{label}"', 1)


def drop_head_hreflang_links(html: str) -> str:
    """Remove the <head> hreflang links.

    Material's language-selector script fetches ``sitemap.xml`` beside every
    hreflang link; with static-i18n's relative links each page then logs a
    404. The language pairs stay in ``sitemap.xml`` and in the header switcher.
    """
    return _HEAD_HREFLANG.sub("", html)


def point_search_at_language_root(html: str, language_root: str) -> str:
    """Make Material's JS load the search index of the page's own language.

    Material loads ``<base>/search/search_index.json`` and resolves result
    links against ``base``. ``language_root`` is the page's relative path to
    its language's root (``../`` for ``/en/foo/``): the English index lives
    there, with locations relative to it.
    """
    return _CONFIG_BASE.sub(lambda m: f"{m.group(1)}{language_root}{m.group(3)}", html, count=1)
