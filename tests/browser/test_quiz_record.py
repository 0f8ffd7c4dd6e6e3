"""The self-check record: finish a quiz, open the record, print it; nothing leaves the browser."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser.helpers import blocking_violations

from conftest import ARTIFACTS
from pccc_site.quiz.links import source_address
from pccc_site.quiz.validate import check_bank

QUIZ_ID = "kien-thuc-co-ban"
URLS = {"vi": f"trac-nghiem/{QUIZ_ID}/", "en": f"en/trac-nghiem/{QUIZ_ID}/"}
RECORD = f"#record-{QUIZ_ID}"


@pytest.fixture(scope="module")
def starter():
    return next(quiz for quiz in check_bank().sets if quiz.id == QUIZ_ID)


@pytest.fixture
def watched(browser, site):
    """A tab that records every request it makes."""
    context = browser.new_context(base_url=site.origin, viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append((request.method, request.url)))
    yield tab
    context.close()


def _finish(page, site, quiz, language: str, wrong_index: int | None) -> None:
    page.goto(site.url(URLS[language]))
    page.wait_for_selector(".pccc-quiz__check:visible")
    for index, question in enumerate(quiz.questions):
        chosen = [o.id for o in question.options if o.correct != (index == wrong_index)][:1 if index == wrong_index else None]
        block = page.locator(f'.pccc-quiz__question[data-id="{question.id}"]')
        for option_id in chosen:
            block.locator(f'li[data-option="{option_id}"] label').click()
        block.locator(".pccc-quiz__check").click()
    page.wait_for_selector(".pccc-quiz__summary:visible")


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_the_record_lists_the_missed_question_with_its_source_and_sends_nothing(watched, site, starter):
    page = watched
    missed = starter.questions[2]
    _finish(page, site, starter, "vi", wrong_index=2)
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    record = page.locator(RECORD)
    assert record.is_hidden()
    page.locator(".pccc-quiz__record-open").click()
    assert record.is_visible() and page.evaluate("document.activeElement.id") == RECORD[1:]
    assert "không gửi tên, bài làm hay điểm số" in record.locator(".pccc-quiz__private").inner_text()
    facts = record.locator(".pccc-quiz__facts").inner_text()
    assert starter.title["vi"] in facts and starter.version in facts
    assert "Bạn trả lời đúng 7/8 câu (88%). Đạt" in facts
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", record.locator(".pccc-quiz__date").inner_text())
    items = record.locator(".pccc-quiz__missed li")
    assert items.count() == 1
    assert items.first.inner_text().startswith(f"Câu 3. {missed.text['vi']}")
    link = items.first.locator(".pccc-quiz__source a")
    assert link.get_attribute("href") == "../../ky-nang/#so-khan-cap"
    assert items.first.locator(".pccc-quiz__address").inner_text() == source_address(site.origin, missed, "vi")
    record.locator("input").fill("Nguyễn Văn An")
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = page.pdf(path=str(ARTIFACTS / "print-quiz-record-vi.pdf"), format="A4")
    assert pdf.startswith(b"%PDF") and _page_count(pdf) == 1
    assert record.is_visible() and record.locator("input").input_value() == "Nguyễn Văn An"
    for selector in (".pccc-quiz", "article > h1", "details.pccc-trainer", ".md-header", ".pccc-quiz__record-actions"):
        assert not page.locator(selector).first.is_visible(), f"{selector} prints with the record"
    assert page.requests[before:] == [], "opening, filling in and printing the record made a request"
    own = urlsplit(site.origin).netloc
    assert all(method == "GET" and urlsplit(url).netloc == own for method, url in page.requests)
    assert page.evaluate("JSON.stringify(localStorage)").count("Nguyễn Văn An") == 0


def test_all_right_in_english_says_so_and_close_returns_focus(watched, site, starter):
    page = watched
    _finish(page, site, starter, "en", wrong_index=None)
    opener = page.locator(".pccc-quiz__record-open")
    assert opener.inner_text() == "Print my self-check record"
    opener.click()
    record = page.locator(RECORD)
    assert record.locator(".pccc-quiz__all-right").is_visible() and record.locator(".pccc-quiz__missed").is_hidden()
    assert re.search(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b", record.locator(".pccc-quiz__date").inner_text())
    assert "sends your name, answers and score nowhere" in record.inner_text()
    assert blocking_violations(page) == []
    record.locator(".pccc-quiz__close").click()
    assert record.is_hidden() and page.evaluate("document.activeElement.classList.contains('pccc-quiz__record-open')")


def test_try_again_hides_the_record_and_printing_without_it_prints_the_quiz(watched, site, starter):
    page = watched
    _finish(page, site, starter, "vi", wrong_index=0)
    page.locator(".pccc-quiz__record-open").click()
    page.locator(".pccc-quiz__retry").click()
    assert page.locator(RECORD).is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".pccc-quiz__question legend").first.is_visible()


def test_the_record_is_only_offered_once_the_quiz_is_finished(watched, site, starter):
    page = watched
    page.goto(site.url(URLS["vi"]))
    page.wait_for_selector(".pccc-quiz__check:visible")
    assert page.locator(".pccc-quiz__record-open").is_hidden() and page.locator(RECORD).is_hidden()
