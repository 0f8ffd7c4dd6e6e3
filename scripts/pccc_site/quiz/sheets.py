"""Printable sheets of a quiz set: the blank learner sheet and the trainer's answer key.

Letters follow the option order of the quiz file (A, B, C...; true-false
questions get A. True, B. False): paper is never shuffled, so the sheet and
the key always agree. Both print every question of the set, even when the
web page draws a pool of them. Both carry the set's content version, so a
key can be matched to the sheets printed with it.

Every text from a quiz file goes through ``render.inline`` (escaped; only
**bold** and `code` become tags). sheet.css lays them out for A4.
"""

from __future__ import annotations

import html

from .links import PageContext
from .model import Question, QuizSet
from .render import LETTERS, inline, source_label
from .strings import STRINGS
from ..qr import address_link, svg

TEXT = {
    "vi": {
        "sheet_title": "Phiếu trắc nghiệm: {title}",
        "sheet_description": "Phiếu in của bộ câu hỏi {title}, để làm bài trên giấy; không có đáp án.",
        "key_title": "Đáp án: {title}",
        "key_description": "Đáp án, giải thích và nguồn của bộ câu hỏi {title}, dành cho người tập huấn.",
        "screen": "Dùng lệnh In của trình duyệt (Ctrl + P), có thể chọn “Lưu dưới dạng PDF”; chỉ phần phiếu được in.",
        "back": "Về bài tự kiểm tra",
        "fields": ("Họ và tên", "Đơn vị", "Ngày"),
        "score": "Số câu đúng: ........ / {total}",
        "instructions": (
            "Đánh dấu X vào ô trước đáp án bạn chọn. Mỗi câu có một đáp án đúng, "
            "trừ những câu ghi “Chọn tất cả các ý đúng”."
        ),
        "pool": "Trên trang web, mỗi lần làm bài hỏi {asked} câu chọn ngẫu nhiên; phiếu in có đủ {total} câu.",
        "version": "phiên bản nội dung {version}",
        "online": "Làm bài trực tuyến, có chấm điểm và giải thích: quét mã hoặc mở",
        "key_notice": "Dành cho người tập huấn: không phát bản này cho người làm bài.",
        "grid": "Bảng đáp án",
        "grid_item": "Câu {n}:",
        "answer": "Đáp án:",
        "explanation": "Giải thích:",
        "note": "Ghi chú cho người tập huấn:",
        "source": "Nguồn:",
    },
    "en": {
        "sheet_title": "Question sheet: {title}",
        "sheet_description": "Printable sheet of the question set {title}, to answer on paper; no answers on it.",
        "key_title": "Answer key: {title}",
        "key_description": "Answers, explanations and sources of the question set {title}, for trainers.",
        "screen": "Use the browser's Print command (Ctrl + P), or choose “Save as PDF”; only the sheet is printed.",
        "back": "Back to the self-check quiz",
        "fields": ("Name", "Unit", "Date"),
        "score": "Right answers: ........ / {total}",
        "instructions": (
            "Put an X in the box of the answer you choose. Each question has one right answer, "
            "except those marked “Choose all that apply”."
        ),
        "pool": "On the website each attempt asks {asked} questions drawn at random; this sheet has all {total}.",
        "version": "content version {version}",
        "online": "Take it online, scored and explained: scan the code or open",
        "key_notice": "For the trainer: do not hand this page out to learners.",
        "grid": "Answers at a glance",
        "grid_item": "Q{n}:",
        "answer": "Answer:",
        "explanation": "Explanation:",
        "note": "Note for the trainer:",
        "source": "Source:",
    },
}


def right_letters(question: Question) -> list[str]:
    """The letters of the right options, in the quiz file's order."""
    return [LETTERS[index] for index, option in enumerate(question.options) if option.correct]


def right_answer(question: Question, language: str) -> str:
    """ "B. 114" or "A. One · C. Three" (HTML)."""
    return " · ".join(
        f"{LETTERS[index]}. {inline(option.text[language])}" for index, option in enumerate(question.options) if option.correct
    )


def meta_line(quiz: QuizSet, language: str) -> str:
    """ "8 câu · khoảng 5 phút · đạt từ 75% · phiên bản nội dung e0187bf01649"."""
    meta = STRINGS[language]["meta"].format(asked=len(quiz.questions), minutes=quiz.minutes, **{"pass": quiz.pass_percent})
    version = TEXT[language]["version"].format(version=quiz.version)
    return f'<p class="pccc-sheet__meta">{meta} · {version}</p>'


def _screen_note(context: PageContext) -> str:
    words = TEXT[context.language]
    return f'<p class="pccc-sheet__screen">{words["screen"]} <a href="{context.quiz_href()}">{words["back"]}</a></p>'


def _head(context: PageContext, kind: str) -> str:
    return (
        f'<div class="pccc-sheet pccc-sheet--{kind}" data-sheet="{kind}" data-version="{context.quiz.version}">\n'
        f'<link rel="stylesheet" href="{context.assets_root}assets/quiz/sheet.css">\n'
        f"{_screen_note(context)}"
    )


def _question_text(question: Question, number: int, language: str) -> str:
    parts = [f'<p class="pccc-sheet__text"><strong>{STRINGS[language]["question"].format(n=number)}</strong> {inline(question.text[language])}</p>']
    if question.type == "multiple":
        parts.append(f'<p class="pccc-sheet__instruction">{STRINGS[language]["choose_all"]}</p>')
    return "".join(parts)


def _options(question: Question, language: str, with_answers: bool) -> str:
    items = []
    for index, option in enumerate(question.options):
        mark = ' class="is-right"' if with_answers and option.correct else ""
        box = '<span class="pccc-sheet__box" aria-hidden="true"></span>' if not with_answers else ""
        items.append(
            f'<li{mark}>{box}<span class="pccc-sheet__letter">{LETTERS[index]}.</span> '
            f'<span class="pccc-sheet__label">{inline(option.text[language])}</span></li>'
        )
    return f'<ul class="pccc-sheet__options">{"".join(items)}</ul>'


def learner_sheet(context: PageContext) -> tuple[dict, str]:
    """Front matter and HTML of the blank sheet: no answer, no explanation, no button."""
    quiz, language = context.quiz, context.language
    words = TEXT[language]
    title = quiz.title[language]
    fields = "".join(f'<p>{name}: <span class="pccc-sheet__blank"></span></p>' for name in words["fields"])
    parts = [
        _head(context, "learner"),
        f'<div class="pccc-sheet__top"><div class="pccc-sheet__fields">{fields}'
        f'<p>{words["score"].format(total=len(quiz.questions))}</p></div>{_online(context)}</div>',
        meta_line(quiz, language),
        f'<p class="pccc-sheet__instructions">{words["instructions"]}</p>',
    ]
    if quiz.pool:
        parts.append(f'<p class="pccc-sheet__screen">{words["pool"].format(asked=quiz.pool, total=len(quiz.questions))}</p>')
    parts.append('<ol class="pccc-sheet__questions">')
    parts += [
        f'<li class="pccc-sheet__question" data-id="{q.id}">{_question_text(q, n, language)}{_options(q, language, False)}</li>'
        for n, q in enumerate(quiz.questions, start=1)
    ]
    parts += ["</ol>", "</div>"]
    meta = {"title": words["sheet_title"].format(title=title), "description": words["sheet_description"].format(title=title)}
    return meta, "\n".join(parts)


def _online(context: PageContext) -> str:
    address = context.quiz_address()
    if not address:  # no public address in this build: no code, no address
        return ""
    return (
        f'<div class="pccc-sheet__online">{svg(address, context.language)}'
        f'<p>{TEXT[context.language]["online"]} {address_link(address)}</p></div>'
    )


def _grid(quiz: QuizSet, language: str) -> str:
    words = TEXT[language]
    items = "".join(
        f'<li data-id="{q.id}"><span>{words["grid_item"].format(n=n)}</span> <strong>{", ".join(right_letters(q))}</strong></li>'
        for n, q in enumerate(quiz.questions, start=1)
    )
    return f'<h2 id="bang-dap-an">{words["grid"]}</h2><ol class="pccc-sheet__grid">{items}</ol>'


def _key_entry(context: PageContext, question: Question, number: int) -> str:
    language, words = context.language, TEXT[context.language]
    address = context.source_address(question)
    label = html.escape(source_label(question, language, context.site))
    parts = [
        f'<li class="pccc-sheet__question" data-id="{question.id}" data-letters="{",".join(right_letters(question))}">',
        _question_text(question, number, language),
        _options(question, language, True),
        f'<p class="pccc-sheet__answer"><strong>{words["answer"]}</strong> {", ".join(right_letters(question))}</p>',
        f'<p><strong>{words["explanation"]}</strong> {inline(question.explanation[language])}</p>',
    ]
    if question.trainer_note:
        parts.append(f'<p class="pccc-sheet__note"><strong>{words["note"]}</strong> {inline(question.trainer_note[language])}</p>')
    parts += [
        f'<p class="pccc-sheet__source"><strong>{words["source"]}</strong> '
        f'<a href="{html.escape(context.href(question.page, question.anchor), quote=True)}">{label}</a>'
        + (f' <span class="pccc-sheet__address">{html.escape(address)}</span>' if address else "") + "</p>",
        "</li>",
    ]
    return "".join(parts)


def answer_key(context: PageContext) -> tuple[dict, str]:
    """Front matter and HTML of the answer key: letters, explanation, trainer note, source."""
    quiz, language = context.quiz, context.language
    words = TEXT[language]
    title = quiz.title[language]
    parts = [
        _head(context, "key"),
        f'<p class="pccc-sheet__notice"><strong>{words["key_notice"]}</strong></p>',
        meta_line(quiz, language),
        _grid(quiz, language),
        '<ol class="pccc-sheet__questions">',
        *(_key_entry(context, q, n) for n, q in enumerate(quiz.questions, start=1)),
        "</ol>",
        "</div>",
    ]
    meta = {"title": words["key_title"].format(title=title), "description": words["key_description"].format(title=title)}
    return meta, "\n".join(parts)
