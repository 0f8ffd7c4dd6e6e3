"""Reading on a 360 px phone: boxes at body size, no empty band under a title, a readable header, labels in one language."""

from __future__ import annotations

import re

import pytest

from conftest import ARTIFACTS

LESSONS = ["ky-nang/thoat-nan-toa-nha/", "ky-nang/binh-chua-chay/", "ky-nang/so-cuu/"]
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
ENGLISH_WORDS = re.compile(r"\b(the|this|link|mode|section|page|switch|dark|light)\b", re.IGNORECASE)
SHORT_NAME = {"": "PCCC và CNCH", "en/": "Fire safety"}


def _body_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('article.md-typeset > p')).fontSize)")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_114_danger_box_reads_at_body_size_or_larger(phone_page, site, prefix):
    phone_page.goto(site.url(prefix))
    box = phone_page.locator("article .admonition.danger").first
    assert "114" in box.inner_text()
    body = _body_size(phone_page)
    assert body >= 16
    sizes = box.locator("p").evaluate_all("items => items.map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert sizes and min(sizes) >= body, f"{sizes} against body text {body}"
    ARTIFACTS.mkdir(exist_ok=True)
    phone_page.screenshot(path=str(ARTIFACTS / f"phone-home-danger-{prefix.strip('/') or 'vi'}.png"))


@pytest.mark.parametrize("url", LESSONS + ["en/" + url for url in LESSONS])
def test_every_box_on_a_lesson_reads_at_body_size_or_larger(phone_page, site, url):
    phone_page.goto(site.url(url))
    body = _body_size(phone_page)
    smallest = phone_page.locator("article :is(.admonition, details) > p").evaluate_all(
        "items => items.filter(p => p.getClientRects().length).map(p => parseFloat(getComputedStyle(p).fontSize))")
    assert smallest and min(smallest) >= body


BAND = """() => [...document.querySelectorAll('article h1, article h2')].map(h => {
  const range = document.createRange();
  const text = [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')));
  range.setStartBefore(text[0]);
  range.setEndAfter(text[text.length - 1]);
  const lines = [...range.getClientRects()].filter(r => r.height > 0);
  const lastLine = Math.max(...lines.map(r => r.bottom));
  const box = h.getBoundingClientRect();
  const style = getComputedStyle(h);
  return {id: h.id, band: box.bottom - parseFloat(style.paddingBottom) - lastLine,
          line: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3};
})"""


@pytest.mark.parametrize("url", ["ky-nang/thoat-nan-toa-nha/", "en/ky-nang/thoat-nan-toa-nha/",
                                 "phap-ly/nghi-dinh-105-2025-nd-cp/", "en/ke-hoach/vai-tro-can-bo-cong-chuc/"])
def test_no_empty_band_under_a_wrapped_title(phone_page, site, url):
    phone_page.goto(site.url(url))
    headings = phone_page.evaluate(BAND)
    assert headings
    banded = [h for h in headings if h["band"] > h["line"] / 2]
    assert banded == []
    ARTIFACTS.mkdir(exist_ok=True)
    phone_page.screenshot(path=str(ARTIFACTS / f"phone-title-{url.strip('/').replace('/', '_')}.png"))


def test_the_permalink_still_shows_when_it_has_keyboard_focus(phone_page, site):
    phone_page.goto(site.url(LESSONS[0]))
    link = phone_page.locator("article h2 .headerlink").first
    link.focus()
    box = link.bounding_box()
    assert box["width"] > 5 and box["height"] > 5


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_header_shows_the_site_name_uncut_at_360_px(phone_page, site, prefix):
    phone_page.goto(site.url(prefix + "ky-nang/"))
    name = phone_page.locator(".md-header__topic").first
    assert name.inner_text().strip() == SHORT_NAME[prefix]
    truncated = name.locator(".md-ellipsis").evaluate("el => el.scrollWidth > el.clientWidth + 1")
    assert not truncated
    phone_page.locator(".md-header").screenshot(path=str(ARTIFACTS / f"phone-header-{prefix.strip('/') or 'vi'}.png"))


def test_on_a_desktop_the_header_shows_the_full_name(page, site):
    page.goto(site.url("en/"))
    assert page.locator(".md-header__topic").first.inner_text().strip() == "Fire safety and rescue (PCCC & CNCH) — training material"


LABELS = """() => [...document.querySelectorAll('[title], [aria-label], [placeholder], img[alt]')]
  .filter(el => !el.closest('article') || el.matches('.headerlink'))
  .flatMap(el => ['title', 'aria-label', 'placeholder', 'alt'].map(a => el.getAttribute(a)).filter(Boolean))"""


@pytest.mark.parametrize("url", ["", "ky-nang/thoat-nan-toa-nha/", "trac-nghiem/kien-thuc-co-ban/"])
def test_tooltips_and_labels_are_in_the_page_language_only(page, site, url):
    page.goto(site.url(url))
    vietnamese = page.evaluate(LABELS)
    english_in_vietnamese = sorted({label for label in vietnamese if ENGLISH_WORDS.search(label) and "http" not in label})
    assert english_in_vietnamese == []
    permalinks = page.locator("article .headerlink")
    assert {permalinks.nth(i).get_attribute("title") for i in range(permalinks.count())} <= {"Liên kết tới mục này"}
    assert _palette_names(page) == ["Chuyển sang chế độ tối", "Chuyển sang chế độ sáng"]
    page.goto(site.url("en/" + url))
    english = page.evaluate(LABELS)
    vietnamese_in_english = sorted({label for label in english if VIETNAMESE_LETTERS.search(label)})
    assert vietnamese_in_english == []
    permalinks = page.locator("article .headerlink")
    assert {permalinks.nth(i).get_attribute("title") for i in range(permalinks.count())} <= {"Link to this section"}
    assert _palette_names(page) == ["Switch to dark mode", "Switch to light mode"]


def test_permalinks_are_named_in_the_page_language(site):
    for prefix, title in (("", "Liên kết tới mục này"), ("en/", "Link to this section")):
        html = (site.root / prefix / LESSONS[0] / "index.html").read_text(encoding="utf-8")
        titles = set(re.findall(r'class="headerlink" href="#[^"]*" title="([^"]*)"', html))
        assert titles == {title}, prefix


def _palette_names(page) -> list[str]:
    return page.locator("input[name='__palette']").evaluate_all("items => items.map(el => el.getAttribute('aria-label'))")
