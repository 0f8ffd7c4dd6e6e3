"""The offline bundle: the whole site as a zip that works from ``file://``.

A trainer copies one zip to a USB stick and opens ``index.html`` on a laptop
with no network. ``OFFLINE=1`` makes the build fit for that:

- pages are written as ``x/index.html`` and linked as such
  (``use_directory_urls: false``), since a browser does not open a folder's
  index on its own from the file system;
- Chromium refuses to start a Web Worker from a ``file://`` page, and
  Material's search runs in one: the vendored ``iframe-worker`` shim
  (overrides/assets/vendor/iframe-worker, MIT) runs it in a hidden iframe;
- from ``file://`` Material loads ``search/search_index.js`` (which must set
  ``var __index``) instead of fetching the JSON: one is written beside each
  language's split index.

Material's own ``offline`` plugin does the first two with a shim from a CDN
and writes only one language's index with static-i18n; this module does it
without the network, for both languages.

Run ``python -m pccc_site.offline`` (``make offline``) to write the zip.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import qr
from .search_index import index_path

ROOT = Path(__file__).resolve().parents[2]
SHIM = "assets/vendor/iframe-worker/shim.js"
BUNDLE_NAME = "pccc-cnch-offline"
LEFT_OUT = (".map",)  # source maps: for developers only, a third of the bundle


def enabled() -> bool:
    return os.environ.get("OFFLINE", "0") == "1"


def configure(config) -> None:
    """Adjust the MkDocs configuration for a site read from the file system."""
    config["use_directory_urls"] = False
    polyfills = config["extra"].setdefault("polyfills", [])
    if SHIM not in polyfills:
        polyfills.append(SHIM)


def write_search_scripts(site_dir: Path, languages: list[str], default: str) -> list[Path]:
    """Write ``search/search_index.js`` beside each language's ``search_index.json``."""
    written = []
    for language in languages:
        json_path = index_path(site_dir, language, default)
        if not json_path.exists():
            continue
        script = json_path.with_suffix(".js")
        script.write_text("var __index = " + json_path.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(script)
    return written


def build(site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """A strict offline build of the site into ``site_dir``."""
    env = {**os.environ, "OFFLINE": "1", "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


def zip_site(site_dir: Path, zip_path: Path) -> Path:
    """Zip ``site_dir`` under one top folder, in a stable order, without source maps."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and not p.name.endswith(LEFT_OUT))
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.write(path, f"{BUNDLE_NAME}/{path.relative_to(site_dir).as_posix()}")
    return zip_path


def bundle(out_dir: Path, site_url: str | None = None) -> Path:
    """Build the offline site and write ``out_dir/pccc-cnch-offline.zip``; return its path."""
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / BUNDLE_NAME
        result = build(site_dir, site_url)
        if result.returncode != 0:
            raise RuntimeError(f"offline build failed:\n{result.stderr}")
        return zip_site(site_dir, out_dir / f"{BUNDLE_NAME}.zip")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    args = parser.parse_args(argv)
    if not qr.printed_site_url(os.environ.get("SITE_URL", ""), serving=False):
        print(qr.how_to_set(os.environ.get("SITE_URL", "")), file=sys.stderr)
    path = bundle(args.out)
    print(f"{path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
