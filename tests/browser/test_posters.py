"""Posters and the escape, rescue and first-aid figures, as a user sees them.

- every poster prints on exactly one A4 sheet, in both languages, with only
  the poster on it: the lesson's title, its figures, five to seven lines and
  the QR code of the lesson (not of the poster);
- posters are reachable: the nav's trainer kit, the trainer kit index and
  each lesson link to them.

The figures themselves are tested in test_figures.py. PDFs and pictures of
the printed posters go to test-artifacts/ for people to look at.
"""

from __future__ import annotations

import pytest

from browser.helpers import pdf_page_count, print_to_pdf
from conftest import ARTIFACTS
from pccc_site import posters, qr
from pccc_site.markers import MarkerError
from pccc_site.renderers import expand

POSTERS = ["khi-phat-hien-chay", "thoat-nan-toa-nha", "binh-chua-chay", "so-cuu"]
LANGUAGES = {"vi": "", "en": "en/"}
HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", "details.pccc-trainer", ".pccc-screen-only"]
NAV_GROUP = {"vi": "Áp phích để in", "en": "Posters to print"}


def poster_url(slug: str, language: str) -> str:
    return f"{LANGUAGES[language]}tap-huan/ap-phich-{slug}/"


def lesson_url(slug: str, language: str) -> str:
    return f"{LANGUAGES[language]}ky-nang/{slug}/"


# --- The poster QR marker, without a browser --------------------------------


def test_the_poster_marker_points_at_the_lesson_in_the_page_language():
    assert posters.lesson_url("ky-nang/so-cuu.md", "vi") == "ky-nang/so-cuu/"
    assert posters.lesson_url("ky-nang/so-cuu.md", "en") == "en/ky-nang/so-cuu/"
    placeholder = expand("<!-- pccc:poster-qr ky-nang/so-cuu.md -->", "en", "tap-huan/x.md")
    filled = posters.fill(placeholder, "https://pccc.example.gov.vn/", "en")
    address = "https://pccc.example.gov.vn/en/ky-nang/so-cuu/"
    assert qr.svg(address, "en") in filled
    assert f'href="{address}"' in filled and "data-pccc-poster-lesson" not in filled


@pytest.mark.parametrize("argument", ["ky-nang/khong-co.md", "ky-nang/so-cuu.en.md", "../README.md"])
def test_a_poster_marker_naming_no_lesson_stops_the_build_with_page_and_line(argument):
    with pytest.raises(MarkerError, match=r"tap-huan/x\.md:2: marker 'pccc:poster-qr"):
        expand(f"a\n<!-- pccc:poster-qr {argument} -->\n", "vi", "tap-huan/x.md")


# --- Printed posters ---------------------------------------------------------


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("slug", POSTERS)
def test_a_poster_prints_on_one_a4_sheet_with_the_lesson_title_figures_lines_and_qr(page, site, slug, language):
    page.goto(site.url(lesson_url(slug, language)))
    lesson_title = page.locator("article h1").inner_text().rstrip("#").strip()

    pdf = print_to_pdf(page, site.url(poster_url(slug, language)), f"poster-{slug}-{language}")
    assert pdf_page_count(pdf) == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"poster-{slug}-{language}-print.png"), full_page=True)

    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows on the printed poster"
    poster = page.locator(".pccc-poster")
    assert poster.locator("h1").inner_text().rstrip("#").strip() == lesson_title
    figures = poster.locator("figure.pccc-figure")
    assert figures.count() >= 1
    for index in range(figures.count()):
        assert figures.nth(index).locator("svg[role=img]").is_visible()
        assert not figures.nth(index).locator("figcaption").is_visible()  # the lines say it on paper
    lines = poster.locator(":scope > ol > li")
    assert 5 <= lines.count() <= 7
    assert all(len(text.split()) <= 20 for text in lines.all_inner_texts()), "a poster line is not short"

    lesson_address = site.url(lesson_url(slug, language))
    code = poster.locator(".pccc-poster__qr svg.pccc-qr")
    assert code.is_visible()
    assert lesson_address in code.get_attribute("aria-label")
    assert code.bounding_box()["width"] >= 90  # about 28 mm: scannable from a wall
    assert poster.locator(".pccc-poster__qr a.pccc-address").inner_text() == lesson_address


def test_posters_read_as_a_page_on_a_phone_with_how_to_print_them(phone_page, site):
    """axe and the 360 px width are checked on every page by the every-page sweep."""
    for language in LANGUAGES:
        for slug in POSTERS:
            phone_page.goto(site.url(poster_url(slug, language)))
            assert phone_page.locator(".pccc-screen-only").is_visible()  # how to print it
            phone_page.screenshot(path=str(ARTIFACTS / f"poster-{slug}-{language}-phone.png"), full_page=True)


# --- Ways to the posters ------------------------------------------------------


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_nav_the_trainer_kit_and_each_lesson_link_to_the_posters(page, site, language):
    page.goto(site.url(f"{LANGUAGES[language]}tap-huan/"))
    nav = page.locator("nav.md-nav--primary")
    assert nav.get_by_text(NAV_GROUP[language], exact=True).count() >= 1
    article = page.locator("article")
    for slug in POSTERS:
        assert article.locator(f'a[href$="ap-phich-{slug}/"]').count() == 1, f"trainer kit lacks the {slug} poster"
    for slug in POSTERS:
        page.goto(site.url(lesson_url(slug, language)))
        link = page.locator(f'article a[href$="tap-huan/ap-phich-{slug}/"]')
        assert link.count() == 1, f"lesson {slug} ({language}) does not link to its poster"
        link.click()
        assert page.url == site.url(poster_url(slug, language))


# --- Figures on the escape, rescue, first-aid and "a fire starts" lessons -----
