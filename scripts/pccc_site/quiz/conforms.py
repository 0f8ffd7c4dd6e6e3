"""A yes/no answer to "does this data fit quizzes/schema.json?", compiled once from the schema.

jsonschema walks the schema anew for every value and builds an error object
for every finding: right for explaining what is wrong, slow for confirming
that a clean file is clean (most of the check's time on a large bank).
``conforms`` compiles the schema once into nested Python closures that only
answer yes or no; the schema check asks jsonschema for the details only when
the answer is no. The compiler knows exactly the keywords the schema uses and
refuses any other, so a schema edit cannot be silently ignored here; a test
keeps its answers equal to jsonschema's on every fixture and on many altered
copies of a valid set.

As in ``schema_check``, an integer is a whole number written as one: 2.0 and
true are not integers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

Check = Callable[[object], bool]
_IGNORED = {"$schema", "title", "description", "x-errors", "$defs"}
_TYPES: dict[str, Check] = {
    "object": lambda value: type(value) is dict,
    "array": lambda value: type(value) is list,
    "string": lambda value: type(value) is str,
    "integer": lambda value: type(value) is int,
    "boolean": lambda value: type(value) is bool,
    "number": lambda value: type(value) in (int, float),
    "null": lambda value: value is None,
}


class UnknownKeyword(ValueError):
    """The schema uses a keyword this compiler does not implement."""


@lru_cache(maxsize=1)
def conforms() -> Check:
    from .schema_check import inlined_schema  # noqa: PLC0415  (schema_check imports this module)

    return compile_schema(inlined_schema())


def compile_schema(schema: dict) -> Check:
    """A function telling whether a value fits ``schema`` (with every ``$ref`` already inlined)."""
    unknown = set(schema) - _IGNORED - set(_KEYWORDS)
    if unknown:
        raise UnknownKeyword(f"quizzes/schema.json uses {', '.join(sorted(unknown))}: teach pccc_site/quiz/conforms.py the keyword")
    checks = [_KEYWORDS[keyword](schema[keyword], schema) for keyword in _ORDER if keyword in schema]
    return _every([check for check in checks if check is not None])


def _every(checks: list[Check]) -> Check:
    """One check that passes when all of ``checks`` pass, in order (unrolled: this runs for every value)."""
    if not checks:
        return lambda _value: True
    if len(checks) == 1:
        return checks[0]
    first, rest = checks[0], _every(checks[1:])
    return lambda value: first(value) and rest(value)


def _type(expected, _schema) -> Check:
    return _TYPES[expected]


def _properties(properties: dict, schema: dict) -> Check:
    compiled = {key: compile_schema(sub) for key, sub in properties.items()}
    closed = schema.get("additionalProperties") is False
    allowed = frozenset(properties)
    required = tuple(schema.get("required", ()))

    def check(value) -> bool:
        if type(value) is not dict:
            return True
        if closed and not allowed.issuperset(value):
            return False
        for key in required:
            if key not in value:
                return False
        for key, item in value.items():
            sub = compiled.get(key)
            if sub is not None and not sub(item):
                return False
        return True

    return check


def _additional(flag, schema: dict) -> Check | None:
    if flag is not False:
        raise UnknownKeyword("additionalProperties other than false")
    if "properties" in schema:
        return None  # checked with the properties
    return lambda value: type(value) is not dict or not value


def _required(keys, schema: dict) -> Check | None:
    if "properties" in schema:
        return None
    return lambda value: type(value) is not dict or all(key in value for key in keys)


def _items(sub: dict, _schema) -> Check:
    item_check = compile_schema(sub)

    def check(value) -> bool:
        if type(value) is list:
            for item in value:
                if not item_check(item):
                    return False
        return True

    return check


def _string_rule(test: Callable[[str], bool]) -> Check:
    return lambda value: type(value) is not str or test(value)


def _number_rule(test: Callable[[float], bool]) -> Check:
    return lambda value: type(value) not in (int, float) or test(value)


def _array_rule(test: Callable[[list], bool]) -> Check:
    return lambda value: type(value) is not list or test(value)


def _pattern(pattern: str, _schema) -> Check:
    search = re.compile(pattern).search
    return _string_rule(lambda value: search(value) is not None)


def _enum(choices, _schema) -> Check:
    return lambda value: any(_same(value, choice) for choice in choices)


def _const(expected, _schema) -> Check:
    return lambda value: _same(value, expected)


def _same(value, expected) -> bool:
    """JSON equality: true is not 1."""
    return type(value) is type(expected) and value == expected


def _not(sub: dict, _schema) -> Check:
    inner = compile_schema(sub)
    return lambda value: not inner(value)


def _all_of(subs: list, _schema) -> Check:
    return _every([compile_schema(sub) for sub in subs])


def _if(condition: dict, schema: dict) -> Check:
    if "else" in schema:
        raise UnknownKeyword("else")
    test, then = compile_schema(condition), compile_schema(schema.get("then", {}))
    return lambda value: not test(value) or then(value)


_KEYWORDS: dict[str, Callable[[object, dict], Check | None]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "minItems": lambda n, _s: _array_rule(lambda value: len(value) >= n),
    "maxItems": lambda n, _s: _array_rule(lambda value: len(value) <= n),
    "pattern": _pattern,
    "minLength": lambda n, _s: _string_rule(lambda value: len(value) >= n),
    "maxLength": lambda n, _s: _string_rule(lambda value: len(value) <= n),
    "minimum": lambda n, _s: _number_rule(lambda value: not value < n),  # as jsonschema: NaN passes
    "maximum": lambda n, _s: _number_rule(lambda value: not value > n),
    "not": _not,
    "allOf": _all_of,
    "if": _if,
    "then": lambda _sub, _s: None,  # with "if"
}
_ORDER = tuple(_KEYWORDS)  # type first: the cheapest answer
