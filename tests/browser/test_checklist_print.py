"""The self-inspection checklist prints as a short, clean A4 form in Chromium.

The PDF is made the way a person makes one from the browser's print dialog
(the page's own @page rules decide the margins) and kept in test-artifacts/
for people to look at.
"""

from __future__ import annotations

import re

import pytest

from conftest import ARTIFACTS

CHECKLIST = {"vi": "ky-nang/phieu-tu-kiem-tra/", "en": "en/ky-nang/phieu-tu-kiem-tra/"}
MAX_PAGES = 3
SITE_CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"]
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@pytest.fixture
def printed(browser, site):
    context = browser.new_context(base_url=site.origin)
    tab = context.new_page()
    tab.emulate_media(media="print")
    yield tab
    context.close()


@pytest.mark.parametrize("language", sorted(CHECKLIST))
def test_checklist_prints_on_at_most_three_a4_pages(printed, site, language):
    printed.goto(site.url(CHECKLIST[language]))
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"phieu-tu-kiem-tra-{language}.pdf"
    pdf = printed.pdf(path=str(target), format="A4")
    pages = len(_PDF_PAGE.findall(pdf))
    assert 1 <= pages <= MAX_PAGES, f"{pages} pages"


@pytest.mark.parametrize("language", sorted(CHECKLIST))
def test_printed_checklist_shows_the_form_and_no_site_chrome(printed, site, language):
    printed.goto(site.url(CHECKLIST[language]))
    for selector in SITE_CHROME:
        assert not printed.locator(selector).first.is_visible(), selector
    assert not printed.locator(".pccc-screen-only").is_visible()
    assert printed.locator(".pccc-form-fields").is_visible()
    assert printed.locator(".pccc-checklist-table").count() == 5
    assert printed.locator(".pccc-form-sign-off").is_visible()


def test_no_checklist_row_is_split_across_pages(printed, site):
    printed.goto(site.url(CHECKLIST["vi"]))
    rule = printed.evaluate(
        "() => getComputedStyle(document.querySelector('.pccc-checklist-table tbody tr')).breakInside"
    )
    assert rule == "avoid"
