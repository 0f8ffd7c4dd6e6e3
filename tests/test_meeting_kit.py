"""The meeting kit page: one card per page of its language, QR codes as separate files, a small page."""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import urljoin

from pccc_site import meeting_kit, qr
from pccc_site.quiz import trainer

KIT = "tap-huan/bo-cong-cu-cuoc-hop/"
MAX_HTML_BYTES = 150 * 1024


def _kit_html(site, prefix: str) -> str:
    return (site.root / prefix / KIT / "index.html").read_text(encoding="utf-8")


def _cards(html: str) -> list[str]:
    return re.findall(r'<li class="pccc-kit__card">.*?</details></li>', html, re.DOTALL)


def _addresses(html: str) -> list[str]:
    return re.findall(r'<span class="pccc-address">([^<]+)</span>', html)


def test_the_kit_has_a_card_for_every_page_of_its_language(site):
    """Every page in the navigation; a quiz's printable sheets and meeting mode are reached from the quiz page."""
    for prefix in ("", "en/"):
        html = _kit_html(site, prefix)
        pages = {site.origin + url for url in site.pages()
                 if url.startswith("en/") == (prefix == "en/") and not trainer.is_trainer_url(url)}
        cards = _cards(html)
        assert len(cards) == len(pages), prefix
        page_addresses = {re.search(r'<li class="pccc-kit__page">.*?<span class="pccc-address">([^<]+)<', card).group(1)
                          for card in cards}
        assert page_addresses == pages, prefix


def test_the_kit_page_is_small(site):
    for prefix in ("", "en/"):
        size = len(_kit_html(site, prefix).encode("utf-8"))
        assert size <= MAX_HTML_BYTES, f"{prefix}{KIT}: {size} bytes"


def test_a_card_holds_its_sections_with_anchors_and_their_own_code_files(site):
    html = _kit_html(site, "en/")
    card = next(card for card in _cards(html) if 'class="pccc-kit__title" href="../">' in card)
    for anchor in ("trinh-chieu", "in-tai-lieu", "khong-co-mang"):
        address = f"{site.origin}en/tap-huan/#{anchor}"
        assert f'<span class="pccc-address">{address}</span>' in card
        assert f'href="../#{anchor}"' in card  # a working link from the kit page
        image = meeting_kit.image_path(address)
        assert f'src="../../../{image}"' in card
        drawn = (site.root / image).read_text(encoding="utf-8")
        assert drawn == meeting_kit.svg_file(qr.svg(address, "en"))
        assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg" ')
    assert ">Printing</a>" in card and "QR codes: the page and " in card


def test_every_code_image_of_the_kit_exists_and_loads_lazily(site):
    for prefix in ("", "en/"):
        html = _kit_html(site, prefix)
        images = re.findall(r"<img [^>]*>", html[html.index('<div class="pccc-kit">'):])
        assert len(images) == len(_addresses(html)) > 100
        kit_url = site.origin + prefix + KIT
        for tag in images:
            assert 'loading="lazy"' in tag and re.search(r'alt="(Mã QR|QR code): [^"]+"', tag), tag
            src = re.search(r'src="([^"]+)"', tag).group(1)
            assert (site.root / urljoin(kit_url, src)[len(site.origin):]).is_file(), src


def test_the_kit_is_grouped_like_the_navigation(site):
    html = _kit_html(site, "")
    groups = re.findall(r'<h2 id="(kit-[a-z-]+)">([^<]+)</h2>', html)
    assert ("kit-ky-nang", "Kỹ năng") in groups
    assert ("kit-tap-huan", "Cho người tập huấn") in groups
    assert [anchor for anchor, _ in groups][0] == "kit-trang-chu"
    jump = re.search(r'<nav class="pccc-kit__jump"[^>]*>(.*?)</nav>', html).group(1)
    assert re.findall(r'href="#(kit-[a-z-]+)"', jump) == [anchor for anchor, _ in groups]


def test_kit_text_stays_out_of_search(site):
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Cả trang" not in index and "Mã QR của trang và" not in index


def _page(title, url, sections):
    toc = [SimpleNamespace(level=1, title=title, id="t", children=[
        SimpleNamespace(level=2, title=text, id=anchor, children=[]) for text, anchor in sections])]
    return SimpleNamespace(is_page=True, title=title, url=url, toc=toc)


def _nav(*pages):
    return SimpleNamespace(items=[SimpleNamespace(is_page=False, title="Kỹ năng", children=list(pages))])


def test_a_page_added_later_appears_without_editing_the_kit():
    lesson = _page("Thoát nạn &amp; <code>114</code>", "ky-nang/thoat-nan/", [("Khói", "khoi"), ("Cửa", "cua")])
    kit = meeting_kit.render(meeting_kit.groups_from_nav(_nav(lesson)), "https://x/", lambda url: "../" + url, "vi")
    assert len(_cards(kit.html)) == 1
    assert "Thoát nạn &amp; 114" in kit.html
    assert "Mã QR của trang và 2 mục" in kit.html
    assert '<span class="pccc-address">https://x/ky-nang/thoat-nan/#khoi</span>' in kit.html
    assert 'href="../ky-nang/thoat-nan/#khoi"' in kit.html
    assert sorted(kit.images) == sorted(meeting_kit.image_path(f"https://x/ky-nang/thoat-nan/{end}")
                                        for end in ("", "#khoi", "#cua"))
    assert 'style="' not in kit.html  # a strict CSP without 'unsafe-inline' is coming


def test_without_qr_codes_the_cards_keep_their_addresses(monkeypatch):
    monkeypatch.setenv("PCCC_QR", "0")
    kit = meeting_kit.render(meeting_kit.groups_from_nav(_nav(_page("A", "a/", [("B", "b")]))), "https://x/", str, "en")
    assert kit.images == {} and "<img" not in kit.html
    assert "Addresses: the page and 1 section<" in kit.html and "https://x/a/#b" in kit.html


def test_the_marker_leaves_a_placeholder_that_fill_replaces():
    assert meeting_kit.render_placeholder("", "vi") == meeting_kit.PLACEHOLDER
    nav = SimpleNamespace(items=[_page("Trang chủ", "", [])])
    filled = meeting_kit.fill("<p>a</p>" + meeting_kit.PLACEHOLDER, nav, "https://x/", lambda u: u or "./", "vi")
    assert meeting_kit.PLACEHOLDER not in filled.html and "pccc-kit__card" in filled.html
    assert "Mã QR của trang<" in filled.html
    assert meeting_kit.fill("<p>a</p>", nav, "https://x/", str, "vi") is None
