"""Quiz sets as typed, read-only objects, built from data that passed the checks.

A true-false question becomes two options, ``true`` and ``false``, so the
page and the scripts treat every question the same way.

Versions are content hashes, so nobody has to remember to bump them: a
set's version changes when anything in it changes, a question's when that
question changes. The page keeps a learner's saved answer only while the
question's version is unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

Text = dict  # {"vi": ..., "en": ...}

TRUE_FALSE_LABELS = {
    "true": {"vi": "Đúng", "en": "True"},
    "false": {"vi": "Sai", "en": "False"},
}


@dataclass(frozen=True)
class Option:
    id: str
    text: Text
    correct: bool
    feedback: Text | None


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    text: Text
    options: tuple[Option, ...]
    explanation: Text
    page: str  # relative to docs/, e.g. ky-nang/index.md
    anchor: str
    hint: Text | None
    version: str
    trainer_note: Text | None = None  # meeting mode and answer key only


@dataclass(frozen=True)
class QuizSet:
    id: str
    title: Text
    intro: Text
    minutes: int
    pass_percent: int
    shuffle_options: bool
    pool: int | None
    questions: tuple[Question, ...]
    version: str
    order: int | None = None

    @property
    def menu_position(self) -> tuple[bool, int, str]:
        """Sort key for menus: sets with an ``order`` first, lowest first; the rest by id."""
        return (self.order is None, self.order or 0, self.id)

    @property
    def asked(self) -> int:
        """How many questions one attempt asks."""
        return self.pool or len(self.questions)


def content_hash(data: object) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def _options(raw: dict) -> tuple[Option, ...]:
    if raw["type"] == "true-false":
        return tuple(
            Option(value, TRUE_FALSE_LABELS[value], raw["answer"] is (value == "true"), raw.get(f"feedback_{value}"))
            for value in ("true", "false")
        )
    return tuple(Option(o["id"], o["text"], o.get("correct") is True, o.get("feedback")) for o in raw["options"])


def question(raw: dict) -> Question:
    page, anchor = raw["source"].split("#", 1)
    return Question(
        id=raw["id"],
        type=raw["type"],
        text=raw["text"],
        options=_options(raw),
        explanation=raw["explanation"],
        page=page,
        anchor=anchor,
        hint=raw.get("hint"),
        version=content_hash(raw),
        trainer_note=raw.get("trainer_note"),
    )


def quiz_set(raw: dict) -> QuizSet:
    return QuizSet(
        id=raw["id"],
        title=raw["title"],
        intro=raw["intro"],
        minutes=int(raw["minutes"]),
        pass_percent=int(raw["pass_percent"]),
        shuffle_options=raw["shuffle_options"],
        pool=int(raw["pool"]) if raw.get("pool") is not None else None,
        questions=tuple(question(q) for q in raw["questions"]),
        version=content_hash(raw),
        order=raw.get("order"),
    )
