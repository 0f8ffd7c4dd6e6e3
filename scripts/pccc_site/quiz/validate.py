"""Check quiz files: read each safely, then its shape, its meaning, its sources.

Every problem in every file is collected first and reported together,
sorted by file, line and column. Only files without errors become
``QuizSet`` objects for the build.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .load import Document, Mark, load_file
from .model import QuizSet, quiz_set
from .problems import ERROR, Problem, sort_key
from .rules import bank_rules, set_rules, source_rules
from .schema_check import schema_problems
from .sources import Site

ROOT = Path(__file__).resolve().parents[3]
QUIZZES = ROOT / "quizzes"
DOCS = ROOT / "docs"
SUFFIX = ".yml"


@dataclass(frozen=True)
class Report:
    problems: tuple[Problem, ...]
    clean: tuple[dict, ...]  # the data of every file without errors
    files: int

    @cached_property
    def sets(self) -> tuple[QuizSet, ...]:
        """The files without errors as quiz sets (built on first use: ``check`` alone only counts)."""
        return tuple(quiz_set(data) for data in self.clean)

    @property
    def questions(self) -> int:
        """How many questions the files without errors hold."""
        return sum(len(data["questions"]) for data in self.clean)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != ERROR]


def quiz_files(folder: Path = QUIZZES) -> list[Path]:
    """The quiz files in ``folder``; ``.yaml`` files too, so that the check can ask to rename them."""
    return sorted([*folder.glob(f"*{SUFFIX}"), *folder.glob("*.yaml")])


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (the working folder by default) when it is inside it."""
    resolved, base = path.resolve(), (base or Path.cwd()).resolve()
    return resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else str(path)


def check(paths: list[Path], docs: Path = DOCS, base: Path | None = None) -> Report:
    with _no_cycle_collection():
        return _check(paths, docs, base)


@contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while the bank is read.

    The check builds about a hundred containers per question, all kept to
    the end and none in a reference cycle; the collector would walk them
    again and again as they pile up (a sixth of the CPU time on 10,000
    questions). Plain reference counting still frees everything else.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:  # nobody else froze objects: unfreezing touches only ours
            # Move what the check built to the oldest generation without walking it;
            # otherwise the first collection after this would walk it all at once.
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _check(paths: list[Path], docs: Path, base: Path | None) -> Report:
    site = Site(docs)
    loaded: list[Document] = []
    for path in paths:
        doc = load_file(path, display_path(path, base))
        if path.suffix != SUFFIX:
            doc.problem(Mark(1, 1), "wrong-extension", f"quiz files end in {SUFFIX}: rename {path.name} to {path.stem}{SUFFIX}")
        if doc.data is not None:
            schema_problems(doc)
            set_rules(doc, path.stem)
            source_rules(doc, site)
        doc.forget_positions(keep=_is_id_path)  # the cross-file check needs only where ids are
        loaded.append(doc)
    bank_rules(loaded)
    problems = sorted((p for doc in loaded for p in doc.problems), key=sort_key)
    clean = tuple(doc.data for doc in loaded if doc.data is not None and not any(p.level == ERROR for p in doc.problems))
    return Report(tuple(problems), clean, len(paths))


def _is_id_path(path: tuple) -> bool:
    return path == ("id",) or (len(path) == 3 and path[0] == "questions" and path[2] == "id")


def check_bank(quizzes: Path = QUIZZES, docs: Path = DOCS) -> Report:
    """Every quiz file of the site, with paths shown relative to the project."""
    return check(quiz_files(quizzes), docs, base=ROOT)
