# Two commands for a fresh machine: `make serve` and `make test`.
# `make serve` (and build, check, offline) installs only what the site needs
# (requirements.txt); `make test` (and test-fast, bench) adds the test tools
# (requirements-test.txt: pytest, Playwright, axe-core). Both go into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
SITE_STAMP := $(VENV)/.installed-requirements
TEST_STAMP := $(VENV)/.installed-requirements-test
export NO_MKDOCS_2_WARNING := 1

PORT ?= 8000

.PHONY: serve build check test test-fast bench clean offline serve-nginx

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	$(PYTHON) -m venv $(VENV)

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(PIP) -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt $(SITE_STAMP)
	$(PIP) -r requirements-test.txt
	touch $@

serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

# SITE_URL=https://pccc.example.gov.vn/ make build: without a public SITE_URL
# the build has no QR code and no printed address (it says so in one line).
# Also writes the web-server files: site/_headers, site/_server/ (see README).
build: $(SITE_STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The real nginx (Debian's nginx + libnginx-mod-http-brotli-static) with the
# shipped configuration over site/, in the foreground: make serve-nginx PORT=8080
serve-nginx: $(SITE_STAMP)
	test -f site/_server/nginx-site.conf || $(MAKE) build
	PYTHONPATH=scripts $(BIN)/python -m pccc_site.webserver serve --site site --port $(if $(filter command line,$(origin PORT)),$(PORT),8080)

# Check every quiz file, as the build does first, and print every problem.
check: $(SITE_STAMP)
	$(BIN)/python scripts/quiz.py check

# Two workers (pytest-xdist), one per core; tests that share an extra build
# run on one worker, and the longest start first (tests/conftest.py).
PYTEST := $(BIN)/python -m pytest -n $(or $(WORKERS),2) --dist loadgroup --no-loadscope-reorder

test: $(TEST_STAMP)
	$(PYTEST)

# Every test that needs no browser: the edit-test loop.
test-fast: $(TEST_STAMP)
	$(PYTEST) --ignore=tests/browser

# Zip of the site for use from file:// with no network: dist/pccc-cnch-offline.zip.
# Set SITE_URL to the published address, or the bundle has no QR codes.
offline: $(SITE_STAMP)
	PYTHONPATH=scripts $(BIN)/python -m pccc_site.offline --out dist

bench: $(TEST_STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site dist test-artifacts .pytest_cache
