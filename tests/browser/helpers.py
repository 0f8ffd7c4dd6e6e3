"""Small helpers shared by the browser tests."""

import re

from axe_playwright_python.sync_playwright import Axe

from conftest import ARTIFACTS

BLOCKING_IMPACTS = {"serious", "critical"}
_AXE_SOURCE = Axe().axe_script  # axe-core, as bundled by axe-playwright-python


def load_axe_on_every_page(context):
    """Have axe-core in every page ``context`` opens: compiled once, not sent again for each page."""
    context.add_init_script(_AXE_SOURCE)
    return context


# Two frames let the page react to what the test just did (a scroll shows Material's
# "back to top" button); then the transitions it started run to their end.
_SETTLE = """async () => {
  for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
  const ending = document.getAnimations().filter(a => isFinite(a.effect?.getComputedTiming().endTime));
  await Promise.all(ending.map(a => a.finished.catch(() => null)));
}"""


def settle(page) -> None:
    """Wait until the page's transitions have ended, so colours are measured as a reader sees them."""
    page.evaluate(_SETTLE)


def blocking_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page once it has settled, each with where it was found."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_AXE_SOURCE)
    settle(page)
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


MATERIAL_SCHEMES = {"light": "default", "dark": "slate"}  # Material's names for the two palettes


_FORGET_SAVED_PALETTE = """try {
  Object.keys(localStorage).filter(key => key.endsWith('__palette')).forEach(key => localStorage.removeItem(key));
} catch (refused) {}"""


def use_colour_scheme(page, scheme: str) -> None:
    """Show the tab's next pages as on a system set to ``scheme`` ("light" or "dark").

    Material saves the palette it shows in local storage (also when the
    system's setting changes under an open page) and prefers it to the
    system's setting on the next page; so the tab forgets it before each page.
    """
    page.emulate_media(media="screen", color_scheme=scheme)
    page.add_init_script(_FORGET_SAVED_PALETTE)


def shown_scheme(page) -> str:
    """"light" or "dark": the palette Material shows."""
    return {name: scheme for scheme, name in MATERIAL_SCHEMES.items()}[page.locator("body").get_attribute("data-md-color-scheme")]


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


_LISTEN = """selector => {
    const live = document.querySelector(selector);
    window.heard = [];
    new MutationObserver(() => live.textContent && window.heard.push(live.textContent))
        .observe(live, {childList: true, characterData: true, subtree: true});
}"""
QUIET_MS = 300  # longer than any live region's announcement delay (100 ms at most)


def record_announcements(page, live_region: str) -> None:
    """From now on, keep every text the live region takes (what a screen reader would read out)."""
    page.evaluate(_LISTEN, live_region)


def announcements(page) -> list[str]:
    """What the live region has said, once it has said something and then stayed quiet."""
    page.wait_for_function("window.heard.length > 0")
    page.wait_for_timeout(QUIET_MS)  # a stale message still waiting would have arrived by now
    return page.evaluate("window.heard")
