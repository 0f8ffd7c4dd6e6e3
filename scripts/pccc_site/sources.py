"""The source register, ``docs/_data/sources.yml``: every source the site cites.

Each entry has a ``kind`` (official text, government agency, press, private
law-text site, international fire or medical service, company), shown beside
it on the page in the reader's language. A Skills page lists its sources with
``<!-- pccc:sources id id ... -->``: each becomes a list item tagged Vietnamese
or international, with a link, the site it lives on, its kind and a caveat
when the source is a copy. The same ids give the same list in both languages.
The legal pages cite by address (``docs/_data/documents.yml``); the address
must be in the register too.

``check_page_links`` runs on every page: a link to an address missing from the
register, or to a host on the deny list (``docs/_data/sources-denied.yml``),
stops the build with the page and the address.

Internal sources (``page:``) are linked relative to ``docs/ky-nang/``,
the only folder whose pages use this marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .data import derived, load, text

ORIGINS = ("vn", "int")
DENY_FILE = "sources-denied.yml"
# Every kind of source, as shown to the reader. Companies are never a basis on their own.
KINDS = {
    "official-text": {"vi": "văn bản, cổng thông tin chính thức", "en": "official text or portal"},
    "agency": {"vi": "cơ quan nhà nước", "en": "government agency"},
    "press": {"vi": "báo chí", "en": "press report"},
    "law-site": {"vi": "trang văn bản pháp luật tư nhân", "en": "private law-text site"},
    "international": {"vi": "cơ quan PCCC, y tế nước ngoài", "en": "foreign fire or medical service"},
    "education": {"vi": "trường học", "en": "school or university"},
    "commercial": {"vi": "doanh nghiệp", "en": "company"},
}
NOT_A_BASIS = {"commercial"}
TAGS = {
    "vn": {"vi": "VN", "en": "VN"},
    "int": {"vi": "Quốc tế", "en": "International"},
}
PAGE_PREFIX = "../"  # from docs/ky-nang/<page>.md to docs/


@dataclass(frozen=True)
class Source:
    id: str
    origin: str
    kind: str
    title: dict
    facts: str
    url: str | None = None
    page: str | None = None
    note: dict | None = None

    def link(self) -> str:
        return self.url or PAGE_PREFIX + self.page


@derived
def all_sources() -> dict[str, Source]:
    """Every source of the register by id (read once per build); a malformed entry raises ``ValueError``."""
    return read_register(load("sources.yml"), denied_hosts())


def read_register(entries: list[dict], denied_hosts: dict[str, dict]) -> dict[str, Source]:
    """The register's ``entries`` by id, checked; a malformed entry raises ``ValueError``."""
    sources: dict[str, Source] = {}
    for entry in entries:
        source = Source(**entry)
        if source.id in sources:
            raise ValueError(f"sources.yml: id '{source.id}' is listed twice")
        if source.origin not in ORIGINS:
            raise ValueError(f"sources.yml: '{source.id}' has origin '{source.origin}'; use one of {ORIGINS}")
        if source.kind not in KINDS:
            raise ValueError(f"sources.yml: '{source.id}' has kind '{source.kind}'; use one of {sorted(KINDS)}")
        if (source.url is None) == (source.page is None):
            raise ValueError(f"sources.yml: '{source.id}' needs exactly one of url or page")
        denied = denied_hosts.get(host(source.url or ""))
        if denied:
            raise ValueError(f"sources.yml: '{source.id}' is on {host(source.url)}, which is on the deny list ({denied['en']})")
        sources[source.id] = source
    return sources


def host(url: str) -> str:
    return urlsplit(url).netloc.lower()


@derived
def denied_hosts() -> dict[str, dict]:
    """Host → reason {vi, en} of every site on the deny list."""
    return {entry["host"].lower(): entry["reason"] for entry in load(DENY_FILE)}


@derived
def by_url() -> dict[str, Source]:
    return {source.url: source for source in all_sources().values() if source.url}


def allowed_urls() -> set[str]:
    return set(by_url())


def kind_label(url: str, language: str) -> str:
    """The kind of the registered source at ``url``, in the reader's language."""
    return KINDS[by_url()[url].kind][language]


# A link target: Markdown ``](url)``, an autolink ``<url>`` or an HTML ``href="url"`` (code examples are not links).
_EXTERNAL_LINK = re.compile(r"""(?:\]\(|<|href=["'])(https?://[^\s)"'<>]+)""")


def check_page_links(markdown: str, page: str, own_site: str = "") -> list[str]:
    """Every external address in ``markdown`` that the register does not allow, as a message naming ``page``.

    Links to the site's own address (``own_site``, e.g. a quiz sheet's QR target) are not sources.
    """
    registered, denied, problems = by_url(), denied_hosts(), []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for url in _EXTERNAL_LINK.findall(line):
            if own_site and url.startswith(own_site):
                continue
            reason = denied.get(host(url))
            if reason:
                problems.append(
                    f"{page}:{number}: cites {url}, but {host(url)} is on the deny list "
                    f"(docs/_data/{DENY_FILE}: {reason['en']}); cite an official, agency, press or "
                    "international source instead"
                )
            elif url not in registered:
                problems.append(
                    f"{page}:{number}: cites {url}, which is not in the source register "
                    "(docs/_data/sources.yml); add it there with its kind"
                )
    return problems


def tag(origin: str, language: str) -> str:
    return TAGS[origin][language]


def render_item(source: Source, language: str) -> str:
    kind = KINDS[source.kind][language]
    where = f" ({urlsplit(source.url).netloc}; {kind})" if source.url else f" ({kind})"
    note = f" — {text(source.note, language)}" if source.note else ""
    return f"- \\[{tag(source.origin, language)}\\] [{text(source.title, language)}]({source.link()}){where}{note}"


def render_list(ids: list[str], language: str) -> str:
    sources = all_sources()
    unknown = [source_id for source_id in ids if source_id not in sources]
    if unknown:
        raise ValueError(f"unknown source id(s) {unknown}: add them to docs/_data/sources.yml")
    if not ids:
        raise ValueError("name at least one source id")
    if all(sources[source_id].kind in NOT_A_BASIS for source_id in ids):
        raise ValueError("a list of sources needs at least one source that is not a company's")
    # Vietnamese sources first, then international, each in the page's order.
    ordered = sorted(ids, key=lambda source_id: ORIGINS.index(sources[source_id].origin))
    return "\n".join(render_item(sources[source_id], language) for source_id in ordered) + "\n"


def render_sources(argument: str, language: str) -> str:
    return render_list(argument.split(), language)
