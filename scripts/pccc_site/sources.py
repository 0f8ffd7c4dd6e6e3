"""The sources the Skills pages cite, from ``docs/_data/sources.yml``.

A page lists its sources with ``<!-- pccc:sources id id ... -->``: each
becomes a list item tagged Vietnamese or international, with a link, the
site it lives on, and a caveat when the source is a copy or a company site.
The same ids give the same list in both languages.

Internal sources (``page:``) are linked relative to ``docs/ky-nang/``,
the only folder whose pages use this marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .data import load, text

ORIGINS = ("vn", "int")
TAGS = {
    "vn": {"vi": "VN", "en": "VN"},
    "int": {"vi": "Quốc tế", "en": "International"},
}
PAGE_PREFIX = "../"  # from docs/ky-nang/<page>.md to docs/


@dataclass(frozen=True)
class Source:
    id: str
    origin: str
    title: dict
    facts: str
    url: str | None = None
    page: str | None = None
    note: dict | None = None

    def link(self) -> str:
        return self.url or PAGE_PREFIX + self.page


def all_sources() -> dict[str, Source]:
    """Every source by id; a malformed entry raises ``ValueError``."""
    sources: dict[str, Source] = {}
    for entry in load("sources.yml"):
        source = Source(**entry)
        if source.id in sources:
            raise ValueError(f"sources.yml: id '{source.id}' is listed twice")
        if source.origin not in ORIGINS:
            raise ValueError(f"sources.yml: '{source.id}' has origin '{source.origin}'; use one of {ORIGINS}")
        if (source.url is None) == (source.page is None):
            raise ValueError(f"sources.yml: '{source.id}' needs exactly one of url or page")
        sources[source.id] = source
    return sources


def allowed_urls() -> set[str]:
    return {source.url for source in all_sources().values() if source.url}


def tag(origin: str, language: str) -> str:
    return TAGS[origin][language]


def render_item(source: Source, language: str) -> str:
    where = f" ({urlsplit(source.url).netloc})" if source.url else ""
    note = f" — {text(source.note, language)}" if source.note else ""
    return f"- \\[{tag(source.origin, language)}\\] [{text(source.title, language)}]({source.link()}){where}{note}"


def render_list(ids: list[str], language: str) -> str:
    sources = all_sources()
    unknown = [source_id for source_id in ids if source_id not in sources]
    if unknown:
        raise ValueError(f"unknown source id(s) {unknown}: add them to docs/_data/sources.yml")
    if not ids:
        raise ValueError("name at least one source id")
    # Vietnamese sources first, then international, each in the page's order.
    ordered = sorted(ids, key=lambda source_id: ORIGINS.index(sources[source_id].origin))
    return "\n".join(render_item(sources[source_id], language) for source_id in ordered) + "\n"


def render_sources(argument: str, language: str) -> str:
    return render_list(argument.split(), language)
