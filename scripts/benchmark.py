"""Performance figures for the current build (a benchmark, not a test).

Prints:
- build time and peak memory of `mkdocs build --strict`;
- the home page's weight in both languages with everything the browser
  loads for it (raw and gzipped bytes, number of requests).

Budgets are printed beside the figures; the script never fails a build.
Run it with `make bench`.
"""

from __future__ import annotations

import functools
import gzip
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
BUDGETS = {"build_seconds": 10.0, "home_gzip_kb": 120.0}


def measure_build(site_dir: Path, site_url: str) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one strict build in a child process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site_dir: Path, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page_weight(browser, url: str) -> dict:
    """Requests, raw bytes and gzipped bytes of everything ``url`` loads (search included)."""
    context = browser.new_context()
    page = context.new_page()
    bodies: list[bytes] = []
    page.on("response", lambda response: bodies.append(response.body()) if response.ok else None)
    page.goto(url, wait_until="networkidle")
    context.close()
    return {
        "requests": len(bodies),
        "raw_kb": sum(len(b) for b in bodies) / 1024,
        "gzip_kb": sum(len(gzip.compress(b, 9)) for b in bodies) / 1024,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        seconds, peak_mb = measure_build(site_dir, origin)
        pages = sum(1 for _ in site_dir.rglob("index.html"))
        print(f"build: {seconds:.2f} s (budget {BUDGETS['build_seconds']:.0f} s), "
              f"peak memory {peak_mb:.0f} MB, {pages} pages")

        from playwright.sync_api import sync_playwright

        server = serve(site_dir, port)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for path in ("", "en/"):
                    weight = page_weight(browser, origin + path)
                    print(f"home /{path}: {weight['requests']} requests, {weight['raw_kb']:.0f} KB raw, "
                          f"{weight['gzip_kb']:.0f} KB gzipped (budget {BUDGETS['home_gzip_kb']:.0f} KB)")
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
