"""HTML of a quiz page and Markdown of the quiz index, in one language.

Every text from a quiz file is HTML-escaped first; only ``**bold**`` and
```code``` are then turned into tags, so markup written in a question is
shown as text and can never run. The page works without JavaScript (each
question has a "show the answer" disclosure) and prints as a blank sheet;
quiz.js adds checking, feedback, scoring and saved progress. The page links
its own quiz.css and quiz.js, so no other page loads them.
"""

from __future__ import annotations

import html
import json
import re
from typing import Callable

import yaml

from .links import directory_url as page_url  # noqa: F401  (part of this module's interface)
from .model import Question, QuizSet
from .sources import Site
from .strings import INDEX, RECORD, SCRIPT_KEYS, STRINGS

LETTERS = "ABCDEFGH"
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def inline(text: str, quote: bool = True) -> str:
    """Escape ``text`` for HTML, then allow **bold** and `code` (``quote=False`` leaves quotes as they are)."""
    parts = _CODE.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"<code>{html.escape(part, quote)}</code>")
        else:
            out.append(_BOLD.sub(r"<strong>\1</strong>", html.escape(part, quote)))
    return "".join(out)


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text: escaped HTML, then escaped Markdown syntax."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def source_label(question: Question, language: str, site: Site) -> str:
    """The title of the page a question's source is on, and of the section: "Kỹ năng › Số khẩn cấp"."""
    section = site.anchors(question.page, language).get(question.anchor)
    label = site.title(question.page, language)
    if section is not None and section.level > 1:
        label = f"{label} › {section.title}"
    return label


def _source_link(question: Question, language: str, site: Site, href: str, address: str = "") -> str:
    data = f' data-address="{_attr(address)}"' if address else ""
    label = html.escape(source_label(question, language, site))
    return f'<p class="pccc-quiz__source">{STRINGS[language]["source"]} <a href="{_attr(href)}"{data}>{label}</a></p>'


def _option(question: Question, index: int, language: str) -> str:
    option = question.options[index]
    kind = "checkbox" if question.type == "multiple" else "radio"
    letter = "" if question.type == "true-false" else f'<span class="pccc-quiz__letter">{LETTERS[index]}.</span> '
    correct = " data-correct" if option.correct else ""
    feedback = ""
    if option.feedback:
        feedback = f'<p class="pccc-quiz__feedback" hidden>{inline(option.feedback[language])}</p>'
    return (
        f'<li class="pccc-quiz__option" data-option="{option.id}"{correct}>'
        f'<label><input type="{kind}" name="q-{question.id}" value="{option.id}">'
        f'<span class="pccc-quiz__label">{letter}{inline(option.text[language])}</span></label>'
        f"{feedback}</li>"
    )


def _right_answers(question: Question, language: str) -> str:
    label = f'<strong>{STRINGS[language]["right_answer"]}</strong>'
    right = [inline(o.text[language]) for o in question.options if o.correct]
    if len(right) == 1:
        return f'<p class="pccc-quiz__right">{label} {right[0]}</p>'
    items = "".join(f"<li>{text}</li>" for text in right)
    return f'<p class="pccc-quiz__right">{label}</p><ul class="pccc-quiz__right-list">{items}</ul>'


def _question(question: Question, number: int, language: str, site: Site, href: str, address: str) -> str:
    s = STRINGS[language]
    parts = [
        f'<li class="pccc-quiz__question" id="{question.id}" data-id="{question.id}" data-type="{question.type}" data-version="{question.version}">',
        "<fieldset>",
        f'<legend><span class="pccc-quiz__number">{s["question"].format(n=number)}</span> {inline(question.text[language])}</legend>',
    ]
    if question.type == "multiple":
        parts.append(f'<p class="pccc-quiz__instruction">{s["choose_all"]}</p>')
    if question.hint:
        parts.append(f'<details class="pccc-quiz__hint tip"><summary>{s["hint"]}</summary><p>{inline(question.hint[language])}</p></details>')
    parts.append('<ul class="pccc-quiz__options">')
    parts += [_option(question, index, language) for index in range(len(question.options))]
    parts.append("</ul>")
    parts.append(f'<button type="button" class="md-button pccc-quiz__check" hidden>{s["check"]}</button>')
    parts += [
        '<div class="pccc-quiz__result" tabindex="-1" hidden></div>',
        f'<details class="pccc-quiz__answer question"><summary>{s["show_answer"]}</summary>',
        _right_answers(question, language),
        f'<div class="pccc-quiz__explanation"><p>{inline(question.explanation[language])}</p>',
        _source_link(question, language, site, href, address),
        "</div></details>",
        "</fieldset></li>",
    ]
    return "\n".join(parts)


def record(quiz: QuizSet, language: str) -> str:
    """The self-check record: filled in and shown by quiz.js when the learner asks for it.

    It follows the quiz rather than sitting inside it, so that printing it can
    leave out everything else on the page (quiz.css).
    """
    r, prefix = RECORD[language], f"record-{quiz.id}"
    facts = "".join(f"<dt>{r[key]}</dt><dd{attrs}>{value}</dd>" for key, attrs, value in (
        ("set", "", html.escape(quiz.title[language])),
        ("version", "", f"<code>{quiz.version}</code>"),
        ("date", f' class="pccc-quiz__date" data-locale="{r["locale"]}" data-format="{_attr(r["date_format"])}"', ""),
        ("result", ' class="pccc-quiz__record-score"', ""),
    ))
    return "\n".join([
        f'<section class="pccc-quiz__record" id="{prefix}" tabindex="-1" aria-labelledby="{prefix}-title" hidden data-search-exclude>',
        f'<h2 id="{prefix}-title" data-search-exclude>{r["title"]}</h2>',
        f'<p class="pccc-quiz__private">{r["private"]}</p>',
        f'<p class="pccc-quiz__name"><label for="{prefix}-name">{r["name"]}</label> '
        f'<input id="{prefix}-name" type="text" autocomplete="off" spellcheck="false" maxlength="80"></p>',
        f'<dl class="pccc-quiz__facts">{facts}</dl>',
        f'<h3>{r["missed"]}</h3>',
        '<ul class="pccc-quiz__missed"></ul>',
        f'<p class="pccc-quiz__all-right" hidden>{r["none_missed"]}</p>',
        f'<p class="pccc-quiz__record-actions"><button type="button" class="md-button md-button--primary pccc-quiz__print">{r["print"]}</button> '
        f'<button type="button" class="md-button pccc-quiz__close">{r["close"]}</button></p>',
        "</section>",
    ])


def render_quiz(
    quiz: QuizSet, language: str, site: Site, links_root: str, assets_root: str,
    source_address: Callable[[Question], str] | None = None,
    source_href: Callable[[Question], str] | None = None,
) -> str:
    """The quiz's HTML.

    ``source_address(question)`` gives the public address of its source (for the
    self-check record); ``source_href(question)`` the link to it, when the build
    does not use directory URLs (otherwise ``links_root`` + the page's directory).
    """
    s = STRINGS[language]
    address = source_address or (lambda _question: "")
    href = source_href or (lambda q: f"{links_root}{page_url(q.page)}#{q.anchor}")
    strings = json.dumps({key: s[key] for key in SCRIPT_KEYS}, ensure_ascii=False)
    meta = s["meta"].format(asked=quiz.asked, minutes=quiz.minutes, **{"pass": quiz.pass_percent})
    parts = [
        f'<div class="pccc-quiz" id="quiz-{quiz.id}" data-quiz="{quiz.id}" data-version="{quiz.version}" '
        f'data-pass="{quiz.pass_percent}" data-shuffle="{int(quiz.shuffle_options)}" data-pool="{quiz.pool or 0}" '
        f'data-strings="{_attr(strings)}">',
        f'<link rel="stylesheet" href="{assets_root}assets/quiz/quiz.css">',
        f'<script defer src="{assets_root}assets/quiz/quiz.js"></script>',
        f'<p class="pccc-quiz__intro">{inline(quiz.intro[language])}</p>',
        f'<p class="pccc-quiz__meta">{meta}. {s["saved"]}</p>',
    ]
    if quiz.pool:
        parts.append(f'<p class="pccc-quiz__meta">{s["pool"].format(asked=quiz.pool, total=len(quiz.questions))}</p>')
    parts += [
        f'<noscript><p class="pccc-quiz__meta">{s["noscript"]}</p></noscript>',
        '<p class="pccc-quiz__progress" tabindex="-1" hidden></p>',
        '<ol class="pccc-quiz__list" data-search-exclude>',  # search finds the set, not its answers
    ]
    parts += [_question(q, n, language, site, href(q), address(q)) for n, q in enumerate(quiz.questions, start=1)]
    parts += [
        "</ol>",
        '<div class="pccc-quiz__summary" tabindex="-1" hidden><p class="pccc-quiz__score"></p>',
        f'<button type="button" class="md-button md-button--primary pccc-quiz__retry">{s["retry"]}</button> '
        f'<button type="button" class="md-button pccc-quiz__record-open" aria-controls="record-{quiz.id}">{RECORD[language]["open"]}</button></div>',
        '<p class="pccc-quiz__live" role="status" aria-live="polite"></p>',
        "</div>",
    ]
    return "\n".join(parts)


def page_markdown(
    quiz: QuizSet, language: str, site: Site, links_root: str, assets_root: str,
    source_address: Callable[[Question], str] | None = None,
    source_href: Callable[[Question], str] | None = None,
) -> str:
    """The whole source of a generated quiz page: front matter and the quiz's HTML.

    Titles are escaped here because MkDocs templates print page titles
    without escaping them.
    """
    title = html.escape(quiz.title[language], quote=True)
    meta = {
        "title": title,
        "description": html.escape(f"{quiz.title[language]}: {STRINGS[language]['meta'].format(asked=quiz.asked, minutes=quiz.minutes, **{'pass': quiz.pass_percent})}", quote=True),
        "kind": "quiz",
    }
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    body = render_quiz(quiz, language, site, links_root, assets_root, source_address, source_href)
    return f"---\n{front}---\n\n{body}\n\n{record(quiz, language)}\n"


def index_markdown(sets, language: str) -> str:
    """A table of every set: title (linked), number of questions, time."""
    words = INDEX[language]
    if not sets:
        return words["none"]
    rows = [f"| {words['set']} | {words['questions']} | {words['minutes']} |", "|---|---|---|"]
    for quiz in sets:
        count = str(len(quiz.questions)) if not quiz.pool else words["pool"].format(asked=quiz.pool, total=len(quiz.questions))
        rows.append(f"| [{markdown_text(quiz.title[language])}]({quiz.id}.md) | {count} | {words['unit'].format(n=quiz.minutes)} |")
    return "\n".join(rows)
