"""What the strict build writes: two languages, the configured address, split search."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import yaml


ROOT = Path(__file__).resolve().parents[1]


def _html(site, url: str) -> str:
    return (site.root / url / "index.html").read_text(encoding="utf-8")


def test_vietnamese_is_served_at_the_root_and_english_under_en(site):
    assert '<html lang="vi"' in _html(site, "")
    assert '<html lang="en"' in _html(site, "en/")
    assert '<html lang="vi"' in _html(site, "ky-nang/")
    assert '<html lang="en"' in _html(site, "en/ky-nang/")


def test_every_vietnamese_page_has_its_english_page_at_the_same_slug(site):
    vi_pages = [url for url in site.pages() if not url.startswith("en/")]
    en_pages = {url.removeprefix("en/") for url in site.pages() if url.startswith("en/")}
    assert set(vi_pages) == en_pages


def test_site_url_comes_from_the_environment(site, public_site):
    assert f'<link rel="canonical" href="{site.origin}ky-nang/">' in _html(site, "ky-nang/")
    assert public_site.origin == "https://pccc.example.gov.vn/tap-huan/"
    assert '<link rel="canonical" href="https://pccc.example.gov.vn/tap-huan/en/">' in _html(public_site, "en/")


def test_strict_build_prints_no_warning(site):
    assert "WARNING" not in site.log, site.log


def test_strict_build_prints_only_its_progress(site):
    # A normal build says what needs action and nothing else: no list of pages
    # "not included in the nav", no plugin chatter.
    progress = re.compile(r"INFO    -  (Cleaning site directory|Building documentation to directory: .*|Documentation built in [0-9.]+ seconds)")
    assert "not included in the" not in site.log
    assert [line for line in site.log.splitlines() if not progress.fullmatch(line)] == []


def test_only_the_generated_trainer_pages_are_kept_out_of_the_nav_on_purpose():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    not_in_nav = config["not_in_nav"]
    for page in ("phieu", "dap-an", "trinh-chieu"):
        assert not_in_nav.match_file(f"trac-nghiem/kien-thuc-co-ban/{page}.md")
        assert not_in_nav.match_file(f"trac-nghiem/kien-thuc-co-ban/{page}.en.md")
    for page in ("trac-nghiem/kien-thuc-co-ban.md", "trac-nghiem/index.md", "ky-nang/bai-moi.md", "phieu.md"):
        assert not not_in_nav.match_file(page), page


def test_search_index_is_split_per_language(site):
    vi = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site.root / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert vi["config"]["lang"] == ["vi"] and en["config"]["lang"] == ["en-stem"]  # lunr.<lang>.min.js in overrides/
    assert not any(doc["location"].startswith("en/") for doc in vi["docs"])
    assert {doc["title"] for doc in en["docs"]} >= {"Skills", "Legal basis"}
    assert "Skills" not in {doc["title"] for doc in vi["docs"]}
    assert "folded" not in vi["config"]["fields"]  # lunr folds accents in the browser (overrides/)


# Every visitor who opens search downloads the index of the page's language (gzip -9 measured).
INDEX_BUDGET_GZIPPED = {"vi": 60_000, "en": 60_000}


def test_each_search_index_fits_its_budget_gzipped(site):
    for language, path in (("vi", "search/search_index.json"), ("en", "en/search/search_index.json")):
        size = len(gzip.compress((site.root / path).read_bytes(), compresslevel=9))
        assert size <= INDEX_BUDGET_GZIPPED[language], (language, size)


def test_english_pages_load_the_english_search_index(site):
    config = re.search(r'"base": "([^"]*)"', _html(site, "en/ky-nang/")).group(1)
    assert config == "../"  # resolves to /en/, whose search/search_index.json is English


def test_no_hreflang_links_in_head(site):
    head = _html(site, "ky-nang/").split("</head>", 1)[0]
    assert "hreflang" not in head


def test_organisation_and_site_name_come_from_configuration(site):
    assert "Sở Ngoại vụ tỉnh Bắc Giang" in _html(site, "")
    assert "Department of Foreign Affairs of" in _html(site, "en/")
    assert "<title>Kỹ năng - PCCC và CNCH" in _html(site, "ky-nang/")
    assert "<title>Skills - Fire safety and rescue" in _html(site, "en/ky-nang/")


def test_every_stylesheet_closes_each_block_it_opens():
    # Browsers close an unclosed block at the end of the file without a word, so a missing "}"
    # after an @media print block silently turns every later rule into a print-only rule.
    stylesheets = sorted((ROOT / "docs" / "assets").rglob("*.css"))
    assert stylesheets
    unbalanced = {}
    for stylesheet in stylesheets:
        css = re.sub(r"/\*.*?\*/", "", stylesheet.read_text(encoding="utf-8"), flags=re.S)
        depth = 0
        for char in css:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                break
        if depth:
            unbalanced[str(stylesheet)] = depth
    assert unbalanced == {}


def test_search_finds_a_quiz_set_but_not_its_answers(site):
    quiz = yaml.safe_load((ROOT / "quizzes" / "kien-thuc-co-ban.yml").read_text(encoding="utf-8"))
    for language, index_path in (("vi", "search/search_index.json"), ("en", "en/search/search_index.json")):
        docs = json.loads((site.root / index_path).read_text(encoding="utf-8"))["docs"]
        quiz_entries = [doc for doc in docs if doc["location"].startswith("trac-nghiem/kien-thuc-co-ban/")]
        assert [doc["title"] for doc in quiz_entries] == [quiz["title"][language]]
        indexed = " ".join(doc["text"] for doc in quiz_entries)
        assert quiz["intro"][language].split()[0] in indexed
        for question in quiz["questions"]:
            assert question["text"][language][:30] not in indexed
            explanation = re.sub(r"[*_`]", "", question["explanation"][language]).split(".")[0]
            assert explanation not in re.sub(r"<[^>]+>", "", indexed)


def test_the_lunr_vi_override_is_materials_file_with_the_missing_registration_then_accent_folding():
    """overrides/…/lunr.vi.min.js: Material's copy, whose stop-word filter lunr warns about on every search
    until it is registered, followed by this site's accent folding (a separate block, readable)."""
    import material

    theirs = (Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")
    ours = (Path(__file__).resolve().parent.parent / "overrides/assets/javascripts/lunr/min/lunr.vi.min.js").read_text(encoding="utf-8")
    registration = ',e.Pipeline.registerFunction(e.vi.stopWordFilter,"stopWordFilter-vi")'
    assert "registerFunction(e.vi.stopWordFilter" not in theirs, "Material fixed it: drop the registration from the override"
    materials_part, added = ours.split("\n", 1)
    assert materials_part.replace(registration, "", 1) == theirs.strip() and registration in materials_part
    assert 'registerFunction(foldAccents, "foldAccents-vi")' in added
