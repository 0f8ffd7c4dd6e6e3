"""Sweeps over every built page in both languages, in Chromium.

- nothing is requested from a host other than the test server;
- the quiz, meeting-mode and sheet files load on their own pages only;
- axe-core finds no serious or critical accessibility violation;
- at 360 px nothing is wider than the screen;
- phone and desktop screenshots of a few pages are written to test-artifacts/
  for people to look at.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser.helpers import blocking_violations, load_axe_on_every_page, type_query
from conftest import ARTIFACTS, DESKTOP, PHONE

# Pages also photographed during the sweep, at both widths, for people to look at (test-artifacts/).
PHOTOGRAPHED = {"", "en/", "ky-nang/", "en/ky-nang/", "ke-hoach/", "en/ke-hoach/"}



def pages_of(site, language: str) -> list[str]:
    """The language's pages: English under en/, Vietnamese everywhere else."""
    return [url for url in site.pages() if url.startswith("en/") == (language == "en")]


def quiz_assets_expected(url: str) -> list[str]:
    """What a page loads from assets/quiz/: a quiz its script and style, meeting mode its own,
    printable sheets and answer keys the sheet style, and every other page nothing."""
    parts = url.removeprefix("en/").strip("/").split("/")
    if parts[0] != "trac-nghiem" or len(parts) == 1:
        return []
    own = {"trinh-chieu": ["meeting.css", "meeting.js"], "phieu": ["sheet.css"], "dap-an": ["sheet.css"]}
    return [f"/assets/quiz/{name}" for name in (own[parts[2]] if len(parts) == 3 else ["quiz.css", "quiz.js"])]


def _quiz_assets(seen: list[str]) -> list[str]:
    return sorted({urlsplit(u).path for u in seen if "/assets/quiz/" in urlsplit(u).path})


def _outside_requests(seen: list[str], own_host: str) -> list[str]:
    return [u for u in seen if urlsplit(u).scheme not in {"data", "blob"} and urlsplit(u).netloc != own_host]


@pytest.mark.parametrize("language", ["vi", "en"])  # two tests, so that two workers share the sweep
def test_every_page_stays_home_is_accessible_and_fits_a_phone(browser, site, language):
    """One visit per page for every per-page check: each page is opened once at
    desktop width and checked with axe, narrowed in place to 360 px and measured;
    on the home pages search is then used and axe runs again with its results
    open. Every request of the visit is checked for outside hosts, and for the
    files of assets/quiz/ the page should load."""
    own_host = urlsplit(site.origin).netloc
    context = load_axe_on_every_page(browser.new_context(base_url=site.origin, viewport=DESKTOP))
    try:
        _sweep(context.new_page(), site, language, own_host)
    finally:
        context.close()


def _sweep(page, site, language: str, own_host: str) -> None:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    outside, inaccessible, too_wide, blank, wrong_assets = {}, {}, {}, [], {}
    ARTIFACTS.mkdir(exist_ok=True)
    urls = pages_of(site, language)
    assert len(urls) >= 70, urls  # every page of the language, trainer pages included
    for url in urls:
        seen.clear()
        page.set_viewport_size(DESKTOP)
        page.goto(site.url(url))
        blocking = blocking_violations(page)
        photograph(page, url, "desktop", blank)
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width
        photograph(page, url, "phone", blank)
        if url in {"", "en/"}:  # search's worker, index and lunr's language files load on first use
            page.set_viewport_size(DESKTOP)
            type_query(page, "pccc")
            page.locator(".md-search-result__item").first.wait_for()
            blocking += blocking_violations(page)  # with the results open
        if blocking:
            inaccessible[url] = blocking
        if found := _outside_requests(seen, own_host):
            outside[url] = found
        if (loaded := _quiz_assets(seen)) != quiz_assets_expected(url):
            wrong_assets[url] = loaded
    assert outside == {}, "pages that request another host"
    assert inaccessible == {}, "pages with serious or critical axe findings"
    assert too_wide == {}, "pages wider than a 360 px phone"
    assert wrong_assets == {}, "pages that load the wrong files of assets/quiz/"
    assert blank == [], "screenshots that came out (nearly) empty"


def photograph(page, url: str, label: str, blank: list[str]) -> None:
    if url not in PHOTOGRAPHED:
        return
    target = ARTIFACTS / f"{(url.strip('/') or 'home').replace('/', '_')}-{label}.png"
    page.screenshot(path=str(target), full_page=True)
    if target.stat().st_size <= 10_000:
        blank.append(target.name)


def test_axe_in_dark_mode_and_on_a_phone(browser, site):
    context = browser.new_context(base_url=site.origin, viewport=PHONE, color_scheme="dark", is_mobile=True)
    tab = load_axe_on_every_page(context).new_page()
    try:
        for url in ["", "en/", "ky-nang/", "en/phap-ly/"]:
            tab.goto(site.url(url))
            assert blocking_violations(tab) == [], url
    finally:
        context.close()
