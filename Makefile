# Two commands for a fresh machine: `make serve` and `make test`.
# Each target creates or updates .venv from requirements.txt first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-requirements
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean offline

$(STAMP): requirements.txt
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

test: $(STAMP)
	$(BIN)/python -m pytest

# Zip of the site for use from file:// with no network: dist/pccc-cnch-offline.zip.
# Set SITE_URL to the published address so the QR codes in it point there.
offline: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m pccc_site.offline --out dist

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf site dist test-artifacts .pytest_cache
