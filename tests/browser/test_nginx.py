"""The site behind Debian's nginx with the configuration the build ships (site/_server/nginx-site.conf).

Chromium loads a page of each kind in both languages under the shipped
Content-Security-Policy: no violation, no console error; search and a quiz
still work. Plain HTTP requests check compression, cache headers and the
404 pages. One build, one nginx for the whole module (``nginx_site``).
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request

import brotli
import pytest

from browser.helpers import type_query
from conftest import DESKTOP, KeptContext
from pccc_site import webserver

PAGES = {
    "home": "",
    "lesson": "ky-nang/thoat-nan-toa-nha/",
    "legal": "phap-ly/luat-55-2024-qh15/",
    "quiz": "trac-nghiem/kien-thuc-co-ban/",
    "meeting mode": "trac-nghiem/kien-thuc-co-ban/trinh-chieu/",
    "answer key": "trac-nghiem/kien-thuc-co-ban/dap-an/",
    "trainer kit": "tap-huan/bo-cong-cu-cuoc-hop/",
    "checklist": "ky-nang/phieu-tu-kiem-tra/",
}
PREFIX = {"vi": "", "en": "en/"}
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture(scope="session")
def _watched_context(browser, nginx_site):
    context = browser.new_context(base_url=nginx_site.origin, viewport=DESKTOP)
    context.add_init_script(WATCH_VIOLATIONS)
    yield KeptContext(context, nginx_site.url("404.html"))
    context.close()


@pytest.fixture
def tab(_watched_context):
    """A Chromium tab that records CSP violations, uncaught errors and console errors."""
    with _watched_context.tab() as page:
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
        page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
        yield page


def _problems(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__violations") + page.errors


def _request(site, path: str, encoding: str | None = None):
    """(status, headers, raw body) of a GET; bodies are not decompressed."""
    request = urllib.request.Request(site.url(path), headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def _fingerprinted(site) -> list[str]:
    return webserver.fingerprinted_files(site.root)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", PAGES)
def test_page_runs_under_the_strict_policy(tab, nginx_site, kind, language):
    response = tab.goto(PREFIX[language] + PAGES[kind])
    assert response.status == 200
    policy = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    if kind == "meeting mode":  # its script ran: the presentation view sets the page's chrome aside
        assert tab.locator("html.pccc-presenting .pccc-meet.is-live").is_visible()
    else:
        tab.locator("details.pccc-trainer > summary").click()  # the QR code and the preview note
        assert tab.locator("details.pccc-trainer svg.pccc-qr").is_visible()
    assert _problems(tab) == []


@pytest.mark.parametrize("language, query, expected", [("vi", "thoat nan", "thoát nạn"), ("en", "extinguisher", "extinguisher")])
def test_search_works_under_the_policy(tab, nginx_site, language, query, expected):
    tab.goto(PREFIX[language])
    type_query(tab, query)
    items = tab.locator(".md-search-result__item")
    items.first.wait_for(timeout=10_000)
    assert expected in items.first.inner_text().lower()
    assert _problems(tab) == []


@pytest.mark.parametrize("language, verdict", [("vi", "Đúng."), ("en", "Right.")])
def test_a_quiz_can_be_answered_under_the_policy(tab, nginx_site, language, verdict):
    from pccc_site.quiz.validate import check_bank

    quiz = next(quiz for quiz in check_bank().sets if quiz.id == "kien-thuc-co-ban")
    question = quiz.questions[0]
    right = next(option.id for option in question.options if option.correct)
    tab.goto(PREFIX[language] + PAGES["quiz"])
    block = tab.locator(f'.pccc-quiz__question[data-id="{question.id}"]')
    block.locator(f'li[data-option="{right}"] label').click()
    block.locator(".pccc-quiz__check").click()
    assert block.locator(".pccc-quiz__verdict").inner_text() == verdict
    assert _problems(tab) == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_missing_page_gets_the_404_of_its_language(tab, nginx_site, language):
    response = tab.goto(PREFIX[language] + "khong-co-trang-nay/")
    assert response.status == 404
    assert tab.locator("html").get_attribute("lang") == language
    assert tab.locator("h1").inner_text() == {"vi": "404 - Không tìm thấy trang", "en": "404 - Not found"}[language]
    switcher = tab.locator("a.md-select__link").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert switcher == ["/", "/en/"]  # the home pages, not the last page static-i18n built
    assert _problems(tab) == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]


def test_generated_configuration_is_not_served(nginx_site):
    for path in ("_server/nginx-site.conf", "_headers"):
        status, _, _ = _request(nginx_site, path)
        assert status == 404, path


@pytest.mark.parametrize("path", ["", "en/ky-nang/", "search/search_index.json", "assets/stylesheets/site.css",
                                  "assets/quiz/quiz.js", "assets/favicon.svg", "sitemap.xml", "FINGERPRINTED"])
def test_responses_are_compressed_by_what_the_browser_accepts(nginx_site, path):
    if path == "FINGERPRINTED":
        path = next(p for p in _fingerprinted(nginx_site) if p.endswith(".js")).lstrip("/")
    on_disk = (nginx_site.root / (path + "index.html" if path == "" or path.endswith("/") else path)).read_bytes()
    status, headers, body = _request(nginx_site, path, "br, gzip")
    assert (status, headers["Content-Encoding"], headers["Vary"]) == (200, "br", "Accept-Encoding")
    assert brotli.decompress(body) == on_disk and len(body) < len(on_disk)
    status, headers, body = _request(nginx_site, path, "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == on_disk
    status, headers, body = _request(nginx_site, path)
    assert headers["Content-Encoding"] is None and body == on_disk


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_briefly(nginx_site):
    fingerprinted = _fingerprinted(nginx_site)
    assert {"bundle", "search", "main", "palette"} <= {p.rsplit("/", 1)[1].split(".")[0] for p in fingerprinted}
    for path in fingerprinted:
        assert _request(nginx_site, path)[1]["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ("", "en/", "ky-nang/", "assets/stylesheets/site.css", "assets/quiz/quiz.js", "search/search_index.json"):
        assert _request(nginx_site, path)[1]["Cache-Control"] == "public, max-age=600, must-revalidate", path


def test_every_response_carries_the_security_headers(nginx_site):
    expected = webserver.security_headers(webserver.inline_script_hashes(nginx_site.root))
    policy = expected["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'"):
        assert directive in policy
    for path in ("", "en/trac-nghiem/", _fingerprinted(nginx_site)[0], "en/khong-co/"):
        headers = _request(nginx_site, path)[1]
        for name, value in expected.items():
            assert headers[name] == value, (path, name)
