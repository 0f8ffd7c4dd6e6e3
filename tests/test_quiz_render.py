"""Rendering a quiz: escaping, structure, both languages, links and assets."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from pccc_site.quiz import build, render
from pccc_site.quiz.model import quiz_set
from pccc_site.quiz.sources import Site
from pccc_site.quiz.strings import SCRIPT_KEYS, STRINGS

FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
SITE = Site(FIXTURES / "docs")
HOSTILE = '<img src=x onerror="alert(1)"> <script>alert(2)</script> & "quotes" \'single\''


def _set(**changes) -> dict:
    raw = yaml.safe_load((FIXTURES / "valid" / "day-du.yml").read_text(encoding="utf-8"))
    raw.update(changes)
    return raw


def _render(raw: dict, language: str = "vi") -> str:
    return render.render_quiz(quiz_set(raw), language, SITE, "../../", "../../")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in {"input", "link", "br", "img"}:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def _tags(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("**bold** and `code`", "<strong>bold</strong> and <code>code</code>"),
        ("`**not bold**`", "<code>**not bold**</code>"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("**<b>x</b>**", "<strong>&lt;b&gt;x&lt;/b&gt;</strong>"),
        ("`<script>`", "<code>&lt;script&gt;</code>"),
        ("** not bold **", "** not bold **"),
    ],
)
def test_inline_escapes_then_allows_bold_and_code(text, expected):
    assert render.inline(text) == expected


def test_hostile_text_everywhere_becomes_text():
    raw = _set()
    question = raw["questions"][0]
    question["text"] = {"vi": HOSTILE, "en": HOSTILE}
    question["options"][0]["text"] = {"vi": HOSTILE, "en": HOSTILE}
    question["options"][0]["feedback"] = {"vi": HOSTILE, "en": HOSTILE}
    question["explanation"] = {"vi": HOSTILE, "en": HOSTILE}
    question["hint"] = {"vi": HOSTILE, "en": HOSTILE}
    raw["intro"] = {"vi": HOSTILE, "en": HOSTILE}
    for language in ("vi", "en"):
        markup = _render(raw, language)
        parsed = _tags(markup)
        assert [t for t, _ in parsed.tags].count("script") == 1  # only the quiz's own script tag
        assert not any(tag == "img" for tag, _ in parsed.tags)
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
        assert markup.count(html.escape(HOSTILE)) >= 5


def test_html_is_well_formed_and_has_one_fieldset_per_question():
    markup = _render(_set())
    parsed = _tags(markup)
    assert [t for t, _ in parsed.tags].count("fieldset") == 4
    assert [t for t, _ in parsed.tags].count("legend") == 4


def test_inputs_group_by_question_and_carry_option_ids():
    parsed = _tags(_render(_set()))
    inputs = [attrs for tag, attrs in parsed.tags if tag == "input"]
    assert {(i["type"], i["name"]) for i in inputs} == {
        ("radio", "q-mot-dap-an"), ("checkbox", "q-nhieu-dap-an"), ("radio", "q-dung-sai"), ("radio", "q-dung-sai-hai")}
    assert [i["value"] for i in inputs if i["name"] == "q-dung-sai"] == ["true", "false"]


def test_correct_options_are_marked_for_the_script_and_named_in_the_answer():
    markup = _render(_set())
    assert re.search(r'data-option="dung" data-correct', markup)
    assert not re.search(r'data-option="sai-mot" data-correct', markup)
    assert '<strong>Đáp án đúng:</strong></p><ul class="pccc-quiz__right-list"><li>Một</li><li>Ba</li></ul>' in markup
    assert '<strong>Đáp án đúng:</strong> Đúng</p>' in markup
    assert '<strong>Right answer:</strong> False</p>' in render.render_quiz(quiz_set(_set()), "en", SITE, "", "")


def test_interface_text_follows_the_language():
    vi, en = _render(_set(), "vi"), _render(_set(), "en")
    assert "Kiểm tra" in vi and ">Check<" in en
    assert "Câu 1." in vi and "Question 1." in en
    assert "Check" not in vi.replace("data-strings", "")  # no English leaks into the Vietnamese page
    for markup, language in ((vi, "vi"), (en, "en")):
        strings = re.search(r'data-strings="([^"]*)"', markup).group(1)
        for key in SCRIPT_KEYS:
            assert html.escape(STRINGS[language][key], quote=True) in strings


def test_every_interface_string_exists_in_both_languages_with_the_same_placeholders():
    assert STRINGS["vi"].keys() == STRINGS["en"].keys()
    for key in STRINGS["vi"]:
        assert set(re.findall(r"\{\w+\}", STRINGS["vi"][key])) == set(re.findall(r"\{\w+\}", STRINGS["en"][key])), key


def test_source_link_names_the_page_and_section_in_the_page_language():
    vi, en = _render(_set(), "vi"), _render(_set(), "en")
    assert '<a href="../../bai-hoc/#muc-mot">Bài học mẫu › Mục một</a>' in vi
    assert '<a href="../../bai-hoc/#muc-mot">Sample lesson › Section one</a>' in en
    assert '<a href="../../bai-hoc/#diem-rieng">Bài học mẫu</a>' in vi  # an anchor that is not a heading


def test_assets_are_linked_by_the_quiz_itself_with_relative_urls():
    markup = render.render_quiz(quiz_set(_set()), "en", SITE, "../../", "../../../")
    assert '<link rel="stylesheet" href="../../../assets/quiz/quiz.css">' in markup
    assert '<script defer src="../../../assets/quiz/quiz.js"></script>' in markup


def test_the_page_works_without_script_and_the_check_buttons_wait_for_it():
    markup = _render(_set())
    assert markup.count('<details class="pccc-quiz__answer') == 4
    assert markup.count('class="md-button pccc-quiz__check" hidden') == 4
    assert "<noscript>" in markup


def test_versions_are_content_hashes():
    first, changed = quiz_set(_set()), _set()
    changed["questions"][1]["text"]["en"] = "Changed?"
    second = quiz_set(changed)
    assert first.version != second.version
    assert [q.version for q in first.questions][0] == [q.version for q in second.questions][0]
    assert first.questions[1].version != second.questions[1].version
    assert quiz_set(_set()).version == first.version


@pytest.mark.parametrize(("page", "url"), [("index.md", ""), ("ky-nang/index.md", "ky-nang/"), ("bao-tri.md", "bao-tri/"), ("a/b.md", "a/b/")])
def test_page_url(page, url):
    assert render.page_url(page) == url


def test_page_front_matter_escapes_the_title_that_templates_print_raw():
    raw = _set(title={"vi": "PCCC & CNCH \"cơ bản\"", "en": "Fire & rescue"})
    text = render.page_markdown(quiz_set(raw), "vi", SITE, "../../", "../../")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == "PCCC &amp; CNCH &quot;cơ bản&quot;"
    assert meta["kind"] == "quiz"
    assert '"' not in meta["description"]


def test_index_table_escapes_titles_for_markdown():
    sets = [quiz_set(_set(title={"vi": "Bộ *một* [x](javascript:alert(1)) | <b>", "en": "One"}))]
    table = render.index_markdown(sets, "vi")
    row = table.splitlines()[2]
    assert row.startswith("| [Bộ \\*một\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\| &lt;b&gt;](day-du.md) | 3 (chọn từ 4) | 3 phút |")


def test_generated_page_source_computes_roots_per_language(monkeypatch):
    quiz = quiz_set(_set())
    monkeypatch.setattr(build, "_bank", {quiz.id: quiz})
    monkeypatch.setattr(build, "DOCS", FIXTURES / "docs")
    vi = build.page_source("trac-nghiem/day-du.md", "trac-nghiem/day-du/")
    en = build.page_source("trac-nghiem/day-du.en.md", "en/trac-nghiem/day-du/")
    assert 'href="../../assets/quiz/quiz.css"' in vi and 'href="../../bai-hoc/#muc-mot"' in vi
    assert 'href="../../../assets/quiz/quiz.css"' in en and 'href="../../bai-hoc/#muc-mot"' in en
    assert build.page_source("trac-nghiem/index.md", "trac-nghiem/") is None
    assert build.page_source("trac-nghiem/khong-co.md", "trac-nghiem/khong-co/") is None
    assert build.quiz_pages() == ["trac-nghiem/day-du.md", "trac-nghiem/day-du.en.md"]
    assert build.generated_pages()[:2] == build.quiz_pages() and "trac-nghiem/day-du/dap-an.en.md" in build.generated_pages()


def test_nav_gets_each_set_once_after_the_section_index(monkeypatch):
    quiz = quiz_set(_set())
    monkeypatch.setattr(build, "_bank", {quiz.id: quiz})
    nav = [{"Trang chủ": "index.md"}, {"Tự kiểm tra": ["trac-nghiem/index.md"]}]
    build.add_to_nav(nav)
    build.add_to_nav(nav)  # every language build calls it again
    assert nav[1] == {"Tự kiểm tra": ["trac-nghiem/index.md", "trac-nghiem/day-du.md"]}


def test_an_empty_bank_gives_a_sentence_not_an_empty_table():
    assert render.index_markdown([], "vi") == "Chưa có bộ câu hỏi nào."
    assert render.index_markdown([], "en") == "There are no question sets yet."
