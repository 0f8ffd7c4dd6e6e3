"""The trainer pages of each quiz set in the built site, and their HTML rendered from fixtures.

Browser checks of the same pages: tests/browser/test_quiz_print_sheets.py (print to PDF),
test_quiz_meeting.py (meeting mode), test_quiz_record.py (the self-check record).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from pccc_site.quiz import build, meeting, sheets, trainer
from pccc_site.quiz.links import PageContext, source_address
from pccc_site.quiz.model import quiz_set
from pccc_site.quiz.render import LETTERS, inline
from pccc_site.quiz.sources import Site
from pccc_site.quiz.validate import check, check_bank

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
SITE = Site(FIXTURES / "docs")
SPECIAL = FIXTURES / "export" / "ky-tu-dac-biet.yml"
KINDS = {"phieu": "learner", "dap-an": "key", "trinh-chieu": "meeting"}


def _sets():
    report = check_bank()
    assert report.errors == []
    return report.sets


def _html(site, url: str) -> str:
    return (site.root / url / "index.html").read_text(encoding="utf-8")


def _article(page: str) -> str:
    return page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def _special(**changes):
    raw = yaml.safe_load(SPECIAL.read_text(encoding="utf-8"))
    raw.update(changes)
    return quiz_set(raw)


def _context(quiz, language="vi", url="trac-nghiem/ky-tu-dac-biet/dap-an/"):
    prefix = "" if language == "vi" else "en/"
    return PageContext(quiz, language, prefix + url, "https://pccc.example.gov.vn/", SITE)


def _letters(question) -> str:
    return ",".join(LETTERS[i] for i, option in enumerate(question.options) if option.correct)


def test_every_set_has_its_three_trainer_pages_in_both_languages(site):
    for quiz in _sets():
        for kind in KINDS:
            vi, en = _html(site, f"trac-nghiem/{quiz.id}/{kind}"), _html(site, f"en/trac-nghiem/{quiz.id}/{kind}")
            assert '<html lang="vi"' in vi and '<html lang="en"' in en
            assert html.escape(quiz.title["vi"]) in vi.split("<h1", 1)[1].split("</h1>", 1)[0]
            assert html.escape(quiz.title["en"]) in en.split("<h1", 1)[1].split("</h1>", 1)[0]
            assert trainer.is_trainer_url(f"en/trac-nghiem/{quiz.id}/{kind}/")


def test_trainer_pages_stay_out_of_the_navigation_and_out_of_search(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = {doc["location"].split("#")[0] for doc in index["docs"]}
    nav = _html(site, "ky-nang").split('class="md-nav md-nav--primary"', 1)[1]
    for quiz in _sets():
        for kind in KINDS:
            assert f"trac-nghiem/{quiz.id}/{kind}/" not in located
            assert f"{quiz.id}/{kind}/" not in nav


def test_the_quiz_page_links_its_trainer_pages_from_the_trainer_box(site):
    for quiz in _sets():
        for prefix in ("", "en/"):
            box = re.search(r'<details class="pccc-trainer">.*?</details>', _html(site, f"{prefix}trac-nghiem/{quiz.id}"), re.DOTALL).group(0)
            assert re.findall(r'<ul class="pccc-trainer__quiz">.*?</ul>', box)
            assert re.findall(r'href="([^"]+)"', box.split("pccc-trainer__quiz", 1)[1]) == ["phieu/", "dap-an/", "trinh-chieu/"]
    assert "pccc-trainer__quiz" not in _html(site, "trac-nghiem") and "pccc-trainer__quiz" not in _html(site, "ky-nang")


def test_the_learner_sheet_has_every_question_and_no_answer(site):
    for quiz in _sets():
        for prefix, language in (("", "vi"), ("en/", "en")):
            sheet = _article(_html(site, f"{prefix}trac-nghiem/{quiz.id}/phieu"))
            assert sheet.count('class="pccc-sheet__question"') == len(quiz.questions)
            assert sheet.count('class="pccc-sheet__box"') == sum(len(q.options) for q in quiz.questions)
            for marker in ("data-correct", "is-right", "data-letters", "<button", "<input", "pccc-sheet__answer"):
                assert marker not in sheet, marker
            for question in quiz.questions:
                assert inline(question.explanation[language]) not in sheet
                for option in question.options:
                    if option.feedback:
                        assert inline(option.feedback[language]) not in sheet
            assert quiz.version in sheet


def test_the_answer_key_gives_the_letters_of_the_file_order_and_the_sources(site):
    for quiz in _sets():
        for prefix, language in (("", "vi"), ("en/", "en")):
            url = f"{prefix}trac-nghiem/{quiz.id}/dap-an/"
            key = _article(_html(site, url))
            entries = re.findall(r'<li class="pccc-sheet__question" data-id="([^"]+)" data-letters="([^"]+)">', key)
            assert entries == [(q.id, _letters(q)) for q in quiz.questions]
            for question in quiz.questions:
                assert source_address(site.origin, question, language) in key
            for href in re.findall(r'class="pccc-sheet__source"><strong>[^<]*</strong> <a href="([^"]+)"', key):
                path, anchor = href.split("#")
                target = (site.root / url / path / "index.html").resolve()
                assert target.is_file() and f'id="{anchor}"' in target.read_text(encoding="utf-8"), href


def test_sheets_letter_options_in_file_order_even_when_the_set_shuffles():
    quiz = _special()
    assert quiz.shuffle_options
    meta, body = sheets.learner_sheet(_context(quiz, url="trac-nghiem/ky-tu-dac-biet/phieu/"))
    first = body.split('data-id="bang-va-ngoac"', 1)[1].split("</li></ul>", 1)[0]
    assert re.findall(r'pccc-sheet__letter">([A-H])\.', first) == ["A", "B", "C"]
    assert first.index("a = {b}") < first.index("a ~ b # c")
    assert meta["title"] == "Phiếu trắc nghiệm: Ký tự đặc biệt: ~ = # { } & \\"


def test_the_key_and_meeting_mode_show_the_trainer_note_and_the_quiz_page_does_not(monkeypatch):
    quiz = _special()
    note = "Nhắc học viên: dấu ~ không phải dấu trừ."
    _, key = sheets.answer_key(_context(quiz))
    _, slides = meeting.meeting_page(_context(quiz, url="trac-nghiem/ky-tu-dac-biet/trinh-chieu/"))
    assert note in key and note in slides
    monkeypatch.setattr(build, "_bank", {quiz.id: quiz})
    monkeypatch.setattr(build, "DOCS", FIXTURES / "docs")
    assert "dấu ~ không phải" not in build.page_source("trac-nghiem/ky-tu-dac-biet.md", "trac-nghiem/ky-tu-dac-biet/")


def test_text_from_quiz_files_is_escaped_on_every_trainer_page():
    hostile = '<img src=x onerror="alert(1)"> <script>alert(2)</script>'
    raw = yaml.safe_load(SPECIAL.read_text(encoding="utf-8"))
    raw["questions"][0]["text"] = {"vi": hostile, "en": hostile}
    raw["questions"][0]["trainer_note"] = {"vi": hostile, "en": hostile}
    quiz = quiz_set(raw)
    for render in (sheets.learner_sheet, sheets.answer_key, meeting.meeting_page):
        meta, body = render(_context(quiz))
        assert "<img" not in body and "<script>" not in body and "&lt;img src=x" in body
        front = trainer.front_matter(meta)
        assert "<" not in front.split("description:", 1)[0].replace("title:", "")


def test_links_follow_the_url_style_of_the_build():
    quiz = _special()
    web = _context(quiz, "en", "trac-nghiem/ky-tu-dac-biet/dap-an/")
    offline = _context(quiz, "en", "trac-nghiem/ky-tu-dac-biet/dap-an.html")
    assert web.href("bai-hoc.md", "muc-mot") == "../../../bai-hoc/#muc-mot"
    assert offline.href("bai-hoc.md", "muc-mot") == "../../bai-hoc.html#muc-mot"
    assert web.quiz_href() == "../" and offline.quiz_href() == "../ky-tu-dac-biet.html"
    assert web.quiz_address() == offline.quiz_address() == "https://pccc.example.gov.vn/en/trac-nghiem/ky-tu-dac-biet/"
    assert trainer.panel_links({"x"}, "trac-nghiem/x.md", "trac-nghiem/x.html", "vi").count('href="x/') == 3
    assert trainer.panel_links({"x"}, "trac-nghiem/index.md", "trac-nghiem/", "vi") == ""


def test_front_matter_keeps_trainer_pages_out_of_search():
    front = yaml.safe_load(trainer.front_matter({"title": "A & <b>", "description": "d"}).strip("-\n"))
    assert front == {"title": "A &amp; &lt;b&gt;", "description": "d", "kind": "tool", "search": {"exclude": True}}


@pytest.mark.parametrize("kind", list(KINDS))
def test_page_source_answers_for_trainer_pages_only(monkeypatch, kind):
    quiz = _special()
    monkeypatch.setattr(build, "_bank", {quiz.id: quiz})
    monkeypatch.setattr(build, "DOCS", FIXTURES / "docs")
    source = build.page_source(f"trac-nghiem/ky-tu-dac-biet/{kind}.en.md", f"en/trac-nghiem/ky-tu-dac-biet/{kind}/", "https://x.example/")
    assert source.startswith("---\n") and f'data-sheet="{KINDS[kind]}"' in source or 'class="pccc-meet"' in source
    assert build.page_source(f"trac-nghiem/khong-co/{kind}.md", f"trac-nghiem/khong-co/{kind}/") is None


def test_in_the_offline_build_the_quiz_page_links_sources_to_their_files(monkeypatch):
    quiz = _special()
    monkeypatch.setattr(build, "_bank", {quiz.id: quiz})
    monkeypatch.setattr(build, "DOCS", FIXTURES / "docs")
    offline = build.page_source("trac-nghiem/ky-tu-dac-biet.en.md", "en/trac-nghiem/ky-tu-dac-biet.html", "https://x.example/")
    web = build.page_source("trac-nghiem/ky-tu-dac-biet.en.md", "en/trac-nghiem/ky-tu-dac-biet/", "https://x.example/")
    assert 'href="../bai-hoc.html#muc-mot" data-address="https://x.example/en/bai-hoc/#muc-mot"' in offline
    assert 'href="../../bai-hoc/#muc-mot" data-address="https://x.example/en/bai-hoc/#muc-mot"' in web


def test_trainer_note_is_checked_like_every_other_text(tmp_path):
    text = SPECIAL.read_text(encoding="utf-8").replace(
        '      en: "Remind learners: ~ is not a minus sign."\n', "")
    broken = tmp_path / "ky-tu-dac-biet.yml"
    broken.write_text(text, encoding="utf-8")
    report = check([broken], FIXTURES / "docs")
    assert [(p.code, p.line) for p in report.errors] == [("missing-translation", 33)]
    typo = tmp_path / "typo" / "ky-tu-dac-biet.yml"
    typo.parent.mkdir()
    typo.write_text(SPECIAL.read_text(encoding="utf-8").replace("trainer_note:", "trainer_notes:"), encoding="utf-8")
    problems = check([typo], FIXTURES / "docs").errors
    assert [p.code for p in problems] == ["unknown-key"] and "trainer_note" in problems[0].message
