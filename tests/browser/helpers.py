"""Small helpers shared by the browser tests."""

import re

from conftest import ARTIFACTS


def open_search(page):
    """Open Material's search box on a desktop or a phone layout and return it."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator(".md-header label.md-header__button[for='__search']").click()
    box.click()
    return box


def type_query(page, query: str):
    box = open_search(page)
    box.press_sequentially(query, delay=20)
    box.press("End")  # Material refreshes results on key events; fill() alone may not
    return box


def print_to_pdf(page, url: str, name: str) -> bytes:
    """Open ``url`` in print media and print it to A4; the PDF is kept in test-artifacts/."""
    page.goto(url)
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    data = page.pdf(path=str(ARTIFACTS / f"print-{name}.pdf"), format="A4", print_background=True)
    assert data.startswith(b"%PDF")
    return data


def pdf_page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
