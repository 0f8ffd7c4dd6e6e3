"""The Skills section: every lesson follows the one block set, cites only
listed sources, and keeps the anchors that quizzes and trainers link to."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from pccc_site import checklist, legal, sources
from pccc_site.lessons import BLOCKS, SOURCES, SUMMARY, check_lesson, check_sources_page
from pccc_site.renderers import expand
from pccc_site.pages import DOCS, front_matter, source_pages

SECTION = "ky-nang"
FACTS = Path(__file__).resolve().parents[2] / "shared" / "facts" / "FACTS.md"

# Anchors other parts of the site (quizzes, the trainer kit) link to.
STABLE_ANCHORS = {
    "khi-phat-hien-chay": ["bao-dong", "goi-114", "chua-hay-thoat", "diem-tap-ket"],
    "thoat-nan-toa-nha": ["khoi", "thu-cua", "cau-thang-bo", "khi-bi-mac-ket", "o-yen-hay-thoat-ra"],
    "thoat-nan-tai-nha": ["chuong-cop", "ke-hoach-thoat-nan", "tre-em-nguoi-cao-tuoi", "to-lien-gia"],
    "binh-chua-chay": ["loai-binh", "cac-buoc", "pass", "kiem-tra-binh"],
    "so-dien-thoai-khan-cap": ["so-114", "so-khac", "ung-dung-114"],
    "so-cuu": ["bong", "khi-nao-di-kham", "quan-ao-bat-lua", "ngat-khoi"],
    "phong-ngua": ["dien", "sac-xe-dien", "gas", "ro-ri-gas", "tho-cung", "cuoi-ngay"],
    "cuu-nan-cuu-ho": ["mac-ket-thang-may", "canh-sat-cuu-ho", "bon-tai-cho", "luc-luong-co-so", "to-tu-quan"],
    "phieu-tu-kiem-tra": ["phieu", "noi-quy-ho-so", "binh-chua-chay", "loi-thoat-nan", "dien-cuoi-ngay", "luc-luong-tai-cho"],
}

SECTION_PAGES = [page for page in source_pages() if page.vi.parent.name == SECTION and page.vi.stem != "index"]


def _pages_of_kind(kind: str) -> list[tuple[Path, str]]:
    return [
        (path, language)
        for page in SECTION_PAGES
        if front_matter(page.vi).get("kind") == kind
        for path, language in ((page.vi, "vi"), (page.en, "en"))
    ]


LESSONS = _pages_of_kind("lesson")
CHECKLISTS = _pages_of_kind("checklist")


def _expanded(path: Path, language: str) -> str:
    return expand(path.read_text(encoding="utf-8"), language, path.name)


def _report(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


def test_the_section_has_its_lessons_and_checklist():
    assert len(LESSONS) >= 16  # eight lessons, two languages
    assert len(CHECKLISTS) == 2


@pytest.mark.parametrize(("path", "language"), LESSONS, ids=[p.name for p, _ in LESSONS])
def test_lesson_follows_the_block_set(path, language):
    problems = check_lesson(_expanded(path, language), language, path.relative_to(DOCS).as_posix())
    assert problems == [], _report(problems)


@pytest.mark.parametrize(("path", "language"), CHECKLISTS, ids=[p.name for p, _ in CHECKLISTS])
def test_checklist_names_its_sources(path, language):
    problems = check_sources_page(_expanded(path, language), language, path.relative_to(DOCS).as_posix())
    assert problems == [], _report(problems)


def _h3_anchors(path: Path) -> list[str]:
    return re.findall(r"^### .*\{\s*#([a-z0-9-]+)\s*\}\s*$", path.read_text(encoding="utf-8"), flags=re.MULTILINE)


@pytest.mark.parametrize("page", SECTION_PAGES, ids=[p.name for p in SECTION_PAGES])
def test_h3_headings_have_the_same_anchors_in_both_languages(page):
    for path in (page.vi, page.en):
        bare = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("### ") and "{ #" not in line]
        assert bare == [], f"{path.name}: give these headings an anchor: {bare}"
    assert _h3_anchors(page.vi) == _h3_anchors(page.en)


@pytest.mark.parametrize("slug", sorted(STABLE_ANCHORS))
def test_linked_anchors_stay_in_place(slug):
    for path, language in ((DOCS / SECTION / f"{slug}.md", "vi"), (DOCS / SECTION / f"{slug}.en.md", "en")):
        anchors = set(re.findall(r"\{\s*#([a-z0-9-]+)\s*\}", _expanded(path, language)))
        missing = [anchor for anchor in STABLE_ANCHORS[slug] if anchor not in anchors]
        assert missing == [], f"{path.name} lost anchors others link to: {missing}"


def test_the_section_index_lists_every_page():
    for index in (DOCS / SECTION / "index.md", DOCS / SECTION / "index.en.md"):
        text = index.read_text(encoding="utf-8")
        missing = [page.vi.name for page in SECTION_PAGES if f"]({page.vi.name})" not in text]
        assert missing == [], f"{index.name}: add a link to {missing}"


# --- the sources file -------------------------------------------------------


def test_sources_file_is_well_formed():
    entries = sources.all_sources()
    assert len(entries) >= 20
    for entry in entries.values():
        assert entry.title.keys() == {"vi", "en"}, entry.id
        assert entry.facts, entry.id
        if entry.note:
            assert entry.note.keys() == {"vi", "en"}, entry.id


def test_every_listed_source_is_cited_somewhere():
    cited = set(checklist.cited_source_ids())
    for page in SECTION_PAGES:
        for ids in re.findall(r"<!--\s*pccc:sources\s+([^>]*?)\s*-->", page.vi.read_text(encoding="utf-8")):
            cited.update(ids.split())
    cited.update(source_id for ids in legal.OFFICIAL_PORTALS.values() for source_id in ids)
    linked = {source["url"] for doc in legal.documents() for source in doc.get("sources") or []}
    linked |= {source["url"] for event in legal.events() for source in event.get("sources") or []}
    for page in source_pages():
        linked.update(sources._EXTERNAL_LINK.findall(page.vi.read_text(encoding="utf-8")))
    cited.update(source.id for source in sources.all_sources().values() if source.url in linked)
    unused = sorted(set(sources.all_sources()) - cited)
    assert unused == [], f"remove from docs/_data/sources.yml or cite: {unused}"


@pytest.mark.parametrize("page", SECTION_PAGES, ids=[p.name for p in SECTION_PAGES])
def test_both_languages_cite_the_same_sources(page):
    def cited(path):
        return re.findall(r"<!--\s*pccc:(?:sources|checklist-sources)\b([^>]*?)-->", path.read_text(encoding="utf-8"))

    assert cited(page.vi) == cited(page.en)


@pytest.mark.skipif(not FACTS.exists(), reason="the fact sheet (../shared/facts/FACTS.md) is not beside this checkout")
def test_every_source_url_comes_from_the_fact_sheet():
    facts = FACTS.read_text(encoding="utf-8")
    found_later = {s.url for s in sources.all_sources().values() if str(s.facts).startswith("seen:")}
    missing = sorted(url for url in sources.allowed_urls() - found_later if url not in facts)
    assert missing == []


def test_sources_render_tagged_with_links_in_both_languages():
    vi = sources.render_list(["hanoi-114-nd83", "redcross-bong"], "vi")
    en = sources.render_list(["redcross-bong", "hanoi-114-nd83"], "en")
    assert vi.splitlines()[0].startswith("- \\[VN\\] [Công an TP Hà Nội")
    assert vi.splitlines()[1].startswith("- \\[Quốc tế\\] [Hội Chữ thập đỏ Anh")
    assert en.splitlines()[0].startswith("- \\[VN\\] [Hà Nội police")  # Vietnamese sources first
    assert "(https://www.redcross.org.uk/first-aid/learn-first-aid/burns) (www.redcross.org.uk; foreign fire or medical service)" in en
    assert "(giaothonghanoi.kinhtedothi.vn; báo chí)" in vi  # the kind, in the reader's language


def test_an_unknown_source_id_stops_the_build():
    with pytest.raises(ValueError, match="no-such-source"):
        sources.render_list(["no-such-source"], "vi")


# --- the checklist data -----------------------------------------------------


def test_every_checklist_item_has_text_a_legal_basis_or_a_reference_and_known_sources():
    known = sources.all_sources()
    groups = checklist.checklist()["groups"]
    assert len({group["id"] for group in groups}) == len(groups)
    for group in groups:
        for item in group["items"]:
            assert item["text"].keys() == {"vi", "en"}
            assert checklist.basis_problems(item) == [], item["text"]["en"]
            if item.get("reference"):
                assert item["reference"].keys() == {"vi", "en"}
            assert item["sources"] and all(source_id in known for source_id in item["sources"]), item["text"]["en"]
            assert any(known[source_id].kind not in sources.NOT_A_BASIS for source_id in item["sources"])


FOREIGN_OR_ADVICE = re.compile(r"OSHA|NFPA|Anh\b|UK\b|Mỹ|\bUS\b|doanh nghiệp|company|Công an|police|C07", re.IGNORECASE)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_checklist_basis_column_holds_only_vietnamese_legal_bases(language):
    """Issue 10: foreign and commercial advice is never printed as 'Căn cứ'; it moves to a 'Tham khảo' note."""
    bases = [checklist.basis_text(item, language) for group in checklist.checklist()["groups"] for item in group["items"]]
    assert [b for b in bases if FOREIGN_OR_ADVICE.search(b)] == []
    assert any("105/2025/NĐ-CP" in b for b in bases)
    rendered = expand("<!-- pccc:checklist -->", language, "phieu.md")
    cells = re.findall(r'<td class="pccc-col-number">[\d.]+</td><td>[^<]*</td><td>(.*?)</td>', rendered)
    assert cells and not [c for c in cells if FOREIGN_OR_ADVICE.search(re.sub(r"<[^>]+>", "", c))]
    label = "Tham khảo" if language == "vi" else "For reference"
    assert rendered.count(f'<p class="pccc-checklist-reference"><strong>{label}</strong>') >= 4
    assert "OSHA" not in rendered and "Fire-equipment company" not in rendered


def test_a_checklist_basis_must_be_a_document_in_force():
    assert checklist.basis_problems({"basis": {"document": "ct-47-ct-tw-2015", "detail": {"vi": "x", "en": "x"}}})
    assert checklist.basis_problems({"basis": {"document": "luat-27-2001-qh10", "detail": {"vi": "x", "en": "x"}}})
    assert checklist.basis_problems({"basis": {"document": "no-such", "detail": {"vi": "x", "en": "x"}}})
    assert checklist.basis_problems({}) == ["an item needs a legal basis or a reference"]
    assert checklist.basis_problems({"basis": {"document": "plan", "detail": {"vi": "x", "en": "x"}}}) == []


def test_checklist_renders_a_form_with_tick_and_note_columns():
    vi = expand("<!-- pccc:checklist -->", "vi", "phieu.md")
    en = expand("<!-- pccc:checklist -->", "en", "phieu.en.md")
    assert "### 1. Nội quy và hồ sơ { #noi-quy-ho-so }" in vi
    assert "### 1. Internal rules and records { #noi-quy-ho-so }" in en
    for column in ("Đạt", "Chưa đạt", "Ghi chú"):
        assert f">{column}</th>" in vi
    assert '<th scope="row">Ngày kiểm tra</th><td></td>' in vi
    assert "<td>1.1</td>" not in vi and '<td class="pccc-col-number">1.1</td>' in vi


# --- the checker itself -----------------------------------------------------

GOOD = """---
title: T
description: D
kind: lesson
---

# T

!!! abstract

    - goal

## Steps { #buoc }

1. Do this.

!!! danger

    Careful.

!!! info "Where Vietnamese and international advice differ"

    Text.

## Summary { #tom-tat }

!!! failure

    - mistake

!!! success

    - point

## Sources { #nguon }

- \\[VN\\] [Title](https://vovgiaothong.vn/luu-y-khi-bao-chay-den-so-114) (vovgiaothong.vn)
- \\[International\\] [Title](https://www.redcross.org.uk/first-aid/learn-first-aid/burns)
"""


def _problems(text: str, language: str = "en") -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in check_lesson(text, language, "x.md")]


def test_a_lesson_with_every_block_passes():
    assert _problems(GOOD) == []


def test_the_block_set_is_closed_and_small():
    assert set(BLOCKS) == {"abstract", "danger", "info", "failure", "success"}
    assert SUMMARY.anchor == "tom-tat" and SOURCES.anchor == "nguon"


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (("!!! abstract\n", '!!! abstract "Goals"\n'), 9, "remove the title of '!!! abstract'"),
        (("!!! danger\n", "!!! warning\n"), 17, "'warning' is not a lesson block"),
        (("!!! danger\n", "!!! tip\n"), 1, "add a '!!! danger' block"),
        (('"Where Vietnamese and international advice differ"', '"Differences"'), 21, "title it exactly"),
        (("1. Do this.\n", "Do this.\n"), 1, "add numbered steps"),
        (("## Summary { #tom-tat }\n\n", ""), 25, "move '!!! failure' into the section"),
        (("\\[VN\\] [Title]", "[Title]"), 37, "a source must read"),
        (("https://vovgiaothong.vn/luu-y-khi-bao-chay-den-so-114", "https://example.com/x"), 37, "is not in docs/_data/sources.yml"),
        (("!!! danger\n", "??? danger\n"), 17, "not a collapsible"),
    ],
)
def test_the_checker_names_line_and_fix(change, line, message):
    old, new = change
    assert old in GOOD
    problems = _problems(GOOD.replace(old, new, 1))
    assert any(found_line == line and message in found for found_line, found in problems), problems


def test_the_checker_wants_the_summary_and_sources_last():
    problems = _problems(GOOD.replace("## Sources { #nguon }", "## References { #nguon }"))
    assert any("end the lesson with '## Summary { #tom-tat }' then '## Sources { #nguon }'" in m for _, m in problems)


def test_vietnamese_titles_are_checked_in_vietnamese():
    vi = (
        GOOD.replace("## Summary { #tom-tat }", "## Tóm tắt { #tom-tat }")
        .replace("## Sources { #nguon }", "## Nguồn { #nguon }")
        .replace("Where Vietnamese and international advice differ", "Khác biệt giữa hướng dẫn trong nước và quốc tế")
        .replace("\\[International\\]", "\\[Quốc tế\\]")
    )
    assert _problems(vi, "vi") == []
    assert _problems(GOOD, "vi") != []


# --- links inside the built site --------------------------------------------

_HREF = re.compile(r'<a [^>]*href="([^"]+)"')
_ID = re.compile(r'\sid="([^"]+)"')


def _content(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]


def test_every_anchor_linked_from_the_skills_pages_and_glossary_exists(site):
    """MkDocs only reports broken anchors at INFO level, so check them here."""
    broken = []
    pages = [f"{prefix}{SECTION}/{page.vi.stem}/" for prefix in ("", "en/") for page in SECTION_PAGES]
    pages += [f"{prefix}{SECTION}/" for prefix in ("", "en/")] + ["thuat-ngu/", "en/thuat-ngu/"]
    for url in pages:
        page_url = site.url(url)
        for href in _HREF.findall(_content((site.root / url / "index.html").read_text(encoding="utf-8"))):
            target = urlsplit(urljoin(page_url, href))
            if not target.fragment or target.netloc != urlsplit(site.origin).netloc:
                continue
            html_file = site.root / target.path.lstrip("/") / "index.html"
            ids = set(_ID.findall(html_file.read_text(encoding="utf-8"))) if html_file.exists() else set()
            if target.fragment not in ids:
                broken.append(f"{url} -> {href}")
    assert broken == []


@pytest.mark.parametrize("language, url", [("vi", "ky-nang/"), ("en", "en/ky-nang/")])
def test_the_skills_index_links_every_section_that_compares_advice(site, language, url):
    page_html = (site.root / url / "index.html").read_text(encoding="utf-8")
    section = page_html.split('id="khac-biet"', 1)[1].split("<h2", 1)[0]
    linked = set(re.findall(r'href="([a-z0-9-]+/#[a-z0-9-]+)"', section))
    boxes = set()
    for path, page_language in LESSONS:
        if page_language != language:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        h2 = None
        for line in lines:
            if match := re.match(r"^## .*\{ #([a-z0-9-]+) \}$", line):
                h2 = match.group(1)
            if line.startswith(f'!!! info "{BLOCKS["info"].title[language]}"'):
                boxes.add(f"{path.name.split('.')[0]}/#{h2}")
    assert len(boxes) >= 3  # burns, door testing, wet cloth at least
    assert linked == boxes
    assert "so-cuu/#bong" in linked
