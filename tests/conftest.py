"""Shared fixtures: a strict build of the site served on 127.0.0.1, and Chromium.

The site is built once per test session with ``mkdocs build --strict``
(never with ``-q``: the quiet flag hides warnings from the strict check)
into a temporary folder, with ``SITE_URL`` set to the address it is served
from, and served by a small HTTP server on a free port. Under pytest-xdist
(``make test``) the controller builds and serves it, and every worker uses it.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


# Builds that only some tests need. With `pytest -n 2` (make test), the tests
# that use one of them run on the same worker, so that it is built once. These
# and other costly fixtures are session-scoped even when one module uses them:
# a worker may run a module's tests in several stretches, and a module-scoped
# fixture would be made again for each.
SHARED_BUILDS = ("public_site", "nginx_site", "bundle_root", "hostile_site")
# The longest tests start first, one on each worker (make test keeps this
# order: --no-loadscope-reorder), so that no worker is left with one at the end.
LONGEST = ("test_every_page_stays_home_is_accessible_and_fits_a_phone",)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture in SHARED_BUILDS:
            if fixture in item.fixturenames:
                item.add_marker(pytest.mark.xdist_group(fixture))
                break
    items.sort(key=lambda item: item.originalname not in LONGEST)


def pytest_collection_finish(session):
    """Stop at once if pytest-xdist could not group the tests (the shared builds would
    be built on each worker): it marks a grouped test by adding "@group" to its id,
    which pytest 9.2 no longer allows (pytest-xdist#1386)."""
    if not session.config.getoption("loadgroup", False):
        return
    lost = [item.nodeid for item in session.items if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if lost:
        raise pytest.UsageError(f"pytest-xdist did not group {len(lost)} tests, e.g. {lost[0]}: use the pytest pinned in requirements-test.txt")


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    origin: str  # "http://127.0.0.1:PORT/"
    log: str

    def url(self, path: str) -> str:
        return self.origin + path.lstrip("/")

    def pages(self) -> list[str]:
        """Site-relative URL of every built page, both languages ("", "en/", "ky-nang/", ...)."""
        urls = []
        for html in sorted(self.root.rglob("index.html")):
            relative = html.parent.relative_to(self.root).as_posix()
            if relative.split("/")[0] in {"assets", "search"}:
                continue
            urls.append("" if relative == "." else relative + "/")
        return urls


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep test output readable
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(site_dir: Path, site_url: str, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """A strict build for ``site_url``. A loopback ``site_url`` is built as a local
    preview (``PCCC_PREVIEW=1``: QR codes with the preview note) unless ``extra_env`` says otherwise."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PCCC_PREVIEW": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def serve(folder: Path, port: int) -> ThreadingHTTPServer:
    """Serve ``folder`` on 127.0.0.1:``port`` from a thread of this process (``shutdown`` and ``server_close`` to stop)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class _ServedSite:
    """A strict build served on 127.0.0.1 by a thread of this process, until ``stop``."""

    def __init__(self, site_dir: Path):
        port = free_port()
        origin = f"http://127.0.0.1:{port}/"
        result = build_site(site_dir, origin)
        self.built = BuiltSite(root=site_dir, origin=origin, log=result.stderr)
        self.failed = result.returncode != 0
        self.server = None if self.failed else serve(site_dir, port)

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


_SHARED_SITE = pytest.StashKey[_ServedSite]()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts its workers
def pytest_sessionstart(session):
    """With pytest-xdist, the controller builds and serves the session's site once for all workers."""
    config = session.config
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        config.stash[_SHARED_SITE] = _ServedSite(Path(tempfile.mkdtemp(prefix="pccc-site-")))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    shared = node.config.stash[_SHARED_SITE]
    node.workerinput["pccc_site"] = [str(shared.built.root), shared.built.origin, shared.built.log, shared.failed]


def pytest_sessionfinish(session):
    shared = session.config.stash.get(_SHARED_SITE, None)
    if shared:
        shared.stop()
        shutil.rmtree(shared.built.root, ignore_errors=True)


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> BuiltSite:
    """The site built for the address it is served from (the controller's build under pytest-xdist)."""
    shared = getattr(request.config, "workerinput", {}).get("pccc_site")
    if shared:
        served, (root, origin, log, failed) = None, shared
        built = BuiltSite(root=Path(root), origin=origin, log=log)
    else:
        served = _ServedSite(tmp_path_factory.mktemp("site"))
        built, failed = served.built, served.failed
    assert not failed, f"strict build failed:\n{built.log}"
    yield built
    if served:
        served.stop()


PUBLIC_SITE_URL = "https://pccc.example.gov.vn/tap-huan/"  # under a path, as on an agency's shared host


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> BuiltSite:
    """The site built for publication at ``PUBLIC_SITE_URL`` (not served)."""
    site_dir = tmp_path_factory.mktemp("public-site")
    result = build_site(site_dir, PUBLIC_SITE_URL)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return BuiltSite(root=site_dir, origin=PUBLIC_SITE_URL, log=result.stderr)


def _missing(message: str):
    """Fail in CI (CI=true), skip on a workstation."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message)
    pytest.skip(message)


def _wait_for_port(port: int, process: subprocess.Popen, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stdout.read()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("nginx did not start listening")


@pytest.fixture(scope="session")
def nginx_site(site) -> BuiltSite:
    """The session's build served by Debian's nginx with the configuration the build ships.

    nginx serves a copy in a world-readable folder (started by root, it runs
    as ``nobody``) on its own port; nothing nginx serves depends on the
    address the site was built for.
    """
    if shutil.which("nginx") is None:
        _missing("nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static")
    from pccc_site import webserver

    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    site_dir = Path(tempfile.mkdtemp(prefix="pccc-nginx-site-"))
    shutil.copytree(site.root, site_dir, dirs_exist_ok=True)
    site_dir.chmod(0o755)  # after the copy, which gives it the build folder's mode (0700)
    command = webserver.prepare(site_dir, port)
    work_dir = Path(command[command.index("-p") + 1])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for_port(port, process)
        yield BuiltSite(root=site_dir, origin=origin, log=site.log)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.rmtree(work_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class KeptContext:
    """A browser context kept for many tests, each of which gets a new tab of it.

    A new context costs about one CPU second on the 2-core machine before its
    page does anything; a new tab of a kept context, whose renderer and cache
    Chromium keeps, about a third of that. What a test leaves behind is
    removed after it: its tabs, cookies and the local storage of ``home``
    (cleared from a tab kept open there). Tests that need a context set up
    otherwise (init scripts, routes, no JavaScript, forced colours) make their
    own, or a kept context of their own.
    """

    def __init__(self, context, home: str):
        self.context = context
        self.keeper = context.new_page()
        self.keeper.goto(home)

    @contextmanager
    def tab(self):
        """A new tab for one test; afterwards, whatever the test left in the context is removed."""
        try:
            yield self.context.new_page()
        finally:
            for tab in self.context.pages:
                if tab is not self.keeper:
                    tab.close()
            self.context.clear_cookies()
            self.keeper.evaluate("localStorage.clear()")


def _kept_context(browser, site, **options):
    context = browser.new_context(base_url=site.origin, **options)
    yield KeptContext(context, site.url("404.html"))
    context.close()


@pytest.fixture(scope="session")
def _desktop_context(browser, site):
    yield from _kept_context(browser, site, viewport=DESKTOP)


@pytest.fixture(scope="session")
def _phone_context(browser, site):
    yield from _kept_context(browser, site, viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def page(_desktop_context):
    """A new desktop-sized tab on the test site (in the context kept for the session)."""
    with _desktop_context.tab() as tab:
        yield tab


@pytest.fixture
def phone_page(_phone_context):
    """A new phone-sized tab (360 px, touch) on the test site."""
    with _phone_context.tab() as tab:
        yield tab
