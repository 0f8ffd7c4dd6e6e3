"""Printing in Chromium: content only, with the page's QR code and address.

The PDFs are written to test-artifacts/ for people to look at
(``pdftoppm -png -r 60 file.pdf out`` turns them into pictures).
"""

from __future__ import annotations

import pytest

from browser.helpers import pdf_page_count, print_to_pdf  # the meeting kit prints in test_kit_on_screen.py


LESSON = "ky-nang/"
HIDDEN_IN_PRINT = [
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    "details.pccc-trainer > summary",
]


@pytest.mark.parametrize("url", [LESSON, "en/" + LESSON])
def test_a_lesson_prints_content_and_its_qr_code_without_chrome(page, site, url):
    pdf = print_to_pdf(page, site.url(url), url.strip("/").replace("/", "_"))
    assert 1 <= pdf_page_count(pdf) <= 4
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
    assert page.locator("article h1").is_visible()
    qr_code = page.locator("details.pccc-trainer svg.pccc-qr")
    assert qr_code.is_visible()
    box = qr_code.bounding_box()
    assert box["width"] > 80 and box["width"] == pytest.approx(box["height"], rel=0.01)
    address = page.locator("details.pccc-trainer a.pccc-address")
    assert address.is_visible() and address.inner_text() == site.url(url)


def test_the_trainer_box_prints_even_when_closed(page, site):
    page.goto(site.url(LESSON))
    panel = page.locator("details.pccc-trainer svg.pccc-qr")
    assert not panel.is_visible()  # closed on screen
    page.evaluate("document.querySelector('details.pccc-trainer').open = false")
    page.emulate_media(media="print")
    page.evaluate("document.querySelector('details.pccc-trainer').open = false")
    assert panel.is_visible()


def test_print_writes_external_addresses_and_borders_tables(page, site):
    page.goto(site.url(LESSON))
    page.evaluate(
        """() => {
          const p = document.createElement('p');
          p.innerHTML = 'See <a href="https://example.org/guide">the guide</a>.';
          document.querySelector('article').prepend(p);
        }"""
    )
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('article a[href^=\"https://example\"]'), '::after').content")
    assert "https://example.org/guide" in after
    own = page.evaluate("getComputedStyle(document.querySelector('a.pccc-address'), '::after').content")
    assert own in {"none", "normal"}  # the address is already written out
    border = page.evaluate("getComputedStyle(document.querySelector('article table td')).borderTopStyle")
    assert border == "solid"
    assert page.evaluate("getComputedStyle(document.querySelector('article table tr')).breakInside") == "avoid"
