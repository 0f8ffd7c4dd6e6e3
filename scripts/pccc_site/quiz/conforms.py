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

Speed comes from calling few functions per value: the keywords about one kind
of value (a mapping's properties and required keys, a text's length and
pattern, a number's range) are checked together in one function, which also
checks the declared type, so a text of a quiz costs one call, not seven.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

Check = Callable[[object], bool]
_IGNORED = {"$schema", "title", "description", "x-errors", "$defs"}
_NUMBER = (int, float)
_PLAIN_TYPES: dict[str, Check] = {  # types without keywords of their own (the others are checked with their keywords)
    "boolean": lambda value: type(value) is bool,
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
    unknown = set(schema) - _IGNORED - _KNOWN
    if unknown:
        raise UnknownKeyword(f"quizzes/schema.json uses {', '.join(sorted(unknown))}: teach pccc_site/quiz/conforms.py the keyword")
    declared = schema.get("type")
    checks = []
    for kind, (keywords, build) in _KINDS.items():
        if declared in _DECLARING[kind] or any(keyword in schema for keyword in keywords):
            checks.append(build(schema, declared in _DECLARING[kind]))
    if declared in _PLAIN_TYPES:
        checks.append(_PLAIN_TYPES[declared])
    elif declared is not None and not any(declared in types for types in _DECLARING.values()):
        raise UnknownKeyword(f"type {declared}")
    checks += [_LOGIC[keyword](schema[keyword], schema) for keyword in _LOGIC if keyword in schema]
    return _every([check for check in checks if check is not None])


def _every(checks: list[Check]) -> Check:
    """One check that passes when all of ``checks`` pass, in order."""
    if not checks:
        return lambda _value: True
    if len(checks) == 1:
        return checks[0]
    first, *rest = checks

    def check(value) -> bool:
        if not first(value):
            return False
        for other in rest:
            if not other(value):
                return False
        return True

    return check


def _object(schema: dict, typed: bool) -> Check:
    properties = schema.get("properties", {})
    if "additionalProperties" in schema and schema["additionalProperties"] is not False:
        raise UnknownKeyword("additionalProperties other than false")
    compiled = {key: compile_schema(sub) for key, sub in properties.items()}
    closed = schema.get("additionalProperties") is False
    allowed = frozenset(properties)
    required = tuple(schema.get("required", ()))

    def check(value) -> bool:
        if type(value) is not dict:
            return not typed
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


def _array(schema: dict, typed: bool) -> Check:
    fewest, most = schema.get("minItems", 0), schema.get("maxItems")
    item_check = compile_schema(schema["items"]) if "items" in schema else None

    def check(value) -> bool:
        if type(value) is not list:
            return not typed
        if len(value) < fewest or (most is not None and len(value) > most):
            return False
        if item_check is not None:
            for item in value:
                if not item_check(item):
                    return False
        return True

    return check


def _string(schema: dict, typed: bool) -> Check:
    shortest, longest = schema.get("minLength", 0), schema.get("maxLength")
    search = re.compile(schema["pattern"]).search if "pattern" in schema else None

    def check(value) -> bool:
        if type(value) is not str:
            return not typed
        return len(value) >= shortest and (longest is None or len(value) <= longest) and (search is None or search(value) is not None)

    return check


def _number(schema: dict, typed: bool) -> Check:
    lowest, highest = schema.get("minimum"), schema.get("maximum")
    kinds = (int,) if typed and schema["type"] == "integer" else _NUMBER

    def check(value) -> bool:
        if type(value) not in kinds:
            return not typed
        return (lowest is None or not value < lowest) and (highest is None or not value > highest)  # as jsonschema: NaN passes

    return check


_KINDS: dict[str, tuple[tuple[str, ...], Callable[[dict, bool], Check]]] = {
    "object": (("properties", "additionalProperties", "required"), _object),
    "array": (("items", "minItems", "maxItems"), _array),
    "string": (("pattern", "minLength", "maxLength"), _string),
    "number": (("minimum", "maximum"), _number),
}
_DECLARING = {"object": ("object",), "array": ("array",), "string": ("string",), "number": ("integer", "number")}


def _enum(choices, _schema) -> Check:
    if all(type(choice) is str for choice in choices):
        names = frozenset(choices)
        return lambda value: type(value) is str and value in names
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


_LOGIC: dict[str, Callable[[object, dict], Check | None]] = {
    "enum": _enum,
    "const": _const,
    "not": _not,
    "allOf": _all_of,
    "if": _if,
    "then": lambda _sub, _s: None,  # with "if"
}
_KNOWN = {"type", *_LOGIC, *(keyword for keywords, _ in _KINDS.values() for keyword in keywords)}
