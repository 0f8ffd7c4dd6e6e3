"""Performance figures for the current build (a benchmark, not a test).

Prints:
- build time and peak memory of `mkdocs build --strict`;
- the home page's weight in both languages with everything the browser
  loads for it (raw and gzipped bytes, number of requests);
- the build time without QR codes (PCCC_QR=0) beside the normal build;
- the size of the offline bundle (the zip `make offline` writes);
- Lighthouse mobile scores of LIGHTHOUSE_PAGES in both languages, the site
  served with gzip by a small local server. Lighthouse (npm, exact version
  below) is installed into .bench/ on first use; Chromium is Debian's.

Budgets are printed beside the figures; the script never fails a build.
Run it with `make bench`.
"""

from __future__ import annotations

import functools
import gzip
import json
import mimetypes
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
LIGHTHOUSE_VERSION = "12.2.3"  # 13.x needs Node 22; Debian 12 has Node 20
LIGHTHOUSE = ROOT / ".bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ["", "ky-nang/", "trac-nghiem/kien-thuc-co-ban/"]  # home, a lesson, a quiz; both languages are measured
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_RUNS = 3  # the median is printed: on 2 shared cores a single run varies by 10-20 points
LIGHTHOUSE_METRICS = {"first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT"}


def measure_build(site_dir: Path, site_url: str, extra_env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one strict build in a child process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PCCC_PREVIEW": "1", **(extra_env or {})}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak_mb


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Serves files gzipped when the client accepts it, as a production web server would."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site_dir: Path, port: int, handler=_Quiet) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site_dir)))
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


def ensure_lighthouse() -> Path:
    if not LIGHTHOUSE.exists():
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into .bench/ ...")
        subprocess.run(["npm", "install", "--prefix", str(ROOT / ".bench"), "--no-audit", "--no-fund",
                        "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, capture_output=True)
    return LIGHTHOUSE


def lighthouse_scores(url: str) -> dict[str, int]:
    """Lighthouse mobile scores (0-100) of ``url`` per category, and the audits that lost points."""
    result = subprocess.run(
        [str(ensure_lighthouse()), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, text=True,
    )
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}
    scores.update({metric: report["audits"][metric]["numericValue"] for metric in LIGHTHOUSE_METRICS})
    scores["cpu"] = round(report["environment"]["benchmarkIndex"])  # Lighthouse's CPU speed; lower = busier machine
    scores["lost"] = sorted(
        audit_id for category in report["categories"].values() for ref in category["auditRefs"]
        if ref["weight"] and (report["audits"][audit_id := ref["id"]]["score"] or 0) < 1
    )
    return scores


def print_lighthouse(origin: str) -> None:
    targets = ", ".join(f"{k} {v}" for k, v in LIGHTHOUSE_TARGETS.items())
    print(f"lighthouse {LIGHTHOUSE_VERSION}, mobile, gzip served (targets: {targets}):")
    for language in ("", "en/"):
        for path in LIGHTHOUSE_PAGES:
            runs = sorted((lighthouse_scores(origin + language + path) for _ in range(LIGHTHOUSE_RUNS)),
                          key=lambda run: run["performance"])
            median = runs[len(runs) // 2]
            figures = "  ".join(f"{name} {median[name]}" for name in LIGHTHOUSE_CATEGORIES)
            spread = "/".join(str(run["performance"]) for run in runs)
            metrics = ", ".join(f"{label} {median[m]:.0f} ms" for m, label in LIGHTHOUSE_METRICS.items())
            metrics += f", CPU benchmark index {median['cpu']}"
            lost = f"; below 100: {', '.join(median['lost'])}" if median["lost"] else ""
            print(f"  /{language}{path}: {figures}  (performance runs {spread}; {metrics}{lost})")


def print_qr_cost(site_url: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with_qr, _ = measure_build(Path(tmp) / "a", site_url)
        without_qr, _ = measure_build(Path(tmp) / "b", site_url, {"PCCC_QR": "0"})
    print(f"build with QR codes {with_qr:.2f} s, without (PCCC_QR=0) {without_qr:.2f} s")


def print_offline_bundle_size() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from pccc_site import offline

    with tempfile.TemporaryDirectory() as tmp:
        zip_path = offline.bundle(Path(tmp))
        print(f"offline bundle: {zip_path.stat().st_size / 1024:.0f} KB zipped")


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
            server.server_close()
        print_qr_cost(origin)
        print_offline_bundle_size()
        server = serve(site_dir, port, _Gzip)
        try:
            print_lighthouse(origin)
        finally:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
