"""Loading the site's data files (``docs/_data/``), which pages are rendered from."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's safe loader when PyYAML was built with it (about ten times faster).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DATA = Path(__file__).resolve().parents[2] / "docs" / "_data"


@lru_cache(maxsize=None)
def load(relative: str) -> object:
    """Parse one YAML data file under ``docs/_data`` (cached for the build)."""
    with (DATA / relative).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


_DERIVED = []


def derived(function):
    """Cache what ``function`` (no arguments) makes from the data files, for the build, as ``load`` is."""
    cached = lru_cache(maxsize=1)(function)
    _DERIVED.append(cached)
    return cached


def clear() -> None:
    """Forget every loaded file and what was made from it (`mkdocs serve` rebuilds in one process)."""
    load.cache_clear()
    for cached in _DERIVED:
        cached.cache_clear()


def load_all(folder: str) -> list[tuple[str, object]]:
    """Parse every ``*.yml`` in a folder under ``docs/_data``, sorted by file name."""
    return [(path.name, load(path.relative_to(DATA).as_posix())) for path in sorted((DATA / folder).glob("*.yml"))]


def text(field: object, language: str) -> str:
    """The ``language`` text of a bilingual field ``{vi: ..., en: ...}``; plain strings pass through."""
    if isinstance(field, dict):
        return field[language]
    return "" if field is None else str(field)
