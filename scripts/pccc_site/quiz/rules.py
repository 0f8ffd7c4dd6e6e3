"""Checks of meaning that a schema cannot express.

Each check reads the data defensively: a part with the wrong shape was
already reported by the schema check and is skipped here, so one mistake
gives one message.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .document import Document
from .problems import WARNING
from .schema_check import describe, source_pattern
from .sources import LANGUAGES, Site, page_path

BIAS_MIN_QUESTIONS = 6
BIAS_SHARE = 0.5
POSITION_NAMES = "ABCDEFGH"


def _questions(doc: Document) -> list[tuple[int, dict]]:
    data = doc.data if isinstance(doc.data, dict) else {}
    questions = data.get("questions")
    if not isinstance(questions, list):
        return []
    return [(index, q) for index, q in enumerate(questions) if isinstance(q, dict)]


def _options(question: dict) -> list[tuple[int, dict]]:
    options = question.get("options")
    if question.get("type") not in ("single", "multiple") or not isinstance(options, list):
        return []
    return [(index, o) for index, o in enumerate(options) if isinstance(o, dict)]


def fold(text: str) -> str:
    """The form two option texts are compared in: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def set_rules(doc: Document, expected_id: str) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    set_id = data.get("id")
    if isinstance(set_id, str) and set_id != expected_id:
        doc.problem(doc.value_mark(("id",)), "file-name-mismatch", f"the set's id is '{set_id}' but the file is {expected_id}.yml: rename the file to {set_id}.yml or change the id to {expected_id}")
    title = data.get("title")
    for language in LANGUAGES:
        text = title.get(language) if isinstance(title, dict) else None
        if isinstance(text, str) and re.search(r"[<>]", text):
            doc.problem(doc.value_mark(("title", language)), "markup-in-title", "the title contains '<' or '>': remove them; titles also appear in the browser tab, the menu and search results")
    pool, questions = data.get("pool"), _questions(doc)
    if isinstance(pool, int) and not isinstance(pool, bool) and questions and pool > len(questions):
        doc.problem(doc.value_mark(("pool",)), "pool-too-large", f"'pool' asks for {pool} questions but the set has {len(questions)}: lower 'pool' or add questions")
    gathered = []  # each question's options and their texts, gathered once for every rule below
    for index, question in questions:
        options = _options(question)
        gathered.append((index, question, options, _texts(options)))
    for index, question, options, texts in gathered:
        if options:
            _answer_rules(doc, index, question, options, texts)
    single = [(options, texts) for _, question, options, texts in gathered if question.get("type") == "single"]
    _position_bias(doc, single)
    _longest_answer_bias(doc, single)


def _answer_rules(doc: Document, index: int, question: dict, options: list[tuple[int, dict]], texts: dict) -> None:
    path = ("questions", index)
    where = _Where(path, doc.data)  # put in words only if a problem is reported
    seen_ids: dict[str, int] = {}
    for number, option in options:
        option_id = option.get("id")
        if isinstance(option_id, str):
            if option_id in seen_ids:
                doc.problem(doc.value_mark(path + ("options", number, "id")), "duplicate-id", f"option id '{option_id}' is used twice in {where} (first in option {seen_ids[option_id] + 1}): give this option another id")
            else:
                seen_ids[option_id] = number
    correct = [number for number, option in options if option.get("correct") is True]
    if not correct:
        doc.problem(doc.value_mark(path + ("options",)), "no-correct-answer", f"{where} has no right answer: add 'correct: true' to the right option")
    elif question.get("type") == "single" and len(correct) > 1:
        numbers = ", ".join(str(n + 1) for n in correct)
        doc.problem(doc.value_mark(path + ("options", correct[1], "correct")), "single-several-correct", f"{where} is single-answer but options {numbers} are all marked correct: keep one, or change 'type' to multiple")
    _same_text(doc, path, where, texts)


class _Where:
    """``describe(path, data)``, worked out when first shown in a message."""

    __slots__ = ("path", "data")

    def __init__(self, path: tuple, data: object):
        self.path, self.data = path, data

    def __str__(self) -> str:
        return describe(self.path, self.data)


def _same_text(doc: Document, path: tuple, where, texts: dict[str, list[tuple[int, str]]]) -> None:
    for language, written in texts.items():
        folded = [fold(text) for _, text in written]
        if len(set(folded)) == len(folded):
            continue  # the common case, found with one set
        seen: dict[str, int] = {}
        for (number, text), key in zip(written, folded):
            if key in seen:
                doc.problem(doc.value_mark(path + ("options", number, "text", language)), "duplicate-option-text", f"options {seen[key] + 1} and {number + 1} of {where} say the same thing in '{language}' ('{text.strip()[:40]}'): reword or remove one")
            else:
                seen[key] = number


def _texts(options: list[tuple[int, dict]]) -> dict[str, list[tuple[int, str]]]:
    """Each language's option texts that are written as text, with the options' numbers."""
    texts = [(number, option.get("text")) for number, option in options]
    texts = [(number, text) for number, text in texts if isinstance(text, dict)]
    return {language: [(number, text[language]) for number, text in texts if isinstance(text.get(language), str)] for language in LANGUAGES}


def _position_bias(doc: Document, single: list[tuple[list, dict]]) -> None:
    positions = []
    for options, _ in single:
        correct = [number for number, option in options if option.get("correct") is True]
        if len(correct) == 1:
            positions.append(correct[0])
    if len(positions) < BIAS_MIN_QUESTIONS:
        return
    position, count = Counter(positions).most_common(1)[0]
    if count / len(positions) > BIAS_SHARE:
        name = POSITION_NAMES[position] if position < len(POSITION_NAMES) else str(position + 1)
        doc.problem(doc.value_mark(("questions",)), "answer-position-bias", f"the right answer is option {name} in {count} of {len(positions)} single-answer questions: move some right answers to other positions so the position gives nothing away", WARNING)


def _longest_answer_bias(doc: Document, single: list[tuple[list, dict]]) -> None:
    """Test-wise learners pick the longest option; warn when that would usually be right."""
    enough = [([option.get("correct") is True for _, option in options], texts) for options, texts in single if len(options) >= 3]
    for language in LANGUAGES:
        # only questions whose every option has a text in this language
        longest = [_right_is_longest(texts[language], correct) for correct, texts in enough if len(texts[language]) == len(correct)]
        if len(longest) >= BIAS_MIN_QUESTIONS and sum(longest) / len(longest) > BIAS_SHARE:
            doc.problem(doc.value_mark(("questions",)), "longest-answer-bias", f"in '{language}' the right option is the longest in {sum(longest)} of {len(longest)} single-answer questions with three or more options: shorten some right answers or give wrong ones as much detail, so length gives nothing away", WARNING)
            return


def _right_is_longest(texts: list[tuple[int, str]], correct: list[bool]) -> bool:
    """Whether the one right option is longer than every other (``texts`` and ``correct`` in option order)."""
    lengths = [len(text.strip()) for _, text in texts]
    right = [length for length, is_right in zip(lengths, correct) if is_right]
    return len(right) == 1 and right[0] == max(lengths) and lengths.count(right[0]) == 1


def source_rules(doc: Document, site: Site) -> None:
    pattern = source_pattern()
    resolved: set[str] = set()  # sources already found on both pages (a bank names few sections many times)
    for index, question in _questions(doc):
        source = question.get("source")
        if source in resolved:
            continue
        if not isinstance(source, str) or not pattern.match(source):
            continue  # reported by the schema check
        page, anchor = source.split("#", 1)
        missing = [f"docs/{page_path(page, language)}" for language in LANGUAGES if not site.exists(page, language)]
        if missing:
            verb = "does" if len(missing) == 1 else "do"
            doc.problem(_source_mark(doc, index), "unknown-source-page", f"{' and '.join(missing)} {verb} not exist: write the page relative to docs/, e.g. ky-nang/index.md, and give it both languages")
            continue
        lacking = [f"docs/{page_path(page, language)}" for language in LANGUAGES if not site.has_anchor(page, language, anchor)]
        if lacking:
            known = ", ".join(s.anchor for s in site.sections(page, "vi") if s.level == 2) or "none"
            doc.problem(_source_mark(doc, index), "unknown-source-anchor", f"anchor '#{anchor}' is not on {' nor '.join(lacking)}: use one of the page's sections ({known}) or an anchor written on the page as {{ #{anchor} }} in both languages")
            continue
        resolved.add(source)


def _source_mark(doc: Document, index: int):
    return doc.value_mark(("questions", index, "source"))


def bank_rules(docs: list[Document]) -> None:
    """Ids that must be unique across files: sets, and questions.

    Where the first use of an id is written is looked up only when the id is
    used again (a quickly read file finds its positions on demand).
    """
    first_set: dict[str, tuple[Document, tuple]] = {}
    first_question: dict[str, tuple[Document, tuple]] = {}
    for doc in docs:
        data = doc.data if isinstance(doc.data, dict) else {}
        set_id = data.get("id")
        if isinstance(set_id, str):
            if set_id in first_set:
                doc.problem(doc.value_mark(("id",)), "duplicate-id", f"set id '{set_id}' is already used at {_where(*first_set[set_id])}: give this set another id")
            else:
                first_set[set_id] = (doc, ("id",))
        for index, question in _questions(doc):
            question_id = question.get("id")
            if not isinstance(question_id, str):
                continue
            path = ("questions", index, "id")
            if question_id in first_question:
                doc.problem(doc.value_mark(path), "duplicate-id", f"question id '{question_id}' is already used at {_where(*first_question[question_id])}: question ids are unique across all quiz files; give this one another id")
            else:
                first_question[question_id] = (doc, path)


def _where(doc: Document, path: tuple) -> str:
    return f"{doc.path}:{doc.value_mark(path).line}"
