"""Figures in the lessons, as a reader sees them in Chromium.

- every figure is an image with a name and a caption in the page's language;
  the Vietnamese and English pages show the same figures with their own labels;
- at 360 px a figure fills the column without a horizontal scroll; on a
  desktop it is centred and no wider than 480 px;
- dark mode draws the outlines and labels in the page's light text colour;
  print draws them black, and a figure is never split across two pages;
- axe-core finds nothing serious on the pages with figures in dark mode on a
  phone (the every-page sweep covers light mode);
- screenshots (phone, desktop, dark) and a PDF of a lesson are written to
  test-artifacts/ for people to look at.
"""

from __future__ import annotations

import re

import pytest

from browser.helpers import blocking_violations, load_axe_on_every_page, print_to_pdf, shown_scheme, use_colour_scheme
from conftest import ARTIFACTS, DESKTOP, PHONE, ROOT

FIGURE_MARKER = re.compile(r"<!--\s*pccc:figure\s")
# Every Skills page that places figures, with how many: read from the Vietnamese Markdown.
PAGES_WITH_FIGURES = {
    f"ky-nang/{source.stem}/": count
    for source in sorted((ROOT / "docs" / "ky-nang").glob("*.md"))
    if not source.name.endswith(".en.md") and (count := len(FIGURE_MARKER.findall(source.read_text(encoding="utf-8"))))
}
LOOKED_AT = ["ky-nang/binh-chua-chay/"]

FIGURES_ON_PAGE = """() => [...document.querySelectorAll('article figure.pccc-figure')].map(figure => ({
    id: figure.id,
    role: figure.querySelector('svg')?.getAttribute('role'),
    name: figure.querySelector('svg')?.getAttribute('aria-label'),
    caption: figure.querySelector('figcaption')?.textContent.trim(),
    labels: [...figure.querySelectorAll('svg text')].map(text => text.textContent.trim()),
}))"""


def _figures(page, site, url):
    page.goto(site.url(url))
    return page.evaluate(FIGURES_ON_PAGE)


def test_the_skills_section_teaches_by_picture():
    assert len(PAGES_WITH_FIGURES) >= 8 and sum(PAGES_WITH_FIGURES.values()) >= 16, PAGES_WITH_FIGURES


@pytest.mark.parametrize("url", list(PAGES_WITH_FIGURES))
def test_each_figure_is_a_named_image_with_a_caption_in_the_pages_language(page, site, url):
    vi = _figures(page, site, url)
    en = _figures(page, site, "en/" + url)
    assert len(vi) == PAGES_WITH_FIGURES[url]
    assert [f["id"] for f in vi] == [f["id"] for f in en]
    for vi_figure, en_figure in zip(vi, en):
        for figure in (vi_figure, en_figure):
            assert figure["id"].startswith("hinh-")
            assert figure["role"] == "img" and figure["name"] and figure["caption"], figure["id"]
        assert vi_figure["name"] != en_figure["name"]
        assert vi_figure["caption"] != en_figure["caption"]
        assert vi_figure["labels"] != en_figure["labels"]
        # Words of one language never show on the other language's page.
        assert not set(en_figure["labels"]) & (set(vi_figure["labels"]) - set(en_figure["labels"]))
    page.goto(site.url(url))
    first = vi[0]
    assert page.get_by_role("img", name=first["name"], exact=True).count() == 1
    assert page.locator(f"#{first['id']} figcaption").inner_text() == first["caption"]


SMALLEST_LABEL = """svg => { const box = svg.viewBox.baseVal; if (!box || !box.width) return 0;
    const scale = svg.getBoundingClientRect().width / box.width;
    return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)); }"""


@pytest.mark.parametrize("url", list(PAGES_WITH_FIGURES))
def test_figures_fill_a_phone_column_and_their_labels_stay_readable(phone_page, site, url):
    ARTIFACTS.mkdir(exist_ok=True)
    for address in (url, "en/" + url):
        phone_page.goto(site.url(address))
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], address
        for figure in phone_page.locator("article figure.pccc-figure").all():
            svg = figure.locator("svg")
            box = svg.bounding_box()
            assert 300 <= box["width"] <= PHONE["width"] - 16, address
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], address
            smallest = svg.evaluate(SMALLEST_LABEL)
            assert smallest >= 12, f"{address}: a label of {figure.get_attribute('id')} renders at {smallest:.1f} px on a phone"
            slug, language = figure.get_attribute("id").removeprefix("hinh-"), "en" if address.startswith("en/") else "vi"
            figure.screenshot(path=str(ARTIFACTS / f"figure-{slug}-{language}-phone.png"))


def test_figures_are_centred_and_capped_on_a_desktop(page, site):
    page.goto(site.url(LOOKED_AT[0]))
    for figure in page.locator("article figure.pccc-figure").all():
        box = figure.bounding_box()
        column = figure.evaluate("f => f.parentElement.getBoundingClientRect().toJSON()")
        assert 400 <= box["width"] <= 480
        left, right = box["x"] - column["x"], column["x"] + column["width"] - box["x"] - box["width"]
        assert left == pytest.approx(right, abs=2)


def _luminance(rgb: str) -> float:
    red, green, blue = (int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


LABEL_AND_OUTLINE = """() => {
    const svg = document.querySelector('article figure.pccc-figure svg');
    const label = [...svg.querySelectorAll('text')].find(t => !t.classList.contains('on-dark'));
    return {label: getComputedStyle(label).fill, outline: getComputedStyle(svg).stroke,
            figure: getComputedStyle(svg.closest('figure')).breakInside};
}"""


def test_dark_mode_draws_labels_and_outlines_in_the_light_text_colour(browser, site):
    context = browser.new_context(base_url=site.origin, viewport=PHONE, color_scheme="dark")
    tab = context.new_page()
    try:
        tab.goto(site.url(LOOKED_AT[0]))
        assert shown_scheme(tab) == "dark"
        colours = tab.evaluate(LABEL_AND_OUTLINE)
        assert _luminance(colours["label"]) > 0.7 and _luminance(colours["outline"]) > 0.7
    finally:
        context.close()


def test_print_draws_black_on_white_and_keeps_each_figure_on_one_page(page, site):
    page.goto(site.url(LOOKED_AT[0]))
    page.emulate_media(media="print")
    colours = page.evaluate(LABEL_AND_OUTLINE)
    assert colours["label"] == "rgb(0, 0, 0)" and colours["outline"] == "rgb(0, 0, 0)"
    assert colours["figure"] == "avoid"


def test_axe_finds_nothing_serious_on_the_pages_with_figures_in_dark_mode_on_a_phone(browser, site):
    """The every-page sweep runs axe on these pages in light mode; here the dark
    colours of the figures, which do not depend on the page's language."""
    problems = {}
    context = load_axe_on_every_page(browser.new_context(base_url=site.origin, viewport=PHONE, color_scheme="dark"))
    tab = context.new_page()
    try:
        for address in PAGES_WITH_FIGURES:
            tab.goto(site.url(address))
            if blocking := blocking_violations(tab):
                problems[address] = blocking
    finally:
        context.close()
    assert problems == {}


@pytest.mark.parametrize("url", LOOKED_AT)
def test_screenshots_and_pdf_of_a_lesson_for_people_to_look_at(page, site, url):
    ARTIFACTS.mkdir(exist_ok=True)
    for address in (url, "en/" + url):
        name = "figures-" + address.strip("/").replace("/", "_")
        for label, viewport, scheme in (("phone", PHONE, "light"), ("desktop", DESKTOP, "light"), ("phone-dark", PHONE, "dark")):
            page.set_viewport_size(viewport)
            use_colour_scheme(page, scheme)
            page.goto(site.url(address))
            assert shown_scheme(page) == scheme
            page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
            first = page.locator("article figure.pccc-figure").first
            first.screenshot(path=str(ARTIFACTS / f"{name}-{label}-first-figure.png"))
            if label == "desktop":
                pdf = print_to_pdf(page, site.url(address), name)
                assert len(pdf) > 10_000
        assert (ARTIFACTS / f"print-{name}.pdf").exists()
