"""Search results people expect: for each query, the page that teaches the topic is in the top three.

The lesson on a topic must come before the role pages, indexes, glossary and
meeting kit that only mention it (scripts/pccc_site/search_index.py boosts
lessons and demotes those pages). Vietnamese queries are typed with and
without diacritics, as people type on a phone (lunr folds accents:
overrides/…/lunr.vi.min.js); English ones with plurals and other word forms
(lunr.en-stem.min.js). Each expected page was checked in the built site to be
the one that teaches the topic.
"""

from __future__ import annotations

import pytest

from browser.helpers import open_search
from conftest import DESKTOP

VIETNAMESE = [
    ("thoat nan", "ky-nang/thoat-nan-toa-nha/"),
    ("thoát nạn", "ky-nang/thoat-nan-toa-nha/"),
    ("thoat nan tai nha", "ky-nang/thoat-nan-tai-nha/"),
    ("binh chua chay", "ky-nang/binh-chua-chay/"),
    ("bình chữa cháy", "ky-nang/binh-chua-chay/"),
    ("so cuu", "ky-nang/so-cuu/"),
    ("sơ cứu", "ky-nang/so-cuu/"),
    ("bong", "ky-nang/so-cuu/"),
    ("hit phai khoi", "ky-nang/so-cuu/"),
    ("cuu ho", "ky-nang/cuu-nan-cuu-ho/"),
    ("cứu hộ", "ky-nang/cuu-nan-cuu-ho/"),
    ("cứu nạn cứu hộ", "ky-nang/cuu-nan-cuu-ho/"),
    ("thang may", "ky-nang/cuu-nan-cuu-ho/"),  # stuck in a lift
    ("thang máy", "ky-nang/cuu-nan-cuu-ho/"),
    ("to tu quan", "ky-nang/cuu-nan-cuu-ho/"),  # the lesson's section on the agency's team
    ("tổ tự quản", "ky-nang/cuu-nan-cuu-ho/"),
    ("phong ngua", "ky-nang/phong-ngua/"),
    ("phòng ngừa", "ky-nang/phong-ngua/"),
    ("vang ma", "ky-nang/phong-ngua/"),
    ("mat na", "ky-nang/thoat-nan-toa-nha/"),  # smoke hood, when passing through smoke
    ("mặt nạ", "ky-nang/thoat-nan-toa-nha/"),
    ("chuong cop", "ky-nang/thoat-nan-tai-nha/"),
    ("CO2", "ky-nang/binh-chua-chay/"),
    ("so dien thoai khan cap", "ky-nang/so-dien-thoai-khan-cap/"),
    ("số điện thoại khẩn cấp", "ky-nang/so-dien-thoai-khan-cap/"),
    ("114", "ky-nang/so-dien-thoai-khan-cap/"),
    ("phat hien chay", "ky-nang/khi-phat-hien-chay/"),
    ("khi phát hiện cháy", "ky-nang/khi-phat-hien-chay/"),
    ("luat 55", "phap-ly/luat-55-2024-qh15/"),
    ("luật 55", "phap-ly/luat-55-2024-qh15/"),
    ("nghi dinh 105", "phap-ly/nghi-dinh-105-2025-nd-cp/"),
    ("ke hoach 2024", "ke-hoach/ke-hoach-2024/"),
    ("kế hoạch 2024", "ke-hoach/ke-hoach-2024/"),
    ("thuat ngu", "thuat-ngu/"),
    ("thuật ngữ", "thuat-ngu/"),
    ("tu kiem tra", "trac-nghiem/"),
]
ENGLISH = [
    ("escape from a building", "ky-nang/thoat-nan-toa-nha/"),
    ("escape at home", "ky-nang/thoat-nan-tai-nha/"),
    ("smoke", "ky-nang/thoat-nan-toa-nha/"),
    ("smoke hood", "ky-nang/thoat-nan-toa-nha/"),
    ("fire extinguishers", "ky-nang/binh-chua-chay/"),
    ("CO2", "ky-nang/binh-chua-chay/"),
    ("first aid", "ky-nang/so-cuu/"),
    ("burns", "ky-nang/so-cuu/"),
    ("smoke inhalation", "ky-nang/so-cuu/"),
    ("rescue", "ky-nang/cuu-nan-cuu-ho/"),
    ("stuck in a lift", "ky-nang/cuu-nan-cuu-ho/"),
    ("prevention", "ky-nang/phong-ngua/"),  # the lesson is "Preventing fires and explosions"
    ("altar", "ky-nang/phong-ngua/"),
    ("when you discover a fire", "ky-nang/khi-phat-hien-chay/"),
    ("assembly point", "ky-nang/khi-phat-hien-chay/"),
    ("emergency numbers", "ky-nang/so-dien-thoai-khan-cap/"),
    ("114", "ky-nang/so-dien-thoai-khan-cap/"),
    ("checklist", "ky-nang/phieu-tu-kiem-tra/"),
    ("law 55", "phap-ly/luat-55-2024-qh15/"),
    ("decree 105", "phap-ly/nghi-dinh-105-2025-nd-cp/"),
    ("plan 2024", "ke-hoach/ke-hoach-2024/"),
    ("changes since 2024", "phap-ly/thay-doi-tu-2024/"),
    ("glossary", "thuat-ngu/"),
    ("posters", "tap-huan/ap-phich-binh-chua-chay/"),
    ("quiz", "trac-nghiem/"),
]
# Topic queries whose lesson must come before every page that only points to it.
LESSON_FIRST = [
    ("/", "thoat nan", "ky-nang/thoat-nan-toa-nha/"),
    ("/", "thoát nạn", "ky-nang/thoat-nan-toa-nha/"),
    ("/", "cuu ho", "ky-nang/cuu-nan-cuu-ho/"),
    ("/", "phong ngua", "ky-nang/phong-ngua/"),
    ("/", "thang may", "ky-nang/cuu-nan-cuu-ho/"),
    ("/", "to tu quan", "ky-nang/cuu-nan-cuu-ho/"),
    ("/en/", "escape", "ky-nang/thoat-nan-toa-nha/"),
    ("/en/", "prevention", "ky-nang/phong-ngua/"),
    ("/en/", "extinguisher", "ky-nang/binh-chua-chay/"),
]
POINTER_PAGES = ("", "ky-nang/", "ke-hoach/", "phap-ly/", "tap-huan/", "trac-nghiem/", "thuat-ngu/",
                 "ky-nang/phieu-tu-kiem-tra/", "tap-huan/bo-cong-cu-cuoc-hop/")


def _is_pointer(page: str) -> bool:
    return page in POINTER_PAGES or page.startswith("ke-hoach/vai-tro-")


@pytest.fixture(scope="session")
def search_tabs(browser, site):
    """One tab per language root, kept open across the queries: the index is fetched and built once."""
    context = browser.new_context(base_url=site.origin, viewport=DESKTOP)
    tabs: dict[str, object] = {}

    def tab_for(root: str):
        if root not in tabs:
            tabs[root] = context.new_page()
            tabs[root].goto(site.url(root))
            open_search(tabs[root])
        return tabs[root]

    yield tab_for
    context.close()


def _result_links(tab) -> list[str]:
    return tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.getAttribute('href'))")


def ranked_pages(tab, site, root: str, query: str) -> list[str]:
    """The pages of the results for ``query``, in order, relative to the language root, each once."""
    box = tab.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on key events; an empty box clears the results
    tab.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(query)
    box.press("End")  # one query, so the first results shown are its results
    tab.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    links = _result_links(tab)
    while True:  # until the list has been rendered whole
        tab.wait_for_timeout(150)
        again = _result_links(tab)
        if again == links:
            break
        links = again
    pages: list[str] = []
    for href in links:
        href = href.replace(site.url(root), "").split("#")[0].split("?")[0]
        if href not in pages:
            pages.append(href)
    return pages


@pytest.mark.parametrize(("query", "expected"), VIETNAMESE, ids=[q for q, _ in VIETNAMESE])
def test_vietnamese_query_has_its_lesson_in_the_top_three(search_tabs, site, query, expected):
    pages = ranked_pages(search_tabs("/"), site, "/", query)
    assert expected in pages[:3], pages[:5]


@pytest.mark.parametrize(("query", "expected"), ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_query_has_its_lesson_in_the_top_three(search_tabs, site, query, expected):
    pages = ranked_pages(search_tabs("/en/"), site, "/en/", query)
    assert expected in pages[:3], pages[:5]


def test_the_escape_lessons_come_first(search_tabs, site):
    pages = ranked_pages(search_tabs("/"), site, "/", "thoat nan")
    lessons = [pages.index(p) for p in ("ky-nang/thoat-nan-tai-nha/", "ky-nang/thoat-nan-toa-nha/")]
    assert max(lessons) <= 1, pages


@pytest.mark.parametrize(("root", "query", "lesson"), LESSON_FIRST, ids=[f"{r}{q}" for r, q, _ in LESSON_FIRST])
def test_the_lesson_comes_before_the_pages_that_point_to_it(search_tabs, site, root, query, lesson):
    pages = ranked_pages(search_tabs(root), site, root, query)
    pointers = [i for i, p in enumerate(pages) if _is_pointer(p)]
    assert lesson in pages and pages.index(lesson) < min(pointers, default=len(pages)), pages
