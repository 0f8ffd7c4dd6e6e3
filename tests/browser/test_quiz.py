"""Taking the starter quiz in Chromium: mouse, keyboard, saved progress, damaged storage, accessibility.

The expected answers come from the quiz file, not from the page.
"""

from __future__ import annotations

import json

import pytest

from browser.helpers import announcements, blocking_violations, record_announcements, shown_scheme, use_colour_scheme
from playwright.sync_api import expect

from conftest import ARTIFACTS, DESKTOP, PHONE
from pccc_site.quiz.validate import check_bank

QUIZ_ID = "kien-thuc-co-ban"
URLS = {"vi": f"trac-nghiem/{QUIZ_ID}/", "en": f"en/trac-nghiem/{QUIZ_ID}/"}
STORAGE_KEY = f"pccc-quiz:{QUIZ_ID}"


@pytest.fixture(scope="module")
def starter():
    sets = {quiz.id: quiz for quiz in check_bank().sets}
    return sets[QUIZ_ID]


def _right(question) -> list[str]:
    return [o.id for o in question.options if o.correct]


def _wrong(question) -> list[str]:
    return [next(o.id for o in question.options if not o.correct)]


def _question(page, question_id):
    return page.locator(f'.pccc-quiz__question[data-id="{question_id}"]')


def _open(page, site, language: str, errors: list | None = None):
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(site.url(URLS[language]))
    page.wait_for_selector(".pccc-quiz__check:visible")


def answer_by_mouse(page, question_id: str, option_ids: list[str]) -> None:
    block = _question(page, question_id)
    for option_id in option_ids:
        block.locator(f'li[data-option="{option_id}"] label').click()
    block.locator(".pccc-quiz__check").click()


def answer_by_keyboard(page, question, option_ids: list[str]) -> None:
    """Focus the first option, move with arrow keys, choose with Space, check with Enter on the button."""
    block = _question(page, question.id)
    order = block.locator("li.pccc-quiz__option").evaluate_all("items => items.map(li => li.dataset.option)")
    block.locator("input").first.focus()
    if question.type == "multiple":
        for index, option_id in enumerate(order):
            if option_id in option_ids:
                page.keyboard.press("Space")
            if index < len(order) - 1:
                page.keyboard.press("ArrowDown")
    else:
        target = order.index(option_ids[0])
        if target == 0:
            page.keyboard.press("Space")
        for _ in range(target):
            page.keyboard.press("ArrowDown")
    assert block.locator(".pccc-quiz__result").is_hidden(), "arrow keys must not check the answer"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('pccc-quiz__check')")
    page.keyboard.press("Enter")


def _score(page) -> str:
    page.wait_for_selector(".pccc-quiz__summary:visible")
    return page.locator(".pccc-quiz__score").inner_text()


def _saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')"))


def test_all_right_by_mouse_in_vietnamese(page, site, starter):
    errors: list[str] = []
    _open(page, site, "vi", errors)
    for question in starter.questions:
        answer_by_mouse(page, question.id, _right(question))
        assert _question(page, question.id).locator(".pccc-quiz__verdict").inner_text() == "Đúng."
    assert _score(page) == "Bạn trả lời đúng 8/8 câu (100%). Đạt: yêu cầu từ 75% trở lên."
    assert errors == []


def test_some_wrong_by_keyboard_in_english(page, site, starter):
    errors: list[str] = []
    _open(page, site, "en", errors)
    wrong = {starter.questions[0].id, starter.questions[3].id, starter.questions[7].id}
    for question in starter.questions:
        answer_by_keyboard(page, question, _wrong(question) if question.id in wrong else _right(question))
    assert _score(page) == "You answered 5 of 8 questions right (63%). Not passed yet: 75% is needed. Read the linked sections again, then try again."
    assert errors == []


def test_right_answers_by_keyboard_in_vietnamese_pass_at_the_mark(page, site, starter):
    _open(page, site, "vi")
    wrong = {starter.questions[1].id, starter.questions[4].id}
    for question in starter.questions:
        answer_by_keyboard(page, question, _wrong(question) if question.id in wrong else _right(question))
    assert _score(page).startswith("Bạn trả lời đúng 6/8 câu (75%). Đạt")


def test_multiple_answer_needs_every_right_option(page, site, starter):
    _open(page, site, "en")
    question = next(q for q in starter.questions if q.type == "multiple")
    answer_by_mouse(page, question.id, _right(question)[:1])
    block = _question(page, question.id)
    assert "Not right." in block.locator(".pccc-quiz__verdict").inner_text()
    assert block.locator("li.is-right").count() == len(_right(question))


def test_feedback_explanation_and_source_link_after_checking(page, site, starter):
    _open(page, site, "vi")
    question = starter.questions[0]
    chosen = _wrong(question)[0]
    answer_by_mouse(page, question.id, [chosen])
    block = _question(page, question.id)
    option = next(o for o in question.options if o.id == chosen)
    assert block.locator(f'li[data-option="{chosen}"] .pccc-quiz__feedback').inner_text() == option.feedback["vi"]
    assert block.locator(f'li[data-option="{chosen}"]').evaluate("li => li.classList.contains('is-wrong')")
    result = block.locator(".pccc-quiz__result")
    assert result.is_visible() and result.evaluate("el => el === document.activeElement")
    link = result.locator(".pccc-quiz__source a")
    assert link.get_attribute("href") == f"../../{question.page.replace('index.md', '')}#{question.anchor}"
    assert block.locator("input:disabled").count() == len(question.options)
    page.wait_for_function("document.querySelector('.pccc-quiz__live').textContent.length > 0")
    live = page.locator(".pccc-quiz__live")
    assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    assert live.inner_text().startswith("Câu 1: Chưa đúng.")
    link.click()
    assert page.url.endswith(f"#{question.anchor}")


@pytest.mark.parametrize("language, message", [("en", "Choose an answer before pressing Check."),
                                               ("vi", "Hãy chọn đáp án trước khi bấm Kiểm tra.")])
def test_check_without_an_answer_asks_for_one_on_screen_and_aloud(page, site, starter, language, message):
    _open(page, site, language)
    first = starter.questions[0]
    block = _question(page, first.id)
    button = block.locator(".pccc-quiz__check")
    button.click()
    notice = block.locator(".pccc-quiz__notice")
    assert notice.is_visible() and notice.inner_text() == message
    button_box, notice_box = button.bounding_box(), notice.bounding_box()
    assert 0 <= notice_box["y"] - (button_box["y"] + button_box["height"]) < 40, "the message sits right under the button"
    page.wait_for_function("document.querySelector('.pccc-quiz__live').textContent.length > 0")
    assert page.locator(".pccc-quiz__live").inner_text() == message
    assert block.locator(".pccc-quiz__result").is_hidden()
    ARTIFACTS.mkdir(exist_ok=True)
    block.screenshot(path=str(ARTIFACTS / f"quiz-empty-check-{language}.png"))
    block.locator(f'li[data-option="{_right(first)[0]}"] label').click()
    assert notice.is_hidden()  # choosing an answer clears it


def test_only_the_newest_message_is_read_out(page, site, starter):
    """Checking with no answer and then at once with one: the stale request must not follow the verdict."""
    _open(page, site, "en")
    first = starter.questions[0]
    record_announcements(page, ".pccc-quiz__live")
    page.evaluate("""([questionId, optionId]) => {
        const block = document.querySelector(`.pccc-quiz__question[data-id="${questionId}"]`);
        block.querySelector('.pccc-quiz__check').click();
        block.querySelector(`li[data-option="${optionId}"] input`).click();
        block.querySelector('.pccc-quiz__check').click();
    }""", [first.id, _right(first)[0]])
    heard = announcements(page)
    assert len(heard) == 1 and heard[0].startswith("Question 1: Right."), heard


def test_reload_keeps_answers_selection_and_option_order(page, site, starter):
    _open(page, site, "vi")
    first, second, third = starter.questions[:3]
    answer_by_mouse(page, first.id, _right(first))
    answer_by_mouse(page, second.id, _wrong(second))
    _question(page, third.id).locator(f'li[data-option="{_right(third)[0]}"] label').click()
    order = page.locator("li.pccc-quiz__option").evaluate_all("items => items.map(li => li.dataset.option)")
    page.reload()
    page.wait_for_selector(".pccc-quiz__check:visible")
    assert page.locator("li.pccc-quiz__option").evaluate_all("items => items.map(li => li.dataset.option)") == order
    assert _question(page, first.id).locator(".pccc-quiz__result").is_visible()
    assert "Chưa đúng" in _question(page, second.id).locator(".pccc-quiz__verdict").inner_text()
    third_block = _question(page, third.id)
    assert third_block.locator(".pccc-quiz__result").is_hidden()
    assert third_block.locator(f'input[value="{_right(third)[0]}"]').is_checked()
    assert page.locator(".pccc-quiz__progress").inner_text() == "Đã làm 2/8 câu."


def test_retry_clears_everything(page, site, starter):
    _open(page, site, "en")
    for question in starter.questions:
        answer_by_mouse(page, question.id, _right(question))
    _score(page)
    seed = _saved(page)["seed"]
    page.locator(".pccc-quiz__retry").click()
    assert page.locator(".pccc-quiz__summary").is_hidden()
    assert page.locator(".pccc-quiz__result:visible").count() == 0
    assert page.locator(".pccc-quiz input:checked").count() == 0 and page.locator(".pccc-quiz input:disabled").count() == 0
    assert page.locator(".pccc-quiz__progress").inner_text() == "0 of 8 questions answered."
    saved = _saved(page)
    assert saved["answers"] == {} and saved["seed"] != seed
    notice = page.locator(".pccc-quiz__progress + .pccc-quiz__notice")
    assert notice.is_visible() and notice.inner_text() == "Your answers were cleared; you can start again."
    expect(page.locator(".pccc-quiz__live")).to_have_text(notice.inner_text())
    answer_by_mouse(page, starter.questions[0].id, _right(starter.questions[0]))
    assert notice.is_hidden()


def test_a_changed_question_drops_only_its_own_saved_answer(page, site, starter):
    first, second = starter.questions[:2]
    saved = {
        "version": "an-older-set-version",
        "seed": 7,
        "answers": {
            first.id: {"version": first.version, "chosen": _right(first), "done": True},
            second.id: {"version": "an-older-question", "chosen": _right(second), "done": True},
        },
    }
    page.goto(site.url(URLS["vi"]))
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(json.dumps(saved))})")
    page.reload()
    page.wait_for_selector(".pccc-quiz__check:visible")
    assert _question(page, first.id).locator(".pccc-quiz__result").is_visible()
    assert _question(page, second.id).locator(".pccc-quiz__result").is_hidden()
    assert _question(page, second.id).locator("input:checked").count() == 0
    stored = _saved(page)
    assert stored["version"] == starter.version and second.id not in stored["answers"]


CORRUPT = [
    "{not json",
    "[]",
    "null",
    "42",
    '"a string"',
    '{"version": 5, "seed": "x", "answers": []}',
    '{"answers": {"so-bao-chay": "yes", "goi-114-mien-phi": {"version": null, "chosen": "true"}}}',
    '{"answers": {"__proto__": {"polluted": true}, "constructor": {"chosen": ["a"]}}}',
    '{"seed": 1e308, "answers": {"so-bao-chay": {"version": "VERSION", "chosen": ["so-114", "so-113"], "done": true}}}',
    '{"seed": -1, "answers": {"so-bao-chay": {"version": "VERSION", "chosen": [null, {}, "<img src=x onerror=alert(1)>"], "done": true}}}',
]


@pytest.mark.parametrize("stored", CORRUPT)
def test_damaged_storage_never_breaks_the_page(page, site, starter, stored):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    page.goto(site.url(URLS["vi"]))
    value = stored.replace("VERSION", starter.questions[0].version)
    page.evaluate(f"localStorage.setItem('{STORAGE_KEY}', {json.dumps(value)})")
    page.reload()
    page.wait_for_selector(".pccc-quiz__check:visible")
    assert page.locator(".pccc-quiz__result:visible").count() == 0
    assert page.evaluate("({}).polluted") is None
    question = starter.questions[0]
    answer_by_mouse(page, question.id, _right(question))
    assert _question(page, question.id).locator(".pccc-quiz__result").is_visible()
    assert _saved(page)["answers"][question.id]["chosen"] == _right(question)
    assert errors == []


def test_storage_that_refuses_writes_does_not_break_the_page(browser, site, starter):
    context = browser.new_context(base_url=site.origin)
    context.add_init_script("Storage.prototype.setItem = function () { throw new Error('QuotaExceededError'); };")
    tab = context.new_page()
    errors: list[str] = []
    try:
        _open(tab, site, "vi", errors)
        answer_by_mouse(tab, starter.questions[0].id, _right(starter.questions[0]))
        assert _question(tab, starter.questions[0].id).locator(".pccc-quiz__result").is_visible()
        assert errors == []
    finally:
        context.close()


def test_without_javascript_the_answers_can_still_be_read(browser, site, starter):
    context = browser.new_context(base_url=site.origin, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(site.url(URLS["vi"]))
        assert tab.locator(".pccc-quiz__check:visible").count() == 0
        block = _question(tab, starter.questions[0].id)
        block.locator(".pccc-quiz__answer summary").click()
        answer = block.locator(".pccc-quiz__answer")
        assert "Đáp án đúng:" in answer.inner_text() and answer.locator(".pccc-quiz__source a").is_visible()
    finally:
        context.close()


def test_print_shows_questions_with_empty_boxes_and_no_buttons(page, site, starter):
    _open(page, site, "vi")
    answer_by_mouse(page, starter.questions[0].id, _right(starter.questions[0]))
    page.emulate_media(media="print")
    for selector in (".pccc-quiz__check", ".pccc-quiz__result", ".pccc-quiz__retry", ".pccc-quiz__tag"):
        assert page.locator(f"{selector}:visible").count() == 0, selector
    assert page.locator(".pccc-quiz__question legend:visible").count() == len(starter.questions)
    box = page.locator(".pccc-quiz input:checked").first.evaluate("i => getComputedStyle(i).appearance")
    assert box == "none"  # drawn as an empty box, whatever was chosen on screen


def test_no_motion_and_forced_colours(browser, site, starter):
    context = browser.new_context(base_url=site.origin, forced_colors="active")
    tab = context.new_page()
    try:
        _open(tab, site, "en")
        question = starter.questions[0]
        answer_by_mouse(tab, question.id, _right(question))
        right = _question(tab, question.id).locator("li.is-right")
        assert right.evaluate("li => getComputedStyle(li).borderTopWidth") == "3px"
        durations = tab.locator(".pccc-quiz *").evaluate_all(
            "els => els.map(e => getComputedStyle(e)).filter(s => s.transitionDuration !== '0s' || s.animationName !== 'none').length")
        assert durations == 0
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "scheme", "viewport"),
    [("vi", "light", DESKTOP), ("en", "dark", DESKTOP), ("vi", "dark", PHONE), ("en", "light", PHONE)],
    ids=["vi-light-desktop", "en-dark-desktop", "vi-dark-phone", "en-light-phone"],
)
def test_axe_finds_nothing_serious_on_a_quiz_page_in_use(page, site, starter, language, scheme, viewport):
    page.set_viewport_size(viewport)
    use_colour_scheme(page, scheme)
    _open(page, site, language)
    assert shown_scheme(page) == scheme
    for index, question in enumerate(starter.questions[:4]):
        answer_by_mouse(page, question.id, _right(question) if index % 2 else _wrong(question))
    assert blocking_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_screenshots_of_a_quiz_in_use(page, site, starter, language):
    """The quiz answered once (two answers wrong), then seen at both widths in light and dark mode:
    the answers are kept in the browser, so the page opens again with them."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.set_viewport_size(PHONE)
    _open(page, site, language)
    for index, question in enumerate(starter.questions):
        answer_by_mouse(page, question.id, _wrong(question) if index in (0, 4) else _right(question))
    for scheme in ("light", "dark"):
        page.set_viewport_size(PHONE)
        use_colour_scheme(page, scheme)
        page.goto(site.url(URLS[language]))
        page.wait_for_selector(".pccc-quiz__summary:visible")  # every question answered: the score shows
        assert page.locator(".pccc-quiz__result:visible").count() == len(starter.questions)
        assert shown_scheme(page) == scheme
        for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(viewport)
            target = ARTIFACTS / f"quiz-{language}-{label}-{scheme}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000
