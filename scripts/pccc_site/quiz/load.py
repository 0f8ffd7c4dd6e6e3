"""Reading one quiz file safely, keeping the position of every key and value.

The file is treated as untrusted input. In order, before anything is parsed:
its size is checked (``MAX_BYTES``), it must decode as UTF-8, and it must hold
no control characters. Only then is it composed into plain data
(``compose.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

from .compose import MAX_DEPTH, compose  # noqa: F401  (MAX_DEPTH: the limit, documented with the others)
from .document import Document, Mark  # noqa: F401  (re-exported: the checker's entry points)
from .quick import UNUSUAL, read_quickly

MAX_BYTES = 1024 * 1024
# What YAML allows in a stream (YAML 1.1 "printable"); anything else is binary or a control character.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def load_file(path: Path, display: str | None = None) -> Document:
    doc = Document(display or str(path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            doc.problem(Mark(1, 1), "file-too-large", f"the file has {size:,} bytes; a quiz file may have at most {MAX_BYTES:,} (1 MiB): split the set into several files")
            return doc
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        doc.problem(Mark(1, 1), "not-utf8", f"the file cannot be read: {error.strerror}")
        return doc
    if len(raw) > MAX_BYTES:  # grew while we looked
        doc.problem(Mark(1, 1), "file-too-large", f"a quiz file may have at most {MAX_BYTES:,} bytes (1 MiB): split the set into several files")
        return doc
    return load_bytes(raw, doc)


def load_bytes(raw: bytes, doc: Document) -> Document:
    text = _decode(raw, doc)
    if text is None or not _printable(text, doc):
        return doc
    data = read_quickly(raw)
    if data is UNUSUAL:
        compose(text, doc)
    else:  # a clean file: its positions are found only if a check asks for one
        doc.data = data
        doc.locate = lambda located: _locate(text, located)
    return doc


def _locate(text: str, doc: Document) -> None:
    """Fill the positions of a quickly read ``doc`` by composing ``text`` carefully."""
    careful = Document(doc.path)
    compose(text, careful)
    doc._keys, doc._values = careful._keys, careful._values


def _decode(raw: bytes, doc: Document) -> str | None:
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        doc.problem(Mark(line, column), "not-utf8", f"byte 0x{byte:02X} is not UTF-8 text: save the file as UTF-8 (in most editors: Save with encoding > UTF-8)")
        return None


def _printable(text: str, doc: Document) -> bool:
    found = _NOT_PRINTABLE.search(text)
    if not found:
        return True
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    others = len(_NOT_PRINTABLE.findall(text)) - 1
    more = f" ({others} more in the file)" if others else ""
    doc.problem(Mark(line, column), "binary-content", f"control character U+{ord(found.group()):04X} is not text{more}: delete it; if the file is binary or was pasted from another program, retype the text")
    return False
