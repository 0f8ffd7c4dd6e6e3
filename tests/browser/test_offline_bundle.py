"""The offline bundle, unzipped and opened from ``file://`` in Chromium with no network.

Every request that is not a local file is blocked and recorded: the test
fails if there is one. Pages, the language switch and search in both
languages must work.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from browser.helpers import type_query
from conftest import PUBLIC_SITE_URL as PUBLIC, KeptContext
from pccc_site import offline

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@pytest.fixture(scope="session")
def bundle_root(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    zip_path = offline.bundle(out, site_url=PUBLIC)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(out / "unzipped")
    return out / "unzipped" / offline.BUNDLE_NAME


@pytest.fixture(scope="session")
def _files_only(browser, bundle_root):
    """A context that may open files only: every other request is refused and listed in ``blocked``."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.blocked = []

    def only_files(route):
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            context.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    yield KeptContext(context, _url(bundle_root, "index.html"))
    context.close()


@pytest.fixture
def offline_page(_files_only):
    with _files_only.tab() as tab:
        yield tab
    blocked, _files_only.context.blocked = _files_only.context.blocked, []
    assert blocked == [], f"the offline bundle asked the network for {blocked}"


def _url(root: Path, relative: str) -> str:
    return (root / relative).as_uri()


def _results(page) -> list[str]:
    items = page.locator(".md-search-result__item")
    items.first.wait_for(timeout=15_000)
    return [item.inner_text() for item in items.all()]


def test_the_zip_holds_both_languages_and_their_search_scripts(bundle_root):
    for relative in ["index.html", "ky-nang/index.html", "en/index.html", "en/ky-nang/index.html",
                     "search/search_index.js", "en/search/search_index.js"]:
        assert (bundle_root / relative).is_file(), relative
    assert (bundle_root / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert not list(bundle_root.rglob("*.map")), "source maps are left out of the bundle"


def test_pages_open_and_links_lead_to_files(offline_page, bundle_root):
    offline_page.goto(_url(bundle_root, "index.html"))
    assert offline_page.title().startswith("Trang chủ")
    offline_page.locator("nav.md-nav--primary a", has_text="Kỹ năng").first.click()
    offline_page.wait_for_load_state()
    assert offline_page.url == _url(bundle_root, "ky-nang/index.html")
    assert offline_page.locator("h1").inner_text().startswith("Kỹ năng")


def test_language_switch_goes_to_the_same_page(offline_page, bundle_root):
    offline_page.goto(_url(bundle_root, "ky-nang/index.html"))
    offline_page.locator(".md-header__option .md-select button").click()
    offline_page.locator(".md-select__link", has_text="English").click()
    offline_page.wait_for_load_state()
    assert offline_page.url == _url(bundle_root, "en/ky-nang/index.html")
    assert offline_page.locator("html").get_attribute("lang") == "en"


def test_vietnamese_search_without_diacritics(offline_page, bundle_root):
    offline_page.goto(_url(bundle_root, "index.html"))
    # search runs in the vendored iframe-worker shim (a hidden iframe): browsers refuse a Worker from file://
    assert offline_page.locator("iframe").count() == 0  # started on first use
    type_query(offline_page, "thoat nan")
    hits = _results(offline_page)
    assert offline_page.locator("iframe[hidden]").count() == 1
    assert any("thoát nạn" in hit.lower() for hit in hits), hits
    first = offline_page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith("file://") and "/en/" not in first


def test_english_search_finds_english_pages_only(offline_page, bundle_root):
    offline_page.goto(_url(bundle_root, "en/ky-nang/index.html"))
    type_query(offline_page, "extinguisher")
    hits = _results(offline_page)
    assert any("extinguisher" in hit.lower() for hit in hits), hits
    links = [a.get_attribute("href") for a in offline_page.locator(".md-search-result__item a").all()]
    assert all(link.startswith(_url(bundle_root, "en/")) for link in links), links
    offline_page.goto(links[0])
    assert "extinguisher" in offline_page.content().lower()


@pytest.mark.parametrize(("start", "query", "lesson"), [
    ("index.html", "thoát nạn", "ky-nang/thoat-nan-toa-nha.html"),  # with diacritics, folded by lunr.vi
    ("en/index.html", "prevention", "en/ky-nang/phong-ngua.html"),  # "Preventing fires": by stem, lunr.en-stem
])
def test_search_support_files_work_from_files_without_a_console_warning(offline_page, bundle_root, start, query, lesson):
    messages: list[str] = []
    offline_page.on("console", lambda message: messages.append(message.text) if message.type in ("warning", "error") else None)
    offline_page.goto(_url(bundle_root, start))
    type_query(offline_page, query)
    _results(offline_page)
    offline_page.wait_for_timeout(300)
    links = [a.get_attribute("href") for a in offline_page.locator(".md-search-result__item > a").all()]
    pages = list(dict.fromkeys(re.split(r"[#?]", link)[0] for link in links))
    assert _url(bundle_root, lesson) in pages[:3], pages[:5]
    assert messages == []


def test_qr_codes_in_the_bundle_encode_the_public_address(bundle_root):
    html = (bundle_root / "en" / "ky-nang" / "index.html").read_text(encoding="utf-8")
    assert f'href="{PUBLIC}en/ky-nang/"' in html
    panel = html.split('class="pccc-trainer"', 1)[1].split("</details>", 1)[0]
    assert "index.html" not in panel


def test_opening_a_page_loads_no_search_index_until_the_search_box_is_focused(offline_page, bundle_root):
    requested: list[str] = []
    offline_page.on("request", lambda request: requested.append(request.url) if "search_index" in request.url else None)
    offline_page.goto(_url(bundle_root, "ky-nang/index.html"))
    offline_page.wait_for_load_state("load")
    offline_page.wait_for_timeout(500)
    assert requested == []
    assert offline_page.evaluate("typeof __index") == "undefined"
    type_query(offline_page, "thoat nan")
    assert any("thoát nạn" in text.lower() for text in _results(offline_page))
    assert requested == [_url(bundle_root, "search/search_index.js")]
