"""Every page exists in both languages, with matching metadata and anchors."""

from __future__ import annotations

import re

import pytest

from pccc_site.pages import (
    KINDS,
    REQUIRED_KEYS,
    TRANSLATED_KEYS,
    front_matter,
    h2_headings,
    orphan_translations,
    source_pages,
)

# Pages deliberately published in one language only, with the reason.
# (None today: every page has both languages.)
SINGLE_LANGUAGE_ALLOWLIST: dict[str, str] = {}

PAGES = source_pages()
PAGE_IDS = [page.name for page in PAGES]


def test_the_site_has_pages():
    assert len(PAGES) >= 7


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_page_has_an_english_twin(page):
    if page.name in SINGLE_LANGUAGE_ALLOWLIST:
        pytest.skip(SINGLE_LANGUAGE_ALLOWLIST[page.name])
    assert page.en.exists(), f"{page.name} has no English twin: create {page.en.name} beside it"


def test_no_english_page_without_a_vietnamese_page():
    assert orphan_translations() == []


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_front_matter_has_the_required_keys(page):
    for path in (page.vi, page.en):
        meta = front_matter(path)
        missing = REQUIRED_KEYS - meta.keys()
        assert not missing, f"{path.name}: add {sorted(missing)} to the front matter"
        assert meta["kind"] in KINDS, f"{path.name}: kind must be one of {sorted(KINDS)}"
        for key in TRANSLATED_KEYS:
            assert str(meta[key]).strip(), f"{path.name}: '{key}' is empty"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_language_neutral_front_matter_is_identical(page):
    vi, en = front_matter(page.vi), front_matter(page.en)
    neutral_vi = {k: v for k, v in vi.items() if k not in TRANSLATED_KEYS}
    neutral_en = {k: v for k, v in en.items() if k not in TRANSLATED_KEYS}
    assert neutral_vi == neutral_en


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_every_h2_has_an_explicit_ascii_anchor(page):
    for path in (page.vi, page.en):
        for text, anchor in h2_headings(path):
            assert anchor, f"{path.name}: give '## {text}' an anchor, e.g. '## {text} {{ #short-ascii-id }}'"


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_h2_anchors_are_identical_in_both_languages(page):
    vi = [anchor for _, anchor in h2_headings(page.vi)]
    en = [anchor for _, anchor in h2_headings(page.en)]
    assert vi == en


def _built_h2_ids(html: str) -> list[str]:
    content = html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
    return re.findall(r'<h2 id="([^"]+)"', content)


def test_built_pages_have_identical_h2_anchors_in_both_languages(site):
    pages = [url for url in site.pages() if not url.startswith("en/")]
    assert pages
    for url in pages:
        vi = (site.root / url / "index.html").read_text(encoding="utf-8")
        en = (site.root / "en" / url / "index.html").read_text(encoding="utf-8")
        assert _built_h2_ids(vi) == _built_h2_ids(en), url
