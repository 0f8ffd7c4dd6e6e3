"""Search results people expect: for each query, the page that teaches the topic is in the top three.

The lesson on a topic must come before the role pages, indexes, glossary and
meeting kit that only mention it (scripts/pccc_site/search_index.py boosts
lessons and demotes those pages). Vietnamese queries are typed with and
without diacritics, as people type on a phone.
"""

from __future__ import annotations

import pytest

from browser.helpers import type_query

VIETNAMESE = [
    ("thoat nan", "ky-nang/thoat-nan-toa-nha/"),
    ("thoát nạn", "ky-nang/thoat-nan-toa-nha/"),
    ("thoat nan toa nha", "ky-nang/thoat-nan-toa-nha/"),
    ("binh chua chay", "ky-nang/binh-chua-chay/"),
    ("bình chữa cháy", "ky-nang/binh-chua-chay/"),
    ("so cuu", "ky-nang/so-cuu/"),
    ("sơ cứu", "ky-nang/so-cuu/"),
    ("bong", "ky-nang/so-cuu/"),
    ("cứu nạn cứu hộ", "ky-nang/cuu-nan-cuu-ho/"),
    ("phong ngua", "ky-nang/phong-ngua/"),
    ("phòng ngừa", "ky-nang/phong-ngua/"),
    ("so dien thoai khan cap", "ky-nang/so-dien-thoai-khan-cap/"),
    ("số điện thoại khẩn cấp", "ky-nang/so-dien-thoai-khan-cap/"),
    ("114", "ky-nang/so-dien-thoai-khan-cap/"),
    ("phat hien chay", "ky-nang/khi-phat-hien-chay/"),
    ("khi phát hiện cháy", "ky-nang/khi-phat-hien-chay/"),
    ("luat 55", "phap-ly/luat-55-2024-qh15/"),
    ("luật 55", "phap-ly/luat-55-2024-qh15/"),
    ("nghi dinh 105", "phap-ly/nghi-dinh-105-2025-nd-cp/"),
]
ENGLISH = [
    ("escape from a building", "ky-nang/thoat-nan-toa-nha/"),
    ("escape at home", "ky-nang/thoat-nan-tai-nha/"),
    ("smoke", "ky-nang/thoat-nan-toa-nha/"),
    ("fire extinguisher", "ky-nang/binh-chua-chay/"),
    ("extinguisher", "ky-nang/binh-chua-chay/"),
    ("first aid", "ky-nang/so-cuu/"),
    ("burns", "ky-nang/so-cuu/"),
    ("rescue", "ky-nang/cuu-nan-cuu-ho/"),
    ("when you discover a fire", "ky-nang/khi-phat-hien-chay/"),
    ("emergency numbers", "ky-nang/so-dien-thoai-khan-cap/"),
    ("114", "ky-nang/so-dien-thoai-khan-cap/"),
    ("law 55", "phap-ly/luat-55-2024-qh15/"),
    ("decree 105", "phap-ly/nghi-dinh-105-2025-nd-cp/"),
    ("plan 2024", "ke-hoach/ke-hoach-2024/"),
    ("changes since 2024", "phap-ly/thay-doi-tu-2024/"),
    ("glossary", "thuat-ngu/"),
]


def ranked_pages(page, site, root: str, query: str) -> list[str]:
    """The pages of the results, in order, relative to the language root, each once."""
    page.goto(site.url(root))
    type_query(page, query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)  # let the last keystroke's results replace the previous ones
    pages: list[str] = []
    for link in page.locator(".md-search-result__item > a").all():
        href = link.get_attribute("href").replace(site.url(root), "").split("#")[0].split("?")[0]
        if href not in pages:
            pages.append(href)
    return pages


@pytest.mark.parametrize(("query", "expected"), VIETNAMESE, ids=[q for q, _ in VIETNAMESE])
def test_vietnamese_query_has_its_lesson_in_the_top_three(page, site, query, expected):
    pages = ranked_pages(page, site, "/", query)
    assert expected in pages[:3], pages[:5]


@pytest.mark.parametrize(("query", "expected"), ENGLISH, ids=[q for q, _ in ENGLISH])
def test_english_query_has_its_lesson_in_the_top_three(page, site, query, expected):
    pages = ranked_pages(page, site, "/en/", query)
    assert expected in pages[:3], pages[:5]


def test_the_escape_lessons_come_before_role_pages_and_indexes_that_mention_them(page, site):
    pages = ranked_pages(page, site, "/", "thoat nan")
    lessons = [pages.index(p) for p in ("ky-nang/thoat-nan-tai-nha/", "ky-nang/thoat-nan-toa-nha/")]
    pointers = [i for i, p in enumerate(pages) if p.startswith("ke-hoach/vai-tro-") or p in ("", "ky-nang/", "thuat-ngu/")]
    assert max(lessons) < min(pointers, default=len(pages)), pages
    assert max(lessons) <= 1, pages
