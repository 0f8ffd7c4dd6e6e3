"""The shape of a quiz file, checked against ``quizzes/schema.json``.

A clean file is confirmed by ``conforms`` (the schema compiled once into
plain Python checks); only a file that does not conform is handed to
jsonschema, which finds every place that breaks the schema, and this module
turns each finding into a ``Problem`` at the right line and column with a
plain message. jsonschema is imported only then.
Which code a failed rule gets is written in the schema itself, in an
``x-errors`` keyword (e.g. ``{"minItems": "too-few-options"}``), so the schema
stays the one description of the format.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .conforms import conforms
from .document import Document

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

SCHEMA = Path(__file__).resolve().parents[3] / "quizzes" / "schema.json"
LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}
TYPE_NAMES = {
    "object": "a mapping (keys with values below it)",
    "array": "a list (lines starting with '- ')",
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The schema as written (tests/test_quiz_check.py checks it against the JSON Schema meta-schema)."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def inlined_schema() -> dict:
    return _inline(schema(), schema()["$defs"])


@lru_cache(maxsize=1)
def source_pattern() -> re.Pattern:
    """How a source is written, from the schema (the rules only resolve well-formed ones)."""
    return re.compile(schema()["$defs"]["question"]["properties"]["source"]["pattern"])


def _inline(node: object, definitions: dict) -> object:
    """The schema with every local ``$ref`` replaced by its definition.

    Resolving references is most of jsonschema's time; the format has no
    recursion, so inlining them makes checking about three times faster.
    """
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    if "$ref" in node:
        result.update(_inline(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions))
    result.update({key: _inline(value, definitions) for key, value in node.items() if key not in ("$ref", "$defs")})
    return result


def _is_whole_number(_checker, instance: object) -> bool:
    """JSON Schema counts 2.0 as an integer; a quiz's numbers are written as whole numbers only.

    Without this, ``pool: 1.0e+300`` would pass the schema and ask for a
    301-digit number of questions.
    """
    return isinstance(instance, int) and not isinstance(instance, bool)


@lru_cache(maxsize=1)
def validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator, validators  # noqa: PLC0415  (only for files that do not conform)

    quiz_validator = validators.extend(
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
    )
    return quiz_validator(inlined_schema())


def schema_problems(doc: Document) -> None:
    """Add a problem to ``doc`` for every place its data breaks the schema."""
    if conforms()(doc.data):
        return
    found: dict[tuple, tuple] = {}
    for error in validator().iter_errors(doc.data):
        for path, mark, code, message in _explain(error, doc):
            if not any(path[: len(refused)] == refused for refused in doc.refused):
                found.setdefault((mark, code, message), path)
    # a key that does not belong to the question type is reported once, not also for its content;
    # a value of the wrong type is not also out of range (an infinite number)
    misplaced = [path for (_, code, _), path in found.items() if code == "key-not-for-type"]
    mistyped = {path for (_, code, _), path in found.items() if code == "wrong-type"}
    for (mark, code, message), path in found.items():
        if code == "bad-value" and path in mistyped:
            continue
        if code == "key-not-for-type" or not any(path[: len(m)] == m for m in misplaced):
            doc.problem(mark, code, message)


def describe(path: tuple, data: object) -> str:
    """Where ``path`` is, in words: "'text' of question 3 (so-114)"."""
    parts, node, owner = [], data, "the set"
    for index, step in enumerate(path):
        if isinstance(step, int):
            item_id = node[step].get("id") if isinstance(node, list) and isinstance(node[step], dict) else None
            kind = "question" if path[index - 1] == "questions" else "option"
            label = f"{kind} {step + 1}" + (f" ({item_id})" if isinstance(item_id, str) else "")
            owner = label if kind == "question" else f"{label} of {owner}"
            parts = []
        else:
            parts.append(step)
        node = node[step] if isinstance(node, (dict, list)) else None
    fields = [p for p in parts if p not in ("questions", "options")]
    return f"'{'.'.join(fields)}' of {owner}" if fields else owner


def _code(error: ValidationError, default: str) -> str:
    if isinstance(error.schema, dict):
        return error.schema.get("x-errors", {}).get(error.validator, default)
    return default


def _is_text(schema: object) -> bool:
    return isinstance(schema, dict) and set(schema.get("properties", {})) == {"vi", "en"}


def _explain(error: ValidationError, doc: Document):
    path = tuple(error.absolute_path)
    where = describe(path, doc.data)
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        for key in sorted(set(error.instance) - set(allowed)):
            yield path + (key,), doc.key_mark(path + (key,)), "unknown-key", _unknown_key(key, allowed, where, _is_text(error.schema))
    elif kind == "required":
        for key in error.validator_value:
            if key not in error.instance:
                yield (path, *_missing(key, path, where, doc, _is_text(error.schema)))
    elif kind == "type":
        yield path, doc.value_mark(path), "wrong-type", _wrong_type(error, where)
    elif kind in ("enum", "const"):
        choices = error.validator_value if kind == "enum" else [error.validator_value]
        guess = difflib.get_close_matches(str(error.instance), [str(c) for c in choices], n=1)
        tip = f" (did you mean '{guess[0]}'?)" if guess else ""
        yield path, doc.value_mark(path), "bad-value", f"{where} is '{error.instance}'{tip}: use one of {', '.join(map(str, choices))}"
    elif kind in ("minimum", "maximum"):
        schema = error.schema
        yield path, doc.value_mark(path), "bad-value", f"{where} is {error.instance}: use a whole number from {schema.get('minimum')} to {schema.get('maximum', 'any')}"
    elif kind == "not":
        yield path, doc.key_mark(path), _code(error, "key-not-for-type"), _not_for_type(path, doc)
    else:
        yield path, doc.value_mark(path), _code(error, "bad-value"), _other(error, path, where)


def _unknown_key(key: str, allowed: list[str], where: str, is_text: bool) -> str:
    if is_text:
        return f"'{key}' is not a language of this site: {where} has only 'vi' (Vietnamese) and 'en' (English)"
    guess = difflib.get_close_matches(key, allowed, n=1)
    tip = f"did you mean '{guess[0]}'? " if guess else ""
    return f"unknown key '{key}' in {where}: {tip}the keys allowed here are {', '.join(allowed)}"


def _missing(key: str, path: tuple, where: str, doc: Document, is_text: bool):
    mark = doc.key_mark(path) if path else doc.value_mark(path)
    if is_text:
        other = "en" if key == "vi" else "vi"
        return mark, "missing-translation", f"{where} has no {LANGUAGE_NAMES[key]} text: add '{key}:' beside '{other}:'"
    return mark, "missing-key", f"{where} has no '{key}': add '{key}:' with its value"


FIXES = {
    "string": "write it as text (in quotes if YAML would read it as a number or true/false)",
    "integer": "write a whole number, without quotes",
    "boolean": "write true or false, without quotes",
    "array": "write each item on its own line starting with '- '",
    "object": "write its keys on the lines below it, indented",
}


def _wrong_type(error: ValidationError, where: str) -> str:
    expected = error.validator_value
    found = _kind_of(error.instance)
    if expected == "object" and _is_text(error.schema):
        return f"{where} is {found}; it needs a Vietnamese and an English version: write 'vi: ...' and 'en: ...' on the lines below it"
    return f"{where} must be {TYPE_NAMES.get(expected, expected)}, but it is {found}: {FIXES.get(expected, 'correct the value')}"


def _kind_of(value: object) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as true or false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _not_for_type(path: tuple, doc: Document) -> str:
    key, owner = path[-1], describe(path[:-1], doc.data)
    question = doc.data
    for step in path[:-1]:
        question = question[step]
    kind = question.get("type") if isinstance(question, dict) else "?"
    if key == "options":
        return f"{owner} is a {kind} question, which has no 'options': write 'answer: true' or 'answer: false' instead, or change 'type' to single or multiple"
    return f"{owner} is a {kind} question, which has no '{key}' (only true-false questions do): remove it, or change 'type' to true-false"


def _other(error: ValidationError, path: tuple, where: str) -> str:
    code = _code(error, "bad-value")
    if code == "empty-text":
        return f"{where} is empty: write the text, or remove the field if it is optional"
    if code == "bad-id":
        return f"{where} is '{error.instance}': an id uses lower-case letters a-z, digits and single hyphens (at most 60 characters), e.g. so-114-mien-phi"
    if code == "bad-source":
        return f"{where} is '{error.instance}': write the page under docs/ and a section anchor, e.g. ky-nang/index.md#so-khan-cap"
    if code == "too-few-options":
        return f"{where} has {len(error.instance)} option(s): a question needs at least two; add options or make it a true-false question"
    if code == "too-many-options":
        return f"{where} has {len(error.instance)} options: keep eight or fewer"
    if code == "no-questions":
        return "the set has no questions: add at least one under 'questions'"
    return f"{where}: {error.message}"
