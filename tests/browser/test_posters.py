"""Posters and the escape, rescue and first-aid figures, as a user sees them.

- every poster prints on exactly one A4 sheet, in both languages, with only
  the poster on it: the lesson's title, its figures, five to seven lines and
  the QR code of the lesson (not of the poster);
- posters are reachable: the nav's trainer kit, the trainer kit index and
  each lesson link to them;
- the figures drawn for the escape, rescue, first-aid and "a fire starts"
  lessons show on their page in both languages, each with its own name,
  caption and labels, and fit a 360 px phone.

PDFs, and pictures of the printed posters and of the figures, go to
test-artifacts/ for people to look at.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser.helpers import pdf_page_count, print_to_pdf
from conftest import ARTIFACTS, DESKTOP, PHONE
from pccc_site import posters, qr
from pccc_site.markers import MarkerError
from pccc_site.renderers import expand

POSTERS = ["khi-phat-hien-chay", "thoat-nan-toa-nha", "binh-chua-chay", "so-cuu"]
LANGUAGES = {"vi": "", "en": "en/"}
HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", "details.pccc-trainer", ".pccc-screen-only"]
NAV_GROUP = {"vi": "Áp phích để in", "en": "Posters to print"}

# figure slug -> the lesson that shows it
FIGURES = {
    "bao-dong-goi-114-thoat-ra": "khi-phat-hien-chay",
    "cui-thap-duoi-khoi": "thoat-nan-toa-nha",
    "thu-cua-mu-ban-tay": "thoat-nan-toa-nha",
    "cau-thang-khong-thang-may": "thoat-nan-toa-nha",
    "mac-ket-trong-phong": "thoat-nan-toa-nha",
    "so-do-thoat-nan-mau": "thoat-nan-tai-nha",
    "dung-lai-nam-xuong-lan": "so-cuu",
    "ket-thang-may": "cuu-nan-cuu-ho",
}


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


def test_posters_read_as_a_page_on_a_phone_and_pass_axe(phone_page, site):
    axe = Axe()
    for language in LANGUAGES:
        for slug in POSTERS:
            phone_page.goto(site.url(poster_url(slug, language)))
            assert phone_page.locator(".pccc-screen-only").is_visible()  # how to print it
            width = phone_page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{slug} ({language}) scrolls sideways: {width}px"
            serious = [v["id"] for v in axe.run(phone_page).response["violations"] if v["impact"] in {"serious", "critical"}]
            assert serious == [], f"{slug} ({language}): {serious}"
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


def _figure_text(page, slug):
    figure = page.locator(f"#hinh-{slug}")
    svg = figure.locator("svg[role=img]")
    return svg.get_attribute("aria-label"), figure.locator("figcaption").inner_text(), svg.locator("text").all_text_contents()


@pytest.mark.parametrize("slug", list(FIGURES))
def test_a_figure_shows_on_its_lesson_in_each_language_with_its_own_words(phone_page, site, slug):
    seen = {}
    for language in LANGUAGES:
        phone_page.goto(site.url(lesson_url(FIGURES[slug], language)))
        figure = phone_page.locator(f"#hinh-{slug}")
        figure.scroll_into_view_if_needed()
        assert figure.is_visible()
        box = figure.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        smallest = figure.evaluate(
            """f => { const svg = f.querySelector('svg'); const scale = svg.getBoundingClientRect().width / 360;
                      return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }"""
        )
        assert smallest >= 12, f"{slug}: a label renders at {smallest:.1f} px on a phone"
        figure.screenshot(path=str(ARTIFACTS / f"figure-{slug}-{language}-phone.png"))
        seen[language] = _figure_text(phone_page, slug)
    (name_vi, caption_vi, labels_vi), (name_en, caption_en, labels_en) = seen["vi"], seen["en"]
    assert name_vi and name_en and name_vi != name_en
    assert caption_vi and caption_en and caption_vi != caption_en
    assert len(labels_vi) == len(labels_en) and labels_vi != labels_en
    assert "Gọi 114" not in " ".join(labels_en) and "Call 114" not in " ".join(labels_vi)


def test_figures_follow_dark_mode_and_print_black_on_white(browser, site):
    context = browser.new_context(base_url=site.origin, viewport=DESKTOP, color_scheme="dark")
    page = context.new_page()
    page.goto(site.url("en/ky-nang/thoat-nan-toa-nha/"))
    figure = page.locator("#hinh-thu-cua-mu-ban-tay")
    ink = "(e => getComputedStyle(e.querySelector('svg text')).fill)"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert figure.evaluate(ink) != "rgb(0, 0, 0)" and background != "rgb(255, 255, 255)"  # light words on dark
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=str(ARTIFACTS / "figure-thu-cua-mu-ban-tay-en-dark.png"))
    page.emulate_media(media="print")
    assert figure.evaluate(ink) == "rgb(0, 0, 0)"
    context.close()
