"""Search per language, with Vietnamese accent folding and English word stems.

Material writes one search index for the whole site; with static-i18n it
holds both languages, so English hits show on the Vietnamese site. We split
it into ``search/search_index.json`` (Vietnamese, the default language) and
``en/search/search_index.json`` (English), and English pages are pointed at
their own index (see ``html_fixes.point_search_at_language_root``).

Most people type Vietnamese without diacritics on a phone ("thoat nan").
The accents are folded inside lunr, in the browser, not here: the override of
lunr's Vietnamese support (overrides/assets/javascripts/lunr/min/lunr.vi.min.js)
indexes each accented word both as written and folded, so the index file
carries each word once. It is downloaded by every visitor who opens search.
The English index names the language "en-stem", whose support file
(lunr.en-stem.min.js beside it) searches each English query word by its stem
("prevention" finds "Preventing fires") and leaves stop words out of queries.

What is not content stays out: sections under generic headings (sources,
notes for trainers, recipients: every page has them, and they pushed lessons
down the results), the list of sources at the end of a document's key facts,
code listings (commands in the maintainer's guide), and the quiz pages'
interface text (buttons, the no-JavaScript note), which is in the page for
the script, not for readers. The trainer pages (sheets, answer keys, meeting
mode) are kept out by their front matter (``quiz/trainer.py``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

GENERIC_HEADINGS = {
    "vi": {"Nguồn", "Nguồn và mức độ kiểm chứng", "Cho người tập huấn", "Nơi nhận"},
    "en": {"Sources", "Sources and how far they were checked", "For trainers", "Recipients"},
}
# Search ranks the lesson on a topic before the pages that only point to it:
# a page's entries get this boost by the kind of page (the same slugs in both languages).
LESSON_BOOST, POINTER_BOOST = 4.0, 0.4
LESSON_SECTIONS = ("ky-nang/",)
POINTER_PAGES = ("ke-hoach/vai-tro-", "thuat-ngu/", "tap-huan/bo-cong-cu-cuoc-hop/", "ky-nang/phieu-tu-kiem-tra/")
QUIZ_SECTION = "trac-nghiem/"  # the quiz pages, whose interface text is left out
# The language each index names for lunr: Material's search worker loads
# overrides/assets/javascripts/lunr/min/lunr.<name>.min.js for each one but "en".
LUNR_LANGUAGE = {"vi": "vi", "en": "en-stem"}
_EMPTY_PARAGRAPHS = re.compile(r"(<p>\s*</p>\s*)+")
_CODE_LISTINGS = re.compile(r"\s*<pre>.*?</pre>", re.S)
# In Material's index a definition list loses its tags: the key facts of a
# document end with the label "Sources" followed by the list of them.
SOURCES_LABEL = {"vi": "Nguồn", "en": "Sources"}


def fold_accents(text: str) -> str:
    """Lower-case ``text`` and remove Vietnamese diacritics (đ becomes d)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d"))


def _interface_texts(language: str) -> list[str]:
    """The quiz page's fixed interface strings (no placeholders), longest first."""
    from .quiz.strings import RECORD, STRINGS  # noqa: PLC0415

    tables = (STRINGS.get(language, {}), RECORD.get(language, {}))
    texts = {text for table in tables for text in table.values() if isinstance(text, str) and "{" not in text and len(text) > 3}
    return sorted(texts, key=len, reverse=True)


def without_interface_text(text: str, language: str) -> str:
    """``text`` without the quiz interface's strings and the empty paragraphs they leave."""
    for interface in _interface_texts(language):
        text = text.replace(interface, "")
    return _EMPTY_PARAGRAPHS.sub("", text).strip()


def without_listings_and_sources(text: str, language: str) -> str:
    """``text`` without code listings and without the list of sources that ends a document's key facts."""
    text = _CODE_LISTINGS.sub("", text)
    label = SOURCES_LABEL.get(language)
    if label:
        text = re.sub(rf"(^|\s){re.escape(label)} <ul>.*?</ul>\s*$", "", text, flags=re.S)
    return text.strip()


def page_boost(location: str) -> float:
    """How much an entry of the page at ``location`` counts.

    Lessons count more. The home page, and the sections of section indexes,
    role pages, the glossary, the checklist and the meeting kit count less:
    they mention every topic and only point to its lesson. Such a page's own
    entry (its title and opening text) keeps the normal weight, so a reader
    who types its name ("thuật ngữ", "tự kiểm tra") still finds it first.
    """
    page, _, section = location.partition("#")
    if page == "":
        return POINTER_BOOST
    if page.count("/") <= 1 or page.startswith(POINTER_PAGES):  # a section's index, or a page that points
        return POINTER_BOOST if section else 1.0
    if page.startswith(LESSON_SECTIONS):
        return LESSON_BOOST
    return 1.0


def is_content(entry: dict, language: str) -> bool:
    """False for a section under a generic heading (every page has one)."""
    return not ("#" in entry["location"] and entry.get("title", "").strip() in GENERIC_HEADINGS.get(language, set()))


def _strip_language_prefix(location: str, language: str) -> str:
    prefix = f"{language}/"
    return location[len(prefix):] if location.startswith(prefix) else location


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """Return one search index per language from Material's merged index.

    Entries whose location starts with ``<lang>/`` belong to that language
    (their location is made relative to the language root); every other
    entry belongs to the default language.
    """
    per_language: dict[str, list[dict]] = {lang: [] for lang in languages}
    others = [lang for lang in languages if lang != default]
    for entry in index["docs"]:
        language = next(
            (lang for lang in others if entry["location"].startswith(f"{lang}/")),
            default,
        )
        entry = dict(entry, location=_strip_language_prefix(entry["location"], language))
        if not is_content(entry, language):
            continue
        boost = page_boost(entry["location"])
        if boost != 1.0:
            entry["boost"] = boost
        entry["text"] = without_listings_and_sources(entry.get("text", ""), language)
        if entry["location"].startswith(QUIZ_SECTION):
            entry["text"] = without_interface_text(entry["text"], language)
        per_language[language].append(entry)

    result = {}
    for language, docs in per_language.items():
        result[language] = {"config": dict(index["config"], lang=[LUNR_LANGUAGE.get(language, language)]), "docs": docs}
    return result


def index_path(site_dir: Path, language: str, default: str) -> Path:
    root = site_dir if language == default else site_dir / language
    return root / "search" / "search_index.json"


def write_split_indexes(site_dir: Path, languages: list[str], default: str) -> None:
    """Split ``site_dir/search/search_index.json`` into one index per language."""
    merged_path = index_path(site_dir, default, default)
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    already_split = all(
        not any(doc["location"].startswith(f"{lang}/") for doc in merged["docs"])
        for lang in languages
        if lang != default
    )
    if already_split:
        return
    for language, index in split_index(merged, languages, default).items():
        path = index_path(site_dir, language, default)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
