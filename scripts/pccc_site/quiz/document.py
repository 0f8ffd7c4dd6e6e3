"""A quiz file as plain data, with the line and column of every key and value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from .problems import Problem

Path_ = tuple  # a path into the data: keys and list indexes


class Mark(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """A quiz file read as plain data, with where each key and value is written."""

    path: str
    data: object = None
    problems: list[Problem] = field(default_factory=list)
    refused: set[Path_] = field(default_factory=set)  # values dropped (alias, tag, too deep): not checked further
    # a quickly read file (quick.py) finds its positions only when one is asked for
    locate: Callable[[Document], None] | None = field(default=None, repr=False)
    _keys: dict[Path_, Mark] = field(default_factory=dict, repr=False)
    _values: dict[Path_, Mark] = field(default_factory=dict, repr=False)

    @property
    def keys(self) -> dict[Path_, Mark]:
        """Where each key is written, by the path of its value."""
        self._find_positions()
        return self._keys

    @property
    def values(self) -> dict[Path_, Mark]:
        """Where each value starts, by its path."""
        self._find_positions()
        return self._values

    def _find_positions(self) -> None:
        if self.locate is not None:
            locate, self.locate = self.locate, None
            locate(self)

    def value_mark(self, path: Path_) -> Mark:
        """Where the value at ``path`` starts (or its nearest written ancestor)."""
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, Mark(1, 1))

    def key_mark(self, path: Path_) -> Mark:
        """Where the key of ``path`` is written (the value's position for list items)."""
        return self.keys.get(path) or self.value_mark(path)

    def forget_positions(self, keep) -> None:
        """Drop the positions of every path for which ``keep(path)`` is false (saves memory)."""
        if self.locate is not None:
            return  # nothing found yet; the positions kept would be found on demand
        self._keys = {path: mark for path, mark in self._keys.items() if keep(path)}
        self._values = {path: mark for path, mark in self._values.items() if keep(path) or not path}

    def problem(self, mark: Mark, code: str, message: str, level: str = "error") -> Problem:
        found = Problem(self.path, mark.line, mark.column, code, message, level)
        self.problems.append(found)
        return found
