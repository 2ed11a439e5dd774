# `make` sets up .venv and builds the pamphlet; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: all build normalise check test bench clean ace

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test,bench]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/pamphleteer build

normalise: $(STAMP)
	$(BIN)/pamphleteer normalise

check: $(STAMP) ace
	$(BIN)/pamphleteer check

# Ace by DAISY, the EPUB accessibility checker that `check` runs when it is there:
# Debian's Chromium, and Ace from npm without the browser its puppeteer would download.
# Where either cannot be installed, `check` says so and runs its own accessibility rules.
ACE_STAMP := tools/ace/node_modules/.installed
ace: $(ACE_STAMP)

$(ACE_STAMP): tools/ace/package-lock.json
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "make ace: Chromium could not be installed; check runs its own accessibility rules only."
	@(cd tools/ace && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
		&& touch $@ || echo "make ace: Ace could not be installed; check runs its own accessibility rules only."

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf build
