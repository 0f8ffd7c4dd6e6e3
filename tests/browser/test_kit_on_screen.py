"""The meeting kit in Chromium: short on a phone, a filter that works, QR codes loaded on demand, every card printed.

The expected cards come from the built site (one per page of the language).
"""

from __future__ import annotations

import pytest

from browser.helpers import blocking_violations, pdf_page_count, shown_scheme, use_colour_scheme
from conftest import ARTIFACTS, PHONE
from pccc_site.quiz import trainer

KIT = {"vi": "tap-huan/bo-cong-cu-cuoc-hop/", "en": "en/tap-huan/bo-cong-cu-cuoc-hop/"}
MAX_PHONE_SCREENS = 10
COUNT = {"vi": "{shown} trên {total} trang khớp.", "en": "{shown} of {total} pages match."}


def _page_count(site, language: str) -> int:
    return sum(1 for url in site.pages()
               if url.startswith("en/") == (language == "en") and not trainer.is_trainer_url(url))


def _qr_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if "/assets/qr/" in request.url else None)
    return seen


@pytest.mark.parametrize("language", ["vi", "en"])
def test_on_a_phone_the_kit_is_at_most_ten_screens_and_loads_no_code_until_asked(phone_page, site, language):
    requested = _qr_requests(phone_page)
    phone_page.goto(site.url(KIT[language]), wait_until="networkidle")
    height = phone_page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_PHONE_SCREENS * PHONE["height"], f"{height}px is {height / PHONE['height']:.1f} screens"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone_page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    phone_page.wait_for_timeout(300)  # a lazy image in view would be requested by now
    assert requested == []
    assert phone_page.locator(".pccc-kit__card").count() == _page_count(site, language)
    ARTIFACTS.mkdir(exist_ok=True)
    phone_page.evaluate("window.scrollTo(0, 0)")
    phone_page.screenshot(path=str(ARTIFACTS / f"kit-phone-{language}.png"))


def test_opening_a_card_loads_and_shows_only_its_codes(page, site):
    requested = _qr_requests(page)
    page.goto(site.url(KIT["en"]), wait_until="networkidle")
    card = page.locator(".pccc-kit__card", has=page.locator("a.pccc-kit__title", has_text="Trainer kit"))
    codes = card.locator(".pccc-kit__code-list > li")
    assert codes.count() >= 4
    assert card.locator("img").first.is_hidden()
    card.locator("summary").click()
    images = card.locator("img")
    assert images.count() == codes.count()
    # every code is drawn (waits for decoding, which may lag behind the network on a busy machine)
    page.wait_for_function("items => items.every(img => img.complete && img.naturalWidth > 0)",
                           arg=images.element_handles(), timeout=10_000)
    assert len(set(requested)) == codes.count()
    box = images.first.bounding_box()
    assert box["width"] >= 120 and box["width"] == pytest.approx(box["height"], rel=0.02)
    assert card.get_by_role("img", name="QR code: Printing").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kit-desktop-open-card.png"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_filter_finds_cards_as_you_type_and_says_how_many(page, site, language):
    page.goto(site.url(KIT[language]))
    total = _page_count(site, language)
    label = {"vi": "Lọc theo tên trang hoặc tên mục", "en": "Filter by page or section name"}[language]
    box = page.get_by_label(label)
    status = page.locator(".pccc-kit__count")
    assert status.get_attribute("role") == "status" and box.get_attribute("aria-describedby") == "pccc-kit-count"
    assert str(total) in status.inner_text()
    url = page.url
    query = {"vi": "binh chua chay", "en": "extinguisher"}[language]  # no diacritics needed
    box.press_sequentially(query, delay=10)
    shown = page.locator(".pccc-kit__card:visible")
    titles = shown.locator(".pccc-kit__title").all_inner_texts()
    assert 1 <= len(titles) < total
    expected_title = {"vi": "Bình chữa cháy xách tay", "en": "Portable fire extinguishers"}[language]
    assert any(title.startswith(expected_title.split()[0]) for title in titles), titles
    assert status.inner_text() == COUNT[language].format(shown=len(titles), total=total)
    assert page.locator("h2#kit-ke-hoach").is_hidden(), "a part with no match is hidden"
    assert page.url == url  # no reload
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"kit-filter-{language}.png"))
    # A section name finds its page too; a word found nowhere says so.
    box.fill("")
    box.press_sequentially("zzzz", delay=10)
    assert shown.count() == 0 and status.inner_text().startswith({"vi": "Không có trang nào", "en": "No page"}[language])
    box.press("Escape")  # clears a search box
    page.wait_for_function(f"document.querySelectorAll('.pccc-kit__card:not([hidden])').length === {total}")
    assert str(total) in status.inner_text()


def test_the_filter_matches_section_names(page, site):
    page.goto(site.url(KIT["en"]))
    page.get_by_label("Filter by page or section name").press_sequentially("printing", delay=10)
    titles = page.locator(".pccc-kit__card:visible .pccc-kit__title").all_inner_texts()
    assert "Trainer kit" in titles
    assert page.get_by_role("button", name="Print the kit").is_visible()


def test_the_print_button_prints_every_card_with_its_page_code_drawn(page, site):
    requested = _qr_requests(page)
    page.goto(site.url(KIT["vi"]))
    page.get_by_label("Lọc theo tên trang hoặc tên mục").press_sequentially("binh chua chay", delay=10)
    cards = page.locator(".pccc-kit__card")
    total = _page_count(site, "vi")
    assert cards.count() == total
    first_match = page.locator(".pccc-kit__card:visible .pccc-kit__title").first.inner_text()
    opened = page.locator(".pccc-kit__card", has=page.get_by_role("link", name=first_match, exact=True))
    opened.locator("summary").click()
    closed = cards.nth(0)
    page_codes = page.locator(".pccc-kit__page img")
    printed_codes = page_codes.count() + opened.locator(".pccc-kit__code-list > li:not(.pccc-kit__page) img").count()
    # What is drawn when the print dialog would open is what the printout holds.
    page.evaluate("""() => { window.print = () => {
        const codes = [...document.querySelectorAll('.pccc-kit__page img, .pccc-kit__card.is-open img')];
        window.drawnWhenPrinted = codes.filter(img => img.complete && img.naturalWidth > 0).length;
    }; }""")
    print_button = page.get_by_role("button", name="In bộ công cụ")
    print_button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.drawnWhenPrinted !== undefined")
    assert print_button.evaluate("button => button === document.activeElement"), "the focus stays on the button"
    assert page.evaluate("window.drawnWhenPrinted") == printed_codes, "every code that prints is drawn before the dialog"
    assert len(set(requested)) == printed_codes, "the closed cards' section codes are not fetched"
    page.emulate_media(media="print")
    assert page.locator(".pccc-kit__card:visible").count() == total, "the filter does not leave cards out of print"
    assert page.locator(".pccc-kit__filter").is_hidden() and page.locator(".pccc-kit__jump").is_hidden()
    assert page_codes.count() == total
    assert page_codes.evaluate_all("items => items.every(img => img.getBoundingClientRect().width > 80)")
    assert closed.locator(".pccc-kit__code-list > li:not(.pccc-kit__page)").first.is_visible()  # section names print
    assert closed.locator(".pccc-kit__code-list > li:not(.pccc-kit__page) img").first.is_hidden()  # their codes do not
    assert opened.locator(".pccc-kit__code-list > li:not(.pccc-kit__page) img").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.pccc-kit__card')).breakInside") == "avoid"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "print-meeting-kit.pdf"), format="A4", print_background=True)
    assert 1 <= pdf_page_count(pdf) <= total / 4, "several cards share an A4 sheet"
    # Material opens every disclosure for printing: the cards not opened still print section names only.
    assert closed.locator(".pccc-kit__code-list > li:not(.pccc-kit__page) img").first.is_hidden()
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=str(ARTIFACTS / "kit-print-a4.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_on_the_kit_with_a_card_open(page, site, scheme):
    page.set_viewport_size(PHONE)
    use_colour_scheme(page, scheme)
    page.goto(site.url(KIT["vi"]))
    assert shown_scheme(page) == scheme
    page.locator(".pccc-kit__card summary").first.click()
    page.get_by_label("Lọc theo tên trang hoặc tên mục").fill("thoat nan")
    assert blocking_violations(page) == []
    page.screenshot(path=str(ARTIFACTS / f"kit-phone-filter-{scheme}.png"))
