"""The printable learner sheet and answer key in Chromium's print-to-PDF.

The PDFs go to test-artifacts/ for people to look at
(``pdftoppm -png -r 60 file.pdf out`` turns them into pictures).
The expected letters come from the quiz file, in its option order.
"""

from __future__ import annotations

import pytest

from browser.helpers import pdf_page_count, print_to_pdf

from conftest import ARTIFACTS
from pccc_site.quiz.render import LETTERS
from pccc_site.quiz.validate import check_bank

QUIZ_ID = "kien-thuc-co-ban"
HIDDEN_IN_PRINT = [".md-header", ".md-sidebar--primary", ".md-footer", ".pccc-sheet__screen", "details.pccc-trainer"]


@pytest.fixture(scope="module")
def starter():
    return next(quiz for quiz in check_bank().sets if quiz.id == QUIZ_ID)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_key_shows_the_right_letters_explanations_and_sources(page, site, starter, language):
    prefix = "" if language == "vi" else "en/"
    pdf = print_to_pdf(page, site.url(f"{prefix}trac-nghiem/{QUIZ_ID}/dap-an/"), f"quiz-key-{language}")
    assert 1 <= pdf_page_count(pdf) <= 4
    grid = page.locator(".pccc-sheet__grid li strong").all_inner_texts()
    expected = [", ".join(LETTERS[i] for i, o in enumerate(q.options) if o.correct) for q in starter.questions]
    assert grid == expected
    assert expected[:2] == ["B", "B"]  # 114 is the second option of the first question; "false" the second of the next
    for question, letters in zip(starter.questions, expected):
        entry = page.locator(f'.pccc-sheet__question[data-id="{question.id}"]')
        assert entry.locator(".pccc-sheet__answer").inner_text().endswith(letters)
        assert entry.locator(".is-right .pccc-sheet__letter").all_inner_texts() == [f"{x}." for x in letters.split(", ")]
        source = entry.locator(".pccc-sheet__source")
        assert source.locator("a").is_visible()
        assert source.locator(".pccc-sheet__address").inner_text().startswith(site.origin)
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_learner_sheet_prints_blank_boxes_and_no_answer(page, site, starter, language):
    prefix = "" if language == "vi" else "en/"
    pdf = print_to_pdf(page, site.url(f"{prefix}trac-nghiem/{QUIZ_ID}/phieu/"), f"quiz-sheet-{language}")
    assert pdf_page_count(pdf) == 1  # eight questions fit on one A4 sheet
    text = page.locator("article").inner_text()
    for question in starter.questions:
        assert page.locator(f'.pccc-sheet__question[data-id="{question.id}"] .pccc-sheet__box').count() == len(question.options)
        assert question.explanation[language].replace("**", "") not in text
    assert "✓" not in text and page.locator(".is-right, [data-correct], .pccc-sheet__answer").count() == 0
    assert page.locator("article button:visible, article input:visible").count() == 0
    box = page.locator(".pccc-sheet__box").first.bounding_box()
    assert box["width"] > 8 and box["width"] == pytest.approx(box["height"], abs=1)
    assert page.locator(".pccc-sheet__online svg.pccc-qr").is_visible()  # the quiz's own QR code, to take it online
    assert page.locator(".pccc-sheet__online a.pccc-address").inner_text() == site.url(f"{prefix}trac-nghiem/{QUIZ_ID}/")
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"


def test_the_sheet_reads_well_on_a_phone(phone_page, site):
    phone_page.goto(site.url(f"trac-nghiem/{QUIZ_ID}/phieu/"))
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone_page.locator(".pccc-sheet__screen a").get_attribute("href") == "../"
    qr = phone_page.locator(".pccc-sheet__online svg.pccc-qr").bounding_box()
    assert qr["width"] >= 64
    ARTIFACTS.mkdir(exist_ok=True)
    phone_page.screenshot(path=str(ARTIFACTS / "quiz-sheet-vi-phone.png"), full_page=True)
