"""Meeting mode in Chromium, driven from the keyboard as a trainer (or a clicker) would.

Presentation clickers send PageDown and PageUp. The expected answers come from the quiz file.
"""

from __future__ import annotations

import pytest

from browser.helpers import announcements, blocking_violations, record_announcements, shown_scheme, use_colour_scheme

from conftest import ARTIFACTS
from pccc_site.quiz.render import LETTERS
from pccc_site.quiz.validate import check_bank

QUIZ_ID = "kien-thuc-co-ban"
URLS = {"vi": f"trac-nghiem/{QUIZ_ID}/trinh-chieu/", "en": f"en/trac-nghiem/{QUIZ_ID}/trinh-chieu/"}
PROJECTORS = [{"width": 1024, "height": 768}, {"width": 1280, "height": 720}, {"width": 1920, "height": 1080}]


@pytest.fixture(scope="module")
def starter():
    return next(quiz for quiz in check_bank().sets if quiz.id == QUIZ_ID)


def _open(page, site, language: str, errors: list | None = None, hash_: str = ""):
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.url(URLS[language]) + hash_)
    page.wait_for_selector(".pccc-meet__bar:visible")


def _current(page) -> str:
    visible = page.locator(".pccc-meet__slide:visible")
    assert visible.count() == 1, "exactly one question is shown"
    return visible.get_attribute("id")


def _revealed(page) -> bool:
    return page.locator(".pccc-meet__slide:visible .pccc-meet__right").is_visible()


def _live(page) -> str:
    page.wait_for_function("document.querySelector('.pccc-meet__live').textContent.length > 0")
    return page.locator(".pccc-meet__live").inner_text()


def _right(question, language: str) -> str:
    """ "B. 114" or "A. One · C. Three", as the revealed answer says it (markup removed)."""
    return " · ".join(f"{LETTERS[i]}. {o.text[language].replace('**', '').replace('`', '')}"
                      for i, o in enumerate(question.options) if o.correct)


def test_keys_reveal_the_answer_and_move_between_questions(page, site, starter):
    errors: list[str] = []
    _open(page, site, "vi", errors)
    first, second = starter.questions[:2]
    assert _current(page) == f"meet-{first.id}" and not _revealed(page)
    page.keyboard.press("Space")  # the next step: first the answer...
    assert _revealed(page) and _current(page) == f"meet-{first.id}"
    assert _live(page) == "Đáp án: B. 114"
    notes = page.locator(".pccc-meet__slide:visible .pccc-meet__notes")
    assert "Giải thích:" in notes.inner_text() and notes.locator("a").get_attribute("href") == "../../../ky-nang/#so-khan-cap"
    assert page.locator(".pccc-meet__slide:visible li[data-correct]").evaluate("li => getComputedStyle(li, '::after').content").startswith('" ✓"')
    page.keyboard.press("a")  # A hides it again...
    assert not _revealed(page)
    page.keyboard.press("A")  # ...and shows it
    assert _revealed(page)
    page.keyboard.press("Enter")
    assert not _revealed(page)
    page.keyboard.press("PageDown")  # a clicker's forward button: first the answer...
    assert _revealed(page) and _current(page) == f"meet-{first.id}"
    page.keyboard.press("Space")  # ...then the next question, its answer hidden
    assert _current(page) == f"meet-{second.id}" and not _revealed(page)
    assert page.evaluate("document.activeElement.id") == f"meet-{second.id}"  # focus follows, for screen readers
    assert page.evaluate("location.hash") == f"#meet-{second.id}"
    page.keyboard.press("ArrowLeft")
    assert _current(page) == f"meet-{first.id}" and not _revealed(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert _current(page) == f"meet-{second.id}"
    page.keyboard.press("PageUp")
    assert _current(page) == f"meet-{first.id}"
    page.keyboard.press("End")
    assert _current(page) == "meet-end" and page.locator(".pccc-meet__reveal").is_hidden()
    assert page.locator("#meet-end svg.pccc-qr").is_visible()
    page.keyboard.press("Home")
    assert _current(page) == f"meet-{first.id}"
    assert page.evaluate("window.scrollY") == 0
    assert errors == []


@pytest.mark.parametrize("language, words", [("vi", ["Space", "→", "←", "A", "hiện hay ẩn đáp án"]),
                                             ("en", ["Space", "→", "←", "A", "show or hide the answer"])])
def test_the_keys_are_written_on_screen(page, site, language, words):
    _open(page, site, language)
    keys = page.locator(".pccc-meet__keys:visible")
    assert keys.count() == 1
    text = keys.inner_text()
    assert all(word in text for word in words), text
    box = keys.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.locator(".pccc-meet__reveal").get_attribute("aria-keyshortcuts") == "A"


def test_every_answer_can_be_reached_with_the_forward_key_alone(page, site, starter):
    _open(page, site, "en")
    for question in starter.questions:
        assert _current(page) == f"meet-{question.id}"
        page.keyboard.press("PageDown")
        assert _live(page) == f"Answer: {_right(question, 'en')}"
        page.keyboard.press("PageDown")
    assert _current(page) == "meet-end"
    page.keyboard.press("PageDown")  # at the end nothing moves
    assert _current(page) == "meet-end"


def test_the_revealed_answer_gives_the_public_address_of_its_source(page, site):
    _open(page, site, "en")
    page.keyboard.press("a")
    address = page.locator(".pccc-meet__slide:visible .pccc-meet__address").inner_text()
    assert address == f"{site.origin}en/ky-nang/#so-khan-cap"


def test_buttons_work_with_the_mouse_and_keep_focus(page, site, starter):
    _open(page, site, "en")
    reveal = page.locator(".pccc-meet__reveal")
    assert reveal.get_attribute("aria-expanded") == "false" and reveal.get_attribute("aria-controls") == f"meet-{starter.questions[0].id}-answer"
    reveal.click()
    assert _revealed(page) and reveal.get_attribute("aria-expanded") == "true"
    assert reveal.locator(":visible").inner_text() == "Hide the answer"
    assert page.get_by_role("button", name="Hide the answer").count() == 1
    page.locator(".pccc-meet__next").click()
    assert _current(page) == f"meet-{starter.questions[1].id}"
    assert page.evaluate("document.activeElement.classList.contains('pccc-meet__next')")
    assert _live(page).startswith("Question 2 of 8. ")
    page.locator(".pccc-meet__prev").click()
    assert _current(page) == f"meet-{starter.questions[0].id}"
    assert page.locator(".pccc-meet__prev").get_attribute("aria-disabled") == "true"


def test_a_quick_move_on_announces_only_the_new_question(page, site, starter):
    """A trainer who reveals and moves on at once must not hear the old answer after the new question."""
    _open(page, site, "en")
    record_announcements(page, ".pccc-meet__live")
    page.evaluate("""() => {
        const next = document.querySelector('.pccc-meet__next');
        next.focus();  // as a mouse click leaves it: the buttons announce the new question
        document.querySelector('.pccc-meet__reveal').click();
        next.click();
    }""")
    heard = announcements(page)
    assert len(heard) == 1 and heard[0].startswith("Question 2 of 8. "), heard


def test_space_on_a_focused_button_does_what_the_button_says(page, site, starter):
    _open(page, site, "vi")
    page.locator(".pccc-meet__next").focus()
    page.keyboard.press("Space")
    assert _current(page) == f"meet-{starter.questions[1].id}" and not _revealed(page)


def test_material_shortcuts_do_not_steal_the_keys(page, site):
    _open(page, site, "vi")
    page.keyboard.press("f")  # Material opens its search on F; here F is full screen
    assert not page.evaluate("document.querySelector('#__search').checked")
    prevented = page.evaluate("""() => {
      const event = new KeyboardEvent("keydown", {key: "PageDown", bubbles: true, cancelable: true});
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    }""")
    assert prevented  # the page does not scroll instead


def test_a_reload_stays_on_the_question_shown(page, site, starter):
    third = starter.questions[2]
    _open(page, site, "vi", hash_=f"#meet-{third.id}")
    assert _current(page) == f"meet-{third.id}"


@pytest.mark.parametrize("viewport", PROJECTORS, ids=lambda v: f"{v['width']}x{v['height']}")
def test_large_type_at_projector_sizes(browser, site, viewport):
    context = browser.new_context(base_url=site.origin, viewport=viewport)
    tab = context.new_page()
    try:
        _open(tab, site, "vi")
        tab.keyboard.press("Space")
        size = tab.locator(".pccc-meet__slide:visible .pccc-meet__question").evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 24 and size >= viewport["height"] * 0.035
        assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"quiz-meeting-{viewport['width']}x{viewport['height']}.png"))
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_in_meeting_mode(page, site, scheme):
    page.set_viewport_size(PROJECTORS[1])
    use_colour_scheme(page, scheme)
    _open(page, site, "en")
    assert shown_scheme(page) == scheme
    page.keyboard.press("Space")
    assert blocking_violations(page) == []


def test_without_javascript_every_question_and_answer_is_on_the_page(browser, site, starter):
    context = browser.new_context(base_url=site.origin, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site.url(URLS["vi"]))
        assert tab.locator(".pccc-meet__slide:visible").count() == len(starter.questions) + 1
        assert tab.locator(".pccc-meet__bar").is_hidden()
        tab.locator(f"#meet-{starter.questions[0].id}-answer summary").click()
        assert tab.locator(f"#meet-{starter.questions[0].id} .pccc-meet__right").is_visible()
    finally:
        context.close()


MEETING_ROOM = {"width": 1280, "height": 800}
# Walks a whole set with the Space key, as a trainer would, and measures each question with its answer shown.
WALK = """() => {
  const press = key => window.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true, cancelable: true}));
  const stage = document.querySelector('.pccc-meet__slides');
  const bar = () => JSON.stringify([...document.querySelectorAll('.pccc-meet__bar > *')].map(el => {
    const b = el.getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; }));
  const before = bar(), seen = [];
  for (let step = 0; step < 100; step++) {
    const slide = document.querySelector('.pccc-meet__slide:not([hidden])');
    if (!slide.querySelector('.pccc-meet__answer')) break;
    press(' ');
    const parts = [...slide.querySelectorAll('.pccc-meet__question, .pccc-meet__options > li, .pccc-meet__right, .pccc-meet__notes > p')];
    seen.push({id: slide.id, revealed: slide.querySelector('.pccc-meet__answer').open,
               overflow: stage.scrollHeight - stage.clientHeight,
               bottom: Math.max(...parts.map(el => el.getBoundingClientRect().bottom)),
               visible: parts.every(el => el.getBoundingClientRect().height > 0),
               size: parseFloat(getComputedStyle(slide.querySelector('.pccc-meet__question')).fontSize),
               scrolled: window.scrollY, barMoved: bar() !== before});
    press(' ');
  }
  return {seen: seen, end: document.querySelector('.pccc-meet__slide:not([hidden])').id, barMovedAtEnd: bar() !== before};
}"""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_at_1280x800_every_question_fits_with_its_answer_shown_and_the_buttons_stay_put(browser, site, language):
    """Every question of every set: the question, all options and the revealed answer and notes, without scrolling."""
    context = browser.new_context(base_url=site.origin, viewport=MEETING_ROOM)
    tab = context.new_page()
    problems, sizes = [], []
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        for quiz in check_bank().sets:
            tab.goto(site.url(f"{'en/' if language == 'en' else ''}trac-nghiem/{quiz.id}/trinh-chieu/"))
            tab.wait_for_selector(".pccc-meet__bar:visible")
            walk = tab.evaluate(WALK)
            assert [state["id"] for state in walk["seen"]] == [f"meet-{q.id}" for q in quiz.questions]
            assert walk["end"] == "meet-end" and not walk["barMovedAtEnd"], "a control moved on the last slide"
            for state in walk["seen"]:
                sizes.append(state["size"])
                if (not state["revealed"] or state["overflow"] > 1 or state["bottom"] > MEETING_ROOM["height"]
                        or not state["visible"] or state["scrolled"] or state["barMoved"]):
                    problems.append((quiz.id, state))
            tab.keyboard.press("Home")
            tab.keyboard.press("Space")
            tab.screenshot(path=str(ARTIFACTS / f"quiz-meeting-1280x800-{quiz.id}-{language}.png"))
    finally:
        context.close()
    assert problems == []
    assert min(sizes) >= 24, f"the smallest question type is {min(sizes)}px"


def test_the_presentation_view_leaves_out_the_site_header(page, site):
    page.set_viewport_size(MEETING_ROOM)
    _open(page, site, "en")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-footer").is_hidden()
    bar = page.locator(".pccc-meet__bar").bounding_box()
    assert bar["y"] < 40, "the controls are at the top of the screen"
    exit_link = page.locator(".pccc-meet__exit")
    assert exit_link.is_visible() and exit_link.get_attribute("href") == "../"


def test_on_a_phone_space_moves_on_and_never_scrolls_the_page(phone_page, site, starter):
    _open(phone_page, site, "vi")
    for _ in range(3):
        phone_page.keyboard.press("Space")
        assert phone_page.evaluate("window.scrollY") == 0
    assert _current(phone_page) == f"meet-{starter.questions[1].id}" and _revealed(phone_page)
    phone_page.locator(".pccc-meet__slide:visible .pccc-meet__notes a").focus()
    phone_page.keyboard.press("Space")  # on a link, Space is not a click: it moves on, without scrolling
    assert _current(phone_page) == f"meet-{starter.questions[2].id}"
    assert phone_page.evaluate("window.scrollY") == 0
    assert phone_page.evaluate("document.documentElement.scrollHeight <= innerHeight || getComputedStyle(document.documentElement).overflowY === 'hidden'")
    ARTIFACTS.mkdir(exist_ok=True)
    phone_page.screenshot(path=str(ARTIFACTS / "quiz-meeting-phone.png"))
