"""Plain data from YAML parser events, with positions, refusing what a quiz never needs.

PyYAML's parser (libyaml when available) yields events; ``compose`` builds
dicts, lists and scalars from them without ever calling a constructor that
could build objects: only text, whole and decimal numbers, true/false and
null come out. Anchors, aliases and tags are refused, so no alias bomb can
expand. The walk is iterative and nesting is capped at ``MAX_DEPTH``, so a
deeply nested file cannot exhaust the stack. Duplicate keys are reported,
and every string is checked for Unicode NFC.

No scalar can raise: keys stay text as written; a number written with more
than ``MAX_NUMBER_LENGTH`` characters is refused before Python converts it
(a 5,000-digit integer would exceed Python's conversion limit, a long
sexagesimal or hexadecimal one would print as thousands of digits); a value
that does not fit its explicit tag (``!!int abc``, ``!!bool maybe``) is
refused. Each becomes a problem at the value's position.
"""

from __future__ import annotations

import unicodedata

import yaml

from .document import Document, Mark, Path_
from .problems import Problem

MAX_DEPTH = 12
MAX_NUMBER_LENGTH = 20  # characters; the quiz format's numbers have at most four digits

_LOADER = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
_STANDARD = "tag:yaml.org,2002:"
_NUMBERS = {f"{_STANDARD}{name}" for name in ("int", "float")}
_CONVERTED = _NUMBERS | {f"{_STANDARD}{name}" for name in ("bool", "null")}
_ALLOWED_TAGS = _CONVERTED | {f"{_STANDARD}str"}


def compose(text: str, doc: Document) -> None:
    """Fill ``doc.data`` and its positions from ``text``, adding problems to ``doc``."""
    _Composer(text, doc).run()


def _mark(yaml_mark) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


class _Frame:
    """An open mapping or list while the composer walks the events."""

    __slots__ = ("container", "path", "key", "key_mark", "is_key")

    def __init__(self, container, path: Path_ | None, is_key: bool):
        self.container = container
        self.path = path  # None while this collection is itself a mapping key
        self.key = _NO_KEY
        self.key_mark: Mark | None = None
        self.is_key = is_key


_NO_KEY = object()
_DROP = object()  # a value whose key was not usable: composed, then discarded


class _Composer:
    def __init__(self, text: str, doc: Document):
        self.doc = doc
        self.text = text
        self.loader = _LOADER(text)
        self.stack: list[_Frame] = []
        self.documents = 0
        self.too_deep_reported = False

    def run(self) -> None:
        try:
            self._walk()
        except yaml.MarkedYAMLError as error:
            self.doc.problems.append(_syntax_problem(error, self.text, self.doc.path))
        except yaml.YAMLError as error:  # reader errors without a position
            self.doc.problem(Mark(1, 1), "yaml-syntax", f"YAML cannot be read: {error}")
        finally:
            self.loader.dispose()
        if self.documents == 0 and not self.doc.problems:
            self.doc.problem(Mark(1, 1), "empty-file", "the file holds no quiz set: start from an existing set in quizzes/ or delete the file")

    def _walk(self) -> None:
        loader = self.loader
        while loader.check_event():
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                refused = (event.anchor is not None or event.tag not in (None, "!")) and self._check_anchor(event)
                if self._is_key():
                    self._add(self._text(event), event, is_scalar=True, refused=refused)
                elif refused:
                    self._add(None, event, is_scalar=True, refused=True)
                else:
                    value, refused = self._scalar(event)
                    self._add(value, event, is_scalar=True, refused=refused)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = self.stack.pop()
                self._add(frame.container, None, is_scalar=False, frame=frame)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._open(event, refused=self._check_anchor(event))
            elif kind is yaml.AliasEvent:
                self.doc.problem(_mark(event.start_mark), "yaml-alias", f"alias '*{event.anchor}' is refused: write the value out in full")
                self._add(None, event, is_scalar=False, refused=True)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.doc.problem(_mark(event.start_mark), "yaml-syntax", "a second YAML document starts here ('---'): keep one quiz set per file")
                    return

    def _check_anchor(self, event) -> bool:
        """Report an anchor or a tag on ``event``; True when its value is refused."""
        if event.anchor is not None:
            self.doc.problem(_mark(event.start_mark), "yaml-alias", f"anchor '&{event.anchor}' is refused: anchors and aliases can hide or multiply content; write each value out in full")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            self.doc.problem(_mark(event.start_mark), "yaml-tag", f"tag '{_written(tag)}' is refused: remove it and write plain text, numbers, true or false")
            return True
        return False

    def _open(self, event, refused: bool) -> None:
        if len(self.stack) >= MAX_DEPTH:
            if not self.too_deep_reported:
                self.too_deep_reported = True
                self.doc.problem(_mark(event.start_mark), "too-deep", f"values are nested more than {MAX_DEPTH} levels deep here: a quiz needs at most 6; check the indentation")
            self._skip_collection()
            self._add(None, event, is_scalar=False, refused=True)
            return
        parent = self.stack[-1] if self.stack else None
        is_key = parent is not None and isinstance(parent.container, dict) and parent.key is _NO_KEY
        path = None if is_key else self._child_path(parent)
        if path is not None:
            self.doc._values[path] = _mark(event.start_mark)
            if refused:
                self.doc.refused.add(path)
        container = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(container, path, is_key))

    def _skip_collection(self) -> None:
        depth = 1
        while depth:
            event = self.loader.get_event()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1

    def _child_path(self, parent: _Frame | None) -> Path_ | None:
        if parent is None:
            return ()
        if parent.path is None or parent.key is _DROP:
            return None
        if isinstance(parent.container, list):
            return parent.path + (len(parent.container),)
        return parent.path + (parent.key,)

    def _add(self, value, event, is_scalar: bool, frame: _Frame | None = None, refused: bool = False) -> None:
        parent = self.stack[-1] if self.stack else None
        if parent is None:
            self.doc.data = value
            if event is not None:
                self.doc._values[()] = _mark(event.start_mark)
            return
        if isinstance(parent.container, dict) and parent.key is _NO_KEY:
            self._set_key(parent, value, event, is_scalar)
            return
        path = frame.path if frame is not None else self._child_path(parent)
        if path is not None and event is not None:
            self.doc._values[path] = _mark(event.start_mark)
        if path is not None and refused:
            self.doc.refused.add(path)
        if isinstance(parent.container, list):
            parent.container.append(value)
        else:
            if parent.key is not _DROP:
                parent.container[parent.key] = value
            parent.key = _NO_KEY

    def _set_key(self, parent: _Frame, value, event, is_scalar: bool) -> None:
        if not is_scalar:
            mark = _mark(event.start_mark) if event is not None else self.doc.value_mark(parent.path or ())
            self.doc.problem(mark, "wrong-type", "a key must be a plain word, not a list or mapping: check the indentation")
            parent.key = _DROP
            return
        key = event.value  # keys stay as written: 'on', 'yes', '1' are not turned into true or 1
        mark = _mark(event.start_mark)
        if key in parent.container:
            first = self.doc._keys.get((parent.path or ()) + (key,))
            where = f" (first at line {first.line})" if first else ""
            self.doc.problem(mark, "duplicate-key", f"key '{key}' appears twice in this mapping{where}: keep one; YAML would silently use only one of them")
            parent.key = _DROP
            return
        parent.key = key
        if parent.path is not None:
            self.doc._keys[parent.path + (key,)] = mark

    def _is_key(self) -> bool:
        """Whether the next node is a mapping key (keys are never converted)."""
        parent = self.stack[-1] if self.stack else None
        return parent is not None and isinstance(parent.container, dict) and parent.key is _NO_KEY

    def _scalar(self, event) -> tuple[object, bool]:
        """The value of a scalar and whether it is refused (a problem was reported)."""
        tag = event.tag
        explicit = tag not in (None, "!")
        if not explicit:
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _CONVERTED:
            return self._text(event), False
        if tag in _NUMBERS and len(event.value) > MAX_NUMBER_LENGTH:
            self._report_long_number(event)
            return None, True
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return self.loader.construct_object(node), False
        except (ArithmeticError, LookupError, TypeError, ValueError, yaml.YAMLError):
            self.doc.problem(_mark(event.start_mark), "yaml-tag", f"tag '{_written(tag)}' does not fit the value '{_short(event.value)}': remove the tag and write plain text, numbers, true or false")
            return None, True

    def _text(self, event) -> str:
        value = event.value
        if not unicodedata.is_normalized("NFC", value):
            self._report_not_nfc(value, event)
        return value

    def _report_long_number(self, event) -> None:
        self.doc.problem(
            _mark(event.start_mark),
            "bad-value",
            f"a number written with {len(event.value):,} characters ('{_short(event.value)}') is refused: the quiz format's numbers are small "
            f"(minutes, pass mark, order, pool); write at most {MAX_NUMBER_LENGTH} characters, or put the value in quotes if it is meant as text",
        )

    def _report_not_nfc(self, value: str, event) -> None:
        index = next((i for i, ch in enumerate(value) if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch)), 0)
        word = value[max(0, index - 12): index + 4]
        self.doc.problem(
            _mark(event.start_mark),
            "not-nfc",
            f"text is not in Unicode NFC form near '{unicodedata.normalize('NFC', word)}' (character {index + 1} is a separate accent mark): retype the word or normalise the file to NFC",
        )


def _short(value: str) -> str:
    return value if len(value) <= 24 else f"{value[:20]}…"


def _written(tag: str) -> str:
    return "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    where = _mark(mark) if mark else Mark(1, 1)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    hint = "check the indentation, the ':' after each key, and that quotes and brackets are closed"
    lines = text.splitlines()
    if where.line <= len(lines) and lines[where.line - 1][where.column - 1: where.column] == "\t":
        hint = "a tab is used here: indent with spaces only"
    started = error.context_mark
    if started is not None and mark is not None and started.line != mark.line:
        hint += f" (what is unfinished started at line {started.line + 1}, column {started.column + 1})"
    return Problem(path, where.line, where.column, "yaml-syntax", f"YAML cannot be read here ({detail}): {hint}")
