"""Publishing: one public address in every QR code and printed address, and the web-server files.

The QR codes are read back with ZXing (``zxing-cpp``): the inline SVG that
segno draws is turned back into its module matrix, drawn as an image with a
known module size and quiet zone, and decoded, as a phone would.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest
import zxingcpp

from conftest import build_site
from pccc_site import qr, webserver

QR_SVG = re.compile(r'<svg[^>]*class="pccc-qr".*?</svg>', re.DOTALL)
MOVES = re.compile(r"([Mmhv])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?")


# ---------------------------------------------------------------------------
# Reading a QR code back
# ---------------------------------------------------------------------------
def _matrix(svg: str) -> list[list[bool]]:
    """segno's dark modules: one path of horizontal strokes on rows at y + 0.5."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    strokes = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    dark = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, first, second in MOVES.findall(strokes):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        elif command == "h":
            for column in range(int(x), int(x + float(first))):
                dark[int(y)][column] = True
            x += float(first)
    return dark


def decode(svg: str, scale: int = 4) -> str:
    """The text of a QR code drawn as inline SVG, read by ZXing from a rendered image."""
    dark = _matrix(svg)
    side = len(dark) * scale
    pixels = bytearray(b"\xff" * side * side)
    for row, cells in enumerate(dark):
        for column, is_dark in enumerate(cells):
            if is_dark:
                for line in range(row * scale, row * scale + scale):
                    pixels[line * side + column * scale: line * side + column * scale + scale] = bytes(scale)
    found = zxingcpp.read_barcodes(memoryview(pixels).cast("B", shape=[side, side]))
    assert len(found) == 1, "one readable QR code"
    return found[0].text


def _codes(page: Path) -> list[str]:
    return [decode(svg) for svg in QR_SVG.findall(page.read_text(encoding="utf-8"))]


def _html(site, url: str) -> str:
    return (site.root / url / "index.html").read_text(encoding="utf-8")


def test_decoder_reads_what_segno_draws():
    assert decode(qr.svg("https://pccc.example.gov.vn/en/ky-nang/#so-khan-cap", "en")) == (
        "https://pccc.example.gov.vn/en/ky-nang/#so-khan-cap"
    )


# ---------------------------------------------------------------------------
# The address decision
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8000/", "http://localhost:8001/", "http://[::1]/", "http://0.0.0.0/",
                                 "http://127.1.2.3/pccc/"])
def test_unset_and_loopback_addresses_print_nothing_outside_a_preview(url, monkeypatch):
    monkeypatch.delenv("PCCC_PREVIEW", raising=False)
    assert qr.is_loopback(url)
    assert qr.printed_site_url(url, serving=False) == ""
    assert qr.printed_site_url(url, serving=True) == url
    assert "SITE_URL=https://" in qr.how_to_set(url)


@pytest.mark.parametrize("url", ["https://pccc.example.gov.vn/", "http://10.0.0.5/pccc/", "http://intranet.sngv/"])
def test_a_public_address_is_used_as_given(url):
    assert not qr.is_loopback(url)
    assert qr.printed_site_url(url, serving=False) == url


def test_without_an_address_the_panel_keeps_only_its_links():
    assert qr.public_address("", "ky-nang/") == ""
    assert qr.svg("", "vi") == "" and qr.address_link("") == ""
    assert qr.trainer_panel("", "vi") == ""
    panel = qr.trainer_panel("", "en", '<p><a href="phieu/">Sheet</a></p>')
    assert "<svg" not in panel and "pccc-address" not in panel and "Scan" not in panel and "Sheet" in panel


def test_default_build_prints_no_code_no_address_and_says_how_to_set_it(tmp_path):
    result = build_site(tmp_path, "", {"PCCC_PREVIEW": "0"})
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("No QR code and no printed address in this build: SITE_URL is not set.") == 1
    for page in tmp_path.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'class="pccc-qr"' not in text and "pccc-address" not in text, page
        assert 'rel="canonical"' not in text, page
        if "bao-tri" not in page.parts:  # the maintainer guide explains `make serve`'s address
            assert "127.0.0.1" not in text, page
    assert "127.0.0.1" not in (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    kit = (tmp_path / "tap-huan/bo-cong-cu-cuoc-hop/index.html").read_text(encoding="utf-8")
    assert "pccc-kit__card" in kit  # the kit keeps its cards, with links, without codes


@pytest.mark.parametrize("url, note", [
    ("", "Bản xem thử trên máy này: mã QR và địa chỉ chỉ mở được trên chính máy tính này."),
    ("en/", "Local preview: this code and address open only on this computer."),
])
def test_a_local_preview_says_so_in_the_trainer_box(site, url, note):
    panel = re.search(r'<details class="pccc-trainer">.*?</details>', _html(site, url), re.DOTALL).group(0)
    assert note in panel and "SITE_URL" in panel and 'class="pccc-qr"' in panel


# ---------------------------------------------------------------------------
# A build for https://pccc.example.gov.vn/tap-huan/: every code and address is public
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["", "en/", "ky-nang/phieu-tu-kiem-tra/", "en/ky-nang/phieu-tu-kiem-tra/"])
def test_trainer_box_code_opens_the_page_at_its_public_address(public_site, url):
    assert _codes(public_site.root / url / "index.html") == [public_site.origin + url]
    assert "pccc-trainer__preview" not in _html(public_site, url)


@pytest.mark.parametrize("language, prefix", [("vi", ""), ("en", "en/")])
def test_every_code_and_printed_address_of_the_trainer_pages_is_public(public_site, language, prefix):
    origin = public_site.origin
    kit_page = public_site.root / prefix / "tap-huan/bo-cong-cu-cuoc-hop/index.html"
    codes = re.findall(r'<li[^>]*><img src="([^"]+)"[^>]*>.*?<span class="pccc-address">([^<]+)</span></li>',
                       kit_page.read_text(encoding="utf-8"))
    assert len(codes) > 100  # every page and each of its sections
    for image, printed in codes:
        drawing = (kit_page.parent / image).resolve().read_text(encoding="utf-8")
        assert printed.startswith(origin + prefix) and decode(QR_SVG.search(drawing).group(0)) == printed
    quiz = f"{origin}{prefix}trac-nghiem/kien-thuc-co-ban/"
    assert _codes(public_site.root / prefix / "trac-nghiem/kien-thuc-co-ban/phieu/index.html") == [quiz, quiz + "phieu/"]
    assert _codes(public_site.root / prefix / "trac-nghiem/kien-thuc-co-ban/trinh-chieu/index.html") == [quiz, quiz + "trinh-chieu/"]
    for page, span in (("dap-an", "pccc-sheet__address"), ("trinh-chieu", "pccc-meet__address")):
        printed = re.findall(rf'class="{span}">([^<]+)<', _html(public_site, f"{prefix}trac-nghiem/kien-thuc-co-ban/{page}"))
        assert printed and all(address.startswith(origin + prefix) for address in printed), page


def test_canonical_links_and_sitemap_use_the_public_address(public_site):
    for url in public_site.pages():
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', _html(public_site, url)).group(1)
        assert canonical == public_site.origin + url
    locations = re.findall(r"<loc>([^<]+)</loc>", (public_site.root / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(location.startswith(public_site.origin) for location in locations)


# ---------------------------------------------------------------------------
# The web-server files the build writes
# ---------------------------------------------------------------------------
def test_every_configuration_carries_the_same_headers(public_site):
    headers = webserver.security_headers(webserver.inline_script_hashes(public_site.root))
    nginx = (public_site.root / webserver.NGINX_SITE).read_text(encoding="utf-8")
    netlify = (public_site.root / "_headers").read_text(encoding="utf-8")
    apache = (public_site.root / "_server/apache.htaccess").read_text(encoding="utf-8")
    iis = (public_site.root / "_server/iis-web.config").read_text(encoding="utf-8")
    for name, value in headers.items():
        assert f'add_header {name} "{value}" always;' in nginx
        assert f"  {name}: {value}\n" in netlify
        assert f'Header always set {name} "{value}"' in apache
        assert f'<add name="{name}" value="{value.replace(chr(39), "&#x27;")}" />' in iis
    policy = headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and policy.count("'sha256-") >= 3


def test_pages_run_only_hashed_inline_scripts(public_site):
    """Every inline script of every page is in the policy; any other would be blocked."""
    policy = webserver.content_security_policy(webserver.inline_script_hashes(public_site.root))
    home = (public_site.root / "index.html").read_text(encoding="utf-8")
    scripts = [m for m in webserver.INLINE_SCRIPT.finditer(home) if "src=" not in m.group("attributes")
               and "application/json" not in m.group("attributes")]
    assert len(scripts) == 3
    for script in scripts:
        assert webserver.script_hash(script.group("body")) in policy


@pytest.mark.parametrize("path", ["index.html", "en/404.html", "search/search_index.json", "assets/favicon.svg", "sitemap.xml"])
def test_precompressed_copies_hold_the_same_bytes(public_site, path):
    original = (public_site.root / path).read_bytes()
    assert gzip.decompress((public_site.root / (path + ".gz")).read_bytes()) == original
    assert brotli.decompress((public_site.root / (path + ".br")).read_bytes()) == original
