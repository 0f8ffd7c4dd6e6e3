"""Performance figures of this site beside a bare Material build of the same Markdown (a benchmark, not a test).

Prints, each against its budget (issue 14):
- build CPU time (user+sys of the child process), median of paired runs,
  this site vs bare Material (scripts/bench_projects.py), and again at 4x
  the content, with the cost of each added page;
- each home page's first load, gzipped, with what it requests (this site
  must fetch no search index before search is used);
- the search indexes, gzipped;
- the quiz validator on 10,000 questions beside yamllint
  (``pccc_site.quiz.bench``; yamllint is installed into .bench/ on first use);
- Lighthouse mobile (performance, total blocking time, accessibility, best
  practices, SEO) on a home page, a lesson, a legal page and a quiz page in
  both languages, this site and bare Material, both served gzipped by the
  same small local server. Lighthouse (npm, exact version below) is
  installed into .bench/ on first use; Chromium is Debian's;
- the offline bundle's size.

The script never fails: budgets are printed, not enforced. ``make bench``;
BENCH_RUNS (default 5) paired build runs, BENCH_LIGHTHOUSE_RUNS (default 3).
"""

from __future__ import annotations

import functools
import gzip
import json
import mimetypes
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import bench_projects

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PUBLIC_URL = "https://pccc.example.gov.vn/"  # a public address: the build draws every QR code
BUDGETS = {"build_ratio": 2.0, "home_gzip_kb": 80.0, "index_gzip_kb": 60.0}
BUILD_RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LIGHTHOUSE_VERSION = "12.2.3"  # 13.x needs Node 22; Debian 12 has Node 20
YAMLLINT_VERSION = "1.38.0"
BENCH_DIR = ROOT / ".bench"
LIGHTHOUSE = BENCH_DIR / "node_modules" / ".bin" / "lighthouse"
YAMLLINT = BENCH_DIR / "yamllint" / "bin" / "yamllint"
LIGHTHOUSE_PAGES = {"home": "", "lesson": "ky-nang/thoat-nan-toa-nha/", "legal": "phap-ly/luat-55-2024-qh15/",
                    "quiz": "trac-nghiem/kien-thuc-co-ban/"}
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "3"))  # medians: one run on 2 shared cores varies a lot
LANGUAGES = ("", "en/")


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER budget"


# ---------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------
def build_cpu(config_file: Path, site_dir: Path, site_url: str = "") -> float:
    """CPU seconds (user+sys) of one ``mkdocs build`` of ``config_file`` in a child process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PCCC_PREVIEW", None)
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "--site-dir", str(site_dir)],
                             cwd=config_file.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"build of {config_file} failed: {child.stderr.read().decode()[-2000:]}")
    return usage.ru_utime + usage.ru_stime


def pages_in(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def paired_builds(site_config: Path, bare_config: Path, out: Path, runs: int) -> tuple[float, float, int]:
    """Median CPU seconds of this site's and bare Material's builds, run alternately; and the page count.

    One build of each comes first, unmeasured: it fills the QR-code and
    compression caches (.cache/), as the office's first build does once.
    """
    build_cpu(site_config, out / "warm-site", PUBLIC_URL)
    build_cpu(bare_config, out / "warm-bare")
    ours, bare = [], []
    for run in range(runs):
        ours.append(build_cpu(site_config, out / f"site-{run}", PUBLIC_URL))
        bare.append(build_cpu(bare_config, out / f"bare-{run}"))
    pages = pages_in(out / "site-0")
    if pages != pages_in(out / "bare-0"):
        print(f"  (page counts differ: this site {pages}, bare Material {pages_in(out / 'bare-0')})")
    return statistics.median(ours), statistics.median(bare), pages


def print_builds(work: Path) -> tuple[Path, Path]:
    """Print the build figures; return the built site and bare Material folders (1x content, for the page checks)."""
    results = {}
    for copies, runs in ((1, BUILD_RUNS), (4, max(3, BUILD_RUNS // 2))):
        site = bench_projects.copy_site(work / f"project-{copies}x", copies)
        bare = bench_projects.bare_material(site, work / f"bare-{copies}x")
        results[copies] = paired_builds(site / "mkdocs.yml", bare, work / f"out-{copies}x", runs)
        ours, theirs, pages = results[copies]
        ratio = ours / theirs
        print(f"build CPU at {copies}x the content ({pages} pages, median of {runs} paired runs): "
              f"this site {ours:.1f} s, bare Material {theirs:.1f} s, ratio {ratio:.2f}x "
              f"(budget {BUDGETS['build_ratio']:.0f}x: {verdict(ratio <= BUDGETS['build_ratio'])})")
    (ours1, bare1, pages1), (ours4, bare4, pages4) = results[1], results[4]
    added = pages4 - pages1
    per_page_ours, per_page_bare = (ours4 - ours1) / added, (bare4 - bare1) / added
    growth = per_page_ours / per_page_bare
    print(f"each added page: this site {per_page_ours * 1000:.0f} ms, bare Material {per_page_bare * 1000:.0f} ms, "
          f"ratio {growth:.2f}x (budget {BUDGETS['build_ratio']:.0f}x: {verdict(growth <= BUDGETS['build_ratio'])})")
    return work / "out-1x" / "site-0", work / "out-1x" / "bare-0"


# ---------------------------------------------------------------------------
# Serving and page weight
# ---------------------------------------------------------------------------
class _Gzip(SimpleHTTPRequestHandler):
    """Serves files gzipped when the client accepts it, as a production web server would."""

    def log_message(self, *args):
        pass

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


def serve(site_dir: Path) -> tuple[ThreadingHTTPServer, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Gzip, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}/"


def first_load(browser, url: str) -> dict:
    """What a first visit to ``url`` loads, until the network is idle: requests, gzipped KB, whether the search index came."""
    context = browser.new_context()
    page = context.new_page()
    loaded: list[tuple[str, bytes]] = []
    page.on("response", lambda response: loaded.append((response.url, response.body())) if response.ok else None)
    page.goto(url, wait_until="networkidle")
    context.close()
    return {
        "requests": len(loaded),
        "gzip_kb": sum(len(gzip.compress(body, 9)) for _, body in loaded) / 1024,
        "index": any("search_index" in address for address, _ in loaded),
    }


def print_first_loads(sites: dict[str, Path]) -> None:
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for language in LANGUAGES:
            figures = {}
            for name, site_dir in sites.items():
                server, origin = serve(site_dir)
                try:
                    figures[name] = first_load(browser, origin + language)
                finally:
                    server.shutdown()
                    server.server_close()
            ours = figures["this site"]
            print(f"home /{language} first load, gzipped: " + ", ".join(
                f"{name} {f['gzip_kb']:.0f} KB in {f['requests']} requests"
                f"{' (search index included)' if f['index'] else ' (no search index)'}" for name, f in figures.items())
                + f"; budget {BUDGETS['home_gzip_kb']:.0f} KB with no index: "
                + verdict(ours["gzip_kb"] <= BUDGETS["home_gzip_kb"] and not ours["index"]))
        browser.close()


def print_search_indexes(site_dir: Path, bare_dir: Path) -> None:
    def packed_kb(path: Path) -> float:
        return len(gzip.compress(path.read_bytes(), 9)) / 1024

    vi, en = site_dir / "search" / "search_index.json", site_dir / "en" / "search" / "search_index.json"
    print(f"search index, gzipped: Vietnamese {packed_kb(vi):.0f} KB "
          f"(budget {BUDGETS['index_gzip_kb']:.0f} KB: {verdict(packed_kb(vi) <= BUDGETS['index_gzip_kb'])}), "
          f"English {packed_kb(en):.0f} KB; bare Material's one index for both languages "
          f"{packed_kb(bare_dir / 'search' / 'search_index.json'):.0f} KB, fetched by every page at load")


# ---------------------------------------------------------------------------
# The quiz validator
# ---------------------------------------------------------------------------
def ensure_yamllint() -> Path:
    if not YAMLLINT.exists():
        print(f"installing yamllint=={YAMLLINT_VERSION} into .bench/yamllint ...")
        subprocess.run([sys.executable, "-m", "venv", str(YAMLLINT.parent.parent)], check=True)
        subprocess.run([str(YAMLLINT.parent / "pip"), "install", "--quiet", "--disable-pip-version-check",
                        f"yamllint=={YAMLLINT_VERSION}"], check=True)
    return YAMLLINT


def print_validator() -> None:
    env = {**os.environ, "YAMLLINT": str(ensure_yamllint()), "PYTHONPATH": str(ROOT / "scripts")}
    subprocess.run([sys.executable, "-m", "pccc_site.quiz.bench"], cwd=ROOT / "scripts", env=env, check=False)


# ---------------------------------------------------------------------------
# Lighthouse
# ---------------------------------------------------------------------------
def ensure_lighthouse() -> Path:
    if not LIGHTHOUSE.exists():
        print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into .bench/ ...")
        subprocess.run(["npm", "install", "--prefix", str(BENCH_DIR), "--no-audit", "--no-fund",
                        "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True, capture_output=True)
    return LIGHTHOUSE


def lighthouse(url: str) -> dict:
    """One Lighthouse mobile run of ``url``: category scores (0-100), total blocking time, lost audits."""
    result = subprocess.run(
        [str(ensure_lighthouse()), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, text=True,
    )
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    scores["lost"] = sorted(
        audit_id for category in report["categories"].values() for ref in category["auditRefs"]
        if ref["weight"] and (report["audits"][audit_id := ref["id"]]["score"] or 0) < 1
    )
    return scores


def median_run(url: str) -> tuple[dict, list[int]]:
    runs = sorted((lighthouse(url) for _ in range(LIGHTHOUSE_RUNS)), key=lambda run: run["performance"])
    return runs[len(runs) // 2], [run["performance"] for run in runs]


def print_lighthouse(sites: dict[str, Path]) -> None:
    targets = ", ".join(f"{k} {v}" for k, v in LIGHTHOUSE_TARGETS.items())
    print(f"lighthouse {LIGHTHOUSE_VERSION}, mobile, served gzipped, median of {LIGHTHOUSE_RUNS} runs (targets: {targets}):")
    servers = {name: serve(site_dir) for name, site_dir in sites.items()}
    tbt: dict[str, list[float]] = {name: [] for name in sites}
    try:
        for language in LANGUAGES:
            for kind, path in LIGHTHOUSE_PAGES.items():
                for name, (_, origin) in servers.items():
                    median, spread = median_run(origin + language + path)
                    tbt[name].append(median["tbt"])
                    figures = "  ".join(f"{category} {median[category]}" for category in LIGHTHOUSE_CATEGORIES)
                    met = all(median[c] >= t for c, t in LIGHTHOUSE_TARGETS.items())
                    lost = f"; below 100: {', '.join(median['lost'])}" if median["lost"] else ""
                    print(f"  {kind} /{language}{path} [{name}]: {figures}, TBT {median['tbt']:.0f} ms "
                          f"(performance runs {'/'.join(map(str, spread))}){lost}"
                          + ("" if name != "this site" else f": {verdict(met)}"))
    finally:
        for server, _ in servers.values():
            server.shutdown()
            server.server_close()
    medians = {name: statistics.median(values) for name, values in tbt.items()}
    print("total blocking time, median over these pages: "
          + ", ".join(f"{name} {value:.0f} ms" for name, value in medians.items())
          + f" (ratio {medians['this site'] / max(medians['bare Material'], 1):.1f}x)")


def print_offline_bundle_size() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from pccc_site import offline  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        zip_path = offline.bundle(Path(tmp))
        print(f"offline bundle: {zip_path.stat().st_size / 1024:.0f} KB zipped")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="pccc-bench-") as tmp:
        site_dir, bare_dir = print_builds(Path(tmp))
        sites = {"this site": site_dir, "bare Material": bare_dir}
        print_first_loads(sites)
        print_search_indexes(site_dir, bare_dir)
        print_validator()
        print_lighthouse(sites)
    print_offline_bundle_size()
    return 0


if __name__ == "__main__":
    sys.exit(main())
