"""Markdown markers that the build expands from data.

A marker is an HTML comment such as ``<!-- pccc:documents-table -->`` or
``<!-- pccc:document-facts ct-47-2015 -->``. Without the hook it is
invisible; with it, the named renderer replaces it with Markdown in the
page's language. An unknown marker stops the build with its page and line,
so a typo never ships silently.

A renderer takes ``(argument, language)`` and returns Markdown. The site's
renderers are listed in one table, ``RENDERERS`` in ``pccc_site.renderers``;
this module only finds markers and calls the table it is given.
"""

from __future__ import annotations

import re
from typing import Callable, Mapping

Renderer = Callable[[str, str], str]

MARKER = re.compile(r"<!--\s*pccc:(?P<name>[a-z0-9-]+)(?:\s+(?P<arg>[^>]*?))?\s*-->")


class MarkerError(ValueError):
    """A marker names no renderer, or its renderer rejected the argument."""


def expand_markers(markdown: str, language: str, source: str, renderers: Mapping[str, Renderer]) -> str:
    """Replace every marker in ``markdown`` with what ``renderers`` make of it.

    ``source`` names the page in errors.
    """

    def replace(match: re.Match) -> str:
        name, arg = match.group("name"), (match.group("arg") or "").strip()
        line = markdown.count("\n", 0, match.start()) + 1
        render = renderers.get(name)
        if render is None:
            known = ", ".join(sorted(renderers)) or "none"
            raise MarkerError(f"{source}:{line}: unknown marker 'pccc:{name}' (known: {known})")
        try:
            return render(arg, language)
        except (KeyError, ValueError) as error:
            raise MarkerError(f"{source}:{line}: marker 'pccc:{name} {arg}': {error}") from error

    return MARKER.sub(replace, markdown)
