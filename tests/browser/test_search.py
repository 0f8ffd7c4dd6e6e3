"""Search in Chromium: Vietnamese typed without diacritics, and one language per site."""

from __future__ import annotations

import pytest

from browser.helpers import type_query


def search(page, url: str, query: str) -> list[dict]:
    page.goto(url)
    type_query(page, query)
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=10_000)
    return [
        {"href": item.locator("a").first.get_attribute("href"), "text": item.inner_text()}
        for item in items.all()
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("thoat nan", "thoát nạn"),
        ("binh chua chay", "bình chữa cháy"),
        ("cuu ho", "cứu hộ"),
        ("doi chieu", "đối chiếu"),
    ],
)
def test_vietnamese_query_without_diacritics_finds_vietnamese_text(page, site, query, expected):
    hits = search(page, site.url("/"), query)
    assert any(expected in hit["text"].lower() for hit in hits), hits
    assert all("/en/" not in hit["href"] for hit in hits), hits


def test_query_with_diacritics_still_works(page, site):
    hits = search(page, site.url("/"), "thoát nạn")
    assert any("thoát nạn" in hit["text"].lower() for hit in hits)


def test_english_site_shows_english_pages_only(page, site):
    hits = search(page, site.url("/en/"), "extinguisher")
    assert hits
    assert all(hit["href"].startswith(site.url("/en/")) for hit in hits), hits


def test_vietnamese_site_shows_no_english_pages(page, site):
    page.goto(site.url("/"))
    type_query(page, "extinguisher")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('…')"
        " && document.querySelector('.md-search-result__meta').textContent.trim() !== ''"
    )
    links = page.locator(".md-search-result__item a.md-search-result__link").all()
    assert all("/en/" not in (link.get_attribute("href") or "") for link in links)
    assert not links, "the Vietnamese site should find no English-only word"


def test_search_result_opens_the_right_page(page, site):
    hits = search(page, site.url("/en/"), "extinguisher")
    page.goto(hits[0]["href"])
    assert page.url.startswith(site.url("/en/"))
    assert "extinguisher" in page.content().lower()
