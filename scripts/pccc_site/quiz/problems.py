"""What the quiz checker reports: one ``Problem`` per finding, and the codes.

A problem points into the YAML source (1-based line and column), carries a
stable code and a message in plain words that says how to fix it. The
table of codes below is the single list: the README documents each one
(``python scripts/quiz.py codes`` prints the table) and a test keeps the two
in step.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    code: str
    message: str
    level: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} [{self.code}] {self.message}"


@dataclass(frozen=True)
class Code:
    level: str
    meaning: str
    fix: str


CODES: dict[str, Code] = {
    # Reading the file
    "wrong-extension": Code(ERROR, "A quiz file ends in .yaml (or another extension) instead of .yml.", "Name the file after the set's id, ending in .yml (kien-thuc-co-ban.yml)."),
    "file-too-large": Code(ERROR, "The file is larger than 1 MiB; it is not read at all.", "Split the set into several files."),
    "not-utf8": Code(ERROR, "The file is not UTF-8 text.", "Save the file as UTF-8 in your editor."),
    "binary-content": Code(ERROR, "The file holds a control character or binary data.", "Delete the character at the position given; retype the text if it was pasted."),
    "yaml-syntax": Code(ERROR, "The YAML cannot be read (indentation, colon, quote), or the file holds more than one document.", "Fix the line given; keep one set per file and no '---' in the middle."),
    "yaml-alias": Code(ERROR, "A YAML anchor (&name) or alias (*name) is used.", "Write the text out in full: anchors and aliases are refused."),
    "yaml-tag": Code(ERROR, "A YAML tag such as !!python/object is used.", "Remove the tag; write plain text, numbers, true or false."),
    "too-deep": Code(ERROR, "Values are nested deeper than a quiz ever needs.", "Check the indentation; a quiz is at most six levels deep."),
    "empty-file": Code(ERROR, "The file holds no quiz set.", "Start from an existing set or delete the file."),
    "duplicate-key": Code(ERROR, "The same key appears twice in one mapping.", "Keep one of the two; YAML would silently drop the other."),
    # The shape (quizzes/schema.json)
    "unknown-key": Code(ERROR, "A key the format does not know (often a typo).", "Correct the spelling or remove the key; the message lists the keys allowed there."),
    "missing-key": Code(ERROR, "A required key is missing.", "Add the key named in the message."),
    "wrong-type": Code(ERROR, "A value has the wrong kind: text, number, true/false, list or mapping.", "Write the value as the message says; quote text that YAML reads as a number or true/false."),
    "missing-translation": Code(ERROR, "A text lacks its Vietnamese (vi) or English (en) version.", "Add the missing language below the other one."),
    "empty-text": Code(ERROR, "A text is empty or only spaces.", "Write the text, or remove the optional field."),
    "bad-id": Code(ERROR, "An id is not lower-case ASCII words joined by hyphens (at most 60 characters).", "Use letters a-z, digits and single hyphens, e.g. so-114-mien-phi."),
    "bad-value": Code(ERROR, "A value is outside what is allowed (a type name, a number's range).", "Use one of the values the message lists."),
    "no-questions": Code(ERROR, "The set has no questions.", "Add at least one question under 'questions'."),
    "too-few-options": Code(ERROR, "A single or multiple question has fewer than two options.", "Add options, or make it a true-false question."),
    "too-many-options": Code(ERROR, "A question has more than eight options.", "Keep eight options or fewer."),
    "key-not-for-type": Code(ERROR, "A key that belongs to another question type.", "true-false uses answer, feedback_true and feedback_false; single and multiple use options."),
    "bad-source": Code(ERROR, "A source is not written as page.md#anchor.", "Write the page under docs/ and the section anchor, e.g. ky-nang/index.md#so-khan-cap."),
    # Meaning
    "file-name-mismatch": Code(ERROR, "The set's id is not the file name.", "Rename the file to the set's id followed by .yml, or change the id."),
    "markup-in-title": Code(ERROR, "A set title contains '<' or '>'.", "Remove them: titles also appear in the browser tab and the menu."),
    "duplicate-id": Code(ERROR, "Two sets, two questions (in any file) or two options of one question share an id.", "Give one of them a new id."),
    "no-correct-answer": Code(ERROR, "No option is marked correct: true.", "Mark the right option(s) with correct: true."),
    "single-several-correct": Code(ERROR, "A single-answer question has more than one correct option.", "Keep one correct option, or make the question type: multiple."),
    "duplicate-option-text": Code(ERROR, "Two options of a question say the same thing (ignoring case, spacing and Unicode form).", "Reword or remove one of them."),
    "pool-too-large": Code(ERROR, "'pool' asks for more questions than the set has.", "Lower 'pool' or add questions."),
    "unknown-source-page": Code(ERROR, "The source page does not exist in docs/ in both languages.", "Correct the path; it is relative to docs/, e.g. ky-nang/index.md."),
    "unknown-source-anchor": Code(ERROR, "The source section anchor is not on the page in one or both languages.", "Use an anchor written on the page as { #anchor }; the message lists those on the page."),
    "not-nfc": Code(ERROR, "Text is not in Unicode NFC form (letters built from separate accent marks).", "Retype the word, or run the file through an NFC normaliser."),
    "answer-position-bias": Code(WARNING, "In a set of six or more single-answer questions, more than half have the right option in the same position.", "Move some right answers to other positions."),
    "longest-answer-bias": Code(WARNING, "In a set of six or more single-answer questions with three or more options, the right option is the longest in more than half (in either language).", "Shorten some right answers, or give wrong ones as much detail."),
}


def sort_key(problem: Problem) -> tuple:
    return (problem.path, problem.line, problem.column, problem.code, problem.message)


def codes_table() -> str:
    """The Markdown table of codes, as the README shows it."""
    rows = ["| Code | Level | What it means | How to fix it |", "|---|---|---|---|"]
    rows += [f"| `{name}` | {code.level} | {code.meaning} | {code.fix} |" for name, code in CODES.items()]
    return "\n".join(rows)
