"""How the built site is served: one source for nginx, static hosts and CDNs, Apache and IIS.

At the end of a build (``write_server_files``):

- every HTML, CSS, JS, JSON, SVG and XML file gets a gzip (``.gz``) and a
  brotli (``.br``) copy beside it, for nginx's ``gzip_static`` and
  ``brotli_static`` (and any server that serves precompressed files);
- the Content-Security-Policy is computed from the built HTML: scripts may
  run only from the site itself or when they are one of the inline scripts
  found in the pages (Material's three small start-up scripts), by their
  sha256 hash;
- ``_server/nginx-site.conf`` (directives for a ``server {}`` block of
  Debian's nginx), ``_headers`` (Netlify, Cloudflare Pages and the like),
  ``_server/apache.htaccess`` and ``_server/iis-web.config`` are written from
  the same headers and cache rules below.

``python -m pccc_site.webserver serve --port 8080`` runs the real nginx over
``site/`` in the foreground, as an unprivileged user (``make serve-nginx``).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import brotli

from . import disk_cache

ROOT = Path(__file__).resolve().parents[2]
SERVER_DIR = "_server"
NGINX_SITE = f"{SERVER_DIR}/nginx-site.conf"
HIDDEN = ("/_server/", "/_headers")  # the generated configuration is not served by nginx
COMPRESSED_SUFFIXES = (".html", ".css", ".js", ".json", ".svg", ".xml")
SMALLEST_TO_COMPRESS = 256  # bytes; below this the header costs more than it saves
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
LANGUAGES_WITH_PREFIX = ("en",)  # /en/… gets en/404.html

# Material's fingerprinted assets (name.<8 hex digits>.min.js/.css, and their
# source maps) change name when their content changes: cached for a year.
FINGERPRINTED_NAME = r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$"
FINGERPRINTED = r"^/assets/(javascripts|stylesheets)/.+" + FINGERPRINTED_NAME
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=600, must-revalidate"  # HTML and the site's own files: 10 minutes

# Inline <script> types that browsers do not run (and CSP does not check).
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)


# ---------------------------------------------------------------------------
# The headers (the one source)
# ---------------------------------------------------------------------------
def inline_script_hashes(site_dir: Path) -> list[str]:
    """``'sha256-…'`` of every distinct inline script the built pages run, sorted."""
    hashes = set()
    for page in site_dir.rglob("*.html"):
        for match in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attributes = match.group("attributes")
            if re.search(r"\bsrc\s*=", attributes):
                continue
            kind = re.search(r'\btype\s*=\s*"([^"]*)"', attributes)
            if kind and kind.group(1).strip().lower() in DATA_SCRIPT_TYPES:
                continue
            hashes.add(script_hash(match.group("body")))
    return sorted(hashes)


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script_hashes: list[str]) -> str:
    """The policy: everything from the site itself, inline scripts only by hash.

    - ``img-src data:``: Material draws its icons in CSS with ``data:`` SVG;
    - ``worker-src 'self'``: the search runs in a worker loaded from the site;
    - ``style-src 'self'``: the pages have no ``style`` attribute or element.
    """
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
    return "; ".join(directives)


def security_headers(script_hashes: list[str]) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    }


# ---------------------------------------------------------------------------
# Precompressed copies
# ---------------------------------------------------------------------------
def _compressed_copy(data: bytes, suffix: str) -> Path:
    return disk_cache.CACHE_ROOT / "compressed" / (disk_cache.key_of(data, brotli.version, suffix) + suffix)


def precompress(site_dir: Path) -> int:
    """Write ``.gz`` and ``.br`` beside every compressible file; return how many files.

    Material's fingerprinted files (every visitor loads them, once a year)
    get the strongest settings, kept in .cache/compressed/ since they are the
    same in every build; pages and indexes, which change with every build,
    fast ones: brotli 11 costs 40 times brotli 5 for 10 % less.
    """
    fingerprinted = re.compile(FINGERPRINTED_NAME)
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or not path.name.endswith(COMPRESSED_SUFFIXES):
            continue
        data = path.read_bytes()
        if len(data) < SMALLEST_TO_COMPRESS:
            continue
        if fingerprinted.search(path.name):  # the same bytes in every build until Material changes
            gz = disk_cache.remembered(_compressed_copy(data, ".gz"), lambda: gzip.compress(data, compresslevel=9, mtime=0))
            br = disk_cache.remembered(_compressed_copy(data, ".br"), lambda: brotli.compress(data, quality=11))
        else:
            gz, br = gzip.compress(data, compresslevel=6, mtime=0), brotli.compress(data, quality=5)
        path.with_name(path.name + ".gz").write_bytes(gz)
        path.with_name(path.name + ".br").write_bytes(br)
        count += 1
    return count


# ---------------------------------------------------------------------------
# The per-language 404 page
# ---------------------------------------------------------------------------
_default_404 = ""
SWITCHER_LINK = re.compile(r'<a href="(?P<href>[^"]*)" hreflang="(?P<language>[^"]+)" class="md-select__link">')
NOT_FOUND_TITLE = {"vi": "404 - Không tìm thấy trang"}  # Material's template says "404 - Not found"


def _language_roots(page: str) -> dict[str, str]:
    return {match.group("language"): match.group("href") for match in SWITCHER_LINK.finditer(page)}


def page_404_per_language(output: str, language: str, default: str, site_dir: Path) -> str:
    """What to write as the root ``404.html`` (MkDocs' ``on_post_template`` of ``404.html``).

    Each language build renders the theme's ``404.html`` at the site root,
    so the last language would win. The default language's page stays at
    the root; another language's goes to ``<language>/404.html``, with its
    language switcher pointed at the home pages as on the default one
    (static-i18n leaves it on the last page built).
    """
    global _default_404
    if language in NOT_FOUND_TITLE:
        output = output.replace("<h1>404 - Not found</h1>", f"<h1>{NOT_FOUND_TITLE[language]}</h1>", 1)
    if language == default:
        _default_404 = output
        return output
    roots = _language_roots(_default_404)
    output = SWITCHER_LINK.sub(
        lambda match: match.group(0).replace(f'href="{match.group("href")}"', f'href="{roots.get(match.group("language"), match.group("href"))}"'),
        output,
    )
    (site_dir / language).mkdir(parents=True, exist_ok=True)
    (site_dir / language / "404.html").write_text(output, encoding="utf-8")
    return _default_404 or output


# ---------------------------------------------------------------------------
# The configurations, generated from the headers above
# ---------------------------------------------------------------------------
def _nginx_headers(headers: dict[str, str], cache: str) -> list[str]:
    lines = [f'add_header Cache-Control "{cache}" always;']
    lines += [f'add_header {name} "{value}" always;' for name, value in headers.items()]
    return lines


def _nginx_location(match: str, headers: dict[str, str], cache: str, extra: tuple[str, ...] = ()) -> list[str]:
    body = list(extra) + _nginx_headers(headers, cache)
    return [f"location {match} {{"] + [f"    {line}" for line in body] + ["}"]


def nginx_site(headers: dict[str, str]) -> str:
    """Directives for a ``server {}`` block that sets ``listen`` and ``root``.

    ``add_header`` in a location replaces the server's, so every location
    repeats the security headers.
    """
    lines = [
        "# Generated by the build (scripts/pccc_site/webserver.py): do not edit, rebuild.",
        "# Include inside a server { listen ...; root /path/to/site; } block.",
        "# brotli_static needs Debian's libnginx-mod-http-brotli-static.",
        "charset utf-8;",
        "index index.html;",
        "gzip_static on;",
        "brotli_static on;",
        "gzip_vary on;",
        "etag on;",
        "error_page 404 /404.html;",
    ]
    for hidden in HIDDEN:
        lines += [f"location ^~ {hidden} {{", "    return 404;", "}"]
    lines += _nginx_location(f'~ "{FINGERPRINTED}"', headers, CACHE_IMMUTABLE)
    for language in LANGUAGES_WITH_PREFIX:
        lines += _nginx_location(f"/{language}/", headers, CACHE_SHORT, (f"error_page 404 /{language}/404.html;",))
    lines += _nginx_location("/", headers, CACHE_SHORT)
    return "\n".join(lines) + "\n"


def fingerprinted_files(site_dir: Path) -> list[str]:
    """Site paths (``/assets/…``) of Material's fingerprinted files in this build."""
    pattern = re.compile(FINGERPRINTED)
    paths = ("/" + path.relative_to(site_dir).as_posix() for path in site_dir.joinpath("assets").rglob("*"))
    return sorted(path for path in paths if pattern.search(path))


def netlify_headers(headers: dict[str, str], immutable: list[str]) -> str:
    """``_headers`` for Netlify, Cloudflare Pages and hosts that read the same format.

    Such hosts join the values of every rule that matches a path, so the
    year-long cache names each fingerprinted file of this build, and other
    files keep the host's own short default.
    """
    lines = ["# Generated by the build (scripts/pccc_site/webserver.py).", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    for path in immutable:
        lines += [path, f"  Cache-Control: {CACHE_IMMUTABLE}"]
    return "\n".join(lines) + "\n"


def apache_htaccess(headers: dict[str, str]) -> str:
    """``.htaccess`` for Apache 2.4 (mod_headers; not tested here)."""
    lines = [
        "# Generated by the build (scripts/pccc_site/webserver.py). Not tested here:",
        "# copy to the site's root as .htaccess; needs mod_headers and AllowOverride FileInfo.",
        "ErrorDocument 404 /404.html",
        '<If "%{REQUEST_URI} =~ m#^/en/#">',
        "    ErrorDocument 404 /en/404.html",
        "</If>",
    ]
    lines += [f'Header always set {name} "{value}"' for name, value in headers.items()]
    lines += [f'Header set Cache-Control "{CACHE_SHORT}"']
    lines += [f'<FilesMatch "{FINGERPRINTED_NAME}">', f'    Header set Cache-Control "{CACHE_IMMUTABLE}"', "</FilesMatch>"]
    return "\n".join(lines) + "\n"


def iis_web_config(headers: dict[str, str]) -> str:
    """``web.config`` for IIS 10 (static content; not tested here)."""
    custom = "\n".join(
        f'        <add name="{name}" value="{html.escape(value, quote=True)}" />' for name, value in headers.items()
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by the build (scripts/pccc_site/webserver.py). Not tested here:
     copy to the site's root as web.config. The English 404 needs a second
     web.config in en/ with only the httpErrors section pointing at /en/404.html. -->
<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
{custom}
      </customHeaders>
    </httpProtocol>
    <staticContent>
      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="0.00:10:00" />
    </staticContent>
    <httpErrors errorMode="Custom" existingResponse="Replace">
      <remove statusCode="404" />
      <error statusCode="404" path="/404.html" responseMode="ExecuteURL" />
    </httpErrors>
    <urlCompression doStaticCompression="true" />
  </system.webServer>
</configuration>
"""


def write_server_files(site_dir: Path) -> dict[str, str]:
    """Compress, hash and write every configuration; return the headers used."""
    headers = security_headers(inline_script_hashes(site_dir))
    (site_dir / SERVER_DIR).mkdir(exist_ok=True)
    (site_dir / NGINX_SITE).write_text(nginx_site(headers), encoding="utf-8")
    (site_dir / SERVER_DIR / "apache.htaccess").write_text(apache_htaccess(headers), encoding="utf-8")
    (site_dir / SERVER_DIR / "iis-web.config").write_text(iis_web_config(headers), encoding="utf-8")
    (site_dir / "_headers").write_text(netlify_headers(headers, fingerprinted_files(site_dir)), encoding="utf-8")
    precompress(site_dir)
    return headers


# ---------------------------------------------------------------------------
# Running the real nginx
# ---------------------------------------------------------------------------
def nginx_main_config(site_dir: Path, port: int, work_dir: Path, host: str = "127.0.0.1") -> str:
    """A whole nginx.conf, for the foreground server of ``make serve-nginx`` and the tests."""
    module = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    return f"""{module}worker_processes 1;
pid {work_dir}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    server_tokens off;
    client_body_temp_path {work_dir}/body;
    proxy_temp_path {work_dir}/proxy;
    fastcgi_temp_path {work_dir}/fastcgi;
    uwsgi_temp_path {work_dir}/uwsgi;
    scgi_temp_path {work_dir}/scgi;
    server {{
        listen {host}:{port};
        root {site_dir.resolve()};
        include {(site_dir / NGINX_SITE).resolve()};
    }}
}}
"""


def nginx_command(config: Path, work_dir: Path) -> list[str]:
    """nginx in the foreground; started by root, it first drops to the user ``nobody``."""
    command = ["nginx", "-p", str(work_dir), "-c", str(config), "-g", "daemon off;"]
    if os.geteuid() == 0:
        shutil.chown(work_dir, "nobody")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"] + command
    return command


def prepare(site_dir: Path, port: int, host: str = "127.0.0.1") -> list[str]:
    """Write nginx.conf in a fresh folder; return the command that runs nginx with it."""
    if not (site_dir / NGINX_SITE).exists():
        raise SystemExit(f"{site_dir / NGINX_SITE} is missing: build the site first (make build)")
    if shutil.which("nginx") is None:
        raise SystemExit("nginx is missing: apt-get install nginx libnginx-mod-http-brotli-static")
    work_dir = Path(tempfile.mkdtemp(prefix="pccc-nginx-"))
    work_dir.chmod(0o755)
    config = work_dir / "nginx.conf"
    config.write_text(nginx_main_config(site_dir, port, work_dir, host), encoding="utf-8")
    return nginx_command(config, work_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run nginx over the built site in the foreground")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    command = prepare(args.site, args.port)
    print(f"nginx serves {args.site} at http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0
    finally:
        shutil.rmtree(command[command.index("-p") + 1], ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
