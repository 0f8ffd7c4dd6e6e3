"""The source register (issue 10): every cited source has a kind the reader sees, and the build
refuses a page that cites a source missing from the register or a site on the deny list."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from pccc_site import legal, sources
from pccc_site.data import load
from pccc_site.pages import DOCS, source_pages
from test_legal import DOCUMENTS, LANGUAGES, block, built, page_url, plain

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import mkdocs_hooks  # noqa: E402

REGISTER = sources.all_sources()
DENIED = sources.denied_hosts()


def _page(src_uri: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def _config(language: str = "vi"):
    return {"theme": {"language": language}, "site_url": "http://127.0.0.1:8000/"}


# --- the register and the deny list ------------------------------------------


def test_every_source_has_a_kind_with_words_in_both_languages():
    assert {source.kind for source in REGISTER.values()} <= set(sources.KINDS)
    for words in sources.KINDS.values():
        assert words.keys() == {"vi", "en"} and all(words.values())


def test_the_deny_list_names_gambling_lifestyle_and_question_and_answer_sites_with_reasons():
    assert {"xosothudu.com", "marrybaby.vn", "boxhoidap.com", "88tysobongda.com"} <= set(DENIED)
    for reason in DENIED.values():
        assert reason.keys() == {"vi", "en"} and all(reason.values())


def test_no_registered_source_lives_on_a_denied_site():
    assert [s.id for s in REGISTER.values() if s.url and sources.host(s.url) in DENIED] == []


def test_a_register_entry_on_a_denied_site_stops_the_build():
    entries = list(load("sources.yml")) + [
        {"id": "lottery", "url": "http://xosothudu.com/x", "facts": "x", "origin": "vn", "kind": "press",
         "title": {"vi": "x", "en": "x"}},
    ]
    with pytest.raises(ValueError, match="xosothudu.com, which is on the deny list"):
        sources.read_register(entries, DENIED)


def test_no_page_list_of_sources_rests_on_companies_alone():
    with pytest.raises(ValueError, match="not a company's"):
        sources.render_list(["kblair-tam-phun"], "vi")


# --- the page check, as the build runs it --------------------------------------

DENIED_LINK = "Xem [bài này](http://xosothudu.com/clip-abc.htm)."
UNLISTED_LINK = "Xem [bài này](https://example.org/an-unlisted-page)."


def test_a_page_citing_a_denied_site_stops_the_build_naming_page_line_and_source():
    with pytest.raises(PluginError) as error:
        mkdocs_hooks.on_page_markdown("# T\n\n" + DENIED_LINK, _page("ky-nang/x.md"), _config(), None)
    message = str(error.value)
    assert "ky-nang/x.md:3" in message and "http://xosothudu.com/clip-abc.htm" in message
    assert "deny list" in message and "a lottery-results site" in message


def test_a_page_citing_an_unregistered_source_stops_the_build_naming_page_and_source():
    with pytest.raises(PluginError) as error:
        mkdocs_hooks.on_page_markdown(UNLISTED_LINK, _page("phap-ly/y.en.md"), _config("en"), None)
    message = str(error.value)
    assert "phap-ly/y.en.md:1" in message and "https://example.org/an-unlisted-page" in message
    assert "not in the source register (docs/_data/sources.yml)" in message


def test_registered_links_code_examples_and_the_site_s_own_address_pass():
    registered = next(s.url for s in REGISTER.values() if s.url)
    text = f"[a]({registered})\n\n`SITE_URL=http://pccc.intranet.local/`\n\n[b](http://127.0.0.1:8000/trac-nghiem/)"
    assert sources.check_page_links(text, "x.md", "http://127.0.0.1:8000/") == []


def test_a_document_source_outside_the_register_stops_its_page():
    doc = dict(DOCUMENTS[0], sources=[{"url": "https://example.org/z", "label": {"vi": "z", "en": "z"}}])
    with pytest.raises(ValueError, match="not in the source register"):
        legal._source_items(doc["sources"], "vi")


@pytest.mark.parametrize("page", source_pages(), ids=lambda p: p.vi.relative_to(DOCS).as_posix())
def test_no_page_links_a_denied_site_or_an_unregistered_source(page):
    for path in (page.vi, page.en):
        assert sources.check_page_links(path.read_text(encoding="utf-8"), path.name) == []


# --- what the reader sees --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_source_on_a_document_page_shows_its_kind_in_the_reader_s_language(site, language):
    words = {kind[language] for kind in sources.KINDS.values()}
    for doc in DOCUMENTS:
        box = block(built(site, page_url("phap-ly", doc["page"], language)), "pccc-facts")
        listed = re.findall(r"<li>(.*?)</li>", box, re.DOTALL)
        assert len(listed) == len(doc.get("sources") or []), doc["id"]
        for item in listed:
            kind = re.search(r"\(([^()]*)\)\s*$", plain(item))
            assert kind and kind.group(1) in words, (doc["id"], plain(item))


@pytest.mark.parametrize("language, url", [("vi", "ky-nang/binh-chua-chay/"), ("en", "en/ky-nang/binh-chua-chay/")])
def test_a_lesson_s_sources_show_their_kind(site, language, url):
    listed = plain(built(site, url).split('id="nguon"', 1)[1])
    assert sources.KINDS["agency"][language] in listed
    assert sources.KINDS["international"][language] in listed
    assert sources.KINDS["commercial"][language] in listed  # shown, never alone


# --- where to find the official text --------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_document_page_says_how_to_find_the_official_text(site, language):
    for doc in DOCUMENTS:
        official = block(built(site, page_url("phap-ly", doc["page"], language)), "pccc-official")
        assert f"<strong>{doc['number']}</strong>" in official, doc["id"]
        links = re.findall(r'href="(https?://[^"]+)"', official)
        if legal.publisher(doc) == "province":
            assert links == [], doc["id"]
            continue
        assert links, doc["id"]
        for link in links:  # home pages only: never a guessed deep link
            assert urlsplit(link).path in ("", "/") and not urlsplit(link).query, link
            assert link in sources.allowed_urls()


def test_each_kind_of_document_points_to_its_own_portals():
    by_number = {doc["number"]: legal.publisher(doc) for doc in DOCUMENTS}
    assert by_number["47-CT/TW"] == "party" and by_number["55/2024/QH15"] == "assembly"
    assert by_number["105/2025/NĐ-CP"] == "government" and by_number["21/CĐ-TTg"] == "government"
    assert by_number["25/KH-UBND"] == "province" and by_number["31-CT/BTV"] == "province"
    hosts = {kind: {sources.host(REGISTER[i].url) for i in ids} for kind, ids in legal.OFFICIAL_PORTALS.items()}
    assert hosts["party"] == {"tulieuvankien.dangcongsan.vn"}
    assert {"vbpl.vn", "congbao.chinhphu.vn"} <= hosts["government"] & hosts["assembly"]
    assert "quochoi.vn" in hosts["assembly"] and "vanban.chinhphu.vn" in hosts["government"]
