"""Quizzes the starter set does not cover, in a copy of the project built with --strict.

- A quiz whose text carries markup and script in every field a learner sees:
  the page shows it as text and runs nothing.
- A quiz with a pool: each attempt asks that many questions, numbered in
  order, and keeps its selection on reload.
"""

from __future__ import annotations

import json

import pytest

from bench_projects import copy_site
from conftest import free_port, serve
from test_quiz_build import build_copy

IMG = "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">"
SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
LINK = '<a href="javascript:alert(1)">link</a>'
HOSTILE = f"{IMG} {SCRIPT} {LINK} & **bold** `code`"
H, I, S = (json.dumps(text) for text in (HOSTILE, IMG, SCRIPT))  # JSON strings are valid YAML
QUIZ = f"""# yaml-language-server: $schema=./schema.json
id: thu-doc-hai
title: {{vi: "Thử & kiểm tra \\"an toàn\\"", en: "Safety & \\"escaping\\" test"}}
intro: {{vi: {H}, en: {H}}}
minutes: 1
pass_percent: 50
shuffle_options: false
questions:
  - id: cau-doc-hai
    type: single
    text: {{vi: {H}, en: {H}}}
    hint: {{vi: {H}, en: {H}}}
    options:
      - id: lua-chon-doc
        text: {{vi: {I}, en: {I}}}
        correct: true
        feedback: {{vi: {S}, en: {S}}}
      - id: lua-chon-hai
        text: {{vi: {S}, en: {S}}}
    explanation: {{vi: {H}, en: {H}}}
    source: ky-nang/index.md#so-khan-cap
"""


POOLED = """# yaml-language-server: $schema=./schema.json
id: chon-ngau-nhien
title: {vi: Chọn ngẫu nhiên, en: Drawn at random}
intro: {vi: Ba trong năm câu., en: Three of five questions.}
minutes: 2
pass_percent: 60
shuffle_options: true
pool: 3
questions:
""" + "".join(
    f"""  - id: cau-{n}
    type: true-false
    text: {{vi: "Mệnh đề số {n} đúng.", en: "Statement {n} is true."}}
    answer: true
    explanation: {{vi: "Giải thích {n}.", en: "Explanation {n}."}}
    source: ky-nang/index.md#so-khan-cap
"""
    for n in range(1, 6)
)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    project = copy_site(tmp_path_factory.mktemp("hostile"))
    (project / "quizzes" / "thu-doc-hai.yml").write_text(QUIZ, encoding="utf-8")
    (project / "quizzes" / "chon-ngau-nhien.yml").write_text(POOLED, encoding="utf-8")
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    site_dir = project / "site"
    result = build_copy(project, site_dir, origin)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    server = serve(site_dir, port)
    yield origin
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["trac-nghiem/thu-doc-hai/", "en/trac-nghiem/thu-doc-hai/"])
def test_markup_in_a_quiz_is_shown_as_text_and_runs_nothing(browser, hostile_site, path):
    context = browser.new_context()
    tab = context.new_page()
    events: list[str] = []
    tab.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("pageerror", lambda error: events.append(f"error: {error}"))
    tab.on("console", lambda message: events.append(f"console: {message.text}") if message.type == "error" else None)
    try:
        tab.goto(hostile_site + path)
        tab.wait_for_selector(".pccc-quiz__check:visible")
        question = tab.locator('.pccc-quiz__question[data-id="cau-doc-hai"]')
        question.locator(".pccc-quiz__hint summary").click()
        question.locator('li[data-option="lua-chon-doc"] label').click()
        question.locator(".pccc-quiz__check").click()
        tab.wait_for_timeout(300)

        assert tab.evaluate("window.__pwned") is None
        assert events == []
        quiz = tab.locator(".pccc-quiz")
        assert quiz.locator("img").count() == 0
        assert quiz.locator("script").count() == 1  # the quiz's own quiz.js
        assert quiz.locator('a[href^="javascript:"]').count() == 0
        visible = quiz.inner_text()
        for literal in (IMG, SCRIPT, LINK):
            assert visible.count(literal) >= 3, literal
        assert question.locator("legend strong").inner_text() == "bold"
        assert question.locator("legend code").inner_text() == "code"
        assert question.locator(".pccc-quiz__feedback").first.inner_text() == SCRIPT
        title = tab.title()
        assert title.startswith(("Thử & kiểm tra \"an toàn\" - ", "Safety & \"escaping\" test - "))
        assert tab.locator("h1").inner_text() in ('Thử & kiểm tra "an toàn"', 'Safety & "escaping" test')
    finally:
        context.close()


def test_the_quiz_index_shows_the_title_as_text(browser, hostile_site):
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(hostile_site + "trac-nghiem/")
        link = tab.locator('a[href="thu-doc-hai/"]').first
        assert link.inner_text() == 'Thử & kiểm tra "an toàn"'
    finally:
        context.close()


def test_a_pool_asks_that_many_questions_and_keeps_them_on_reload(browser, hostile_site):
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(hostile_site + "en/trac-nghiem/chon-ngau-nhien/")
        tab.wait_for_selector(".pccc-quiz__check:visible")
        asked = tab.locator(".pccc-quiz__question:visible")
        assert asked.count() == 3
        assert asked.locator(".pccc-quiz__number").all_inner_texts() == ["Question 1.", "Question 2.", "Question 3."]
        chosen = asked.evaluate_all("items => items.map(li => li.dataset.id)")
        tab.reload()
        tab.wait_for_selector(".pccc-quiz__check:visible")
        assert tab.locator(".pccc-quiz__question:visible").evaluate_all("items => items.map(li => li.dataset.id)") == chosen
        for question_id in chosen:
            block = tab.locator(f'.pccc-quiz__question[data-id="{question_id}"]')
            block.locator('li[data-option="true"] label').click()
            block.locator(".pccc-quiz__check").click()
        assert tab.locator(".pccc-quiz__score").inner_text().startswith("You answered 3 of 3 questions right (100%). Passed")
    finally:
        context.close()
