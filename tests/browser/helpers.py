"""Small helpers shared by the browser tests."""


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
