"""The glossary page, rendered from ``docs/_data/glossary/*.yml``.

Each file holds a list of terms; each section of the site may keep its own
file. A term has an ASCII ``id`` (its anchor: ``thuat-ngu/#<id>``), the
Vietnamese ``term``, an English rendering ``en``, and a ``definition`` with
``vi`` and ``en`` text. Terms are listed in Vietnamese alphabetical order.
"""

from __future__ import annotations

import unicodedata

from .data import load_all, text
from .search_index import fold_accents

REQUIRED = ("id", "term", "en", "definition")


def terms() -> list[dict]:
    entries, seen = [], {}
    for file_name, items in load_all("glossary"):
        for item in items or []:
            missing = [key for key in REQUIRED if key not in item]
            if missing:
                raise ValueError(f"glossary/{file_name}: term {item.get('id', '?')} lacks {missing}")
            if item["id"] in seen:
                raise ValueError(f"glossary/{file_name}: id '{item['id']}' is also in {seen[item['id']]}")
            seen[item["id"]] = file_name
            entries.append(item)
    return sorted(entries, key=lambda item: (fold_accents(item["term"]), unicodedata.normalize("NFC", item["term"])))


def render_glossary(_argument: str, language: str) -> str:
    blocks = []
    for item in terms():
        heading = item["term"] if language == "vi" else f"{item['en']} ({item['term']})"
        blocks.append(f"### {heading} {{ #{item['id']} }}\n\n{text(item['definition'], language).strip()}\n")
    return "\n".join(blocks)
