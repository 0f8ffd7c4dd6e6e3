"""Meeting mode: a quiz set on the projector, one question at a time, in large type.

The page lists every question as a slide with its answer in a disclosure,
so it still works (as one long page) without JavaScript. meeting.js turns
it into a presentation view filling the window, one slide at a time, with
the type size fitted so that the question, its options and the revealed
answer show without scrolling; it is driven from the keyboard (Space or →
next step, ← back, A the answer, written on screen) or a presentation
clicker (which sends PageDown and PageUp). The reveal button holds both its
labels, so no control changes size or place. Only this page loads
meeting.js and meeting.css.

The revealed answer carries the trainer's notes: the explanation, the
optional ``trainer_note`` of the question and its source. A last slide
shows the QR code of the quiz page, so people can take it on their phones.
"""

from __future__ import annotations

import html

from ..qr import address_link, svg
from .links import PageContext
from .model import Question
from .render import LETTERS, inline, source_label
from .sheets import right_answer
from .strings import STRINGS

TEXT = {
    "vi": {
        "title": "Trình chiếu: {title}",
        "description": "Trình chiếu bộ câu hỏi {title} trong cuộc họp: từng câu, chữ lớn, hiện đáp án khi bấm phím.",
        "keys": (
            "Phím: <kbd>Space</kbd> hoặc <kbd>→</kbd> bước tiếp (hiện đáp án, rồi sang câu sau) · "
            "<kbd>←</kbd> câu trước · <kbd>A</kbd> hiện hay ẩn đáp án · <kbd>Home</kbd> <kbd>End</kbd> câu đầu, câu cuối · "
            "<kbd>F</kbd> toàn màn hình. Bút trình chiếu dùng được."
        ),
        "noscript": "JavaScript đang tắt: các câu hiện nối tiếp nhau; mở “Hiện đáp án” ở từng câu.",
        "back": "Về bài tự kiểm tra",
        "exit": "Thoát",
        "prev": "Câu trước",
        "next": "Câu sau",
        "show": "Hiện đáp án",
        "hide": "Ẩn đáp án",
        "fullscreen": "Toàn màn hình",
        "count": "Câu {n}/{total}",
        "answer": "Đáp án:",
        "explanation": "Giải thích:",
        "note": "Ghi chú cho người tập huấn:",
        "source": "Nguồn:",
        "end_label": "Kết thúc",
        "end": "Hết bộ câu hỏi.",
        "scan": "Mời mọi người quét mã để tự làm lại bài trên điện thoại:",
    },
    "en": {
        "title": "Meeting mode: {title}",
        "description": "The question set {title} for a meeting: one question at a time, large type, answers revealed on a key press.",
        "keys": (
            "Keys: <kbd>Space</kbd> or <kbd>→</kbd> next step (the answer, then the next question) · "
            "<kbd>←</kbd> previous question · <kbd>A</kbd> show or hide the answer · <kbd>Home</kbd> <kbd>End</kbd> first, last · "
            "<kbd>F</kbd> full screen. A presentation clicker works."
        ),
        "noscript": "JavaScript is off: the questions follow one another; open “Show the answer” under each.",
        "back": "Back to the self-check quiz",
        "exit": "Exit",
        "prev": "Previous",
        "next": "Next",
        "show": "Show the answer",
        "hide": "Hide the answer",
        "fullscreen": "Full screen",
        "count": "Question {n} of {total}",
        "answer": "Answer:",
        "explanation": "Explanation:",
        "note": "Note for the trainer:",
        "source": "Source:",
        "end_label": "End",
        "end": "That is the last question.",
        "scan": "Everyone can scan the code to take the quiz again on their phone:",
    },
}


def _options(question: Question, language: str) -> str:
    items = "".join(
        f'<li{" data-correct" if option.correct else ""}><span class="pccc-meet__letter">{LETTERS[index]}.</span> '
        f"{inline(option.text[language])}</li>"
        for index, option in enumerate(question.options)
    )
    return f'<ul class="pccc-meet__options">{items}</ul>'


def _notes(context: PageContext, question: Question) -> str:
    language, words = context.language, TEXT[context.language]
    parts = [f'<p><strong>{words["explanation"]}</strong> {inline(question.explanation[language])}</p>']
    if question.trainer_note:
        parts.append(f'<p class="pccc-meet__note"><strong>{words["note"]}</strong> {inline(question.trainer_note[language])}</p>')
    label = html.escape(source_label(question, language, context.site))
    href = html.escape(context.href(question.page, question.anchor), quote=True)
    address = context.source_address(question)
    printed = f' <span class="pccc-meet__address">{html.escape(address)}</span>' if address else ""
    parts.append(f'<p><strong>{words["source"]}</strong> <a href="{href}">{label}</a>{printed}</p>')
    return f'<div class="pccc-meet__notes">{"".join(parts)}</div>'


def _slide(context: PageContext, question: Question, number: int) -> str:
    language, words = context.language, TEXT[context.language]
    slide_id = f"meet-{question.id}"
    label = words["count"].format(n=number, total=len(context.quiz.questions))
    instruction = f'<p class="pccc-meet__instruction">{STRINGS[language]["choose_all"]}</p>' if question.type == "multiple" else ""
    return "".join([
        f'<li class="pccc-meet__slide" id="{slide_id}" data-id="{question.id}" data-label="{html.escape(label, quote=True)}" '
        f'tabindex="-1" aria-labelledby="{slide_id}-text">',
        f'<p class="pccc-meet__number">{label}</p>',
        f'<p class="pccc-meet__question" id="{slide_id}-text">{inline(question.text[language])}</p>',
        instruction,
        _options(question, language),
        f'<details class="pccc-meet__answer" id="{slide_id}-answer"><summary>{words["show"]}</summary>',
        f'<p class="pccc-meet__right"><strong>{words["answer"]}</strong> {right_answer(question, language)}</p>',
        _notes(context, question),
        "</details></li>",
    ])


def _end(context: PageContext) -> str:
    words, address = TEXT[context.language], context.quiz_address()
    code = f'<div class="pccc-meet__qr">{svg(address, context.language)}<p>{words["scan"]} {address_link(address)}</p></div>' if address else ""
    return (
        f'<li class="pccc-meet__slide pccc-meet__end" id="meet-end" data-label="{words["end_label"]}" tabindex="-1" '
        f'aria-labelledby="meet-end-text"><p class="pccc-meet__question" id="meet-end-text">{words["end"]}</p>'
        f'{code}</li>'
    )


def _bar(words: dict, quiz_href: str) -> str:
    """The controls. The reveal button holds both its labels in one grid cell, so it keeps its width."""
    def button(name: str, label: str, extra: str = "") -> str:
        return f'<button type="button" class="md-button pccc-meet__{name}"{extra}>{label}</button>'

    labels = (
        f'<span class="pccc-meet__when-closed">{words["show"]}</span>'
        f'<span class="pccc-meet__when-open">{words["hide"]}</span>'
    )
    keys = {name: f' aria-keyshortcuts="{value}"' for name, value in
            {"prev": "ArrowLeft", "reveal": "A", "next": "ArrowRight Space", "full": "F"}.items()}
    return (
        '<div class="pccc-meet__bar" hidden>'
        + button("prev", "← " + words["prev"], keys["prev"])
        + button("reveal md-button--primary", labels, ' aria-expanded="false"' + keys["reveal"])
        + button("next", words["next"] + " →", keys["next"])
        + button("full", words["fullscreen"], ' aria-pressed="false"' + keys["full"])
        + f'<a class="md-button pccc-meet__exit" href="{quiz_href}" title="{words["back"]}">{words["exit"]}</a></div>'
    )


def meeting_page(context: PageContext) -> tuple[dict, str]:
    """Front matter and HTML of the meeting-mode page."""
    quiz, language, words = context.quiz, context.language, TEXT[context.language]
    title = quiz.title[language]
    parts = [
        f'<div class="pccc-meet" data-quiz="{quiz.id}">',
        f'<link rel="stylesheet" href="{context.assets_root}assets/quiz/meeting.css">',
        f'<script defer src="{context.assets_root}assets/quiz/meeting.js"></script>',
        f'<p class="pccc-meet__back"><a href="{context.quiz_href()}">{words["back"]}</a></p>',
        f'<noscript><p class="pccc-meet__keys">{words["noscript"]}</p></noscript>',
        _bar(words, context.quiz_href()),
        '<ol class="pccc-meet__slides">',
        *(_slide(context, q, n) for n, q in enumerate(quiz.questions, start=1)),
        _end(context),
        "</ol>",
        f'<p class="pccc-meet__keys" hidden>{words["keys"]}</p>',
        '<p class="pccc-meet__live" role="status" aria-live="polite"></p>',
        "</div>",
    ]
    meta = {
        "title": words["title"].format(title=title),
        "description": words["description"].format(title=title),
        "hide": ["navigation", "toc"],
    }
    return meta, "\n".join(parts)
