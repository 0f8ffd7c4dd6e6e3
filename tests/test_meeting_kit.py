"""The meeting kit page lists every page and section of its language, with address and QR code."""

from __future__ import annotations

import re
from types import SimpleNamespace

from pccc_site import meeting_kit, qr
from pccc_site.quiz import trainer

KIT = "tap-huan/bo-cong-cu-cuoc-hop/"


def _cards(html: str) -> list[str]:
    return re.findall(r'<figure class="pccc-kit__card">.*?</figure>', html, re.DOTALL)


def _addresses(html: str) -> set[str]:
    return {re.search(r'class="pccc-address" href="([^"]+)"', card).group(1) for card in _cards(html)}


def test_the_kit_lists_every_page_of_its_language(site):
    """Every page in the navigation; a quiz's printable sheets and meeting mode are reached from the quiz page."""
    for prefix in ("", "en/"):
        html = (site.root / prefix / KIT / "index.html").read_text(encoding="utf-8")
        pages = {site.origin + url for url in site.pages()
                 if url.startswith("en/") == (prefix == "en/") and not trainer.is_trainer_url(url)}
        assert pages <= _addresses(html), prefix


def test_the_kit_lists_sections_with_anchors_and_their_own_codes(site):
    html = (site.root / "en" / KIT / "index.html").read_text(encoding="utf-8")
    for anchor in ("trinh-chieu", "in-tai-lieu", "khong-co-mang"):
        address = f"{site.origin}en/tap-huan/#{anchor}"
        card = next(card for card in _cards(html) if f'href="{address}"' in card)
        assert qr.svg(address, "en") in card
        assert 'href="../#' + anchor + '"' in card  # a working link from the kit page
    assert "Section: Printing" in html


def test_the_kit_is_grouped_like_the_navigation(site):
    html = (site.root / KIT / "index.html").read_text(encoding="utf-8")
    groups = re.findall(r'<h2 id="(kit-[a-z-]+)">([^<]+)</h2>', html)
    assert ("kit-ky-nang", "Kỹ năng") in groups
    assert ("kit-tap-huan", "Cho người tập huấn") in groups
    assert [anchor for anchor, _ in groups][0] == "kit-trang-chu"
    jump = re.search(r'<p class="pccc-kit__jump">(.*?)</p>', html).group(1)
    assert re.findall(r'href="#(kit-[a-z-]+)"', jump) == [anchor for anchor, _ in groups]


def test_kit_text_stays_out_of_search(site):
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Cả trang" not in index


def _page(title, url, sections):
    toc = [SimpleNamespace(level=1, title=title, id="t", children=[
        SimpleNamespace(level=2, title=text, id=anchor, children=[]) for text, anchor in sections])]
    return SimpleNamespace(is_page=True, title=title, url=url, toc=toc)


def test_a_page_added_later_appears_without_editing_the_kit():
    lesson = _page("Thoát nạn &amp; <code>114</code>", "ky-nang/thoat-nan/", [("Khói", "khoi")])
    nav = SimpleNamespace(items=[SimpleNamespace(is_page=False, title="Kỹ năng", children=[lesson])])
    html = meeting_kit.render(meeting_kit.groups_from_nav(nav), "https://x/", lambda url: "../" + url, "vi")
    assert "Thoát nạn &amp; 114" in html
    assert 'href="https://x/ky-nang/thoat-nan/#khoi"' in html
    assert 'href="../ky-nang/thoat-nan/#khoi"' in html
    assert len(_cards(html)) == 2


def test_the_marker_leaves_a_placeholder_that_fill_replaces():
    assert meeting_kit.render_placeholder("", "vi") == meeting_kit.PLACEHOLDER
    nav = SimpleNamespace(items=[_page("Trang chủ", "", [])])
    filled = meeting_kit.fill("<p>a</p>" + meeting_kit.PLACEHOLDER, nav, "https://x/", lambda u: u or "./", "vi")
    assert meeting_kit.PLACEHOLDER not in filled and "pccc-kit__card" in filled
    assert meeting_kit.fill("<p>a</p>", nav, "https://x/", str, "vi") == "<p>a</p>"
