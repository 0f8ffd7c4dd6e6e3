# Two commands for a fresh machine: `make serve` and `make test`.
# Each target creates or updates .venv from requirements.txt first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
export NO_MKDOCS_2_WARNING := 1

PORT ?= 8000

.PHONY: serve build test bench clean offline serve-nginx

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

# SITE_URL=https://pccc.example.gov.vn/ make build: without a public SITE_URL
# the build has no QR code and no printed address (it says so in one line).
# Also writes the web-server files: site/_headers, site/_server/ (see README).
build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

# The real nginx (Debian's nginx + libnginx-mod-http-brotli-static) with the
# shipped configuration over site/, in the foreground: make serve-nginx PORT=8080
serve-nginx: $(STAMP)
	test -f site/_server/nginx-site.conf || $(MAKE) build
	PYTHONPATH=scripts $(BIN)/python -m pccc_site.webserver serve --site site --port $(if $(filter command line,$(origin PORT)),$(PORT),8080)

test: $(STAMP)
	$(BIN)/python -m pytest

# Zip of the site for use from file:// with no network: dist/pccc-cnch-offline.zip.
# Set SITE_URL to the published address, or the bundle has no QR codes.
offline: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m pccc_site.offline --out dist

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site dist test-artifacts .pytest_cache
