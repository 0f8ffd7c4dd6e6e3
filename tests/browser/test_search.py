"""Search in Chromium: Vietnamese typed without diacritics, and one language per site."""

from __future__ import annotations

import re

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


INDEX_FILES = ("search_index.json", "search_index.js")
SEARCH_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


def _index_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if request.url.endswith(INDEX_FILES) else None)
    return requests


def _worker_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url) if SEARCH_WORKER.search(request.url) else None)
    return requests


@pytest.mark.parametrize("path", ["/", "/ky-nang/", "/en/", "/en/ky-nang/"])
def test_loading_a_page_fetches_neither_the_search_index_nor_the_search_worker(page, site, path):
    requests, worker = _index_requests(page), _worker_requests(page)
    page.goto(site.url(path))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading and scrolling is not searching
    page.wait_for_timeout(300)
    assert requests == [] and worker == []


@pytest.mark.parametrize(("path", "index"), [("/", "/search/search_index.json"), ("/en/", "/en/search/search_index.json")])
def test_focusing_the_search_box_fetches_the_index_of_the_pages_language_and_search_works(page, site, path, index):
    requests, worker = _index_requests(page), _worker_requests(page)
    page.goto(site.url(path))
    page.wait_for_load_state("networkidle")
    assert requests == []
    box = page.locator("input.md-search__input")
    with page.expect_request(lambda request: request.url.endswith(INDEX_FILES)):
        box.focus()
    assert [url.replace(site.url(""), "/").replace("//", "/") for url in requests] == [index]
    query = "thoat nan" if path == "/" else "escape"
    box.press_sequentially(query, delay=20)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len(worker) == 1  # started once the index came
    assert len(requests) == 1  # and the index is fetched once


def test_the_keyboard_shortcut_opens_search_and_it_works(page, site):
    requests = _index_requests(page)
    page.goto(site.url("/"))
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.keyboard.type("binh chua chay", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len(requests) == 1


def test_the_search_shim_is_an_outside_file_loaded_before_the_bundle(site):
    html = (site.root / "index.html").read_text(encoding="utf-8")
    shim = html.index('src="assets/javascripts/search-on-demand.js"')
    assert shim < html.index("assets/javascripts/bundle.")
    assert (site.root / "assets" / "javascripts" / "search-on-demand.js").is_file()


@pytest.mark.parametrize(("path", "query"), [("/", "thoat nan"), ("/", "thoát nạn"), ("/en/", "escape"), ("/en/", "stuck in a lift")])
def test_searching_logs_no_console_warning(page, site, path, query):
    """lunr warns about a pipeline function that is not registered (lunr.vi's stop-word filter was not;
    the accent folding and the English stems must be), and Material warns about a query it cannot parse."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}") if message.type in ("warning", "error") else None)
    hits = search(page, site.url(path), query)
    page.wait_for_timeout(300)
    assert hits and messages == []
