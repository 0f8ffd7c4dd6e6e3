"""The quick read of a quiz file: plain data without positions, for the common, clean case.

Most quiz files are clean, and a clean file needs no positions: nothing is
reported in it. ``read_quickly`` builds the data straight from libyaml's
events with as little work per event as Python allows, and gives up
(returns ``UNUSUAL``) on anything that the careful composer (``compose.py``)
reports or treats specially: an anchor, alias or tag, a duplicate or
non-text key, nesting deeper than ``MAX_DEPTH``, a second document, text not
in Unicode NFC, a decimal, long or non-decimal number, a syntax error. The
caller then composes the file carefully, and problems come with positions
as before; so the quick read never changes what is reported, only how fast
a clean file is read. Positions of a quickly read file are found on demand
(``Document.locate``), when a later check needs one.
"""

from __future__ import annotations

import unicodedata

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .compose import MAX_DEPTH

UNUSUAL = object()
try:
    from yaml._yaml import CParser as _CParser  # libyaml, the C parser PyYAML ships
except ImportError:  # PyYAML built without libyaml: every file goes the careful way
    _CParser = None
_STANDARD = "tag:yaml.org,2002:"
_MAY_NOT_BE_TEXT = frozenset(Resolver.yaml_implicit_resolvers)  # first characters of YAML 1.1 words and numbers
_BOOLEANS = SafeConstructor.bool_values
_SMALL_NUMBER = 6  # digits; larger or leading-zero numbers go the careful way


def read_quickly(raw: bytes):
    """The data of a clean quiz file, or ``UNUSUAL`` when it needs the careful composer."""
    if _CParser is None:
        return UNUSUAL
    try:
        return _read(_CParser(raw))
    except yaml.YAMLError:
        return UNUSUAL


def _plain(value: str, resolve=Resolver().resolve, node=yaml.ScalarNode, implicit=(True, False)):
    """What a plain (unquoted) scalar means in YAML 1.1, or UNUSUAL."""
    if value[:1] not in _MAY_NOT_BE_TEXT:
        return value
    tag = resolve(node, value, implicit)[len(_STANDARD):]
    if tag == "int":
        return int(value) if value.isdigit() and len(value) <= _SMALL_NUMBER and (value[0] != "0" or value == "0") else UNUSUAL
    if tag == "bool":
        return _BOOLEANS[value.lower()]
    if tag == "null":
        return None
    if tag == "float":
        return UNUSUAL
    return value  # text, and what the careful composer also keeps as text (dates, '<<', '=')


def _read(parser):  # noqa: C901  (one tight loop: every event passes here)
    get_event = parser.get_event
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    document_start, stream_end = yaml.DocumentStartEvent, yaml.StreamEndEvent
    is_nfc = unicodedata.is_normalized
    stack: list = []
    container = key = root = None  # key is None while a mapping waits for its next key
    documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                return UNUSUAL
            value = event.value
            if not is_nfc("NFC", value):
                return UNUSUAL
            if type(container) is dict:
                if key is None:
                    if value in container:
                        return UNUSUAL
                    key = value
                    continue
                if event.implicit[0]:
                    value = _plain(value)
                    if value is UNUSUAL:
                        return UNUSUAL
                container[key] = value
                key = None
            elif container is None:
                return UNUSUAL  # a file that is a single scalar
            else:
                if event.implicit[0]:
                    value = _plain(value)
                    if value is UNUSUAL:
                        return UNUSUAL
                container.append(value)
        elif kind is mapping_end or kind is sequence_end:
            done = container
            container, key = stack.pop()
            if container is None:
                root = done
            elif type(container) is dict:
                container[key] = done
                key = None
            else:
                container.append(done)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                return UNUSUAL
            if type(container) is dict and key is None:
                return UNUSUAL  # a list or mapping as a key
            stack.append((container, key))
            container = {} if kind is mapping_start else []
            key = None
        elif kind is stream_end:
            return root if documents == 1 and root is not None else UNUSUAL
        elif kind is document_start:
            documents += 1
            if documents > 1:
                return UNUSUAL
        elif kind is not yaml.StreamStartEvent and kind is not yaml.DocumentEndEvent:
            return UNUSUAL  # an alias
