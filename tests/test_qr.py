"""QR codes and the "for trainers" panel: public addresses, accessible SVG, the built pages."""

from __future__ import annotations

import re

import pytest

from pccc_site import qr


@pytest.mark.parametrize(
    "page_url, expected",
    [
        ("", "https://x.gov.vn/pccc/"),
        ("ky-nang/", "https://x.gov.vn/pccc/ky-nang/"),
        ("en/ky-nang/", "https://x.gov.vn/pccc/en/ky-nang/"),
        ("ky-nang/index.html", "https://x.gov.vn/pccc/ky-nang/"),  # offline build
        ("thuat-ngu.html", "https://x.gov.vn/pccc/thuat-ngu/"),
        ("index.html", "https://x.gov.vn/pccc/"),
        ("en/ky-nang/index.html#so-khan-cap", "https://x.gov.vn/pccc/en/ky-nang/#so-khan-cap"),
    ],
)
def test_public_address_is_site_url_plus_directory_url(page_url, expected):
    assert qr.public_address("https://x.gov.vn/pccc/", page_url) == expected
    assert qr.public_address("https://x.gov.vn/pccc", page_url) == expected


def test_svg_is_inline_with_an_accessible_name_and_differs_per_address():
    first = qr.svg("https://x.gov.vn/ky-nang/", "vi")
    assert first.startswith('<svg role="img" aria-label="Mã QR của địa chỉ https://x.gov.vn/ky-nang/"')
    assert "<image" not in first and "http" not in first.split(">", 1)[1]  # modules only, no external reference
    assert first != qr.svg("https://x.gov.vn/phap-ly/", "vi")
    assert 'aria-label="QR code of the address https://x.gov.vn/ky-nang/"' in qr.svg("https://x.gov.vn/ky-nang/", "en")


def test_qr_off_keeps_the_address(monkeypatch):
    monkeypatch.setenv("PCCC_QR", "0")
    panel = qr.trainer_panel("https://x.gov.vn/", "en")
    assert "<svg" not in panel and 'href="https://x.gov.vn/"' in panel


def test_panel_goes_at_the_end_of_the_article():
    page = '<main><article class="md-content__inner md-typeset"><h1>T</h1><p>x</p></article></main>'
    result = qr.insert_panel(page, "<details>P</details>")
    assert result == '<main><article class="md-content__inner md-typeset"><h1>T</h1><p>x</p><details>P</details></article></main>'
    assert qr.insert_panel("<p>no article</p>", "X") == "<p>no article</p>"


def _panel(html: str) -> str:
    return re.search(r'<details class="pccc-trainer">.*?</details>', html, re.DOTALL).group(0)


def test_every_built_page_has_a_panel_with_its_own_address(site):
    for url in site.pages():
        panel = _panel((site.root / url / "index.html").read_text(encoding="utf-8"))
        address = site.origin + url
        language = "en" if url.startswith("en/") else "vi"
        assert f'href="{address}"' in panel, url
        assert qr.svg(address, language) in panel, url  # the code segno draws for exactly this address
        summary = "For trainers" if language == "en" else "Dành cho người tập huấn"
        assert f"<summary>{summary}</summary>" in panel, url


def test_site_url_changes_the_qr_content(public_site):
    panel = _panel((public_site.root / "en" / "ky-nang" / "index.html").read_text(encoding="utf-8"))
    assert qr.svg(public_site.origin + "en/ky-nang/", "en") in panel
    assert "127.0.0.1" not in panel


def test_panel_is_not_in_the_search_index(site):
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Quét mã để mở trang này" not in index


def test_a_code_is_drawn_once_per_address_and_then_read_from_the_cache(tmp_path, monkeypatch):
    from pccc_site import qr

    monkeypatch.setattr(qr, "CACHE_DIR", tmp_path)
    address = "https://pccc.example.gov.vn/tap-huan/ky-nang/so-cuu/#bong"
    qr._svg_body.cache_clear()
    first = qr._svg_body(address)
    assert len(list(tmp_path.glob("*.svg"))) == 1
    qr._svg_body.cache_clear()
    monkeypatch.setattr(qr.segno, "make", lambda *args, **kwargs: pytest.fail("drawn again"))
    assert qr._svg_body(address) == first
    qr._svg_body.cache_clear()


def test_an_unwritable_cache_still_gives_the_code(tmp_path, monkeypatch):
    from pccc_site import qr

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(qr, "CACHE_DIR", blocker / "qr")
    qr._svg_body.cache_clear()
    assert qr._svg_body("https://example.gov.vn/a/").startswith("<svg")
    qr._svg_body.cache_clear()
